"""The paperless hall's pages: the secretary's console, the projector, the delegate's app and
the result sheet, through the client (the permission matrix is in test_permissions)."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from dancu.core.documents import docx_text, layout_problems
from dancu.council import hall, services
from dancu.council.models import Ballot, ElectronicVote, SpeakerRequest
from dancu.council.tests.factories import PDF_BYTES, make_delegate_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def delegates(world):
    return [make_delegate_user(world, i) for i in range(9)]


def test_console_opens_and_closes_a_vote_and_the_sheet(client, world, session_in_progress, draft, delegates):
    s = session_in_progress
    client.force_login(world["admin"])
    page = client.get(reverse("council:hall_console", args=[s.pk]))
    assert page.status_code == 200 and b"data-open-vote" in page.content
    # a refused opening keeps the input and says why (no draft chosen for a draft vote)
    refused = client.post(
        reverse("council:e_vote_open", args=[s.pk]),
        {"matter": "draft", "minutes": 3, "question": "Kept text"},
    )
    assert refused.status_code in (400, 422) and b"Kept text" in refused.content
    assert not ElectronicVote.objects.exists()
    opened = client.post(
        reverse("council:e_vote_open", args=[s.pk]), {"matter": "draft", "submission": draft.pk, "minutes": 3}
    )
    assert opened.status_code == 302
    vote = ElectronicVote.objects.get()
    for user in delegates[:6]:
        hall.check_in(actor=user, session=s)
        hall.ballot_cast(actor=user, vote=vote, choice="yes", key=uuid.uuid4().hex)
    live = client.get(reverse("council:projector_live", args=[s.pk])).content.decode()
    assert 'data-count="yes">6<' in live and "data-passed" not in live
    assert client.post(reverse("council:e_vote_close", args=[vote.pk])).status_code == 302
    vote.refresh_from_db()
    assert vote.passed and vote.yes == 6
    live = client.get(reverse("council:projector_live", args=[s.pk])).content.decode()
    assert 'data-passed="yes"' in live
    # closing twice: the console says so, nothing changes
    again = client.post(reverse("council:e_vote_close", args=[vote.pk]))
    assert again.status_code == 409 and b'data-error="vote_closed"' in again.content
    sheet = client.get(reverse("council:e_vote_docx", args=[vote.pk]))
    assert sheet.status_code == 200 and sheet["Content-Disposition"].startswith("attachment")
    text = docx_text(sheet.content)
    assert "BIÊN BẢN" in text and "Kết quả biểu quyết" in text and "ĐƯỢC THÔNG QUA" in text
    assert "6/9" in text and "Đại Biểu Số 000: Tán thành" in text
    assert layout_problems(sheet.content, dispatch=False) == []


def test_secret_sheet_names_nobody(client, world, session_in_progress, delegates):
    s = session_in_progress
    for user in delegates[:5]:
        hall.check_in(actor=user, session=s)
    vote = hall.e_vote_open(actor=world["admin"], session=s, matter="personnel", question="Bầu Phó Chủ tịch")
    for user in delegates[:5]:
        hall.ballot_cast(actor=user, vote=vote, choice="no", key=uuid.uuid4().hex)
    hall.e_vote_close(actor=world["admin"], vote=vote)
    client.force_login(world["admin"])
    text = docx_text(client.get(reverse("council:e_vote_docx", args=[vote.pk])).content)
    assert "bỏ phiếu kín" in text and "Đại Biểu Số" not in text and "KHÔNG ĐƯỢC THÔNG QUA" in text


def test_delegate_checks_in_registers_and_votes_by_htmx(client, world, session_in_progress, draft, delegates):
    s = session_in_progress
    user = delegates[0]
    client.force_login(user)
    page = client.get(reverse("council:delegate_session", args=[s.pk]))
    assert page.status_code == 200 and b"data-check-in" in page.content
    assert client.post(reverse("council:delegate_check_in", args=[s.pk])).status_code == 302
    refused = client.post(
        reverse("council:delegate_speak", args=[s.pk]), {"kind": "question", "topic": "Vì sao?"}
    )
    assert refused.status_code == 400 and "Vì sao?" in refused.content.decode()
    assert (
        client.post(
            reverse("council:delegate_speak", args=[s.pk]), {"kind": "discussion", "topic": "Rừng"}
        ).status_code
        == 302
    )
    assert SpeakerRequest.objects.get().delegate_id == world["people"][0].pk
    vote = hall.e_vote_open(actor=world["admin"], session=s, submission=draft)
    live = client.get(reverse("council:delegate_live", args=[s.pk])).content.decode()
    assert "data-ballot-form" in live
    key = uuid.uuid4().hex
    for _attempt in range(3):  # the device retries the same request: one ballot
        r = client.post(
            reverse("council:ballot", args=[vote.pk]),
            {"choice": "abstain", "key": key},
            HTTP_HX_REQUEST="true",
        )
        assert r.status_code == 200 and 'data-my-ballot="abstain"' in r.content.decode()
    assert Ballot.objects.filter(vote=vote).count() == 1
    # a delegate not checked in is refused, with the reason, and nothing is recorded
    other = delegates[1]
    client.force_login(other)
    r = client.post(
        reverse("council:ballot", args=[vote.pk]),
        {"choice": "yes", "key": uuid.uuid4().hex},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 409 and b'data-error="not_present"' in r.content
    assert Ballot.objects.filter(vote=vote).count() == 1


def test_document_viewer_and_own_notes(
    client, world, session_in_progress, draft, delegates, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    services.submission_file_add(
        actor=world["admin"], submission=draft, uploaded=ContentFile(PDF_BYTES, name="a.pdf")
    )
    client.force_login(delegates[0])
    session_page = client.get(
        reverse("council:delegate_session", args=[session_in_progress.pk])
    ).content.decode()
    view_url = reverse("council:document_view", args=[draft.pk, 1])
    assert view_url in session_page and "data-offline-urls" in session_page
    page = client.get(view_url).content.decode()
    assert reverse("council:document_pdf", args=[draft.pk, 1]) in page and "vendor/pdfjs/pdf.min.mjs" in page
    pdf = client.get(reverse("council:document_pdf", args=[draft.pk, 1]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content) == PDF_BYTES
    r = client.post(reverse("council:note_add", args=[draft.pk, 1]), {"text": "Điều 2 chưa rõ", "page": 1})
    assert r.status_code == 302
    assert "Điều 2 chưa rõ" in client.get(view_url).content.decode()
    client.force_login(delegates[1])
    assert "Điều 2 chưa rõ" not in client.get(view_url).content.decode()
    client.force_login(world["admin"])
    assert "Điều 2 chưa rõ" not in client.get(view_url).content.decode()


def test_service_worker_scope(client, world, delegates):
    client.force_login(delegates[0])
    r = client.get(reverse("council:service_worker"))
    assert r.status_code == 200 and r["Content-Type"].startswith("text/javascript")
    assert r["Service-Worker-Allowed"] == reverse("council:my_sessions")
    assert b"caches.open" in r.content


def test_docx_converted_once_per_version(world, session_in_progress, draft, settings, tmp_path, libreoffice):
    from dancu.council import documents_hall
    from dancu.council.models import ConvertedFile
    from dancu.council.tests.factories import docx_bytes

    settings.MEDIA_ROOT = tmp_path
    item = services.submission_file_add(
        actor=world["admin"],
        submission=draft,
        uploaded=ContentFile(docx_bytes("Dự thảo điều 1"), name="d.docx"),
    )
    assert documents_hall.conversion_state(item) == "pending"
    assert documents_hall.convert_now(item.pk)
    row = ConvertedFile.objects.get(source=item)
    first = row.pdf.name
    assert row.pdf.open("rb").read(5) == b"%PDF-"
    assert documents_hall.convert_now(item.pk) and ConvertedFile.objects.get(source=item).pdf.name == first
    assert documents_hall.conversion_state(item) == "ready"


def test_delegate_app_api_with_a_token(client, world, session_in_progress, draft, delegates):
    """The delegate's app through the API with an API token (no session, no CSRF): check in,
    register, read the hall, cast a ballot idempotently; the operations are in the OpenAPI."""
    from dancu.accounts.services import api_token_create

    _token, key = api_token_create(actor=delegates[0], name="máy tính bảng")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    s = session_in_progress
    r = client.post(f"/api/v1/council/sessions/{s.pk}/check-in", content_type="application/json", **auth)
    assert r.status_code == 200 and r.json()["checked_in"] is True
    r = client.post(
        f"/api/v1/council/sessions/{s.pk}/speakers",
        {"kind": "discussion", "topic": "Ý kiến"},
        content_type="application/json",
        **auth,
    )
    assert r.status_code == 200 and r.json()["status"] == "waiting"
    vote = hall.e_vote_open(actor=world["admin"], session=s, submission=draft)
    body = {"choice": "yes", "key": uuid.uuid4().hex}
    first = client.post(
        f"/api/v1/council/e-votes/{vote.pk}/ballots", body, content_type="application/json", **auth
    )
    retry = client.post(
        f"/api/v1/council/e-votes/{vote.pk}/ballots", body, content_type="application/json", **auth
    )
    assert first.json()["applied"] is True and retry.json()["applied"] is False
    assert retry.json()["tally"]["yes"] == 1 and Ballot.objects.filter(vote=vote).count() == 1
    hall_state = client.get(f"/api/v1/council/sessions/{s.pk}/hall", **auth).json()
    assert hall_state["vote"]["my_choice"] == "yes" and hall_state["waiting"][0]["topic"] == "Ý kiến"
    docs = client.get(f"/api/v1/council/sessions/{s.pk}/documents", **auth)
    assert docs.status_code == 200
    closed = hall.e_vote_close(actor=world["admin"], vote=vote)
    late = client.post(
        f"/api/v1/council/e-votes/{closed.pk}/ballots",
        {"choice": "no", "key": uuid.uuid4().hex},
        content_type="application/json",
        **auth,
    )
    assert late.status_code == 409 and late.json()["error"]["code"] == "vote_closed"
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/council/my/sessions",
        "/api/v1/council/sessions/{session_id}/agenda",
        "/api/v1/council/sessions/{session_id}/documents",
        "/api/v1/council/sessions/{session_id}/hall",
        "/api/v1/council/sessions/{session_id}/open-votes",
        "/api/v1/council/sessions/{session_id}/check-in",
        "/api/v1/council/sessions/{session_id}/speakers",
        "/api/v1/council/e-votes/{e_vote_id}/ballots",
    ):
        assert path in paths, path


def test_a_version_deleted_while_it_converts_leaves_nothing(world, session_in_progress, draft, settings, tmp_path, monkeypatch):
    """The conversion takes seconds: a version deleted meanwhile must not fail the task (nor
    poison the caller's transaction), and its PDF is not left on disk."""
    from dancu.core import documents
    from dancu.council import documents_hall
    from dancu.council.models import ConvertedFile, SubmissionFile
    from dancu.council.tests.factories import docx_bytes

    settings.MEDIA_ROOT = tmp_path
    item = services.submission_file_add(
        actor=world["admin"],
        submission=draft,
        uploaded=ContentFile(docx_bytes("Dự thảo điều 1"), name="d.docx"),
    )

    def slow_conversion(data: bytes) -> bytes:  # the Office deletes the version meanwhile
        ConvertedFile.objects.filter(source=item).delete()
        return b"%PDF-1.4 converted"

    monkeypatch.setattr(documents, "docx_to_pdf", slow_conversion)
    assert documents_hall.convert_now(item.pk) is False
    assert not ConvertedFile.objects.filter(source=item).exists()
    assert SubmissionFile.objects.filter(pk=item.pk).exists()
    assert not list(tmp_path.rglob("*.pdf"))  # the orphan PDF was removed
