"""The petitions module's part of the global search (manifest `search`): petitions by code
("KN26-000006", also the code of a petition merged into another) or by words of their wording
("phân bón", with or without diacritics), rounds of voter meetings by name; each group only
where the user may see it, scoped like the pages. An agency's responder finds the petitions
forwarded to its own agency, linked to its answer page."""

from __future__ import annotations

import re

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.search import SearchGroup, SearchHit, search_queryset
from dancu.core.text import fold, search_tokens

from . import selectors
from .models import ForwardingBatch, MergedPetition, Petition
from .permissions import ANSWER, VIEW

LIMIT = 20
ROUNDS_SCANNED = 500  # rounds of the user's provinces read to match names (a few a year each)
CODE = re.compile(r"^KN\d{2}-\d{1,6}$")


def _code(query: str) -> str:
    """ "kn26-6", "KN26-000006" -> "KN26-000006"; "" when the query is no petition code."""
    text = "".join(query.split()).upper()
    if not CODE.match(text):
        return ""
    prefix, number = text.split("-")
    return f"{prefix}-{int(number):06d}"


def petitions_matching(qs, query: str):
    """By code (or a merged petition's code), else by the words of the wording."""
    code = _code(query)
    if code:
        merged = MergedPetition.objects.filter(code=code).values("into_id")
        return qs.filter(Q(code=code) | Q(pk__in=merged))
    return search_queryset(qs, query)


def rounds_matching(user, query: str) -> list:
    """Rounds whose name holds every word of the query, as word beginnings, diacritics folded."""
    tokens = search_tokens(query)
    if not tokens:
        return []
    found = []
    for r in selectors.rounds_visible(user)[:ROUNDS_SCANNED]:
        words = re.split(r"[^0-9a-z]+", fold(r.name))
        if all(any(w.startswith(t) for w in words) for t in tokens):
            found.append(r)
    return found[:LIMIT]


def global_search(user, query: str) -> list[SearchGroup]:
    access = get_access(user)
    groups: list[SearchGroup] = []
    if access.has(VIEW):
        petitions = petitions_matching(selectors.petitions_visible(user), query).select_related("round")[
            :LIMIT
        ]
        groups.append(
            SearchGroup(
                "petitions",
                _("Voters' petitions"),
                [
                    SearchHit(
                        f"{p.code} {p.text[:120]}",
                        reverse("petitions:petition_detail", args=[p.pk]),
                        detail=p.round.name,
                        badge=p.get_status_display(),
                    )
                    for p in petitions
                ],
            )
        )
        groups.append(
            SearchGroup(
                "petition_rounds",
                _("Rounds of voter meetings"),
                [
                    SearchHit(
                        r.name,
                        reverse("petitions:round_detail", args=[r.pk]),
                        detail=f"{r.start_date:%d/%m/%Y}",
                    )
                    for r in rounds_matching(user, query)
                ],
            )
        )
    elif access.has(ANSWER):
        batches = selectors.agency_batches(user)
        qs = Petition.objects.filter(batches__in=batches.values("pk")).distinct()
        hits = []
        for p in petitions_matching(qs, query).order_by("-id")[:LIMIT]:
            batch = (
                ForwardingBatch.objects.filter(pk__in=batches.values("pk"), petitions=p)
                .order_by("-dispatch_date", "-id")
                .first()
            )
            if batch is not None:
                url = reverse("petitions:agency_batch", args=[batch.pk]) + f"#h{p.pk}"
                hits.append(SearchHit(f"{p.code} {p.text[:120]}", url, detail=batch.dispatch_number))
        groups.append(SearchGroup("petitions_agency", _("Petitions forwarded to your agency"), hits))
    return groups
