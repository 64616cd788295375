"""What is due in the coordination module (manifest `work_items`): open tasks of the
conclusions (for the Office of the province that follows them, and for their owners), and
the reports a lower council still owes for a meeting it was invited to."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.events import WorkItem

from . import selectors
from .models import MeetingStatus, TaskStatus
from .permissions import access_of, can_manage, can_report_for, owns_task


def items(user) -> list[WorkItem]:
    access = access_of(user)
    result: list[WorkItem] = []
    tasks = selectors.tasks_visible(user).filter(status__in=[TaskStatus.OPEN, TaskStatus.IN_PROGRESS])
    person_id = getattr(access, "coordination_person_id", None)
    for t in tasks.order_by("due_date", "pk")[:500]:
        if not can_manage(access, t) and not owns_task(access, t, person_id):
            continue  # only the Office that follows it and the owner: not every reader's work
        result.append(
            WorkItem(
                module="coordination",
                kind="coordination_task",
                kind_label=_("Task from a giao ban meeting"),
                title=t.content[:200],
                due=t.due_date,
                url=reverse("coordination:task_detail", args=[t.pk]),
                body_ids=(t.owner_body_id,) if t.owner_body_id else (),
                province_id=t.province_id,
                note=t.owner_label,
            )
        )
    meetings = (
        selectors.meetings_visible(user)
        .filter(status=MeetingStatus.INVITED, reports_due__isnull=False)
        .prefetch_related("participants", "reports")
    )
    for m in meetings:
        reported = {r.body_id for r in m.reports.all()}
        for body in m.participants.all():
            if body.pk in reported or not can_report_for(access, m.province_id, body.pk):
                continue
            result.append(
                WorkItem(
                    module="coordination",
                    kind="coordination_report",
                    kind_label=_("Report for a giao ban meeting"),
                    title=_("Report of %(body)s for %(meeting)s") % {"body": body.name, "meeting": m.title},
                    due=m.reports_due,
                    url=reverse("coordination:report_submit", args=[m.pk, body.pk]),
                    body_ids=(body.pk,),
                    province_id=m.province_id,
                )
            )
    return result
