"""Register paging that stays cheap at a million letters.

- Keyset pagination: the next page is "the 25 letters before (received date, id) of the last
  row shown", an index range scan whatever the depth, instead of OFFSET (which reads and
  throws away every earlier row).
- The count stops at a cap ("more than 2,000 results: narrow the filters") and is computed
  once: carried, signed, in the pager's links, and cached per query for a minute and
  invalidated by any write of the module (`VERSION`, bumped now and on commit by
  `core.audit.audit_record`: every write audits).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet

from dancu.core.paging import COUNT_CAP, CappedPaginator, DataVersion, KeysetOrder, KeysetPage
from dancu.core.paging import paginate_keyset as _paginate_keyset
from dancu.core.paging import rows_cache_key as _rows_cache_key

VERSION = DataVersion("letters")


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


def _before(cursor: tuple[datetime.date, int]) -> Q:
    # received_date <= d is an index bound; the OR only sorts out the rows of that day.
    day, pk = cursor
    return Q(received_date__lte=day) & (Q(received_date__lt=day) | Q(pk__lt=pk))


def _after(cursor: tuple[datetime.date, int]) -> Q:
    day, pk = cursor
    return Q(received_date__gte=day) & (Q(received_date__gt=day) | Q(pk__gt=pk))


# The register's order: newest received first, then newest id.
BY_RECEIVED = KeysetOrder(
    parse=parse_cursor, make=make_cursor, older=_before, newer=_after, ascending=("received_date", "id")
)


def paginate_keyset(request, queryset: QuerySet, per_page: int = 25, cap: int = COUNT_CAP) -> KeysetPage:
    """`?after=<cursor>` / `?before=<cursor>` pages of a register ordered by
    (-received_date, -id) (`dancu.core.paging.paginate_keyset`)."""
    return _paginate_keyset(request, queryset, per_page, version=VERSION, order=BY_RECEIVED, cap=cap)
