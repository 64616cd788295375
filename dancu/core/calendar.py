"""Working days and legal time limits.

- A working day is Monday-Friday, minus public holidays and days off in lieu, plus the
  Saturdays the government declares as make-up working days (table `core.Holiday`).
- Civil Code 2015 Art. 147-148: a term counted in days starts on the day after the event;
  when its last day is not a working day, it ends at the end of the next working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max

from .models import Holiday


@dataclass(frozen=True)
class WorkingCalendar:
    days_off: frozenset[date]
    makeup_days: frozenset[date]

    def is_working_day(self, day: date) -> bool:
        if day in self.makeup_days:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """The first working day on or after `day`."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (the day of the event does not count)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        while n > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

    def add_days(self, start: date, n: int) -> date:
        """A term of n calendar days from `start` (Civil Code Art. 147-148)."""
        if n < 0:
            raise ValueError("n must not be negative")
        return self.next_working_day(start + timedelta(days=n))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count


_cached: tuple[tuple, WorkingCalendar] | None = None


def current_calendar() -> WorkingCalendar:
    """The calendar as the table holds it now; reloaded only when the table changed."""
    global _cached
    stamp = tuple(Holiday.objects.aggregate(n=Count("id"), last=Max("updated_at")).values())
    if _cached is None or _cached[0] != stamp:
        off: set[date] = set()
        makeup: set[date] = set()
        for day, kind in Holiday.objects.values_list("date", "kind"):
            (makeup if kind == Holiday.Kind.MAKEUP_WORKDAY else off).add(day)
        _cached = (stamp, WorkingCalendar(frozenset(off), frozenset(makeup)))
    return _cached[1]


def is_working_day(day: date) -> bool:
    return current_calendar().is_working_day(day)


def add_working_days(start: date, n: int) -> date:
    return current_calendar().add_working_days(start, n)


def add_days(start: date, n: int) -> date:
    return current_calendar().add_days(start, n)
