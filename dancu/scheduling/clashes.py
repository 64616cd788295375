"""Clashes, shown while planning (a warning, never a block), and the next free slots.

Four rules (issue 14, RULES-NEXT C): a person booked twice; a hall booked twice; a Standing
Committee or committee meeting overlapping a People's Committee meeting (seed 003: "bảo đảm
không trùng chéo với lịch họp của UBND tỉnh", a practice, not a law); a voter meeting on a day
of a council session. The calendar's own events are read on the (province, start, end) index in
a bounded window; other modules' events come from their hooks for the same window only.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.calendar import current_calendar
from dancu.core.events import BusyQuery, CalendarEvent
from dancu.core.modules import hooks, resolve
from dancu.directory.models import BodyKind

from .calendar import build, overlapping
from .models import MAX_EVENT_DURATION, Event, EventKind
from .selectors import gather

PERSON, HALL, PEOPLES_COMMITTEE, SESSION_DAY = "person", "hall", "peoples_committee", "session_day"
# Kinds, of any module, that are a People's Committee meeting, a council-side meeting the rule
# of seed 003 protects, a day of a council session, a delegate's voter meeting.
PC_KINDS = {EventKind.PEOPLES_COMMITTEE_MEETING.value}
COUNCIL_SIDE = {
    EventKind.STANDING_MEETING.value,
    EventKind.COMMITTEE_MEETING.value,
    "standing_committee_meeting",
    "committee_review",
}
SESSION_KINDS = {"session_day", "session_opening", "session"}
VOTER_KINDS = {EventKind.VOTER_MEETING.value, "voter_meeting"}
# Working hours of a meeting slot (local time): morning and afternoon.
SLOTS = ((datetime.time(7, 30), datetime.time(11, 30)), (datetime.time(13, 30), datetime.time(17, 0)))
STEP = datetime.timedelta(minutes=30)
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Clash:
    rule: str  # PERSON | HALL | PEOPLES_COMMITTEE | SESSION_DAY
    message: str
    other: CalendarEvent
    first: CalendarEvent | None = None  # in a list of clashes of a period: the other one

    def as_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "message": self.message,
            "other": {
                "uid": self.other.uid,
                "title": self.other.title,
                "url": self.other.url,
                "start": self.other.start,
                "end": self.other.end,
                "kind": self.other.kind,
            },
        }
        if self.first is not None:
            data["event"] = {
                "uid": self.first.uid,
                "title": self.first.title,
                "url": self.first.url,
                "start": self.first.start,
                "end": self.first.end,
                "kind": self.first.kind,
            }
        return data


def _local_days(event: CalendarEvent) -> set[datetime.date]:
    start = timezone.localtime(event.start).date()
    last = timezone.localtime(event.end - datetime.timedelta(microseconds=1)).date()
    return {start + datetime.timedelta(days=i) for i in range((last - start).days + 1)}


def _overlap(a: CalendarEvent, b: CalendarEvent) -> bool:
    return a.start < b.end and b.start < a.end


def reasons(a: CalendarEvent, b: CalendarEvent, names: dict[int, str] | None = None) -> list[tuple[str, str]]:
    """Why `a` and `b` clash, as (rule, message); empty when they do not."""
    if a.uid == b.uid or a.cancelled or b.cancelled:
        return []
    if a.province_id is not None and b.province_id is not None and a.province_id != b.province_id:
        return []
    found: list[tuple[str, str]] = []
    if _overlap(a, b):
        for person_id in sorted(set(a.person_ids) & set(b.person_ids)):
            who = (names or {}).get(person_id, f"#{person_id}")
            found.append(
                (PERSON, _("%(who)s is also booked for “%(other)s”.") % {"who": who, "other": b.title})
            )
        if a.hall and b.hall and a.hall.casefold() == b.hall.casefold():
            found.append(
                (
                    HALL,
                    _("The hall %(hall)s is also booked for “%(other)s”.")
                    % {"hall": a.hall, "other": b.title},
                )
            )
        if (a.kind in COUNCIL_SIDE and b.kind in PC_KINDS) or (a.kind in PC_KINDS and b.kind in COUNCIL_SIDE):
            found.append(
                (
                    PEOPLES_COMMITTEE,
                    _(
                        "It overlaps the People's Committee's meeting “%(other)s”: the schedule of the Standing "
                        "Committee and the committees should not overlap the People's Committee's."
                    )
                    % {"other": b.title},
                )
            )
    voter, session = (a, b) if a.kind in VOTER_KINDS else (b, a)
    if (
        voter.kind in VOTER_KINDS
        and session.kind in SESSION_KINDS
        and _local_days(voter) & _local_days(session)
    ):
        found.append(
            (
                SESSION_DAY,
                _("A voter meeting on a day of the council's session “%(session)s”.")
                % {"session": session.title},
            )
        )
    return found


def clashes_of(
    candidate: CalendarEvent, others: list[CalendarEvent], names: dict[int, str] | None = None
) -> list[Clash]:
    return [
        Clash(rule, message, other) for other in others for rule, message in reasons(candidate, other, names)
    ]


def clashes_among(events: list[CalendarEvent], names: dict[int, str] | None = None) -> list[Clash]:
    """Every clashing pair of a period (sweep over the events by start; a session day and a voter
    meeting are compared by local day, so the window reaches a day)."""
    ordered = sorted(events, key=lambda e: e.start)
    found: list[Clash] = []
    active: list[CalendarEvent] = []
    day = datetime.timedelta(days=1)
    for event in ordered:
        active = [a for a in active if a.end + day > event.start]
        for other in active:
            for rule, message in reasons(event, other, names):
                found.append(Clash(rule, message, other, first=event))
        active.append(event)
    return found


def _own_candidates(province_id: int, start, end, *, person_ids, hall_id, kind, exclude_pk):
    """The calendar's own events that may clash with the planned one, in one indexed query."""
    condition = Q()
    if person_ids:
        condition |= Q(
            pk__in=Event.participants.through.objects.filter(person_id__in=person_ids).values("event_id")
        )
    if hall_id:
        condition |= Q(hall_id=hall_id)
    if kind in COUNCIL_SIDE:
        condition |= Q(kind__in=PC_KINDS) | Q(body__kind=BodyKind.PEOPLES_COMMITTEE)
    if kind in PC_KINDS:
        condition |= Q(kind__in=COUNCIL_SIDE)
    if kind in VOTER_KINDS:
        condition |= Q(kind__in=SESSION_KINDS)
    if not condition:
        return []
    rows = overlapping(Event.objects.filter(province_id=province_id, cancelled=False), start, end).filter(
        condition
    )
    if exclude_pk:
        rows = rows.exclude(pk=exclude_pk)
    return build(list(rows.select_related("hall")))


def _window(kind: str, start, end):
    """The period to compare: a voter meeting is compared with the whole local days it spans."""
    if kind not in VOTER_KINDS:
        return start, end
    first = timezone.localtime(start).replace(hour=0, minute=0, second=0, microsecond=0)
    last = timezone.localtime(end).replace(hour=0, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=1
    )
    return first, last


def _hook_events(user, start, end) -> list[CalendarEvent]:
    """Other modules' events of the window (the calendar's own are read by `_own_candidates`):
    the naive way, every hook for the whole window (kept for the benchmark's comparison)."""
    return [e for e in gather(user, start, end).events if e.module != "scheduling"]


def wanted_kinds(kind: str) -> frozenset[str]:
    """The kinds of other events a clash rule compares an event of `kind` with."""
    wanted: set[str] = set()
    if kind in COUNCIL_SIDE:
        wanted |= PC_KINDS
    if kind in PC_KINDS:
        wanted |= COUNCIL_SIDE
    if kind in VOTER_KINDS:
        wanted |= SESSION_KINDS
    if kind in SESSION_KINDS:
        wanted |= VOTER_KINDS
    return frozenset(wanted)


def _busy_hooks() -> list[tuple[str, Any, Any]]:
    """(module name, its `busy` function or None, its `calendar_events` hook), the calendar's
    own module left out (read by `_own_candidates`)."""
    found = []
    for manifest, hook in hooks("calendar_events"):
        if manifest.name == "scheduling":
            continue
        module = resolve(manifest.calendar_events.partition(":")[0])
        found.append((manifest.name, getattr(module, "busy", None), hook))
    return found


def busy_events(
    user, *, province_id: int, kind: str, start, end, person_ids=(), hall_name: str = ""
) -> list[CalendarEvent]:
    """What other modules have in [start, end) that can clash with an event of `kind` for these
    people and hall: each module's `busy` hook (core.events.BusyQuery), one indexed query each,
    none at all when there is nothing to ask. A hook that fails is logged and skipped."""
    query = BusyQuery(
        province_id=province_id,
        start=start,
        end=end,
        person_ids=frozenset(person_ids),
        hall=hall_name,
        kinds=wanted_kinds(kind),
    )
    if not (query.person_ids or query.hall or query.kinds):
        return []
    out: list[CalendarEvent] = []
    for name, busy, hook in _busy_hooks():
        try:
            answer = busy(user, query) if busy else hook(user, start, end)
        except Exception:  # one module's failure must not stop the check of the others
            logger.exception("busy hook of %s failed", name)
            continue
        out.extend(e for e in answer if query.matches(e))
    return out


def check(
    user,
    *,
    province_id: int,
    kind: str,
    start: datetime.datetime,
    end: datetime.datetime,
    person_ids: tuple[int, ...] = (),
    hall_id: int | None = None,
    hall_name: str = "",
    exclude_pk: int | None = None,
    names: dict[int, str] | None = None,
    include_hooks: bool = True,
) -> list[Clash]:
    """Clashes of an event being planned (not yet saved, or saved as `exclude_pk`)."""
    candidate = CalendarEvent(
        uid=f"scheduling.{kind}.{exclude_pk or 'new'}",
        module="scheduling",
        kind=kind,
        title="",
        start=start,
        end=end,
        province_id=province_id,
        person_ids=tuple(person_ids),
        hall=hall_name,
    )
    w_start, w_end = _window(kind, start, end)
    others = _own_candidates(
        province_id, w_start, w_end, person_ids=person_ids, hall_id=hall_id, kind=kind, exclude_pk=exclude_pk
    )
    if include_hooks:
        others += busy_events(
            user,
            province_id=province_id,
            kind=kind,
            start=w_start,
            end=w_end,
            person_ids=person_ids,
            hall_name=hall_name,
        )
    return clashes_of(candidate, others, names)


def naive_check(*, province_id: int, start, end, person_ids=(), hall_id=None) -> int:
    """The baseline of the benchmark: every event of the province read and compared in Python."""
    wanted = set(person_ids)
    people: dict[int, set[int]] = {}
    for event_id, person_id in Event.participants.through.objects.values_list("event_id", "person_id"):
        people.setdefault(event_id, set()).add(person_id)
    count = 0
    for pk, s, e, h in Event.objects.filter(province_id=province_id).values_list(
        "pk", "start", "end", "hall_id"
    ):
        if s < end and start < e and ((hall_id and h == hall_id) or wanted & people.get(pk, set())):
            count += 1
    return count


def free_slots(
    user,
    *,
    province_id: int,
    kind: str,
    start: datetime.datetime,
    end: datetime.datetime,
    person_ids: tuple[int, ...] = (),
    hall_id: int | None = None,
    hall_name: str = "",
    exclude_pk: int | None = None,
    count: int = 3,
    horizon_days: int = 14,
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The next `count` slots of the same length, on working days in working hours, from the
    planned start on, where none of the people nor the hall is booked (and, for a Standing
    Committee or committee meeting, no People's Committee meeting runs)."""
    duration = end - start
    if duration <= datetime.timedelta(0) or duration > MAX_EVENT_DURATION:
        return []
    horizon_end = start + datetime.timedelta(days=horizon_days)
    busy = _own_candidates(
        province_id,
        start,
        horizon_end,
        person_ids=person_ids,
        hall_id=hall_id,
        kind=kind,
        exclude_pk=exclude_pk,
    )
    busy += busy_events(
        user,
        province_id=province_id,
        kind=kind,
        start=start,
        end=horizon_end,
        person_ids=person_ids,
        hall_name=hall_name,
    )
    probe_people = tuple(person_ids)
    blocking = [
        b
        for b in busy
        if not b.cancelled
        and (
            set(b.person_ids) & set(probe_people)
            or (hall_name and b.hall and b.hall.casefold() == hall_name.casefold())
            or (kind in COUNCIL_SIDE and b.kind in PC_KINDS)
            or (kind in PC_KINDS and b.kind in COUNCIL_SIDE)
            or (kind in VOTER_KINDS and b.kind in SESSION_KINDS)
        )
    ]
    working = current_calendar()
    tz = timezone.get_current_timezone()
    found: list[tuple[datetime.datetime, datetime.datetime]] = []
    day = timezone.localtime(start).date()
    if duration > datetime.timedelta(hours=4):  # a day or more: from the start of a working day
        periods: tuple[tuple[datetime.time, datetime.time], ...] = ((SLOTS[0][0], SLOTS[0][0]),)
    else:
        periods = SLOTS
    for _i in range(horizon_days + 1):
        if working.is_working_day(day):
            for first, last in periods:
                slot = datetime.datetime.combine(day, first, tzinfo=tz)
                limit = max(datetime.datetime.combine(day, last, tzinfo=tz), slot) + (
                    duration if first == last else datetime.timedelta(0)
                )
                while slot + duration <= limit:
                    slot_end = slot + duration
                    if slot > start and not any(_busy(b, slot, slot_end, kind) for b in blocking):
                        found.append((slot, slot_end))
                        if len(found) >= count:
                            return found
                        slot = slot_end  # the next proposal after this one
                        continue
                    slot += STEP
        day += datetime.timedelta(days=1)
    return found


def _busy(b: CalendarEvent, slot_start, slot_end, kind: str) -> bool:
    if kind in VOTER_KINDS and b.kind in SESSION_KINDS:
        probe = CalendarEvent(uid="probe", module="", kind=kind, title="", start=slot_start, end=slot_end)
        return bool(_local_days(probe) & _local_days(b))
    return b.start < slot_end and slot_start < b.end
