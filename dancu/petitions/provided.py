"""Capabilities petitions provides to other modules (manifest `provides`; they call
`dancu.core.modules.provided(name)` and never import petitions)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.urls import reverse

from . import workflow
from .models import Answer, ForwardingBatch, Petition, VoterMeeting
from .selectors import petitions_visible


def recurring_unresolved(user: Any, province_id: int) -> list[dict[str, Any]]:
    """Petitions raised in two or more rounds and still open: topics for supervision
    (provided as "petitions.recurring_unresolved")."""
    qs = petitions_visible(user, repeated=True).filter(province_id=province_id)
    return [
        {
            "id": p.pk,
            "code": p.code,
            "title": p.text[:300],
            "rounds": p.rounds_raised,
            "field": p.field,
            "url": reverse("petitions:petition_detail", args=[p.pk]),
        }
        for p in qs[:200]
    ]


def coordination_counts(province_id: int, year: int) -> dict[str, int]:
    """What the bodies did together this year, for the coordination review
    ("petitions.coordination_counts")."""
    meetings = VoterMeeting.objects.filter(province_id=province_id, date__year=year)
    petitions = Petition.objects.filter(province_id=province_id, round__start_date__year=year)
    return {
        "voter_meetings": meetings.count(),
        "voter_meetings_joint": meetings.annotate(n=Count("organisers")).filter(n__gte=2).count(),
        "petitions": petitions.count(),
        "petitions_forwarded": ForwardingBatch.objects.filter(
            province_id=province_id, dispatch_date__year=year
        )
        .values("petitions")
        .distinct()
        .count(),
        "petitions_answered": Answer.objects.filter(petition__province_id=province_id, created_at__year=year)
        .values("petition_id")
        .distinct()
        .count(),
        "petitions_open": petitions.filter(status__in=sorted(workflow.OPEN_STATES)).count(),
    }
