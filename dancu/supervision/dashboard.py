"""The supervision module's cards on the home dashboard (manifest `dashboard_cards`): the
delegate groups' progress against their yearly target (with a mid-year warning), overdue
recommendations, overlaps to resolve; an agency: the recommendations it must answer."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access

from . import reports, selectors
from .permissions import SupervisionPerm, agency_bodies
from .workflow import RecommendationStatus


def cards(user: Any) -> list[dict[str, Any]]:
    access = get_access(user)
    today = timezone.localdate()
    out: list[dict[str, Any]] = []
    if access.has(SupervisionPerm.VIEW):
        groups = reports.group_progress(user, today.year, today=today)
        if groups:
            behind = [g for g in groups if g["behind"]]
            done = sum(1 for g in groups if g["held"] >= g["target"])
            out.append(
                {
                    "label": _("Delegate groups that reached their supervision target")
                    + (" · " + _("%(count)s behind by mid-year") % {"count": len(behind)} if behind else ""),
                    "value": f"{done}/{len(groups)}",
                    "url": f"{reverse('supervision:figures')}?year={today.year}",
                    "group": "due" if behind else "",
                }
            )
        overdue = selectors.recommendations_visible(user, overdue=True, today=today).count()
        out.append(
            {
                "label": _("Recommendations after supervision overdue"),
                "value": overdue,
                "url": f"{reverse('supervision:recommendation_list')}?overdue=1",
                "group": "due",
            }
        )
    elif access.has(SupervisionPerm.ANSWER) and agency_bodies(access):
        waiting = selectors.recommendations_visible(user, status=RecommendationStatus.OPEN).count()
        out.append(
            {
                "label": _("Recommendations after supervision to answer"),
                "value": waiting,
                "url": f"{reverse('supervision:recommendation_list')}?status=open",
                "group": "agency",
            }
        )
    return out
