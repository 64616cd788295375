"""The e-mail crosses a real Redis broker: notify commits, the task is published after commit,
a real Celery worker (a thread of this process) claims the delivery and sends it to the loopback
SMTP server; a second publication of the same delivery sends nothing."""

from __future__ import annotations

import socket
import time
import uuid

import pytest
from django.db import transaction

from dancu.core.testing import forget_celery_connections
from dancu.notifications import services
from dancu.notifications.models import Channel, Delivery, Event

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

REDIS = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_worker():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.fail("Redis is not running on 127.0.0.1:6379 (the test machine must provide it)")
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    saved = {
        k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager", "task_default_queue")
    }
    # A queue of its own, so that messages left by an earlier, interrupted run are not consumed.
    app.conf.update(
        broker_url=REDIS,
        result_backend=REDIS,
        task_always_eager=False,
        task_default_queue=f"dancu-test-{uuid.uuid4().hex}",
    )
    forget_celery_connections(app)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield app
    finally:
        app.conf.update(saved)
        forget_celery_connections(app)


def _wait_status(pk: int, status: str, timeout: float = 30.0) -> Delivery:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        delivery = Delivery.objects.get(pk=pk)
        if delivery.status == status:
            return delivery
        time.sleep(0.1)
    raise AssertionError(f"delivery {pk} is {Delivery.objects.get(pk=pk).status}, expected {status}")


def test_an_email_sent_by_a_worker_through_redis(redis_worker, smtp_server, person):
    with transaction.atomic():
        services.notify(
            event=Event.SENT_TO_AGENCY,
            recipients=[person],
            title="Chuyển kiến nghị đến Sở Y tế",
            url="/kien-nghi/5/",
            dedupe_key="petitions.forward:5",
        )
        assert Delivery.objects.get(channel=Channel.EMAIL).status == Delivery.Status.PENDING
    (message,) = smtp_server.wait_for(1, timeout=60)
    assert message["To"] == person.email
    delivery = _wait_status(Delivery.objects.get(channel=Channel.EMAIL).pk, Delivery.Status.SENT)
    assert delivery.attempts == 1 and delivery.sent_at is not None
    # The broker delivers the same job again (a retry, a restarted beat): nothing more is sent.
    from dancu.notifications.tasks import send_emails

    assert send_emails.delay([delivery.pk]).get(timeout=60) == 0
    time.sleep(0.5)
    assert len(smtp_server.messages) == 1
