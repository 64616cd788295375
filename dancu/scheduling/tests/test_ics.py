"""The People's Committee's calendar comes in (ICS file, subscription fetched from a real HTTP
server on loopback, the shell command), and the calendar goes out (feeds and .ics files parsed
back with `icalendar`, Thunderbird's rules)."""

from __future__ import annotations

import datetime
import http.server
import threading
from datetime import UTC

import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from dancu.core.errors import ValidationFailed
from dancu.core.models import AuditEntry
from dancu.scheduling import services, tasks
from dancu.scheduling.models import Event, IcsSubscription
from dancu.scheduling.tests.factories import MONDAY, at, ics_bytes, make_event

pytestmark = pytest.mark.django_db


def _ubnd(uid="hop-1@ubnd", hour=8, **kw):
    return {
        "uid": uid,
        "start": at(MONDAY, hour),
        "end": at(MONDAY, hour + 2),
        "summary": "Họp UBND tỉnh",
        **kw,
    }


def test_reimport_updates_by_uid_and_cancellations_propagate(world):
    admin, ubnd = world["admin"], world["ubnd"]
    first = services.ics_import(actor=admin, body=ubnd, data=ics_bytes([_ubnd(), _ubnd("hop-2@ubnd", 14)]))
    assert (first.created, first.updated) == (2, 0)
    event = Event.objects.get(external_uid="hop-1@ubnd")
    assert event.kind == "peoples_committee_meeting" and event.source == "ics_file"
    again = services.ics_import(
        actor=admin, body=ubnd, data=ics_bytes([_ubnd(hour=9), _ubnd("hop-2@ubnd", 14, status="CANCELLED")])
    )
    assert (again.created, again.updated, again.cancelled) == (0, 1, 1)
    assert Event.objects.count() == 2
    event.refresh_from_db()
    assert event.start == at(MONDAY, 9) and event.sequence == 1
    assert Event.objects.get(external_uid="hop-2@ubnd").cancelled
    same = services.ics_import(actor=admin, body=ubnd, data=ics_bytes([_ubnd(hour=9)]))
    assert same.unchanged == 1 and Event.objects.count() == 2


def test_floating_and_all_day_times_are_local(world):
    data = ics_bytes(
        [
            {
                "uid": "float@x",
                "start": datetime.datetime(2026, 12, 7, 8, 0),
                "end": datetime.datetime(2026, 12, 7, 9, 0),
            },
            {"uid": "day@x", "start": datetime.date(2026, 12, 8), "end": datetime.date(2026, 12, 9)},
        ]
    )
    services.ics_import(actor=world["admin"], body=world["ubnd"], data=data)
    floating = Event.objects.get(external_uid="float@x")
    assert floating.start == at(MONDAY, 8)
    whole = Event.objects.get(external_uid="day@x")
    assert whole.all_day and whole.start == at(MONDAY + datetime.timedelta(days=1), 0)


@pytest.mark.parametrize("data", [b"", b"not a calendar", b"BEGIN:VCARD\r\nEND:VCARD\r\n"])
def test_a_file_that_is_not_ics_is_refused_with_nothing_written(world, data):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationFailed):
        services.ics_import(actor=world["admin"], body=world["ubnd"], data=data)
    assert not Event.objects.exists() and AuditEntry.objects.count() == before


def test_bad_events_are_listed_and_the_good_ones_imported(world):
    data = ics_bytes([_ubnd(), {"uid": "backwards@x", "start": at(MONDAY, 10), "end": at(MONDAY, 9)}])
    result = services.ics_import(actor=world["admin"], body=world["ubnd"], data=data)
    assert result.created == 1 and len(result.problems) == 1


class _Server:
    """A real HTTP server on loopback serving what the test puts in `pages`."""

    def __init__(self):
        pages = self.pages = {}

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                status, body = pages.get(self.path, (404, b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", "text/calendar")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = _Server()
    yield s
    s.close()


def test_a_subscription_is_fetched_by_the_beat_task_and_records_errors(world, server):
    admin, ubnd = world["admin"], world["ubnd"]
    future = timezone.localdate() + datetime.timedelta(days=10)
    start = datetime.datetime.combine(future, datetime.time(8), tzinfo=timezone.get_current_timezone())
    server.pages["/ubnd.ics"] = (
        200,
        ics_bytes(
            [
                {"uid": "a@ubnd", "start": start, "end": start + datetime.timedelta(hours=2)},
                {
                    "uid": "b@ubnd",
                    "start": start + datetime.timedelta(days=1),
                    "end": start + datetime.timedelta(days=1, hours=2),
                },
            ]
        ),
    )
    sub = services.subscription_create(actor=admin, body=ubnd, name="Lịch UBND", url=server.url + "/ubnd.ics")
    assert tasks.fetch_subscriptions.delay().get() == {"ok": 1, "failed": 0}
    sub.refresh_from_db()
    assert sub.last_fetched_at and not sub.last_error and Event.objects.filter(subscription=sub).count() == 2
    # b disappears from the source: cancelled here too (subscribed calendars get STATUS:CANCELLED).
    server.pages["/ubnd.ics"] = (
        200,
        ics_bytes([{"uid": "a@ubnd", "start": start, "end": start + datetime.timedelta(hours=2)}]),
    )
    services.subscription_fetch(actor=admin, subscription=sub)
    assert (
        Event.objects.get(external_uid="b@ubnd").cancelled
        and not Event.objects.get(external_uid="a@ubnd").cancelled
    )
    # The server fails: the error and time are recorded, the events stay as they were.
    server.pages["/ubnd.ics"] = (500, b"boom")
    assert tasks.fetch_subscriptions.delay().get() == {"ok": 0, "failed": 1}
    sub.refresh_from_db()
    assert "500" in sub.last_error and sub.last_ok_at < sub.last_fetched_at
    assert Event.objects.filter(subscription=sub, cancelled=False).count() == 1
    # The page shows the last fetch and the error.
    from django.test import Client

    client = Client()
    client.force_login(admin)
    page = client.get(reverse("scheduling:import")).content.decode()
    assert "500" in page and sub.name in page


def test_an_unreachable_subscription_is_an_error_not_a_crash(world):
    from dancu.core.testing import dead_port

    sub = IcsSubscription.objects.create(
        province=world["province"], body=world["ubnd"], name="x", url=f"http://127.0.0.1:{dead_port()}/x.ics"
    )
    assert services.subscription_fetch(actor=None, subscription=sub) is None
    sub.refresh_from_db()
    assert sub.last_error


def test_the_shell_command_imports_by_body_id_and_name(world, tmp_path):
    path = tmp_path / "lich.ics"
    path.write_bytes(ics_bytes([_ubnd()]))
    call_command("calendar_import", str(path), "--body", str(world["ubnd"].pk))
    call_command("calendar_import", str(path), "--body", world["ubnd"].short_name)
    assert Event.objects.filter(body=world["ubnd"]).count() == 1
    assert AuditEntry.objects.filter(action="scheduling.event.import_ics").count() == 2


# -- Out -------------------------------------------------------------------------------------

EVERY_KIND = [
    "standing_meeting",
    "committee_meeting",
    "peoples_committee_meeting",
    "voter_meeting",
    "joint_conference",
    "external",
]


def _feed_url(client, user, body=None) -> str:
    client.force_login(user)
    response = client.post(
        reverse("scheduling:feed_list"), {"body": body.pk if body else "", "label": "Điện thoại"}
    )
    assert response.status_code == 200
    return response.context["new_url"]


def test_a_feed_of_every_kind_follows_thunderbirds_rules(client, world, make_user):
    admin = world["admin"]
    person = world["people"][0]
    delegate = make_user("delegate", world["group"])
    delegate.person = person
    delegate.save()
    today = timezone.localdate() + datetime.timedelta(days=3)
    bodies = {
        "peoples_committee_meeting": world["ubnd"],
        "committee_meeting": world["committee"],
        "voter_meeting": world["group"],
    }
    made = []
    for i, kind in enumerate(EVERY_KIND):
        made.append(
            make_event(
                admin,
                bodies.get(kind, world["standing"]),
                kind=kind,
                day=today + datetime.timedelta(days=i),
                participants=[person],
                title=f"Sự kiện {kind}",
            )
        )
    services.event_create(
        actor=admin,
        body=world["standing"],
        kind="external",
        title="Cả ngày",
        all_day=True,
        start=at(today, 0),
        end=at(today + datetime.timedelta(days=2), 0),
        participants=[person],
    )
    services.event_cancel(actor=admin, event=made[0])
    url = _feed_url(client, delegate)
    client.logout()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = cal.walk("VEVENT")
    assert {str(e["CATEGORIES"].cats[0]) for e in events} == set(EVERY_KIND)
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) == len(EVERY_KIND) + 1
    for item in events:
        assert item.get("DTSTAMP") is not None
        assert str(item["UID"]).startswith("scheduling.") and "@" in str(item["UID"])
        start = item.decoded("DTSTART")
        if isinstance(start, datetime.datetime):  # timed: UTC (no VTIMEZONE needed)
            assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)
            assert item.decoded("DTEND") > start
        else:  # all day: dates, DTEND exclusive
            assert item.decoded("DTEND") == start + datetime.timedelta(days=2)
        assert item.get("SEQUENCE") is not None and str(item["STATUS"]) in {"CONFIRMED", "CANCELLED"}
    cancelled = next(e for e in events if str(e["UID"]).startswith(made[0].uid + "@"))
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    # The file is CRLF-terminated lines, none longer than 75 octets (RFC 5545 folding).
    lines = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    # The UID is stable across edits and the SEQUENCE goes up: the client updates, not duplicates.
    services.event_update(
        actor=admin,
        event=made[1],
        start=made[1].start + datetime.timedelta(hours=1),
        end=made[1].end + datetime.timedelta(hours=1),
    )
    again = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
    moved = next(e for e in again if str(e["UID"]).startswith(made[1].uid + "@"))
    assert int(moved["SEQUENCE"]) == 1 and moved.decoded("DTSTART") == (
        made[1].start + datetime.timedelta(hours=1)
    ).astimezone(UTC)


def test_a_body_feed_and_revocation(client, world, office_admin):
    make_event(
        world["admin"],
        world["committee"],
        kind="committee_meeting",
        day=timezone.localdate() + datetime.timedelta(days=2),
        title="Họp Ban",
    )
    make_event(
        world["admin"],
        world["standing"],
        day=timezone.localdate() + datetime.timedelta(days=2),
        title="Họp Thường trực",
    )
    url = _feed_url(client, world["admin"], body=world["committee"])
    client.logout()
    body = client.get(url).content.decode()
    assert "Họp Ban" in body and "Họp Thường trực" not in body
    from dancu.scheduling.models import FeedToken

    feed = FeedToken.objects.get()
    assert feed.token_hash not in url  # only the hash is stored; the URL holds the token
    client.force_login(world["admin"])
    client.post(reverse("scheduling:feed_revoke", args=[feed.pk]))
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get(url.replace(url.rsplit("/", 1)[1], "khong-co.ics")).status_code == 404


def test_every_event_downloads_as_ics(client, world):
    event = make_event(world["admin"], world["standing"], title="Tải về")
    client.force_login(world["admin"])
    response = client.get(f"{reverse('scheduling:event_ics')}?uid={event.uid}&on={MONDAY.isoformat()}")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    (item,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(item["SUMMARY"]) == "Tải về"
    assert (
        client.get(f"{reverse('scheduling:event_ics')}?uid=nope&on={MONDAY.isoformat()}").status_code == 404
    )
