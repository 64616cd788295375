"""Test data of the coordination module, written through the services."""

from __future__ import annotations

import datetime

from django.utils import timezone

from dancu.coordination import services
from dancu.directory.models import BodyKind, BodyLevel
from dancu.directory.tests.factories import BodyFactory, CommuneFactory

D = datetime.date


def at(day: datetime.date, hour: int = 8) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def make_bodies(province) -> dict:
    """The four parties, the host, two commune councils (since 1 July 2025) and a district
    council (until then)."""
    council = BodyFactory(kind=BodyKind.PEOPLES_COUNCIL, name="Hội đồng nhân dân tỉnh", province=province)
    w = {
        "na": BodyFactory(kind=BodyKind.NA_DELEGATION, name="Đoàn ĐBQH tỉnh", province=province),
        "standing": BodyFactory(
            kind=BodyKind.STANDING_COMMITTEE, name="Thường trực HĐND tỉnh", province=province, parent=council
        ),
        "ubnd": BodyFactory(kind=BodyKind.PEOPLES_COMMITTEE, name="UBND tỉnh", province=province),
        "front": BodyFactory(kind=BodyKind.FATHERLAND_FRONT, name="UB MTTQ tỉnh", province=province),
        "council": council,
    }
    for key, name in (("commune_a", "Xã Thử A"), ("commune_b", "Xã Thử B")):
        unit = CommuneFactory(name=name, parent=province)
        w[key] = BodyFactory(
            kind=BodyKind.PEOPLES_COUNCIL,
            level=BodyLevel.COMMUNE,
            name=f"Hội đồng nhân dân {name.lower()}",
            province=province,
            unit=unit,
            active_from=D(2025, 7, 1),
        )
    w["district"] = BodyFactory(
        kind=BodyKind.PEOPLES_COUNCIL,
        level=BodyLevel.DISTRICT,
        name="Hội đồng nhân dân huyện Cũ",
        province=province,
        active_to=D(2025, 6, 30),
    )
    return w


def make_regulation(actor, province, w, **kwargs):
    data = {
        "number": "379/QCPH-ĐĐBQH-TTHĐND-UBND-BTTUBMTTQ",
        "signed_on": D(2022, 5, 6),
        "title": "Quy chế phối hợp",
        "valid_from": D(2022, 5, 6),
        "parties": [w["na"], w["standing"], w["ubnd"], w["front"]],
    } | kwargs
    return services.regulation_create(actor=actor, province=province, **data)


FIRST_DAY = D(2026, 7, 20)


def make_meeting(actor, w, *, day=FIRST_DAY, participants=None, **kwargs):
    data = {
        "title": "Hội nghị giao ban lần thứ nhất",
        "period": "6 tháng đầu năm 2026",
        "starts_at": at(day, 8),
        "ends_at": at(day, 11),
        "place": "Hội trường HĐND tỉnh",
        "participants": participants if participants is not None else [w["commune_a"], w["commune_b"]],
        "reports_due": day - datetime.timedelta(days=10),
    } | kwargs
    return services.meeting_create(actor=actor, host=w["standing"], **data)


def held_meeting(actor, w, **kwargs):
    meeting = make_meeting(actor, w, **kwargs)
    services.meeting_transition(actor=actor, meeting=meeting, action="invite")
    services.meeting_transition(actor=actor, meeting=meeting, action="hold")
    return meeting
