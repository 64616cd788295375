"""Administrative documents laid out as Decree 30/2020/NĐ-CP asks, built with python-docx.

Offices edit the result in Word before signing, so the layout is made of plain paragraphs and
borderless tables (no text boxes or drawn shapes) that Word and LibreOffice both render the
same way. `build_document(spec)` returns the .docx bytes; `docx_text` reads any .docx back to
plain text (tests of every module use it); `docx_to_pdf` converts through LibreOffice when it is
installed.
"""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from .text import clean_text

FONT_NAME = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# Page geometry (Decree 30, Appendix I): A4, top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
TEXT_WIDTH_MM = 210 - 30 - 15

# The header: the issuing body takes the narrower left column, the national title the right.
HEADER_LEFT_MM = 70
FOOTER_LEFT_MM = 85
BODY_PT = 14
FIRST_LINE_INDENT = Mm(10)


@dataclass
class Section:
    """A heading (e.g. "I. TÌNH HÌNH CHUNG") followed by its own blocks."""

    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Table:
    """A simple grid; the first row is bold when `header` is true."""

    rows: list[list[str]]
    header: bool = True


Block = str | Section | Table


@dataclass
class Signer:
    position: str  # "CHỦ TỊCH"
    name: str  # "Nguyễn Văn A"
    # "TM. THƯỜNG TRỰC HĐND", "KT. CHỦ TỊCH"; empty when the head signs in their own name.
    authority: str = ""


@dataclass
class DocumentSpec:
    issuer_parent: str  # "HĐND TỈNH HÀ TĨNH"
    issuer: str  # "THƯỜNG TRỰC"
    symbol: str  # "BC-VP", "2024/NQ-HĐND"
    place: str  # "Hà Tĩnh"
    date: datetime.date | None
    doc_type: str  # "BÁO CÁO"
    summary: str = ""
    body: list[Block] = field(default_factory=list)
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    number: int | str | None = None  # None: left blank for the clerk to fill in when issued
    archive: str = "VT"  # "Lưu: VT." (the clerical archive), optionally with the drafting unit


# -- Dates and numbers ------------------------------------------------------------------------


def vn_long_date(date: datetime.date) -> str:
    """ "ngày 05 tháng 01 năm 2024": a day under 10 and the months 1 and 2 take a leading zero."""
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def vn_date_line(place: str, date: datetime.date | None) -> str:
    """ "Hà Tĩnh, ngày 05 tháng 01 năm 2024"; a draft without a date keeps blanks to fill in."""
    if date is None:
        return f"{place}, ngày     tháng     năm     "
    return f"{place}, {vn_long_date(date)}"


def number_line(number: int | str | None, symbol: str) -> str:
    """ "Số: 12/BC-VP"; numbers under 10 are written 01-09 (they start from 01 every year)."""
    if number is None or number == "":
        return f"Số:        /{symbol}"
    if isinstance(number, int):
        number = f"{number:02d}"
    return f"Số: {number}/{symbol}"


# -- Low-level helpers ------------------------------------------------------------------------

# Elements that must follow w:pBdr in w:pPr, and w:tblBorders in w:tblPr (ECMA-376 order).
_PPR_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_TBLPR_AFTER_BORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)


def _set_run_font(run, *, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
    run.bold = bold
    run.italic = italic
    if size:
        run.font.size = Pt(size)


def _set_rfonts(element, name: str) -> None:
    """Name the font for every script: Word picks eastAsia for some Vietnamese characters."""
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def _paragraph(
    container,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    space_after: float = 0,
    first_line_indent=None,
    reuse_first: bool = False,
) -> Paragraph:
    # A new table cell already holds one empty paragraph; filling it avoids a blank line on top.
    if reuse_first and container.paragraphs and not container.paragraphs[0].text:
        para = container.paragraphs[0]
    else:
        para = container.add_paragraph()
    para.alignment = align
    fmt = para.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(space_after)
    if first_line_indent is not None:
        fmt.first_line_indent = first_line_indent
    if text:
        _set_run_font(para.add_run(text), size=size, bold=bold, italic=italic)
    return para


def _short_rule(cell, column_mm: float, line_mm: float) -> None:
    """The short horizontal line under the issuer and the motto: a top border on an empty,
    indented paragraph (a drawn shape would move about when the office edits the text)."""
    para = _paragraph(cell, size=4)
    side = Mm(max((column_mm - line_mm) / 2, 0))
    para.paragraph_format.left_indent = side
    para.paragraph_format.right_indent = side
    para.paragraph_format.line_spacing = Pt(4)
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    # Word rejects a file whose pPr children are out of schema order, so insert, not append.
    ppr.insert_element_before(borders, *_PPR_AFTER_BORDER)


def _borderless(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)


def _two_columns(doc, left_mm: float) -> DocxTable:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    widths = (Mm(left_mm), Mm(TEXT_WIDTH_MM - left_mm))
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(BODY_PT)
    _set_rfonts(normal.element, FONT_NAME)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # The default template's "Table Grid" inherits its own font; make it ours too.
    if "Table Grid" in [s.name for s in doc.styles]:
        grid = doc.styles["Table Grid"]
        grid.font.name = FONT_NAME
        _set_rfonts(grid.element, FONT_NAME)


# -- Parts of the document --------------------------------------------------------------------


def _header(doc, spec: DocumentSpec) -> None:
    table = _two_columns(doc, HEADER_LEFT_MM)
    left, right = table.rows[0].cells
    _paragraph(left, spec.issuer_parent.upper(), size=13, reuse_first=True)
    _paragraph(left, spec.issuer.upper(), size=13, bold=True)
    _short_rule(left, HEADER_LEFT_MM, 22)
    _paragraph(left, number_line(spec.number, spec.symbol), size=13)

    right_mm = TEXT_WIDTH_MM - HEADER_LEFT_MM
    _paragraph(right, NATIONAL_TITLE, size=12, bold=True, reuse_first=True)
    _paragraph(right, MOTTO, size=13, bold=True)
    # The rule under the motto is as long as the motto itself (about 58 mm at 13 pt bold).
    _short_rule(right, right_mm, 58)
    _paragraph(right, vn_date_line(spec.place, spec.date), size=13, italic=True)


def _title(doc, spec: DocumentSpec) -> None:
    _paragraph(doc, "", size=6, space_after=6)
    _paragraph(doc, spec.doc_type.upper(), size=14, bold=True)
    if spec.summary:
        _paragraph(doc, spec.summary, size=14, bold=True)
        _short_rule(doc, TEXT_WIDTH_MM, 40)
    _paragraph(doc, "", size=6, space_after=6)


def _body_paragraph(doc, text: str, *, bold: bool = False) -> None:
    _paragraph(
        doc,
        text,
        size=BODY_PT,
        bold=bold,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        space_after=6,
        first_line_indent=FIRST_LINE_INDENT,
    )


def _grid(doc, block: Table) -> None:
    if not block.rows:
        return
    cols = max(len(row) for row in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(block.rows):
        for c in range(cols):
            value = row[c] if c < len(row) else ""
            _paragraph(
                table.cell(r, c),
                "" if value is None else str(value),
                size=12,
                bold=block.header and r == 0,
                align=WD_ALIGN_PARAGRAPH.CENTER if block.header and r == 0 else WD_ALIGN_PARAGRAPH.LEFT,
                reuse_first=True,
            )
    _paragraph(doc, "", size=6, space_after=6)


def _as_block(item) -> Block:
    """Accept the plain forms too: a (heading, [blocks]) tuple and a list of rows."""
    if isinstance(item, str | Section | Table):
        return item
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], str)
        and not isinstance(item[1], str)
    ):
        return Section(item[0], list(item[1]))
    if isinstance(item, Sequence) and all(
        isinstance(row, Sequence) and not isinstance(row, str) for row in item
    ):
        return Table([list(row) for row in item])
    raise TypeError(f"Unsupported document block: {item!r}")


def _blocks(doc, blocks: Sequence) -> None:
    for item in blocks:
        block = _as_block(item)
        if isinstance(block, Section):
            _body_paragraph(doc, block.heading, bold=True)
            _blocks(doc, block.blocks)
        elif isinstance(block, Table):
            _grid(doc, block)
        else:
            _body_paragraph(doc, block)


def _recipient_line(text: str) -> str:
    text = text.strip().lstrip("-").strip()
    return f"- {text}" if text.endswith((";", ".", ",")) else f"- {text};"


def _footer(doc, spec: DocumentSpec) -> None:
    if not spec.recipients and spec.signer is None:
        return
    table = _two_columns(doc, FOOTER_LEFT_MM)
    left, right = table.rows[0].cells
    left_align = WD_ALIGN_PARAGRAPH.LEFT
    _paragraph(left, "Nơi nhận:", size=12, bold=True, italic=True, align=left_align, reuse_first=True)
    for recipient in spec.recipients:
        _paragraph(left, _recipient_line(recipient), size=11, align=left_align)
    if spec.archive:
        _paragraph(left, f"- Lưu: {spec.archive.rstrip('.')}.", size=11, align=left_align)

    signer = spec.signer
    if signer is None:
        return
    first = True
    for line in (signer.authority, signer.position):
        if line:
            _paragraph(right, line.upper(), size=14, bold=True, reuse_first=first)
            first = False
    # Room for the signature and the seal.
    for _ in range(4):
        _paragraph(right, "", size=14)
    _paragraph(right, signer.name, size=14, bold=True)


def _clean(value):
    """The spec with control characters removed from every string (they are illegal in the
    document's XML: one of them used to make the whole report fail)."""
    import dataclasses

    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        )
    return value


def build_document(spec: DocumentSpec) -> bytes:
    """The .docx bytes of a Decree-30 document."""
    spec = _clean(spec)
    doc = Document()
    _setup(doc)
    _header(doc, spec)
    _title(doc, spec)
    _blocks(doc, spec.body)
    _paragraph(doc, "", size=6, space_after=6)
    _footer(doc, spec)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# -- Reading back and converting --------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """All text of a .docx, one paragraph a line, table cells included, in document order."""
    doc = Document(io.BytesIO(data))
    lines = []
    for para in doc.element.body.iter(qn("w:p")):
        lines.append("".join(node.text or "" for node in para.iter(qn("w:t"))))
    return "\n".join(lines)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_convert(data: bytes, target: str, *, timeout: int = 120) -> bytes | None:
    """Convert with LibreOffice headless to `target` ("pdf", "txt:Text"...); None when LibreOffice
    is not installed or cannot open the document."""
    binary = soffice_path()
    if binary is None:
        return None
    extension = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="dancu-lo-") as tmp:
        source = Path(tmp) / "document.docx"
        source.write_bytes(data)
        # A private profile: two conversions at once would otherwise fight over ~/.config.
        profile = f"-env:UserInstallation=file://{tmp}/profile"
        try:
            subprocess.run(
                [binary, profile, "--headless", "--convert-to", target, "--outdir", tmp, str(source)],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except (subprocess.SubprocessError, OSError):
            return None
        result = Path(tmp) / f"document.{extension}"
        return result.read_bytes() if result.exists() else None


def docx_to_pdf(data: bytes, *, timeout: int = 120) -> bytes | None:
    """The document as PDF through LibreOffice; None when it is not installed or fails."""
    return docx_convert(data, "pdf", timeout=timeout)


def libreoffice_text(data: bytes, *, timeout: int = 120) -> str | None:
    """The text LibreOffice reads from a .docx (UTF-8 plain text export): proves the file opens
    in LibreOffice, not only in python-docx."""
    out = docx_convert(data, "txt:Text (encoded):UTF8", timeout=timeout)
    return None if out is None else out.decode("utf-8-sig")
