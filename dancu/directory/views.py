from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.htmx import clean_int, clean_query, paginate, render_list

from . import selectors
from .models import BodyKind, UnitLevel


def _require_view(request) -> None:
    get_access(request.user).require(Perm.DIRECTORY_VIEW)


@login_required
def body_list(request):
    _require_view(request)
    kind = request.GET.get("kind", "")
    kind = kind if kind in BodyKind.values else ""
    bodies = selectors.bodies_visible(request.user, query=clean_query(request), kind=kind)
    context = {"page": paginate(request, bodies), "kinds": BodyKind.choices, "kind": kind}
    return render_list(request, "directory/body_list.html", "directory/_body_rows.html", context)


@login_required
def body_detail(request, body_id: int):
    body = selectors.body_get(request.user, body_id)
    context = {
        "body": body,
        "members": selectors.body_members(request.user, body),
        "children": selectors.bodies_visible(request.user).filter(parent=body),
        "terms": body.terms.all(),
    }
    return render(request, "directory/body_detail.html", context)


@login_required
def person_list(request):
    _require_view(request)
    people = selectors.people_visible(
        request.user,
        query=clean_query(request),
        body_id=clean_int(request, "body"),
        current_only=request.GET.get("current") == "1",
    )
    context = {
        "page": paginate(request, selectors.people_with_current_posts(people)),
        "bodies": selectors.bodies_visible(request.user).filter(
            kind__in=[BodyKind.PEOPLES_COUNCIL, BodyKind.NA_DELEGATION, BodyKind.COMMITTEE, BodyKind.DELEGATE_GROUP]
        ),
        "body_id": clean_int(request, "body"),
        "can_import": get_access(request.user).has(Perm.DIRECTORY_IMPORT),
    }
    return render_list(request, "directory/person_list.html", "directory/_person_rows.html", context)


@login_required
def person_detail(request, person_id: int):
    person = selectors.person_get(request.user, person_id)
    context = {
        "person": person,
        "history": selectors.person_history(person),
        "show_contacts": selectors.can_see_contacts(request.user, person),
    }
    return render(request, "directory/person_detail.html", context)


@login_required
def unit_list(request):
    _require_view(request)
    level = request.GET.get("level", "")
    units = selectors.units_visible(
        request.user, query=clean_query(request), level=level, current=request.GET.get("current", "")
    )
    context = {"page": paginate(request, units), "levels": UnitLevel.choices, "level": level}
    return render_list(request, "directory/unit_list.html", "directory/_unit_rows.html", context)


@login_required
def unit_detail(request, unit_id: int):
    unit = selectors.unit_get(request.user, unit_id)
    context = {
        "unit": unit,
        "children": unit.children.order_by("sort_key")[:500],
        "successors": unit.succession_out.select_related("successor"),
        "predecessors": unit.succession_in.select_related("predecessor", "predecessor__parent"),
    }
    return render(request, "directory/unit_detail.html", context)
