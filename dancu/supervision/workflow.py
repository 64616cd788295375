"""The workflows of the supervision module (dancu.core.workflow).

- programme (of a body, for a year): draft → compiled (the Office compiled the proposals) →
  adopted (resolution number and date); a compiled programme may go back to draft;
- activity: planned → in progress (the team works) → reported (results report) → following up
  (recommendations) → closed, only when all its recommendations are closed; a planned activity
  may be dropped or merged into another (coordination);
- recommendation: open → answered (the agency proposed a status) → closed (the Office accepted)
  or back to open (rejected with a reason).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.workflow import Workflow, act

from .permissions import SupervisionPerm, is_addressed_to

MANAGE, ADOPT, ANSWER = SupervisionPerm.MANAGE, SupervisionPerm.ADOPT, SupervisionPerm.ANSWER


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    COMPILED = "compiled", _("Compiled")
    ADOPTED = "adopted", _("Adopted")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    REPORTED = "reported", _("Reported")
    FOLLOWING_UP = "following_up", _("Following up")
    CLOSED = "closed", _("Closed")
    DROPPED = "dropped", _("Dropped")
    MERGED = "merged", _("Merged into another")


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


def _programme_adoptable(programme: Any) -> Any:
    if not (programme.resolution_number or "").strip() or programme.resolution_date is None:
        return _("Enter the resolution number and date first.")
    return None


def _activity_closable(activity: Any) -> Any:
    open_count = activity.recommendations.exclude(status=RecommendationStatus.CLOSED).count()
    if open_count:
        return _("%(count)s recommendation(s) of this activity are not closed yet.") % {"count": open_count}
    return None


PROGRAMME_FLOW = Workflow(
    label="supervision.programme",
    states=ProgrammeStatus,
    initial=ProgrammeStatus.DRAFT,
    actions=[
        act("compile", {ProgrammeStatus.DRAFT}, ProgrammeStatus.COMPILED, MANAGE, _("Mark as compiled")),
        act("reopen", {ProgrammeStatus.COMPILED}, ProgrammeStatus.DRAFT, MANAGE, _("Back to draft")),
        act(
            "adopt",
            {ProgrammeStatus.COMPILED},
            ProgrammeStatus.ADOPTED,
            ADOPT,
            _("Adopt"),
            guard=_programme_adoptable,
        ),
    ],
)

S = ActivityStatus
ACTIVITY_FLOW = Workflow(
    label="supervision.activity",
    states=ActivityStatus,
    initial=S.PLANNED,
    actions=[
        act("start", {S.PLANNED}, S.IN_PROGRESS, MANAGE, _("Start the work")),
        act("report", {S.IN_PROGRESS}, S.REPORTED, MANAGE, _("Results reported")),
        act("follow_up", {S.REPORTED}, S.FOLLOWING_UP, MANAGE, _("Follow up the recommendations")),
        act("close", {S.REPORTED, S.FOLLOWING_UP}, S.CLOSED, MANAGE, _("Close"), guard=_activity_closable),
        act("drop", {S.PLANNED}, S.DROPPED, MANAGE, _("Drop")),
        act("merge", {S.PLANNED}, S.MERGED, MANAGE, _("Merge into another")),
        act("restore", {S.DROPPED}, S.PLANNED, MANAGE, _("Restore")),
    ],
)

R = RecommendationStatus
RECOMMENDATION_FLOW = Workflow(
    label="supervision.recommendation",
    states=RecommendationStatus,
    initial=R.OPEN,
    actions=[
        act("answer", {R.OPEN}, R.ANSWERED, ANSWER, _("Answer"), rule=is_addressed_to),
        act("answer_for_agency", {R.OPEN}, R.ANSWERED, MANAGE, _("Record the agency's answer")),
        act("accept", {R.ANSWERED}, R.CLOSED, MANAGE, _("Accept and close")),
        act("reject", {R.ANSWERED}, R.OPEN, MANAGE, _("Reject")),
        act("reopen", {R.CLOSED}, R.OPEN, MANAGE, _("Reopen")),
    ],
)

# The buttons each page shows (in this order).
BUTTONS = {
    PROGRAMME_FLOW.label: ("compile", "reopen", "adopt"),
    ACTIVITY_FLOW.label: ("start", "report", "follow_up", "close", "drop", "restore"),
}
