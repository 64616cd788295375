"""Notifications: the one way any module tells a user something (in-app and e-mail).

Domain modules call `notify(...)` inside their own service's transaction; this module never
imports them. Reminders and digests (tasks.py) reach the modules only through the manifests'
`work_items` hooks (worklist.py).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.audit import audit_record
from dancu.core.errors import NotFound, ValidationFailed

from .errors import NotificationError
from .models import Channel, Delivery, Event, Notification, Preference
from .workflow import DELIVERY_FLOW

logger = logging.getLogger(__name__)

# Event codes (what happened). Callers pass one of these as `event=` (models.Event).
EVENT_SENT_TO_AGENCY = Event.SENT_TO_AGENCY.value  # an item was sent to an agency
EVENT_ANSWER_ARRIVED = Event.ANSWER_ARRIVED.value  # an agency's answer arrived
EVENT_ONLINE_LETTER = Event.ONLINE_LETTER.value  # a citizen's online letter arrived
EVENT_DUE_SOON = Event.DUE_SOON.value  # a deadline in 3 working days
EVENT_OVERDUE = Event.OVERDUE.value  # a deadline has passed
EVENT_CLASH = Event.CLASH.value  # a calendar clash was created
EVENT_TASK_ASSIGNED = Event.TASK_ASSIGNED.value  # a task was assigned
EVENT_DIGEST = Event.DIGEST.value  # the weekly "my work" digest

KEY_LENGTH = Notification._meta.get_field("dedupe_key").max_length or 255


def users_with(perm: str, province_id: int | None, *, body_ids: Iterable[int] | None = None) -> list[Any]:
    """Active users holding a role that grants `perm` in a body of `province_id` (or, with
    `body_ids`, in one of those bodies): the recipients a module names by what they do ("the
    Office's letter staff", "the agency's responders") rather than one by one. One query."""
    from dancu.accounts.models import User
    from dancu.accounts.roles import role_permissions

    roles = sorted(role for role, perms in role_permissions().items() if perm in perms)
    if not roles:
        return []
    held: dict[str, Any] = {"roles__role__in": roles}
    if body_ids is not None:
        held["roles__body_id__in"] = sorted(set(body_ids))
    elif province_id is not None:
        held["roles__body__province_id"] = province_id
    else:
        return []
    return list(User.objects.filter(is_active=True, **held).distinct().order_by("pk"))


def notify_after_commit(*, recipients: Callable[[], Iterable[Any]], **kwargs: Any) -> None:
    """`notify` once the caller's transaction has committed, recipients looked up then
    (`recipients` is a callable): the caller's write path runs no query for it, and a
    notification about a write that rolled back is never made. A failure here is logged, never
    raised into the caller (its write is committed); the same dedupe key keeps a retry single."""

    def run() -> None:
        try:
            notify(recipients=recipients(), **kwargs)
        except Exception:  # the caller's write is already committed: log, do not fail it
            logger.exception("notification %s after commit failed", kwargs.get("dedupe_key"))

    transaction.on_commit(run)


def dedupe_key_of(key: str) -> str:
    """The stored form of a dedupe key: as given when it fits, else its head and a SHA-256 (a
    URL in a reminder key can be long; the hash keeps distinct keys distinct)."""
    key = str(key).strip()
    if len(key) <= KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"{key[: KEY_LENGTH - len(digest) - 1]}#{digest}"


def notify(
    *,
    event: str,
    recipients: Iterable[Any],
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str,
    province_id: int | None = None,
) -> int:
    """Notify each recipient (accounts.User) of one event; return how many were newly notified.

    - `event`: one of the EVENT_* codes above (preferences are per user, per event, per channel).
    - `title`/`body`: already translated text for the recipient (Vietnamese); plain text.
    - `url`: the record's page, a path ("/thu/12/") or absolute; e-mails make it absolute with
      settings.DANCU_SITE_URL.
    - `dedupe_key`: stable for "the same thing" (e.g. f"letters.answer:{letter.pk}"). The same
      (recipient, dedupe_key) never notifies twice, across retries and beat restarts (a DB unique
      constraint); the second call returns 0 for that recipient.
    - `province_id`: the province the event belongs to (optional, for filtering/audit).

    Call it inside your service's transaction: the in-app rows are written at once (and rolled
    back with your transaction); e-mails are enqueued to Celery only after commit. Inactive users
    and duplicates are skipped. Never raises because a mailer is down (sends are retried and
    every attempt is recorded in Delivery). Raises ValidationFailed for an unknown event or an
    empty dedupe key / title.
    """
    return deliver(
        event=event,
        recipients=recipients,
        title=title,
        body=body,
        url=url,
        dedupe_key=dedupe_key,
        province_id=province_id,
    )


def deliver(
    *,
    event: str,
    recipients: Iterable[Any],
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str,
    province_id: int | None = None,
    send_email: bool = True,
    audit: bool = True,
) -> int:
    """`notify` with the module's own switches: `send_email=False` (the demo) writes the in-app
    notifications only; `audit=False` is for a batch (reminders, digests) that audits its run
    once instead of every notification."""
    if event not in Event.values:
        raise ValidationFailed(
            _("Unknown notification event: %(event)s.") % {"event": event},
            code=NotificationError.BAD_EVENT,
            details={"field": "event"},
        )
    key = dedupe_key_of(dedupe_key)
    if not key:
        raise ValidationFailed(_("A notification needs a deduplication key."), code=NotificationError.BAD_KEY)
    title = str(title).strip()[:300]
    if not title:
        raise ValidationFailed(_("A notification needs a title."), code=NotificationError.BAD_TITLE)
    users = _distinct_active(recipients)
    if not users:
        return 0
    province_code = _province_code(province_id)
    with transaction.atomic():
        already = set(
            Notification.objects.filter(recipient__in=[u.pk for u in users], dedupe_key=key).values_list(
                "recipient_id", flat=True
            )
        )
        off = _disabled(users, event)
        created: list[Notification] = []
        for user in users:
            if user.pk in already:
                continue
            notification = _create_once(
                user=user,
                key=key,
                defaults={
                    "event": event,
                    "title": title,
                    "body": str(body),
                    "url": str(url)[:500],
                    "province_id": province_id,
                    "in_app": (user.pk, Channel.IN_APP) not in off,
                },
            )
            if notification is not None:
                created.append(notification)
        if not created:
            return 0
        email_ids = _record_deliveries(created, off, send_email=send_email)
        if audit:
            audit_record(
                actor=None,
                action="notifications.notification.create",
                target=created[0],
                province_code=province_code,
                summary=f"{event}: {len(created)}",
                changes={"dedupe_key": key, "recipients": [n.recipient_id for n in created]},
            )
        if email_ids:
            transaction.on_commit(lambda: enqueue_emails(email_ids))
    return len(created)


def _distinct_active(recipients: Iterable[Any]) -> list[Any]:
    seen: dict[int, Any] = {}
    for user in recipients:
        pk = getattr(user, "pk", None)
        if pk is None or not getattr(user, "is_active", False) or pk in seen:
            continue
        seen[pk] = user
    return list(seen.values())


def _disabled(users: list[Any], event: str) -> set[tuple[int, str]]:
    """(user id, channel) pairs the users turned off for `event` (no row: on)."""
    rows = Preference.objects.filter(user__in=[u.pk for u in users], event=event, enabled=False)
    return set(rows.values_list("user_id", "channel"))


def _create_once(*, user: Any, key: str, defaults: dict[str, Any]) -> Notification | None:
    """The "create" half of get-or-create (the caller looked the key up for every recipient in
    one query): insert the (recipient, key) row, or None when another transaction inserted it
    since (the unique constraint decides; a savepoint keeps the caller's transaction usable)."""
    try:
        with transaction.atomic():
            return Notification.objects.create(recipient=user, dedupe_key=key, **defaults)
    except IntegrityError:
        return None


def _record_deliveries(
    created: list[Notification], off: set[tuple[int, str]], *, send_email: bool
) -> list[int]:
    """One in-app and one e-mail delivery per notification; returns the e-mail ids to send."""
    rows = []
    for n in created:
        rows.append(Delivery(notification=n, channel=Channel.IN_APP, status=DELIVERY_FLOW.initial))
        address = (getattr(n.recipient, "email", "") or "").strip()
        rows.append(
            Delivery(
                notification=n, channel=Channel.EMAIL, status=DELIVERY_FLOW.initial, address=address[:254]
            )
        )
    Delivery.objects.bulk_create(rows)
    ids = [n.pk for n in created]
    shown = [n.pk for n in created if n.in_app]
    in_app = Delivery.objects.filter(notification_id__in=ids, channel=Channel.IN_APP)
    now = timezone.now()
    DELIVERY_FLOW.claim(in_app.filter(notification_id__in=shown), "deliver", sent_at=now)
    DELIVERY_FLOW.claim(in_app.exclude(notification_id__in=shown), "skip", error="turned off by the user")
    email = Delivery.objects.filter(notification_id__in=ids, channel=Channel.EMAIL)
    muted = [n.pk for n in created if (n.recipient_id, Channel.EMAIL) in off]
    DELIVERY_FLOW.claim(email.filter(notification_id__in=muted), "skip", error="turned off by the user")
    DELIVERY_FLOW.claim(email.filter(address=""), "skip", error="no e-mail address")
    if not send_email:
        DELIVERY_FLOW.claim(email, "skip", error="not sent (demo data)")
    return list(email.filter(status=Delivery.Status.PENDING).values_list("pk", flat=True))


def _province_code(province_id: int | None) -> str:
    """The province's code (for the audit entry); a province that does not exist is refused here,
    not at the caller's commit (where a deferred foreign key would fail their whole transaction)."""
    if province_id is None:
        return ""
    from dancu.directory.models import AdministrativeUnit

    code = AdministrativeUnit.objects.filter(pk=province_id).values_list("code", flat=True).first()
    if code is None:
        raise ValidationFailed(
            _("Unknown province for a notification."),
            code=NotificationError.BAD_PROVINCE,
            details={"field": "province_id"},
        )
    return code


def enqueue_emails(delivery_ids: list[int]) -> None:
    """Queue the sending task (called after commit). When the broker cannot take it, the
    deliveries stay pending and the periodic sweep (tasks.retry_deliveries) sends them."""
    from .tasks import send_emails

    try:
        send_emails.delay(list(delivery_ids))
    except Exception:  # the broker's errors vary (kombu, redis, socket): any failure to queue
        logger.exception("Could not queue e-mail deliveries %s; the sweep will send them", delivery_ids)


# -- the user's own actions -------------------------------------------------------------------


def _own(actor: Any, notification_id: int) -> Notification:
    notification = Notification.objects.filter(pk=notification_id, recipient_id=actor.pk, in_app=True).first()
    if notification is None:
        raise NotFound(_("This notification does not exist."), code=NotificationError.NOT_FOUND)
    return notification


@transaction.atomic
def notification_mark_read(*, actor: Any, notification_id: int) -> Notification:
    """Mark one of the actor's own notifications as read (another user's: NotFound)."""
    notification = _own(actor, notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        audit_record(actor=actor, action="notifications.notification.read", target=notification)
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: Any) -> int:
    """Mark every unread notification of the actor as read; returns how many."""
    count = Notification.objects.filter(recipient_id=actor.pk, in_app=True, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        audit_record(
            actor=actor,
            action="notifications.notification.read_all",
            target_type="notifications.notification",
            summary=str(count),
        )
    return count


@transaction.atomic
def preferences_save(*, actor: Any, enabled: dict[tuple[str, str], bool]) -> int:
    """Save the actor's choices, (event, channel) -> on/off; returns how many changed. Only the
    known events and channels are accepted."""
    known = {(e, c) for e in Event.values for c in Channel.values}
    unknown = set(enabled) - known
    if unknown:
        raise ValidationFailed(_("Unknown notification setting."), code=NotificationError.BAD_EVENT)
    current = {(p.event, p.channel): p for p in Preference.objects.filter(user_id=actor.pk)}
    changed: dict[str, bool] = {}
    for (event, channel), on in sorted(enabled.items()):
        row = current.get((event, channel))
        was = True if row is None else row.enabled
        if was == bool(on):
            continue
        if row is None:
            Preference.objects.create(user_id=actor.pk, event=event, channel=channel, enabled=bool(on))
        else:
            row.enabled = bool(on)
            row.save(update_fields=["enabled", "updated_at"])
        changed[f"{event}.{channel}"] = bool(on)
    if changed:
        audit_record(
            actor=actor,
            action="notifications.preference.save",
            target_type="notifications.preference",
            target_id=str(actor.pk),
            changes=changed,
        )
    return len(changed)
