"""What modules publish to the shared calendar and to "my work" (ModuleManifest hooks).

A module never stores another module's events: the calendar (and the worklist, the digests,
the reminders) asks every manifest's `calendar_events` / `work_items` hook for a period and a
user, and each hook answers from its own tables, scoped to what that user may see.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CalendarEvent:
    # Stable across edits, so subscribed calendars update instead of duplicating:
    # "<module>.<kind>.<pk>[.<part>]" (the feed adds "@<host>").
    uid: str
    module: str  # "council", "petitions", ...
    kind: str  # "session_day", "voter_meeting", "reception_day", ... (the calendar's filter)
    title: str
    start: datetime.datetime  # timezone-aware; an all-day event starts at local midnight
    end: datetime.datetime
    url: str = ""  # the record's page
    province_id: int | None = None
    body_ids: tuple[int, ...] = ()  # directory.Body ids that hold or attend it
    person_ids: tuple[int, ...] = ()  # directory.Person ids booked for it (clash checks)
    place: str = ""
    hall: str = ""  # a room that cannot hold two meetings at once (clash checks)
    all_day: bool = False
    cancelled: bool = False
    # Bumped on every edit (e.g. the audit count or updated_at as an int): ICS SEQUENCE.
    sequence: int = 0
    description: str = ""
    # Who leads (chủ trì) and who coordinates (phối hợp) it, as body names, from the coordination
    # regulation in force (filled by the calendar from `coordination.roles_for` by the kind's
    # area; a module may fill them itself).
    lead: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()


@dataclass(frozen=True)
class BusyQuery:
    """What the clash check asks a module when an event is saved (a narrower question than the
    `calendar_events` hook): its events of one province overlapping [start, end) that share a
    person with the planned event, or are held in `hall`, or are of one of `kinds` (the kinds a
    clash rule compares the planned event with, e.g. the People's Committee's meetings for a
    Standing Committee meeting, the session days for a voter meeting).

    A module answers it with a function `busy(user, query) -> [CalendarEvent]` next to its
    `calendar_events` hook (same module, attribute `busy`), scoped like the hook, in one indexed
    query, and without any query when it has nothing that can match (e.g. `if not
    query.person_ids: return []`). A module whose events can never clash (no people, no hall,
    none of the rules' kinds) answers `[]` at once. A module without `busy` is asked through its
    `calendar_events` hook for the window (the safe, slower default).
    """

    province_id: int
    start: datetime.datetime
    end: datetime.datetime
    person_ids: frozenset[int] = frozenset()
    hall: str = ""  # compared case-insensitively, as the clash rule does
    kinds: frozenset[str] = frozenset()

    def matches(self, event: CalendarEvent) -> bool:
        """The same condition in Python (a module may filter its rows with it)."""
        if event.province_id is not None and event.province_id != self.province_id:
            return False
        if not (event.start < self.end and self.start < event.end):
            return False
        return bool(
            (self.person_ids and self.person_ids.intersection(event.person_ids))
            or (self.hall and event.hall and event.hall.casefold() == self.hall.casefold())
            or event.kind in self.kinds
        )


@dataclass(frozen=True)
class WorkItem:
    module: str
    kind: str  # "letter_deadline", "petition_answer", "commitment", ...
    title: str
    due: datetime.date | None
    url: str
    body_ids: tuple[int, ...] = ()
    province_id: int | None = None
    # What happens when it is due ("quá hạn: đôn đốc"), shown beside the date.
    note: str = ""
    # The kind in words ("Hạn xử lý đơn thư"): "Việc của tôi" filters and labels by it.
    kind_label: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def days_left(self, today: datetime.date) -> int | None:
        return None if self.due is None else (self.due - today).days
