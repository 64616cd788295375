"""DOCX documents of the council (Decree 30 layout through core.documents): the resolution,
the session agenda, the confidence-vote minutes and the report on commitments."""

from __future__ import annotations

import datetime

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document, vn_long_date

from . import rules
from .models import ConfidenceVote, Resolution, Session
from .rules import ConfidenceOutcome

OUTCOME_TEXT = {
    ConfidenceOutcome.NONE: "",
    ConfidenceOutcome.MAY_RESIGN: "Quá 1/2 tín nhiệm thấp: có thể xin từ chức hoặc bỏ phiếu tín nhiệm",
    ConfidenceOutcome.DISMISSAL: "Từ 2/3 tín nhiệm thấp: đề nghị miễn nhiệm",
}


def _place(session: Session) -> str:
    unit = session.province
    return unit.short_name or unit.name


def _council_header(session: Session) -> tuple[str, str]:
    return "HỘI ĐỒNG NHÂN DÂN", (session.province.name or "").upper()


def _chair_name(session: Session) -> str:
    """The council chair of the session's term (held in the Standing Committee), if recorded."""
    from dancu.directory.models import BodyKind, Membership

    membership = (
        Membership.objects.filter(
            body__kind=BodyKind.STANDING_COMMITTEE,
            body__parent=session.body,
            term=session.term,
            post__code="chu-tich",
        )
        .select_related("person")
        .first()
    )
    return membership.person.full_name if membership else ""


def resolution_docx(resolution: Resolution) -> bytes:
    session = resolution.session
    parent, issuer = _council_header(session)
    vote = resolution.vote
    body: list = [
        f"HỘI ĐỒNG NHÂN DÂN {session.province.name.upper()}",
        f"{session.term.name.upper()}, {session.title.upper()}",
    ]
    if resolution.content:
        body += [p for p in resolution.content.splitlines() if p.strip()]
    body.append("QUYẾT NGHỊ:")
    body.append(f"Điều 1. {resolution.title}.")
    if resolution.implementing_agency:
        body.append(f"Điều 2. Giao {resolution.implementing_agency.name} tổ chức thực hiện Nghị quyết này.")
    if vote is not None:
        body.append(
            f"Nghị quyết này đã được Hội đồng nhân dân {session.province.name} {session.term.name}, "
            f"{session.title} thông qua {vn_long_date(resolution.adopted_on)} "
            f"với {vote.yes}/{vote.total_delegates} đại biểu tán thành."
        )
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol=resolution.symbol,
        number=resolution.number,
        place=_place(session),
        date=resolution.adopted_on,
        doc_type="NGHỊ QUYẾT",
        summary=resolution.title,
        body=body,
        signer=Signer(position="CHỦ TỊCH", name=_chair_name(session), authority="TM. HỘI ĐỒNG NHÂN DÂN"),
        recipients=["Thường trực HĐND tỉnh", "UBND tỉnh", "Các đại biểu HĐND tỉnh"],
    )
    return build_document(spec)


def agenda_docx(session: Session) -> bytes:
    parent, issuer = _council_header(session)
    rows = [["Ngày", "Thời gian", "Nội dung", "Trình bày"]]
    for item in session.agenda_items.all():
        rows.append([item.day.strftime("%d/%m/%Y"), item.time, item.title, item.presenter])
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol="CTr-HĐND",
        place=_place(session),
        date=None,
        doc_type="CHƯƠNG TRÌNH",
        summary=f"{session.title} - {session.term.name}",
        body=[
            f"Thời gian: từ ngày {session.start_date:%d/%m/%Y} đến ngày {session.end_date:%d/%m/%Y}.",
            f"Địa điểm: {session.venue}.",
            Table(rows),
        ],
        signer=Signer(position="CHỦ TỊCH", name=_chair_name(session), authority="TM. THƯỜNG TRỰC HĐND"),
        recipients=["Các đại biểu HĐND tỉnh"],
    )
    return build_document(spec)


def confidence_minutes_docx(vote: ConfidenceVote) -> bytes:
    session = vote.session
    parent, issuer = _council_header(session)
    denominator = vote.denominator
    rows = [["TT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "Kết quả"]]
    exempt: list = []
    for i, s in enumerate(vote.subjects.select_related("person"), start=1):
        if s.exempt:
            exempt.append(f"{s.person.full_name} ({s.post}): {s.exemption_reason}")
            continue
        cells = [str(i), s.person.full_name, s.post]
        for n in (s.high, s.medium, s.low):
            cells.append("" if n is None else f"{n} ({rules.percent(n, denominator)}%)".replace(".", ","))
        cells.append(OUTCOME_TEXT.get(s.outcome, ""))
        rows.append(cells)
    body: list = [
        f"Hôm nay, {vn_long_date(vote.held_on)}, tại {session.title}, Ban kiểm phiếu lập biên bản "
        f"kết quả lấy phiếu tín nhiệm như sau:",
        f"Tổng số đại biểu: {session.delegates_total}; số phiếu phát ra và thu vào: {vote.ballots_cast or ''}; "
        f"tỷ lệ phần trăm tính trên: {vote.get_denominator_kind_display()} ({denominator}).",
        Table(rows),
    ]
    if exempt:
        body.append(Section("Người không lấy phiếu tín nhiệm:", exempt))
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol="BB-HĐND",
        place=_place(session),
        date=vote.held_on,
        doc_type="BIÊN BẢN",
        summary="Kết quả lấy phiếu tín nhiệm",
        body=body,
        signer=Signer(position="TRƯỞNG BAN KIỂM PHIẾU", name=""),
        recipients=["Thường trực HĐND tỉnh"],
    )
    return build_document(spec)


def commitments_docx(session: Session, report: dict) -> bytes:
    parent, _issuer = _council_header(session)
    rows = [["TT", "Nội dung hứa", "Cơ quan", "Hạn", "Tình trạng", "Kết quả"]]
    for i, c in enumerate(report["items"], start=1):
        rows.append(
            [
                str(i),
                c.content,
                c.question.addressee_body.name,
                c.due_date.strftime("%d/%m/%Y"),
                c.get_status_display(),
                c.follow_up,
            ]
        )
    spec = DocumentSpec(
        issuer_parent=parent + " " + session.province.name.upper(),
        issuer="THƯỜNG TRỰC",
        symbol="BC-HĐND",
        place=_place(session),
        date=None,
        doc_type="BÁO CÁO",
        summary=f"Kết quả thực hiện lời hứa tại phiên chất vấn, trình {session.title}",
        body=[f"Hạn gửi báo cáo: {report['report_by']:%d/%m/%Y}.", Table(rows)],
        signer=Signer(position="CHỦ TỊCH", name="", authority="TM. THƯỜNG TRỰC HĐND"),
        recipients=["Các đại biểu HĐND tỉnh"],
    )
    return build_document(spec)


def today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()
