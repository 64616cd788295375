"""The petition list stays cheap at a million petitions: the count stops at a cap and is
cached, and the rendered rows are cached per query and page, both under the petitions data
version (`dancu.core.paging`). Every write of the module goes through a service that audits,
and the audit entry bumps that version (`core.audit.audit_record`): no signal, no bump here."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils.translation import get_language

from dancu.core.paging import ROWS_TTL, CappedPaginator, DataVersion, cached_rows, rows_cache_key

VERSION = DataVersion("petitions")
# 400 pages of 25: deeper than anyone pages; beyond it the page says "narrow the filters".
COUNT_CAP = 10_000
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
    cap = PetitionPaginator.cap
    key = rows_cache_key(VERSION, rows, request.GET.urlencode(), f"{get_language()}|{cap}")

    def render() -> str:
        paginator = PetitionPaginator(rows, settings.PAGE_SIZE, version=VERSION)
        page = paginator.get_page(request.GET.get("page"))
        return render_to_string("petitions/_petition_rows.html", {"page": page}, request=request)

    return cached_rows(request, key, render, ROWS_TTL)
