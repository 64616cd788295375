"""Builders of supervision data for tests: a province's bodies and agencies, programmes and
activities, written through the services."""

from __future__ import annotations

import datetime
from typing import Any

from dancu.directory.models import Body, BodyKind
from dancu.supervision import services

D = datetime.date
YEAR = 2026


def make_bodies(province) -> dict[str, Any]:
    def body(kind, name):
        return Body.objects.create(
            kind=kind, name=f"{name} {province.code}", province=province, unit=province
        )

    return {
        "council": body(BodyKind.PEOPLES_COUNCIL, "Hội đồng nhân dân tỉnh"),
        "standing": body(BodyKind.STANDING_COMMITTEE, "Thường trực HĐND tỉnh"),
        "committee": body(BodyKind.COMMITTEE, "Ban Kinh tế - Ngân sách"),
        "culture": body(BodyKind.COMMITTEE, "Ban Văn hóa - Xã hội"),
        "group": body(BodyKind.DELEGATE_GROUP, "Tổ đại biểu số 1"),
        "delegation": body(BodyKind.NA_DELEGATION, "Đoàn ĐBQH tỉnh"),
        "land": body(BodyKind.AGENCY, "Sở Nông nghiệp và Môi trường"),
        "health": body(BodyKind.AGENCY, "Sở Y tế"),
        "ubnd": body(BodyKind.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh"),
    }


def make_programme(actor, body, year: int = YEAR, **kwargs):
    return services.programme_create(actor=actor, body=body, year=year, **kwargs)


def make_activity(
    actor,
    programme,
    *,
    topic: str,
    agencies=(),
    places=(),
    start=None,
    end=None,
    kind="thematic",
    content: str = "",
):
    start = start or D(programme.year, 4, 1)
    return services.activity_create(
        actor=actor,
        programme=programme,
        kind=kind,
        topic=topic,
        content=content,
        agencies=list(agencies),
        places=list(places),
        planned_start=start,
        planned_end=end or start + datetime.timedelta(days=20),
    )


def planted_overlap(actor, w: dict[str, Any], year: int = YEAR):
    """The land-management pair of the issue: a broad topic at the Standing Committee and a
    narrower one at the economic committee, at the same department, two weeks apart."""
    standing = make_programme(actor, w["standing"], year)
    committee = make_programme(actor, w["committee"], year)
    broad = make_activity(
        actor,
        standing,
        topic="Giám sát công tác quản lý nhà nước về đất đai",
        agencies=[w["land"], w["ubnd"]],
        start=D(year, 5, 4),
        end=D(year, 5, 29),
    )
    narrow = make_activity(
        actor,
        committee,
        topic="Giám sát việc cấp giấy chứng nhận quyền sử dụng đất",
        agencies=[w["land"]],
        start=D(year, 6, 8),
        end=D(year, 6, 19),
    )
    other = make_activity(
        actor,
        committee,
        topic="Giám sát công tác khám chữa bệnh bảo hiểm y tế",
        agencies=[w["health"]],
        start=D(year, 5, 4),
        end=D(year, 5, 15),
    )
    return standing, committee, broad, narrow, other
