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
