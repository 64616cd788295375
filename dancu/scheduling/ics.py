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
import recurring_ical_events
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.errors import ValidationFailed
from dancu.core.events import CalendarEvent

from .errors import SchedulingError

MAX_ICS_BYTES = 5 * 1024 * 1024
MAX_ICS_EVENTS = 5000
PRODID = "-//Dan cu//Lich cong tac//VI"
# The occurrences of a repeating event imported: from two months back to the feeds' year ahead.
REPEAT_BACK = datetime.timedelta(days=60)
REPEAT_AHEAD = datetime.timedelta(days=400)


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


def parse(data: bytes, *, today: datetime.date | None = None) -> tuple[list[Parsed], list[str]]:
    """The events of an ICS file and the problems of the VEVENTs left out. A repeating event is
    one event per occurrence within [today - 60 days, today + 400 days] (UID per occurrence:
    `occurrence_uid`). A file that is not an iCalendar at all raises ValidationFailed."""
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
    components = list(calendar.walk("VEVENT"))
    repeating = {
        str(c.get("UID", "") or "").strip()
        for c in components
        if (c.get("RRULE") is not None or c.get("RDATE") is not None) and c.get("RECURRENCE-ID") is None
    } - {""}
    for component in components:
        summary = str(component.get("SUMMARY", "") or "").strip()
        uid = str(component.get("UID", "") or "").strip()
        if uid in repeating:
            continue  # expanded below, occurrence by occurrence
        if component.get("RECURRENCE-ID") is not None:
            problems.append(
                _("“%(title)s”: a changed occurrence of a repeating event that is not in the file.")
                % {"title": summary}
            )
            continue
        if not uid:
            problems.append(_("“%(title)s”: the event has no UID.") % {"title": summary})
            continue
        if uid in seen:
            problems.append(_("“%(title)s”: the UID appears twice in the file.") % {"title": summary})
            continue
        _add(found, problems, component, uid, summary)
        seen.add(uid)
    if repeating:
        _expand(found, problems, components, repeating, today or timezone.localdate())
    return found, problems


def _add(found: list[Parsed], problems: list[str], component, uid: str, summary: str) -> None:
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
        return
    if end <= start:
        problems.append(_("“%(title)s”: it ends before it starts.") % {"title": summary or uid})
        return
    if len(found) >= MAX_ICS_EVENTS:
        raise ValidationFailed(
            _("The file has more than %(n)d events.") % {"n": MAX_ICS_EVENTS},
            code=SchedulingError.BAD_ICS,
        )
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


def occurrence_uid(uid: str, recurrence_id) -> str:
    """A stable UID per occurrence: the series' UID and the occurrence's original start (its
    RECURRENCE-ID: UTC for a time, the date for an all-day event), so a moved or re-imported
    occurrence updates the same event and an EXDATE-removed one disappears."""
    if isinstance(recurrence_id, datetime.datetime):
        value = _aware(recurrence_id)[0].astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    else:
        value = recurrence_id.strftime("%Y%m%d")
    return f"{uid[:480]}/{value}"


def _expand(
    found: list[Parsed], problems: list[str], components, repeating: set[str], today: datetime.date
) -> None:
    """Repeating events (RRULE, RDATE, EXDATE, changed occurrences) as one event per occurrence
    from REPEAT_BACK before `today` to REPEAT_AHEAD after it (`recurring-ical-events`)."""
    for uid in sorted(repeating):
        series = icalendar.Calendar()
        for c in components:
            if str(c.get("UID", "") or "").strip() == uid:
                series.add_component(c)
        summary = str(next(c for c in series.walk("VEVENT")).get("SUMMARY", "") or "").strip()
        try:
            occurrences = recurring_ical_events.of(series).between(
                today - REPEAT_BACK, today + REPEAT_AHEAD
            )
        except Exception:  # a rule the library cannot read: reported, the rest imported
            problems.append(_("“%(title)s”: its repetition rule cannot be read.") % {"title": summary or uid})
            continue
        for occurrence in occurrences:
            recurrence_id = occurrence.get("RECURRENCE-ID")
            start = recurrence_id.dt if recurrence_id is not None else occurrence.decoded("DTSTART")
            title = str(occurrence.get("SUMMARY", "") or "").strip()
            _add(found, problems, occurrence, occurrence_uid(uid, start), title)


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
