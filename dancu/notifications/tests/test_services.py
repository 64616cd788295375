"""notify(): in-app rows at once, e-mail deliveries queued after commit, idempotent per
(recipient, dedupe key), preferences per event and channel, typed refusals."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from dancu.core.errors import NotFound, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.notifications import selectors, services
from dancu.notifications.models import Channel, Delivery, Event, Notification, Preference

pytestmark = pytest.mark.django_db

S = Delivery.Status


def _notify(users, key="letters.answer:1", **kwargs):
    args = {
        "event": services.EVENT_ANSWER_ARRIVED,
        "recipients": users,
        "title": "Đã có văn bản trả lời",
        "body": "Sở Y tế đã trả lời.",
        "url": "/thu/1/",
        "dedupe_key": key,
    } | kwargs
    return services.notify(**args)


def test_notify_creates_one_notification_per_recipient_and_records_deliveries(
    person, make_user, office, django_capture_on_commit_callbacks, smtp_server
):
    other = make_user("leader", office)
    other.email = "lanhdao@dancu.example.vn"
    other.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert _notify([person, other, person], province_id=office.province_id) == 2
    # Nothing is sent before the commit: the e-mails wait, pending.
    assert smtp_server.messages == []
    assert set(Delivery.objects.filter(channel=Channel.EMAIL).values_list("status", flat=True)) == {S.PENDING}
    for callback in callbacks:  # the commit
        callback()
    assert Notification.objects.filter(dedupe_key="letters.answer:1").count() == 2
    in_app = Delivery.objects.filter(channel=Channel.IN_APP)
    assert sorted(in_app.values_list("status", flat=True)) == [S.SENT, S.SENT]
    assert all(d.sent_at for d in in_app)
    emails = Delivery.objects.filter(channel=Channel.EMAIL)
    assert sorted(emails.values_list("status", "attempts")) == [(S.SENT, 1), (S.SENT, 1)]
    assert {to for _f, tos in smtp_server.envelopes for to in tos} == {person.email, other.email}
    entry = AuditEntry.objects.get(action="notifications.notification.create")
    assert entry.province_code == office.province.code and entry.summary == "answer_arrived: 2"


def test_the_same_key_never_notifies_twice(person, django_capture_on_commit_callbacks, smtp_server):
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([person]) == 1
    with django_capture_on_commit_callbacks(execute=True) as second:
        assert _notify([person], title="Lần hai") == 0
    assert second == []  # nothing queued
    assert Notification.objects.count() == 1 and Notification.objects.get().title == "Đã có văn bản trả lời"
    assert len(smtp_server.messages) == 1
    # Another key is another notification.
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([person], key="letters.answer:2") == 1
    assert len(smtp_server.wait_for(2)) == 2


def test_the_unique_constraint_holds_even_when_the_lookup_missed(person):
    """Two workers racing: the second insert meets the DB constraint and notifies no one."""
    from dancu.notifications.services import _create_once

    defaults = {
        "event": Event.OVERDUE,
        "title": "Quá hạn",
        "body": "",
        "url": "",
        "province_id": None,
        "in_app": True,
    }
    assert _create_once(user=person, key="k", defaults=defaults) is not None
    with transaction.atomic():  # the caller's transaction stays usable after the refusal
        assert _create_once(user=person, key="k", defaults=defaults) is None
        assert Notification.objects.filter(recipient=person).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():  # the database itself refuses a duplicate
        Notification.objects.create(recipient=person, dedupe_key="k", event=Event.OVERDUE, title="x")


def test_a_rolled_back_caller_leaves_no_notification_and_sends_nothing(
    person, django_capture_on_commit_callbacks, smtp_server
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _notify([person])
        raise RuntimeError("the caller's service failed after notifying")
    assert callbacks == []
    assert Notification.objects.count() == Delivery.objects.count() == 0
    assert smtp_server.messages == []


def test_inactive_users_and_non_users_are_skipped(person, make_user):
    gone = make_user(is_active=False)
    assert _notify([gone, None]) == 0
    assert _notify([]) == 0
    assert Notification.objects.count() == 0
    assert _notify([person, gone]) == 1


def test_preferences_turn_channels_off_per_event(person, django_capture_on_commit_callbacks, smtp_server):
    services.preferences_save(
        actor=person,
        enabled={(Event.ANSWER_ARRIVED, Channel.EMAIL): False, (Event.OVERDUE, Channel.IN_APP): False},
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([person]) == 1
    assert smtp_server.messages == []  # no e-mail to send
    email = Delivery.objects.get(channel=Channel.EMAIL)
    assert email.status == S.SKIPPED and "turned off" in email.error
    assert selectors.unread_count(person) == 1
    # In-app off: the row exists (a repeat is still a duplicate) but the bell does not show it.
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([person], event=Event.OVERDUE, key="overdue:x") == 1
    hidden = Notification.objects.get(dedupe_key="overdue:x")
    assert hidden.in_app is False
    assert selectors.unread_count(person) == 1
    assert hidden.deliveries.get(channel=Channel.IN_APP).status == S.SKIPPED
    assert hidden.deliveries.get(channel=Channel.EMAIL).status == S.SENT
    assert len(smtp_server.wait_for(1)) == 1
    assert _notify([person], event=Event.OVERDUE, key="overdue:x") == 0
    # Saving the same choices again changes nothing.
    assert (
        services.preferences_save(actor=person, enabled={(Event.ANSWER_ARRIVED, Channel.EMAIL): False}) == 0
    )
    assert services.preferences_save(actor=person, enabled={(Event.ANSWER_ARRIVED, Channel.EMAIL): True}) == 1
    assert Preference.objects.get(user=person, event=Event.ANSWER_ARRIVED, channel=Channel.EMAIL).enabled


def test_a_user_without_an_address_gets_the_bell_only(make_user, office, django_capture_on_commit_callbacks):
    user = make_user("viewer", office)
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([user]) == 1
    assert Delivery.objects.get(channel=Channel.EMAIL).status == S.SKIPPED


def test_bad_input_is_refused_and_writes_nothing(person):
    with pytest.raises(ValidationFailed) as exc:
        _notify([person], event="no_such_event")
    assert exc.value.code == "notification_bad_event"
    with pytest.raises(ValidationFailed):
        _notify([person], key="   ")
    with pytest.raises(ValidationFailed):
        _notify([person], title="")
    with pytest.raises(ValidationFailed) as exc:
        _notify([person], province_id=10**9)
    assert exc.value.code == "notification_bad_province"
    with pytest.raises(ValidationFailed):
        services.preferences_save(actor=person, enabled={("no_such_event", "email"): False})
    assert Notification.objects.count() == Preference.objects.count() == 0


def test_a_long_key_is_stored_hashed_and_stays_distinct(person):
    base = "due3:letters:letter_deadline:/thu/" + "x" * 400
    assert _notify([person], key=base + "1") == 1
    assert _notify([person], key=base + "2") == 1
    assert _notify([person], key=base + "1") == 0
    keys = list(Notification.objects.values_list("dedupe_key", flat=True))
    assert len(set(keys)) == 2 and all(len(k) <= 255 for k in keys)


def test_mark_read_only_my_own(person, make_user, office):
    other = make_user("specialist", office)
    _notify([person, other])
    mine = Notification.objects.get(recipient=person)
    theirs = Notification.objects.get(recipient=other)
    with pytest.raises(NotFound):
        services.notification_mark_read(actor=person, notification_id=theirs.pk)
    theirs.refresh_from_db()
    assert theirs.read_at is None
    services.notification_mark_read(actor=person, notification_id=mine.pk)
    mine.refresh_from_db()
    assert mine.read_at is not None
    _notify([person, other], key="k2")
    assert services.notifications_mark_all_read(actor=person) == 1
    assert selectors.unread_count(person) == 0 and selectors.unread_count(other) == 2
    assert AuditEntry.objects.filter(action__startswith="notifications.notification.read").count() == 2


def test_notify_is_provided_to_modules_that_do_not_import_it():
    from dancu.core.modules import is_provided, provided

    assert is_provided("notifications.notify")
    assert provided("notifications.notify") is services.notify


def test_notify_query_count_is_flat(person, make_user, office, django_assert_max_num_queries):
    users = [person] + [make_user("specialist", office) for _ in range(9)]
    with django_assert_max_num_queries(45):  # 3 per recipient (savepoint, insert, release) + fixed
        assert _notify(users) == 10
