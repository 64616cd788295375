"""Excel (.xlsx) import and export: templates for offices to fill in, and strict reading back.

Reading validates every row before anything is written, so a file with one bad row is refused
as a whole with a list of `RowError`s the office can fix in one pass. File-level problems (not
an .xlsx, empty, missing columns, too many rows) raise `SpreadsheetRejected`, never a 500.
Row numbers are the ones Excel shows: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import datetime
import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .errors import ValidationFailed
from .text import clean_text, fold, normalize_spaces

logger = logging.getLogger(__name__)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A 5 MB upload may inflate to far more; refuse archives that would (a "zip bomb").
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_ROWS = 5000
# Sheets often carry formatting far below the data; stop after this many blank rows in a row.
MAX_TRAILING_BLANK_ROWS = 1000
REQUIRED_MARK = " (*)"
DATE_FORMAT = "DD/MM/YYYY"


class CellError(ValueError):
    """Raised by a parser; the message is shown to the user next to the row and column."""


class SpreadsheetRejected(ValidationFailed):
    code = "spreadsheet_rejected"


@dataclass(frozen=True)
class RowError:
    row: int  # as Excel shows it; 0 for a problem with the whole file
    column: str  # the column header, "" for the whole row
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


def _variants(text: str | Promise) -> set[str]:
    """Folded forms of a label in every language of the site, so a template downloaded in
    Vietnamese is read back the same when the reader's language is English, and vice versa."""
    forms = {fold(str(text))}
    if isinstance(text, Promise):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                forms.add(fold(str(text)))
    return forms


def _plain(value: Any) -> str:
    """A cell as text: numbers typed into text columns lose their ".0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_spaces(str(value))


# -- Parsers: each turns a non-blank cell into a value or raises CellError --------------------


class Parser:
    options: Sequence[str] = ()  # labels offered as a drop-down in the template

    def __call__(self, value: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> str:
        return ""

    def format(self, value: Any) -> Any:
        """The cell value written by `export_rows`."""
        return value


@dataclass
class Text(Parser):
    max_length: int | None = None

    def __call__(self, value: Any) -> str:
        text = clean_text(_plain(value))
        if self.max_length and len(text) > self.max_length:
            raise CellError(_("At most %(limit)d characters.") % {"limit": self.max_length})
        return text


@dataclass
class Email(Text):
    max_length: int | None = 254

    def __call__(self, value: Any) -> str:
        text = super().__call__(value)
        try:
            validate_email(text)
        except ValidationError as exc:
            raise CellError(_("Not a valid e-mail address.")) from exc
        return text


@dataclass
class Integer(Parser):
    min_value: int | None = None
    max_value: int | None = None

    def __call__(self, value: Any) -> int:
        if isinstance(value, bool):
            raise CellError(_("A whole number is required."))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            value = int(value)
        if not isinstance(value, int):
            raise CellError(_("A whole number is required."))
        if self.min_value is not None and value < self.min_value:
            raise CellError(_("Must be at least %(limit)d.") % {"limit": self.min_value})
        if self.max_value is not None and value > self.max_value:
            raise CellError(_("Must be at most %(limit)d.") % {"limit": self.max_value})
        return value

    def describe(self) -> str:
        return _("A whole number.")


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass
class Date(Parser):
    def __call__(self, value: Any) -> datetime.date:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _plain(value).split(" ")[0]
        parts: tuple[str, ...] | None = None
        if match := _DMY.fullmatch(text):
            parts = (match.group(3), match.group(2), match.group(1))
        elif match := _YMD.fullmatch(text):
            parts = match.groups()
        if parts is None:
            raise CellError(_("Not a date: write it as dd/mm/yyyy, e.g. 05/01/2024."))
        try:
            return datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError as exc:
            raise CellError(_("This date does not exist.")) from exc

    def describe(self) -> str:
        return _("A date, dd/mm/yyyy.")


@dataclass
class Choice(Parser):
    """Labels (translatable) mapped to stored values, compared without diacritics or case."""

    choices: Sequence[tuple[Any, str | Promise]] = field(default_factory=list)  # (value, label)

    def __post_init__(self) -> None:
        self._lookup: dict[str, Any] = {}
        for value, label in self.choices:
            self._lookup[fold(str(value))] = value
            for form in _variants(label):
                self._lookup[form] = value

    @property
    def options(self) -> list[str]:  # type: ignore[override]
        return [str(label) for _value, label in self.choices]

    def __call__(self, value: Any) -> Any:
        key = fold(_plain(value))
        if key not in self._lookup:
            raise CellError(_("Must be one of: %(options)s.") % {"options": ", ".join(self.options)})
        return self._lookup[key]

    def describe(self) -> str:
        return _("One of: %(options)s.") % {"options": ", ".join(self.options)}

    def format(self, value: Any) -> Any:
        for stored, label in self.choices:
            if stored == value:
                return str(label)
        return value


# Tokens typed by hand besides the translated "yes"/"no"; folded, so "Có" and "co" both work.
_TRUE = {"x", "1", "true", "yes", "co", "y"}
_FALSE = {"0", "false", "no", "khong", "n", "-"}


@dataclass
class Boolean(Parser):
    def __call__(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        key = fold(_plain(value))
        if key in _TRUE or key in _variants(_yes()):
            return True
        if key in _FALSE or key in _variants(_no()):
            return False
        raise CellError(_("Write %(yes)s or %(no)s.") % {"yes": _yes(), "no": _no()})

    @property
    def options(self) -> list[str]:  # type: ignore[override]
        return [_yes(), _no()]

    def describe(self) -> str:
        return _("%(yes)s or %(no)s (an x also means %(yes)s; empty means %(no)s).") % {
            "yes": _yes(),
            "no": _no(),
        }

    def format(self, value: Any) -> Any:
        if value is None:
            return None
        return _yes() if value else _no()


def _yes() -> str:
    return _("yes")


def _no() -> str:
    return _("no")


# -- Columns and rows -------------------------------------------------------------------------


@dataclass
class Column:
    key: str
    header: str | Promise  # the text in the template's header row (translated when shown)
    required: bool = False
    parser: Parser = field(default_factory=Text)
    help: str | Promise = ""
    width: int = 20
    default: Any = None  # the value of a blank cell

    def header_forms(self) -> set[str]:
        return _variants(self.header) | {fold(self.key)}


@dataclass
class Row:
    number: int  # as Excel shows it
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


# A cross-check of one parsed row: returns (column key or "", message) pairs.
RowCheck = Callable[[Row], Iterable[tuple[str, str]]]
Progress = Callable[[int, int], None]


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_key(cell: Any) -> str:
    text = fold(_plain(cell)) if not _is_blank(cell) else ""
    text = text.removesuffix("(*)").rstrip("* ").strip()
    return text


def looks_like_xlsx(head: bytes) -> bool:
    """An .xlsx is a zip archive; anything else (a renamed .txt or old .xls) is refused early."""
    return head.startswith(ZIP_MAGIC)


def check_upload(upload, *, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """Refuse an uploaded file that is not an .xlsx by name or by content, or is too large."""
    name = (getattr(upload, "name", "") or "").lower()
    if not name.endswith(".xlsx"):
        raise SpreadsheetRejected(_("Only Excel files (.xlsx) can be imported."))
    if upload.size > max_bytes:
        raise SpreadsheetRejected(
            _("The file is too large: at most %(limit)d MB.") % {"limit": max_bytes // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if not looks_like_xlsx(head):
        raise SpreadsheetRejected(_("This file is not an Excel (.xlsx) file."))


# Cells of all sheets together: a small file can declare millions of cells (one 226 KB file
# held a row of 2 million), and openpyxl parses every cell of a row it reads.
MAX_CELLS = 500_000
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[ >/]")


def _check_cell_count(archive: zipfile.ZipFile) -> None:
    """Count cells in the sheets' XML as it decompresses (bytes, no parsing) and refuse the file
    past MAX_CELLS, before openpyxl spends time on it."""
    count = 0
    for name in archive.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        tail = b""
        with archive.open(name) as part:
            while chunk := part.read(1 << 20):
                block = tail + chunk
                count += len(_CELL_TAG.findall(block))
                # keep a few bytes so a tag split across chunks is counted once, in the next block
                tail = block[-8:]
                count -= len(_CELL_TAG.findall(tail))
                if count > MAX_CELLS:
                    raise SpreadsheetRejected(
                        _("The file has too many cells: at most %(limit)s.")
                        % {"limit": f"{MAX_CELLS:,}".replace(",", ".")}
                    )


def _open_workbook(file) -> Any:
    if not isinstance(file, bytes) and hasattr(file, "seek"):
        file.seek(0)
    data = file if isinstance(file, bytes) else file.read()
    not_xlsx = SpreadsheetRejected(_("This file is not an Excel (.xlsx) file."))
    if not data:
        raise SpreadsheetRejected(_("The file is empty."))
    if not looks_like_xlsx(data[:4]):
        raise not_xlsx
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED_BYTES:
                raise SpreadsheetRejected(_("The file is too large."))
            _check_cell_count(archive)
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SpreadsheetRejected:
        raise
    except Exception as exc:
        # Anything can come out of parsing an untrusted archive (BadZipFile,
        # InvalidFileException, KeyError for a missing part, XML errors...): all mean the same
        # thing to the user, and none may become a 500.
        logger.info("Unreadable spreadsheet: %r", exc)
        raise not_xlsx from exc


def read_rows(
    file,
    columns: Sequence[Column],
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    progress: Progress | None = None,
    progress_every: int = 50,
    check: RowCheck | None = None,
) -> tuple[list[Row], list[RowError]]:
    """Parse and validate every row of the first sheet.

    Returns the parsed rows and every error found (an empty list when the file is good).
    Raises SpreadsheetRejected when the file as a whole cannot be read.
    """
    workbook = _open_workbook(file)
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise SpreadsheetRejected(_("The file is empty."))
        raw = _raw_rows(sheet, columns, max_rows)
    finally:
        workbook.close()
    by_key = {c.key: c for c in columns}
    rows: list[Row] = []
    errors: list[RowError] = []
    total = len(raw)
    for done, (number, cells) in enumerate(raw, start=1):
        values: dict[str, Any] = {}
        row_errors: list[RowError] = []
        for column, cell in zip(columns, cells, strict=True):
            if _is_blank(cell):
                if column.required:
                    row_errors.append(RowError(number, str(column.header), _("This column is required.")))
                values[column.key] = column.default
                continue
            try:
                values[column.key] = column.parser(cell)
            except CellError as exc:
                row_errors.append(RowError(number, str(column.header), str(exc)))
        row = Row(number, values)
        # Cross-checks only make sense on a row whose cells parsed.
        if check is not None and not row_errors:
            for key, message in check(row):
                header = str(by_key[key].header) if key in by_key else ""
                row_errors.append(RowError(number, header, message))
        errors.extend(row_errors)
        if not row_errors:
            rows.append(row)
        if progress is not None and (done % progress_every == 0 or done == total):
            progress(done, total)
    return rows, errors


def _raw_rows(sheet, columns: Sequence[Column], max_rows: int) -> list[tuple[int, list[Any]]]:
    """The header checked and mapped, then the non-blank data rows as (number, cells)."""
    iterator = sheet.iter_rows(values_only=True)
    header = next(iterator, None)
    if header is None or all(_is_blank(c) for c in header):
        raise SpreadsheetRejected(_("The file is empty."))
    positions = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        if key and key not in positions:
            positions[key] = index
    indexes: list[int | None] = []
    missing = []
    for column in columns:
        found = next((positions[f] for f in column.header_forms() if f in positions), None)
        if found is None and column.required:
            missing.append(str(column.header))
        indexes.append(found)
    if missing:
        raise SpreadsheetRejected(
            _("Columns missing from the header row: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    raw: list[tuple[int, list[Any]]] = []
    blank_run = 0
    for number, cells in enumerate(iterator, start=2):
        picked = [cells[i] if i is not None and i < len(cells) else None for i in indexes]
        if all(_is_blank(c) for c in picked):
            blank_run += 1
            if blank_run >= MAX_TRAILING_BLANK_ROWS:
                break
            continue
        blank_run = 0
        if len(raw) >= max_rows:
            raise SpreadsheetRejected(
                _("The file has too many rows: at most %(limit)d at a time.") % {"limit": max_rows}
            )
        raw.append((number, picked))
    if not raw:
        raise SpreadsheetRejected(_("The file has no data rows."))
    return raw


# -- Writing ----------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")


def _sheet_title(title: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", str(title)).strip()
    return (cleaned or "Sheet1")[:31]


def _header_row(sheet, headers: Sequence[str], widths: Sequence[int], fills=None) -> None:
    sheet.append(list(headers))
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = _HEADER_FONT
        cell.fill = fills[index - 1] if fills else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


# A text cell beginning with one of these is a formula to Excel and LibreOffice (OWASP's CSV /
# formula injection list): exported user text is always stored as text, never evaluated.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell_value(column: Column | None, value: Any) -> Any:
    if column is not None:
        value = column.parser.format(value)
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        value = clean_text(value)  # one control character would make the whole file unreadable
    return value


def _append_as_text(sheet, values: list[Any]) -> None:
    """Append a row; every string cell is stored as a string, and one that Excel would read as
    a formula also gets the quote prefix (shown as text even after the cell is edited)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_TRIGGERS):
                cell.quotePrefix = True


def _format_cells(sheet, columns: Sequence[Column | None], first_row: int, last_row: int) -> None:
    for index, column in enumerate(columns, start=1):
        for (cell,) in sheet.iter_rows(min_row=first_row, max_row=last_row, min_col=index, max_col=index):
            if isinstance(cell.value, datetime.date):
                cell.number_format = DATE_FORMAT
            elif column is not None and type(column.parser) in (Text, Email):
                # Text format keeps the leading zero of a phone number typed into the cell.
                cell.number_format = "@"


def build_template(
    columns: Sequence[Column],
    title: str,
    example_rows: Sequence[dict[str, Any]] = (),
    *,
    notes: Sequence[str] = (),
    max_rows: int = DEFAULT_MAX_ROWS,
    blank_rows: int = 500,
) -> bytes:
    """An .xlsx to fill in: the data sheet (bold header, widths, frozen header, drop-downs for
    choices) and an instructions sheet describing each column."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(title)
    headers = [str(c.header) + (REQUIRED_MARK if c.required else "") for c in columns]
    fills = [_REQUIRED_FILL if c.required else _HEADER_FILL for c in columns]
    _header_row(sheet, headers, [c.width for c in columns], fills)
    for example in example_rows:
        sheet.append([_cell_value(c, example.get(c.key)) for c in columns])
    last = 1 + len(example_rows) + blank_rows
    _format_cells(sheet, columns, 2, last)
    for index, column in enumerate(columns, start=1):
        options = list(column.parser.options)
        formula = '"' + ",".join(options) + '"'
        # Excel limits an inline list to 255 characters; longer lists are only described.
        if options and len(formula) <= 255 and not any("," in o or '"' in o for o in options):
            validation = DataValidation(type="list", formula1=formula, allow_blank=True)
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(validation)
    _instructions(workbook, columns, notes, max_rows)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _instructions(workbook, columns: Sequence[Column], notes: Sequence[str], max_rows: int) -> None:
    sheet = workbook.create_sheet(_sheet_title(_("Instructions")))
    _header_row(sheet, [_("Column"), _("Required"), _("What to write")], [28, 12, 80])
    for column in columns:
        described = " ".join(t for t in (str(column.help), column.parser.describe()) if t)
        sheet.append([str(column.header), _yes() if column.required else _no(), described])
    sheet.append([])
    general = [
        _("Fill in the first sheet, one row per record, starting on row 2."),
        _("Do not change or move the header row. Columns marked (*) are required."),
        _("Write dates as dd/mm/yyyy, e.g. 05/01/2024."),
        _("At most %(limit)d rows per file. Empty rows are ignored.") % {"limit": max_rows},
        _("If any row has an error, nothing is imported: fix the rows listed and upload the file again."),
        *[str(n) for n in notes],
    ]
    for line in general:
        sheet.append([line])
    for (cell,) in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def export_rows(
    columns: Sequence[Column | str],
    rows: Iterable[dict[str, Any] | Sequence[Any]],
    title: str,
) -> bytes:
    """An .xlsx of `rows`: dicts keyed by Column.key, or sequences in the order of the headers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(title)
    cols = [c if isinstance(c, Column) else None for c in columns]
    headers = [str(c.header) if isinstance(c, Column) else str(c) for c in columns]
    widths = [
        c.width if isinstance(c, Column) else max(12, min(len(h) + 4, 60))
        for c, h in zip(columns, headers, strict=True)
    ]
    _header_row(sheet, headers, widths)
    count = 0
    for row in rows:
        if isinstance(row, dict):
            values = [row.get(c.key) if isinstance(c, Column) else row.get(c) for c in columns]
        else:
            values = list(row)
        _append_as_text(sheet, [_cell_value(col, v) for col, v in zip(cols, values, strict=False)])
        count += 1
    if count:
        _format_cells(sheet, cols, 2, count + 1)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
