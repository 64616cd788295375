"""Proposals for a year's statutory holidays (Labour Code 2019 Art. 112), for the Office to
check against the government's yearly notice before saving them in the calendar."""

from __future__ import annotations

from datetime import date, timedelta

from lunardate import LunarDate


def lunar_to_solar(year: int, month: int, day: int) -> date:
    return LunarDate(year, month, day).to_solar_date()


def propose_statutory_days(year: int) -> list[tuple[date, str]]:
    """Statutory holidays of `year`, before swaps and days off in lieu."""
    new_year = lunar_to_solar(year, 1, 1)
    days = [(date(year, 1, 1), "Tết Dương lịch")]
    days.append((new_year - timedelta(days=1), "Tết Nguyên đán (30 Tết)"))
    days += [(new_year + timedelta(days=i), f"Tết Nguyên đán (mùng {i + 1})") for i in range(4)]
    days.append((lunar_to_solar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"))
    days += [(date(year, 4, 30), "Ngày Chiến thắng"), (date(year, 5, 1), "Ngày Quốc tế lao động")]
    days.append((date(year, 9, 2), "Quốc khánh"))
    return sorted(days)


def propose_days_in_lieu(year: int) -> list[tuple[date, str]]:
    """Each statutory day on a weekend gives the next free weekday off (Art. 112(3))."""
    statutory = {d for d, _ in propose_statutory_days(year)}
    taken = set(statutory)
    result = []
    for day in sorted(statutory):
        if day.weekday() >= 5:
            candidate = day
            while candidate.weekday() >= 5 or candidate in taken:
                candidate += timedelta(days=1)
            taken.add(candidate)
            result.append((candidate, f"Nghỉ bù cho ngày {day:%d/%m/%Y}"))
    return result
