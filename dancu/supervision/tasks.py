"""Background work of the supervision module."""

from __future__ import annotations

from celery import shared_task

from . import reminders


@shared_task
def send_reminders() -> dict[str, int]:
    """Daily: recommendations due soon or overdue, agency reports due, escalation proposals."""
    return reminders.send_reminders()
