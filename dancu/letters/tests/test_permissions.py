"""Permission matrix of the letters module (pages, public pages, API), on the shared harness
(`dancu.core.testing`).

Actors: anonymous / no role / Office administrator of another province / each role of the
province (the agency responder in the agency the letter was forwarded to). An agency
responder sees only the letters forwarded to its body; nobody sees a sealed identity on a
page, in a document or through the API; GETs change nothing; every reveal is audited.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.cache import cache
from django.urls import reverse

from dancu.core import testing as m
from dancu.core.models import AuditEntry, ImportJob
from dancu.directory.models import BodyKind
from dancu.directory.tests.factories import BodyFactory
from dancu.letters import services
from dancu.letters.models import Letter, ReceptionDay, ReceptionVisit

from .conftest import solved_challenge

pytestmark = pytest.mark.django_db

SECRET_NAME = "Phan Thị Kín Đáo"
SECRET_ID = "042199007777"
# The name of a sealed letter's file (stored encrypted; shown only to who may reveal).
SEALED_FILE = "Chữ ký bí mật.png"
SEALED_FILE_STORED = "chu_ky_bi_mat.png"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
# Reads that are audited (a file downloaded, a duplicate hint against a sealed letter): they
# write an audit entry by design; no other GET may write anything.
READ_AUDITS = ("letters.file.download", "letters.duplicate_check_sealed", "letters.document_guidance")
FORWARDED_SUBJECT = "Tố cáo xây dựng trái phép"
HIDDEN_SUBJECT = "Kiến nghị riêng chưa chuyển"

VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
HANDLE = {"office_admin", "specialist"}
APPROVE = {"office_admin", "leader"}
REVEAL = {"office_admin", "leader"}
AGENCY = {"agency_responder"}

PAGES = {
    "letters:register": m.route(allowed=VIEW | AGENCY),
    "letters:register_export": m.route(allowed=VIEW | AGENCY),
    "letters:letter_create": m.route(allowed=HANDLE),
    "letters:statistics": m.route(allowed=VIEW),
    "letters:report_docx": m.route(allowed=VIEW),
    "letters:destruction_list": m.route(allowed=APPROVE),
    "letters:letter_detail": m.route("letter_id", allowed=VIEW | AGENCY),
    "letters:letter_document": m.route("letter_id", "doc", allowed=HANDLE),
    # A sealed letter's file: only who may reveal the denouncer's identity.
    "letters:letter_attachment": m.route("letter_id", "attachment_id", allowed=REVEAL),
    "letters:import_page": m.route(allowed=HANDLE),
    "letters:import_template": m.route(allowed=HANDLE),
    "letters:import_job": m.route("job_id", allowed=HANDLE),
    "letters:reception_days": m.route(allowed=VIEW),
    "letters:reception_day_detail": m.route("day_id", allowed=VIEW),
    # Corrections and deletions (GET: the form, or why a deletion is not allowed).
    "letters:letter_edit": m.route("letter_id", allowed=HANDLE),
    "letters:letter_delete": m.route("letter_id", allowed=HANDLE),
    "letters:reception_day_edit": m.route("day_id", allowed=HANDLE),
    "letters:reception_day_delete": m.route("day_id", allowed=HANDLE),
    "letters:visit_edit": m.route("visit_id", allowed=HANDLE),
    "letters:visit_delete": m.route("visit_id", allowed=HANDLE),
}
# POST-only routes and the actors refused (403/404) on the forwarded denunciation.
POST_ONLY = {
    "letters:letter_reveal": m.route("letter_id"),
    "letters:letter_action": m.route("letter_id", "action"),
    "letters:visit_letter": m.route("visit_id"),
    "letters:intake_duplicates": m.route(),
}
REFUSED = {
    "letters:letter_reveal": (
        "no_role",
        "other_province",
        "specialist",
        "delegate",
        "viewer",
        "agency_responder",
    ),
    "letters:letter_action": (
        "no_role",
        "other_province",
        "leader",
        "delegate",
        "viewer",
        "agency_responder",
    ),
    "letters:visit_letter": ("no_role", "other_province", "leader", "delegate", "viewer", "agency_responder"),
    "letters:intake_duplicates": ("no_role", "leader", "delegate", "viewer", "agency_responder"),
}
PUBLIC = {
    "letters_public:index": m.route(),
    "letters_public:submit": m.route(),
    "letters_public:receipt": m.route(),
    "letters_public:status": m.route(),
}
API = {
    "api:list_letters": m.route(allowed=VIEW | AGENCY),
    "api:get_letter": m.route("letter_id", allowed=VIEW | AGENCY),
}
# Documents whose text is checked for leaks once extracted (not visible in the raw bytes).
DOCUMENTS = ("letters:register_export", "letters:report_docx", "letters:letter_document")
ROUTES = m.route_names([PAGES, POST_ONLY, PUBLIC, API])


@pytest.fixture
def world(province, other_province, office, other_office, make_user):
    delegation = BodyFactory(kind=BodyKind.NA_DELEGATION, name="Đoàn ĐBQH tỉnh Hà Tĩnh", province=province)
    BodyFactory(kind=BodyKind.STANDING_COMMITTEE, name="Thường trực HĐND tỉnh Hà Tĩnh", province=province)
    agency = BodyFactory(kind=BodyKind.AGENCY, name="Sở Xây dựng tỉnh Hà Tĩnh", province=province)
    BodyFactory(kind=BodyKind.NA_DELEGATION, name="Đoàn ĐBQH tỉnh Nghệ An", province=other_province)
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in m.ROLES:
        actors[role] = make_user(role, agency if role == "agency_responder" else office)
    staff = actors["specialist"]
    forwarded = services.letter_create(
        actor=staff,
        receiving_body=delegation,
        received_date=datetime.date(2026, 3, 2),
        channel="post",
        kind="denunciation",
        subject=FORWARDED_SUBJECT,
        content="Công trình xây dựng không phép tại phường Thành Sen",
        target="Công ty xây dựng ABC",
        identity=services.Identity(
            name=SECRET_NAME, address="Phường Thành Sen", id_number=SECRET_ID, phone="0900111222"
        ),
        attachments=[services.Upload(SEALED_FILE, PNG)],
    )
    forwarded = services.letter_forward(actor=staff, letter=forwarded, to_body=agency)
    hidden = services.letter_create(
        actor=staff,
        receiving_body=delegation,
        received_date=datetime.date(2026, 3, 3),
        channel="email",
        kind="petition",
        subject=HIDDEN_SUBJECT,
        identity=services.Identity(name="Người Khác"),
    )
    day = services.reception_day_create(actor=staff, body=delegation, date=datetime.date(2026, 3, 16))
    visit = services.visit_record(
        actor=staff,
        reception_day=day,
        kind="denunciation",
        citizens=services.Citizens(names=[SECRET_NAME], id_number=SECRET_ID),
        content="Tố cáo tại buổi tiếp công dân",
    )
    job = ImportJob.objects.create(
        kind="letters", province_code=province.code, params={"province_id": province.pk}, status="failed"
    )
    return m.World(
        actors=actors,
        ids={
            "letter_id": forwarded.pk,
            "doc": "chuyen-don",
            "action": "accept",
            "day_id": day.pk,
            "visit_id": visit.pk,
            "job_id": job.pk,
            "attachment_id": forwarded.attachments.get().pk,
        },
        state=lambda: (
            AuditEntry.objects.exclude(action__in=READ_AUDITS).count(),
            Letter.objects.count(),
            ReceptionDay.objects.count(),
            ReceptionVisit.objects.count(),
            ImportJob.objects.count(),
            list(ReceptionVisit.objects.values_list("letter_id", flat=True)),
            list(Letter.objects.order_by("pk").values_list("status", flat=True)),
        ),
        secrets={
            SECRET_NAME: (),
            SECRET_ID: (),
            "sealed_identity": (),
            SEALED_FILE_STORED: REVEAL,
            FORWARDED_SUBJECT: VIEW | AGENCY,
            HIDDEN_SUBJECT: VIEW,
        },
        object_keys=frozenset({"letter_id", "day_id", "visit_id", "job_id", "attachment_id"}),
        extra={"forwarded": forwarded, "hidden": hidden, "agency": agency},
    )


def _raw(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _text(response) -> str:
    """The text of a page or of a document (Word, Excel)."""
    content_type = response["Content-Type"]
    if "wordprocessing" in content_type:
        from dancu.core.documents import docx_text

        return docx_text(_raw(response))
    if "spreadsheet" in content_type:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(_raw(response)), read_only=True)
        return "\n".join(
            " ".join(str(v) for v in row if v is not None)
            for ws in book.worksheets
            for row in ws.iter_rows(values_only=True)
        )
    return _raw(response).decode(errors="replace")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_leak_nothing(client, world, name):
    """Excel and Word bodies are compressed: their text is extracted before the secrets check."""
    url = m.url_of(name, PAGES[name], world)
    for actor, user in world.actors.items():
        m.login(client, user)
        response = client.get(url)
        if response.status_code != 200:
            continue
        text = _text(response)
        for secret, who in world.secrets.items():
            assert secret not in text or actor in set(who), (name, actor, secret)


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_routes(client, world, name):
    m.check_post_only(
        client, world, name, POST_ONLY[name], data={"reason": "xem thử danh tính"}, refused=REFUSED[name]
    )


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_pages(client, world, name):
    m.check_public(client, world, name, PUBLIC[name])


def test_agency_sees_only_forwarded_letters(client, world):
    forwarded, hidden = world.extra["forwarded"], world.extra["hidden"]
    client.force_login(world.actors["agency_responder"])
    assert client.get(reverse("letters:letter_detail", kwargs={"letter_id": hidden.pk})).status_code == 404
    assert client.get(reverse("api:get_letter", kwargs={"letter_id": hidden.pk})).status_code == 404
    listing = client.get(reverse("api:list_letters")).json()
    assert [item["id"] for item in listing["items"]] == [forwarded.pk]
    # The agency records the result of the letter forwarded to it, and cannot reveal.
    response = client.post(
        reverse("letters:letter_reveal", kwargs={"letter_id": forwarded.pk}),
        {"reason": "muốn biết người tố cáo"},
    )
    assert response.status_code in (403, 404)
    assert SECRET_NAME not in response.content.decode()
    url = reverse("letters:letter_action", kwargs={"letter_id": forwarded.pk, "action": "result"})
    assert client.post(url, {"result": "Đã kiểm tra, xử phạt"}).status_code == 302
    assert Letter.objects.get(pk=forwarded.pk).status == "resolved"
    assert AuditEntry.objects.filter(action="letters.letter.answer", target_id=str(forwarded.pk)).count() == 1


def test_pages_offer_only_the_steps_a_user_may_take(client, world):
    hidden = world.extra["hidden"]
    url = reverse("letters:letter_detail", kwargs={"letter_id": hidden.pk})
    accept = reverse("letters:letter_action", kwargs={"letter_id": hidden.pk, "action": "accept"})
    client.force_login(world.actors["specialist"])
    assert accept in client.get(url).content.decode()
    for actor in ("viewer", "leader", "delegate"):
        client.force_login(world.actors[actor])
        html = client.get(url).content.decode()
        assert accept not in html and 'id="forward-button"' not in html and 'id="result-button"' not in html
    # A forwarded letter may no longer be accepted: the button is gone.
    client.force_login(world.actors["specialist"])
    forwarded = world.extra["forwarded"]
    html = client.get(reverse("letters:letter_detail", kwargs={"letter_id": forwarded.pk})).content.decode()
    assert (
        reverse("letters:letter_action", kwargs={"letter_id": forwarded.pk, "action": "accept"}) not in html
    )


def test_every_reveal_is_audited(client, world):
    url = reverse("letters:letter_reveal", kwargs={"letter_id": world.extra["forwarded"].pk})
    client.force_login(world.actors["specialist"])
    assert client.post(url, {"reason": "cần xác minh"}).status_code == 403
    client.force_login(world.actors["leader"])
    before = AuditEntry.objects.filter(action="letters.identity_reveal").count()
    response = client.post(url, {"reason": ""})
    # Refused on the same form, with the message next to the reason.
    assert response.status_code == 400 and SECRET_NAME not in response.content.decode()
    assert 'id="reason"' in response.content.decode()
    assert AuditEntry.objects.filter(action="letters.identity_reveal").count() == before
    response = client.post(url, {"reason": "Xác minh theo yêu cầu của Trưởng đoàn"})
    assert response.status_code == 200 and SECRET_NAME in response.content.decode()
    response = client.post(url, {"reason": "Xác minh lần nữa"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and SECRET_NAME in response.content.decode()
    assert "<html" not in response.content.decode()  # the partial only
    entries = AuditEntry.objects.filter(action="letters.identity_reveal")
    assert entries.count() == before + 2
    assert entries.latest("id").actor == world.actors["leader"]


def test_public_submit_and_status(client, world):
    cache.clear()
    delegation = world.extra["forwarded"].receiving_body
    data = {
        "receiving_body": delegation.pk,
        "kind": "petition",
        "subject": "Kiến nghị về đèn đường",
        "content": "Đèn đường hỏng đã lâu",
        "name": "Công Dân Trực Tuyến",
        "address": "Hà Tĩnh",
        "phone": "0977 123 456",
    }
    response = client.post(reverse("letters_public:submit"), {**data, **solved_challenge(client)})
    # Redirect after post: the receipt page shows the code, which is never in a URL.
    assert response.status_code == 302 and response["Location"] == reverse("letters_public:receipt")
    letter = Letter.objects.get(subject="Kiến nghị về đèn đường")
    assert letter.receipt_code not in response["Location"]
    assert letter.receipt_code in client.get(response["Location"]).content.decode()
    assert letter.channel == "online" and letter.status == "received"
    assert (
        AuditEntry.objects.filter(action="letters.letter_create", target_id=str(letter.pk)).get().actor
        is None
    )
    url = reverse("letters_public:status")
    wrong = client.post(url, {"receipt_code": letter.receipt_code, "second_factor": "0000"})
    assert wrong.status_code == 400 and "public-status" not in wrong.content.decode()
    assert letter.receipt_code in wrong.content.decode()  # the form keeps what was typed
    right = client.post(
        url, {"receipt_code": letter.receipt_code.lower(), "second_factor": "3456"}
    ).content.decode()
    assert "public-status" in right
    assert "Công Dân Trực Tuyến" not in right and "đèn đường" not in right.lower()
    for _i in range(6):
        response = client.post(
            reverse("letters_public:submit"), {**data, "subject": f"Thử {_i}", **solved_challenge(client)}
        )
    assert response.status_code == 429
    assert Letter.objects.filter(subject__startswith="Thử").count() == 4
    cache.clear()


def test_public_submit_has_its_own_checks(world):
    """The public intake is its own service: only an active receiving body, a named writer
    with a phone; no staff permission is needed nor skipped."""
    from dancu.core.errors import ValidationFailed

    agency = world.extra["agency"]
    delegation = world.extra["forwarded"].receiving_body
    identity = services.Identity(name="Công Dân", address="Hà Tĩnh", phone="0977123456")
    common = {"kind": "petition", "subject": "Kiến nghị", "content": "Nội dung"}
    with pytest.raises(ValidationFailed) as refused:
        services.letter_submit_public(receiving_body_id=agency.pk, identity=identity, **common)
    assert refused.value.code == "not_a_receiving_body"
    with pytest.raises(ValidationFailed) as refused:
        services.letter_submit_public(
            receiving_body_id=delegation.pk,
            identity=services.Identity(name="Công Dân", address="Hà Tĩnh"),
            **common,
        )
    assert refused.value.details == {"field": "phone"}
    n = Letter.objects.count()
    assert services.letter_submit_public(receiving_body_id=delegation.pk, identity=identity, **common).created
    assert Letter.objects.count() == n + 1


def test_reception_day_page_schedules_with_warnings(client, world):
    body = world.extra["forwarded"].receiving_body
    ReceptionDay.objects.filter(visits=None).delete()
    n = ReceptionDay.objects.count()
    client.force_login(world.actors["viewer"])
    response = client.post(reverse("letters:reception_days"), {"body": body.pk, "date": "2026-02-25"})
    assert response.status_code == 403 and ReceptionDay.objects.count() == n
    client.force_login(world.actors["specialist"])
    response = client.post(reverse("letters:reception_days"), {"body": body.pk, "date": "2026-02-25x"})
    assert response.status_code == 400 and ReceptionDay.objects.count() == n
    response = client.post(
        reverse("letters:reception_days"), {"body": body.pk, "date": "2026-02-25", "posted_on": "2026-02-12"}
    )
    assert response.status_code == 302
    day = ReceptionDay.objects.get(date=datetime.date(2026, 2, 25))
    assert len(day.warnings) == 2
