"""Reads of the calendar, every one scoped: the events of every module for a period (through
the `calendar_events` hooks), and the calendar's own records."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.errors import NotFound
from dancu.core.events import CalendarEvent
from dancu.core.modules import hooks

from .calendar import events as own_events
from .errors import SchedulingError
from .models import Event, FeedToken, Hall, IcsSubscription, MilestoneRule
from .permissions import SchedulingPerm

logger = logging.getLogger(__name__)
# A period asked of the hooks is at most this long (a year and a bit: the agenda, the feeds).
MAX_RANGE = datetime.timedelta(days=400)


@dataclass
class Gathered:
    events: list[CalendarEvent]
    # Modules whose hook failed: the page says their events are missing, the rest is shown.
    failed: list[str] = field(default_factory=list)


def gather(
    user,
    start: datetime.datetime,
    end: datetime.datetime,
    *,
    body_id: int | None = None,
    person_id: int | None = None,
    kinds: set[str] | None = None,
    modules: set[str] | None = None,
    brief: bool = False,
) -> Gathered:
    """Every module's events in [start, end) that `user` may see, filtered, by start. `brief`
    (a month or week grid): the calendar's own events without description and participants."""
    found: list[CalendarEvent] = []
    failed: list[str] = []
    for manifest, hook in hooks("calendar_events"):
        if modules is not None and manifest.name not in modules:
            continue
        try:
            if manifest.name == "scheduling":  # its own rows: filtered in SQL (see calendar.events)
                answer = own_events(
                    user, start, end, brief=brief, body_id=body_id, person_id=person_id, kinds=kinds
                )
            else:
                answer = hook(user, start, end)
        except Exception:  # one module's failure must not take the whole calendar down
            logger.exception("calendar_events hook of %s failed", manifest.name)
            failed.append(manifest.name)
            continue
        for event in answer:
            if event.end <= start or event.start >= end:
                continue
            if body_id is not None and body_id not in event.body_ids:
                continue
            if person_id is not None and person_id not in event.person_ids:
                continue
            if kinds and event.kind not in kinds:
                continue
            found.append(event)
    found.sort(key=lambda e: (e.start, e.end, e.uid))
    return Gathered(found, failed)


def events_visible(user) -> QuerySet[Event]:
    return get_access(user).scope(Event.objects.all(), SchedulingPerm.VIEW)


def event_get(user, event_id: int) -> Event:
    event = (
        events_visible(user)
        .select_related("body", "hall", "province", "subscription")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        raise NotFound(
            _("This event does not exist or you may not see it."), code=SchedulingError.EVENT_NOT_FOUND
        )
    return event


def halls_visible(user, perm: str = SchedulingPerm.VIEW) -> QuerySet[Hall]:
    return get_access(user).scope(Hall.objects.all(), perm)


def hall_get(user, hall_id: int) -> Hall:
    hall = halls_visible(user, SchedulingPerm.MANAGE).filter(pk=hall_id).first()
    if hall is None:
        raise NotFound(
            _("This hall does not exist or you may not see it."), code=SchedulingError.HALL_NOT_FOUND
        )
    return hall


def subscriptions_visible(user) -> QuerySet[IcsSubscription]:
    return get_access(user).scope(IcsSubscription.objects.select_related("body"), SchedulingPerm.MANAGE)


def subscription_get(user, subscription_id: int) -> IcsSubscription:
    sub = subscriptions_visible(user).filter(pk=subscription_id).first()
    if sub is None:
        raise NotFound(
            _("This subscription does not exist or you may not see it."),
            code=SchedulingError.SUBSCRIPTION_NOT_FOUND,
        )
    return sub


def feeds_of(user) -> QuerySet[FeedToken]:
    """The user's own feeds, and the body feeds of the provinces they manage."""
    access = get_access(user)
    own = FeedToken.objects.filter(owner=user, body__isnull=True)
    bodies = access.scope(FeedToken.objects.filter(body__isnull=False), SchedulingPerm.MANAGE)
    return (own | bodies).select_related("body", "owner").order_by("-created_at")


def feed_get(user, feed_id: int) -> FeedToken:
    feed = feeds_of(user).filter(pk=feed_id).first()
    if feed is None:
        raise NotFound(
            _("This feed does not exist or you may not see it."), code=SchedulingError.FEED_NOT_FOUND
        )
    return feed


def milestone_rules(on: datetime.date) -> list[MilestoneRule]:
    """The milestone rows in force on `on` (one version per key)."""
    rows = (
        MilestoneRule.objects.filter(valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("key", "-valid_from")
    )
    latest: dict[str, MilestoneRule] = {}
    for row in rows:
        latest.setdefault(row.key, row)
    return sorted(latest.values(), key=lambda r: (r.offset_days, r.order))
