"""Permission matrix of every page of notifications (dancu.core.testing): every signed-in user
has their own pages; nobody sees or marks another user's notifications (404); GETs change
nothing; anonymous users go to sign-in."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from dancu.core import testing as m
from dancu.notifications import services
from dancu.notifications.models import Event, Notification, Preference

pytestmark = pytest.mark.django_db

SECRET = "Thông báo riêng của chánh văn phòng"
EVERYONE = None  # every signed-in user, with or without a role

PAGES = {
    "notifications:list": m.route(allowed=EVERYONE),
    "notifications:bell": m.route(allowed=EVERYONE),
    "notifications:preferences": m.route(allowed=EVERYONE),
    "notifications:my_work": m.route(allowed=EVERYONE),
}
POSTS = {
    "notifications:read": m.route("notification_id", allowed=EVERYONE),
    "notifications:read_all": m.route(allowed=EVERYONE),
}
ROUTES = m.route_names([PAGES, POSTS])


@pytest.fixture
def world(office, other_office, make_user):
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    actors |= {role: make_user(role, office) for role in m.ROLES}
    owner = actors["office_admin"]
    services.notify(
        event=Event.ANSWER_ARRIVED,
        recipients=[owner],
        title=SECRET,
        url="/thu/1/",
        dedupe_key="secret:1",
        province_id=office.province_id,
    )
    notification = Notification.objects.get(recipient=owner)

    def state():
        return (
            Notification.objects.count(),
            Notification.objects.filter(read_at__isnull=False).count(),
            Preference.objects.count(),
        )

    return m.World(
        actors=actors,
        ids={"notification_id": notification.pk},
        state=state,
        secrets={SECRET: {"office_admin"}},
        extra={"owner": owner, "notification": notification},
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


def test_marking_another_users_notification_is_404_and_changes_nothing(client, world):
    others = [actor for actor in world.actors if actor not in {"anonymous", "office_admin"}]
    m.check_post_only(client, world, "notifications:read", POSTS["notifications:read"], refused=others)
    # Its owner may.
    m.login(client, world.extra["owner"])
    url = reverse("notifications:read", kwargs={"notification_id": world.ids["notification_id"]})
    assert client.post(url).status_code == 302
    world.extra["notification"].refresh_from_db()
    assert world.extra["notification"].read_at is not None


def test_an_unknown_id_is_404(client, world):
    m.login(client, world.extra["owner"])
    assert client.post(reverse("notifications:read", kwargs={"notification_id": 10**9})).status_code == 404


def test_read_all_marks_only_my_own(client, world):
    m.check_post_only(client, world, "notifications:read_all", POSTS["notifications:read_all"])
    viewer = world.actors["viewer"]
    m.login(client, viewer)
    assert client.post(reverse("notifications:read_all")).status_code == 302
    world.extra["notification"].refresh_from_db()
    assert world.extra["notification"].read_at is None  # the owner's stays unread
    m.login(client, world.extra["owner"])
    client.post(reverse("notifications:read_all"))
    world.extra["notification"].refresh_from_db()
    assert world.extra["notification"].read_at is not None


def test_open_goes_to_the_record_and_never_off_site(client, world):
    owner = world.extra["owner"]
    m.login(client, owner)
    url = reverse("notifications:read", kwargs={"notification_id": world.ids["notification_id"]})
    response = client.post(url, {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/thu/1/"
    services.notify(
        event=Event.CLASH, recipients=[owner], title="x", url="https://evil.example/", dedupe_key="evil"
    )
    evil = Notification.objects.get(dedupe_key="evil")
    response = client.post(reverse("notifications:read", kwargs={"notification_id": evil.pk}), {"open": "1"})
    assert response["Location"] == reverse("notifications:list")
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("notifications:list")


def test_bad_list_filter_is_400(client, world):
    m.login(client, world.extra["owner"])
    assert client.get(reverse("notifications:list"), {"show": "everything"}).status_code == 400
    response = client.get(reverse("notifications:list"), {"show": "unread"})
    assert response.status_code == 200 and SECRET in response.content.decode()


def test_preferences_post_saves_my_own_only(client, world):
    viewer = world.actors["viewer"]
    m.login(client, viewer)
    # Every box ticked except "answer arrived" by e-mail.
    data = {f"{e}__{c}": "on" for e in Event.values for c in ("in_app", "email")}
    del data["answer_arrived__email"]
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    assert list(Preference.objects.values_list("user_id", "event", "channel", "enabled")) == [
        (viewer.pk, "answer_arrived", "email", False)
    ]
    page = client.get(reverse("notifications:preferences")).content.decode()
    boxes = dict(re.findall(r'<input type="checkbox"[^>]*name="([a-z_]+)"[^>]*?( checked)?>', page))
    assert boxes["answer_arrived__email"] == "" and boxes["answer_arrived__in_app"] == " checked"
    assert len(boxes) == 2 * len(Event.values)


def test_the_bell_counts_my_unread(client, world):
    m.login(client, world.extra["owner"])
    body = client.get(reverse("notifications:bell")).content.decode()
    assert 'data-count="1"' in body
    m.login(client, world.actors["viewer"])
    assert 'data-count="0"' in client.get(reverse("notifications:bell")).content.decode()


def test_the_bell_tag_renders_for_the_top_bar(rf, world):
    from django.template import Context, Template

    request = rf.get("/")
    request.user = world.extra["owner"]
    html = Template("{% load notifications %}{% notification_bell %}").render(Context({"request": request}))
    # The top bar loads the bell's count after the page (no query on every page).
    assert 'hx-get="/thong-bao/chuong/"' in html and 'hx-trigger="load, every 60s"' in html
    assert "data-count" not in html


def test_the_list_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    owner = world.extra["owner"]
    for n in range(20):
        services.notify(event=Event.OVERDUE, recipients=[owner], title=f"Quá hạn {n}", dedupe_key=f"o{n}")
    m.login(client, owner)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("notifications:list")).status_code == 200
