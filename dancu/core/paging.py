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
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
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
