from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from dancu.accounts.access import get_access
from dancu.accounts.roles import Perm
from dancu.directory import selectors as directory_selectors

from .htmx import clean_query, paginate, render_list
from .selectors import audit_entries_visible


def _module_cards(user) -> list[dict]:
    """Figures of the domain modules: each may have `dashboard.py` with `cards(user)`
    returning [{"label", "value", "url"}], already scoped to the user."""
    from .modules import domain_modules

    return [card for _app, module in domain_modules("dashboard") for card in module.cards(user)]


@login_required
def dashboard(request):
    access = get_access(request.user)
    context = {
        "counts": directory_selectors.directory_counts(request.user),
        "bodies_by_kind": directory_selectors.bodies_by_kind(request.user),
        "module_cards": _module_cards(request.user) if access.has_any_role else [],
        "no_role": not access.has_any_role,
    }
    return render(request, "core/dashboard.html", context)


@login_required
def search(request):
    """One search box for the whole app: each module contributes what the user may see."""
    query = clean_query(request)
    results = {}
    if query:
        results = {
            "people": list(directory_selectors.people_visible(request.user, query=query)[:20]),
            "bodies": list(directory_selectors.bodies_visible(request.user, query=query)[:20]),
            "units": list(directory_selectors.units_visible(request.user, query=query)[:20]),
        }
    return render(request, "core/search.html", {"query": query, "results": results})


@login_required
def audit_list(request):
    access = get_access(request.user)
    access.require(Perm.AUDIT_VIEW)
    entries = audit_entries_visible(request.user, action=clean_query(request, "action", 100))
    page = paginate(request, entries.select_related("actor"))
    return render_list(request, "core/audit_list.html", "core/_audit_rows.html", {"page": page})
