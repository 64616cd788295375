"""The case page of a giao ban meeting: its timeline, read from the audit log in words (the
meeting, its reports, opinions and tasks). Reads only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dancu.core.models import AuditEntry

from .models import Meeting
from .workflow import FLOWS

WORDS: dict[str, Any] = {
    "coordination.meeting.create": _("Meeting planned"),
    "coordination.meeting.update": _("Meeting details changed"),
    "coordination.meeting.conclusions": _("Conclusions written"),
    "coordination.report.submit": _("Report submitted"),
    "coordination.report.update": _("Report changed"),
    "coordination.report.delete": _("Report withdrawn"),
    "coordination.opinion.add": _("Opinion recorded"),
    "coordination.opinion.delete": _("Opinion removed"),
    "coordination.task.create": _("Task assigned"),
    "coordination.task.update": _("Task changed"),
    "coordination.task.delete": _("Task deleted"),
}


def words(action: str) -> str:
    if action in WORDS:
        return str(WORDS[action])
    for flow in FLOWS:
        prefix = f"{flow.label}."
        if action.startswith(prefix):
            name = action[len(prefix) :]
            if name in {a.name for a in flow.actions}:
                return str(flow.action(name).label)
    return str(_("Changed"))


@dataclass(frozen=True)
class Event:
    at: datetime.datetime
    words: str
    summary: str
    actor: str


def timeline(meeting: Meeting, limit: int = 80) -> list[Event]:
    related = {
        "coordination.lowerreport": list(meeting.reports.values_list("pk", flat=True)),
        "coordination.opinion": list(meeting.opinions.values_list("pk", flat=True)),
        "coordination.task": list(meeting.tasks.values_list("pk", flat=True)),
    }
    condition = Q(target_type="coordination.meeting", target_id=str(meeting.pk))
    for target_type, ids in related.items():
        if ids:
            condition |= Q(target_type=target_type, target_id__in=[str(i) for i in ids])
    entries = AuditEntry.objects.filter(condition).select_related("actor").order_by("-at", "-id")[:limit]
    result = []
    for entry in entries:
        actor = entry.actor
        name = (getattr(actor, "full_name", "") or entry.actor_label) if actor else entry.actor_label
        summary = "" if entry.target_type == "coordination.meeting" else entry.summary
        result.append(Event(entry.at, words(entry.action), summary, name))
    return result
