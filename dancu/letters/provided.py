"""Capabilities letters provides to other modules (manifest `provides`; they call
`dancu.core.modules.provided(name)` and never import letters)."""

from __future__ import annotations

from django.db.models import F

from .models import Letter, ReceptionDay, ReceptionVisit


def coordination_counts(province_id: int, year: int) -> dict[str, int]:
    """Letters the two receiving bodies shared this year, for the coordination review
    ("letters.coordination_counts"): a letter sent to both is registered by one and linked by
    the other as a duplicate, so the linked ones are those handled once for both bodies."""
    letters = Letter.objects.filter(province_id=province_id, received_date__year=year)
    return {
        "letters": letters.filter(duplicate_of__isnull=True).count(),
        "letters_shared": letters.filter(duplicate_of__isnull=False)
        .exclude(receiving_body_id=F("duplicate_of__receiving_body_id"))
        .count(),
        "reception_days": ReceptionDay.objects.filter(province_id=province_id, date__year=year).count(),
        "reception_visits": ReceptionVisit.objects.filter(
            province_id=province_id, reception_day__date__year=year
        ).count(),
    }
