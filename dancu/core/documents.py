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
    """A simple grid; the first row is bold when `header` is true. `widths` (mm) when given,
    else the columns share the text width by how much they hold ("TT" columns stay narrow)."""

    rows: list[list[str]]
    header: bool = True
    widths: list[float] | None = None


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
    # "Kính gửi:" — the bodies a công văn is addressed to (shown under the header).
    addressees: list[str] = field(default_factory=list)
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
    if is_dispatch(spec) and spec.summary:
        # A công văn has no title: its summary ("V/v …") stands under the number (Decree 30,
        # Appendix I, box 5b), in 12-13 pt regular type.
        _paragraph(left, dispatch_summary(spec.summary), size=12)

    right_mm = TEXT_WIDTH_MM - HEADER_LEFT_MM
    _paragraph(right, NATIONAL_TITLE, size=12, bold=True, reuse_first=True)
    _paragraph(right, MOTTO, size=13, bold=True)
    # The rule under the motto is as long as the motto itself (about 58 mm at 13 pt bold).
    _short_rule(right, right_mm, 58)
    _paragraph(right, vn_date_line(spec.place, spec.date), size=13, italic=True)


def is_dispatch(spec: DocumentSpec) -> bool:
    """A công văn: a document without a type name (Decree 30 lays it out differently)."""
    return not spec.doc_type.strip()


def dispatch_summary(summary: str) -> str:
    summary = summary.strip()
    return summary if summary.lower().startswith("v/v") else f"V/v {summary[:1].lower()}{summary[1:]}"


def _title(doc, spec: DocumentSpec) -> None:
    _paragraph(doc, "", size=6, space_after=6)
    if not is_dispatch(spec):
        _paragraph(doc, spec.doc_type.upper(), size=14, bold=True)
        if spec.summary:
            _paragraph(doc, spec.summary, size=14, bold=True)
            _short_rule(doc, TEXT_WIDTH_MM, 40)
        _paragraph(doc, "", size=6, space_after=6)
    _addressees(doc, spec.addressees)


def _addressees(doc, addressees: list[str]) -> None:
    """ "Kính gửi: Sở Y tế." on one line, or one addressee a line, each "- …;" (the last ".")."""
    names = [a.strip().rstrip(";.") for a in addressees if a.strip()]
    if not names:
        return
    if len(names) == 1:
        _paragraph(doc, f"Kính gửi: {names[0]}.", size=BODY_PT, space_after=6)
    else:
        para = _paragraph(doc, "Kính gửi:", size=BODY_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
        para.paragraph_format.left_indent = Mm(35)
        for i, name in enumerate(names):
            line = _paragraph(
                doc,
                f"- {name}{'.' if i == len(names) - 1 else ';'}",
                size=BODY_PT,
                align=WD_ALIGN_PARAGRAPH.LEFT,
            )
            line.paragraph_format.left_indent = Mm(60)
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
    table.autofit = False
    for column, width in zip(table.columns, column_widths(block, cols), strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
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


NARROW_HEADERS = {"tt", "stt", "số tt"}


def column_widths(block: Table, cols: int) -> list[float]:
    """Millimetres per column: as given, else "TT" columns 12 mm and the rest shared by the
    length of what they hold (a code column stays short, the content column gets the room)."""
    if block.widths and len(block.widths) == cols:
        return list(block.widths)
    header = block.rows[0] if block.header else []
    fixed = {
        c: 12.0 for c in range(cols) if c < len(header) and str(header[c]).strip().lower() in NARROW_HEADERS
    }
    weights = {}
    for c in range(cols):
        if c in fixed:
            continue
        lengths = sorted(len(str(row[c])) if c < len(row) and row[c] is not None else 0 for row in block.rows)
        typical = (
            lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))] if lengths else 1
        )  # ~90th percentile
        weights[c] = max(6, min(typical, 120))
    room = TEXT_WIDTH_MM - sum(fixed.values())
    total = sum(weights.values()) or 1
    widths = []
    for c in range(cols):
        if c in fixed:
            widths.append(fixed[c])
            continue
        # No word is cut: a code such as "KN26-000001" keeps to one line (about 2.6 mm a
        # character at 12 pt), up to 45 mm.
        longest = max(
            (
                len(word)
                for row in block.rows[1 if block.header else 0 :]
                if c < len(row)
                for word in str(row[c] or "").split()
            ),
            default=1,
        )
        widths.append(max(min(45.0, 2.6 * longest + 4), room * weights[c] / total, 12.0))
    scale = TEXT_WIDTH_MM / sum(widths)  # the minimum widths may overflow: bring back to the page
    return [round(w * scale, 1) for w in widths]


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
        if spec.archive and recipient.strip().lstrip("-").strip().lower().startswith("lưu"):
            continue  # the archive line comes last, once
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


# -- Layout, read back (for the layout tests every generated document has) -------------------


@dataclass
class Layout:
    """Where the parts of a Decree-30 document stand, read from the .docx."""

    header_left: list[str]  # issuing bodies, the number, a công văn's "V/v" summary
    header_right: list[str]  # national title, motto, place and date
    title: list[str]  # type name and summary of a titled document (empty for a công văn)
    addressees: list[str]  # the "Kính gửi" lines
    recipients: list[str]  # "Nơi nhận:" and its lines
    signer: list[str]  # authority, position, name (blank lines dropped)
    header_left_bold: list[str]
    title_bold: bool
    date_italic: bool


def _cell_lines(cell) -> list[str]:
    return [p.text.strip() for p in cell.paragraphs if p.text.strip()]


def layout(data: bytes) -> Layout:
    """Read a document made by `build_document` back into its parts."""
    doc = Document(io.BytesIO(data))
    header = doc.tables[0].rows[0].cells
    left, right = header[0], header[1]
    body_paras = doc.paragraphs
    title: list[str] = []
    addressees: list[str] = []
    title_bold = False
    for para in body_paras:
        text = para.text.strip()
        if not text:
            if title and not addressees:
                continue
            continue
        if text.startswith("Kính gửi"):
            addressees.append(text)
            continue
        if addressees and text.startswith("- "):
            addressees.append(text)
            continue
        if para.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in para.runs if r.text.strip()):
            title.append(text)
            title_bold = True
            continue
        break
    footer = doc.tables[-1].rows[0].cells if len(doc.tables) > 1 else None
    recipients = _cell_lines(footer[0]) if footer else []
    signer = _cell_lines(footer[1]) if footer else []
    date_para = next((p for p in right.paragraphs if "ngày" in p.text), None)
    return Layout(
        header_left=_cell_lines(left),
        header_right=_cell_lines(right),
        title=title,
        addressees=addressees,
        recipients=recipients if recipients[:1] == ["Nơi nhận:"] else [],
        signer=signer,
        header_left_bold=[
            p.text.strip() for p in left.paragraphs if p.text.strip() and any(r.bold for r in p.runs)
        ],
        title_bold=title_bold,
        date_italic=bool(date_para and all(r.italic for r in date_para.runs if r.text.strip())),
    )


def layout_problems(
    data: bytes, *, dispatch: bool, signed: bool = True, addressed: bool | None = None
) -> list[str]:
    """What in a generated document departs from Decree 30's layout (an empty list: none).

    Checked: the issuing body (upper case, the issuer bold) and the number on the left; the
    national title, the motto and an italic place-and-date line on the right; a titled
    document's type name and summary centred in bold under the header, a công văn's "V/v"
    summary under its number and no title; "Kính gửi" where addressed; "Nơi nhận:" with the
    archive line once, last; the signer block (position in capitals, then the name)."""
    shape = layout(data)
    problems = []
    left, right = shape.header_left, shape.header_right
    if len(left) < 3 or left[0] != left[0].upper() or left[1] != left[1].upper():
        problems.append(f"issuing body not in capitals on the left: {left[:2]}")
    if not any(line.startswith("Số:") for line in left):
        problems.append("no 'Số:' line on the left")
    if not shape.header_left_bold or left[1] not in shape.header_left_bold:
        problems.append("the issuer is not bold")
    if right[:2] != [NATIONAL_TITLE, MOTTO]:
        problems.append(f"national title and motto not on the right: {right[:2]}")
    if not any(", ngày" in line for line in right) or not shape.date_italic:
        problems.append("no italic place-and-date line on the right")
    number_at = next((i for i, line in enumerate(left) if line.startswith("Số:")), -1)
    if dispatch:
        if not (number_at >= 0 and number_at + 1 < len(left) and left[number_at + 1].startswith("V/v")):
            problems.append("a công văn's 'V/v' summary is not under its number")
        if shape.title:
            problems.append(f"a công văn has a title: {shape.title}")
    else:
        if not shape.title or shape.title[0] != shape.title[0].upper() or not shape.title_bold:
            problems.append(f"no bold, centred type name under the header: {shape.title}")
        if any(line.startswith("V/v") for line in left):
            problems.append("a titled document has a 'V/v' line in the header")
    if (addressed if addressed is not None else dispatch) and not (
        shape.addressees and shape.addressees[0].startswith("Kính gửi")
    ):
        problems.append("no 'Kính gửi:' line")
    if signed:
        if not shape.recipients:
            problems.append("no 'Nơi nhận:' block")
        archive = [line for line in shape.recipients if line.startswith("- Lưu")]
        if len(archive) != 1 or shape.recipients[-1] != archive[0]:
            problems.append(f"the archive line is not once and last: {shape.recipients}")
        if len(shape.signer) < 2 or shape.signer[0] != shape.signer[0].upper():
            problems.append(f"no signer block (position in capitals, then the signer's name): {shape.signer}")
        elif shape.signer[-1] == shape.signer[-1].upper():
            problems.append(f"the signer block has no name: {shape.signer}")
    return problems


def first_page_png(data: bytes, *, dpi: int = 80, timeout: int = 120) -> bytes | None:
    """Page 1 rendered to PNG (LibreOffice to PDF, then poppler's pdftoppm): what a person
    looks at. None when either tool is missing."""
    pdf = docx_to_pdf(data, timeout=timeout)
    pdftoppm = shutil.which("pdftoppm")
    if pdf is None or pdftoppm is None:
        return None
    with tempfile.TemporaryDirectory(prefix="dancu-png-") as tmp:
        source = Path(tmp) / "document.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run(
                [
                    pdftoppm,
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-r",
                    str(dpi),
                    "-singlefile",
                    str(source),
                    f"{tmp}/page",
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except (subprocess.SubprocessError, OSError):
            return None
        page = Path(tmp) / "page.png"
        return page.read_bytes() if page.exists() else None


@dataclass
class DocumentSample:
    """One kind of document a module generates, built from demo data, with the layout it must
    have (`layout_problems`)."""

    slug: str  # file name stem: "petitions-cover-letter"
    title: str  # what it is, in Vietnamese: "Công văn chuyển kiến nghị"
    data: bytes
    dispatch: bool = False  # a công văn
    signed: bool = True
    addressed: bool | None = None  # "Kính gửi" expected (default: for a công văn)

    def problems(self) -> list[str]:
        return layout_problems(
            self.data, dispatch=self.dispatch, signed=self.signed, addressed=self.addressed
        )
