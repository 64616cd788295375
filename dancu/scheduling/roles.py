"""Who leads (chủ trì) and who coordinates (phối hợp) a joint activity, from the coordination
regulation in force (the capability `coordination.roles_for`, no import of that module): the
calendar fills `CalendarEvent.lead` / `.coordinators` by the area of the event's kind, so the
pages of every module's events show it without those modules doing anything."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable

from django.utils import timezone

from dancu.core.events import CalendarEvent
from dancu.core.modules import is_provided, provided
from dancu.directory.models import Body

# The regulation's area (coordination.models.Area) of each kind of joint activity.
AREA_OF_KIND = {
    "voter_meeting": "voter_meeting",
    "joint_conference": "session",
    "session_opening": "session",
    "supervision_session": "supervision",
    "supervision_deadline": "supervision",
    "reception_day": "letters",
    "consultation_conference": "consultation",
    "consultation_due": "consultation",
    "consultation_synthesis_due": "consultation",
}


def body_names(ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {pk: short or name for pk, short, name in Body.objects.filter(pk__in=wanted).values_list("pk", "short_name", "name")}


def roles_on(province_id: int, area: str, on: datetime.date) -> tuple[list[int], list[int]]:
    """(lead body ids, coordinating body ids); empty when coordination is not installed."""
    if not is_provided("coordination.roles_for"):
        return [], []
    found = provided("coordination.roles_for")(province_id, area, on)
    return list(found.get("lead", [])), list(found.get("coordinate", []))


def with_roles(events: list[CalendarEvent]) -> list[CalendarEvent]:
    """The events, those of a joint kind with their lead and coordinators by name (asked once
    per province, area and day; a module that filled them itself is left as it is)."""
    wanted = [
        e
        for e in events
        if e.province_id is not None and e.kind in AREA_OF_KIND and not (e.lead or e.coordinators)
    ]
    if not wanted:
        return events
    asked: dict[tuple[int, str, datetime.date], tuple[list[int], list[int]]] = {}
    for e in wanted:
        key = (int(e.province_id or 0), AREA_OF_KIND[e.kind], timezone.localtime(e.start).date())
        if key not in asked:
            asked[key] = roles_on(*key)
    names = body_names(pk for lead, coord in asked.values() for pk in (*lead, *coord))
    filled: dict[str, CalendarEvent] = {}
    for e in wanted:
        lead, coord = asked[(int(e.province_id or 0), AREA_OF_KIND[e.kind], timezone.localtime(e.start).date())]
        if lead or coord:
            filled[e.uid] = dataclasses.replace(
                e,
                lead=tuple(names[pk] for pk in lead if pk in names),
                coordinators=tuple(names[pk] for pk in coord if pk in names),
            )
    return [filled.get(e.uid, e) for e in events]
