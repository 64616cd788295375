"""Documents of the petitions module: Decree-30 DOCX (cover letter, synthesis report) and Excel."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document
from dancu.core.excel import Column, Integer, export_rows
from dancu.directory.selectors import office_signer

from .fields import field_vi, level_short_vi, level_vi
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


def _signer(province_id: int) -> Signer:
    """The Office's head signs (or the deputy, "KT. CHÁNH VĂN PHÒNG"), by name from the
    directory (the person holding the post in the Office)."""
    authority, position, name = office_signer(province_id)
    return Signer(position=position, name=name, authority=authority)


def _drafting_unit(symbol: str) -> str:
    """The drafting unit in a symbol ("VP-TH" -> "TH"): the archive line names it."""
    parts = [p for p in symbol.split("-") if p]
    return parts[-1] if len(parts) > 1 else ""


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
        signer=_signer(round.province_id),
        recipients=["Thường trực HĐND tỉnh", "Đoàn ĐBQH tỉnh"],
        archive="VT",
    )
    return build_document(spec)


def cover_letter(batch: ForwardingBatch) -> bytes:
    """The công văn that forwards a batch: no title, "V/v chuyển kiến nghị của cử tri" under its
    number, "Kính gửi: <agency>.", the list of petitions, "Nơi nhận: Như trên; Lưu: VT, <unit>."
    and the Office's signer from the directory."""
    parent, issuer = _issuer(batch.round)
    petitions = list(batch.petitions.order_by("id"))
    number, _sep, symbol = batch.dispatch_number.partition("/")
    symbol = symbol or "VP-TH"
    body: list[Any] = [
        f"Thực hiện quy định về tiếp nhận, xử lý kiến nghị của cử tri, sau đợt {batch.round.name}, "
        f"Văn phòng chuyển đến {batch.agency.name} {len(petitions)} kiến nghị của cử tri thuộc thẩm quyền "
        "giải quyết (danh mục kèm theo).",
        f"Đề nghị {batch.agency.name} xem xét, giải quyết và trả lời cử tri trên hệ thống trước ngày "
        f"{batch.due_date:%d/%m/%Y}.",
        Table(
            [["TT", "Mã", "Nội dung kiến nghị"]]
            + [[str(i), p.code, p.text] for i, p in enumerate(petitions, 1)],
            widths=[12, 32, 121],
        ),
    ]
    unit = _drafting_unit(symbol)
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol=symbol,
        number=number if batch.dispatch_number.count("/") else batch.dispatch_number,
        place=_place(batch.round),
        date=batch.dispatch_date,
        doc_type="",
        summary="V/v chuyển kiến nghị của cử tri",
        addressees=[batch.agency.name],
        body=body,
        signer=_signer(batch.province_id),
        recipients=["Như trên"],
        archive=f"VT, {unit}" if unit else "VT",
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
                    + [[str(n), p.code, p.text, str(p.group_count)] for n, p in enumerate(f["petitions"], 1)],
                    widths=[12, 32, 99, 22],
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
                        level_short_vi(g["level"]),
                        field_vi(f["field"]),
                        p.code,
                        p.text,
                        p.group_count,
                        p.rounds_raised,
                    ]
                )
    columns = [
        Column("level", "Thẩm quyền", width=14),
        Column("field", "Lĩnh vực", width=34),
        Column("code", "Mã", width=15),
        Column("text", "Nội dung kiến nghị", width=80),
        Column("groups", "Số nhóm cử tri", width=14, parser=Integer()),
        Column("rounds", "Số kỳ đã nêu", width=13, parser=Integer()),
    ]
    return export_rows(columns, rows, "Tổng hợp kiến nghị")


def results_xlsx(rows: list[dict[str, Any]]) -> bytes:
    columns = [
        Column("agency", "Cơ quan", width=48),
        Column("received", "Số kiến nghị nhận", width=18, parser=Integer()),
        Column("answered", "Đã trả lời", width=12, parser=Integer()),
        Column("resolved", "Đã giải quyết xong", width=19, parser=Integer()),
        Column("pct", "Tỷ lệ giải quyết (%)", width=20),
        Column("overdue", "Quá hạn", width=10, parser=Integer()),
    ]
    data = [
        [r["agency"].name, r["received"], r["answered"], r["resolved"], r["resolved_pct"], r["overdue"]]
        for r in rows
    ]
    return export_rows(columns, data, "Kết quả trả lời")


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
        Section("KẾT QUẢ THEO CƠ QUAN", [Table(table, widths=[12, 55, 20, 19, 21, 18, 20])]),
    ]
    return _office_report(
        round, "Kết quả giải quyết, trả lời kiến nghị của cử tri", body, number=number, date=date
    )


def petitions_xlsx(rows: Iterable[tuple[Petition, Answer | None]]) -> bytes:
    """The petition list as Excel: one row per petition with its latest answer, under the
    labels the pages show (field, level, status, result), with the answer's reply document.
    Every text is stored as text (core.excel: a wording that begins with "=" is not a formula)
    and without control characters."""
    columns = [
        Column("code", _("Code"), width=15),
        Column("round", _("Round"), width=36),
        Column("text", _("Petition"), width=70),
        Column("field", _("Field"), width=30),
        Column("level", _("Competent level"), width=14),
        Column("status", _("Status"), width=16),
        Column("agency", _("Agency"), width=40),
        Column("rounds", _("Rounds raised"), width=10, parser=Integer()),
        Column("result", _("Result of the answer"), width=22),
        Column("document", _("Reply document"), width=22),
        Column("answer", _("Answer"), width=70),
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
            _reply_document(a),
            a.text if a else "",
        ]
        for p, a in rows
    )
    return export_rows(columns, data, _("Voters' petitions"))


def _reply_document(answer: Answer | None) -> str:
    if answer is None or not (answer.document_number or answer.document_date):
        return ""
    date = f"{answer.document_date:%d/%m/%Y}" if answer.document_date else ""
    return " ".join(x for x in (answer.document_number, date) if x)
