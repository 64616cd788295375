"""The calendar's own `calendar_events` hook: the events this module owns (meetings planned in
the calendar, external and imported events), scoped to the province the user may see."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Q
from django.urls import reverse

from dancu.core.access import get_access
from dancu.core.events import CalendarEvent

from .models import MAX_EVENT_DURATION, SHORT_EVENT, Event
from .permissions import SchedulingPerm


def overlapping(queryset, start: datetime.datetime, end: datetime.datetime):
    """Events of `queryset` that overlap [start, end). The start is bounded on both sides: a
    short event started at most a day before `start` (the (province, start, end) index), a long
    one at most MAX_EVENT_DURATION before (the partial index of long events)."""
    return queryset.filter(
        Q(start__gte=start - SHORT_EVENT) | Q(long=True, start__gte=start - MAX_EVENT_DURATION),
        start__lt=end,
        end__gt=start,
    )


def participants_of(event_ids: list[int]) -> dict[int, tuple[int, ...]]:
    """Person ids per event, in one query."""
    people: dict[int, list[int]] = defaultdict(list)
    through = Event.participants.through
    for event_id, person_id in through.objects.filter(event_id__in=event_ids).values_list(
        "event_id", "person_id"
    ):
        people[event_id].append(person_id)
    return {k: tuple(sorted(v)) for k, v in people.items()}


def to_calendar_event(event: Event, person_ids: tuple[int, ...]) -> CalendarEvent:
    return CalendarEvent(
        uid=event.uid,
        module="scheduling",
        kind=event.kind,
        title=event.title,
        start=event.start,
        end=event.end,
        url=reverse("scheduling:event_detail", args=[event.pk]),
        province_id=event.province_id,
        body_ids=(event.body_id,),
        person_ids=person_ids,
        place=event.place or (event.hall.name if event.hall else ""),
        hall=event.hall.name if event.hall else "",
        all_day=event.all_day,
        cancelled=event.cancelled,
        sequence=event.sequence,
        description=event.description,
    )


def build(events: list[Event]) -> list[CalendarEvent]:
    people = participants_of([e.pk for e in events])
    return [to_calendar_event(e, people.get(e.pk, ())) for e in events]


def events(
    user,
    start: datetime.datetime,
    end: datetime.datetime,
    *,
    brief: bool = False,
    body_id: int | None = None,
    person_id: int | None = None,
    kinds: set[str] | None = None,
) -> list[CalendarEvent]:
    """Rows, not model instances (a month of a busy province is thousands of events).

    The calendar's own rows are the only ones that run into thousands, so the grid asks them a
    narrower question: the filters go into the SQL, and `brief` leaves out what a month or week
    cell never shows (the description, and every participant: with a person filter the event
    carries just that person, enough for `gather` to keep it)."""
    visible = get_access(user).scope(Event.objects.all(), SchedulingPerm.VIEW)
    window = overlapping(visible, start, end)
    if body_id is not None:
        window = window.filter(body_id=body_id)
    if kinds:
        window = window.filter(kind__in=kinds)
    if person_id is not None:
        window = window.filter(pk__in=Event.participants.through.objects.filter(person_id=person_id).values("event_id"))
    columns = ["pk", "kind", "title", "start", "end", "province_id", "body_id", "place", "hall__name"]
    columns += ["all_day", "cancelled", "sequence"]
    rows = list(window.order_by("start", "pk").values_list(*columns, *([] if brief else ["description"])))
    if brief:
        people = {}
        only = (person_id,) if person_id is not None else ()
    else:
        people = participants_of(window.values("pk")) if rows else {}
        only = ()
    prefix = reverse("scheduling:event_detail", args=[1]).rsplit("1/", 1)[0]
    return [
        CalendarEvent(
            uid=f"scheduling.{kind}.{pk}",
            module="scheduling",
            kind=kind,
            title=title,
            start=s,
            end=e,
            url=f"{prefix}{pk}/",
            province_id=province_id,
            body_ids=(body_id,),
            person_ids=people.get(pk, only),
            place=place or hall or "",
            hall=hall or "",
            all_day=all_day,
            cancelled=cancelled,
            sequence=sequence,
            description=description[0] if description else "",  # not read when brief
        )
        for pk, kind, title, s, e, province_id, body_id, place, hall, all_day, cancelled, sequence, *description in rows
    ]
