"""DOCX documents of a supervision (Decree 30 layout through core.documents): the decision
establishing the team, the plan, the outline of the agencies' report, the notice of the
programme, the results report and the conclusions.

Each document carries its number in the yearly series of its kind when it has been issued
(services.document_issue), a blank number to fill in otherwise. Names come from the team; the
content from the activity (the document text is Vietnamese: it is the Office's output).
"""

from __future__ import annotations

import re
from typing import Any

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document, vn_long_date
from dancu.directory.models import BodyKind

from .models import Activity, ActivityKind, DocumentKind, MemberRole

BLANK = "(Chưa phân công)"
KIND_WORDS: dict[str, str] = {
    ActivityKind.THEMATIC: "giám sát chuyên đề",
    ActivityKind.SURVEY: "khảo sát",
    ActivityKind.HEARING: "phiên giải trình",
    ActivityKind.QUESTIONING: "chất vấn",
    ActivityKind.RESUPERVISION: "tái giám sát",
}
HEAD: dict[str, str] = {
    BodyKind.PEOPLES_COUNCIL: "CHỦ TỊCH",
    BodyKind.STANDING_COMMITTEE: "CHỦ TỊCH",
    BodyKind.COMMITTEE: "TRƯỞNG BAN",
    BodyKind.DELEGATE_GROUP: "TỔ TRƯỞNG",
    BodyKind.NA_DELEGATION: "TRƯỞNG ĐOÀN",
}


def _province_words(activity: Activity) -> tuple[str, str]:
    """("TỈNH HÀ TĨNH", "Hà Tĩnh")."""
    province = activity.province
    short = province.short_name or province.name.replace("Tỉnh ", "").replace("Thành phố ", "")
    return province.name.upper(), short


def _issuer(activity: Activity) -> tuple[str, str, str, str]:
    """(parent line, issuer line, symbol of the body, authority of its signer)."""
    body = activity.programme.body
    upper_province, _short = _province_words(activity)
    council = f"HĐND {upper_province}"
    if body.kind == BodyKind.NA_DELEGATION:
        return "QUỐC HỘI", f"ĐOÀN ĐBQH {upper_province}", "ĐĐBQH", "TM. ĐOÀN ĐBQH"
    if body.kind == BodyKind.COMMITTEE:
        name = (body.short_name or body.name).split(" HĐND")[0]
        initials = "B" + "".join(
            w[0] for w in name.replace("Ban ", "").replace("-", " ").split() if w[:1].isalpha()
        )
        return council, name.upper(), initials.upper(), f"TM. {name.upper()}"
    if body.kind == BodyKind.DELEGATE_GROUP:
        return council, (body.short_name or body.name).upper(), "TĐB", "TM. TỔ ĐẠI BIỂU"
    return council, "THƯỜNG TRỰC", "HĐND", "TM. THƯỜNG TRỰC HĐND"


def _people(activity: Activity) -> dict[str, Any]:
    team = getattr(activity, "team", None) if hasattr(activity, "team") else None
    members = list(team.members.select_related("person", "body")) if team else []
    leader = next((m for m in members if m.role == MemberRole.LEADER), None)
    return {"team": team, "members": members, "leader": leader.person.full_name if leader else BLANK}


def _role_word(role: str) -> str:
    return {
        "leader": "Trưởng đoàn",
        "deputy": "Phó Trưởng đoàn",
        "secretary": "Thư ký",
        "member": "Thành viên",
    }.get(role, "")


# The kind of the activity is said before its subject ("Đoàn giám sát chuyên đề …"): a topic
# written as "Giám sát việc quản lý …" would read "giám sát chuyên đề giám sát việc quản lý".
_LEADING_VERB = re.compile(
    r"^\s*(?:tái giám sát|giám sát|khảo sát|phiên giải trình|giải trình|chất vấn)(?:\s+chuyên đề)?(?:\s+về)?\s+",
    re.IGNORECASE,
)


def subject_of(topic: str) -> str:
    """The activity's subject without the verb of its kind, first letter capitalised."""
    rest = _LEADING_VERB.sub("", topic or "", count=1).strip() or (topic or "").strip()
    return rest[:1].upper() + rest[1:]


def build(activity: Activity, kind: str) -> bytes:
    doc = activity.documents.filter(kind=kind).first()
    draft = doc is not None and not doc.final
    # A draft (results report, conclusions) has no number or date yet: the clerk fills them in
    # when the final version is signed; it is marked "DỰ THẢO" above its text.
    number = doc.number if doc and not draft else None
    date = doc.issued_on if doc and not draft else None
    parent, issuer, symbol, authority = _issuer(activity)
    _upper, place = _province_words(activity)
    people = _people(activity)
    topic = subject_of(activity.topic)
    agencies = [b.name for b in activity.agencies.all()]
    what = KIND_WORDS.get(activity.kind, "giám sát")
    period = f"từ {vn_long_date(activity.planned_start)} đến {vn_long_date(activity.planned_end)}"
    recipients = ["Thường trực HĐND tỉnh", *agencies, "Thành viên Đoàn giám sát"]
    team_issuer = (f"{parent}" if issuer == "THƯỜNG TRỰC" else issuer, "ĐOÀN GIÁM SÁT")
    leader_signer = Signer("TRƯỞNG ĐOÀN", people["leader"])
    members = people["members"]
    rows = [["TT", "Họ và tên", "Cơ quan", "Nhiệm vụ"]] + [
        [str(n), m.person.full_name, m.body.name if m.body else "", _role_word(m.role)]
        for n, m in enumerate(members, 1)
    ]
    if len(rows) == 1:
        rows.append(["1", BLANK, "", ""])
    body: list[Any]
    if kind == DocumentKind.DECISION:
        team = people["team"]
        body = [
            "Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 121/2025/QH15;",
            f"Căn cứ Chương trình giám sát năm {activity.programme.year} ({activity.programme.title});",
            "Theo đề nghị của Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh.",
            "QUYẾT ĐỊNH:",
            f"Điều 1. Thành lập Đoàn {what} “{topic}”, gồm các thành viên sau:",
            Table(rows),
            f"Điều 2. Đoàn giám sát có nhiệm vụ xây dựng kế hoạch, đề cương báo cáo gửi các cơ quan chịu giám sát; "
            f"tổ chức làm việc, khảo sát thực tế {period}; báo cáo kết quả theo quy định."
            + (
                " Đoàn giám sát là đoàn liên ngành do điều hòa chương trình giám sát."
                if team and team.joint
                else ""
            ),
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các thành viên Đoàn giám sát, các cơ quan có liên quan "
            "chịu trách nhiệm thi hành Quyết định này.",
        ]
        spec = DocumentSpec(
            issuer_parent=parent,
            issuer=issuer,
            symbol=f"QĐ-{symbol}",
            place=place,
            date=date,
            doc_type="QUYẾT ĐỊNH",
            summary=f"Thành lập Đoàn {what} {topic[:1].lower()}{topic[1:]}",
            body=body,
            signer=Signer(HEAD.get(activity.programme.body.kind, "TRƯỞNG ĐOÀN"), people["leader"], authority),
            recipients=["Như Điều 3", "Thường trực HĐND tỉnh"],
            number=number,
        )
        return build_document(spec)
    if kind == DocumentKind.PLAN:
        body = [
            Section(
                "I. MỤC ĐÍCH, YÊU CẦU",
                [
                    f"Đánh giá kết quả thực hiện, chỉ ra tồn tại, hạn chế, nguyên nhân và trách nhiệm về {topic[:1].lower()}{topic[1:]}; "
                    "kiến nghị giải pháp khắc phục.",
                ],
            ),
            Section("II. NỘI DUNG, PHẠM VI", [activity.content or topic]),
            Section("III. ĐỐI TƯỢNG CHỊU GIÁM SÁT", ["; ".join(agencies) or BLANK]),
            Section(
                "IV. THỜI GIAN, PHƯƠNG THỨC",
                [
                    f"Đoàn làm việc trực tiếp và khảo sát thực tế {period}.",
                    *[f"- Ngày {s.held_on:%d/%m/%Y}: {s.place}" for s in activity.sessions.all()],
                ],
            ),
            Section("V. THÀNH PHẦN ĐOÀN GIÁM SÁT", [Table(rows)]),
        ]
        spec = DocumentSpec(
            issuer_parent=team_issuer[0],
            issuer=team_issuer[1],
            symbol="KH-ĐGS",
            place=place,
            date=date,
            doc_type="KẾ HOẠCH",
            summary=f"{what.capitalize()} {topic[:1].lower()}{topic[1:]}",
            body=body,
            signer=leader_signer,
            recipients=recipients,
            number=number,
        )
        return build_document(spec)
    if kind == DocumentKind.OUTLINE:
        due = [
            [r.agency.name, f"{r.due_on:%d/%m/%Y}"] for r in activity.agency_reports.select_related("agency")
        ]
        body = [
            Section(
                "I. TÌNH HÌNH CHUNG", ["Đặc điểm, tình hình; công tác lãnh đạo, chỉ đạo, ban hành văn bản."]
            ),
            Section("II. KẾT QUẢ THỰC HIỆN", [activity.content or topic]),
            Section(
                "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                ["Tồn tại, hạn chế; nguyên nhân chủ quan, khách quan; trách nhiệm."],
            ),
            Section(
                "IV. KIẾN NGHỊ, ĐỀ XUẤT", ["Giải pháp trong thời gian tới; kiến nghị với cấp có thẩm quyền."]
            ),
            Section(
                "V. THỜI HẠN GỬI BÁO CÁO",
                [
                    Table([["Cơ quan", "Hạn gửi báo cáo"], *due])
                    if due
                    else "Theo thông báo của Đoàn giám sát."
                ],
            ),
        ]
        spec = DocumentSpec(
            issuer_parent=team_issuer[0],
            issuer=team_issuer[1],
            symbol="ĐC-ĐGS",
            place=place,
            date=date,
            doc_type="ĐỀ CƯƠNG",
            summary=f"Báo cáo phục vụ {what} {topic[:1].lower()}{topic[1:]}",
            body=body,
            signer=leader_signer,
            recipients=recipients,
            number=number,
        )
        return build_document(spec)
    if kind == DocumentKind.NOTICE:
        body = [
            f"Đoàn giám sát thông báo chương trình làm việc về {topic[:1].lower()}{topic[1:]}:",
            Table(
                [
                    ["Ngày", "Nội dung, địa điểm"],
                    *[[f"{s.held_on:%d/%m/%Y}", s.place] for s in activity.sessions.all()],
                ]
            )
            if activity.sessions.exists()
            else f"Thời gian: {period}.",
            "Đề nghị các cơ quan chuẩn bị báo cáo theo đề cương và bố trí thành phần làm việc.",
        ]
        spec = DocumentSpec(
            issuer_parent=team_issuer[0],
            issuer=team_issuer[1],
            symbol="TB-ĐGS",
            place=place,
            date=date,
            doc_type="THÔNG BÁO",
            summary="Chương trình làm việc của Đoàn giám sát",
            body=body,
            signer=leader_signer,
            recipients=recipients,
            number=number,
        )
        return build_document(spec)
    if kind == DocumentKind.REPORT:
        reports = list(activity.agency_reports.select_related("agency"))
        recs = list(activity.recommendations.select_related("lead_agency"))
        body = [
            *(["DỰ THẢO"] if draft else []),
            Section(
                "I. KHÁI QUÁT HOẠT ĐỘNG CỦA ĐOÀN",
                [
                    f"Đoàn đã làm việc với {len(agencies)} cơ quan, {activity.sessions.count()} buổi làm việc, khảo sát thực tế.",
                    Table(
                        [
                            ["Cơ quan", "Hạn", "Ngày nhận", "Đúng hạn"],
                            *[
                                [
                                    r.agency.name,
                                    f"{r.due_on:%d/%m/%Y}",
                                    f"{r.received_on:%d/%m/%Y}" if r.received_on else "Chưa nhận",
                                    "Đúng hạn" if r.on_time else ("Chậm" if r.on_time is False else ""),
                                ]
                                for r in reports
                            ],
                        ]
                    )
                    if reports
                    else "Các cơ quan đã gửi báo cáo theo đề cương.",
                ],
            ),
            Section("II. KẾT QUẢ GIÁM SÁT", [(doc.text if doc and doc.text else activity.content) or topic]),
            Section(
                "III. KIẾN NGHỊ",
                [
                    Table(
                        [
                            ["TT", "Kiến nghị", "Cơ quan chủ trì", "Thời hạn"],
                            *[
                                [str(n), r.content, r.lead_agency.name, f"{r.due_on:%d/%m/%Y}"]
                                for n, r in enumerate(recs, 1)
                            ],
                        ]
                    )
                    if recs
                    else "Đoàn giám sát sẽ tổng hợp kiến nghị sau khi hoàn thiện báo cáo.",
                ],
            ),
        ]
        spec = DocumentSpec(
            issuer_parent=team_issuer[0],
            issuer=team_issuer[1],
            symbol="BC-ĐGS",
            place=place,
            date=date,
            doc_type="BÁO CÁO",
            summary=f"Kết quả {what} {topic[:1].lower()}{topic[1:]}",
            body=body,
            signer=leader_signer,
            recipients=recipients,
            number=number,
        )
        return build_document(spec)
    # conclusions: the notice of conclusions of the body that supervised
    recs = list(activity.recommendations.select_related("lead_agency"))
    body = [
        *(["DỰ THẢO"] if draft else []),
        f"Trên cơ sở báo cáo kết quả của Đoàn giám sát về {topic[:1].lower()}{topic[1:]}, kết luận như sau:",
        Section(
            "1. Kết quả đạt được và tồn tại, hạn chế",
            [(doc.text if doc and doc.text else activity.content) or topic],
        ),
        Section(
            "2. Yêu cầu, kiến nghị",
            [
                f"- {r.lead_agency.name} chủ trì: {r.content} (hoàn thành trước ngày {r.due_on:%d/%m/%Y})."
                for r in recs
            ]
            or ["Các cơ quan chịu giám sát thực hiện theo báo cáo của Đoàn giám sát."],
        ),
        "Các cơ quan báo cáo kết quả thực hiện bằng văn bản trên hệ thống theo dõi kiến nghị sau giám sát.",
    ]
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol=f"TB-{symbol}",
        place=place,
        date=date,
        doc_type="THÔNG BÁO",
        summary=f"Kết luận {what} {topic[:1].lower()}{topic[1:]}",
        body=body,
        signer=Signer(HEAD.get(activity.programme.body.kind, "TRƯỞNG ĐOÀN"), people["leader"], authority),
        recipients=recipients,
        number=number,
    )
    return build_document(spec)
