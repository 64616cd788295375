"""The case page of a petition (issue 11, item 27): its status and the next legal step with its
deadline and the days left, the timeline of everything that happened (the audit log, in
words), the actions the user may take now (one primary action and a menu, from
`PETITION_FLOW.available`) and its files. Reads only; the page is `views.petition_detail`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.access import Access
from dancu.core.models import AuditEntry

from .models import Answer, AnswerStatus, ForwardingBatch, Petition
from .permissions import can_change
from .workflow import EDITABLE, PETITION_FLOW

S = Petition.Status


# -- the next legal step ----------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    label: str
    due: datetime.date | None = None
    rule: str = ""  # the legal source of the time limit
    today: datetime.date | None = None

    @property
    def days_left(self) -> int | None:
        if self.due is None or self.today is None:
            return None
        return (self.due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def overdue_days(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


def next_step(petition: Petition, batches: list[ForwardingBatch], today: datetime.date) -> Step:
    """What the law expects next, and by when: an agency answers within the days of the rule
    in force on the dispatch date (the batch's stored due date); the other steps are the
    Office's and have no legal time limit."""
    latest = batches[0] if batches else None
    status = petition.status
    if status == S.DRAFT:
        return Step(_("The Office confirms the grouping of the opinions"))
    if status == S.CONFIRMED:
        return Step(_("The Office forwards the petition to the competent agency"))
    if status in (S.FORWARDED, S.REOPENED) and latest is not None:
        label = (
            _("%(agency)s answers the petition again")
            if status == S.REOPENED
            else _("%(agency)s answers the petition")
        ) % {"agency": latest.agency.name}
        return Step(label, latest.due_date, latest.rule.source, today)
    if status == S.REOPENED:
        return Step(_("The Office forwards the petition again"))
    if status == S.ANSWERED:
        return Step(_("The Office reviews the agency's answer"))
    return Step(_("Settled: the result is reported to the voters"))


# -- the timeline -------------------------------------------------------------------------------

# What an audit entry says, in words. Status moves that another entry tells better (the batch,
# the answer) are left out (SKIP).
WORDS: dict[str, Any] = {
    "petitions.petition_create": gettext_lazy("Proposed from the voters' opinions"),
    "petitions.petition_edit": gettext_lazy("Wording changed"),
    "petitions.petition_classify": gettext_lazy("Field, level or agency changed"),
    "petitions.petition_merge": gettext_lazy("Other petitions merged into this one"),
    "petitions.petition_split": gettext_lazy("Opinions taken out into a new petition"),
    "petitions.petition_attach": gettext_lazy("Opinions added"),
    "petitions.petition.confirm": gettext_lazy("Grouping confirmed"),
    "petitions.petition.unconfirm": gettext_lazy("Returned to a proposal"),
    "petitions.petition.accept": gettext_lazy("The Office accepted the answer"),
    "petitions.petition.reopen": gettext_lazy("The Office asked for a new answer"),
    "petitions.batch_create": gettext_lazy("Forwarded to the agency"),
    "petitions.reminder_before": gettext_lazy("Reminder: the answer is due soon"),
    "petitions.reminder_overdue": gettext_lazy("Reminder: the answer is overdue"),
    "petitions.answer_submit": gettext_lazy("The agency answered"),
    "petitions.answer.file_removed": gettext_lazy("Attachment removed (not an accepted kind of file)"),
}
SKIP = {"petitions.petition.forward", "petitions.petition.answer", "petitions.answer_review"}


def known_words(action: str) -> str:
    """An audit action in words ("petitions.petition.confirm" -> "Grouping confirmed"), "" when
    the module has no words for it (manifest `audit_words`)."""
    if action in WORDS:
        return str(WORDS[action])
    prefix = f"{PETITION_FLOW.label}."
    name = action[len(prefix) :] if action.startswith(prefix) else ""
    if name in {a.name for a in PETITION_FLOW.actions}:
        return str(PETITION_FLOW.action(name).label)
    return ""


def words(action: str) -> str:
    return known_words(action) or _("Changed")


@dataclass(frozen=True)
class Event:
    at: datetime.datetime
    words: str
    detail: str
    actor: str


def timeline(petition: Petition, batches: list[ForwardingBatch], answers: list[Answer]) -> list[Event]:
    """What happened to the petition, its batches and its answers, oldest first, from the audit
    log (one query)."""
    results = dict(AnswerStatus.choices)
    by_batch = {str(b.pk): b for b in batches}
    by_answer = {str(a.pk): a for a in answers}
    entries = AuditEntry.objects.filter(
        Q(target_type="petitions.petition", target_id=str(petition.pk))
        | Q(target_type="petitions.forwardingbatch", target_id__in=list(by_batch))
        | Q(target_type="petitions.answer", target_id__in=list(by_answer))
    ).order_by("at", "id")
    events = []
    for e in entries:
        if e.action in SKIP:
            continue
        detail = ""
        if e.target_type == "petitions.forwardingbatch" and e.target_id in by_batch:
            b = by_batch[e.target_id]
            detail = _("%(agency)s, dispatch %(number)s, answer due %(due)s") % {
                "agency": b.agency.name,
                "number": b.dispatch_number,
                "due": f"{b.due_date:%d/%m/%Y}",
            }
        elif e.target_type == "petitions.answer" and e.target_id in by_answer:
            a = by_answer[e.target_id]
            detail = f"{a.batch.agency.name}: {results.get(a.status, a.status)}"
            if a.document_number:
                detail += " · " + _("reply document %(number)s") % {"number": a.document_number}
        elif e.action == "petitions.petition_merge":
            detail = str(e.changes.get("codes") and ", ".join(e.changes["codes"]) or "")
        elif e.action == "petitions.petition_split":
            detail = str(e.changes.get("into") or "")
        actor = e.actor_label or _("the system")
        events.append(Event(e.at, words(e.action), detail, actor))
    return events


# -- what the user may do now -------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    url: str
    method: str = "get"  # "post": a form with `fields`
    fields: dict[str, Any] = field(default_factory=dict)


# The order in which the steps become the page's primary action.
PRIORITY = ("forward", "confirm", "accept", "reopen", "unconfirm")


def actions(access: Access, petition: Petition, answers: list[Answer]) -> tuple[Action | None, list[Action]]:
    """(primary action, the others) the user may take on the petition now: its workflow's
    available steps, then editing its classification and wording."""
    found = {a.name: a for a in PETITION_FLOW.available(access, petition)}
    consolidation = reverse("petitions:consolidation_action", args=[petition.round_id])
    reviewed = next((a for a in answers if getattr(a, "reviewable", False)), None)
    steps: list[Action] = []
    for name in PRIORITY:
        if name not in found:
            continue
        label = str(found[name].label)
        if name in ("confirm", "unconfirm"):
            fields = {"action": name, "petition": petition.pk, "back": "petition"}
            steps.append(Action(name, label, consolidation, "post", fields))
        elif name == "forward":
            url = (
                reverse("petitions:batch_list", args=[petition.round_id])
                + f"?petition={petition.pk}#new-batch"
            )
            steps.append(Action(name, label, url))
        elif reviewed is not None:  # accept / reopen: the review form of the answer, on this page
            steps.append(Action(name, label, f"#review-{reviewed.pk}"))
    if can_change(access, petition):
        steps.append(Action("classify", _("Change field, level or agency"), "#classification"))
        if petition.status in EDITABLE:
            url = reverse("petitions:consolidation", args=[petition.round_id]) + f"#card-{petition.pk}"
            steps.append(Action("regroup", _("Edit wording or regroup on the consolidation screen"), url))
    if not steps:
        return None, []
    return steps[0], steps[1:]
