"""Documents of the petitions module: Decree-30 DOCX (cover letter, synthesis report) and Excel."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document
from dancu.core.excel import export_rows

from .fields import field_vi, level_vi
from .models import Answer, ForwardingBatch, Petition, Round

STATUS_VI = {
    "resolved": "Đã giải quyết xong",
    "in_progress": "Đang giải quyết",
    "not_resolved": "Chưa giải quyết",
    "explained": "Giải trình, cung cấp thông tin",
}


def _issuer(round: Round) -> tuple[str, str]:
    province = round.province.name.upper()
    return f"ĐOÀN ĐBQH VÀ HĐND {province}", "VĂN PHÒNG"


def _place(round: Round) -> str:
    name = round.province.name
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _office_report(
    round: Round, summary: str, body: list[Any], *, number: int | str | None, date: datetime.date
) -> bytes:
    """A report of the Office (BÁO CÁO, symbol BC-VP) to the Standing Committee and the delegation."""
    parent, issuer = _issuer(round)
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol="BC-VP",
        number=number,
        place=_place(round),
        date=date,
        doc_type="BÁO CÁO",
        summary=summary,
        body=body,
        signer=Signer(position="CHÁNH VĂN PHÒNG", name=""),
        recipients=["Thường trực HĐND tỉnh", "Đoàn ĐBQH tỉnh", "Lưu: VT"],
    )
    return build_document(spec)


def cover_letter(batch: ForwardingBatch) -> bytes:
    parent, issuer = _issuer(batch.round)
    petitions = list(batch.petitions.order_by("id"))
    number, _sep, symbol = batch.dispatch_number.partition("/")
    body: list[Any] = [
        f"Thực hiện quy định về tiếp nhận, xử lý kiến nghị của cử tri, sau đợt {batch.round.name}, "
        f"Văn phòng chuyển đến {batch.agency.name} {len(petitions)} kiến nghị của cử tri thuộc thẩm quyền "
        "giải quyết (danh mục kèm theo).",
        f"Đề nghị {batch.agency.name} xem xét, giải quyết và trả lời cử tri trên hệ thống trước ngày "
        f"{batch.due_date:%d/%m/%Y}.",
        Table(
            [["TT", "Mã", "Nội dung kiến nghị"]]
            + [[str(i), p.code, p.text] for i, p in enumerate(petitions, 1)]
        ),
    ]
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol=symbol or "VP-TH",
        number=number if symbol else batch.dispatch_number,
        place=_place(batch.round),
        date=batch.dispatch_date,
        doc_type="",
        summary=f"V/v chuyển kiến nghị của cử tri đến {batch.agency.name}",
        body=body,
        signer=Signer(position="CHÁNH VĂN PHÒNG", name="", authority=""),
        recipients=[batch.agency.name, "Lưu: VT"],
    )
    return build_document(spec)


def synthesis_docx(
    round: Round, groups: list[dict[str, Any]], *, number: int | str | None, date: datetime.date
) -> bytes:
    total = sum(g["count"] for g in groups)
    body: list[Any] = [
        f"Trong đợt {round.name}, các kiến nghị của cử tri đã được tổng hợp thành {total} kiến nghị, "
        "phân loại theo thẩm quyền giải quyết và lĩnh vực như sau."
    ]
    roman = ["I", "II", "III", "IV"]
    for i, g in enumerate(groups):
        blocks: list[Any] = []
        for f in g["fields"]:
            blocks.append(f"{field_vi(f['field'])} ({f['count']} kiến nghị)")
            blocks.append(
                Table(
                    [["TT", "Mã", "Nội dung kiến nghị", "Số nhóm cử tri"]]
                    + [[str(n), p.code, p.text, str(p.group_count)] for n, p in enumerate(f["petitions"], 1)]
                )
            )
        body.append(Section(f"{roman[i]}. {level_vi(g['level']).upper()} ({g['count']} kiến nghị)", blocks))
    return _office_report(round, "Tổng hợp ý kiến, kiến nghị của cử tri", body, number=number, date=date)


def synthesis_xlsx(round: Round, groups: list[dict[str, Any]]) -> bytes:
    rows = []
    for g in groups:
        for f in g["fields"]:
            for p in f["petitions"]:
                rows.append(
                    [
                        level_vi(g["level"]),
                        field_vi(f["field"]),
                        p.code,
                        p.text,
                        p.group_count,
                        p.rounds_raised,
                    ]
                )
    headers = ["Thẩm quyền", "Lĩnh vực", "Mã", "Nội dung kiến nghị", "Số nhóm cử tri", "Số kỳ đã nêu"]
    return export_rows(headers, rows, "Tong hop")


def results_xlsx(rows: list[dict[str, Any]]) -> bytes:
    headers = [
        "Cơ quan",
        "Số kiến nghị nhận",
        "Đã trả lời",
        "Đã giải quyết xong",
        "Tỷ lệ giải quyết (%)",
        "Quá hạn",
    ]
    data = [
        [r["agency"].name, r["received"], r["answered"], r["resolved"], r["resolved_pct"], r["overdue"]]
        for r in rows
    ]
    return export_rows(headers, data, "Ket qua")


def results_docx(
    round: Round, rows: list[dict[str, Any]], *, number: int | str | None, date: datetime.date
) -> bytes:
    """The results report for the next session: per agency, received, answered, resolved %, overdue."""
    received = sum(r["received"] for r in rows)
    answered = sum(r["answered"] for r in rows)
    resolved = sum(r["resolved"] for r in rows)
    overdue = sum(r["overdue"] for r in rows)
    pct = f"{100 * resolved / received:.1f}".replace(".", ",") if received else "0"
    table = [
        ["TT", "Cơ quan", "Số kiến nghị nhận", "Đã trả lời", "Đã giải quyết xong", "Tỷ lệ (%)", "Quá hạn"]
    ]
    for n, r in enumerate(rows, 1):
        table.append(
            [
                str(n),
                r["agency"].name,
                str(r["received"]),
                str(r["answered"]),
                str(r["resolved"]),
                f"{r['resolved_pct']:.1f}".replace(".", ","),
                str(r["overdue"]),
            ]
        )
    table.append(["", "Tổng cộng", str(received), str(answered), str(resolved), pct, str(overdue)])
    body: list[Any] = [
        f"Sau đợt {round.name}, Văn phòng đã chuyển {received} kiến nghị của cử tri đến "
        f"{len(rows)} cơ quan có thẩm quyền. Đến ngày {date:%d/%m/%Y}, các cơ quan đã trả lời "
        f"{answered} kiến nghị, trong đó {resolved} kiến nghị đã được giải quyết xong ({pct}%); "
        f"{overdue} kiến nghị quá hạn chưa được trả lời.",
        Section("KẾT QUẢ THEO CƠ QUAN", [Table(table)]),
    ]
    return _office_report(
        round, "Kết quả giải quyết, trả lời kiến nghị của cử tri", body, number=number, date=date
    )


def petitions_xlsx(rows: Iterable[tuple[Petition, Answer | None]]) -> bytes:
    """The petition list as Excel: one row per petition with its latest answer. Every text is
    stored as text (core.excel: a wording that begins with "=" is not a formula) and without
    control characters."""
    headers = [
        _("Code"),
        _("Round"),
        _("Petition"),
        _("Field"),
        _("Competent level"),
        _("Status"),
        _("Agency"),
        _("Rounds raised"),
        _("Result of the answer"),
        _("Answer"),
    ]
    data = (
        [
            p.code,
            p.round.name,
            p.text,
            p.get_field_display(),
            p.get_level_display(),
            p.get_status_display(),
            p.agency.name if p.agency else "",
            p.rounds_raised,
            a.get_status_display() if a else "",
            a.text if a else "",
        ]
        for p, a in rows
    )
    return export_rows(headers, data, _("Petitions"))
