"""Issue 10, finding 9 (check): every council DOCX builds when user text carries control
characters ("\\x08\\x01", pasted from old software), and none of them reaches the document.

The records are written through the services, which do not clean text (the pages' middleware
does, `core.middleware.CleanInputMiddleware`): a script or an import could still bring such
characters, and the documents must not break (`core.documents` cleans what it writes)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.core.documents import docx_text
from dancu.core.text import has_control_characters
from dancu.council import documents, selectors, services
from dancu.council.tests.factories import DAY, make_question, make_session, make_vote

pytestmark = pytest.mark.django_db

BAD = "\x08\x01"


@pytest.fixture
def dirty(world, province):
    """A session with every text a document shows carrying control characters."""
    admin = world["admin"]
    for body in (world["council"], world["agency"]):
        body.name = f"{body.name}{BAD}"
        body.save()
    province.name = f"{province.name}{BAD}"
    province.save()
    person = world["people"][0]
    person.full_name = f"Nguyễn{BAD} Văn A"
    person.save()
    session = make_session(admin, world, title=f"Kỳ họp{BAD} thứ mười")
    services.agenda_item_add(
        actor=admin,
        session=session,
        day=DAY,
        title=f"Khai mạc{BAD}",
        time=f"7h{BAD}30",
        presenter=f"Chủ tọa{BAD}",
    )
    draft = services.submission_create(
        actor=admin,
        session=session,
        kind="draft_resolution",
        title=f"Dự thảo{BAD} về rừng",
        submitter=world["ubnd"],
    )
    vote = make_vote(admin, draft, yes=9)
    resolution = services.resolution_adopt(
        actor=admin,
        vote=vote,
        content=f"Căn cứ{BAD} Luật Tổ chức chính quyền địa phương;",
        implementing_agency=world["agency"],
    )
    cv = services.confidence_vote_create(actor=admin, session=session, held_on=DAY)
    rated = services.confidence_subject_add(actor=admin, vote=cv, person=person, post=f"Chủ tịch{BAD} UBND")
    services.confidence_tally_record(actor=admin, subject=rated, high=5, medium=2, low=2)
    services.confidence_subject_add(
        actor=admin,
        vote=cv,
        person=world["people"][1],
        post=f"Giám đốc{BAD}",
        exempt=True,
        exemption_reason=f"Nghỉ chế độ{BAD}",
    )
    question = make_question(admin, world, session, content=f"Vì sao{BAD} chậm?")
    commitment = services.commitment_add(
        actor=admin, question=question, content=f"Xong{BAD} trong quý I", due_date=DAY
    )
    services.commitment_update(actor=admin, commitment=commitment, follow_up=f"Đang làm{BAD}")
    return {"session": session, "resolution": resolution, "vote": cv}


def _check(data: bytes, *must_show: str) -> None:
    text = docx_text(data)
    assert not has_control_characters(text.replace("\n", "")), repr(text[:200])
    for words in must_show:
        assert words in text, (words, text[:500])


def test_every_council_docx_builds_with_control_characters(world, dirty):
    session, resolution, cv = dirty["session"], dirty["resolution"], dirty["vote"]
    resolution = selectors.resolution_get(world["admin"], resolution.pk)
    _check(documents.resolution_docx(resolution), "Dự thảo về rừng", "Căn cứ Luật", "Kỳ họp thứ mười".upper())
    _check(documents.agenda_docx(session), "Khai mạc", "7h30", "Chủ tọa")
    _check(documents.confidence_minutes_docx(cv), "Nguyễn Văn A", "Chủ tịch UBND", "Nghỉ chế độ")
    report = selectors.commitments_report(world["admin"], session)
    _check(documents.commitments_docx(session, report), "Xong trong quý I", "Đang làm")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("council:resolution_docx", "resolution"),
        ("council:agenda_docx", "session"),
        ("council:confidence_docx", "vote"),
        ("council:commitments_report", "session"),
        ("council_public:resolution_docx", "resolution"),
    ],
)
def test_the_docx_downloads_are_200_with_control_characters(client, world, dirty, name, key):
    if name == "council_public:resolution_docx":
        services.resolution_transition(actor=world["admin"], resolution=dirty["resolution"], action="publish")
    client.force_login(world["admin"])
    query = "?format=docx" if name == "council:commitments_report" else ""
    response = client.get(reverse(name, args=[dirty[key].pk]) + query)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    _check(response.content)
