"""Daily deadline reminders (3 working days before, and overdue) and the weekly digest, built from
the work items and sent through notify: once per item and due date, however often beat runs."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from dancu.core.events import WorkItem
from dancu.core.models import AuditEntry, Holiday
from dancu.notifications import tasks
from dancu.notifications.models import Channel, Delivery, Event, Notification

from .conftest import SITE, text_of

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 7)
D = datetime.timedelta


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a task as beat would: its e-mails are queued when its transactions commit."""

    def run(task, *args):
        with django_capture_on_commit_callbacks(execute=True):
            return task(*args)

    return run


def _item(title, due, **kw):
    return WorkItem(
        module="toy_work", kind="letter_deadline", title=title, due=due, url=f"/thu/{title}/", **kw
    )


def test_reminders_three_working_days_before_and_when_overdue(toy_modules, person, smtp_server, commit):
    toy_modules[person.pk] = [
        _item("thursday", MONDAY + D(days=3)),  # 3 working days ahead: remind
        _item("friday", MONDAY + D(days=4)),  # 4 working days: not yet
        _item("last-week", MONDAY - D(days=3), note="quá hạn: đôn đốc"),  # overdue
        _item("undated", None),
    ]
    assert commit(tasks.send_due_reminders, MONDAY.isoformat()) == 2
    keys = set(Notification.objects.filter(recipient=person).values_list("dedupe_key", "event"))
    assert keys == {
        (f"due3:toy_work:letter_deadline:/thu/thursday/:{MONDAY + D(days=3)}", Event.DUE_SOON),
        (f"overdue:toy_work:letter_deadline:/thu/last-week/:{MONDAY - D(days=3)}", Event.OVERDUE),
    }
    messages = smtp_server.wait_for(2)
    texts = "\n".join(text_of(m) for m in messages)
    assert f"{SITE}/thu/thursday/" in texts and f"{SITE}/thu/last-week/" in texts
    assert "quá hạn: đôn đốc" in texts
    assert "10/12/2026" in texts  # the due date, as an Office writes it
    # Beat restarts, runs again the same day and the next: nobody is reminded twice.
    assert commit(tasks.send_due_reminders, MONDAY.isoformat()) == 0
    assert commit(tasks.send_due_reminders, (MONDAY + D(days=1)).isoformat()) == 1  # friday is now 3 days out
    assert len(smtp_server.wait_for(3)) == 3
    assert AuditEntry.objects.filter(action="notifications.reminders.run").count() == 3


def test_holidays_count_as_days_off(toy_modules, person, commit):
    Holiday.objects.create(date=MONDAY + D(days=1), kind=Holiday.Kind.HOLIDAY, name="Ngày nghỉ thử")
    toy_modules[person.pk] = [_item("friday", MONDAY + D(days=4))]  # Tue off: Wed, Thu, Fri = 3
    assert commit(tasks.send_due_reminders, MONDAY.isoformat()) == 1


def test_a_moved_deadline_is_a_new_reminder(toy_modules, person, commit):
    toy_modules[person.pk] = [_item("x", MONDAY + D(days=1))]
    assert commit(tasks.send_due_reminders, MONDAY.isoformat()) == 1
    toy_modules[person.pk] = [_item("x", MONDAY + D(days=2))]  # extended: the key has the date
    assert commit(tasks.send_due_reminders, MONDAY.isoformat()) == 1


def test_only_users_with_a_role_are_reminded(toy_modules, person, make_user, commit):
    nobody = make_user()
    toy_modules[nobody.pk] = [_item("x", MONDAY)]
    toy_modules[person.pk] = [_item("y", MONDAY)]
    assert commit(tasks.send_due_reminders, MONDAY.isoformat()) == 1
    assert not Notification.objects.filter(recipient=nobody).exists()


def test_weekly_digest_once_a_week(toy_modules, person, smtp_server, commit):
    toy_modules[person.pk] = [
        _item("overdue", MONDAY - D(days=2)),
        _item("wednesday", MONDAY + D(days=2)),
        _item("next-month", MONDAY + D(days=30)),
    ]
    assert commit(tasks.send_weekly_digest, MONDAY.isoformat()) == 1
    digest = Notification.objects.get(recipient=person, event=Event.DIGEST)
    assert digest.dedupe_key == "digest:2026-W50"
    assert digest.url == "/thong-bao/viec-cua-toi/"
    (message,) = smtp_server.wait_for(1)
    text = text_of(message)
    assert text.index("/thu/overdue/") < text.index("/thu/wednesday/") < text.index("/thu/next-month/")
    assert f"{SITE}/thong-bao/viec-cua-toi/" in text
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        title = _("My work: %(overdue)d overdue, %(week)d due this week, %(later)d later") % {
            "overdue": 1,
            "week": 1,
            "later": 1,
        }
    assert digest.title == title
    # The same week again (a beat restart, Thursday): nothing; next week: one more.
    assert commit(tasks.send_weekly_digest, (MONDAY + D(days=3)).isoformat()) == 0
    assert commit(tasks.send_weekly_digest, (MONDAY + D(days=7)).isoformat()) == 1
    assert Delivery.objects.filter(channel=Channel.EMAIL, status=Delivery.Status.SENT).count() == 2


def test_no_digest_when_nothing_is_due(toy_modules, person, commit):
    assert commit(tasks.send_weekly_digest, MONDAY.isoformat()) == 0


def test_the_beat_schedule_is_in_the_manifest():
    from dancu.core.modules import beat_schedule

    schedule = beat_schedule()
    assert schedule["notifications-due-reminders"]["task"] == "dancu.notifications.tasks.send_due_reminders"
    assert schedule["notifications-weekly-digest"]["task"] == "dancu.notifications.tasks.send_weekly_digest"
    assert schedule["notifications-retry"]["task"] == "dancu.notifications.tasks.retry_deliveries"
    from celery import current_app

    for entry in ("send_due_reminders", "send_weekly_digest", "retry_deliveries", "send_emails"):
        assert f"dancu.notifications.tasks.{entry}" in current_app.tasks
