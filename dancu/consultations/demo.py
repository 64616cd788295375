"""Demo data of the consultations module for Hà Tĩnh: two draft laws with a real structure (a
chapter of the 2024 Land Law, the 2025 Law on Promulgation of Legal Documents; demo_data/),
recipients, a conference combined with a voter meeting, comments from agencies, the conference
and voters, the delegation's positions, and for the Land Law a second version in which one of
the delegation's proposals was taken up.

Idempotent: nothing is added when the Land Law draft already exists. Written through the
services by the demo Office administrator; the responder of the Department of Agriculture and
Environment ("coquan") comments for its own body.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TextIO

from django.db import transaction

from dancu.accounts.models import User
from dancu.directory.demo import HT_AGRI, HT_OFFICE
from dancu.directory.models import Body, BodyKind

from . import services
from .models import Draft
from .rules import seed_rules

D = datetime.date
HERE = Path(__file__).resolve().parent / "demo_data"
LAND = "Dự án Luật Đất đai (sửa đổi)"
PROMULGATION = "Dự án Luật Ban hành văn bản quy phạm pháp luật (sửa đổi)"


def _text(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def load(stdout: TextIO | None = None) -> dict:
    office = Body.objects.filter(name=HT_OFFICE).first()
    actor = User.objects.filter(username="vanphong").first()
    if office is None or actor is None:
        return {}
    if Draft.objects.filter(province_id=office.province_id, name=LAND).exists():
        return {"drafts": Draft.objects.filter(province_id=office.province_id).count()}
    with transaction.atomic():
        seed_rules()
        counts = _load(actor, office)
    if stdout is not None:
        stdout.write(f"Consultations demo: {counts}\n")
    return counts


def _bodies(province_id: int) -> dict[str, Body]:
    found = {}
    qs = Body.objects.filter(province_id=province_id, active_to__isnull=True)
    for b in qs.filter(kind=BodyKind.COMMITTEE).order_by("sort_key"):
        found[b.short_name or b.name] = b
    for b in qs.filter(kind__in=[BodyKind.AGENCY, BodyKind.FATHERLAND_FRONT]).order_by("sort_key"):
        found[b.name] = b
    return found


def _pick(bodies: dict[str, Body], *needles: str) -> list[Body]:
    out = []
    for needle in needles:
        body = next((b for name, b in bodies.items() if needle in name), None)
        if body is not None and body not in out:
            out.append(body)
    return out


def _load(actor, office: Body) -> dict:
    province = office.province
    bodies = _bodies(province.pk)
    agri = Body.objects.filter(name=HT_AGRI).first()
    land = services.draft_create(
        actor=actor,
        province=province,
        name=LAND,
        session="Kỳ họp thứ hai, Quốc hội khóa XVI",
        session_start=D(2026, 10, 20),
        consideration="first",
        drafting_body="Bộ Nông nghiệp và Môi trường",
        vetting_committee="Ủy ban Kinh tế và Tài chính của Quốc hội",
        online=True,
    )
    services.version_add(
        actor=actor,
        draft=land,
        text=_text("dat-dai-v1.txt"),
        label="Dự thảo trình Chính phủ",
        received_on=D(2026, 8, 25),
    )
    asked = _pick(
        bodies, "Ban Pháp chế", "Ban Kinh tế", "Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng", "Mặt trận"
    )
    if agri is not None and agri not in asked:
        asked.append(agri)
    recipients = {
        r.body_id: r
        for r in services.recipients_add(
            actor=actor,
            draft=land,
            bodies=asked,
            requested_on=D(2026, 8, 28),
            due_on=D(2026, 9, 15),
            request_number="112/ĐĐBQH-VP",
        )
    }
    conference = services.conference_add(
        actor=actor,
        draft=land,
        format="voter_meeting",
        held_on=D(2026, 9, 12),
        place="Hội trường Ủy ban nhân dân xã Thạch Hà",
        participants="Đại biểu Quốc hội tỉnh; cử tri xã Thạch Hà; đại diện Sở Nông nghiệp và Môi trường",
        participant_count=215,
    )
    comments = 0
    by_name = {b.name: b for b in asked}
    justice = next((b for n, b in by_name.items() if "Tư pháp" in n), None)
    finance = next((b for n, b in by_name.items() if "Tài chính" in n), None)
    if agri is not None and agri.pk in recipients:
        responder = User.objects.filter(username="coquan").first() or actor
        services.comment_respond(
            actor=responder,
            recipient=recipients[agri.pk],
            path="d9.k2.đ",
            text="Đề nghị làm rõ tiêu chí xác định đất chăn nuôi tập trung để phân biệt với đất trồng cây hằng năm có kết hợp chăn nuôi.",
            proposal="đ) Đất chăn nuôi tập trung theo quy mô trang trại được xác định theo quy định của pháp luật về chăn nuôi;",
        )
        comments += 1
    if justice is not None:
        services.comment_record(
            actor=actor,
            draft=land,
            path="d3",
            text="Đề nghị bổ sung giải thích từ ngữ “đất chưa sử dụng” để thống nhất với khoản 4 Điều 9.",
            recipient=recipients[justice.pk],
        )
        comments += 1
    if finance is not None:
        services.comment_record(
            actor=actor,
            draft=land,
            path="d13.k5",
            text="Giá đất cần được xác định theo nguyên tắc thị trường và bảng giá đất phải được công bố công khai, điều chỉnh hằng năm.",
            recipient=recipients[finance.pk],
        )
        comments += 1
    for text in (
        "Cử tri đề nghị giá đất bồi thường phải sát với giá thị trường, công khai bảng giá đất hằng năm.",
        "Bảng giá đất cần điều chỉnh hằng năm theo giá thị trường để bảo đảm quyền lợi người có đất bị thu hồi.",
        "Đề nghị quy định rõ trách nhiệm của Ủy ban nhân dân cấp xã khi để xảy ra lấn, chiếm đất.",
    ):
        services.comment_record(
            actor=actor,
            draft=land,
            path="d13.k5" if "giá" in text else "d11.k1",
            text=text,
            conference=conference,
            source_name="Cử tri xã Thạch Hà",
        )
        comments += 1
    published = services.comment_public(
        draft=land,
        path="d16.k2",
        text="Nên ưu tiên giao đất ở cho hộ nghèo là người dân tộc thiểu số trước khi giao cho đối tượng khác.",
        area="Xã Hương Sơn",
    )
    services.comment_transition(actor=actor, comment=published, action="publish")
    services.comment_public(
        draft=land, path="d5", text="Cần có chế tài mạnh hơn với việc sử dụng đất sai mục đích."
    )
    comments += 2
    answered = {
        agri.pk if agri else 0: D(2026, 9, 12),
        justice.pk if justice else 0: D(2026, 9, 14),
        finance.pk if finance else 0: D(2026, 9, 17),
    }
    for body_id, day in answered.items():
        if body_id in recipients:
            services.recipient_update(
                actor=actor, recipient=recipients[body_id], due_on=recipients[body_id].due_on, answered_on=day
            )
    services.position_save(
        actor=actor,
        draft=land,
        article_key="d13",
        text="Đoàn đề nghị quy định giá đất theo nguyên tắc thị trường, công khai bảng giá đất và điều chỉnh hằng năm.",
        proposal="5. Quyết định giá đất theo nguyên tắc thị trường, công khai bảng giá đất và điều chỉnh hằng năm.",
    )
    services.position_save(
        actor=actor,
        draft=land,
        article_key="d9",
        text="Đoàn đề nghị làm rõ tiêu chí xác định đất chăn nuôi tập trung.",
        proposal="đ) Đất chăn nuôi tập trung theo quy mô trang trại;",
    )
    services.draft_transition(actor=actor, draft=land, action="close")
    services.dispatch_record(
        actor=actor,
        draft=land,
        number="45/BC-ĐĐBQH",
        sent_on=D(2026, 9, 28),
        recipients=[
            "Ủy ban Kinh tế và Tài chính của Quốc hội",
            "Ủy ban Thường vụ Quốc hội",
            "Văn phòng Quốc hội",
        ],
    )
    services.version_add(
        actor=actor,
        draft=land,
        text=_text("dat-dai-v2.txt"),
        label="Dự thảo trình Quốc hội tại kỳ họp",
        received_on=D(2026, 10, 5),
    )

    promulgation = services.draft_create(
        actor=actor,
        province=province,
        name=PROMULGATION,
        session="Kỳ họp thứ hai, Quốc hội khóa XVI",
        session_start=D(2026, 10, 20),
        consideration="single",
        drafting_body="Bộ Tư pháp",
        vetting_committee="Ủy ban Pháp luật và Tư pháp của Quốc hội",
        online=True,
    )
    services.version_add(
        actor=actor,
        draft=promulgation,
        text=_text("bhvbqppl-v1.txt"),
        label="Dự thảo lấy ý kiến",
        received_on=D(2026, 9, 2),
    )
    asked2 = _pick(bodies, "Ban Pháp chế", "Sở Tư pháp")
    r2 = services.recipients_add(actor=actor, draft=promulgation, bodies=asked2, requested_on=D(2026, 9, 3))
    if r2:
        services.comment_record(
            actor=actor,
            draft=promulgation,
            path="d6.k3",
            text="Thời gian lấy ý kiến 20 ngày là ngắn đối với dự án luật có phạm vi điều chỉnh rộng; đề nghị tối thiểu 30 ngày.",
            recipient=r2[0],
            proposal="3. Thời gian lấy ý kiến đối với dự án, dự thảo văn bản ít nhất là 30 ngày kể từ ngày đăng tải.",
        )
        comments += 1
    services.comment_public(
        draft=promulgation,
        path="d6.k2.a",
        text="Nên đăng tải dự thảo cả trên cổng thông tin của tỉnh để người dân địa phương dễ góp ý.",
    )
    comments += 1
    return {"drafts": 2, "versions": 3, "recipients": len(asked) + len(asked2), "comments": comments}
