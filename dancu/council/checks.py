"""Why an action on a council record is not possible now: one function per action that is not
a workflow step (those have `Workflow.blocked_reason`).

Each returns a `Refusal` (its error code, the Vietnamese message and the field it belongs to) or
None. Services raise it (`refusal.error()`), pages show the button or the form disabled with the
message, so the user learns why before filling anything in, never after (issue 11, item 16).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from dancu.core.errors import Conflict

from .errors import CouncilError as E
from .workflow import ConfidenceStatus, SessionStatus


@dataclass(frozen=True)
class Refusal:
    code: E
    message: str
    field: str | None = None

    def error(self) -> Conflict:
        return Conflict(self.message, code=self.code, details={"field": self.field} if self.field else None)

    def __str__(self) -> str:
        return self.message


def reason(refusal: Refusal | None) -> str:
    """The message of a refusal, "" when there is none (for templates)."""
    return refusal.message if refusal else ""


def session_change(session: Any) -> Refusal | None:
    """Editing a session, or adding a submission to it: not once it is closed."""
    if session.status == SessionStatus.CLOSED:
        return Refusal(E.SESSION_CLOSED, _("The session is closed."))
    return None


def session_delete(session: Any) -> Refusal | None:
    """A session may be deleted while it is still in planning and nothing was held or asked at
    it: no vote, no question, no confidence vote (its agenda, joint conference and the
    submissions being prepared go with it)."""
    if session.status != SessionStatus.PLANNING:
        return Refusal(E.NOT_DELETABLE, _("Only a session still in planning can be deleted."))
    if session.votes.exists():
        return Refusal(E.NOT_DELETABLE, _("Votes were recorded at this session: it is kept."))
    if session.questions.exists() or session.confidence_votes.exists():
        return Refusal(
            E.NOT_DELETABLE, _("Questions or confidence votes are recorded for this session: it is kept.")
        )
    return None


def submission_change(submission: Any) -> Refusal | None:
    """Editing or deleting a submission: not once it was voted on, nor in a closed session."""
    if submission.votes.exists():
        return Refusal(E.VOTED, _("This submission has been voted on: it can no longer be changed."))
    return session_change(submission.session)


def vote(submission: Any) -> Refusal | None:
    """Recording a vote on a submission: a draft resolution that has not passed yet (a draft
    that failed may be voted on again), while the session is in progress. One query."""
    from .models import SubmissionKind, Vote

    if submission.kind != SubmissionKind.DRAFT_RESOLUTION:
        return Refusal(E.NOT_A_DRAFT, _("Only a draft resolution is voted on."))
    if getattr(submission, "withdrawn_at", None) is not None:
        return Refusal(E.WITHDRAWN, _("This submission has been withdrawn."))
    if submission.session.status != SessionStatus.IN_PROGRESS:
        return Refusal(E.SESSION_NOT_IN_PROGRESS, _("Votes are recorded while the session is in progress."))
    # A query, not the reverse accessors: they cache "none" and would miss a later vote.
    passed = list(
        Vote.objects.filter(submission_id=submission.pk, passed=True).values_list("resolution", flat=True)[:1]
    )
    if passed and passed[0] is not None:
        return Refusal(E.ALREADY_ADOPTED, _("This draft has already been adopted."))
    if passed:
        return Refusal(E.ALREADY_PASSED, _("The draft has passed: it awaits adoption."))
    return None


def adopt(vote: Any) -> Refusal | None:
    """Adopting the draft of a vote: passed, and not adopted yet."""
    from .models import Resolution

    if not vote.passed:
        return Refusal(E.NOT_PASSED, _("The draft did not pass."))
    if Resolution.objects.filter(Q(vote_id=vote.pk) | Q(submission_id=vote.submission_id)).exists():
        return Refusal(E.ALREADY_ADOPTED, _("This draft has already been adopted."))
    return None


def confidence_open(vote: Any) -> Refusal | None:
    """Adding people, entering figures and ballots: while the count is open."""
    if vote.status != ConfidenceStatus.OPEN:
        return Refusal(E.COUNT_CLOSED, _("The count is closed."))
    return None


def follow_up(resolution: Any) -> Refusal | None:
    if resolution.implementing_agency_id is None:
        return Refusal(E.NO_AGENCY, _("No implementing agency is assigned yet."))
    return None
