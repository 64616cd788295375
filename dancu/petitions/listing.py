"""The petition list stays cheap at a million petitions, with or without the cache (issue 17):

- keyset paging (`?after=<id>` / `?before=<id>`, newest first): any depth is one range scan of
  the (province, -id) index or of a filter's (province, filter, -id) index, never an OFFSET;
- the count stops at a cap ("more than 2,000 results: narrow the filters"; 200 for a text
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
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from dancu.core.paging import (
    ROWS_TTL,
    SMALL_RESULT,
    CappedPaginator,
    DataVersion,
    cached_rows,
    paginate_keyset,
    rows_cache_key,
)
from dancu.core.rows import choice_labels, esc, label, truncate, url_template

VERSION = DataVersion("petitions")
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
    """The cap of every list (`core.paging.COUNT_CAP`, 2,000: 80 pages of 25, deeper than anyone
    pages; beyond it the page says "narrow the filters"). It was 10,000 here: counting up to
    10,001 index entries on each first page cost 6 % of the cold list pages (issue 17)."""


def table_rows(page) -> str:
    """The rows of one page as HTML, written here rather than by a template loop
    (`dancu.core.rows`: ~20 ms of template work a page at 1M rows)."""
    from .models import Petition

    head, tail = url_template("petitions:petition_detail")
    fields, levels = choice_labels(Petition, "field"), choice_labels(Petition, "level")
    statuses = choice_labels(Petition, "status")
    out = []
    for p in page:
        agency = p.agency.name if p.agency_id else ""
        out.append(
            f'<tr><td><a href="{head}{p.pk}{tail}">{esc(p.code)}</a></td>'
            f"<td>{esc(truncate(p.text, 160))}</td><td>{label(fields, p.field)}</td>"
            f"<td>{label(levels, p.level)}</td><td>{esc(agency)}</td><td>{p.rounds_raised}</td>"
            f"<td>{label(statuses, p.status)}</td></tr>"
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every value escaped above


def rows_html(request, queryset: QuerySet) -> str:
    """The rows block of the list (table, pager, count), from the cache when it can be."""
    rows = queryset.select_related(None).select_related("agency").only(*ROW_COLUMNS)
    # A text search counts up to 200 matches, in the same scan as its first page's keys (its
    # cost is the recheck of each candidate row: a second scan to count 10,000 doubled it).
    cap = (
        min(SEARCH_COUNT_CAP, PetitionPaginator.cap)
        if str(request.GET.get("q") or "").strip()
        else PetitionPaginator.cap
    )

    def key() -> str:
        return rows_cache_key(VERSION, rows, request.GET.urlencode(), f"{get_language()}|{cap}")

    def render() -> str:
        page: Any
        if "page" in request.GET and not ({"after", "before"} & set(request.GET)):
            page = PetitionPaginator(rows, settings.PAGE_SIZE, version=VERSION).get_page(
                request.GET.get("page")
            )
        else:
            page = paginate_keyset(request, rows, settings.PAGE_SIZE, version=VERSION, cap=cap)
        context = {"page": page, "table_rows": table_rows(page)}
        return render_to_string("petitions/_petition_rows.html", context, request=request)

    return cached_rows(request, key, render, ROWS_TTL)
