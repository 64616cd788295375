"""Import of voter opinions of one meeting from Excel (.xlsx) or CSV, all rows or none."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.excel import Column, Progress, RowError, Text, build_template, read_rows
from dancu.core.files import XLSX, FileRejected, Kind, check_file, sniff
from dancu.core.text import clean_text, fold

IMPORT_KIND = "petitions_opinions"
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
# A CSV has no signature: it is accepted as UTF-8 text that is no other kind of file.
CSV = Kind("csv", "csv", "text/csv", "CSV (UTF-8)")


def check_opinion_file(upload: Any) -> Kind:
    """The checked kind of an opinion file: a real .xlsx workbook (core.files.check_file), or,
    for a name ending in .csv, UTF-8 text without NUL bytes that is no PDF, image or archive;
    5 MB at most either way. FileRejected (its message is shown by the file field) otherwise."""
    if not str(getattr(upload, "name", "") or "").lower().endswith(".csv"):
        return check_file(upload, kinds=(XLSX,), max_bytes=MAX_BYTES)
    too_large = FileRejected(
        _("The file is too large: at most %(mb)d MB.") % {"mb": MAX_BYTES // (1024 * 1024)},
        details={"field": "file"},
    )
    if (getattr(upload, "size", 0) or 0) > MAX_BYTES:
        raise too_large
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    upload.seek(0)
    if len(data) > MAX_BYTES:
        raise too_large
    if not data.strip():
        raise FileRejected(_("The file is empty."), details={"field": "file"})
    try:
        data.decode("utf-8-sig")
        is_text = b"\x00" not in data and sniff(data) is None
    except UnicodeDecodeError:
        is_text = False
    if not is_text:
        raise FileRejected(_("The CSV file must be text encoded in UTF-8."), details={"field": "file"})
    return CSV


COLUMNS = [
    Column("text", gettext_lazy("Opinion"), required=True, parser=Text(max_length=5000), width=80),
    Column("voter_label", gettext_lazy("Voter or group"), parser=Text(max_length=200), width=30),
    Column("area", gettext_lazy("Area"), parser=Text(max_length=200), width=25),
]


def opinion_template() -> bytes:
    return build_template(
        COLUMNS, _("Opinions"), notes=[_("One opinion per row, as recorded at the meeting.")]
    )


def _csv_rows(data: bytes, progress: Progress | None) -> tuple[list[dict[str, Any]], list[RowError]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(0, "", _("The CSV file must be encoded in UTF-8."))]
    reader = list(csv.reader(io.StringIO(text)))
    if not reader:
        return [], [RowError(0, "", _("The file is empty."))]
    header = [fold(h) for h in reader[0]]
    index: dict[str, int] = {}
    for col in COLUMNS:
        forms = col.header_forms()
        for i, h in enumerate(header):
            if h in forms:
                index[col.key] = i
    if "text" not in index:
        return [], [RowError(1, "", _("The column %(name)s is missing.") % {"name": COLUMNS[0].header})]
    rows, errors = [], []
    body = reader[1:]
    if len(body) > MAX_ROWS:
        return [], [RowError(0, "", _("The file has more than %(n)d rows.") % {"n": MAX_ROWS})]
    for number, cells in enumerate(body, start=2):
        if not any(c.strip() for c in cells):
            continue
        # The cells lose their control characters, as every imported cell (core.text.clean_text).
        values = {k: (clean_text(cells[i]).strip() if i < len(cells) else "") for k, i in index.items()}
        if not values.get("text"):
            errors.append(RowError(number, str(COLUMNS[0].header), _("This column is required.")))
        elif len(values["text"]) > 5000:
            errors.append(
                RowError(number, str(COLUMNS[0].header), _("At most %(limit)d characters.") % {"limit": 5000})
            )
        else:
            rows.append(values)
        if progress is not None and (number % 50 == 0 or number == len(body) + 1):
            progress(number - 1, len(body))
    return rows, errors


def read_opinion_file(data: bytes, name: str, progress: Progress | None = None):
    """Parsed rows ({"text", "voter_label", "area"}) and every row error."""
    if name.lower().endswith(".csv"):
        return _csv_rows(data, progress)
    rows, errors = read_rows(io.BytesIO(data), COLUMNS, max_rows=MAX_ROWS, progress=progress)
    return [dict(r.values) for r in rows], errors
