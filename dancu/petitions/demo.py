"""Demo data for Hà Tĩnh: one round of voter meetings with opinions, consolidated petitions,
one forwarding batch. Idempotent: the round's code is the natural key."""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from dancu.accounts.models import User
from dancu.directory.models import AdministrativeUnit, Body, Person, UnitLevel

from . import services
from .models import Round

ROUND_CODE = "txct-qh15-ky10"
OPINIONS = [
    "Đề nghị sớm nâng cấp, sửa chữa Quốc lộ 8A đoạn qua xã, mặt đường hư hỏng nặng, nhiều ổ gà.",
    "QL8A xuống cấp nghiêm trọng, mùa mưa ngập nước, đề nghị Bộ Xây dựng đầu tư sửa chữa.",
    "Đề nghị đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã đo đạc từ năm 2019.",
    "Cấp sổ đỏ cho bà con quá chậm, đo đạc xong mấy năm rồi mà chưa có sổ.",
    "Trạm y tế xã thiếu thuốc BHYT, người bệnh phải ra ngoài mua thuốc.",
    "Tình trạng khai thác cát trái phép trên sông Ngàn Phố gây sạt lở bờ sông, đề nghị xử lý nghiêm.",
]


def load(stdout: TextIO | None = None) -> dict[str, Any]:
    province = AdministrativeUnit.objects.filter(key="p2025:42").first()
    actor = User.objects.filter(username="vanphong").first()
    if province is None or actor is None:
        return {"skipped": True}
    existing = Round.objects.filter(province=province, code=ROUND_CODE).first()
    if existing is not None:
        return {"rounds": 0}
    round = services.round_create(
        actor=actor,
        province=province,
        name="TXCT trước kỳ họp thứ 10 Quốc hội khóa XV",
        code=ROUND_CODE,
        start_date=datetime.date(2025, 9, 15),
        end_date=datetime.date(2025, 10, 15),
    )
    communes = list(
        AdministrativeUnit.objects.filter(
            level=UnitLevel.COMMUNE, parent=province, valid_to__isnull=True
        ).order_by("name")[:3]
    )
    delegates = list(Person.objects.filter(province=province).order_by("full_name")[:2])
    front = list(Body.objects.filter(province=province, kind="FATHERLAND_FRONT")[:1])
    meetings = []
    for i, commune in enumerate(communes):
        meetings.append(
            services.meeting_create(
                actor=actor,
                round=round,
                kind="before_na",
                date=datetime.date(2025, 9, 20 + (i // 2)),
                place=commune,
                levels=["na", "province"],
                organisers=front,
                delegates=delegates,
                voter_count=120 + 15 * i,
                venue="Hội trường UBND xã",
            )
        )
    for i, text in enumerate(OPINIONS):
        meeting = meetings[i % len(meetings)] if meetings else None
        if meeting is not None:
            services.opinions_add(
                actor=actor, meeting=meeting, rows=[{"text": text, "area": meeting.place.name}]
            )
    petitions = services.consolidate_round(actor=actor, round=round) if meetings else []
    if stdout is not None:
        stdout.write(f"petitions: {len(meetings)} meetings, {len(petitions)} petitions\n")
    return {"rounds": 1, "meetings": len(meetings), "petitions": len(petitions)}
