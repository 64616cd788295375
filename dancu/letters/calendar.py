"""Citizen reception days on the shared calendar (manifest `calendar_events`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.events import CalendarEvent

from .selectors import reception_days_visible

# A reception day is a working day at the reception office: 07:30-11:30 and 13:30-17:00.
DAY_START, DAY_END = datetime.time(7, 30), datetime.time(17, 0)


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def events(user: Any, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEvent]:
    days = (
        reception_days_visible(user)
        .filter(date__gte=start.date(), date__lte=end.date())
        .order_by("date", "id")
    )
    return [
        CalendarEvent(
            uid=f"letters.reception_day.{day.pk}",
            module="letters",
            kind="reception_day",
            title=_("Citizen reception: %(body)s") % {"body": day.body.short_name or day.body.name},
            start=_at(day.date, DAY_START),
            end=_at(day.date, DAY_END),
            url=reverse("letters:reception_day_detail", args=[day.pk]),
            province_id=day.province_id,
            body_ids=(day.body_id,),
            place=day.place,
            description=day.receiving_delegates,
        )
        for day in days[:2000]
    ]


def busy(user, query) -> list[CalendarEvent]:
    """The clash check's question (core.events.BusyQuery): a reception day has no people nor hall booked and no kind a clash rule compares, so
    nothing of this module can clash; answered without a query."""
    return []
