"""The life of a petition, declared with the one workflow machine (dancu.core.workflow).

`services.petition_transition` (one petition) and `services.petitions_transition` (several,
all or none) are the only callers of `PETITION_FLOW.apply` / `apply_many`; pages ask
`PETITION_FLOW.available` / `blocked_reason` which buttons to show.

`Answer.status` is the result an agency reports (resolved, in progress, ...), set once when the
answer is created: it is not a lifecycle, so it has no workflow; the review of an answer is
`Answer.accepted` and moves the petition (accept / reopen).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from dancu.core.workflow import Workflow, act

from .models import Petition
from .permissions import ANSWER, CHANGE, FORWARD, can_answer

S = Petition.Status

PETITION_FLOW = Workflow(
    label="petitions.petition",
    states=S,
    initial=S.DRAFT,
    actions=[
        act("confirm", {S.DRAFT}, S.CONFIRMED, CHANGE, _("Confirm")),
        act("unconfirm", {S.CONFIRMED}, S.DRAFT, CHANGE, _("Unconfirm")),
        act("forward", {S.CONFIRMED, S.REOPENED}, S.FORWARDED, FORWARD, _("Forward petitions")),
        act(
            "answer", {S.FORWARDED, S.REOPENED, S.ANSWERED}, S.ANSWERED, ANSWER, _("Answer"), rule=can_answer
        ),
        act("accept", {S.ANSWERED}, S.CLOSED, FORWARD, _("Accept the answer")),
        act("reopen", {S.ANSWERED, S.CLOSED}, S.REOPENED, FORWARD, _("Ask for a new answer")),
    ],
)

# States whose wording and grouping may still be edited by the office.
EDITABLE = frozenset({S.DRAFT, S.CONFIRMED})
# States that count as "still unresolved" for supervision of repeated petitions.
OPEN_STATES = frozenset({S.DRAFT, S.CONFIRMED, S.FORWARDED, S.REOPENED})
# States a petition may be forwarded from (the batch form lists these).
FORWARDABLE = PETITION_FLOW.action("forward").sources
