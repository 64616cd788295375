"""Giao ban meetings on the shared calendar (manifest `calendar_events`): one event per meeting,
scoped like the meeting pages; the calendar stores none of them."""

from __future__ import annotations

import datetime

from django.urls import reverse

from dancu.core.events import CalendarEvent

from . import selectors
from .models import MeetingStatus


def events(user, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEvent]:
    meetings = (
        selectors.meetings_visible(user)
        .filter(starts_at__lt=end, ends_at__gt=start)
        .prefetch_related("participants")
        .order_by("starts_at", "pk")
    )
    result = []
    for m in meetings:
        result.append(
            CalendarEvent(
                uid=f"coordination.meeting.{m.pk}",
                module="coordination",
                kind="giao_ban",
                title=m.title,
                start=m.starts_at,
                end=m.ends_at,
                url=reverse("coordination:meeting_detail", args=[m.pk]),
                province_id=m.province_id,
                body_ids=(m.host_id, *sorted(b.pk for b in m.participants.all())),
                place=m.place,
                cancelled=m.status == MeetingStatus.CANCELLED,
                sequence=int(m.updated_at.timestamp()) if m.updated_at else 0,
                description=m.period,
            )
        )
    return result


def busy(user, query) -> list[CalendarEvent]:
    """The clash check's question (core.events.BusyQuery): a giao ban meeting lists bodies, not people nor a hall, and no clash rule compares its kind, so
    nothing of this module can clash; answered without a query."""
    return []
