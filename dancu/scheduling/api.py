"""JSON API of the calendar: every module's events of a period, and the clashes among them,
scoped like the pages (`GET /api/v1/calendar/events?start=&end=`, `.../clashes?start=&end=`)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from dancu.core.api_base import ErrorOut, require
from dancu.core.errors import ValidationFailed
from dancu.directory.models import Person

from . import clashes as clash_rules
from .errors import SchedulingError
from .permissions import SchedulingPerm
from .selectors import MAX_RANGE, gather

router = Router(tags=["calendar"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
MAX_ID = 10**18 - 1


class EventOut(Schema):
    uid: str
    module: str
    kind: str
    title: str
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    cancelled: bool
    url: str
    province_id: int | None
    body_ids: list[int]
    person_ids: list[int]
    place: str
    hall: str
    sequence: int


class EventsOut(Schema):
    count: int
    events: list[EventOut]
    failed_modules: list[str]


class ClashEventOut(Schema):
    uid: str
    title: str
    url: str
    kind: str
    start: datetime.datetime
    end: datetime.datetime


class ClashOut(Schema):
    rule: str
    message: str
    event: ClashEventOut
    other: ClashEventOut


class ClashesOut(Schema):
    count: int
    clashes: list[ClashOut]


class Period(Schema):
    start: datetime.date
    end: datetime.date
    body: int | None = Field(None, ge=1, le=MAX_ID)
    person: int | None = Field(None, ge=1, le=MAX_ID)
    kind: str = Field("", max_length=40)


def _range(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    """[start 00:00, end 24:00) local time; at most MAX_RANGE long."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(period.start, datetime.time(0, 0), tzinfo=tz)
    end = datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=tz)
    if end <= start or end - start > MAX_RANGE:
        raise ValidationFailed(
            _("Give a period from start to end of at most %(days)d days.") % {"days": MAX_RANGE.days},
            code=SchedulingError.BAD_RANGE,
        )
    return start, end


def _user(request: HttpRequest):
    return getattr(request, "auth", None) or request.user


def _gather(request: HttpRequest, period: Period):
    start, end = _range(period)
    return gather(
        _user(request),
        start,
        end,
        body_id=period.body,
        person_id=period.person,
        kinds={period.kind} if period.kind else None,
    )


@router.get("/events", response={200: EventsOut, **ERRORS}, summary="Events of every module in a period")
def list_calendar_events(request: HttpRequest, period: Query[Period]):
    require(request, SchedulingPerm.VIEW)
    found = _gather(request, period)
    return {
        "count": len(found.events),
        "events": [
            {**e.__dict__, "body_ids": list(e.body_ids), "person_ids": list(e.person_ids)}
            for e in found.events
        ],
        "failed_modules": found.failed,
    }


def _brief(event) -> dict:
    return {
        "uid": event.uid,
        "title": event.title,
        "url": event.url,
        "kind": event.kind,
        "start": event.start,
        "end": event.end,
    }


@router.get("/clashes", response={200: ClashesOut, **ERRORS}, summary="Clashes among the events of a period")
def list_calendar_clashes(request: HttpRequest, period: Query[Period]):
    require(request, SchedulingPerm.VIEW)
    events = _gather(request, period).events
    person_ids = {p for e in events for p in e.person_ids}
    names = dict(Person.objects.filter(pk__in=person_ids).values_list("pk", "full_name"))
    found = clash_rules.clashes_among(events, names)
    return {
        "count": len(found),
        "clashes": [
            {"rule": c.rule, "message": c.message, "event": _brief(c.first), "other": _brief(c.other)}
            for c in found
        ],
    }
