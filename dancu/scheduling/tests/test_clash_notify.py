"""A clash created by a save is told to the province's calendar managers and to the users of the
people booked twice, in-app and by e-mail read back from a real SMTP server on loopback; the
same clashes after an unrelated edit are not told again; a save without a clash tells nobody."""

from __future__ import annotations

import pytest

from dancu.notifications.models import Event as NotificationEvent
from dancu.notifications.models import Notification
from dancu.notifications.tests.conftest import smtp_server, text_of  # noqa: F401 (fixture)
from dancu.scheduling import services
from dancu.scheduling.tests.factories import MONDAY, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def people_users(world, make_user, office):
    colleague = make_user("specialist", office)
    colleague.email = "chuyenvien@dancu.example.vn"
    colleague.save()
    delegate = make_user("delegate", world["standing"])
    delegate.email = "daibieu@dancu.example.vn"
    delegate.person = world["people"][1]
    delegate.save()
    return colleague, delegate


def test_a_clash_created_is_sent(world, people_users, smtp_server, django_capture_on_commit_callbacks):  # noqa: F811
    colleague, delegate = people_users
    p = world["people"]
    with django_capture_on_commit_callbacks(execute=True):
        make_event(world["admin"], world["standing"], title="Họp Thường trực", participants=[p[0], p[1]])
    assert Notification.objects.count() == 0  # nothing to clash with yet
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(
            world["admin"], world["committee"], kind="committee_meeting", hour=9, title="Họp Ban", participants=[p[1]]
        )
    messages = smtp_server.wait_for(2)
    assert sorted(r for _f, rcpt in smtp_server.envelopes for r in rcpt) == sorted(
        [colleague.email, delegate.email]
    )
    rows = Notification.objects.filter(event=NotificationEvent.CLASH)
    assert {n.recipient_id for n in rows.all()} == {colleague.pk, delegate.pk}  # not the one who saved it
    assert all(n.url == f"/lich/su-kien/{event.pk}/" for n in rows.all())
    subject = messages[0]["Subject"].strip()
    assert subject.startswith("[Dân cử] Trùng lịch: Họp Ban")
    text = text_of(messages[0])
    assert "Họp Thường trực" in text and p[1].full_name in text
    assert f"/lich/su-kien/{event.pk}/" in text
    # An edit that changes nothing of the clash (the description) tells nobody again.
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(actor=world["admin"], event=event, description="Thêm nội dung")
    assert rows.all().count() == 2 and len(smtp_server.messages) == 2
    # Moved to a free morning: no clash, nothing sent.
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=world["admin"],
            event=event,
            start=event.start.replace(day=MONDAY.day + 1),
            end=event.end.replace(day=MONDAY.day + 1),
        )
    assert rows.all().count() == 2 and len(smtp_server.messages) == 2
