"""List pages that stay cheap at a million rows: capped counts and cached rendered rows, both
keyed by a per-module data version.

- `DataVersion("letters")`: a counter in the cache. `core.audit.audit_record` bumps the
  version of the module an entry belongs to (now, and again on commit), and every write
  audits, so every cached count or page of that module becomes unreachable at once: no page older than the last write is ever served (with
  a shared cache such as Redis; with the in-process cache each worker may lag up to the TTL).
- `capped_count`: "more than 2,000 results, narrow the filters" instead of counting a million
  rows; computed once per SQL text and data version.
- `CappedPaginator`: page-number paging with that count.
- `rows_cache_key`: the key of a rendered block of rows: the SQL (which holds the user's scope
  and filters), the query string and any other context, under the data version.
- `paginate_newest_first`: keyset paging of a list ordered by `-id` (`?after=<id>`,
  `?before=<id>`): any depth is one index range scan, where OFFSET reads and throws away every
  earlier row (issue 17). A selective first page gives its count from the same scan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_CAP = 2_000
COUNT_TTL = 60  # seconds; a write invalidates earlier
ROWS_TTL = 60


class DataVersion:
    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self.key = f"{namespace}:data-version"

    def get(self) -> int:
        version = cache.get(self.key)
        if version is None:
            version = 1
            cache.add(self.key, version, None)
        return int(version)

    def bump(self) -> None:
        try:
            cache.incr(self.key)
        except ValueError:  # not in the cache (yet, or evicted)
            cache.set(self.key, 2, None)

    def bump_now_and_on_commit(self, *args, **kwargs) -> None:
        """Now (this request and tests see the change at once) and again
        after commit: a request reading between the write and the commit may have cached old
        rows under the new version."""
        from django.db import transaction

        self.bump()
        transaction.on_commit(self.bump)


def sql_digest(queryset: QuerySet, extra: str = "") -> str:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (a search of only punctuation)
        sql, params = f"EMPTY:{queryset.model._meta.label}", ()
    return hashlib.sha256(f"{sql}|{params!r}|{extra}".encode()).hexdigest()[:32]


def rows_cache_key(version: DataVersion, queryset: QuerySet, querystring: str, context: str) -> str:
    return f"{version.namespace}:rows:{version.get()}:{sql_digest(queryset, querystring + '|' + context)}"


def count_cache_key(version: DataVersion, queryset: QuerySet, cap: int) -> str:
    digest = sql_digest(queryset.order_by().values("pk")[: cap + 1])
    return f"{version.namespace}:count:{version.get()}:{cap}:{digest}"


def cached_rows(request: Any, key: str, render: Callable[[], str], ttl: int) -> str:
    """The rendered rows block under `key`, rendered and stored when missing. Notes on the
    request whether it was rendered (ServerTimingMiddleware reports it)."""
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, ttl)
        request.dancu_rows = "rendered"
    else:
        request.dancu_rows = "cached"
    return html


def capped_count(version: DataVersion, queryset: QuerySet, cap: int) -> int:
    """min(count, cap + 1), cached per SQL text and data version."""
    key = count_cache_key(version, queryset, cap)
    n = cache.get(key)
    if n is None:
        n = queryset.order_by().values("pk")[: cap + 1].count()
        cache.set(key, n, COUNT_TTL)
    return int(n)


class CappedPaginator(Paginator):
    """Page-number paging whose count stops at `cap` (`capped` tells the template)."""

    cap = COUNT_CAP
    capped = False

    def __init__(self, object_list, per_page, *, version: DataVersion, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.version = version

    @cached_property
    def count(self) -> int:
        n = capped_count(self.version, self.object_list, self.cap)  # type: ignore[arg-type]
        self.capped = n > self.cap
        return min(n, self.cap)


# Up to this many matches, the first page's keys and its count come from one scan.
SMALL_RESULT = 200
MAX_CURSOR_DIGITS = 18  # an id fits a 64-bit column


def parse_id_cursor(value: str | None) -> int | None:
    """'12345' -> 12345; junk (a letter, 10^25, zero) -> None: the first page."""
    if not value or not value.isdigit() or len(value) > MAX_CURSOR_DIGITS:
        return None
    return int(value) or None


@dataclass
class KeysetCount:
    count: int
    capped: bool


class IdKeysetPage:
    """One page of a list ordered by `-id`; works like a Page in templates (iteration,
    has_next, has_previous, paginator.count/capped) and gives the cursors of its neighbours."""

    keyset = True

    def __init__(self, rows: list[Any], *, has_next: bool, has_previous: bool, paginator: KeysetCount) -> None:
        self.object_list = rows
        self._has_next = has_next
        self._has_previous = has_previous
        self.paginator = paginator
        self.next_cursor = str(rows[-1].pk) if rows and has_next else ""
        self.previous_cursor = str(rows[0].pk) if rows and has_previous else ""

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self._has_previous


def paginate_newest_first(
    request: Any, queryset: QuerySet, per_page: int, *, version: DataVersion, cap: int = COUNT_CAP
) -> IdKeysetPage:
    """`?after=<id>`: the page of the rows older than that one; `?before=<id>`: the page of the
    rows newer than it; neither: the first page. `queryset` must be ordered by `-id`. Two
    queries, whatever the depth: the capped count (cached) and the page's rows."""
    after = parse_id_cursor(request.GET.get("after"))
    before = None if after else parse_id_cursor(request.GET.get("before"))
    count_key = count_cache_key(version, queryset, cap)
    n = cache.get(count_key)
    if n is None and not after and not before:
        # First page, count unknown (a new filter or search): if it is selective, one scan
        # gives the count and the keys of the page; the rows then come by primary key.
        small = min(cap, SMALL_RESULT)
        keys = list(queryset.values_list("pk", flat=True)[: small + 1])
        if len(keys) <= small or cap <= SMALL_RESULT:
            n = len(keys)
            cache.set(count_key, n, COUNT_TTL)
            by_pk = queryset.order_by().in_bulk(keys[: per_page + 1])
            rows = [by_pk[pk] for pk in keys[: per_page + 1] if pk in by_pk]
            return IdKeysetPage(
                rows[:per_page],
                has_next=len(rows) > per_page,
                has_previous=False,
                paginator=KeysetCount(count=min(n, cap), capped=n > cap),
            )
    if n is None:
        n = capped_count(version, queryset, cap)
    counted = KeysetCount(count=min(int(n), cap), capped=int(n) > cap)
    if before:
        rows = list(queryset.filter(pk__gt=before).order_by("pk")[: per_page + 1])
        if len(rows) > per_page:
            return IdKeysetPage(rows[:per_page][::-1], has_next=True, has_previous=True, paginator=counted)
        after = None  # back at the start: the first page, full
    rows = list((queryset.filter(pk__lt=after) if after else queryset)[: per_page + 1])
    return IdKeysetPage(
        rows[:per_page], has_next=len(rows) > per_page, has_previous=after is not None, paginator=counted
    )
