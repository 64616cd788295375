"""States and steps of a draft's consultation and of a comment (dancu.core.workflow).

A draft collects comments, then the Office closes the collection and writes the synthesis,
then sends it (the dispatch service records the number, date and recipients with the step).
A voter's comment waits for moderation; comments from recipients, conferences, imports and the
Office are published as they are recorded.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.workflow import Workflow, act

from .permissions import MANAGE, MODERATE


class DraftStatus(models.TextChoices):
    COLLECTING = "collecting", _("Collecting comments")
    SYNTHESIS = "synthesis", _("Synthesis")
    SENT = "sent", _("Synthesis sent")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Accepted")
    REJECTED = "rejected", _("Rejected")


D = DraftStatus
DRAFT_FLOW = Workflow(
    label="consultations.draft",
    states=DraftStatus,
    initial=D.COLLECTING,
    actions=[
        act("close", {D.COLLECTING}, D.SYNTHESIS, MANAGE, _("Close collection and synthesise")),
        act("reopen", {D.SYNTHESIS}, D.COLLECTING, MANAGE, _("Reopen collection")),
        act("send", {D.SYNTHESIS}, D.SENT, MANAGE, _("Record the dispatch")),
        act("recall", {D.SENT}, D.SYNTHESIS, MANAGE, _("Back to synthesis")),
    ],
)

C = CommentStatus
COMMENT_FLOW = Workflow(
    label="consultations.comment",
    states=CommentStatus,
    initial=C.PENDING,
    province=lambda comment: comment.draft.province_id,
    actions=[
        act("publish", {C.PENDING, C.REJECTED}, C.PUBLISHED, MODERATE, _("Accept")),
        act("reject", {C.PENDING, C.PUBLISHED}, C.REJECTED, MODERATE, _("Reject")),
    ],
)
