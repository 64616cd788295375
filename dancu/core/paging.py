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
- `paginate_keyset`: keyset paging of a list shown newest first (`?after=<cursor>`,
  `?before=<cursor>`, the cursor as its `KeysetOrder` writes it): any depth is one index range
  scan, where OFFSET reads and throws away every earlier row (issue 17). A selective first page
  gives its count from the same scan; the pager's links carry the count, signed, so the next
  pages do not count again.
- With no cache configured (`DANCU_CACHE=off`: Django's DummyCache) no key is computed at all:
  a key costs a compilation of the SQL, ~1 ms a page, for nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
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


def cache_stores() -> bool:
    """False when the cache keeps nothing (DummyCache): then no key is worth computing."""
    return not isinstance(caches["default"], DummyCache)


def cached_rows(request: Any, key: Callable[[], str], render: Callable[[], str], ttl: int) -> str:
    """The rendered rows block under `key()`, rendered and stored when missing. Notes on the
    request whether it was rendered (ServerTimingMiddleware reports it)."""
    if not cache_stores():
        request.dancu_rows = "rendered"
        return render()
    cache_key = key()
    html = cache.get(cache_key)
    if html is None:
        html = render()
        cache.set(cache_key, html, ttl)
        request.dancu_rows = "rendered"
    else:
        request.dancu_rows = "cached"
    return html


def capped_count(version: DataVersion, queryset: QuerySet, cap: int) -> int:
    """min(count, cap + 1), cached per SQL text and data version."""
    key = count_cache_key(version, queryset, cap) if cache_stores() else None
    n = cache.get(key) if key else None
    if n is None:
        n = queryset.order_by().values("pk")[: cap + 1].count()
        if key:
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


# A text search counts up to this many matches, in the same scan as its first page's keys.
SMALL_RESULT = 200
MAX_CURSOR_DIGITS = 18  # an id fits a 64-bit column
# The query-string parameters of paging itself (the rest are the list's filters).
PAGING_PARAMS = frozenset({"page", "after", "before", "n"})


def parse_id_cursor(value: str | None) -> int | None:
    """'12345' -> 12345; junk (a letter, 10^25, zero) -> None: the first page."""
    if not value or not value.isdigit() or len(value) > MAX_CURSOR_DIGITS:
        return None
    return int(value) or None


@dataclass(frozen=True)
class KeysetOrder:
    """How a list shown newest first is cut into pages by cursor: `parse` reads a cursor (junk:
    None, the first page), `make` writes the cursor of a row, `older` / `newer` select the rows
    after / before a cursor in the list's order, and `ascending` reads the newer rows nearest
    the cursor first."""

    parse: Callable[[str | None], Any]
    make: Callable[[Any], str]
    older: Callable[[Any], Q]
    newer: Callable[[Any], Q]
    ascending: tuple[str, ...]


BY_NEWEST_ID = KeysetOrder(
    parse=parse_id_cursor,
    make=lambda row: str(row.pk),
    older=lambda pk: Q(pk__lt=pk),
    newer=lambda pk: Q(pk__gt=pk),
    ascending=("pk",),
)


@dataclass
class KeysetCount:
    count: int
    capped: bool


class KeysetPage:
    """One page of a keyset-paged list; works like a Page in templates (iteration, has_next,
    has_previous, paginator.count/capped) and gives the query strings of its neighbours
    (`first_query`, `previous_query`, `next_query`), the list's filters and the signed count
    included (`core/_keyset_pager.html` draws them)."""

    keyset = True

    def __init__(
        self,
        rows: list[Any],
        *,
        has_next: bool,
        has_previous: bool,
        paginator: KeysetCount,
        order: KeysetOrder = BY_NEWEST_ID,
        filters: str = "",
        count_token: str = "",
    ) -> None:
        self.object_list = rows
        self._has_next = has_next
        self._has_previous = has_previous
        self.paginator = paginator
        self.next_cursor = order.make(rows[-1]) if rows and has_next else ""
        self.previous_cursor = order.make(rows[0]) if rows and has_previous else ""
        tail = "&".join(x for x in (filters, f"n={count_token}" if count_token else "") if x)
        self.first_query = tail
        self.previous_query = _join(f"before={quote(self.previous_cursor)}", tail)
        self.next_query = _join(f"after={quote(self.next_cursor)}", tail)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self._has_previous


def _join(cursor: str, tail: str) -> str:
    return f"{cursor}&{tail}" if tail else cursor


def list_filters(request: Any) -> str:
    """The request's query string without the paging parameters, in a stable order."""
    return urlencode(sorted((k, v) for k, v in request.GET.items() if k not in PAGING_PARAMS))


class CountSeal:
    """Signs the count a pager link carries (`n=<count>-<signature>`), bound to its list,
    filters, cap, user, data version and day: a count shown on one page is only ever shown
    again for the same question, the same day, and a write of the module (with a shared cache)
    makes the next page count again. A forged or stale token is ignored (count again), never
    shown."""

    def __init__(self, request: Any, version: DataVersion, filters: str, cap: int) -> None:
        user_id = getattr(getattr(request, "user", None), "pk", None)
        day = timezone.localdate().isoformat()
        self.context = f"{version.namespace}|{version.get()}|{filters}|{cap}|{user_id}|{day}"
        self.cap = cap

    def _signature(self, n: int) -> str:
        return salted_hmac("dancu.core.paging.count", f"{self.context}|{n}").hexdigest()[:16]

    def token(self, n: int) -> str:
        return f"{n}-{self._signature(n)}"

    def read(self, token: str) -> int | None:
        number, _sep, signature = token.partition("-")
        if not number.isdigit() or len(number) > MAX_CURSOR_DIGITS or int(number) > self.cap + 1:
            return None
        n = int(number)
        return n if constant_time_compare(signature, self._signature(n)) else None


def paginate_keyset(
    request: Any,
    queryset: QuerySet,
    per_page: int,
    *,
    version: DataVersion,
    order: KeysetOrder = BY_NEWEST_ID,
    cap: int = COUNT_CAP,
) -> KeysetPage:
    """`?after=<cursor>`: the page of the rows after that one; `?before=<cursor>`: the page
    before it; neither: the first page. `queryset` must be in `order`. At most two queries,
    whatever the depth: the capped count and the page's rows; the count comes once per list
    and filters, then rides in the pager's links (`n=`, signed), so paging costs one query."""
    after = order.parse(request.GET.get("after"))
    before = None if after else order.parse(request.GET.get("before"))
    filters = list_filters(request)
    seal = CountSeal(request, version, filters, cap)
    n = seal.read(str(request.GET.get("n") or ""))
    count_key = count_cache_key(version, queryset, cap) if n is None and cache_stores() else None
    if count_key is not None:
        n = cache.get(count_key)

    def page(rows: list[Any], n: int, **kwargs: Any) -> KeysetPage:
        counted = KeysetCount(count=min(n, cap), capped=n > cap)
        return KeysetPage(
            rows, paginator=counted, order=order, filters=filters, count_token=seal.token(n), **kwargs
        )

    if n is None and not after and not before and cap <= SMALL_RESULT:
        # First page of a text search, count unknown: one scan gives the count and the keys of
        # the page (the recheck of each candidate row is the cost: a second scan to count
        # doubled it); the rows then come by primary key.
        keys = list(queryset.values_list("pk", flat=True)[: cap + 1])
        n = len(keys)
        if count_key is not None:
            cache.set(count_key, n, COUNT_TTL)
        by_pk = queryset.order_by().in_bulk(keys[: per_page + 1])
        rows = [by_pk[pk] for pk in keys[: per_page + 1] if pk in by_pk]
        return page(rows[:per_page], n, has_next=len(rows) > per_page, has_previous=False)
    if n is None:
        n = capped_count(version, queryset, cap)
    if before:
        rows = list(queryset.filter(order.newer(before)).order_by(*order.ascending)[: per_page + 1])
        if len(rows) > per_page:
            return page(rows[:per_page][::-1], n, has_next=True, has_previous=True)
        after = None  # back at the start: the first page, full
    rows = list((queryset.filter(order.older(after)) if after else queryset)[: per_page + 1])
    return page(rows[:per_page], n, has_next=len(rows) > per_page, has_previous=after is not None)
