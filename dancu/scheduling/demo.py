"""Demo data of the calendar for Hà Tĩnh: halls, a month of events of every kind around today
(Standing Committee and committee meetings, a joint conference, voter meetings, an external
event), the People's Committee's schedule imported from an ICS file, and one planted clash (a
committee meeting at the time of a People's Committee meeting, sharing a person).

Idempotent: nothing is added when the demo hall exists. Written through the services by the
demo office administrator."""

from __future__ import annotations

import datetime
from typing import TextIO

import icalendar
from django.db import transaction
from django.utils import timezone

from dancu.accounts.models import User
from dancu.directory.demo import HT_STANDING
from dancu.directory.models import Body, BodyKind, Person

from . import services
from .models import Event, Hall
from .ruleset import seed_rules

DEMO_HALL = "Hội trường HĐND tỉnh"


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def ubnd_ics(monday: datetime.date, weeks: int = 4) -> bytes:
    """A People's Committee calendar as its own system would publish it (UIDs of that system)."""
    cal = icalendar.Calendar()
    cal.add("PRODID", "-//UBND tinh Ha Tinh//Lich cong tac//VI")
    cal.add("VERSION", "2.0")
    for week in range(weeks):
        start = monday + datetime.timedelta(weeks=week)
        for offset, hour, title, place in [
            (0, 8, "Họp giao ban lãnh đạo UBND tỉnh", "Phòng họp số 1, UBND tỉnh"),
            (2, 14, "Làm việc với các sở về tiến độ giải ngân vốn đầu tư công", "Phòng họp số 2, UBND tỉnh"),
        ]:
            day = start + datetime.timedelta(days=offset)
            item = icalendar.Event()
            item.add("UID", f"ubnd-hatinh-{day.isoformat()}-{hour}@ubnd.hatinh.example")
            item.add("DTSTAMP", timezone.now())
            item.add("DTSTART", _at(day, hour))
            item.add("DTEND", _at(day, hour + 2, 30))
            item.add("SUMMARY", title)
            item.add("LOCATION", place)
            cal.add_component(item)
    return cal.to_ical()


def load(stdout: TextIO | None = None) -> dict:
    standing = Body.objects.filter(name=HT_STANDING).select_related("province").first()
    actor = User.objects.filter(username="vanphong").first()
    if standing is None or actor is None:
        return {}
    if Hall.objects.filter(province=standing.province, name=DEMO_HALL).exists():
        return {"events": Event.objects.filter(province=standing.province).count()}
    with transaction.atomic():
        seed_rules()
        counts = _load(actor, standing)
    if stdout is not None:
        stdout.write(f"Calendar demo: {counts}\n")
    return counts


def _load(actor, standing: Body) -> dict:
    province = standing.province
    hall = services.hall_create(
        actor=actor, province=province, name=DEMO_HALL, address="Số 01 đường Nguyễn Tất Thành", capacity=120
    )
    small = services.hall_create(actor=actor, province=province, name="Phòng họp tầng 3", capacity=30)
    ubnd = Body.objects.get(province=province, kind=BodyKind.PEOPLES_COMMITTEE)
    committees = list(Body.objects.filter(province=province, kind=BodyKind.COMMITTEE).order_by("name"))
    group = Body.objects.filter(province=province, kind=BodyKind.DELEGATE_GROUP).order_by("name").first()
    office = Body.objects.get(province=province, kind=BodyKind.OFFICE)
    leaders = list(
        Person.objects.filter(memberships__body=standing, memberships__end_date__isnull=True)
        .distinct()
        .order_by("pk")[:5]
    )
    delegate = User.objects.filter(username="daibieu").values_list("person_id", flat=True).first()
    delegate_person = Person.objects.filter(pk=delegate).first() if delegate else None
    monday = _monday(timezone.localdate()) - datetime.timedelta(days=7)
    made = 0

    def plan(**kwargs):
        nonlocal made
        made += 1
        return services.event_create(actor=actor, **kwargs)

    people = leaders + ([delegate_person] if delegate_person else [])
    for week in range(5):
        start = monday + datetime.timedelta(weeks=week)
        plan(
            body=standing,
            kind="standing_meeting",
            title=f"Phiên họp Thường trực HĐND tỉnh tuần {week + 1}",
            start=_at(start + datetime.timedelta(days=1), 8),
            end=_at(start + datetime.timedelta(days=1), 11),
            hall=small,
            participants=people,
        )
        committee = committees[week % len(committees)] if committees else standing
        plan(
            body=committee,
            kind="committee_meeting",
            title=f"{committee.short_name or committee.name}: họp thẩm tra báo cáo",
            start=_at(start + datetime.timedelta(days=3), 14),
            end=_at(start + datetime.timedelta(days=3), 16, 30),
            hall=hall,
            participants=leaders[-2:],
        )
    if group is not None:
        for i, commune in enumerate(["xã Thạch Hà", "phường Thành Sen", "xã Cẩm Xuyên"]):
            day = monday + datetime.timedelta(days=8 + 2 * i)
            plan(
                body=group,
                kind="voter_meeting",
                title=f"Tiếp xúc cử tri tại {commune}",
                start=_at(day, 7, 30),
                end=_at(day, 11),
                place=f"Nhà văn hóa {commune}",
                participants=[delegate_person] if delegate_person else [],
            )
    plan(
        body=standing,
        kind="joint_conference",
        title="Hội nghị liên tịch chuẩn bị kỳ họp cuối năm",
        start=_at(monday + datetime.timedelta(days=16), 8),
        end=_at(monday + datetime.timedelta(days=16), 11),
        hall=hall,
        participants=leaders,
    )
    plan(
        body=office,
        kind="external",
        title="Tập huấn kỹ năng tiếp công dân (Văn phòng Quốc hội)",
        all_day=True,
        start=_at(monday + datetime.timedelta(days=18), 0),
        end=_at(monday + datetime.timedelta(days=19), 0),
        place="Hà Nội",
    )
    imported = services.ics_import(actor=actor, body=ubnd, data=ubnd_ics(monday, 5), name="lich-ubnd.ics")
    # The planted clash: a committee meeting on a Monday morning, when the People's Committee meets.
    clash_day = monday + datetime.timedelta(weeks=1)
    plan(
        body=committees[0] if committees else standing,
        kind="committee_meeting",
        title="Họp Ban Pháp chế về dự thảo nghị quyết (trùng lịch UBND)",
        start=_at(clash_day, 8, 30),
        end=_at(clash_day, 10, 30),
        hall=hall,
        participants=leaders[:1],
    )
    return {"halls": 2, "events_planned": made, "ubnd_imported": imported.created}
