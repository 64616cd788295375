"""Builders for the new-term tests: a list of the elected as a real .xlsx (the headers are the
columns' keys, which the reader accepts beside the translated headers)."""

from __future__ import annotations

import datetime
import io
from typing import Any

from openpyxl import Workbook

from dancu.council.term_import import elected_columns


def elected_xlsx(rows: list[dict[str, Any]]) -> bytes:
    columns = elected_columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([c.key for c in columns])
    for row in rows:
        values = []
        for c in columns:
            value = row.get(c.key)
            if isinstance(value, datetime.date):
                value = value.strftime("%d/%m/%Y")
            values.append(value)
        sheet.append(values)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def elected_row(name: str, birth: datetime.date, **values: Any) -> dict[str, Any]:
    return {"full_name": name, "birth_date": birth, "gender": "Nam", "ethnicity": "Kinh", **values}
