"""Figures of supervision for the reports (seed 003: "16 chuyên đề giám sát, 3 phiên giải
trình"), the delegate groups' progress against their yearly target, per-agency figures."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from dancu.core.access import get_access
from dancu.directory.models import Body, BodyKind

from . import selectors
from .models import Activity, ActivityKind
from .permissions import SupervisionPerm
from .ruleset import value_on
from .workflow import ActivityStatus, RecommendationStatus

COUNTED = (
    ActivityStatus.IN_PROGRESS,
    ActivityStatus.REPORTED,
    ActivityStatus.FOLLOWING_UP,
    ActivityStatus.CLOSED,
)


def group_progress(user: Any, year: int, *, today: datetime.date | None = None) -> list[dict[str, Any]]:
    """Each delegate group of the user's provinces: thematic supervisions held (started or
    done) this year against the target in force, and whether it is behind by mid-year."""
    today = today or timezone.localdate()
    access = get_access(user)
    groups = access.scope(
        Body.objects.filter(kind=BodyKind.DELEGATE_GROUP, active_to__isnull=True), SupervisionPerm.VIEW
    )
    held = dict(
        Activity.objects.filter(
            programme__year=year, programme__body__in=groups, kind=ActivityKind.THEMATIC, status__in=COUNTED
        )
        .values_list("programme__body_id")
        .annotate(n=Count("id"))
    )
    planned = dict(
        Activity.objects.filter(programme__year=year, programme__body__in=groups, kind=ActivityKind.THEMATIC)
        .exclude(status__in=[ActivityStatus.DROPPED, ActivityStatus.MERGED])
        .values_list("programme__body_id")
        .annotate(n=Count("id"))
    )
    target = value_on("group_target", datetime.date(year, 7, 1), default=2)
    mid_year = today >= datetime.date(year, 7, 1) or today.year > year
    rows = []
    for group in groups.order_by("sort_key"):
        done = held.get(group.pk, 0)
        rows.append(
            {
                "group": group,
                "held": done,
                "planned": planned.get(group.pk, 0),
                "target": target,
                "behind": mid_year and done < (target + 1) // 2 if today.year == year else done < target,
            }
        )
    return rows


def year_figures(user: Any, year: int) -> dict[str, Any]:
    access = get_access(user)
    activities = access.scope(Activity.objects.filter(programme__year=year), SupervisionPerm.VIEW).exclude(
        status__in=[ActivityStatus.DROPPED, ActivityStatus.MERGED]
    )
    by_kind = dict(activities.values_list("kind").annotate(n=Count("id")))
    by_body = list(
        activities.filter(kind=ActivityKind.THEMATIC)
        .values("programme__body__name")
        .annotate(n=Count("id"), done=Count("id", filter=Q(status__in=COUNTED)))
        .order_by("-n", "programme__body__name")
    )
    today = timezone.localdate()
    recs = selectors.recommendations_visible(user, year=year)
    return {
        "kinds": [(label, by_kind.get(value, 0)) for value, label in ActivityKind.choices],
        "by_body": by_body,
        "recommendations": {
            "made": recs.count(),
            "closed": recs.filter(status=RecommendationStatus.CLOSED).count(),
            "overdue": recs.exclude(status=RecommendationStatus.CLOSED).filter(due_on__lt=today).count(),
        },
        "agencies": selectors.agency_figures(user, year=year, today=today),
        "groups": group_progress(user, year, today=today),
    }
