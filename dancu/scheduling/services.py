"""Writes of the calendar: each checks, writes and audits in one transaction."""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.audit import audit_record, diff, model_snapshot
from dancu.core.errors import Conflict, ValidationFailed
from dancu.directory.models import Body, BodyKind, Person

from . import fetch, ics
from .errors import SchedulingError
from .models import (
    MAX_EVENT_DAYS,
    MAX_EVENT_DURATION,
    Event,
    EventKind,
    EventSource,
    FeedToken,
    Hall,
    IcsSubscription,
)
from .permissions import SchedulingPerm, can_edit_event, can_manage, require

EDITABLE = [
    "body_id",
    "kind",
    "title",
    "description",
    "start",
    "end",
    "all_day",
    "hall_id",
    "place",
    "cancelled",
]
FETCH_TIMEOUT = 15  # seconds
logger = logging.getLogger(__name__)


def _check_times(start: datetime.datetime, end: datetime.datetime) -> None:
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValidationFailed(
            _("Give the start and end with their time zone."), code=SchedulingError.BAD_TIMES
        )
    if end <= start:
        raise ValidationFailed(
            _("The event must end after it starts."), code=SchedulingError.BAD_TIMES, details={"field": "end"}
        )
    if end - start > MAX_EVENT_DURATION:
        raise ValidationFailed(
            _("An event lasts at most %(days)d days; enter a longer one as several events.")
            % {"days": MAX_EVENT_DAYS},
            code=SchedulingError.TOO_LONG,
            details={"field": "end"},
        )


def _check_parts(body: Body, hall: Hall | None, participants: list[Person]) -> None:
    if hall is not None and hall.province_id != body.province_id:
        raise ValidationFailed(
            _("The hall is in another province."),
            code=SchedulingError.WRONG_PROVINCE,
            details={"field": "hall"},
        )
    if any(p.province_id not in (None, body.province_id) for p in participants):
        raise ValidationFailed(
            _("A participant belongs to another province."),
            code=SchedulingError.WRONG_PROVINCE,
            details={"field": "participants"},
        )


@transaction.atomic
def event_create(
    *,
    actor: Any,
    body: Body,
    kind: str,
    title: str,
    start: datetime.datetime,
    end: datetime.datetime,
    all_day: bool = False,
    hall: Hall | None = None,
    place: str = "",
    participants: list[Person] | tuple[Person, ...] = (),
    description: str = "",
) -> Event:
    get_access(actor).require(SchedulingPerm.MANAGE, body.province_id)
    if kind not in EventKind.values:
        raise ValidationFailed(
            _("Unknown kind of event."), code=SchedulingError.BAD_KIND, details={"field": "kind"}
        )
    _check_times(start, end)
    people = list(participants)
    _check_parts(body, hall, people)
    event = Event.objects.create(
        province_id=body.province_id,
        body=body,
        kind=kind,
        title=title.strip(),
        description=description,
        start=start,
        end=end,
        all_day=all_day,
        hall=hall,
        place=place,
        source=EventSource.MANUAL,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    event.participants.set(people)
    audit_record(
        actor=actor,
        action="scheduling.event.create",
        target=event,
        province_code=body.province.code,
        summary=event.title,
        changes={"after": model_snapshot(event, EDITABLE), "participants": sorted(p.pk for p in people)},
    )
    notify_clashes(actor=actor, event=event, people=people)
    return event


def notify_clashes(*, actor: Any, event: Event, people: list[Person]) -> None:
    """After the save commits (no query in its transaction, nothing told of a save rolled back):
    `clashes_notify`. A failure is logged, never raised into the committed save."""

    def run() -> None:
        try:
            clashes_notify(actor=actor, event=event, people=people)
        except Exception:
            logger.exception("clash notification of event %s failed", event.pk)

    transaction.on_commit(run)


def clashes_notify(*, actor: Any, event: Event, people: list[Person]) -> int:
    """A clash created by a save (a warning, never a block): the province's calendar managers
    and the users of the people booked twice are told, in-app and by e-mail, once per set of
    clashes (the same clashes after an unrelated edit are not told again)."""
    from django.urls import reverse

    from dancu.accounts.models import User
    from dancu.notifications import services as notifications

    from . import clashes

    if event.cancelled:
        return 0
    names = {p.pk: p.full_name for p in people}
    found = clashes.check(
        actor,
        province_id=event.province_id,
        kind=event.kind,
        start=event.start,
        end=event.end,
        person_ids=tuple(names),
        hall_id=event.hall_id,
        hall_name=event.hall.name if event.hall else "",
        exclude_pk=event.pk,
        names=names,
    )
    if not found:
        return 0
    booked = {pid for c in found if c.rule == clashes.PERSON for pid in c.other.person_ids if pid in names}
    recipients = {u.pk: u for u in notifications.users_with(SchedulingPerm.MANAGE, event.province_id)}
    if booked:
        recipients.update({u.pk: u for u in User.objects.filter(is_active=True, person_id__in=sorted(booked))})
    recipients.pop(getattr(actor, "pk", None), None)
    signature = "|".join(
        sorted(f"{c.rule}:{c.other.uid}:{c.other.start.timestamp():.0f}" for c in found)
        + [f"{event.start.timestamp():.0f}-{event.end.timestamp():.0f}"]
    )
    local = timezone.localtime(event.start)
    return notifications.notify(
        event=notifications.EVENT_CLASH,
        recipients=list(recipients.values()),
        title=_("Calendar clash: %(title)s (%(when)s)") % {"title": event.title, "when": f"{local:%H:%M %d/%m/%Y}"},
        body="\n".join(dict.fromkeys(c.message for c in found)),
        url=reverse("scheduling:event_detail", args=[event.pk]),
        dedupe_key=f"scheduling.clash:{event.pk}:{hashlib.sha256(signature.encode()).hexdigest()[:32]}",
        province_id=event.province_id,
    )


@transaction.atomic
def event_update(
    *, actor: Any, event: Event, participants: list[Person] | None = None, **values: Any
) -> Event:
    """Edit an event planned in the calendar; SEQUENCE goes up so subscribed calendars update."""
    event = Event.objects.select_for_update().select_related("body__province").get(pk=event.pk)
    access = get_access(actor)
    require(can_manage(access, event))
    if event.source != EventSource.MANUAL:
        raise Conflict(
            _("An imported event is changed in its source; the next import brings the change."),
            code=SchedulingError.IMPORTED,
        )
    before = model_snapshot(event, EDITABLE)
    before_people = sorted(event.participants.values_list("pk", flat=True))
    for name, value in values.items():
        if name not in {"body", "kind", "title", "description", "start", "end", "all_day", "hall", "place"}:
            raise ValueError(f"not an editable field: {name}")
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)  # compared with the stored value (UTC)
        setattr(event, name, value)
    if event.body.province_id != event.province_id:
        raise ValidationFailed(
            _("The body is in another province."),
            code=SchedulingError.WRONG_PROVINCE,
            details={"field": "body"},
        )
    if event.kind not in EventKind.values:
        raise ValidationFailed(
            _("Unknown kind of event."), code=SchedulingError.BAD_KIND, details={"field": "kind"}
        )
    _check_times(event.start, event.end)
    people = list(participants) if participants is not None else list(event.participants.all())
    _check_parts(event.body, event.hall, people)
    after = model_snapshot(event, EDITABLE)
    after_people = sorted(p.pk for p in people)
    changes = diff(before, after)
    if after_people != before_people:
        changes["participants"] = {"before": before_people, "after": after_people}
    if not changes:
        return event
    event.sequence += 1
    event.save()
    if participants is not None:
        event.participants.set(people)
    audit_record(
        actor=actor,
        action="scheduling.event.update",
        target=event,
        province_code=event.body.province.code,
        summary=event.title,
        changes=changes,
    )
    notify_clashes(actor=actor, event=event, people=people)
    return event


@transaction.atomic
def event_cancel(*, actor: Any, event: Event, reason: str = "") -> Event:
    """Cancel: the event stays (subscribed calendars receive STATUS:CANCELLED)."""
    event = Event.objects.select_for_update().select_related("body__province").get(pk=event.pk)
    require(can_edit_event(get_access(actor), event))
    if event.cancelled:
        raise Conflict(_("The event is already cancelled."), code=SchedulingError.BAD_KIND)
    event.cancelled = True
    event.sequence += 1
    if reason:
        event.description = (
            event.description + "\n" + _("Cancelled: %(reason)s") % {"reason": reason}
        ).strip()
    event.save(update_fields=["cancelled", "sequence", "description", "updated_at"])
    audit_record(
        actor=actor,
        action="scheduling.event.cancel",
        target=event,
        province_code=event.body.province.code,
        summary=f"{event.title}: {reason}"[:500],
    )
    return event


@transaction.atomic
def event_delete(*, actor: Any, event: Event) -> None:
    """Delete (audited with its content). A subscribed calendar keeps a deleted event until its
    own clean-up: cancel an event that was already announced instead."""
    event = Event.objects.select_for_update().select_related("body__province").get(pk=event.pk)
    require(can_manage(get_access(actor), event))
    snapshot = model_snapshot(event, EDITABLE)
    people = sorted(event.participants.values_list("pk", flat=True))
    audit_record(
        actor=actor,
        action="scheduling.event.delete",
        target=event,
        province_code=event.body.province.code,
        summary=event.title,
        changes={"before": snapshot, "participants": people},
    )
    event.participants.clear()
    event.delete()


# -- Halls ------------------------------------------------------------------------------------


@transaction.atomic
def hall_create(*, actor: Any, province, name: str, address: str = "", capacity: int | None = None) -> Hall:
    get_access(actor).require(SchedulingPerm.MANAGE, province.pk)
    name = " ".join(name.split())
    if Hall.objects.filter(province=province, name__iexact=name).exists():
        raise Conflict(
            _("A hall of this name exists already."),
            code=SchedulingError.DUPLICATE_HALL,
            details={"field": "name"},
        )
    hall = Hall.objects.create(province=province, name=name, address=address, capacity=capacity)
    audit_record(
        actor=actor, action="scheduling.hall.create", target=hall, province_code=province.code, summary=name
    )
    return hall


@transaction.atomic
def hall_delete(*, actor: Any, hall: Hall) -> None:
    require(can_manage(get_access(actor), hall))
    if hall.events.exists():
        raise Conflict(
            _("Events are booked in this hall; it can be marked not in use instead."),
            code=SchedulingError.HALL_IN_USE,
        )
    audit_record(
        actor=actor,
        action="scheduling.hall.delete",
        target=hall,
        province_code=hall.province.code,
        summary=hall.name,
    )
    hall.delete()


# -- Imports ------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    cancelled: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return _(
            "%(created)d added, %(updated)d updated, %(cancelled)d cancelled, %(unchanged)d unchanged"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "cancelled": self.cancelled,
            "unchanged": self.unchanged,
        }


def imported_kind(body: Body) -> str:
    return (
        EventKind.PEOPLES_COMMITTEE_MEETING if body.kind == BodyKind.PEOPLES_COMMITTEE else EventKind.EXTERNAL
    )


def _upsert(
    body: Body,
    items: list[ics.Parsed],
    *,
    source: str,
    subscription: IcsSubscription | None,
    cancel_missing_after: datetime.datetime | None,
    actor: Any,
) -> ImportResult:
    """Create or update `body`'s events by UID; with `cancel_missing_after`, the source's
    events no longer in it (and not yet over) are cancelled."""
    result = ImportResult()
    kind = imported_kind(body)
    existing = {
        e.external_uid: e
        for e in Event.objects.select_for_update().filter(body=body, external_uid__in=[i.uid for i in items])
    }
    for item in items:
        values = {
            "title": item.title,
            "start": item.start,
            "end": item.end,
            "all_day": item.all_day,
            "place": item.place,
            "description": item.description,
            "cancelled": item.cancelled,
        }
        if item.end - item.start > MAX_EVENT_DURATION:
            result.problems.append(
                _("“%(title)s”: longer than %(days)d days, not imported.")
                % {"title": item.title, "days": MAX_EVENT_DAYS}
            )
            continue
        event = existing.get(item.uid)
        if event is None:
            if item.cancelled:
                result.unchanged += 1
                continue
            Event.objects.create(
                province_id=body.province_id,
                body=body,
                kind=kind,
                source=source,
                subscription=subscription,
                external_uid=item.uid,
                sequence=item.sequence,
                created_by=actor if getattr(actor, "pk", None) else None,
                **values,
            )
            result.created += 1
            continue
        changed = {k: v for k, v in values.items() if getattr(event, k) != v}
        if not changed:
            result.unchanged += 1
            continue
        for k, v in changed.items():
            setattr(event, k, v)
        event.sequence = max(event.sequence + 1, item.sequence)
        if subscription is not None:
            event.subscription = subscription
        event.save()
        if "cancelled" in changed and item.cancelled:
            result.cancelled += 1
        else:
            result.updated += 1
    if cancel_missing_after is not None and subscription is not None:
        gone = (
            Event.objects.select_for_update()
            .filter(subscription=subscription, cancelled=False, end__gte=cancel_missing_after)
            .exclude(external_uid__in=[i.uid for i in items])
        )
        for event in gone:
            event.cancelled = True
            event.sequence += 1
            event.save(update_fields=["cancelled", "sequence", "updated_at"])
            result.cancelled += 1
    return result


def _require_import(actor: Any, body: Body) -> None:
    get_access(actor).require(SchedulingPerm.MANAGE, body.province_id)


@transaction.atomic
def ics_import(*, actor: Any, body: Body, data: bytes, name: str = "", system: bool = False) -> ImportResult:
    """An ICS file into `body`'s events: new UIDs added, known ones updated (no duplicates),
    STATUS:CANCELLED cancels. `system`: the shell command, run by who holds the server (no
    user; audited as the system)."""
    if not system:
        _require_import(actor, body)
    items, problems = ics.parse(data)
    result = _upsert(
        body, items, source=EventSource.ICS_FILE, subscription=None, cancel_missing_after=None, actor=actor
    )
    result.problems = problems + result.problems
    audit_record(
        actor=actor,
        action="scheduling.event.import_ics",
        target=body,
        target_type="scheduling.event",
        province_code=body.province.code,
        summary=f"{name}: {result.summary()}"[:500],
    )
    return result


@transaction.atomic
def rows_import(*, actor: Any, body: Body, items: list[ics.Parsed], name: str = "") -> ImportResult:
    """Rows of the weekly Excel schedule (already checked), by their row key."""
    _require_import(actor, body)
    result = _upsert(
        body, items, source=EventSource.EXCEL, subscription=None, cancel_missing_after=None, actor=actor
    )
    audit_record(
        actor=actor,
        action="scheduling.event.import_excel",
        target=body,
        target_type="scheduling.event",
        province_code=body.province.code,
        summary=f"{name}: {result.summary()}"[:500],
    )
    return result


@transaction.atomic
def subscription_create(*, actor: Any, body: Body, name: str, url: str) -> IcsSubscription:
    _require_import(actor, body)
    _scheme, host, port, _path = fetch.check_url(url)
    fetch.resolve(host, port, must_exist=False)  # a local or private address is refused now
    sub = IcsSubscription.objects.create(
        province_id=body.province_id,
        body=body,
        name=name.strip(),
        url=url.strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action="scheduling.subscription.create",
        target=sub,
        province_code=body.province.code,
        summary=f"{sub.name}: {sub.url}",
    )
    return sub


@transaction.atomic
def subscription_delete(*, actor: Any, subscription: IcsSubscription) -> None:
    require(can_manage(get_access(actor), subscription))
    audit_record(
        actor=actor,
        action="scheduling.subscription.delete",
        target=subscription,
        province_code=subscription.body.province.code,
        summary=subscription.name,
    )
    subscription.delete()  # its events stay, no longer linked (SET_NULL)


def fetch_url(url: str) -> bytes:
    """GET an ICS address safely (`fetch`: http/https, no credentials, no local or private
    address unless allowed, redirects checked, 15 s in all, at most 5 MB)."""
    return fetch.fetch(url, timeout=FETCH_TIMEOUT)


def subscription_fetch(*, actor: Any, subscription: IcsSubscription) -> ImportResult | None:
    """Fetch one subscription now (the beat task, or a button): the events are updated in one
    transaction; a failure is recorded on the subscription (shown on its page), nothing else
    changes. Returns None on failure."""
    if actor is not None:
        require(can_manage(get_access(actor), subscription))
    now = timezone.now()
    try:
        data = fetch_url(subscription.url)
        with transaction.atomic():
            items, problems = ics.parse(data)
            sub = (
                IcsSubscription.objects.select_for_update()
                .select_related("body__province")
                .get(pk=subscription.pk)
            )
            result = _upsert(
                sub.body,
                items,
                source=EventSource.ICS_URL,
                subscription=sub,
                cancel_missing_after=now,
                actor=actor,
            )
            result.problems = problems + result.problems
            sub.last_fetched_at = sub.last_ok_at = now
            sub.last_error = ""
            sub.last_summary = result.summary()[:300]
            sub.save(update_fields=["last_fetched_at", "last_ok_at", "last_error", "last_summary"])
            audit_record(
                actor=actor,
                action="scheduling.subscription.fetch",
                target=sub,
                province_code=sub.body.province.code,
                summary=sub.last_summary,
            )
        return result
    except ValidationFailed as exc:
        with transaction.atomic():
            IcsSubscription.objects.filter(pk=subscription.pk).update(
                last_fetched_at=now, last_error=exc.message[:500]
            )
            audit_record(
                actor=actor,
                action="scheduling.subscription.fetch_failed",
                target=subscription,
                province_code=subscription.body.province.code,
                summary=exc.message[:500],
            )
        return None


# -- Feeds --------------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def feed_create(*, actor: Any, body: Body | None = None, label: str = "") -> tuple[FeedToken, str]:
    """A new secret feed address: the user's own calendar (body None), or a body's (the Office).
    Returns the token in clear, once; only its hash is stored."""
    access = get_access(actor)
    if body is not None:
        access.require(SchedulingPerm.MANAGE, body.province_id)
        province_id = body.province_id
    else:
        provinces = access.province_ids(SchedulingPerm.VIEW)
        if provinces == []:
            require(False)
        province_id = provinces[0] if provinces else _any_province_of(actor)
    token = secrets.token_urlsafe(32)
    feed = FeedToken.objects.create(
        province_id=province_id,
        owner=actor,
        body=body,
        label=label.strip()[:200],
        token_hash=token_hash(token),
    )
    audit_record(
        actor=actor,
        action="scheduling.feed.create",
        target=feed,
        province_code=body.province.code if body else "",
        summary=str(body or actor),
    )
    return feed, token


def _any_province_of(actor: Any) -> int:
    from dancu.directory.models import AdministrativeUnit

    unit = AdministrativeUnit.objects.filter(level="province", valid_to__isnull=True).order_by("pk").first()
    if unit is None:
        require(False)
    return unit.pk  # type: ignore[union-attr]


@transaction.atomic
def feed_revoke(*, actor: Any, feed: FeedToken) -> FeedToken:
    feed = FeedToken.objects.select_for_update().get(pk=feed.pk)
    access = get_access(actor)
    allowed = (
        feed.owner_id == actor.pk
        if feed.body_id is None
        else access.has(SchedulingPerm.MANAGE, feed.province_id)
    )
    require(allowed)
    if feed.revoked_at is not None:
        return feed
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    audit_record(actor=actor, action="scheduling.feed.revoke", target=feed, summary=feed.label)
    return feed


def feed_by_token(token: str) -> FeedToken | None:
    """The live feed of a token (None: unknown or revoked, the view answers 404)."""
    if not token or len(token) > 100:
        return None
    return (
        FeedToken.objects.select_related("owner", "body")
        .filter(token_hash=token_hash(token), revoked_at__isnull=True, owner__is_active=True)
        .first()
    )


def feed_touch(feed: FeedToken) -> None:
    """When a feed was last read (not audited: a read, at every poll of the client)."""
    FeedToken.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
