"""Permission matrix of every page, endpoint and feed of the calendar (dancu.core.testing).

Actors: anonymous / no role / an Office administrator of ANOTHER province / each role of the
province. GETs change nothing; nothing of the province leaks to who may not see it; writes are
refused (403/404) to the wrong people and change nothing; a feed answers its token only, and a
revoked one 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.core import testing as m
from dancu.core.models import AuditEntry
from dancu.scheduling import services
from dancu.scheduling.models import Event, FeedToken, Hall, IcsSubscription
from dancu.scheduling.tests.factories import MONDAY, make_bodies, make_event

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Phiên họp Kín Đáo của Thường trực"
VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
MANAGE = {"office_admin", "specialist"}
EVERYONE = {"no_role", "other_province", *m.ROLES}
PERIOD = "?start=2026-12-01&end=2026-12-31"

PAGES = {
    "scheduling:calendar": m.route(allowed=VIEW, query="?date=2026-12-07"),
    "scheduling:event_create": m.route(allowed=MANAGE),
    "scheduling:event_detail": m.route("event_id", allowed=VIEW),
    "scheduling:event_edit": m.route("event_id", allowed=MANAGE),
    "scheduling:event_delete": m.route("event_id", allowed=MANAGE),
    "scheduling:hall_list": m.route(allowed=MANAGE),
    "scheduling:import": m.route(allowed=MANAGE),
    "scheduling:excel_template": m.route(allowed=MANAGE),
    "scheduling:feed_list": m.route(allowed=VIEW),
    "scheduling:planning": m.route(allowed=VIEW, query="?opening=07/12/2026"),
}
# The .ics of one event: ?uid=&on= (test_event_ics).
DOWNLOADS = {"scheduling:event_ics": m.route(allowed=VIEW)}
# The secret feed address: no sign-in, the token is the key (test_feed).
FEEDS = {"scheduling:feed": m.route("token")}
POSTS = {
    "scheduling:event_cancel": (m.route("event_id"), MANAGE),
    "scheduling:clash_check": (m.route(), MANAGE),
    "scheduling:hall_delete": (m.route("hall_id"), MANAGE),
    "scheduling:subscription_fetch": (m.route("subscription_id"), MANAGE),
    "scheduling:subscription_delete": (m.route("subscription_id"), MANAGE),
    "scheduling:feed_revoke": (m.route("feed_id"), MANAGE),  # a body feed: its province's managers
}
API = {
    "api:list_calendar_events": m.route(allowed=VIEW, query=PERIOD),
    "api:list_calendar_clashes": m.route(allowed=VIEW, query=PERIOD),
}
ROUTES = m.route_names([PAGES, DOWNLOADS, FEEDS, POSTS, API])


def _state():
    return tuple(model.objects.count() for model in (AuditEntry, Event, Hall, IcsSubscription)) + (
        FeedToken.objects.filter(revoked_at__isnull=True).count(),
    )


@pytest.fixture
def world(province, office, other_office, make_user):
    w = make_bodies(province)
    admin = make_user("office_admin", office)
    hall = services.hall_create(actor=admin, province=province, name="Hội trường Kín")
    event = make_event(admin, w["standing"], title=SECRET_TITLE, hall=hall, participants=w["people"][:2])
    make_event(admin, w["ubnd"], kind="peoples_committee_meeting", title="Họp UBND")  # a clash, for the API
    sub = IcsSubscription.objects.create(
        province=province, body=w["ubnd"], name="Lịch UBND", url="http://127.0.0.1:9/x.ics"
    )
    feed, token = services.feed_create(actor=admin, body=w["standing"])
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in m.ROLES:
        actors[role] = make_user(role, office)
    ids = {
        "event_id": event.pk,
        "hall_id": hall.pk,
        "subscription_id": sub.pk,
        "feed_id": feed.pk,
        "token": token,
    }
    return m.World(
        actors=actors,
        ids=ids,
        state=_state,
        secrets={SECRET_TITLE: VIEW},
        object_keys=frozenset({"event_id", "hall_id", "subscription_id", "feed_id"}),
        extra={"event": event},
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
def test_post_only_routes_refuse_get_anonymous_and_the_wrong_people(client, world, name):
    r, allowed = POSTS[name]
    m.check_post_only(client, world, name, r, refused=_refused(r, allowed))


def test_the_allowed_post_does_its_work(client, world):
    """The same routes work for who may (so the refusals above are not a broken route)."""
    m.login(client, world.actors["specialist"])
    response = client.post(
        reverse("scheduling:event_cancel", args=[world.ids["event_id"]]), {"reason": "Hoãn"}
    )
    assert response.status_code == 302 and Event.objects.get(pk=world.ids["event_id"]).cancelled
    m.login(client, world.actors["office_admin"])
    client.post(reverse("scheduling:feed_revoke", args=[world.ids["feed_id"]]))
    assert FeedToken.objects.get(pk=world.ids["feed_id"]).revoked_at is not None


def test_event_ics(client, world):
    event = world.extra["event"]
    url = f"{reverse('scheduling:event_ics')}?uid={event.uid}&on={MONDAY.isoformat()}"
    for actor, user in world.actors.items():
        m.login(client, user)
        before = world.state()
        response = client.get(url)
        assert world.state() == before
        if actor == "anonymous":
            assert response.status_code == 302
        elif actor in VIEW:
            assert response.status_code == 200 and SECRET_TITLE in response.content.decode(), actor
        else:
            assert response.status_code in (403, 404), actor
            assert SECRET_TITLE not in response.content.decode()


def test_feed(client, world):
    """The token is the key: anyone holding it reads the feed (a calendar client signs in to
    nothing); a wrong token or a revoked one is 404 and shows nothing."""
    url = reverse("scheduling:feed", args=[world.ids["token"]])
    for actor, user in world.actors.items():
        m.login(client, user)
        response = client.get(url)
        assert response.status_code == 200 and SECRET_TITLE in response.content.decode(), actor
    token = world.ids["token"]
    # another token of the same length (a token that starts with "x" made the old one equal)
    wrong = reverse("scheduling:feed", args=[("y" if token[0] == "x" else "x") + token[1:]])
    assert client.get(wrong).status_code == 404
    FeedToken.objects.filter(pk=world.ids["feed_id"]).update(revoked_at="2026-12-01T00:00:00Z")
    for actor, user in world.actors.items():
        m.login(client, user)
        response = client.get(url)
        assert response.status_code == 404 and SECRET_TITLE not in response.content.decode(), actor


def test_a_feed_sees_with_its_owners_rights(client, world):
    """A feed of a user who lost their role shows nothing of the province."""
    from dancu.accounts.models import RoleAssignment

    viewer = world.actors["viewer"]
    _feed, token = services.feed_create(actor=viewer)
    url = reverse("scheduling:feed", args=[token])
    RoleAssignment.objects.filter(user=viewer).delete()
    client.logout()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])


@pytest.mark.parametrize("name", sorted(API))
def test_api_is_scoped(client, world, name):
    url = m.url_of(name, API[name], world)
    m.login(client, world.actors["other_province"])
    assert client.get(url).json()["count"] == 0
    m.login(client, world.actors["viewer"])
    assert client.get(url).json()["count"] >= 1


@pytest.mark.parametrize(
    "query", ["?start=2026-12-31&end=2026-12-01", "?start=2020-01-01&end=2026-12-31", "?start=x&end=y", ""]
)
def test_api_bad_periods_are_422(client, world, query):
    m.login(client, world.actors["viewer"])
    response = client.get(reverse("api:list_calendar_events") + query)
    assert response.status_code == 422 and response.json()["error"]["code"]
