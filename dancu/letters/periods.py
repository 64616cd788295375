"""The period of the statistics and of the report: the first or last six months of a year, a
whole year, or any dates from-to (the Vietnamese label names it in the report)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

FIRST_HALF = "1"
SECOND_HALF = "2"


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    label: str  # "6 tháng đầu năm 2026": how the report names the period
    slug: str  # for the file name: "2026-6-thang-dau"


def half_year(year: int, half: str) -> Period:
    if half == FIRST_HALF:
        return Period(
            datetime.date(year, 1, 1),
            datetime.date(year, 6, 30),
            f"6 tháng đầu năm {year}",
            f"{year}-6-thang-dau",
        )
    return Period(
        datetime.date(year, 7, 1),
        datetime.date(year, 12, 31),
        f"6 tháng cuối năm {year}",
        f"{year}-6-thang-cuoi",
    )


def whole_year(year: int) -> Period:
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"năm {year}", f"nam-{year}")


def between(start: datetime.date, end: datetime.date) -> Period:
    return Period(
        start,
        end,
        f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
        f"{start:%Y%m%d}-{end:%Y%m%d}",
    )


def current_half(today: datetime.date) -> Period:
    return half_year(today.year, FIRST_HALF if today.month <= 6 else SECOND_HALF)
