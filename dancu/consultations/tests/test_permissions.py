"""Permission matrix of every page, public page and endpoint of the consultations module, on
the shared harness (`dancu.core.testing`).

Actors: anonymous / no role / an Office administrator of ANOTHER province / each role of the
province (the agency responder in the Department of Justice, which was asked for comments).
GETs change nothing, nothing leaks to who may not see it, writes are refused (403/404) to the
wrong people and change nothing, public pages carry no comment and no personal data.
"""

from __future__ import annotations

import pytest

from dancu.consultations import services
from dancu.consultations.models import Comment, Conference, Dispatch, Draft, DraftVersion, Position, Recipient
from dancu.consultations.tests.factories import D, make_draft, make_world, small_law, upload
from dancu.core import testing as m
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db

SECRET_COMMENT = "Ý kiến Kín Đáo của hội nghị"  # the Office's and viewers' eyes only
SECRET_VOTER = "Góp ý Riêng Tư của cử tri"  # pending moderation: never public, never to the agency
SECRET_DRAFT = "Dự án Luật Nội Bộ"  # a draft not open online: staff only (and no recipient)

VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
MANAGE = {"office_admin", "specialist"}
MODERATE = MANAGE
RESPOND = {"agency_responder"}
EVERYONE = {"no_role", "other_province", *m.ROLES}

PAGES = {
    "consultations:draft_list": m.route(allowed=VIEW),
    "consultations:draft_create": m.route(allowed=MANAGE),
    "consultations:drafts_import": m.route(allowed=MANAGE),
    "consultations:drafts_template": m.route(allowed=MANAGE),
    "consultations:figures": m.route(allowed=VIEW, query="?year=2026"),
    "consultations:respond_list": m.route(allowed=RESPOND),
    "consultations:respond_draft": m.route("draft_id", allowed=RESPOND),
    "consultations:draft_detail": m.route("draft_id", allowed=VIEW),
    "consultations:draft_edit": m.route("draft_id", allowed=MANAGE),
    "consultations:draft_delete": m.route("draft_id", allowed=MANAGE),
    "consultations:version_add": m.route("draft_id", allowed=MANAGE),
    "consultations:version_outline": m.route("draft_id", "number", allowed=VIEW),
    "consultations:version_diff": m.route("draft_id", "number", allowed=VIEW),
    "consultations:version_file": m.route("draft_id", "number", allowed=VIEW),
    "consultations:recipients_add": m.route("draft_id", allowed=MANAGE),
    "consultations:recipient_edit": m.route("recipient_id", allowed=MANAGE),
    "consultations:conference_add": m.route("draft_id", allowed=MANAGE),
    "consultations:comment_list": m.route("draft_id", allowed=VIEW),
    "consultations:comment_add": m.route("draft_id", allowed=MANAGE),
    "consultations:comment_import": m.route("draft_id", allowed=MANAGE),
    "consultations:comment_template": m.route("draft_id", allowed=MANAGE),
    "consultations:synthesis": m.route("draft_id", allowed=VIEW),
    "consultations:synthesis_docx": m.route("draft_id", allowed=VIEW),
    "consultations:synthesis_xlsx": m.route("draft_id", allowed=VIEW),
    "consultations:dispatch": m.route("draft_id", allowed=MANAGE),
    "consultations:speech_add": m.route("draft_id", allowed=MANAGE),
}
POSTS = {
    "consultations:draft_step": (m.route("draft_id"), MANAGE),
    "consultations:version_delete": (m.route("draft_id", "number"), MANAGE),
    "consultations:recipient_delete": (m.route("recipient_id"), MANAGE),
    "consultations:conference_delete": (m.route("conference_id"), MANAGE),
    "consultations:comment_step": (m.route("comment_id"), MODERATE),
    "consultations:comment_delete": (m.route("comment_id"), MANAGE),
    "consultations:position_save": (m.route("draft_id"), MANAGE),
}
FORM_POSTS = {
    "consultations:draft_create": (
        m.route(),
        MANAGE,
        {"name": "X", "session": "Y", "consideration": "first"},
    ),
    "consultations:draft_edit": (
        m.route("draft_id"),
        MANAGE,
        {"name": "Đổi tên", "session": "Y", "consideration": "first"},
    ),
    "consultations:draft_delete": (m.route("draft_id"), MANAGE, {}),
    "consultations:version_add": (m.route("draft_id"), MANAGE, {"text": "Điều 1. Một\nNội dung."}),
    "consultations:recipients_add": (m.route("draft_id"), MANAGE, {"requested_on": "2026-09-01"}),
    "consultations:conference_add": (
        m.route("draft_id"),
        MANAGE,
        {"format": "conference", "held_on": "2026-09-05", "place": "Hội trường"},
    ),
    "consultations:comment_add": (m.route("draft_id"), MANAGE, {"source": "office", "text": "Ý kiến mới"}),
    "consultations:dispatch": (
        m.route("draft_id"),
        MANAGE,
        {"number": "1/BC", "sent_on": "2026-09-30", "recipients": "Ủy ban"},
    ),
    "consultations:speech_add": (
        m.route("draft_id"),
        MANAGE,
        {"spoken_on": "2026-10-25", "speaker_name": "A", "summary": "B"},
    ),
    "consultations:respond_draft": (
        m.route("draft_id"),
        RESPOND,
        {"path": "d5", "text": "Ý kiến của cơ quan"},
    ),
}
PUBLIC = {
    "consultations_public:draft_list": m.route(),
    "consultations_public:draft": m.route("key"),
}
API = {
    "api:list_consultation_drafts": m.route(allowed=VIEW),
    "api:get_consultation_draft": m.route("draft_id", allowed=VIEW),
    "api:get_consultation_outline": m.route("draft_id", allowed=VIEW),
    "api:list_consultation_comments": m.route("draft_id", allowed=VIEW),
    "api:get_consultation_synthesis": m.route("draft_id", allowed=VIEW),
    "api:get_consultation_figures": m.route(allowed=VIEW, query="?year=2026"),
}
ROUTES = m.route_names([PAGES, POSTS, PUBLIC, API])


def _state():
    return tuple(
        model.objects.count()
        for model in (AuditEntry, Draft, DraftVersion, Recipient, Conference, Comment, Position, Dispatch)
    )


@pytest.fixture
def world(province, office, other_office, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    admin = make_user("office_admin", office)
    w = make_world(province, admin)
    draft = make_draft(admin, province)
    services.version_add(actor=admin, draft=draft, upload=upload(small_law(1)))
    services.version_add(actor=admin, draft=draft, upload=upload(small_law(2)), label="Dự thảo 2")
    recipient = services.recipients_add(
        actor=admin, draft=draft, bodies=[w["justice"], w["court"]], requested_on=D(2026, 9, 1)
    )[0]
    conference = services.conference_add(
        actor=admin, draft=draft, format="conference", held_on=D(2026, 9, 10), place="Hội trường Đoàn ĐBQH"
    )
    services.comment_record(actor=admin, draft=draft, path="d6", text=SECRET_COMMENT, conference=conference)
    pending = services.comment_public(draft=draft, path="d13.k2.b", text=SECRET_VOTER)
    services.position_save(
        actor=admin, draft=draft, article_key="d6", text="Đoàn đề nghị kéo dài thời hạn.", proposal="45 ngày"
    )
    make_draft(admin, province, name=SECRET_DRAFT, online=False)
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in m.ROLES:
        actors[role] = make_user(role, w["justice"] if role == "agency_responder" else office)
    ids = {
        "draft_id": draft.pk,
        "number": 2,
        "recipient_id": recipient.pk,
        "conference_id": conference.pk,
        "comment_id": pending.pk,
        "key": str(draft.public_key),
    }
    return m.World(
        actors=actors,
        ids=ids,
        state=_state,
        secrets={SECRET_COMMENT: VIEW, SECRET_VOTER: VIEW, SECRET_DRAFT: VIEW},
        object_keys=frozenset({"draft_id", "recipient_id", "conference_id", "comment_id"}),
        extra={"admin": admin, "draft": draft},
    )


def _refused(r: m.Route, allowed: set[str]) -> list[str]:
    refused = EVERYONE - allowed
    if not r.keys and "office_admin" in allowed:
        refused -= {"other_province"}
    return sorted(refused)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


@pytest.mark.parametrize("name", sorted(POSTS))
def test_post_only_routes(client, world, name):
    r, allowed = POSTS[name]
    m.check_post_only(
        client, world, name, r, data={"action": "close", "text": "x"}, refused=_refused(r, allowed)
    )


@pytest.mark.parametrize("name", sorted(FORM_POSTS))
def test_form_posts_refused_to_the_wrong_people(client, world, name):
    r, allowed, payload = FORM_POSTS[name]
    url = m.url_of(name, r, world)
    before = world.state()
    for actor in _refused(r, allowed):
        m.login(client, world.actors[actor])
        response = client.post(url, payload)
        assert response.status_code in (403, 404), (name, actor, response.status_code)
        body = m.body_of(response)
        assert SECRET_COMMENT not in body and SECRET_VOTER not in body, (name, actor)
    if not r.keys:  # another province's office: its own form again, without our choices
        m.login(client, world.actors["other_province"])
        assert client.post(url, {**payload, "province": world.extra["draft"].province_id}).status_code == 400
    assert world.state() == before


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_pages(client, world, name):
    body = m.check_public(client, world, name, PUBLIC[name], must_show=["Dự án Luật Thử nghiệm"])
    assert SECRET_DRAFT not in body


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])


def test_the_public_page_of_a_closed_or_offline_draft_is_404(client, world):
    from django.urls import reverse

    draft = world.extra["draft"]
    services.draft_transition(actor=world.extra["admin"], draft=draft, action="close")
    m.login(client, None)
    assert client.get(reverse("consultations_public:draft", args=[draft.public_key])).status_code == 404
    assert client.get(reverse("consultations_public:draft", args=["not-a-uuid"])).status_code == 404
    offline = Draft.objects.get(name=SECRET_DRAFT)
    assert client.get(reverse("consultations_public:draft", args=[offline.public_key])).status_code == 404


def test_a_responder_of_another_body_sees_nothing(client, world, make_user):
    """The responder of a body that was not asked: no request, 404 on the draft."""
    from django.urls import reverse

    from dancu.directory.models import Body, BodyKind

    other = Body.objects.create(
        kind=BodyKind.AGENCY,
        name="Sở Y tế",
        province=world.extra["draft"].province,
        unit=world.extra["draft"].province,
    )
    user = make_user("agency_responder", other)
    m.login(client, user)
    assert client.get(reverse("consultations:respond_draft", args=[world.ids["draft_id"]])).status_code == 404
    assert "Dự án Luật Thử nghiệm" not in client.get(reverse("consultations:respond_list")).content.decode()
