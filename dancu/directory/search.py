"""The directory's part of the global search: people, bodies and units the user may see."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.search import SearchGroup, SearchHit

from . import selectors

LIMIT = 20


def global_search(user, query: str) -> list[SearchGroup]:
    people = selectors.people_visible(user, query=query)[:LIMIT]
    bodies = selectors.bodies_visible(user, query=query)[:LIMIT]
    units = selectors.units_visible(user, query=query).select_related("parent")[:LIMIT]
    return [
        SearchGroup(
            "people",
            _("People"),
            [SearchHit(p.full_name, reverse("directory:person_detail", args=[p.pk])) for p in people],
        ),
        SearchGroup(
            "bodies", _("Bodies"), [SearchHit(b.name, reverse("directory:body_detail", args=[b.pk])) for b in bodies]
        ),
        SearchGroup(
            "units",
            _("Administrative units"),
            [
                SearchHit(
                    u.name,
                    reverse("directory:unit_detail", args=[u.pk]),
                    detail=u.parent.name if u.parent else "",
                    badge=_("before 1/7/2025") if u.valid_to else "",
                )
                for u in units
            ],
        ),
    ]
