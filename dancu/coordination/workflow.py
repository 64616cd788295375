"""The workflows of the coordination module: the giao ban meeting and the tasks of its
conclusions (core.workflow: `apply` is the only writer of their status)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from dancu.core.workflow import Workflow, act

from .models import MeetingStatus, TaskStatus
from .permissions import CoordinationPerm, can_manage, can_update_task

M = MeetingStatus
T = TaskStatus


def _has_participants(meeting) -> str | None:
    if not meeting.participants.exists():
        return str(_("Add the councils taking part first."))
    return None


def _has_conclusions(meeting) -> str | None:
    if not meeting.conclusions.strip():
        return str(_("Write the conclusions first."))
    return None


def _manage(access, obj) -> bool:
    return can_manage(access, obj)


MEETING_FLOW = Workflow(
    label="coordination.meeting",
    states=MeetingStatus,
    initial=M.PLANNED,
    actions=[
        act(
            "invite",
            {M.PLANNED},
            M.INVITED,
            CoordinationPerm.MANAGE,
            _("Send the invitations"),
            guard=_has_participants,
            rule=_manage,
        ),
        act("hold", {M.INVITED}, M.HELD, CoordinationPerm.MANAGE, _("Mark as held"), rule=_manage),
        act(
            "conclude",
            {M.HELD},
            M.CONCLUDED,
            CoordinationPerm.MANAGE,
            _("Issue the conclusions"),
            guard=_has_conclusions,
            rule=_manage,
        ),
        act(
            "reopen",
            {M.CONCLUDED},
            M.HELD,
            CoordinationPerm.MANAGE,
            _("Reopen the conclusions"),
            rule=_manage,
        ),
        act(
            "cancel",
            {M.PLANNED, M.INVITED},
            M.CANCELLED,
            CoordinationPerm.MANAGE,
            _("Cancel the meeting"),
            rule=_manage,
        ),
    ],
)


def _task_rule(access, task) -> bool:
    return can_update_task(access, task, getattr(access, "coordination_person_id", None))


TASK_FLOW = Workflow(
    label="coordination.task",
    states=TaskStatus,
    initial=T.OPEN,
    actions=[
        act("start", {T.OPEN}, T.IN_PROGRESS, CoordinationPerm.REPORT, _("Start"), rule=_task_rule),
        act(
            "complete",
            {T.OPEN, T.IN_PROGRESS},
            T.DONE,
            CoordinationPerm.REPORT,
            _("Mark as done"),
            rule=_task_rule,
        ),
        act("reopen", {T.DONE, T.CANCELLED}, T.OPEN, CoordinationPerm.MANAGE, _("Reopen"), rule=_manage),
        act(
            "cancel",
            {T.OPEN, T.IN_PROGRESS},
            T.CANCELLED,
            CoordinationPerm.MANAGE,
            _("Cancel the task"),
            rule=_manage,
        ),
    ],
)

FLOWS = (MEETING_FLOW, TASK_FLOW)
