"""What is due in petitions for a user (manifest `work_items`: "Việc của tôi", reminders)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.events import WorkItem

from .models import Petition
from .selectors import agency_batches, answers_to_review


def items(user: Any) -> list[WorkItem]:
    """Answers due from the user's agency; answers the Office must review."""
    out: list[WorkItem] = []
    open_batches = agency_batches(user).annotate(
        waiting=Count("petitions", filter=Q(petitions__status=Petition.Status.FORWARDED))
    )
    for batch in open_batches.filter(waiting__gt=0)[:200]:
        out.append(
            WorkItem(
                module="petitions",
                kind="petition_answer",
                kind_label=_("Voter petitions to answer"),
                title=_("Answer %(n)s voter petitions (%(number)s)")
                % {"n": batch.waiting, "number": batch.dispatch_number},
                due=batch.due_date,
                url=reverse("petitions:agency_batch", args=[batch.pk]),
                body_ids=(batch.agency_id,),
                province_id=batch.province_id,
                note=_("Overdue answers are reported to the Standing Committee."),
            )
        )
    for answer in answers_to_review(user)[:200]:
        out.append(
            WorkItem(
                module="petitions",
                kind="answer_review",
                kind_label=_("Answer to review"),
                title=_("Review the answer to %(code)s") % {"code": answer.petition.code},
                due=None,
                url=reverse("petitions:petition_detail", args=[answer.petition_id]),
                province_id=answer.petition.province_id,
            )
        )
    return out
