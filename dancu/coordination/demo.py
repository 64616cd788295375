"""Demo data of the coordination module for Hà Tĩnh: the four-party coordination regulation
379/QCPH with its six areas and the review of 2025; two giao ban meetings of the provincial
Standing Committee with the commune councils, one concluded (reports, opinions, conclusions,
tasks in every state), one invited (a report in, one awaited); a user of a commune council.

Idempotent: nothing is added once the regulation exists. Written through the services by the
demo office administrator, as the Office would."""

from __future__ import annotations

import datetime
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from dancu.accounts.models import RoleAssignment, User
from dancu.accounts.roles import Role
from dancu.directory.demo import DEMO_PASSWORD, HT_STANDING
from dancu.directory.models import Body, BodyKind, BodyLevel

from . import services
from .models import Area, Regulation

D = datetime.date
NUMBER = "379/QCPH-ĐĐBQH-TTHĐND-UBND-BTTUBMTTQ"
LOWER_USER = "thuongtruc.thanhsen"
LOWER_COUNCIL = "Hội đồng nhân dân phường Thành Sen"


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def load(stdout: TextIO | None = None) -> dict:
    standing = Body.objects.filter(name=HT_STANDING).first()
    actor = User.objects.filter(username="vanphong").first()
    if standing is None or actor is None:
        return {}
    if Regulation.objects.filter(province_id=standing.province_id, number=NUMBER).exists():
        return {"regulations": Regulation.objects.filter(province_id=standing.province_id).count()}
    with transaction.atomic():
        counts = _load(actor, standing)
    if stdout is not None:
        stdout.write(f"Coordination demo: {counts}\n")
    return counts


def _load(actor, standing: Body) -> dict:
    province = standing.province
    bodies = Body.objects.filter(province=province, level=BodyLevel.PROVINCE, active_to__isnull=True)
    na = bodies.get(kind=BodyKind.NA_DELEGATION)
    ubnd = bodies.get(kind=BodyKind.PEOPLES_COMMITTEE)
    front = bodies.get(kind=BodyKind.FATHERLAND_FRONT)
    office = bodies.filter(kind=BodyKind.OFFICE).first()
    committees = list(bodies.filter(kind=BodyKind.COMMITTEE).order_by("name"))
    regulation = services.regulation_create(
        actor=actor,
        province=province,
        number=NUMBER,
        signed_on=D(2022, 5, 6),
        title=(
            "Quy chế phối hợp hoạt động giữa Đoàn ĐBQH tỉnh, Thường trực HĐND tỉnh, UBND tỉnh, "
            "Ban Thường trực UB MTTQ Việt Nam tỉnh"
        ),
        valid_from=D(2022, 5, 6),
        parties=[na, standing, ubnd, front],
    )
    areas = [
        (
            Area.SESSION,
            [standing],
            [ubnd, front, na],
            "Thống nhất thời gian, nội dung, chương trình kỳ họp; hội nghị liên tịch.",
        ),
        (
            Area.SUPERVISION,
            [standing],
            [na, front, *committees[:1]],
            "Xây dựng chương trình giám sát; tổ chức đoàn giám sát chung; theo dõi kiến nghị sau giám sát.",
        ),
        (
            Area.VOTER_MEETING,
            [front],
            [na, standing],
            "Tiếp xúc cử tri trước và sau kỳ họp Quốc hội, HĐND; lồng ghép tiếp xúc cử tri 2 cấp, 3 cấp.",
        ),
        (
            Area.LETTERS,
            [standing],
            [na, ubnd],
            "Tiếp công dân, tiếp nhận, xử lý đơn thư và giám sát việc giải quyết; sao gửi đơn thư giữa hai cơ quan.",
        ),
        (
            Area.CONSULTATION,
            [na],
            [standing, ubnd, front],
            "Lấy ý kiến góp ý dự án luật của các cơ quan, đơn vị, địa phương.",
        ),
        (
            Area.INFORMATION,
            [standing],
            [na, ubnd, front],
            "Cung cấp thông tin, tài liệu phục vụ chất vấn, giải trình, giám sát, thẩm tra.",
        ),
    ]
    for area, lead, coordinate, content in areas:
        services.area_set(
            actor=actor, regulation=regulation, area=area, lead=lead, coordinate=coordinate, content=content
        )
    review = services.review_create(actor=actor, regulation=regulation, year=2025, held_on=D(2026, 1, 6))
    services.review_update(
        actor=actor,
        review=review,
        held_on=D(2026, 1, 6),
        results=(
            "Các bên đã tích cực, chủ động thực hiện vai trò, trách nhiệm theo Quy chế phối hợp.\n"
            "Công tác tham gia xây dựng pháp luật được quan tâm; tiếp xúc cử tri được thực hiện linh hoạt, hiệu quả."
        ),
        limits="Việc theo dõi kiến nghị sau giám sát có lúc chưa kịp thời.",
        causes="Một số cơ quan gửi báo cáo chậm so với thời hạn.",
        next_tasks=(
            "Tăng cường phối hợp trong hoạt động kiểm tra, giám sát.\n"
            "Xây dựng lịch họp của Thường trực HĐND tỉnh, các Ban HĐND tỉnh bảo đảm không trùng với lịch họp của UBND tỉnh."
        ),
    )

    communes = list(
        Body.objects.filter(
            province=province, kind=BodyKind.PEOPLES_COUNCIL, level=BodyLevel.COMMUNE
        ).order_by("name")
    )
    held_day = D(2026, 7, 20)
    first = services.meeting_create(
        actor=actor,
        host=standing,
        title="Hội nghị giao ban Thường trực HĐND tỉnh với Thường trực HĐND các xã, phường lần thứ nhất",
        period="6 tháng đầu năm 2026",
        starts_at=_at(held_day, 8),
        ends_at=_at(held_day, 11, 30),
        place="Hội trường HĐND tỉnh",
        participants=communes,
        reports_due=D(2026, 7, 10),
        agenda="Đánh giá kết quả hoạt động 6 tháng đầu năm 2026; nhiệm vụ trọng tâm 6 tháng cuối năm.",
    )
    services.meeting_transition(actor=actor, meeting=first, action="invite")
    for i, body in enumerate(communes):
        services.report_submit(
            actor=actor,
            meeting=first,
            body=body,
            sessions_held=2 + i,
            resolutions=14 + 3 * i,
            supervisions=2,
            voter_meetings=6 + i,
            letters_received=12 + i,
            letters_handled=10 + i,
            notes="Đề nghị tổ chức tập huấn nghiệp vụ cho đại biểu HĐND cấp xã.",
        )
    services.meeting_transition(actor=actor, meeting=first, action="hold")
    if communes:
        services.opinion_add(
            actor=actor,
            meeting=first,
            body=communes[0],
            content="Đề nghị tỉnh hướng dẫn quy trình giám sát chuyên đề sau sắp xếp đơn vị hành chính.",
        )
    services.opinion_add(
        actor=actor,
        meeting=first,
        speaker="Đại diện Văn phòng",
        content="Việc gửi báo cáo về Văn phòng cần bảo đảm đúng thời hạn.",
    )
    services.conclusions_set(
        actor=actor,
        meeting=first,
        conclusions=(
            "Tổ chức tập huấn, bồi dưỡng nghiệp vụ cho đại biểu HĐND cấp xã và công chức tham mưu.\n"
            "Tăng cường giám sát chuyên đề, phát huy vai trò của Tổ đại biểu HĐND.\n"
            "Theo dõi, đôn đốc việc giải quyết đơn thư chuyển cơ quan có thẩm quyền."
        ),
    )
    owner = office or standing
    tasks = [
        ("Xây dựng kế hoạch tập huấn nghiệp vụ cho đại biểu HĐND cấp xã", owner, D(2026, 9, 30), None),
        (
            "Hướng dẫn quy trình giám sát chuyên đề sau sắp xếp đơn vị hành chính",
            owner,
            D(2027, 3, 31),
            "start",
        ),
        (
            "Tổng hợp ý kiến của cử tri qua tiếp xúc cử tri 3 cấp",
            communes[0] if communes else owner,
            D(2026, 8, 31),
            "complete",
        ),
        ("Tổ chức giao ban chuyên đề về đơn thư", owner, D(2026, 10, 15), "cancel"),
        (
            "Báo cáo kết quả giám sát chuyên đề 6 tháng cuối năm",
            communes[-1] if communes else owner,
            D(2027, 1, 15),
            None,
        ),
    ]
    services.meeting_transition(actor=actor, meeting=first, action="conclude")
    for content, body, due, step in tasks:
        task = services.task_create(
            actor=actor, meeting=first, content=content, owner_body=body, due_date=due
        )
        if step:
            services.task_transition(
                actor=actor,
                task=task,
                action=step,
                result="Đã tổng hợp, gửi Thường trực HĐND tỉnh." if step == "complete" else "",
            )

    next_day = D(2027, 1, 20)
    second = services.meeting_create(
        actor=actor,
        host=standing,
        title="Hội nghị giao ban Thường trực HĐND tỉnh với Thường trực HĐND các xã, phường lần thứ hai",
        period="6 tháng cuối năm 2026",
        starts_at=_at(next_day, 14),
        ends_at=_at(next_day, 17),
        place="Hội trường HĐND tỉnh",
        participants=communes,
        reports_due=D(2027, 1, 10),
        agenda="Đánh giá kết quả hoạt động năm 2026; nhiệm vụ năm 2027.",
    )
    services.meeting_transition(actor=actor, meeting=second, action="invite")
    if len(communes) > 1:
        services.report_submit(
            actor=actor,
            meeting=second,
            body=communes[1],
            sessions_held=3,
            resolutions=20,
            supervisions=3,
            voter_meetings=8,
            letters_received=15,
            letters_handled=15,
        )

    lower = next((b for b in communes if b.name == LOWER_COUNCIL), None)
    if lower is not None:
        user, _created = User.objects.get_or_create(username=LOWER_USER)
        user.full_name = "Võ Thị Hằng"
        user.email = f"{LOWER_USER}@dancu.example"
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        RoleAssignment.objects.get_or_create(user=user, body=lower, role=Role.SPECIALIST)
    return {
        "regulations": 1,
        "meetings": 2,
        "tasks": len(tasks),
        "reports": len(communes) + (1 if len(communes) > 1 else 0),
    }
