"""Decree-30 layout read back from the .docx: a công văn (no title, "V/v" under the number,
"Kính gửi"), a titled report, narrow "TT" columns, the archive line once; page 1 renders."""

from __future__ import annotations

import datetime
import io

from docx import Document

from dancu.core.documents import (
    DocumentSpec,
    Signer,
    Table,
    build_document,
    column_widths,
    first_page_png,
    layout,
    layout_problems,
)


def spec(**kw) -> DocumentSpec:
    base = {
        "issuer_parent": "Đoàn ĐBQH và HĐND tỉnh Hà Tĩnh",
        "issuer": "Văn phòng",
        "symbol": "VP-TH",
        "place": "Hà Tĩnh",
        "date": datetime.date(2026, 12, 2),
        "doc_type": "",
        "summary": "chuyển kiến nghị của cử tri đến Sở Y tế",
        "number": 15,
        "addressees": ["Sở Y tế tỉnh Hà Tĩnh"],
        "body": [
            "Nội dung.",
            Table([["TT", "Mã", "Nội dung kiến nghị"], ["1", "KN26-000001", "Đề nghị " * 30]]),
        ],
        "signer": Signer(
            position="Phó Chánh Văn phòng", name="Nguyễn Văn A", authority="KT. Chánh Văn phòng"
        ),
        "recipients": ["Như trên", "Lưu: VT"],
    }
    base.update(kw)
    return DocumentSpec(**base)


def test_a_cong_van_is_laid_out_as_decree_30_asks():
    data = build_document(spec())
    assert layout_problems(data, dispatch=True) == []
    shape = layout(data)
    assert shape.header_left[-1] == "V/v chuyển kiến nghị của cử tri đến Sở Y tế"
    assert shape.addressees == ["Kính gửi: Sở Y tế tỉnh Hà Tĩnh."]
    assert shape.title == []
    assert shape.signer == ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Văn A"]
    assert shape.recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]


def test_a_titled_document_and_several_addressees():
    data = build_document(spec(doc_type="BÁO CÁO", summary="Kết quả giải quyết", addressees=["Sở A", "Sở B"]))
    assert layout_problems(data, dispatch=False, addressed=True) == []
    shape = layout(data)
    assert shape.title == ["BÁO CÁO", "Kết quả giải quyết"]
    assert shape.addressees == ["Kính gửi:", "- Sở A;", "- Sở B."]


def test_the_checker_finds_what_is_wrong():
    no_addressee = build_document(spec(addressees=[]))
    assert "no 'Kính gửi:' line" in layout_problems(no_addressee, dispatch=True)
    titled = build_document(spec(doc_type="BÁO CÁO"))
    assert any("công văn" in p for p in layout_problems(titled, dispatch=True))
    unsigned = build_document(spec(signer=None, recipients=[]))
    assert layout_problems(unsigned, dispatch=True, signed=False) == []


def test_tt_columns_are_narrow_and_content_gets_the_room():
    widths = column_widths(Table([["TT", "Mã", "Nội dung"], ["1", "KN26-000001", "x" * 300]]), 3)
    assert widths[0] < 15 and widths[2] > 2 * widths[1] and abs(sum(widths) - 165) < 1
    doc = Document(io.BytesIO(build_document(spec())))
    grid = doc.tables[1]
    assert grid.columns[0].width < grid.columns[2].width


def test_page_one_renders_to_png(libreoffice):
    png = first_page_png(build_document(spec()))
    assert png is not None and png.startswith(b"\x89PNG")
