"""DOCX documents of the council (Decree 30 layout through core.documents): the resolution,
the session agenda, the confidence-vote minutes and the report on commitments.

Names in the signer blocks come from the directory: the chair of the council is whoever holds
"chu-tich" in its Standing Committee on the document's date (today's holder otherwise), the
minutes are signed by the head of the counting board the Office recorded; never a blank line.
Inside a sentence a unit keeps its lower-case word ("Hội đồng nhân dân tỉnh Hà Tĩnh"), and the
session is named by its number in the term ("khóa XIX, kỳ họp thứ ba").
"""

from __future__ import annotations

import datetime
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document, vn_long_date
from dancu.core.text import clean_text
from dancu.directory.models import Body, BodyKind, Membership, Person
from dancu.directory.selectors import current_holder

from . import rules
from .models import ConfidenceVote, Resolution, ResolutionKind, Session
from .rules import ConfidenceOutcome
from .ruleset import confidence_rules

NOBODY = "(Chưa có người giữ chức vụ trong danh bạ)"
NO_COUNTING_HEAD = "(Chưa ghi nhận Trưởng Ban kiểm phiếu)"
BLANK = "........"

# The words a unit's name starts with, lower-case inside a sentence ("tỉnh Hà Tĩnh").
UNIT_WORDS = ("Thành phố", "Thị xã", "Đặc khu", "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Thị trấn")
ORDINALS = {
    1: "nhất",
    2: "hai",
    3: "ba",
    4: "tư",
    5: "năm",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
}


def in_sentence(name: str) -> str:
    """ "Tỉnh Hà Tĩnh" -> "tỉnh Hà Tĩnh": a unit's word is lower-case inside a sentence or a title."""
    for word in UNIT_WORDS:
        if name.startswith(f"{word} "):
            return word.lower() + name[len(word) :]
    return name


def unit_word(name: str) -> str:
    """ "Tỉnh Hà Tĩnh" -> "tỉnh" (as in "Ủy ban nhân dân tỉnh")."""
    return next((w.lower() for w in UNIT_WORDS if name.startswith(f"{w} ")), "")


def ordinal(number: int) -> str:
    """ "ba" for 3, "mười" for 10, the figure from 11 ("kỳ họp thứ 11")."""
    return ORDINALS.get(number, str(number))


def session_words(session: Session) -> str:
    """ "kỳ họp thứ ba"."""
    return f"kỳ họp thứ {ordinal(session.number)}"


def term_words(session: Session) -> str:
    """ "khóa XIX"."""
    name = session.term.name.strip()
    return f"{name[:1].lower()}{name[1:]}"


def _unit(session: Session):
    return session.body.unit if session.body.unit_id else session.province


def _place(session: Session) -> str:
    unit = session.province
    return unit.short_name or unit.name


def council_words(session: Session) -> str:
    """ "Hội đồng nhân dân tỉnh Hà Tĩnh"."""
    return f"Hội đồng nhân dân {in_sentence(_unit(session).name)}"


def _council_header(session: Session) -> tuple[str, str]:
    return "HỘI ĐỒNG NHÂN DÂN", _unit(session).name.upper()


def _short(session: Session) -> str:
    """The level word for short names: "HĐND tỉnh", "UBND tỉnh"."""
    return unit_word(_unit(session).name) or "tỉnh"


# -- signers -------------------------------------------------------------------------------------


def _standing(session: Session) -> Body | None:
    return Body.objects.filter(parent_id=session.body_id, kind=BodyKind.STANDING_COMMITTEE).first()


def _holder_on(body: Body, post_code: str, term_id: int, day: datetime.date) -> Person | None:
    membership = (
        Membership.objects.filter(body=body, post__code=post_code, term_id=term_id)
        .exclude(start_date__gt=day)
        .exclude(end_date__lt=day)
        .select_related("person")
        .order_by("start_date")
        .first()
    )
    return membership.person if membership else None


def council_chair(session: Session, day: datetime.date | None = None) -> tuple[str, str]:
    """(position, name) of who signs for the council: the chair holding the post on `day` (in
    the session's term), today's chair when none is recorded for that day, else a vice-chair
    ("KT. CHỦ TỊCH"); the name is never blank."""
    day = day or session.start_date
    standing = _standing(session)
    if standing is not None:
        chair = _holder_on(standing, "chu-tich", session.term_id, day) or current_holder(standing, "chu-tich")
        if chair is not None:
            return "CHỦ TỊCH", chair.full_name
        vice = _holder_on(standing, "pho-chu-tich", session.term_id, day) or current_holder(
            standing, "pho-chu-tich"
        )
        if vice is not None:
            return "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", vice.full_name
    return "CHỦ TỊCH", NOBODY


def _council_signer(session: Session, authority: str, day: datetime.date | None = None) -> Signer:
    position, name = council_chair(session, day)
    return Signer(position=position, name=name, authority=authority)


# -- the resolution ------------------------------------------------------------------------------


def resolution_summary(title: str) -> str:
    """The line under "NGHỊ QUYẾT": the title without "Dự thảo" and "Nghị quyết"
    ("Nghị quyết về kế hoạch đầu tư công" -> "Về kế hoạch đầu tư công")."""
    text = rules.adopted_title(title)
    if text.lower().startswith("nghị quyết "):
        text = text[len("nghị quyết ") :].strip()
    return f"{text[:1].upper()}{text[1:]}"


def _articles(resolution: Resolution) -> list[str]:
    """The articles as entered ("Điều k." added where a line lacks it); when none were entered,
    article 1 points to the adopted draft, never repeats the title."""
    lines = [line.strip() for line in resolution.articles.splitlines() if line.strip()]
    if not lines:
        return [
            "Điều 1. Quyết nghị nội dung theo dự thảo đã được Hội đồng nhân dân thông qua tại kỳ họp (kèm theo Nghị quyết này)."
        ]
    result, k = [], 0
    for line in lines:
        if line.lower().startswith("điều "):
            k += 1
            result.append(line)
        elif line[:1].isdigit() or line[:1] in "-+•" or line[:2].lower() in {"a)", "b)", "c)", "d)", "đ)"}:
            result.append(line)  # a clause or point of the article above
        else:
            k += 1
            result.append(f"Điều {k}. {line}")
    return result


def resolution_docx(resolution: Resolution) -> bytes:
    session = resolution.session
    parent, issuer = _council_header(session)
    level = _short(session)
    council = council_words(session)
    heading = [council.upper(), f"{term_words(session).upper()}, {session_words(session).upper()}"]
    body: list = list(heading)
    grounds = [line.strip() for line in resolution.content.splitlines() if line.strip()]
    body += grounds
    submission = resolution.submission
    if submission is not None:
        considered = f"Xét Tờ trình của {submission.submitter.name}"
        if submission.reviewing_committee is not None:
            considered += f"; Báo cáo thẩm tra của {submission.reviewing_committee.name}"
        body.append(f"{considered}; ý kiến thảo luận của đại biểu Hội đồng nhân dân tại kỳ họp.")
    body.append("QUYẾT NGHỊ:")
    articles = _articles(resolution)
    body += articles
    n = sum(1 for line in articles if line.startswith("Điều "))
    agency = resolution.implementing_agency
    doer = agency.name if agency is not None else f"Ủy ban nhân dân {level}"
    body.append(
        f"Điều {n + 1}. Giao {doer} tổ chức thực hiện Nghị quyết này. Thường trực Hội đồng nhân dân, "
        f"các Ban, các Tổ đại biểu và đại biểu Hội đồng nhân dân {level} giám sát việc thực hiện Nghị quyết."
    )
    effective = resolution.effective_from or resolution.adopted_on
    body.append(f"Điều {n + 2}. Nghị quyết này có hiệu lực từ {vn_long_date(effective)}.")
    body.append(
        f"Nghị quyết này đã được {council} {term_words(session)}, {session_words(session)} "
        f"thông qua {vn_long_date(resolution.adopted_on)}."
    )
    recipients = []
    if resolution.kind == ResolutionKind.NORMATIVE:
        recipients += ["Ủy ban Thường vụ Quốc hội", "Chính phủ", "Bộ Tư pháp"]
    recipients += [f"Thường trực HĐND {level}", f"UBND {level}"]
    if agency is not None and agency.kind != BodyKind.PEOPLES_COMMITTEE:
        recipients.append(agency.name)
    recipients.append(f"Các đại biểu HĐND {level}")
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol=resolution.symbol,
        number=resolution.number,
        place=_place(session),
        date=resolution.adopted_on,
        doc_type="NGHỊ QUYẾT",
        summary=resolution_summary(resolution.title),
        body=body,
        signer=_council_signer(session, "TM. HỘI ĐỒNG NHÂN DÂN", resolution.adopted_on),
        recipients=recipients,
    )
    return centred(build_document(spec), [*heading, "QUYẾT NGHỊ:"])


def centred(data: bytes, lines: list[str]) -> bytes:
    """The document with the body paragraphs reading exactly `lines` centred in bold, without
    the first-line indent (a resolution's "HỘI ĐỒNG NHÂN DÂN ...", "QUYẾT NGHỊ:")."""
    wanted = {clean_text(line).strip() for line in lines}
    doc = Document(io.BytesIO(data))
    for para in doc.paragraphs:
        if para.text.strip() in wanted:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.first_line_indent = None
            for run in para.runs:
                run.bold = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# -- the agenda ----------------------------------------------------------------------------------


def agenda_docx(session: Session) -> bytes:
    parent, issuer = _council_header(session)
    level = _short(session)
    rows = [["Ngày", "Thời gian", "Nội dung", "Trình bày"]]
    for item in session.agenda_items.all():
        rows.append([item.day.strftime("%d/%m/%Y"), item.time, item.title, item.presenter])
    body: list = [
        f"Thời gian: từ ngày {session.start_date:%d/%m/%Y} đến ngày {session.end_date:%d/%m/%Y}.",
        f"Địa điểm: {session.venue}." if session.venue else "Địa điểm: ........",
    ]
    body.append(Table(rows) if len(rows) > 1 else "Chương trình chi tiết sẽ được gửi sau.")
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol="CTr-HĐND",
        place=_place(session),
        date=None,
        doc_type="CHƯƠNG TRÌNH",
        summary=f"{session.title} - {session.term.name}",
        body=body,
        signer=_council_signer(session, "TM. THƯỜNG TRỰC HĐND"),
        recipients=[f"Các đại biểu HĐND {level}", f"UBND {level}"],
    )
    return build_document(spec)


# -- the confidence-vote minutes -----------------------------------------------------------------


def _fraction(threshold: rules.Threshold) -> str:
    return f"{'quá' if threshold.strict else 'từ'} {threshold.numerator}/{threshold.denominator}"


def confidence_result(outcome: str, low_pct, resign: rules.Threshold, dismiss: rules.Threshold) -> str:
    """The result of one person as the law reads it: the share rating them low, and whether it
    is more than half (may resign) or two thirds and more (dismissal proposed)."""
    share = f"Tín nhiệm thấp {low_pct}%".replace(".", ",")
    if outcome == ConfidenceOutcome.DISMISSAL:
        return f"{share}: {_fraction(dismiss)} trở lên, đề nghị miễn nhiệm"
    if outcome == ConfidenceOutcome.MAY_RESIGN:
        return f"{share}: {_fraction(resign)}, có thể xin từ chức"
    return f"{share}: không {_fraction(resign)}"


def _count(value: int | None) -> str:
    return BLANK if value is None else str(value)


def confidence_minutes_docx(vote: ConfidenceVote) -> bytes:
    session = vote.session
    level = _short(session)
    denominator = vote.denominator
    resign, dismiss = confidence_rules(vote.held_on)
    rows = [["TT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "Kết quả"]]
    exempt: list = []
    rated = 0
    for s in vote.subjects.select_related("person"):
        if s.exempt:
            exempt.append(f"{s.person.full_name} ({s.post}): {s.exemption_reason}")
            continue
        rated += 1
        cells = [str(rated), s.person.full_name, s.post]
        for n in (s.high, s.medium, s.low):
            cells.append("" if n is None else f"{n} ({rules.percent(n, denominator)}%)".replace(".", ","))
        if s.low is None:
            cells.append("Chưa kiểm phiếu")
        else:
            cells.append(confidence_result(s.outcome, rules.percent(s.low, denominator), resign, dismiss))
        rows.append(cells)
    base = (
        f"số phiếu thu vào ({denominator})"
        if vote.denominator_kind == ConfidenceVote.Denominator.BALLOTS and vote.ballots_cast
        else f"tổng số đại biểu Hội đồng nhân dân ({denominator})"
    )
    body: list = [
        f"Hôm nay, {vn_long_date(vote.held_on)}, tại {session_words(session)} {council_words(session)} "
        f"{term_words(session)}, Ban kiểm phiếu tiến hành kiểm phiếu lấy phiếu tín nhiệm đối với người "
        f"giữ chức vụ do Hội đồng nhân dân bầu. Kết quả như sau:",
        f"Tổng số đại biểu Hội đồng nhân dân: {session.delegates_total};",
        f"Số phiếu phát ra: {_count(vote.ballots_issued)};",
        f"Số phiếu thu vào: {_count(vote.ballots_cast)};",
        f"Tỷ lệ phần trăm tính trên {base}.",
        # The names and the result need the room; the three figures are short (165 mm in all).
        Table(rows, widths=[9, 32, 30, 19, 19, 19, 37]),
    ]
    if exempt:
        body.append(Section("Người không lấy phiếu tín nhiệm:", exempt))
    head = vote.counting_head
    spec = DocumentSpec(
        issuer_parent=f"HĐND {_unit(session).name.upper()}",
        issuer="BAN KIỂM PHIẾU",
        symbol="BB-BKP",
        place=_place(session),
        date=vote.held_on,
        doc_type="BIÊN BẢN",
        summary="Kết quả kiểm phiếu lấy phiếu tín nhiệm",
        body=body,
        signer=Signer(
            position="TRƯỞNG BAN",
            name=head.full_name if head is not None else NO_COUNTING_HEAD,
            authority="TM. BAN KIỂM PHIẾU",
        ),
        recipients=[f"Thường trực HĐND {level}", "Chủ tọa kỳ họp", f"Các đại biểu HĐND {level}"],
    )
    return build_document(spec)


# -- the report on commitments -------------------------------------------------------------------


def commitments_docx(session: Session, report: dict) -> bytes:
    level = _short(session)
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
    body: list = [f"Hạn gửi báo cáo: {report['report_by']:%d/%m/%Y}."]
    body.append(Table(rows) if len(rows) > 1 else "Không có lời hứa nào đến hạn báo cáo.")
    spec = DocumentSpec(
        issuer_parent=f"HĐND {_unit(session).name.upper()}",
        issuer="THƯỜNG TRỰC",
        symbol="BC-HĐND",
        place=_place(session),
        date=None,
        doc_type="BÁO CÁO",
        summary=(
            f"Kết quả thực hiện lời hứa tại phiên chất vấn, trình {session_words(session)} "
            f"Hội đồng nhân dân {level} {term_words(session)}"
        ),
        body=body,
        signer=_council_signer(session, "TM. THƯỜNG TRỰC HĐND", report["report_by"]),
        recipients=[f"Các đại biểu HĐND {level}", f"UBND {level}"],
    )
    return build_document(spec)


def today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()
