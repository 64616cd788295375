"""The People's Committee's weekly schedule as an Excel sheet (lịch công tác tuần): the template
and the strict reading back, one row per meeting (dancu.core.excel: every row is checked before
anything is written; the errors are listed by row and column)."""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.excel import CellError, Column, Date, Parser, Row, Text, build_template, read_rows
from dancu.core.text import fold

from .ics import Parsed

_TIME = re.compile(r"(\d{1,2})\s*[:hH giờ]+\s*(\d{0,2})")


class Time(Parser):
    def __call__(self, value: Any) -> datetime.time:
        if isinstance(value, datetime.datetime):
            return value.time().replace(second=0, microsecond=0)
        if isinstance(value, datetime.time):
            return value.replace(second=0, microsecond=0)
        if isinstance(value, float) and 0 <= value < 1:  # an Excel time stored as a fraction of a day
            minutes = round(value * 24 * 60)
            return datetime.time(minutes // 60, minutes % 60)
        text = str(value).strip()
        match = _TIME.fullmatch(text)
        if match is None:
            raise CellError(_("Not a time: write it as hh:mm, e.g. 07:30."))
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 23 or minute > 59:
            raise CellError(_("This time does not exist."))
        return datetime.time(hour, minute)

    def describe(self) -> str:
        return _("A time, hh:mm (24 hours).")

    def format(self, value: Any) -> Any:
        return value.strftime("%H:%M") if isinstance(value, datetime.time) else value


COLUMNS = [
    Column("date", gettext_lazy("Date"), required=True, parser=Date(), width=14),
    Column("start", gettext_lazy("From"), required=True, parser=Time(), width=10),
    Column(
        "end",
        gettext_lazy("Until"),
        parser=Time(),
        width=10,
        help=gettext_lazy("Empty: two hours after the start."),
    ),
    Column("title", gettext_lazy("Content"), required=True, parser=Text(max_length=300), width=60),
    Column("place", gettext_lazy("Place"), parser=Text(max_length=300), width=30),
    Column("chair", gettext_lazy("Chaired by"), parser=Text(max_length=200), width=30),
    Column("attendees", gettext_lazy("Attended by"), parser=Text(max_length=1000), width=40),
]


def _check(row: Row):
    if row.get("end") is not None and row["end"] <= row["start"]:
        yield "end", _("The meeting must end after it starts.")


def template() -> bytes:
    example = {
        "date": datetime.date(2026, 12, 7),
        "start": datetime.time(8, 0),
        "end": datetime.time(11, 0),
        "title": "Họp UBND tỉnh thường kỳ tháng 12",
        "place": "Phòng họp số 1, UBND tỉnh",
        "chair": "Chủ tịch UBND tỉnh",
        "attendees": "Các Phó Chủ tịch UBND tỉnh; Giám đốc các sở",
    }
    return build_template(
        COLUMNS,
        _("Weekly schedule"),
        [example],
        notes=[
            _(
                "Importing the same row again (same date, start and content) updates it instead of adding it twice."
            )
        ],
    )


def row_uid(row: Row) -> str:
    key = f"{row['date'].isoformat()}|{row['start'].strftime('%H:%M')}|{fold(row['title'])}"
    return "excel:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def read(file) -> tuple[list[Parsed], list]:
    rows, errors = read_rows(file, COLUMNS, max_rows=1000, check=_check)
    if errors:
        return [], errors
    tz = timezone.get_current_timezone()
    parsed = []
    for row in rows:
        start = datetime.datetime.combine(row["date"], row["start"], tzinfo=tz)
        end = (
            datetime.datetime.combine(row["date"], row["end"], tzinfo=tz)
            if row.get("end") is not None
            else start + datetime.timedelta(hours=2)
        )
        lines = []
        if row.get("chair"):
            lines.append(_("Chaired by: %(who)s") % {"who": row["chair"]})
        if row.get("attendees"):
            lines.append(_("Attended by: %(who)s") % {"who": row["attendees"]})
        parsed.append(
            Parsed(
                uid=row_uid(row),
                title=row["title"],
                start=start,
                end=end,
                all_day=False,
                place=row.get("place") or "",
                description="\n".join(lines),
                sequence=0,
                cancelled=False,
            )
        )
    return parsed, []
