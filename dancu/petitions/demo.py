"""Demo data for Hà Tĩnh: one round of voter meetings (attended by delegates in office, the demo
delegate "daibieu" among them, one meeting in their constituency) with opinions, consolidated
and confirmed petitions, a forwarding batch to the agency of the demo responder "coquan" (so the
cover letter exists) and its answer to one petition, awaiting the Office's review; all through
the services. Idempotent: the round's code is the natural key."""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from django.utils import timezone

from dancu.accounts.models import User
from dancu.directory.demo import HT_AGRI
from dancu.directory.models import AdministrativeUnit, Body, Membership, Person, UnitLevel

from . import selectors, services
from .models import Petition, Round

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
    # Delegates in office; the demo delegate's own constituency gets the first meeting.
    delegates: list[Person] = list(selectors.delegates_of(province.pk)[:2])
    own = User.objects.filter(username="daibieu").select_related("person").first()
    if own is not None and own.person is not None:
        delegates = [own.person, *[d for d in delegates if d.pk != own.person_id]][:3]
        home = (
            AdministrativeUnit.objects.filter(
                level=UnitLevel.COMMUNE,
                valid_to__isnull=True,
                constituency__in=Membership.objects.filter(
                    person=own.person, end_date__isnull=True, constituency__isnull=False
                ).values("constituency_id"),
            )
            .order_by("name")
            .first()
        )
        if home is not None and home not in communes:
            communes = [home, *communes[:2]]
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
    batches = _forward_and_answer(actor, round) if petitions else 0
    if stdout is not None:
        stdout.write(f"petitions: {len(meetings)} meetings, {len(petitions)} petitions, {batches} batches\n")
    return {"rounds": 1, "meetings": len(meetings), "petitions": len(petitions), "batches": batches}


def _forward_and_answer(actor: User, round: Round) -> int:
    """Confirm the proposals, forward the agriculture department's petitions (20 days ago, so
    the answers are due in the coming days) and answer one of them as its responder."""
    services.round_confirm_all(actor=actor, round=round)
    agency = Body.objects.filter(province=round.province, name=HT_AGRI).first()
    if agency is None:
        return 0
    confirmed = list(Petition.objects.filter(round=round, status=Petition.Status.CONFIRMED).order_by("id"))
    chosen = [p for p in confirmed if p.agency_id == agency.pk] or confirmed[:1]
    dispatched = max(round.end_date or round.start_date, timezone.localdate() - datetime.timedelta(days=20))
    batch = services.batch_create(
        actor=actor,
        round=round,
        agency=agency,
        petitions=chosen,
        dispatch_number="15/VP-TH",
        dispatch_date=dispatched,
    )
    responder = User.objects.filter(username="coquan").first()
    if responder is not None:
        services.answer_submit(
            actor=responder,
            batch=batch,
            petition=Petition.objects.get(pk=chosen[0].pk),
            text="Sở đã chỉ đạo rà soát hồ sơ; các hộ đủ điều kiện được cấp giấy chứng nhận trong quý I.",
            status="in_progress",
            document_number="215/SNNMT-VP",
            document_date=min(timezone.localdate(), dispatched + datetime.timedelta(days=10)),
        )
    return 1
