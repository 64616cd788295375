"""Working days against hand-checked dates (seeded calendar 2024-2027, RULES.md)."""

from datetime import date

import pytest

from dancu.core import calendar
from dancu.core.models import Holiday

pytestmark = pytest.mark.django_db

D = date


@pytest.mark.parametrize(
    ("start", "n", "expected", "why"),
    [
        (D(2026, 2, 13), 1, D(2026, 2, 23), "Tết 2026: off 16-20/2, weekend 21-22/2"),
        (D(2026, 2, 12), 5, D(2026, 2, 26), "Tết 2026 in the middle of the count"),
        (D(2025, 1, 24), 1, D(2025, 2, 3), "Tết 2025: off 27-31/1, weekend 1-2/2"),
        (D(2025, 2, 7), 1, D(2025, 2, 8), "Saturday 8/2/2025 is a make-up working day"),
        (D(2025, 1, 20), 10, D(2025, 2, 8), "across Tết 2025, ending on the make-up Saturday"),
        (D(2026, 4, 24), 1, D(2026, 4, 28), "Hùng Kings 2026 falls on Sunday 26/4: Monday 27/4 off in lieu"),
        (D(2026, 4, 29), 1, D(2026, 5, 4), "30/4 and 1/5/2026 are Thursday and Friday"),
        (D(2025, 4, 25), 1, D(2025, 4, 26), "Saturday 26/4/2025 is a make-up working day"),
        (D(2025, 4, 29), 1, D(2025, 5, 5), "30/4, 1/5, swapped 2/5/2025, then the weekend"),
        (D(2025, 8, 29), 1, D(2025, 9, 3), "National Day 2025: 1-2/9 after the weekend"),
        (D(2024, 2, 7), 1, D(2024, 2, 15), "Tết 2024: off 8-14/2"),
        (D(2024, 4, 26), 1, D(2024, 5, 2), "29/4/2024 swapped, 30/4 and 1/5 holidays"),
        (D(2024, 5, 3), 1, D(2024, 5, 4), "Saturday 4/5/2024 is a make-up working day"),
        (D(2024, 3, 4), 5, D(2024, 3, 11), "a plain week: Monday + 5 working days"),
    ],
)
def test_add_working_days(start, n, expected, why):
    assert calendar.add_working_days(start, n) == expected, why


@pytest.mark.parametrize(
    ("start", "n", "expected", "why"),
    [
        (D(2026, 2, 6), 10, D(2026, 2, 23), "term ends on 16/2/2026 (Tết): moves to the next working day"),
        (D(2024, 3, 1), 15, D(2024, 3, 18), "term ends on Saturday: moves to Monday"),
        (D(2025, 1, 29), 10, D(2025, 2, 8), "term ends on the make-up Saturday, a working day: stays"),
        (D(2026, 1, 1), 30, D(2026, 2, 2), "term ends on Saturday 31/1/2026"),
        (D(2026, 3, 2), 30, D(2026, 4, 1), "term ends on a working day: no change"),
        (D(2026, 8, 3), 30, D(2026, 9, 3), "term ends on 2/9/2026: next working day 3/9"),
    ],
)
def test_add_days_civil_code(start, n, expected, why):
    assert calendar.add_days(start, n) == expected, why


def test_is_working_day_reads_holidays_swaps_and_makeup_days():
    assert calendar.is_working_day(D(2024, 5, 4))  # make-up Saturday
    assert not calendar.is_working_day(D(2024, 4, 29))  # swapped Monday
    assert not calendar.is_working_day(D(2026, 2, 18))  # Tết
    assert not calendar.is_working_day(D(2026, 2, 21))  # Saturday
    assert calendar.is_working_day(D(2026, 2, 23))


def test_calendar_follows_edits_of_the_table():
    assert calendar.add_working_days(D(2026, 6, 1), 1) == D(2026, 6, 2)
    Holiday.objects.create(date=D(2026, 6, 2), kind=Holiday.Kind.HOLIDAY, name="Ngày nghỉ thử")
    assert calendar.add_working_days(D(2026, 6, 1), 1) == D(2026, 6, 3)


def test_working_days_between_and_bad_input():
    cal = calendar.current_calendar()
    assert cal.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert cal.working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == 0
    with pytest.raises(ValueError):
        cal.add_working_days(D(2026, 1, 1), -1)


def test_seed_covers_every_year_in_use():
    years = set(Holiday.objects.dates("date", "year").values_list("date__year", flat=True))
    assert {2024, 2025, 2026, 2027} <= years


def test_lunar_proposals_match_the_seed():
    from dancu.core.holidays import propose_days_in_lieu, propose_statutory_days

    statutory = dict(propose_statutory_days(2026))
    assert D(2026, 4, 26) in statutory  # Hùng Kings, lunar 10/3
    assert D(2026, 2, 17) in statutory  # lunar new year
    in_lieu = dict(propose_days_in_lieu(2026))
    assert D(2026, 4, 27) in in_lieu
