"""Permission matrix of the letters module (pages, public pages, API).

Actors: anonymous / no role / Office administrator of another province / each role of the
province. An agency responder sees only the letters forwarded to its body; nobody sees a
sealed identity on a page or through the API; every reveal leaves an audit entry.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from dancu.core.models import AuditEntry
from dancu.directory.models import BodyKind
from dancu.directory.tests.factories import BodyFactory
from dancu.letters import services
from dancu.letters.models import Letter, ReceptionDay, ReceptionVisit

pytestmark = pytest.mark.django_db

SECRET_NAME = "Phan Thị Kín Đáo"
SECRET_ID = "042199007777"
HIDDEN_SUBJECT = "Kiến nghị riêng chưa chuyển"

VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
HANDLE = {"office_admin", "specialist"}
APPROVE = {"office_admin", "leader"}

# route -> roles that get 200 (agency_responder listed where it sees its forwarded letters)
PAGES = {
    "letters:register": VIEW | {"agency_responder"},
    "letters:register_export": VIEW | {"agency_responder"},
    "letters:letter_create": HANDLE,
    "letters:statistics": VIEW,
    "letters:report_docx": VIEW,
    "letters:destruction_list": APPROVE,
    "letters:letter_detail": VIEW | {"agency_responder"},
    "letters:letter_document": HANDLE,
    "letters:import_page": HANDLE,
    "letters:reception_days": VIEW,
    "letters:import_template": HANDLE,
    "letters:reception_day_detail": VIEW,
}
POST_ONLY = {"letters:letter_reveal", "letters:letter_action", "letters:visit_letter"}
PUBLIC = {"letters_public:submit", "letters_public:status"}
API = {"api:list_letters": VIEW | {"agency_responder"}, "api:get_letter": VIEW | {"agency_responder"}}
ROUTES = set(PAGES) | POST_ONLY | PUBLIC | set(API) | {"letters:import_job"}


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
    for role in ("office_admin", "specialist", "leader", "delegate", "viewer"):
        actors[role] = make_user(role, office)
    actors["agency_responder"] = make_user("agency_responder", agency)
    staff = actors["specialist"]
    forwarded = services.letter_create(
        actor=staff,
        receiving_body=delegation,
        received_date=datetime.date(2026, 3, 2),
        channel="post",
        kind="denunciation",
        subject="Tố cáo xây dựng trái phép",
        content="Công trình xây dựng không phép tại phường Thành Sen",
        target="Công ty xây dựng ABC",
        identity=services.Identity(
            name=SECRET_NAME, address="Phường Thành Sen", id_number=SECRET_ID, phone="0900111222"
        ),
    )
    services.letter_forward(actor=staff, letter=forwarded, to_body=agency)
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
    services.visit_record(
        actor=staff,
        reception_day=day,
        kind="denunciation",
        citizens=services.Citizens(names=[SECRET_NAME], id_number=SECRET_ID),
        content="Tố cáo tại buổi tiếp công dân",
    )
    return {"actors": actors, "forwarded": forwarded, "hidden": hidden, "agency": agency}


def _url(name, letter):
    kwargs = {
        "letters:letter_detail": {"letter_id": letter.pk},
        "letters:letter_document": {"letter_id": letter.pk, "doc": "chuyen-don"},
        "letters:letter_reveal": {"letter_id": letter.pk},
        "letters:letter_action": {"letter_id": letter.pk, "action": "accept"},
        "api:get_letter": {"letter_id": letter.pk},
        "letters:reception_day_detail": {"day_id": ReceptionDay.objects.values_list("pk", flat=True).first()},
        "letters:visit_letter": {"visit_id": ReceptionVisit.objects.values_list("pk", flat=True).first()},
    }.get(name, {})
    return reverse(name, kwargs=kwargs)


def _state():
    return (
        AuditEntry.objects.count(),
        Letter.objects.count(),
        ReceptionVisit.objects.count(),
        list(ReceptionVisit.objects.values_list("letter_id", flat=True)),
        list(Letter.objects.values_list("status", flat=True)),
    )


def _text(response) -> str:
    if response["Content-Type"].startswith("application/vnd"):
        from dancu.core.documents import docx_text

        if "wordprocessing" in response["Content-Type"]:
            return docx_text(response.content)
        return response.content.decode("latin-1")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    url = _url(name, world["forwarded"])
    for actor_name, user in world["actors"].items():
        client.logout()
        if user is not None:
            client.force_login(user)
        before = _state()
        response = client.get(url)
        assert _state() == before, f"GET {url} as {actor_name} changed data"
        if actor_name == "anonymous":
            assert response.status_code == 302 and "dang-nhap" in response["Location"], (name, actor_name)
            continue
        body = _text(response)
        assert SECRET_NAME not in body and SECRET_ID not in body, (name, actor_name)
        if actor_name == "other_province":
            assert "Tố cáo xây dựng trái phép" not in body and HIDDEN_SUBJECT not in body, name
            if name in ("letters:letter_detail", "letters:letter_document"):
                assert response.status_code in (403, 404)
            continue
        if actor_name in PAGES[name]:
            assert response.status_code == 200, (name, actor_name, response.status_code)
        else:
            assert response.status_code in (403, 404), (name, actor_name, response.status_code)
        if actor_name == "agency_responder":
            assert HIDDEN_SUBJECT not in body, name


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    url = _url(name, world["forwarded"])
    for actor_name, user in world["actors"].items():
        client.logout()
        if user is not None:
            client.force_login(user)
        before = _state()
        response = client.get(url)
        assert _state() == before
        body = response.content.decode()
        assert SECRET_NAME not in body and SECRET_ID not in body and "sealed" not in body
        if actor_name == "anonymous":
            assert response.status_code == 401
            continue
        if actor_name == "other_province":
            assert response.status_code in (200, 404)
            assert "Tố cáo xây dựng trái phép" not in body
            continue
        if actor_name in API[name]:
            assert response.status_code == 200, (name, actor_name, body)
        else:
            assert response.status_code in (403, 404), (name, actor_name)
        if actor_name == "agency_responder":
            assert HIDDEN_SUBJECT not in body


def test_agency_sees_only_forwarded_letters(client, world):
    client.force_login(world["actors"]["agency_responder"])
    assert client.get(_url("letters:letter_detail", world["hidden"])).status_code == 404
    assert client.get(_url("api:get_letter", world["hidden"])).status_code == 404
    listing = client.get(reverse("api:list_letters")).json()
    assert [item["id"] for item in listing["items"]] == [world["forwarded"].pk]
    # The agency records the result of the letter forwarded to it, and cannot reveal.
    response = client.post(
        _url("letters:letter_reveal", world["forwarded"]), {"reason": "muốn biết người tố cáo"}
    )
    assert response.status_code in (403, 404)
    assert SECRET_NAME not in response.content.decode()
    url = reverse("letters:letter_action", kwargs={"letter_id": world["forwarded"].pk, "action": "result"})
    assert client.post(url, {"result": "Đã kiểm tra, xử phạt"}).status_code == 302
    assert Letter.objects.get(pk=world["forwarded"].pk).status == "resolved"


def test_post_only_routes(client, world):
    letter = world["forwarded"]
    for name in POST_ONLY:
        url = _url(name, letter)
        before = _state()
        response = client.post(url)
        assert response.status_code == 302 and "dang-nhap" in response["Location"]
        client.force_login(world["actors"]["viewer"])
        assert client.get(url).status_code == 405
        assert client.post(url, {"reason": "xem thử danh tính"}).status_code in (403, 404)
        client.force_login(world["actors"]["other_province"])
        assert client.post(url, {"reason": "xem thử danh tính"}).status_code == 404
        client.logout()
        assert _state() == before


def test_every_reveal_is_audited(client, world):
    letter = world["forwarded"]
    client.force_login(world["actors"]["specialist"])
    assert client.post(_url("letters:letter_reveal", letter), {"reason": "cần xác minh"}).status_code == 403
    client.force_login(world["actors"]["leader"])
    before = AuditEntry.objects.filter(action="letters.identity_reveal").count()
    response = client.post(_url("letters:letter_reveal", letter), {"reason": ""})
    assert response.status_code == 422 and SECRET_NAME not in response.content.decode()
    response = client.post(
        _url("letters:letter_reveal", letter), {"reason": "Xác minh theo yêu cầu của Trưởng đoàn"}
    )
    assert response.status_code == 200 and SECRET_NAME in response.content.decode()
    entries = AuditEntry.objects.filter(action="letters.identity_reveal")
    assert entries.count() == before + 1
    assert entries.latest("id").actor == world["actors"]["leader"]


def test_public_submit_and_status(client, world, settings):
    cache.clear()
    delegation = world["forwarded"].receiving_body
    data = {
        "receiving_body": delegation.pk,
        "kind": "petition",
        "subject": "Kiến nghị về đèn đường",
        "content": "Đèn đường hỏng đã lâu",
        "name": "Công Dân Trực Tuyến",
        "address": "Hà Tĩnh",
        "phone": "0977 123 456",
    }
    response = client.post(reverse("letters_public:submit"), data)
    assert response.status_code == 200
    letter = Letter.objects.get(subject="Kiến nghị về đèn đường")
    assert letter.receipt_code in response.content.decode()
    url = reverse("letters_public:status")
    wrong = client.get(url, {"receipt_code": letter.receipt_code, "second_factor": "0000"}).content.decode()
    assert "public-status" not in wrong
    right = client.get(url, {"receipt_code": letter.receipt_code, "second_factor": "3456"}).content.decode()
    assert "public-status" in right
    assert "Công Dân Trực Tuyến" not in right and "đèn đường" not in right.lower()
    for _i in range(6):
        response = client.post(reverse("letters_public:submit"), {**data, "subject": f"Thử {_i}"})
    assert response.status_code == 429
    assert Letter.objects.filter(subject__startswith="Thử").count() == 4
    cache.clear()


def test_import_job_only_for_its_province(client, world, province):
    from dancu.core.models import ImportJob

    job = ImportJob.objects.create(
        kind="letters", province_code=province.code, params={"province_id": province.pk}, status="failed"
    )
    url = reverse("letters:import_job", kwargs={"job_id": job.pk})
    for actor_name, user in world["actors"].items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        if actor_name == "anonymous":
            assert response.status_code == 302
        elif actor_name in HANDLE:
            assert response.status_code == 200
        else:
            assert response.status_code == 404, actor_name


def test_reception_day_page_schedules_with_warnings(client, world):
    client.force_login(world["actors"]["viewer"])
    body = world["forwarded"].receiving_body
    ReceptionDay.objects.all().delete()
    client.post(reverse("letters:reception_days"), {"body": body.pk, "date": "2026-02-25"})
    assert ReceptionDay.objects.count() == 0  # a viewer has no receiving body to choose
    client.force_login(world["actors"]["specialist"])
    response = client.post(
        reverse("letters:reception_days"), {"body": body.pk, "date": "2026-02-25", "posted_on": "2026-02-12"}
    )
    assert response.status_code == 302
    day = ReceptionDay.objects.get()
    assert len(day.warnings) == 2
