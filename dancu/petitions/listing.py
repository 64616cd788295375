"""The petition list stays cheap at a million petitions, with or without the cache (issue 17):

- keyset paging (`?after=<id>` / `?before=<id>`, newest first): any depth is one range scan of
  the (province, -id) index or of a filter's (province, filter, -id) index, never an OFFSET;
- the count stops at a cap ("more than 10,000 results: narrow the filters"; 200 for a text
  search); a selective first page (a search, a narrow filter) gives its count from the same scan;
- only the shown columns, one join (the agency), no query per row;
- with the cache on, the count and the rendered rows are cached per query and page under the
  petitions data version (`dancu.core.paging`). Every write of the module goes through a service
  that audits, and the audit entry bumps that version (`core.audit.audit_record`).

Old links by page number (`?page=N`) still answer (OFFSET, within the capped count); the pager
only makes cursors.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils.translation import get_language

from dancu.core.paging import (
    ROWS_TTL,
    SMALL_RESULT,
    CappedPaginator,
    DataVersion,
    cached_rows,
    paginate_newest_first,
    rows_cache_key,
)

VERSION = DataVersion("petitions")
# 400 pages of 25: deeper than anyone pages; beyond it the page says "narrow the filters".
COUNT_CAP = 10_000
SEARCH_COUNT_CAP = SMALL_RESULT
ROW_COLUMNS = (
    "id",
    "code",
    "text",
    "field",
    "level",
    "status",
    "rounds_raised",
    "province_id",
    "agency__id",
    "agency__name",
)


class PetitionPaginator(CappedPaginator):
    cap = COUNT_CAP


def rows_html(request, queryset: QuerySet) -> str:
    """The rows block of the list (table, pager, count), from the cache when it can be."""
    rows = queryset.select_related(None).select_related("agency").only(*ROW_COLUMNS)
    # A text search counts up to 200 matches, in the same scan as its first page's keys (its
    # cost is the recheck of each candidate row: a second scan to count 10,000 doubled it).
    cap = min(SEARCH_COUNT_CAP, PetitionPaginator.cap) if str(request.GET.get("q") or "").strip() else PetitionPaginator.cap
    key = rows_cache_key(VERSION, rows, request.GET.urlencode(), f"{get_language()}|{cap}")

    def render() -> str:
        page: Any
        if "page" in request.GET and not ({"after", "before"} & set(request.GET)):
            page = PetitionPaginator(rows, settings.PAGE_SIZE, version=VERSION).get_page(request.GET.get("page"))
        else:
            page = paginate_newest_first(request, rows, settings.PAGE_SIZE, version=VERSION, cap=cap)
        return render_to_string("petitions/_petition_rows.html", {"page": page}, request=request)

    return cached_rows(request, key, render, ROWS_TTL)
