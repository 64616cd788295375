"""Two workers notify the same (recipient, key) at the same moment (a task retried while the
first run is still going, two beats): the database's unique constraint lets one through."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from dancu.notifications import services
from dancu.notifications.models import Event, Notification

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def test_racing_notifies_create_one_notification(person):
    barrier = threading.Barrier(2)
    results: list[int] = []
    errors: list[BaseException] = []

    def worker():
        try:
            with transaction.atomic():
                barrier.wait(timeout=10)  # both looked nothing up yet: both will try to insert
                results.append(
                    services.deliver(
                        event=Event.OVERDUE,
                        recipients=[person],
                        title="Quá hạn trả lời đơn",
                        dedupe_key="overdue:race",
                        send_email=False,
                    )
                )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors, errors
    assert sorted(results) == [0, 1]
    assert Notification.objects.filter(recipient=person, dedupe_key="overdue:race").count() == 1
