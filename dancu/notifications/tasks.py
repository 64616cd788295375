"""Background work of notifications: sending e-mails (after commit), the sweep that retries
them, the daily deadline reminders and the weekly digest of "Việc của tôi".

Idempotent everywhere: a delivery is sent by the one worker whose compare-and-set moved it from
pending to sending (workflow.py), and every reminder and digest has a dedupe key, so a retried
task, a restarted beat or a second beat on the same day notifies nobody twice.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
from collections.abc import Iterable
from typing import Any

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from dancu.core.audit import audit_record
from dancu.core.calendar import current_calendar
from dancu.core.events import WorkItem

from . import worklist
from .emails import absolute, build_message
from .models import Channel, Delivery, Event
from .services import deliver
from .workflow import DELIVERY_FLOW

logger = logging.getLogger(__name__)

S = Delivery.Status
STALE_AFTER = datetime.timedelta(minutes=15)  # a claim older than this: the worker died
LOST_AFTER = datetime.timedelta(minutes=2)  # a pending delivery never queued (broker down)
BACKOFF_MINUTES = (1, 5, 15, 60, 240)
SWEEP_BATCH = 500
DIGEST_ITEMS = 30  # lines of a digest; the page has the rest


def max_attempts() -> int:
    return int(getattr(settings, "DANCU_NOTIFY_MAX_ATTEMPTS", 5))


def _backoff(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=BACKOFF_MINUTES[min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1])


def _connection():
    return get_connection(fail_silently=False, timeout=getattr(settings, "EMAIL_TIMEOUT", None) or 15)


def send_one(delivery_id: int, connection: Any, *, action: str = "claim") -> bool:
    """Claim one e-mail delivery, send it, record the outcome; False when another worker has it
    (or it is done) or the send failed."""
    now = timezone.now()
    row = Delivery.objects.filter(pk=delivery_id, channel=Channel.EMAIL)
    claim_rows = row.filter(last_attempt_at__lt=now - STALE_AFTER) if action == "reclaim" else row
    claimed = DELIVERY_FLOW.claim(
        claim_rows, action, attempts=F("attempts") + 1, last_attempt_at=now, next_attempt_at=None
    )
    if not claimed:
        return False
    delivery = Delivery.objects.select_related("notification__recipient").get(pk=delivery_id)
    try:
        connection.send_messages([build_message(delivery)])
    except Exception as exc:  # SMTP, DNS, socket, TLS: every failure is recorded the same way
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if delivery.attempts >= max_attempts():
            DELIVERY_FLOW.claim(row, "fail", error=error)
        else:
            DELIVERY_FLOW.claim(row, "retry", error=error, next_attempt_at=now + _backoff(delivery.attempts))
        logger.warning("E-mail delivery %s failed (attempt %s): %s", delivery_id, delivery.attempts, error)
        with contextlib.suppress(Exception):  # a broken connection may fail to close too
            connection.close()  # the next send opens a fresh connection
        return False
    DELIVERY_FLOW.claim(row, "sent", sent_at=timezone.now(), error="")
    return True


def _send_all(delivery_ids: Iterable[int], *, action: str = "claim") -> int:
    ids = list(delivery_ids)
    if not ids:
        return 0
    connection = _connection()
    sent = 0
    try:
        for delivery_id in ids:
            sent += send_one(delivery_id, connection, action=action)
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    return sent


@shared_task
def send_emails(delivery_ids: list[int]) -> int:
    """Send these e-mail deliveries (queued after the commit that created them)."""
    return _send_all(delivery_ids)


@shared_task
def retry_deliveries() -> int:
    """The sweep (beat, every few minutes): deliveries whose next attempt is due, those never
    queued (the broker was down at commit), and those claimed by a worker that died."""
    now = timezone.now()
    email = Delivery.objects.filter(channel=Channel.EMAIL)
    due = email.filter(status=S.PENDING).filter(
        Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True, created_at__lte=now - LOST_AFTER)
    )
    stale = email.filter(status=S.SENDING, last_attempt_at__lt=now - STALE_AFTER)
    sent = _send_all(due.order_by("pk").values_list("pk", flat=True)[:SWEEP_BATCH])
    sent += _send_all(stale.order_by("pk").values_list("pk", flat=True)[:SWEEP_BATCH], action="reclaim")
    return sent


# -- reminders and digests, from every module's work items ------------------------------------


def reminder_recipients():
    """Who gets reminders and digests: active users who hold a role or are national admins."""
    from dancu.accounts.models import User

    return (
        User.objects.filter(is_active=True)
        .filter(Q(roles__isnull=False) | Q(is_national_admin=True))
        .distinct()
        .order_by("pk")
    )


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "d/m/Y")


def item_key(prefix: str, item: WorkItem) -> str:
    return f"{prefix}:{item.module}:{item.kind}:{item.url}:{item.due}"


def _item_body(item: WorkItem) -> str:
    parts = [f"{worklist.module_label(item.module)} · {worklist.kind_label(item)}"]
    if item.note:
        parts.append(item.note)
    return "\n".join(parts)


def reminders_for(user: Any, today: datetime.date) -> int:
    """Remind `user` of items due within 3 working days and of overdue items; returns how many
    notifications were new."""
    calendar = current_calendar()
    items, _failed = worklist.collect(user)
    created = 0
    for item in items:
        if item.due is None:
            continue
        if item.due < today:
            event = Event.OVERDUE
            key = item_key("overdue", item)
            title = _("Overdue since %(date)s: %(title)s") % {"date": _date(item.due), "title": item.title}
        elif calendar.working_days_between(today, item.due) <= 3:
            event = Event.DUE_SOON
            key = item_key("due3", item)
            title = _("Due on %(date)s: %(title)s") % {"date": _date(item.due), "title": item.title}
        else:
            continue
        created += deliver(
            event=event,
            recipients=[user],
            title=title,
            body=_item_body(item),
            url=item.url,
            dedupe_key=key,
            province_id=item.province_id,
            audit=False,
        )
    return created


@shared_task
def send_due_reminders(today: str | None = None) -> int:
    """Daily: deadlines in 3 working days and overdue items, for every user (dedupe keys
    f"due3:{module}:{kind}:{url}:{due}" and f"overdue:...": once per item and due date)."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        created = sum(reminders_for(user, day) for user in reminder_recipients())
    with transaction.atomic():
        audit_record(actor=None, action="notifications.reminders.run", summary=f"{day}: {created}")
    return created


def digest_for(user: Any, today: datetime.date) -> int:
    week = today.isocalendar()
    work = worklist.build(user, today=today)
    if not work.total:
        return 0
    title = _("My work: %(overdue)d overdue, %(week)d due this week, %(later)d later") % {
        "overdue": work.counts[worklist.OVERDUE],
        "week": work.counts[worklist.THIS_WEEK],
        "later": work.counts[worklist.LATER],
    }
    lines: list[str] = []
    shown = 0
    for group in work.groups:
        if not group.items:
            continue
        lines.append(f"{group.label}:")
        for row in group.items:
            if shown >= DIGEST_ITEMS:
                break
            item = row.item
            due = _date(item.due) if item.due else _("no date")
            lines.append(f"- {due} · {item.title} ({row.module_label}) {absolute(item.url)}")
            shown += 1
        lines.append("")
    if work.total > shown:
        lines.append(_("And %(n)d more.") % {"n": work.total - shown})
    return deliver(
        event=Event.DIGEST,
        recipients=[user],
        title=title,
        body="\n".join(lines).strip(),
        url=reverse("notifications:my_work"),
        dedupe_key=f"digest:{week.year}-W{week.week:02d}",
        audit=False,
    )


@shared_task
def send_weekly_digest(today: str | None = None) -> int:
    """Weekly: each user's "Việc của tôi" as one notification and e-mail (dedupe key
    f"digest:{iso year}-W{iso week}": one per user per week)."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    with translation.override(settings.LANGUAGE_CODE):
        created = sum(digest_for(user, day) for user in reminder_recipients())
    with transaction.atomic():
        audit_record(actor=None, action="notifications.digest.run", summary=f"{day}: {created}")
    return created
