"""Permission matrix of every page and endpoint of the coordination module, on the shared
harness (`dancu.core.testing`).

Actors: anonymous / no role / an Office administrator of ANOTHER province / each role of the
province (in the Office) / a user of a commune council that takes part in the meeting and owns
a task ("lower_council") / a user of the other commune council ("lower_other"). A lower
council's users see the meetings their council takes part in, submit their own council's
report, move their own tasks; never the province's reviews nor another council's report form."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile

from dancu.coordination import services
from dancu.coordination.models import (
    LowerReport,
    Meeting,
    Opinion,
    Regulation,
    RegulationArea,
    Review,
    Task,
)
from dancu.coordination.tests.factories import D, held_meeting, make_regulation
from dancu.core import testing as m
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db

SECRET_CONCLUSION = "Kết luận Kín Đáo"  # on the meeting: the province and the councils taking part
SECRET_REVIEW = "Đánh giá Kín Đáo"  # the review's narrative: the province's own bodies only

VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
MANAGE = {"office_admin", "specialist"}
LOWER = {"lower_council", "lower_other"}
EVERYONE = {"no_role", "other_province", *m.ROLES, *LOWER}

PAGES = {
    "coordination:regulation_list": m.route(allowed=VIEW | LOWER),
    "coordination:regulation_create": m.route(allowed=MANAGE),
    "coordination:regulation_detail": m.route("regulation_id", allowed=VIEW | LOWER),
    "coordination:regulation_edit": m.route("regulation_id", allowed=MANAGE),
    "coordination:regulation_delete": m.route("regulation_id", allowed=MANAGE),
    "coordination:review_detail": m.route("review_id", allowed=VIEW),
    "coordination:review_docx": m.route("review_id", allowed=VIEW),
    "coordination:review_delete": m.route("review_id", allowed=MANAGE),
    "coordination:meeting_list": m.route(allowed=VIEW | LOWER),
    "coordination:meeting_create": m.route(allowed=MANAGE),
    "coordination:meeting_detail": m.route("meeting_id", allowed=VIEW | LOWER),
    "coordination:meeting_edit": m.route("meeting_id", allowed=MANAGE),
    "coordination:meeting_delete": m.route("meeting_id", allowed=MANAGE),
    "coordination:invitation_docx": m.route("meeting_id", allowed=VIEW | LOWER),
    "coordination:conclusions_docx": m.route("meeting_id", allowed=VIEW | LOWER),
    "coordination:report_submit": m.route("meeting_id", "body_id", allowed=MANAGE | {"lower_council"}),
    "coordination:report_file": m.route("report_id", allowed=VIEW | LOWER),
    "coordination:task_list": m.route(allowed=VIEW | LOWER),
    "coordination:task_detail": m.route("task_id", allowed=VIEW | LOWER),
    "coordination:task_edit": m.route("task_id", allowed=MANAGE),
    "coordination:task_delete": m.route("task_id", allowed=MANAGE),
}
# POST-only routes -> (route, who may post there at all).
POSTS = {
    "coordination:area_set": (m.route("regulation_id"), MANAGE),
    "coordination:area_delete": (m.route("area_id"), MANAGE),
    "coordination:review_create": (m.route("regulation_id"), MANAGE),
    "coordination:meeting_transition": (m.route("meeting_id"), MANAGE),
    "coordination:conclusions_set": (m.route("meeting_id"), MANAGE),
    "coordination:opinion_add": (m.route("meeting_id"), MANAGE),
    "coordination:opinion_delete": (m.route("opinion_id"), MANAGE),
    "coordination:report_delete": (m.route("report_id"), MANAGE | {"lower_council"}),
    "coordination:task_add": (m.route("meeting_id"), MANAGE),
    "coordination:task_transition": (m.route("task_id"), MANAGE | {"lower_council"}),
}
# Pages that also take a form POST -> who may post it.
FORM_POSTS = {
    "coordination:regulation_create": MANAGE,
    "coordination:regulation_edit": MANAGE,
    "coordination:regulation_delete": MANAGE,
    "coordination:review_detail": MANAGE,
    "coordination:review_delete": MANAGE,
    "coordination:meeting_create": MANAGE,
    "coordination:meeting_edit": MANAGE,
    "coordination:report_submit": MANAGE | {"lower_council"},
    "coordination:task_edit": MANAGE,
    "coordination:task_delete": MANAGE,
}
API = {
    "api:list_coordination_regulations": m.route(allowed=VIEW | LOWER),
    "api:get_coordination_regulation": m.route("regulation_id", allowed=VIEW | LOWER),
    "api:list_coordination_meetings": m.route(allowed=VIEW | LOWER),
    "api:get_coordination_meeting": m.route("meeting_id", allowed=VIEW | LOWER),
    "api:list_coordination_tasks": m.route(allowed=VIEW | LOWER),
    "api:get_coordination_task": m.route("task_id", allowed=VIEW | LOWER),
}
ROUTES = m.route_names([PAGES, POSTS, API, {"api:get_coordination_roles": None}])
DOCX = b"PK"  # downloads are zip files


def _state():
    return tuple(
        model.objects.count()
        for model in (AuditEntry, Regulation, RegulationArea, Review, Meeting, LowerReport, Opinion, Task)
    ) + (
        tuple(Meeting.objects.values_list("status", flat=True)),
        tuple(Task.objects.values_list("status", flat=True)),
    )


def _docx_bytes() -> bytes:
    from dancu.core.documents import DocumentSpec, build_document

    return build_document(DocumentSpec("HĐND", "THƯỜNG TRỰC", "BC", "Hà Tĩnh", None, "BÁO CÁO", "Báo cáo"))


@pytest.fixture
def world(province, office, other_office, bodies, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    admin = make_user("office_admin", office)
    w = bodies
    regulation = make_regulation(admin, province, w)
    area = services.area_set(
        actor=admin, regulation=regulation, area="letters", lead=[w["standing"]], coordinate=[w["na"]]
    )
    review = services.review_create(actor=admin, regulation=regulation, year=2025)
    services.review_update(actor=admin, review=review, results=SECRET_REVIEW)
    meeting = held_meeting(admin, w)
    report = services.report_submit(
        actor=admin,
        meeting=meeting,
        body=w["commune_a"],
        sessions_held=2,
        uploaded=ContentFile(_docx_bytes(), name="bao-cao.docx"),
    )
    opinion = services.opinion_add(actor=admin, meeting=meeting, body=w["commune_a"], content="Ý kiến")
    services.conclusions_set(actor=admin, meeting=meeting, conclusions=SECRET_CONCLUSION)
    task = services.task_create(
        actor=admin, meeting=meeting, content="Nhiệm vụ", owner_body=w["commune_a"], due_date=D(2026, 12, 31)
    )
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
        "lower_council": make_user("specialist", w["commune_a"]),
        "lower_other": make_user("specialist", w["commune_b"]),
    }
    for role in m.ROLES:
        actors[role] = make_user(role, office)
    ids = {
        "regulation_id": regulation.pk,
        "area_id": area.pk,
        "review_id": review.pk,
        "meeting_id": meeting.pk,
        "body_id": w["commune_a"].pk,
        "report_id": report.pk,
        "opinion_id": opinion.pk,
        "task_id": task.pk,
    }
    return m.World(
        actors=actors,
        ids=ids,
        state=_state,
        secrets={SECRET_CONCLUSION: VIEW | LOWER, SECRET_REVIEW: VIEW},
        object_keys=frozenset(ids),
        extra={"province": province, "w": w},
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


def _refused(r: m.Route, allowed: set[str]) -> list[str]:
    refused = EVERYONE - allowed
    if not r.keys and "office_admin" in allowed:
        refused -= {"other_province"}
    return sorted(refused)


@pytest.mark.parametrize("name", sorted(POSTS))
def test_post_only_routes(client, world, name):
    r, allowed = POSTS[name]
    m.check_post_only(client, world, name, r, refused=_refused(r, allowed), data={"action": "complete"})


@pytest.mark.parametrize("name", sorted(FORM_POSTS))
def test_form_posts_refused_to_the_wrong_people(client, world, name):
    """The page's form posted by who may not: 403/404 (another province's office is shown its own
    form again, 400); nothing changes, nothing leaks."""
    payload = {
        "number": "1/QC",
        "signed_on": "2024-01-01",
        "title": "X",
        "valid_from": "2024-01-01",
        "parties": [world.extra["w"]["na"].pk, world.extra["w"]["ubnd"].pk],
        "results": "x",
        "host": world.extra["w"]["standing"].pk,
        "period": "x",
        "starts_at": "2026-12-01T08:00",
        "ends_at": "2026-12-01T10:00",
        "participants": [world.extra["w"]["commune_a"].pk],
        "content": "x",
        "due_date": "2027-01-01",
        "sessions_held": 9,
    }
    url = m.url_of(name, PAGES[name], world)
    before = world.state()
    refused = _refused(PAGES[name], FORM_POSTS[name])
    for actor in sorted(EVERYONE - FORM_POSTS[name]):
        m.login(client, world.actors[actor])
        response = client.post(url, payload)
        expected = (403, 404) if actor in refused else (400,)
        assert response.status_code in expected, (name, actor, response.status_code)
        body = response.content.decode()
        assert SECRET_CONCLUSION not in body and SECRET_REVIEW not in body, (name, actor)
    assert world.state() == before


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])


def test_api_roles(client, world):
    """Who leads an area: every viewer of the province (and its lower councils); another
    province 404; a bad area 422."""
    province = world.extra["province"]
    url = f"/api/v1/coordination/roles?province={province.pk}&area=letters&on=2026-01-01"
    for actor, user in world.actors.items():
        m.login(client, user)
        response = client.get(url)
        if actor == "anonymous":
            assert response.status_code == 401
        elif actor in VIEW | LOWER:
            assert response.status_code == 200, actor
            assert response.json() == {
                "lead": [world.extra["w"]["standing"].pk],
                "coordinate": [world.extra["w"]["na"].pk],
            }
        else:
            assert response.status_code in (403, 404), (actor, response.status_code)
    m.login(client, world.actors["office_admin"])
    assert client.get(url.replace("letters", "nonsense")).status_code == 422


def test_downloads_are_attachments(client, world):
    m.login(client, world.actors["lower_council"])
    for name, _key in (
        ("coordination:invitation_docx", "meeting_id"),
        ("coordination:report_file", "report_id"),
    ):
        response = client.get(m.url_of(name, PAGES[name], world))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        data = b"".join(response.streaming_content)
        assert data.startswith(DOCX), name


def test_lower_council_posts_its_own_report_not_anothers(client, world):
    w = world.extra["w"]
    meeting = Meeting.objects.get(pk=world.ids["meeting_id"])
    from django.urls import reverse

    m.login(client, world.actors["lower_other"])
    url_b = reverse("coordination:report_submit", args=[meeting.pk, w["commune_b"].pk])
    url_a = reverse("coordination:report_submit", args=[meeting.pk, w["commune_a"].pk])
    figures = {
        "sessions_held": 3,
        "resolutions": 5,
        "supervisions": 1,
        "voter_meetings": 2,
        "letters_received": 4,
        "letters_handled": 4,
        "notes": "",
    }
    assert client.post(url_a, figures).status_code == 403
    assert client.post(url_b, figures).status_code == 302
    report = LowerReport.objects.get(meeting=meeting, body=w["commune_b"])
    assert report.resolutions == 5 and report.submitted_by == world.actors["lower_other"]
    assert datetime.date.today()  # the report is audited
    assert AuditEntry.objects.filter(action="coordination.report.submit", target_id=str(report.pk)).exists()
