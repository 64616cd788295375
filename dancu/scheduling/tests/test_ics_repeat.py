"""Repeating events in an ICS import: RRULE, RDATE, EXDATE and a changed occurrence expanded
within the window, one event per occurrence with a stable UID, re-imports update in place."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from dancu.scheduling import ics, services
from dancu.scheduling.models import Event

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)
SERIES = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//UBND//Lich//VI
BEGIN:VEVENT
UID:giao-ban-thu-hai@ubnd
SUMMARY:Giao ban lãnh đạo UBND tỉnh
DTSTART;TZID=Asia/Ho_Chi_Minh:20261207T080000
DTEND;TZID=Asia/Ho_Chi_Minh:20261207T100000
RRULE:FREQ=WEEKLY;COUNT=5
EXDATE;TZID=Asia/Ho_Chi_Minh:20261214T080000
RDATE;TZID=Asia/Ho_Chi_Minh:20261226T080000
SEQUENCE:{seq}
END:VEVENT
BEGIN:VEVENT
UID:giao-ban-thu-hai@ubnd
RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20261221T080000
SUMMARY:Giao ban lãnh đạo UBND tỉnh (chuyển chiều)
DTSTART;TZID=Asia/Ho_Chi_Minh:{moved}
DTEND;TZID=Asia/Ho_Chi_Minh:20261221T160000
END:VEVENT
BEGIN:VEVENT
UID:tap-huan@ubnd
SUMMARY:Tập huấn
DTSTART;VALUE=DATE:20261208
RRULE:FREQ=DAILY;COUNT=3
END:VEVENT
BEGIN:VEVENT
UID:hang-ngay@ubnd
SUMMARY:Họp giao ban sáng
DTSTART:20261201T070000
DTEND:20261201T073000
RRULE:FREQ=DAILY
END:VEVENT
BEGIN:VEVENT
UID:le-mot-lan@ubnd
SUMMARY:Họp một lần
DTSTART:20261209T140000
DTEND:20261209T160000
END:VEVENT
END:VCALENDAR
"""


def _data(seq=0, moved="20261221T140000"):
    return SERIES.format(seq=seq, moved=moved).replace("\n", "\r\n").encode()


def _local(dt):
    return timezone.localtime(dt).strftime("%d/%m %H:%M")


def test_occurrences_are_expanded_with_stable_uids():
    found, problems = ics.parse(_data(), today=TODAY)
    assert problems == []
    weekly = sorted((p for p in found if p.uid.startswith("giao-ban")), key=lambda p: p.start)
    # 5 Mondays from 7/12, less 14/12 (EXDATE), plus Saturday 26/12 (RDATE); 21/12 moved to 14:00.
    assert [_local(p.start) for p in weekly] == [
        "07/12 08:00",
        "21/12 14:00",
        "26/12 08:00",
        "28/12 08:00",
        "04/01 08:00",
    ]
    moved = weekly[1]
    assert moved.title.endswith("(chuyển chiều)") and moved.uid == "giao-ban-thu-hai@ubnd/20261221T010000Z"
    assert weekly[0].uid == "giao-ban-thu-hai@ubnd/20261207T010000Z"
    all_day = sorted((p for p in found if p.uid.startswith("tap-huan")), key=lambda p: p.start)
    assert [p.uid for p in all_day] == [f"tap-huan@ubnd/202612{d:02d}" for d in (8, 9, 10)]
    assert all(p.all_day for p in all_day)
    # An endless rule stops at the window: 60 days back, 400 ahead of today (end excluded).
    daily = [p for p in found if p.uid.startswith("hang-ngay")]
    last = max(p.start for p in daily)
    assert len(daily) == 400 and timezone.localtime(last).date() == TODAY + datetime.timedelta(days=399)
    assert [p.uid for p in found if p.uid.startswith("le-mot-lan")] == ["le-mot-lan@ubnd"]


def test_reimport_updates_the_same_occurrences(world):
    admin, ubnd = world["admin"], world["ubnd"]
    first = services.ics_import(actor=admin, body=ubnd, data=_data())
    count = Event.objects.filter(body=ubnd).count()
    assert first.created == count and count > 5
    moved = Event.objects.get(external_uid="giao-ban-thu-hai@ubnd/20261221T010000Z")
    assert _local(moved.start) == "21/12 14:00"
    again = services.ics_import(actor=admin, body=ubnd, data=_data(seq=1, moved="20261221T150000"))
    assert again.created == 0 and Event.objects.filter(body=ubnd).count() == count
    moved.refresh_from_db()
    assert _local(moved.start) == "21/12 15:00"


def test_a_changed_occurrence_without_its_series_is_reported():
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:mo-coi@ubnd\r\n"
        "RECURRENCE-ID:20261221T080000\r\nSUMMARY:Mồ côi\r\nDTSTART:20261221T090000\r\n"
        "DTEND:20261221T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    found, problems = ics.parse(data, today=TODAY)
    assert found == [] and len(problems) == 1 and "Mồ côi" in problems[0]
