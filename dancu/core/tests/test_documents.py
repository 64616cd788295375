import datetime
import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from dancu.core.documents import (
    DocumentSpec,
    Section,
    Signer,
    Table,
    build_document,
    docx_text,
    docx_to_pdf,
    libreoffice_text,
    number_line,
    vn_date_line,
    vn_long_date,
)


def make_spec(**overrides):
    data = {
        "issuer_parent": "HĐND TỈNH HÀ TĨNH",
        "issuer": "Văn phòng Đoàn ĐBQH và HĐND",
        "number": 12,
        "symbol": "BC-VP",
        "place": "Hà Tĩnh",
        "date": datetime.date(2024, 1, 5),
        "doc_type": "Báo cáo",
        "summary": "Kết quả tiếp xúc cử tri trước kỳ họp thứ 18",
        "body": [
            "Thực hiện Kế hoạch số 01/KH-HĐND, Thường trực HĐND tỉnh báo cáo như sau:",
            Section("I. TÌNH HÌNH CHUNG", ["Các tổ đại biểu đã tổ chức 45 cuộc tiếp xúc cử tri."]),
            ("II. KIẾN NGHỊ", ["Đề nghị UBND tỉnh chỉ đạo giải quyết."]),
            [["STT", "Lĩnh vực", "Số kiến nghị"], ["1", "Đất đai", "12"]],
            Table([["Tổng", "", "12"]], header=False),
        ],
        "signer": Signer(authority="TM. Thường trực HĐND", position="Chủ tịch", name="Nguyễn Văn A"),
        "recipients": ["Thường trực Tỉnh ủy", "UBND tỉnh;"],
    }
    data.update(overrides)
    return DocumentSpec(**data)


def test_vn_long_date_pads_days_under_ten_and_months_one_and_two():
    assert vn_long_date(datetime.date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert vn_long_date(datetime.date(2024, 12, 15)) == "ngày 15 tháng 12 năm 2024"
    assert vn_long_date(datetime.date(2025, 3, 1)) == "ngày 01 tháng 3 năm 2025"
    assert vn_long_date(datetime.date(2025, 2, 28)) == "ngày 28 tháng 02 năm 2025"
    assert vn_long_date(datetime.date(2025, 10, 9)) == "ngày 09 tháng 10 năm 2025"


def test_vn_date_line():
    assert vn_date_line("Hà Tĩnh", datetime.date(2024, 1, 5)) == "Hà Tĩnh, ngày 05 tháng 01 năm 2024"
    assert vn_date_line("Hà Tĩnh", None).startswith("Hà Tĩnh, ngày ")


def test_number_line():
    assert number_line(12, "BC-VP") == "Số: 12/BC-VP"
    assert number_line(3, "2024/NQ-HĐND") == "Số: 03/2024/NQ-HĐND"
    assert number_line("45", "NQ-HĐND") == "Số: 45/NQ-HĐND"
    assert number_line(None, "TB-VP").startswith("Số: ")
    assert number_line(None, "TB-VP").endswith("/TB-VP")


def test_header_title_body_and_footer_texts():
    text = docx_text(build_document(make_spec()))
    lines = text.splitlines()
    for expected in (
        "HĐND TỈNH HÀ TĨNH",
        "VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND",
        "Số: 12/BC-VP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Tĩnh, ngày 05 tháng 01 năm 2024",
        "BÁO CÁO",
        "Kết quả tiếp xúc cử tri trước kỳ họp thứ 18",
        "I. TÌNH HÌNH CHUNG",
        "II. KIẾN NGHỊ",
        "Đất đai",
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy;",
        "- UBND tỉnh;",
        "- Lưu: VT.",
        "TM. THƯỜNG TRỰC HĐND",
        "CHỦ TỊCH",
        "Nguyễn Văn A",
    ):
        assert expected in lines, expected
    # Header, then title, then body, then signer: the order a reader sees.
    assert lines.index("Số: 12/BC-VP") < lines.index("BÁO CÁO") < lines.index("I. TÌNH HÌNH CHUNG")
    assert lines.index("I. TÌNH HÌNH CHUNG") < lines.index("Nơi nhận:") < lines.index("Nguyễn Văn A")


def test_date_line_is_italic_and_issuer_bold():
    doc = Document(io.BytesIO(build_document(make_spec(date=datetime.date(2024, 12, 15)))))
    header = doc.tables[0]
    left, right = header.rows[0].cells
    date_para = next(p for p in right.paragraphs if p.text.startswith("Hà Tĩnh"))
    assert date_para.text == "Hà Tĩnh, ngày 15 tháng 12 năm 2024"
    assert date_para.runs[0].italic
    issuer = next(p for p in left.paragraphs if p.text == "VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND")
    assert issuer.runs[0].bold
    parent = next(p for p in left.paragraphs if p.text == "HĐND TỈNH HÀ TĨNH")
    assert not parent.runs[0].bold


def test_page_is_a4_with_decree_30_margins():
    section = Document(io.BytesIO(build_document(make_spec()))).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert abs(section.top_margin - Mm(20)) < Mm(0.5)
    assert abs(section.bottom_margin - Mm(20)) < Mm(0.5)
    assert abs(section.left_margin - Mm(30)) < Mm(0.5)
    assert abs(section.right_margin - Mm(15)) < Mm(0.5)


def test_font_is_times_new_roman_for_every_script():
    doc = Document(io.BytesIO(build_document(make_spec())))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert rfonts.get(qn("w:cs")) == "Times New Roman"


def test_header_table_has_no_borders():
    doc = Document(io.BytesIO(build_document(make_spec())))
    borders = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_draft_without_number_date_or_signer():
    spec = make_spec(number=None, date=None, signer=None, recipients=[], summary="")
    text = docx_text(build_document(spec))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "/BC-VP" in text


def test_converts_to_pdf_with_libreoffice(libreoffice):
    pdf = docx_to_pdf(build_document(make_spec()))
    assert pdf is not None
    assert pdf.startswith(b"%PDF")


def test_libreoffice_reads_header_number_and_date(libreoffice):
    text = libreoffice_text(build_document(make_spec()))
    assert text is not None
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 12/BC-VP" in text and "Hà Tĩnh, ngày 05 tháng 01 năm 2024" in text
