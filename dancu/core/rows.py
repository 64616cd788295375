"""Helpers for list pages that write their table rows in Python (issue 17, cache off).

A page of 25 rows through a template loop cost 15-20 ms of the template engine at a million
rows (each `{{ x.get_kind_display }}` rebuilds a dict of lazy choices; each `{% url %}`
reverses): half of a list page. The rows are written with f-strings instead, every value
escaped with `esc` (the five characters of `django.utils.html.escape`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import lru_cache
from html import escape as esc
from typing import Any

from django.conf import settings
from django.db.models import Field, Model
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

__all__ = ["choice_labels", "date_vn", "esc", "label", "render_filters", "truncate", "url_template"]

_LABELS: dict[tuple[str, str, str], dict[str, str]] = {}
_ID = 987654321987  # stands for the id in a reversed address


def choice_labels(model: type[Model], column: str) -> dict[str, str]:
    """{code: label} of a field's choices in the current language."""
    key = (model._meta.label, column, get_language() or "")
    found = _LABELS.get(key)
    if found is None:
        field = model._meta.get_field(column)
        assert isinstance(field, Field)  # a concrete column with choices
        # A choice key may be an enum member (str() of a plain str Enum is "Status.RECEIVED").
        found = _LABELS[key] = {str(getattr(k, "value", k)): str(v) for k, v in field.flatchoices}
    return found


def url_template(url_name: str) -> tuple[str, str]:
    """(head, tail) of the address of `url_name` with one integer argument, escaped:
    head + str(id) + tail is the address of that id."""
    head, _sep, tail = reverse(url_name, args=[_ID]).partition(str(_ID))
    return esc(head), esc(tail)


def date_vn(day: datetime.date | None) -> str:
    """dd/mm/yyyy, as the `date:"d/m/Y"` filter writes it; '' for none."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


def label(labels: dict[str, str], value: Any) -> str:
    return esc(labels.get(value, value or ""))


def truncate(text: str, length: int) -> str:
    """As the `truncatechars` filter (the ellipsis counts in `length`), by slicing: Truncator
    normalises and walks every character (3 ms of a 25-row page)."""
    text = text or ""
    return text if len(text) <= length else text[: length - 1] + "…"


@lru_cache(maxsize=1024)
def _rendered(
    template_name: str, language: str, prefix: str, urlconf: str, variables: tuple, constants: Callable
) -> str:
    return render_to_string(template_name, {**constants(), **dict(variables)})


def render_filters(template_name: str, constants: Callable[[], dict[str, Any]], **variables: Any) -> str:
    """A list's filter form, rendered once per process for each language, script prefix and
    set of `variables` (hashable: the values chosen), `constants()` (the translated drop-downs;
    a module-level function, part of the key) added only when it is rendered: the form cost
    ~1 ms of template work on every list page (issue 17). The template sees no request: it must
    depend on nothing but these."""
    items = tuple(sorted(variables.items()))
    urlconf = str(get_urlconf() or settings.ROOT_URLCONF)
    return _rendered(template_name, get_language() or "", get_script_prefix(), urlconf, items, constants)
