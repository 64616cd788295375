"""Helpers shared by list pages: pagination and htmx partial rendering."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render


def paginate(request, queryset, per_page: int | None = None):
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    # get_page tolerates junk ("abc", "-1", "99999"): bad input must not become a 500.
    return paginator.get_page(request.GET.get("page"))


def render_list(request, template: str, partial: str, context: dict):
    """The whole page on a normal request; only the rows when htmx asks for them."""
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, partial, context)
    return render(request, template, context)


def clean_query(request, name: str = "q", max_length: int = 200) -> str:
    return (request.GET.get(name) or "")[:max_length].strip()


def clean_int(request, name: str) -> int | None:
    value = request.GET.get(name) or ""
    return int(value) if value.isdigit() and len(value) < 12 else None
