"""Capabilities supervision provides to other modules (manifest `provides`; they call
`dancu.core.modules.provided(name)` and never import supervision)."""

from __future__ import annotations

from .models import Activity, ActivityKind, Recommendation
from .workflow import RecommendationStatus


def coordination_counts(province_id: int, year: int) -> dict[str, int]:
    """What the bodies supervised this year, for the coordination review
    ("supervision.coordination_counts"). Activities merged into another are counted once."""
    activities = Activity.objects.filter(
        province_id=province_id, planned_start__year=year, merged_into__isnull=True
    )
    recommendations = Recommendation.objects.filter(
        province_id=province_id, activity__planned_start__year=year
    )
    return {
        "supervisions": activities.filter(kind=ActivityKind.THEMATIC).count(),
        "surveys": activities.filter(kind=ActivityKind.SURVEY).count(),
        "joint_supervisions": activities.filter(team__joint=True).count(),
        "recommendations": recommendations.count(),
        "recommendations_closed": recommendations.filter(status=RecommendationStatus.CLOSED).count(),
    }
