"""The synthesis report "Báo cáo tổng hợp ý kiến góp ý dự án Luật ..." (Decree 30 layout through
dancu.core.documents) and its Excel version.

The report is issued by the province's National Assembly delegation, signed by its head (the
holder of "truong-doan", else the full-time deputy head, in the directory; never a blank line),
and sent to the vetting committee and the offices of the National Assembly Standing Committee.
Its appendix is the table the Office used to type by hand: Điều/khoản | ý kiến | cơ quan, số
lượng | đề xuất của Đoàn.
"""

from __future__ import annotations

import datetime

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document, vn_long_date
from dancu.core.excel import export_rows
from dancu.directory.models import Body, BodyKind
from dancu.directory.selectors import current_holder

from . import selectors
from .models import Draft
from .synthesis import path_label

NOBODY = "(Chưa có người giữ chức vụ trong danh bạ)"
DEFAULT_RECIPIENTS = ["Ủy ban Thường vụ Quốc hội", "Văn phòng Quốc hội", "Ban Công tác đại biểu"]


def _province_name(draft: Draft) -> str:
    name = draft.province.name
    for word in ("Tỉnh ", "Thành phố "):
        if name.startswith(word):
            return word.lower() + name[len(word) :]
    return name


def _place(draft: Draft) -> str:
    name = draft.province.name
    for word in ("Tỉnh ", "Thành phố "):
        if name.startswith(word):
            return name[len(word) :]
    return name


def _delegation(draft: Draft) -> Body | None:
    return (
        Body.objects.filter(province_id=draft.province_id, kind=BodyKind.NA_DELEGATION).order_by("pk").first()
    )


def _signer(draft: Draft) -> Signer:
    delegation = _delegation(draft)
    if delegation is not None:
        for code, position, authority in (
            ("truong-doan", "TRƯỞNG ĐOÀN", ""),
            ("pho-truong-doan", "PHÓ TRƯỞNG ĐOÀN", "KT. TRƯỞNG ĐOÀN"),
        ):
            person = current_holder(delegation, code)
            if person is not None:
                return Signer(position=position, name=person.full_name, authority=authority)
    if draft.lead_delegate is not None:
        return Signer(
            position="ĐẠI BIỂU QUỐC HỘI",
            name=draft.lead_delegate.full_name,
            authority="TM. ĐOÀN ĐẠI BIỂU QUỐC HỘI",
        )
    return Signer(position="TRƯỞNG ĐOÀN", name=NOBODY)


def project_words(draft: Draft) -> str:
    """ "Dự án Luật Đất đai (sửa đổi)" or "Luật Đất đai (sửa đổi)" -> "dự án Luật Đất đai (sửa đổi)"."""
    name = draft.name.strip()
    for lead in ("Dự án ", "dự án ", "Dự thảo ", "dự thảo "):
        if name.startswith(lead):
            name = name[len(lead) :]
            break
    return f"dự án {name}"


def _session_term(draft: Draft) -> str:
    return draft.session.strip()


def appendix_rows(draft: Draft) -> list[list[str]]:
    """TT | Điều, khoản | Ý kiến góp ý | Cơ quan, số lượng | Đề xuất của Đoàn."""
    rows = [["TT", "Điều, khoản", "Ý kiến góp ý", "Cơ quan, số lượng", "Đề xuất của Đoàn"]]
    for i, article in enumerate(selectors.draft_synthesis(draft), start=1):
        label = "Toàn bộ dự thảo" if not article.article_key else article.label
        if article.title:
            label = f"{label}. {article.title}"
        opinions = []
        for group in article.groups:
            paths = sorted({c.path for c in group.comments if c.path and c.path != article.article_key})
            where = f" ({', '.join(path_label(p) for p in paths)})" if paths else ""
            count = f" [{group.count} ý kiến]" if group.count > 1 else ""
            opinions.append(f"- {group.lead.text}{where}{count}")
            for proposal in group.proposals:
                opinions.append(f"  Đề nghị sửa: “{proposal}”")
        sources = "; ".join(f"{name}: {n}" for name, n in article.sources) or "-"
        position = ""
        if article.position is not None:
            position = article.position.text
            if article.position.proposal:
                position += f"\nĐề xuất sửa: “{article.position.proposal}”"
        rows.append([str(i), label, "\n".join(opinions) or "-", sources, position or "-"])
    return rows


def synthesis_docx(draft: Draft, *, number: str | None = None, date: datetime.date | None = None) -> bytes:
    figures = selectors.figures_of_draft(draft)
    province = _province_name(draft)
    intro = (
        f"Thực hiện kế hoạch lấy ý kiến góp ý {project_words(draft)} trình {_session_term(draft)}, "
        f"Đoàn đại biểu Quốc hội {province} đã gửi văn bản đề nghị {figures['recipients_asked']} cơ quan, "
        f"tổ chức góp ý ({figures['recipients_answered']} cơ quan đã trả lời, {figures['recipients_on_time']} đúng hạn), "
        f"tổ chức {figures['conferences']} hội nghị, tọa đàm"
        + (" và lấy ý kiến Nhân dân trên Cổng thông tin điện tử" if draft.online else "")
        + f"; tổng hợp được {figures['comments']} ý kiến. Đoàn đại biểu Quốc hội {province} báo cáo kết quả như sau:"
    )
    body: list = [
        intro,
        Section(
            "I. TÌNH HÌNH TỔ CHỨC LẤY Ý KIẾN",
            [
                f"Cơ quan chủ trì soạn thảo: {draft.drafting_body or '........'}; cơ quan chủ trì thẩm tra: {draft.vetting_committee or '........'}.",
                f"Số cơ quan, tổ chức được đề nghị góp ý: {figures['recipients_asked']}; số đã gửi ý kiến: {figures['recipients_answered']}.",
                f"Số hội nghị, tọa đàm, tiếp xúc cử tri lấy ý kiến: {figures['conferences']}; số ý kiến của cử tri qua cổng thông tin: {figures['voter_comments']}.",
            ],
        ),
        Section(
            "II. Ý KIẾN GÓP Ý CỤ THỂ",
            [
                "Ý kiến góp ý được tổng hợp theo từng điều, khoản của dự thảo tại Phụ lục kèm theo Báo cáo này."
            ],
        ),
        Section(
            "PHỤ LỤC: TỔNG HỢP Ý KIẾN GÓP Ý THEO ĐIỀU, KHOẢN",
            [Table(appendix_rows(draft), widths=[10, 28, 62, 30, 35])],
        ),
    ]
    recipients = [draft.vetting_committee] if draft.vetting_committee else []
    recipients += DEFAULT_RECIPIENTS
    spec = DocumentSpec(
        issuer_parent="QUỐC HỘI",
        issuer=f"ĐOÀN ĐBQH {province.upper()}",
        symbol="BC-ĐĐBQH",
        place=_place(draft),
        date=date,
        doc_type="BÁO CÁO",
        summary=f"Tổng hợp ý kiến góp ý {project_words(draft)}",
        body=body,
        signer=_signer(draft),
        recipients=recipients,
        number=number,
    )
    return build_document(spec)


def synthesis_xlsx(draft: Draft) -> bytes:
    rows = appendix_rows(draft)
    return export_rows(rows[0], rows[1:], "Tong hop y kien")


def report_date_words(date: datetime.date) -> str:
    return vn_long_date(date)
