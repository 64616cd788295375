"""The council's part of the global search (manifest `search`): sessions by name or number
("kỳ họp thứ 10", "ky hop thu ba"), resolutions by number ("02/2026/NQ-HĐND", "5/NQ-HĐND") or
title words, questions by words; each group only where the user may see it, scoped like the
pages."""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.search import SearchGroup, SearchHit, search_queryset
from dancu.core.text import fold

from . import selectors
from .models import Resolution, ResolutionKind, Session
from .permissions import CouncilPerm

LIMIT = 20
# Folded ordinals of a session's number ("thứ ba" -> 3).
ORDINALS = {
    "nhat": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
SESSION_NUMBER = re.compile(r"^(?:ky\s*hop\s*)?(?:thu\s*)?(\d{1,3}|[a-z]+)$")
# "02/2026/NQ-HĐND" (legal normative: number/year), "45/NQ-HĐND" (other), folded.
NORMATIVE_NUMBER = re.compile(r"^0*(\d{1,6})\s*/\s*(\d{4})(?:\s*/\s*nq(?:\s*-\s*hdnd)?)?$")
OTHER_NUMBER = re.compile(r"^0*(\d{1,6})\s*/\s*nq(?:\s*-\s*hdnd)?$")


def session_number(query: str) -> int | None:
    """The number in the term a query names: "kỳ họp thứ 10" -> 10, "thu ba" -> 3, "10" -> 10."""
    match = SESSION_NUMBER.match(" ".join(fold(query).split()))
    if not match:
        return None
    word = match.group(1)
    if word.isdigit():
        return int(word)
    # A bare word is a number only after "kỳ họp" / "thứ" ("ba" alone is not a session).
    return ORDINALS.get(word) if match.group(0) != word else None


def sessions_matching(user, query: str) -> QuerySet[Session]:
    qs = selectors.sessions_visible(user)
    found = search_queryset(qs, query)
    number = session_number(query)
    if number is not None:
        found = qs.filter(pk__in=found.values("pk")) | qs.filter(number=number)
    return found.order_by("-start_date", "-id")


def resolutions_matching(user, query: str) -> QuerySet[Resolution]:
    qs = selectors.resolutions_visible(user)
    folded = fold(query).strip().replace(" ", "")
    normative = NORMATIVE_NUMBER.match(folded)
    if normative:
        number, year = int(normative.group(1)), int(normative.group(2))
        return qs.filter(kind=ResolutionKind.NORMATIVE, number=number, year=year)
    other = OTHER_NUMBER.match(folded)
    if other:
        return qs.filter(kind=ResolutionKind.OTHER, number=int(other.group(1))).order_by("-year")
    return search_queryset(qs, query)


def global_search(user, query: str) -> list[SearchGroup]:
    access = get_access(user)
    groups: list[SearchGroup] = []
    if access.has(CouncilPerm.VIEW):
        sessions = sessions_matching(user, query)[:LIMIT]
        groups.append(
            SearchGroup(
                "council_sessions",
                _("Council sessions"),
                [
                    SearchHit(
                        s.title,
                        reverse("council:session_detail", args=[s.pk]),
                        detail=f"{s.term.name} · {s.start_date:%d/%m/%Y}",
                        badge=s.get_status_display(),
                    )
                    for s in sessions
                ],
            )
        )
    if access.has(CouncilPerm.RESOLUTIONS):
        resolutions = resolutions_matching(user, query)[:LIMIT]
        groups.append(
            SearchGroup(
                "council_resolutions",
                _("Resolutions"),
                [
                    SearchHit(
                        f"{r.number_label} {r.title}",
                        reverse("council:resolution_detail", args=[r.pk]),
                        detail=f"{r.adopted_on:%d/%m/%Y}",
                        badge=r.get_status_display(),
                    )
                    for r in resolutions
                ],
            )
        )
    if access.has(CouncilPerm.VIEW):
        questions = selectors.questions_visible(user, query=query)[:LIMIT]
        groups.append(
            SearchGroup(
                "council_questions",
                _("Questions at the council"),
                [
                    SearchHit(
                        q.content[:120],
                        reverse("council:question_detail", args=[q.pk]),
                        detail=f"{q.delegate.full_name if q.delegate else '…'} → {q.addressee}",
                        badge=q.get_status_display(),
                    )
                    for q in questions
                ],
            )
        )
    return groups
