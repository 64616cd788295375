"""How a delivery moves. Every move is a system move made by the sender (tasks.py) through
`Workflow.claim`, a compare-and-set: two workers handed the same delivery (a retried task, a
restarted beat) cannot both send it, because only one of them moves it from pending to sending.
"""

from django.utils.translation import gettext_lazy as _

from dancu.core.workflow import Workflow, act

from .models import Delivery

S = Delivery.Status
SYSTEM = "notifications.system"  # held by no role: these moves are never a user's

DELIVERY_FLOW = Workflow(
    label="notifications.delivery",
    states=S,
    initial=S.PENDING,
    actions=[
        act("claim", {S.PENDING}, S.SENDING, SYSTEM, _("Claim")),
        # A worker that died after its claim: its delivery is taken again after a while.
        act("reclaim", {S.SENDING}, S.SENDING, SYSTEM, _("Claim again")),
        act("sent", {S.SENDING}, S.SENT, SYSTEM, _("Sent")),
        act("deliver", {S.PENDING}, S.SENT, SYSTEM, _("Delivered")),  # in-app: shown at once
        act("retry", {S.SENDING}, S.PENDING, SYSTEM, _("Try again later")),
        act("fail", {S.SENDING}, S.FAILED, SYSTEM, _("Give up")),
        act("skip", {S.PENDING}, S.SKIPPED, SYSTEM, _("Skip")),
        act("resend", {S.FAILED}, S.PENDING, SYSTEM, _("Send again")),
    ],
    province=lambda delivery: delivery.notification.province_id,
)
