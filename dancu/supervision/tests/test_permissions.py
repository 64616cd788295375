"""Permission matrix of every page, public page and endpoint of the supervision module, on the
shared harness (`dancu.core.testing`).

Actors: anonymous / no role / an Office administrator of ANOTHER province / each role of the
province (the agency responder in the agency that leads one recommendation). GETs change
nothing, nothing leaks to who may not see it, writes are refused (403/404) to the wrong people
and change nothing, public pages carry no personal data; an agency sees only the
recommendations addressed to it.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dancu.core import testing as m
from dancu.core.models import AuditEntry
from dancu.directory.models import Person
from dancu.supervision import services
from dancu.supervision.models import (
    Activity,
    Answer,
    Coordination,
    EscalationStep,
    Programme,
    Proposal,
    Recommendation,
    SupervisionDocument,
    TeamMember,
)
from dancu.supervision.tests.factories import (
    YEAR,
    D,
    make_activity,
    make_bodies,
    make_programme,
    planted_overlap,
)

pytestmark = pytest.mark.django_db

SECRET_MEMBER = "Trịnh Bí Mật"  # a team member: staff pages only, never public, never to an agency
SECRET_OTHER = "Kiến nghị Kín Đáo của Sở Y tế"  # addressed to another agency
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"

VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
MANAGE = {"office_admin", "specialist"}
ADOPT = {"office_admin", "leader"}
AGENCY = {"agency_responder"}
RECS = VIEW | AGENCY
EVERYONE = {"no_role", "other_province", *m.ROLES}

PAGES = {
    "supervision:programme_list": m.route(allowed=VIEW),
    "supervision:programme_create": m.route(allowed=MANAGE),
    "supervision:programme_detail": m.route("programme_id", allowed=VIEW),
    "supervision:programme_edit": m.route("programme_id", allowed=MANAGE),
    "supervision:programme_delete": m.route("programme_id", allowed=MANAGE),
    "supervision:activity_create": m.route("programme_id", allowed=MANAGE),
    "supervision:proposal_list": m.route(allowed=VIEW),
    "supervision:proposal_create": m.route(allowed=MANAGE),
    "supervision:proposal_edit": m.route("proposal_id", allowed=MANAGE),
    "supervision:proposal_delete": m.route("proposal_id", allowed=MANAGE),
    "supervision:activity_detail": m.route("activity_id", allowed=VIEW),
    "supervision:activity_edit": m.route("activity_id", allowed=MANAGE),
    "supervision:activity_delete": m.route("activity_id", allowed=MANAGE),
    "supervision:document_docx": m.route("activity_id", "kind", allowed=VIEW),
    "supervision:coordination": m.route(allowed=VIEW, query=f"?year={YEAR}"),
    "supervision:recommendation_list": m.route(allowed=RECS),
    "supervision:recommendation_detail": m.route("recommendation_id", allowed=RECS),
    "supervision:evidence_download": m.route("answer_id", allowed=RECS),
    "supervision:figures": m.route(allowed=VIEW, query=f"?year={YEAR}"),
    "supervision:figures_xlsx": m.route(allowed=VIEW, query=f"?year={YEAR}"),
    "supervision:figures_docx": m.route(allowed=VIEW, query=f"?year={YEAR}"),
}
POSTS = {
    "supervision:programme_transition": (m.route("programme_id"), MANAGE | ADOPT),
    "supervision:proposal_compile": (m.route("proposal_id"), MANAGE),
    "supervision:proposal_from_petition": (m.route(), MANAGE),
    "supervision:activity_transition": (m.route("activity_id"), MANAGE),
    "supervision:team_save": (m.route("activity_id"), MANAGE),
    "supervision:member_add": (m.route("activity_id"), MANAGE),
    "supervision:work_session_add": (m.route("activity_id"), MANAGE),
    "supervision:agency_report_receive": (m.route("activity_id"), MANAGE),
    "supervision:document_issue": (m.route("activity_id"), MANAGE),
    "supervision:document_publish": (m.route("activity_id", "kind"), MANAGE),
    "supervision:document_finalize": (m.route("activity_id", "kind"), MANAGE),
    "supervision:recommendation_create": (m.route("activity_id"), MANAGE),
    "supervision:coordination_resolve": (m.route(), MANAGE),
    "supervision:recommendation_answer": (m.route("recommendation_id"), MANAGE | AGENCY),
    "supervision:recommendation_decide": (m.route("recommendation_id"), MANAGE),
    "supervision:recommendation_escalate": (m.route("recommendation_id"), MANAGE),
}
PUBLIC = {
    "supervision_public:document_list": m.route(),
    "supervision_public:document_detail": m.route("document_id"),
}
API = {
    "api:list_supervision_programmes": m.route(allowed=VIEW),
    "api:list_supervision_activities": m.route(allowed=VIEW),
    "api:get_supervision_activity": m.route("activity_id", allowed=VIEW),
    "api:list_supervision_overlaps": m.route(allowed=VIEW, query=f"?year={YEAR}"),
    "api:list_supervision_recommendations": m.route(allowed=RECS),
    "api:get_supervision_recommendation": m.route("recommendation_id", allowed=RECS),
}
ROUTES = m.route_names([PAGES, POSTS, PUBLIC, API])


def _state():
    return tuple(
        model.objects.count()
        for model in (
            AuditEntry,
            Programme,
            Proposal,
            Activity,
            Coordination,
            TeamMember,
            SupervisionDocument,
            Recommendation,
            Answer,
            EscalationStep,
        )
    )


def _refused(r: m.Route, allowed: set[str]) -> list[str]:
    refused = EVERYONE - allowed
    if not r.keys and "office_admin" in allowed:
        refused -= {"other_province"}
    return sorted(refused)


@pytest.fixture
def world(province, office, other_office, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = make_bodies(province)
    admin = make_user("office_admin", office)
    _s, committee, broad, _narrow, _other = planted_overlap(admin, w)
    services.team_save(actor=admin, activity=broad, decision_number="01/QĐ-HĐND", decision_date=D(YEAR, 4, 1))
    person = Person.objects.create(full_name=SECRET_MEMBER, province=province)
    services.member_add(actor=admin, activity=broad, person=person, role="leader", body=w["standing"])
    for step in ("start", "report", "follow_up"):
        services.activity_transition(actor=admin, activity=broad, action=step)
    report = services.document_issue(
        actor=admin, activity=broad, kind="report", issued_on=D(YEAR, 6, 1), text="Kết quả"
    )
    services.document_publish(actor=admin, document=report)
    mine = services.recommendation_create(
        actor=admin,
        activity=broad,
        content="Đẩy nhanh cấp giấy chứng nhận",
        lead_agency=w["land"],
        due_on=D(YEAR, 9, 1),
    )
    answer = services.recommendation_answer(
        actor=admin,
        recommendation=mine,
        text="Đã cấp",
        proposed="partly",
        evidence=SimpleUploadedFile("a.pdf", PDF),
    )
    hidden = make_activity(
        admin, committee, topic="Giám sát y tế cơ sở", agencies=[w["health"]], start=D(YEAR, 11, 2)
    )
    services.recommendation_create(
        actor=admin, activity=hidden, content=SECRET_OTHER, lead_agency=w["health"]
    )
    programme = make_programme(admin, w["group"])
    proposal = services.proposal_create(
        actor=admin,
        province=province,
        year=YEAR,
        source="voters",
        received_on=D(YEAR - 1, 2, 1),
        topic="Nước sạch",
    )
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in m.ROLES:
        actors[role] = make_user(role, w["land"] if role == "agency_responder" else office)
    ids = {
        "programme_id": programme.pk,
        "proposal_id": proposal.pk,
        "activity_id": broad.pk,
        "kind": "plan",
        "recommendation_id": mine.pk,
        "answer_id": answer.pk,
        "document_id": report.pk,
    }
    return m.World(
        actors=actors,
        ids=ids,
        state=_state,
        secrets={SECRET_MEMBER: VIEW, SECRET_OTHER: VIEW},
        object_keys=frozenset(set(ids) - {"kind"}),
        extra={"hidden": hidden, "w": w},
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


@pytest.mark.parametrize("name", sorted(POSTS))
def test_posts(client, world, name):
    r, allowed = POSTS[name]
    m.check_post_only(client, world, name, r, refused=_refused(r, allowed))


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public(client, world, name):
    m.check_public(client, world, name, PUBLIC[name])


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])


def test_agency_sees_only_recommendations_addressed_to_it(client, world):
    agency = world.actors["agency_responder"]
    client.force_login(agency)
    other = Recommendation.objects.get(content=SECRET_OTHER)
    assert client.get(reverse("supervision:recommendation_detail", args=[other.pk])).status_code == 404
    api = client.get(reverse("api:list_supervision_recommendations")).json()
    assert [r["id"] for r in api["items"]] == [world.ids["recommendation_id"]]
    page = client.get(reverse("supervision:recommendation_list")).content.decode()
    assert SECRET_OTHER not in page and "Đẩy nhanh cấp giấy chứng nhận" in page
    # an agency never opens the activity (the Office's page)
    assert client.get(
        reverse("supervision:activity_detail", args=[world.ids["activity_id"]])
    ).status_code in (403, 404)


def test_agency_answers_its_own_recommendation_only(client, world):
    agency = world.actors["agency_responder"]
    client.force_login(agency)
    mine = Recommendation.objects.get(pk=world.ids["recommendation_id"])
    admin = world.actors["office_admin"]
    services.recommendation_decide(
        actor=admin, recommendation=mine, accept=False, reason="Chưa đủ minh chứng"
    )
    url = reverse("supervision:recommendation_answer", args=[mine.pk])
    response = client.post(url, {"text": "Đã cấp thêm 300 giấy", "proposed": "done"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "answered"
    other = Recommendation.objects.get(content=SECRET_OTHER)
    before = _state()
    assert (
        client.post(
            reverse("supervision:recommendation_answer", args=[other.pk]), {"text": "x", "proposed": "done"}
        ).status_code
        == 404
    )
    assert _state() == before
