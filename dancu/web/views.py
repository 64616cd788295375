"""The shell's pages: the dashboard, the global search and the audit log. Each gathers what
the modules' manifests contribute; none names a module."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.errors import ApplicationError
from dancu.core.htmx import clean_query, paginate, render_list
from dancu.core.modules import hooks
from dancu.directory import selectors as directory_selectors

from .audit_text import audit_modules, describe
from .selectors import audit_entries_visible

logger = logging.getLogger(__name__)


# The dashboard's sections, in order: what each module's card says it is ("group").
CARD_GROUPS = [
    ("due", _("Due and overdue this week")),
    ("approve", _("Awaiting my approval")),
    ("new", _("New")),
    ("mine", _("Mine")),
    ("agency", _("Sent to us")),
    ("", _("Figures")),
]


def _module_cards(user) -> list[dict]:
    """Every module's cards; a module whose hook refuses (its data is not set up) is left out
    with a log line instead of taking the whole dashboard down."""
    cards: list[dict] = []
    for manifest, module_cards in hooks("dashboard_cards"):
        try:
            cards.extend({**card, "module": manifest.name} for card in module_cards(user))
        except ApplicationError:
            logger.warning("Dashboard cards of %s unavailable", manifest.name, exc_info=True)
    return cards


@login_required
def dashboard(request):
    access = get_access(request.user)
    cards = _module_cards(request.user) if access.has_any_role else []
    sections = []
    for key, label in CARD_GROUPS:
        in_group = [c for c in cards if (c.get("group") or "") == key]
        if in_group:
            sections.append({"key": key or "figures", "label": label, "cards": in_group})
    context = {
        "counts": directory_selectors.directory_counts(request.user),
        "bodies_by_kind": directory_selectors.bodies_by_kind(request.user),
        "module_cards": cards,
        "sections": sections,
        "no_role": not access.has_any_role,
    }
    return render(request, "web/dashboard.html", context)


@login_required
def search(request):
    """One search box for the whole app: each module contributes what the user may see."""
    query = clean_query(request)
    groups = []
    if query:
        groups = [
            group for _m, module_search in hooks("search") for group in module_search(request.user, query)
        ]
    return render(request, "web/search.html", {"query": query, "groups": groups})


@login_required
def audit_list(request):
    access = get_access(request.user)
    access.require(Perm.AUDIT_VIEW)
    modules = audit_modules()
    module = clean_query(request, "module", 40)
    prefix = f"{module}." if module in dict(modules) else ""
    entries = audit_entries_visible(request.user, action=prefix)
    page = paginate(request, entries.select_related("actor"))
    context = {
        "page": page,
        "entries": describe(page),
        "modules": modules,
        "module": module if prefix else "",
    }
    return render_list(request, "web/audit_list.html", "web/_audit_rows.html", context)


def public_home(request):
    """The public portal: what citizens and voters can read or do without signing in."""
    from dancu.core.modules import manifests

    links = [link for manifest in manifests() for link in manifest.public_links]
    return render(request, "web/public_home.html", {"links": links})


def health(request):
    """For monitors: the state of each part, no detail; 503 when the database is down."""
    from django.http import JsonResponse

    from .health import DOWN, checks

    states = {c.key: c.state for c in checks()}
    return JsonResponse(states, status=503 if states["database"] == DOWN else 200)


@login_required
def system_status(request):
    from .health import checks

    get_access(request.user).require(Perm.ACCOUNTS_MANAGE)
    return render(request, "web/system_status.html", {"checks": checks()})


def not_found(request, exception=None):
    """404 in the API's one error format under /api/, the Vietnamese page elsewhere."""
    from django.http import JsonResponse
    from django.utils.translation import gettext as _

    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "not_found", "message": _("Not found.")}}, status=404)
    return render(request, "404.html", status=404)
