"""What a feed holds: a user's own calendar (the events they are booked for, and those of the
bodies where they hold a role) or a body's, each seen with its owner's rights, from 60 days
back to a year ahead."""

from __future__ import annotations

import datetime

from django.utils import timezone

from dancu.core.access import get_access
from dancu.core.events import CalendarEvent

from .models import FeedToken
from .selectors import gather

PAST = datetime.timedelta(days=60)
AHEAD = datetime.timedelta(days=366)


def feed_events(feed: FeedToken, now: datetime.datetime | None = None) -> list[CalendarEvent]:
    now = now or timezone.now()
    owner = feed.owner
    start, end = now - PAST, now + AHEAD
    if feed.body_id is not None:
        return gather(owner, start, end, body_id=feed.body_id).events
    return own_events(owner, start, end)


def own_events(user, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEvent]:
    person_id = getattr(user, "person_id", None)
    bodies = get_access(user).body_ids
    return [
        e
        for e in gather(user, start, end).events
        if (person_id is not None and person_id in e.person_ids) or bodies & set(e.body_ids)
    ]
