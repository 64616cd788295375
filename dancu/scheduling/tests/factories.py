"""Builders of calendar data for tests, written through the services."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from dancu.directory.models import Body, BodyKind, Person
from dancu.scheduling import services

MONDAY = datetime.date(2026, 12, 7)  # a working Monday


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


def make_bodies(province) -> dict[str, Any]:
    def body(kind, label, short=""):
        return Body.objects.create(
            kind=kind, name=f"{label} {province.code}", short_name=short, province=province, unit=province
        )

    people = [Person.objects.create(full_name=f"Người Họp Số {i:02d}", province=province) for i in range(6)]
    return {
        "standing": body(BodyKind.STANDING_COMMITTEE, "Thường trực HĐND", "Thường trực"),
        "committee": body(BodyKind.COMMITTEE, "Ban Kinh tế - Ngân sách", "Ban KT-NS"),
        "ubnd": body(BodyKind.PEOPLES_COMMITTEE, "Ủy ban nhân dân", "UBND"),
        "group": body(BodyKind.DELEGATE_GROUP, "Tổ đại biểu số 1"),
        "people": people,
    }


def make_event(
    actor, body, *, kind="standing_meeting", day=MONDAY, hour=8, hours=2, title="Phiên họp", **kwargs
):
    start = at(day, hour)
    return services.event_create(
        actor=actor,
        body=body,
        kind=kind,
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        **kwargs,
    )


def ics_bytes(events: list[dict]) -> bytes:
    """An ICS file as another system writes it: dicts of uid, start, end, summary, status..."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("PRODID", "-//UBND//Test//VI")
    cal.add("VERSION", "2.0")
    for e in events:
        item = icalendar.Event()
        item.add("UID", e["uid"])
        item.add("DTSTAMP", timezone.now())
        item.add("DTSTART", e["start"])
        if "end" in e:
            item.add("DTEND", e["end"])
        item.add("SUMMARY", e.get("summary", "Họp UBND"))
        if e.get("location"):
            item.add("LOCATION", e["location"])
        if e.get("status"):
            item.add("STATUS", e["status"])
        if e.get("sequence") is not None:
            item.add("SEQUENCE", e["sequence"])
        cal.add_component(item)
    return cal.to_ical()
