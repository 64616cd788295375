"""ICS in and out (RFC 5545, the `icalendar` library).

In: the People's Committee's calendar as a file or a subscribed URL; each VEVENT becomes a
`Parsed` (times made aware: a floating time is local, an all-day date is local midnight).
Out: feeds of CalendarEvents in UTC (Thunderbird, Outlook, Google Calendar and phones read UTC
without a VTIMEZONE), stable UIDs `<module>.<kind>.<pk>@<host>`, SEQUENCE, STATUS:CANCELLED.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import UTC

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.errors import ValidationFailed
from dancu.core.events import CalendarEvent

from .errors import SchedulingError

MAX_ICS_BYTES = 5 * 1024 * 1024
MAX_ICS_EVENTS = 5000
PRODID = "-//Dan cu//Lich cong tac//VI"


@dataclass(frozen=True)
class Parsed:
    uid: str
    title: str
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    place: str
    description: str
    sequence: int
    cancelled: bool


def _aware(value) -> tuple[datetime.datetime, bool]:
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            return timezone.make_aware(value), False
        return value, False
    if isinstance(value, datetime.date):
        midnight = datetime.datetime.combine(value, datetime.time(0, 0))
        return timezone.make_aware(midnight), True
    raise ValueError("not a date")


def parse(data: bytes) -> tuple[list[Parsed], list[str]]:
    """The events of an ICS file and the problems of the VEVENTs left out. A file that is not
    an iCalendar at all raises ValidationFailed."""
    if len(data) > MAX_ICS_BYTES:
        raise ValidationFailed(_("The ICS file is larger than 5 MB."), code=SchedulingError.BAD_ICS)
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # the parser raises ValueError, KeyError, ... on garbage
        raise ValidationFailed(
            _("This is not an iCalendar (.ics) file."), code=SchedulingError.BAD_ICS
        ) from exc
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise ValidationFailed(_("This is not an iCalendar (.ics) file."), code=SchedulingError.BAD_ICS)
    found: list[Parsed] = []
    problems: list[str] = []
    seen: set[str] = set()
    for component in calendar.walk("VEVENT"):
        summary = str(component.get("SUMMARY", "") or "").strip()
        uid = str(component.get("UID", "") or "").strip()
        if component.get("RECURRENCE-ID") is not None:
            problems.append(
                _("“%(title)s”: a changed occurrence of a repeating event is not imported.")
                % {"title": summary}
            )
            continue
        if not uid:
            problems.append(_("“%(title)s”: the event has no UID.") % {"title": summary})
            continue
        if uid in seen:
            problems.append(_("“%(title)s”: the UID appears twice in the file.") % {"title": summary})
            continue
        try:
            start, all_day = _aware(component.decoded("DTSTART"))
            if component.get("DTEND") is not None:
                end, _ignored = _aware(component.decoded("DTEND"))
            elif component.get("DURATION") is not None:
                end = start + component.decoded("DURATION")
            else:
                end = start + (datetime.timedelta(days=1) if all_day else datetime.timedelta(hours=1))
        except Exception:
            problems.append(_("“%(title)s”: its start or end cannot be read.") % {"title": summary or uid})
            continue
        if end <= start:
            problems.append(_("“%(title)s”: it ends before it starts.") % {"title": summary or uid})
            continue
        if len(found) >= MAX_ICS_EVENTS:
            raise ValidationFailed(
                _("The file has more than %(n)d events.") % {"n": MAX_ICS_EVENTS},
                code=SchedulingError.BAD_ICS,
            )
        seen.add(uid)
        try:
            sequence = int(component.get("SEQUENCE", 0) or 0)
        except (TypeError, ValueError):
            sequence = 0
        found.append(
            Parsed(
                uid=uid[:500],
                title=(summary or _("(untitled)"))[:300],
                start=start,
                end=end,
                all_day=all_day,
                place=str(component.get("LOCATION", "") or "").strip()[:300],
                description=str(component.get("DESCRIPTION", "") or "").strip()[:5000],
                sequence=max(0, sequence),
                cancelled=str(component.get("STATUS", "") or "").upper() == "CANCELLED",
            )
        )
    return found, problems


def _when(value: datetime.datetime, all_day: bool):
    if all_day:
        return timezone.localtime(value).date()
    return value.astimezone(UTC)


def vevent(event: CalendarEvent, *, host: str, base_url: str, stamp: datetime.datetime) -> icalendar.Event:
    item = icalendar.Event()
    item.add("UID", f"{event.uid}@{host}")
    item.add("DTSTAMP", stamp)
    item.add("DTSTART", _when(event.start, event.all_day))
    end = event.end
    if event.all_day:
        # DTEND of a date is exclusive: the day after the last local day.
        last = timezone.localtime(end - datetime.timedelta(microseconds=1)).date()
        item.add("DTEND", last + datetime.timedelta(days=1))
    else:
        item.add("DTEND", _when(end, False))
    item.add("SUMMARY", event.title)
    if event.place or event.hall:
        item.add("LOCATION", event.place or event.hall)
    if event.description:
        item.add("DESCRIPTION", event.description)
    if event.url:
        item.add("URL", base_url.rstrip("/") + event.url)
    item.add("SEQUENCE", event.sequence)
    item.add("STATUS", "CANCELLED" if event.cancelled else "CONFIRMED")
    item.add("CATEGORIES", [event.kind])
    item.add("TRANSP", "OPAQUE")
    return item


def build(events: list[CalendarEvent], *, name: str, host: str, base_url: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", name)
    calendar.add("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh")
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(vevent(event, host=host, base_url=base_url, stamp=stamp))
    return calendar.to_ical()
