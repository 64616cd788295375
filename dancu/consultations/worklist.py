"""What is due in the consultations for a user (manifest `work_items`, core.events.WorkItem):
for the Office, recipients' answers still awaited and syntheses not yet sent; for a recipient
body's users, the comments their body was asked for and has not given yet."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import WorkItem

from . import selectors
from .models import Draft
from .permissions import MANAGE
from .workflow import DraftStatus

LIMIT = 100


def items(user) -> list[WorkItem]:
    access = get_access(user)
    today = timezone.localdate()
    out: list[WorkItem] = []
    if access.has(MANAGE):
        for r in selectors.due_recipients(user).order_by("due_on", "pk")[:LIMIT]:
            out.append(
                WorkItem(
                    module="consultations",
                    kind="consultation_answer",
                    kind_label=_("Comments due from a recipient"),
                    title=_("Comments of %(body)s on %(draft)s")
                    % {"body": r.body.name, "draft": r.draft.name},
                    due=r.due_on,
                    url=reverse("consultations:draft_detail", args=[r.draft_id]),
                    body_ids=(r.body_id,),
                    province_id=r.draft.province_id,
                    note=_("overdue: urge the body") if r.due_on < today else "",
                )
            )
        drafts = (
            access.scope(Draft.objects.exclude(status=DraftStatus.SENT), MANAGE)
            .exclude(synthesis_due=None)
            .order_by("synthesis_due", "pk")[:LIMIT]
        )
        for d in drafts:
            out.append(
                WorkItem(
                    module="consultations",
                    kind="consultation_synthesis",
                    kind_label=_("Synthesis report due"),
                    title=_("Synthesis of comments on %(draft)s") % {"draft": d.name},
                    due=d.synthesis_due,
                    url=reverse("consultations:synthesis", args=[d.pk]),
                    province_id=d.province_id,
                    note=_("overdue") if d.synthesis_due and d.synthesis_due < today else "",
                )
            )
    for r in selectors.responder_recipients(user).filter(
        answered_on=None, draft__status=DraftStatus.COLLECTING
    )[:LIMIT]:
        out.append(
            WorkItem(
                module="consultations",
                kind="consultation_request",
                kind_label=_("Comments asked of your body"),
                title=_("Comments asked on %(draft)s") % {"draft": r.draft.name},
                due=r.due_on,
                url=reverse("consultations:respond_draft", args=[r.draft_id]),
                body_ids=(r.body_id,),
                province_id=r.draft.province_id,
            )
        )
    return out
