"""The workflows of the council module, declared on the one machine (dancu.core.workflow).

Each status-bearing model has its states (a TextChoices, the stored values unchanged) and its
named actions: where each may start, where it leads, the permission it needs in the record's
province, and a guard where a move depends on the record. `services.<entity>_transition` is
the only caller of `FLOW.apply`; pages show `FLOW.available(access, obj)` as buttons.

- session: planning → convened (→ back to planning) → in progress → closed;
- resolution: adopted → published;
- confidence vote: open → counted (→ reopened) → announced (announcing needs `council.adopt`);
- question: open (awaiting an answer) → answered (→ reopened when the answer is not enough);
- commitment: open → kept | not kept; either may be reopened.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.workflow import Workflow, act

from .permissions import CouncilPerm

MANAGE, ADOPT, CONDUCT = CouncilPerm.MANAGE, CouncilPerm.ADOPT, CouncilPerm.CONDUCT


class SessionStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    CONVENED = "convened", _("Convened")
    IN_PROGRESS = "in_progress", _("In progress")
    CLOSED = "closed", _("Closed")


class ResolutionStatus(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    PUBLISHED = "published", _("Published")


class ConfidenceStatus(models.TextChoices):
    OPEN = "open", _("Open")
    COUNTED = "counted", _("Counted")
    ANNOUNCED = "announced", _("Announced")


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Awaiting answer")
    ANSWERED = "answered", _("Answered")


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("In progress")
    KEPT = "kept", _("Kept")
    NOT_KEPT = "not_kept", _("Not kept")


class EVoteStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class SpeakerStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    SPEAKING = "speaking", _("Speaking")
    DONE = "done", _("Spoken")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S, R, C, Q, K = SessionStatus, ResolutionStatus, ConfidenceStatus, QuestionStatus, CommitmentStatus

SESSION_FLOW = Workflow(
    label="council.session",
    states=SessionStatus,
    initial=S.PLANNING,
    actions=[
        act("convene", [S.PLANNING], S.CONVENED, MANAGE, _("Convene the session")),
        act("back_to_planning", [S.CONVENED], S.PLANNING, MANAGE, _("Back to planning")),
        act("open", [S.CONVENED], S.IN_PROGRESS, MANAGE, _("Open the session")),
        act("close", [S.IN_PROGRESS], S.CLOSED, MANAGE, _("Close the session")),
    ],
)

RESOLUTION_FLOW = Workflow(
    label="council.resolution",
    states=ResolutionStatus,
    initial=R.ADOPTED,
    actions=[act("publish", [R.ADOPTED], R.PUBLISHED, ADOPT, _("Publish"))],
)


def count_incomplete(vote: Any) -> Any:
    """The guard of closing a count: the minutes are complete (ballots issued and returned, the
    head of the counting board) and every person not exempt has their figures."""
    if vote.ballots_issued is None or vote.ballots_cast is None or vote.counting_head_id is None:
        return _("Record the ballots issued and returned and the head of the counting board first.")
    if vote.subjects.filter(exempt=False, low__isnull=True).exists():
        return _("Enter the figures of every person first.")
    return None


CONFIDENCE_FLOW = Workflow(
    label="council.confidence",
    states=ConfidenceStatus,
    initial=C.OPEN,
    actions=[
        act("count", [C.OPEN], C.COUNTED, MANAGE, _("Close the count"), guard=count_incomplete),
        act("reopen", [C.COUNTED], C.OPEN, MANAGE, _("Reopen the count")),
        act("announce", [C.COUNTED], C.ANNOUNCED, ADOPT, _("Announce the results")),
    ],
)

QUESTION_FLOW = Workflow(
    label="council.question",
    states=QuestionStatus,
    initial=Q.OPEN,
    actions=[
        # Taken by services.answer_record with the first answer, never as a bare button.
        act("answer", [Q.OPEN], Q.ANSWERED, MANAGE, _("Record an answer")),
        act("reopen", [Q.ANSWERED], Q.OPEN, MANAGE, _("Reopen the question")),
    ],
)

COMMITMENT_FLOW = Workflow(
    label="council.commitment",
    states=CommitmentStatus,
    initial=K.OPEN,
    actions=[
        act("keep", [K.OPEN], K.KEPT, MANAGE, _("Mark as kept")),
        act("fail", [K.OPEN], K.NOT_KEPT, MANAGE, _("Mark as not kept")),
        act("reopen", [K.KEPT, K.NOT_KEPT], K.OPEN, MANAGE, _("Reopen the commitment")),
    ],
)

# An electronic vote is created open (services.e_vote_open) and only closes.
EVOTE_FLOW = Workflow(
    label="council.e_vote",
    states=EVoteStatus,
    initial=EVoteStatus.OPEN,
    actions=[act("close", [EVoteStatus.OPEN], EVoteStatus.CLOSED, CONDUCT, _("Close the vote"))],
)


def _own_or_conduct(access: Any, request: Any) -> bool:
    from .permissions import can_conduct, is_own_request

    return can_conduct(access, request) or is_own_request(access, request)


W = SpeakerStatus
SPEAKER_FLOW = Workflow(
    label="council.speaker",
    states=SpeakerStatus,
    initial=W.WAITING,
    actions=[
        act("call", [W.WAITING], W.SPEAKING, CONDUCT, _("Give the floor")),
        act("finish", [W.SPEAKING], W.DONE, CONDUCT, _("Done")),
        act("withdraw", [W.WAITING], W.WITHDRAWN, CouncilPerm.VIEW, _("Withdraw"), rule=_own_or_conduct),
    ],
)

# The actions a page offers as plain buttons (the others need a form of their own).
BUTTONS: dict[str, tuple[str, ...]] = {
    SESSION_FLOW.label: ("convene", "back_to_planning", "open", "close"),
    RESOLUTION_FLOW.label: ("publish",),
    CONFIDENCE_FLOW.label: ("count", "reopen", "announce"),
    QUESTION_FLOW.label: ("reopen",),
    COMMITMENT_FLOW.label: ("keep", "fail", "reopen"),
    EVOTE_FLOW.label: ("close",),
    SPEAKER_FLOW.label: ("call", "finish", "withdraw"),
}
