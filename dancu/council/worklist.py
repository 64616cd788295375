"""What is due in the council's work for a user ("Việc của tôi", reminders: manifest
`work_items`, core.events.WorkItem).

- The Office (`council.manage` in the province): documents not yet received for a session in
  preparation (due to reach delegates), commitments not kept yet, written answers awaited.
- An agency responder: the written answers and commitments of their agency.
Each list is bounded (the soonest due first); every read is scoped.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import WorkItem

from . import selectors
from .models import Commitment, Question, Submission
from .permissions import CouncilPerm
from .workflow import CommitmentStatus, QuestionStatus, SessionStatus

LIMIT = 100


def _note(due: Any, today: Any, late: str) -> str:
    return late if due is not None and due < today else ""


def _question_item(q: Question, today: Any) -> WorkItem:
    return WorkItem(
        module="council",
        kind="written_answer",
        kind_label=_("Written answer to a question"),
        title=_("Written answer: %(question)s") % {"question": q.content[:120]},
        due=q.written_answer_due,
        url=reverse("council:question_detail", args=[q.pk]),
        body_ids=(q.addressee_body_id,),
        province_id=q.province_id,
        note=_note(q.written_answer_due, today, _("overdue: urge the agency")),
    )


def _commitment_item(c: Commitment, today: Any) -> WorkItem:
    return WorkItem(
        module="council",
        kind="commitment",
        kind_label=_("Commitment to follow up"),
        title=_("Commitment: %(content)s") % {"content": c.content[:120]},
        due=c.due_date,
        url=reverse("council:question_detail", args=[c.question_id]),
        body_ids=(c.question.addressee_body_id,),
        province_id=c.province_id,
        note=_note(c.due_date, today, _("overdue: report at the next session")),
    )


def items(user: Any) -> list[WorkItem]:
    access = get_access(user)
    today = timezone.localdate()
    out: list[WorkItem] = []
    if access.has(CouncilPerm.MANAGE):
        submissions = (
            access.scope(Submission.objects.all(), CouncilPerm.MANAGE)
            .filter(
                received_on__isnull=True,
                session__status__in=(SessionStatus.PLANNING, SessionStatus.CONVENED),
            )
            .select_related("session")
            .order_by("due_to_delegates", "id")[:LIMIT]
        )
        for s in submissions:
            out.append(
                WorkItem(
                    module="council",
                    kind="submission_due",
                    kind_label=_("Submission due for a session"),
                    title=_("Document for %(session)s: %(title)s")
                    % {"session": s.session.title, "title": s.title},
                    due=s.due_to_delegates,
                    url=reverse("council:submission_detail", args=[s.pk]),
                    body_ids=(s.submitter_id,),
                    province_id=s.province_id,
                    note=_note(s.due_to_delegates, today, _("late: ask the submitting body")),
                )
            )
        commitments = (
            access.scope(Commitment.objects.all(), CouncilPerm.MANAGE)
            .filter(status=CommitmentStatus.OPEN)
            .select_related("question")
            .order_by("due_date", "id")[:LIMIT]
        )
        out += [_commitment_item(c, today) for c in commitments]
        questions = (
            access.scope(Question.objects.all(), CouncilPerm.MANAGE)
            .filter(status=QuestionStatus.OPEN)
            .order_by("written_answer_due", "id")[:LIMIT]
        )
        out += [_question_item(q, today) for q in questions]
    elif selectors.agency_body_ids(user):
        questions = selectors.questions_to_agency(user).filter(status=QuestionStatus.OPEN)[:LIMIT]
        out += [_question_item(q, today) for q in questions]
        commitments = selectors.commitments_of_agency(user).filter(status=CommitmentStatus.OPEN)[:LIMIT]
        out += [_commitment_item(c, today) for c in commitments]
    out.sort(key=lambda i: (i.due is None, i.due or today, i.kind))
    return out
