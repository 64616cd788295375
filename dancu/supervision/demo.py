"""Demo data of the supervision module for Hà Tĩnh: a year of programmes of the four kinds of
bodies (the delegation, the Standing Committee, the committees, the delegate groups), with
planted overlaps of each difficulty for the coordination screen (the same words; a broad topic
containing a narrower one; a synonym at the same commune), hard negatives, a team at work with
its documents, and recommendations in every state.

Idempotent: nothing is added when the Standing Committee's programme of the year exists.
Written through the services by the demo office administrator.
"""

from __future__ import annotations

import datetime
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from dancu.accounts.models import User
from dancu.directory.demo import HT_AGRI, HT_COUNCIL, HT_STANDING
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Membership, UnitLevel

from . import services
from .models import Programme
from .ruleset import seed_rules

D = datetime.date


def load(stdout: TextIO | None = None) -> dict:
    council = Body.objects.filter(name=HT_COUNCIL).first()
    standing = Body.objects.filter(name=HT_STANDING).first()
    actor = User.objects.filter(username="vanphong").first()
    if council is None or standing is None or actor is None:
        return {}
    year = timezone.localdate().year
    if Programme.objects.filter(body=standing, year=year).exists():
        return {"programmes": Programme.objects.filter(province=council.province).count()}
    with transaction.atomic():
        seed_rules()
        counts = _load(actor, council, standing, year)
    if stdout is not None:
        stdout.write(f"Supervision demo: {counts}\n")
    return counts


def _load(actor: User, council: Body, standing: Body, year: int) -> dict:
    province = council.province
    bodies = Body.objects.filter(province=province)
    committees = {b.short_name: b for b in bodies.filter(kind=BodyKind.COMMITTEE)}
    economy = committees.get("Ban Kinh tế - Ngân sách") or next(iter(committees.values()))
    culture = committees.get("Ban Văn hóa - Xã hội") or economy
    legal = committees.get("Ban Pháp chế") or economy
    ethnic = committees.get("Ban Dân tộc") or economy
    delegation = bodies.filter(kind=BodyKind.NA_DELEGATION).first()
    groups = list(bodies.filter(kind=BodyKind.DELEGATE_GROUP).order_by("name")[:3])
    agency = {b.short_name: b for b in bodies.filter(kind=BodyKind.AGENCY)}
    agri = Body.objects.get(name=HT_AGRI)
    health = agency.get("Sở Y tế", agri)
    finance = agency.get("Sở Tài chính", agri)
    education = agency.get("Sở Giáo dục và Đào tạo", agri)
    construction = agency.get("Sở Xây dựng", agri)
    ubnd = bodies.filter(kind=BodyKind.PEOPLES_COMMITTEE).first() or agri
    communes = list(
        AdministrativeUnit.objects.filter(parent=province, level=UnitLevel.COMMUNE).order_by("code")[:6]
    )
    people = [
        m.person for m in Membership.objects.filter(body=council).select_related("person").order_by("id")[:8]
    ]

    def programme(body: Body | None, title: str = ""):
        if body is None:
            return None
        return services.programme_create(actor=actor, body=body, year=year, title=title)

    def activity(prog, topic, agencies, start, days, *, places=(), kind="thematic", content=""):
        if prog is None:
            return None
        return services.activity_create(
            actor=actor,
            programme=prog,
            kind=kind,
            topic=topic,
            content=content,
            agencies=list(agencies),
            places=list(places),
            planned_start=start,
            planned_end=start + datetime.timedelta(days=days),
        )

    # The council's yearly programme, compiled from proposals and adopted.
    main = programme(council, f"Chương trình giám sát năm {year} của HĐND tỉnh")
    for source, body, topic in (
        ("committee", economy, "Việc quản lý, sử dụng đất công tại cấp xã sau sắp xếp"),
        ("front", None, "Việc thực hiện chính sách bảo hiểm y tế cho người cao tuổi"),
        ("voters", None, "Tình trạng khai thác cát trái phép trên sông La"),
    ):
        services.proposal_create(
            actor=actor,
            province=province,
            year=year,
            source=source,
            source_body=body,
            received_on=D(year - 1, 2, 25),
            topic=topic,
            need="Cử tri nhiều lần phản ánh",
            content="Đánh giá thực trạng, nguyên nhân, trách nhiệm",
        )
    services.proposal_create(
        actor=actor,
        province=province,
        year=year + 1,
        source="delegate",
        proposer="Đại biểu HĐND tỉnh",
        received_on=D(year, 2, 20),
        topic="Chuyển đổi số trong giải quyết thủ tục hành chính cấp xã",
        need="Vận hành chính quyền hai cấp",
    )
    activity(
        main,
        "Giám sát kết quả thực hiện các nghị quyết của HĐND tỉnh về chính sách hỗ trợ sản xuất nông nghiệp",
        [agri, ubnd],
        D(year, 3, 2),
        25,
    )
    services.programme_transition(actor=actor, programme=main, action="compile")
    services.programme_transition(
        actor=actor,
        programme=main,
        action="adopt",
        resolution_number="45/NQ-HĐND",
        resolution_date=D(year - 1, 7, 12),
    )

    tt = programme(standing, f"Chương trình giám sát năm {year} của Thường trực HĐND tỉnh")
    kt = programme(economy, f"Chương trình giám sát năm {year} của {economy.short_name or economy.name}")
    vh = programme(culture, f"Chương trình giám sát năm {year} của {culture.short_name or culture.name}")
    pc = programme(legal, "")
    dt = programme(ethnic, "")
    na = programme(delegation, f"Chương trình giám sát năm {year} của Đoàn ĐBQH tỉnh")
    gp = [programme(g) for g in groups]

    # Planted overlaps. Easy: the same subject in nearly the same words.
    activity(
        vh, "Giám sát việc thực hiện chính sách bảo hiểm y tế cho người cao tuổi", [health], D(year, 4, 6), 18
    )
    activity(
        na,
        "Giám sát chính sách, pháp luật về bảo hiểm y tế đối với người cao tuổi",
        [health],
        D(year, 5, 4),
        10,
    )
    # Medium: a broad topic containing a narrower one at the same department.
    activity(
        tt,
        "Giám sát công tác quản lý nhà nước về đất đai",
        [agri, ubnd],
        D(year, 5, 4),
        25,
        content="Quy hoạch, kế hoạch sử dụng đất; giao đất, cho thuê đất",
    )
    activity(
        kt,
        "Giám sát việc cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân",
        [agri],
        D(year, 6, 8),
        12,
    )
    # Hard: a synonym ("đền bù" / "bồi thường") at the same commune, by a delegate group.
    place = communes[:1]
    activity(
        pc,
        "Giám sát việc bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
        [agri],
        D(year, 8, 3),
        20,
        places=place,
    )
    if gp and gp[0] is not None:
        activity(
            gp[0],
            "Giám sát công tác đền bù giải phóng mặt bằng dự án đường ven biển",
            [ubnd],
            D(year, 9, 7),
            10,
            places=place,
        )
    # Hard negatives: the same agency on another subject; the same subject far apart; two groups each in its area.
    activity(
        kt, "Khảo sát công tác thu gom, xử lý rác thải sinh hoạt", [agri], D(year, 5, 11), 10, kind="survey"
    )
    activity(
        vh, "Giám sát công tác khám chữa bệnh bảo hiểm y tế tại trạm y tế xã", [health], D(year, 10, 12), 12
    )
    for g, commune in zip(gp[1:], communes[1:3], strict=False):
        if g is not None:
            activity(
                g,
                "Giám sát việc duy trì các tiêu chí nông thôn mới",
                [],
                D(year, 6, 15),
                10,
                places=[commune],
            )
    activity(
        dt,
        "Giám sát việc thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số",
        [ubnd],
        D(year, 7, 6),
        15,
    )
    activity(
        vh, "Giám sát việc thực hiện Chương trình giáo dục phổ thông 2018", [education], D(year, 9, 14), 15
    )

    # A supervision carried out: team, documents, reports, recommendations in every state.
    done = activity(
        kt,
        "Giám sát việc quản lý, sử dụng vốn đầu tư công",
        [finance, construction],
        D(year, 3, 9),
        20,
        content="Phân bổ, giải ngân vốn đầu tư công; dự án chậm tiến độ",
    )
    services.team_save(
        actor=actor,
        activity=done,
        decision_number="12/QĐ-BKTNS",
        decision_date=D(year, 2, 10),
        bodies=[standing],
    )
    for person, role in zip(people, ("leader", "deputy", "member", "member", "secretary"), strict=False):
        services.member_add(
            actor=actor,
            activity=done,
            person=person,
            role=role,
            body=economy if role != "member" else standing,
        )
    for kind, day in (
        ("decision", D(year, 2, 10)),
        ("plan", D(year, 2, 12)),
        ("outline", D(year, 2, 12)),
        ("notice", D(year, 2, 25)),
    ):
        services.document_issue(actor=actor, activity=done, kind=kind, issued_on=day)
    services.agency_report_expect(actor=actor, activity=done, agency=finance, due_on=D(year, 3, 4))
    services.agency_report_expect(actor=actor, activity=done, agency=construction, due_on=D(year, 3, 4))
    services.agency_report_receive(actor=actor, activity=done, agency=finance, received_on=D(year, 3, 3))
    services.agency_report_receive(actor=actor, activity=done, agency=construction, received_on=D(year, 3, 6))
    services.activity_transition(actor=actor, activity=done, action="start")
    services.work_session_add(
        actor=actor,
        activity=done,
        held_on=D(year, 3, 12),
        place="Sở Tài chính",
        agency=finance,
        minutes="Làm việc về tình hình giải ngân",
    )
    services.work_session_add(
        actor=actor, activity=done, held_on=D(year, 3, 20), place="Dự án đường ven biển", site_visit=True
    )
    services.activity_transition(actor=actor, activity=done, action="report")
    services.document_issue(
        actor=actor,
        activity=done,
        kind="report",
        issued_on=D(year, 4, 10),
        text="Tỷ lệ giải ngân đạt thấp; nhiều dự án chậm giải phóng mặt bằng; công tác chuẩn bị đầu tư còn hạn chế.",
    )
    conclusions = services.document_issue(
        actor=actor,
        activity=done,
        kind="conclusions",
        issued_on=D(year, 4, 25),
        text="Đề nghị UBND tỉnh chỉ đạo đẩy nhanh giải ngân, xử lý dứt điểm các dự án chậm tiến độ.",
    )
    services.activity_transition(actor=actor, activity=done, action="follow_up")
    report = done.documents.get(kind="report")
    services.document_publish(actor=actor, document=report)
    services.document_publish(actor=actor, document=conclusions)
    coquan_agency = agri
    recs = [
        services.recommendation_create(
            actor=actor,
            activity=done,
            content="Đẩy nhanh giải ngân vốn đầu tư công các dự án trọng điểm",
            lead_agency=finance,
            coordinating=[construction],
            expected_result="Giải ngân trên 95%",
            due_on=D(year, 12, 31),
        ),
        services.recommendation_create(
            actor=actor,
            activity=done,
            content="Rà soát, điều chuyển vốn các dự án chậm tiến độ",
            lead_agency=finance,
            due_on=D(year, 6, 30),
        ),
        services.recommendation_create(
            actor=actor,
            activity=done,
            content="Hoàn thành bồi thường, giải phóng mặt bằng dự án đường ven biển",
            lead_agency=coquan_agency,
            coordinating=[ubnd],
            due_on=D(year, 8, 31),
        ),
        services.recommendation_create(
            actor=actor,
            activity=done,
            content="Báo cáo kết quả xử lý đất công dôi dư sau sắp xếp",
            lead_agency=coquan_agency,
            due_on=D(year + 1, 3, 31),
        ),
        services.recommendation_create(
            actor=actor,
            activity=done,
            content="Nâng cao chất lượng hồ sơ chuẩn bị đầu tư",
            lead_agency=construction,
            due_on=D(year, 9, 30),
        ),
    ]
    # closed: answered and accepted
    services.recommendation_answer(
        actor=actor, recommendation=recs[4], text="Đã ban hành hướng dẫn", proposed="done"
    )
    services.recommendation_decide(actor=actor, recommendation=recs[4], accept=True)
    # answered, awaiting the Office
    services.recommendation_answer(
        actor=actor, recommendation=recs[1], text="Đã điều chuyển 120 tỷ đồng", proposed="partly"
    )
    # overdue and escalated (reminder, formal urging)
    for level in ("reminder", "urging"):
        services.recommendation_escalate(
            actor=actor, recommendation=recs[2], level=level, note="Quá hạn chưa báo cáo"
        )
    return {
        "programmes": Programme.objects.filter(province=province, year=year).count(),
        "activities": sum(
            p.activities.count() for p in Programme.objects.filter(province=province, year=year)
        ),
        "recommendations": len(recs),
    }
