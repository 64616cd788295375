"""Dashboard cards of the coordination module: tasks overdue, reports awaited."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .models import MeetingStatus, TaskStatus
from .permissions import CoordinationPerm, access_of, is_provincial


def cards(user: Any) -> list[dict[str, Any]]:
    access = access_of(user)
    if not access.has(CoordinationPerm.VIEW):
        return []
    today = timezone.localdate()
    overdue_qs = selectors.tasks_overdue(user, today)
    open_qs = selectors.tasks_visible(user).filter(status__in=[TaskStatus.OPEN, TaskStatus.IN_PROGRESS])
    if not is_provincial(access, None):  # a lower council's user: its own tasks
        overdue_qs = overdue_qs.filter(owner_body_id__in=sorted(access.body_ids))
        open_qs = open_qs.filter(owner_body_id__in=sorted(access.body_ids))
    overdue, open_tasks = overdue_qs.count(), open_qs.count()
    upcoming = (
        selectors.meetings_visible(user)
        .filter(status__in=[MeetingStatus.PLANNED, MeetingStatus.INVITED])
        .count()
    )
    url = reverse("coordination:task_list")
    return [
        {
            "label": _("Giao ban tasks overdue"),
            "value": overdue,
            "url": f"{url}?overdue=1",
            "group": _("Coordination"),
        },
        {"label": _("Giao ban tasks open"), "value": open_tasks, "url": url, "group": _("Coordination")},
        {
            "label": _("Giao ban meetings ahead"),
            "value": upcoming,
            "url": reverse("coordination:meeting_list"),
            "group": _("Coordination"),
        },
    ]
