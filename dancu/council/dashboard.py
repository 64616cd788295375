"""The council's figures on the home dashboard (see web.views.dashboard)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access

from . import selectors
from .permissions import CouncilPerm
from .workflow import CommitmentStatus, SessionStatus


def cards(user) -> list[dict]:
    access = get_access(user)
    result = []
    if access.has(CouncilPerm.VIEW):
        open_sessions = selectors.sessions_visible(user).exclude(status=SessionStatus.CLOSED).count()
        overdue = (
            selectors.commitments_visible(user)
            .filter(status=CommitmentStatus.OPEN, due_date__lt=timezone.localdate())
            .count()
        )
        result.append(
            {
                "label": _("Sessions being prepared or held"),
                "value": open_sessions,
                "url": reverse("council:session_list"),
            }
        )
        result.append(
            {"label": _("Commitments overdue"), "value": overdue, "url": reverse("council:question_list")}
        )
    if access.has(CouncilPerm.RESOLUTIONS):
        year = timezone.localdate().year
        adopted = selectors.resolutions_visible(user).filter(adopted_on__year=year).count()
        result.append(
            {
                "label": _("Resolutions adopted this year"),
                "value": adopted,
                "url": reverse("council:resolution_list"),
            }
        )
    return result
