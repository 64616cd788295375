"""Register paging that stays cheap at a million letters.

- Keyset pagination: the next page is "the 25 letters before (received date, id) of the last
  row shown", an index range scan whatever the depth, instead of OFFSET (which reads and
  throws away every earlier row).
- The count stops at a cap ("more than 2,000 results: narrow the filters") and is computed
  once: cached per query for a minute and invalidated by any write of the module (`VERSION`,
  bumped now and on commit by `core.audit.audit_record`: every write audits).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Q, QuerySet

from dancu.core.paging import (
    COUNT_CAP,
    COUNT_TTL,
    CappedPaginator,
    DataVersion,
    capped_count,
    count_cache_key,
)
from dancu.core.paging import rows_cache_key as _rows_cache_key

VERSION = DataVersion("letters")
# Up to this many matches, the first page and the count come from one query.
SMALL_RESULT = 200


def rows_cache_key(queryset: QuerySet, querystring: str, context: str) -> str:
    """Key of a rendered register page (see `dancu.core.paging.rows_cache_key`)."""
    return _rows_cache_key(VERSION, queryset, querystring, context)


def paginate_capped(request, queryset, per_page: int = 25):
    """Old links by page number (`?page=N`), with the cached, capped count."""
    return CappedPaginator(queryset, per_page, version=VERSION).get_page(request.GET.get("page"))


def parse_cursor(value: str | None) -> tuple[datetime.date, int] | None:
    """'2026-03-02.12345' -> (date, id); junk -> None (first page)."""
    if not value or "." not in value:
        return None
    day, _sep, pk = value.partition(".")
    if not pk.isdigit() or len(pk) > 18:  # an id fits a 64-bit column
        return None
    try:
        return datetime.date.fromisoformat(day), int(pk)
    except ValueError:
        return None


def make_cursor(letter: Any) -> str:
    return f"{letter.received_date.isoformat()}.{letter.pk}"


@dataclass
class KeysetPaginator:
    count: int
    capped: bool


class KeysetPage:
    """One page of a register ordered by (-received_date, -id); works like a Page in templates
    (iteration, has_next, has_previous, paginator.count/capped)."""

    def __init__(
        self,
        rows: list[Any],
        *,
        has_next: bool,
        has_previous: bool,
        paginator: Any,
    ) -> None:
        self.object_list = rows
        self._has_next = has_next
        self._has_previous = has_previous
        self.paginator = paginator
        self.next_cursor = make_cursor(rows[-1]) if rows and has_next else ""
        self.previous_cursor = make_cursor(rows[0]) if rows and has_previous else ""
        self.keyset = True

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self._has_previous


def _before(cursor: tuple[datetime.date, int]) -> Q:
    # received_date <= d is an index bound; the OR only sorts out the rows of that day.
    day, pk = cursor
    return Q(received_date__lte=day) & (Q(received_date__lt=day) | Q(pk__lt=pk))


def _after(cursor: tuple[datetime.date, int]) -> Q:
    day, pk = cursor
    return Q(received_date__gte=day) & (Q(received_date__gt=day) | Q(pk__gt=pk))


def paginate_keyset(request, queryset: QuerySet, per_page: int = 25, cap: int = COUNT_CAP) -> KeysetPage:
    """`?after=<cursor>`: the page after that row; `?before=<cursor>`: the page before it;
    neither: the first page. `queryset` must be ordered by (-received_date, -id)."""
    after = parse_cursor(request.GET.get("after"))
    before = None if after else parse_cursor(request.GET.get("before"))
    count_key = count_cache_key(VERSION, queryset, cap)
    n = cache.get(count_key)
    if n is None and not after and not before:
        # First page, count unknown (typically a new search). A selective filter: one scan
        # gives both the count and the keys of the first page, instead of filtering twice.
        small = min(cap, SMALL_RESULT)
        keys = list(queryset.values_list("pk", flat=True)[: small + 1])
        if len(keys) <= small or cap <= SMALL_RESULT:
            n = len(keys)
            cache.set(count_key, n, COUNT_TTL)
            by_pk = queryset.in_bulk(keys[: per_page + 1])
            rows = [by_pk[pk] for pk in keys[: per_page + 1] if pk in by_pk]
            return KeysetPage(
                rows[:per_page],
                has_next=len(rows) > per_page,
                has_previous=False,
                paginator=KeysetPaginator(count=min(n, cap), capped=n > cap),
            )
    if n is None:
        n = capped_count(VERSION, queryset, cap)
    paginator = KeysetPaginator(count=min(n, cap), capped=n > cap)
    if before:
        rows = list(queryset.filter(_after(before)).order_by("received_date", "id")[: per_page + 1])
        has_previous = len(rows) > per_page
        rows = rows[:per_page][::-1]
        return KeysetPage(rows, has_next=True, has_previous=has_previous, paginator=paginator)
    qs = queryset.filter(_before(after)) if after else queryset
    rows = list(qs[: per_page + 1])
    return KeysetPage(
        rows[:per_page], has_next=len(rows) > per_page, has_previous=after is not None, paginator=paginator
    )
