"""E-mails through Django's SMTP backend to a REAL SMTP server on loopback (aiosmtpd): the text
is Vietnamese with absolute links, every attempt is recorded, a failed send is retried by the
sweep, a delivery is sent once however many workers are handed it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dancu.notifications import services, tasks
from dancu.notifications.models import Channel, Delivery, Event

from .conftest import SITE, html_of, text_of

pytestmark = pytest.mark.django_db

S = Delivery.Status


def _notify(person, key="supervision.task:7"):
    return services.notify(
        event=Event.TASK_ASSIGNED,
        recipients=[person],
        title="Được giao nhiệm vụ: tổng hợp báo cáo giám sát",
        body="Hạn hoàn thành: 15/12/2026.",
        url="/giam-sat/nhiem-vu/7/",
        dedupe_key=key,
    )


def test_the_message_is_vietnamese_with_absolute_links(
    person, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(person)
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == person.email
    assert "thongbao@dancu.example.vn" in message["From"]
    # (Django folds an encoded subject onto a continuation line: unfolded, it starts with a space)
    assert message["Subject"].strip() == "[Dân cử] Được giao nhiệm vụ: tổng hợp báo cáo giám sát"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["X-Dancu-Event"] == "task_assigned"
    delivery = Delivery.objects.get(channel=Channel.EMAIL)
    assert message["Message-ID"] == f"<dancu.notification.{delivery.notification_id}@dancu.example.vn>"
    text = text_of(message)
    with translation.override("vi"):  # the site's language, whatever the sender's request was
        greeting = _("Dear %(name)s,") % {"name": "Lê Văn Tâm"}
        open_line = f"{_('See the details')}: {SITE}/giam-sat/nhiem-vu/7/"
        footer = _("This message was sent automatically by Dân cử.")
    assert text.startswith(greeting)
    assert "Hạn hoàn thành: 15/12/2026." in text
    assert open_line in text
    assert f"{SITE}/thong-bao/cai-dat/" in text  # where to turn it off
    assert footer in text
    html = html_of(message)
    assert f'href="{SITE}/giam-sat/nhiem-vu/7/"' in html
    assert delivery.status == S.SENT and delivery.attempts == 1 and delivery.sent_at and delivery.error == ""


def test_an_absolute_url_is_kept(person, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            event=Event.CLASH,
            recipients=[person],
            title="Trùng lịch",
            url="https://lich.example.vn/su-kien/3/",
            dedupe_key="clash:3",
        )
    assert "https://lich.example.vn/su-kien/3/" in text_of(smtp_server.wait_for(1)[0])


def test_smtp_down_is_recorded_and_the_sweep_sends_later(
    person, smtp_down, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(person) == 1  # the caller is not bothered by the mailer being down
    delivery = Delivery.objects.get(channel=Channel.EMAIL)
    assert delivery.status == S.PENDING and delivery.attempts == 1
    assert "ConnectionRefused" in delivery.error or "Errno" in delivery.error
    assert delivery.next_attempt_at > timezone.now()
    # Not yet due: the sweep leaves it.
    assert tasks.retry_deliveries() == 0
    delivery.refresh_from_db()
    assert delivery.attempts == 1
    # The server comes up, the retry time passes: the sweep sends it, once.
    from aiosmtpd.controller import Controller

    from .conftest import Inbox

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_down)
    controller.start()
    try:
        Delivery.objects.filter(pk=delivery.pk).update(
            next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        assert tasks.retry_deliveries() == 1
        assert tasks.retry_deliveries() == 0
        assert len(inbox.wait_for(1)) == 1
    finally:
        controller.stop()
    delivery.refresh_from_db()
    assert delivery.status == S.SENT and delivery.attempts == 2 and delivery.error == ""


def test_a_refusing_server_fails_the_delivery_after_the_last_attempt(
    person, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.DANCU_NOTIFY_MAX_ATTEMPTS = 2
    smtp_server.refuse = True
    with django_capture_on_commit_callbacks(execute=True):
        _notify(person)
    delivery = Delivery.objects.get(channel=Channel.EMAIL)
    assert (delivery.status, delivery.attempts) == (S.PENDING, 1)
    assert "451" in delivery.error
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert tasks.retry_deliveries() == 0
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (S.FAILED, 2)
    assert tasks.retry_deliveries() == 0  # a failed delivery is not retried for ever
    assert smtp_server.messages == []


def test_a_delivery_is_sent_once_however_often_it_is_handed_out(
    person, smtp_server, django_capture_on_commit_callbacks
):
    """A retried task, a duplicate message from the broker and the sweep all get the same id:
    only the first claim sends."""
    with django_capture_on_commit_callbacks(execute=False):
        _notify(person)
    delivery = Delivery.objects.get(channel=Channel.EMAIL)
    assert tasks.send_emails([delivery.pk, delivery.pk]) == 1
    assert tasks.send_emails([delivery.pk]) == 0
    assert tasks.send_emails.delay([delivery.pk]).get() == 0  # through celery (eager)
    assert tasks.retry_deliveries() == 0
    assert len(smtp_server.wait_for(1)) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 1


def test_a_queue_lost_at_commit_is_picked_up_by_the_sweep(
    person, smtp_server, django_capture_on_commit_callbacks
):
    from dancu.core.testing import broker_down

    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        _notify(person)  # the broker refuses the task: logged, the delivery stays pending
    delivery = Delivery.objects.get(channel=Channel.EMAIL)
    assert (delivery.status, delivery.attempts) == (S.PENDING, 0)
    assert tasks.retry_deliveries() == 0  # too fresh: the queued task may still come
    Delivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    assert tasks.retry_deliveries() == 1
    assert len(smtp_server.wait_for(1)) == 1


def test_a_worker_that_died_mid_send_is_taken_over(person, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _notify(person)
    delivery = Delivery.objects.get(channel=Channel.EMAIL)
    from dancu.notifications.workflow import DELIVERY_FLOW

    # A worker claimed it and died before sending.
    recent = timezone.now() - datetime.timedelta(minutes=1)
    DELIVERY_FLOW.claim(Delivery.objects.filter(pk=delivery.pk), "claim", attempts=1, last_attempt_at=recent)
    assert tasks.retry_deliveries() == 0  # a fresh claim may still be sending
    old = timezone.now() - datetime.timedelta(hours=1)
    Delivery.objects.filter(pk=delivery.pk).update(last_attempt_at=old)
    assert tasks.retry_deliveries() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (S.SENT, 2)
    assert len(smtp_server.wait_for(1)) == 1
