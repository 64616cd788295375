"""The case page of a letter (issue 11, items 9 and 27): its deadlines in words (what each
means, its date, the days left or overdue), the next legal step, the history read from the
audit log in words, and the one primary action among those the user may take now.

Reads only; the page is `views.letter_detail`. Nothing here reads a sealed identity: the
history shows who did what and when, never an audit entry's reason or personal data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dancu.directory.models import Body

from .models import Letter, LetterRuleSet
from .workflow import Status

# key -> (what the step is, what happens by that date, the rule set's number of working days)
DEADLINES: dict[str, tuple[Any, Any, str]] = {
    "reception_answer": (
        _("Handle the letter and tell the writer"),
        _(
            "By this date the letter is accepted, forwarded to the competent body or the writer is "
            "guided, and the writer is told (%(n)s working days from receipt)."
        ),
        "reception_answer_wd",
    ),
    "accept": (
        _("Accept the complaint or refuse it"),
        _(
            "By this date the complaint is accepted for resolution, or the writer is told why it is "
            "not (%(n)s working days from receipt)."
        ),
        "complaint_accept_wd",
    ),
    "transfer": (
        _("Transfer the denunciation"),
        _(
            "A denunciation outside our competence is transferred to the competent body by this date "
            "(%(n)s working days from receipt)."
        ),
        "denunciation_transfer_wd",
    ),
    "initial_processing": (
        _("Initial processing of the denunciation"),
        _(
            "By this date the denunciation is examined and accepted, transferred or refused "
            "(%(n)s working days from receipt)."
        ),
        "denunciation_initial_wd",
    ),
    "initial_processing_extended": (
        _("Initial processing, at the latest"),
        _(
            "When the denunciation must first be verified, its initial processing ends by this date "
            "(%(n)s working days from receipt)."
        ),
        "denunciation_initial_extended_wd",
    ),
    "resolve": (
        _("Resolve the matter"),
        _(
            "The competent body resolves the complaint or denunciation by this date (counted from its "
            "acceptance; longer for a complex case or a remote area)."
        ),
        "",
    ),
    "resolve_extended": (
        _("Resolve the matter, after the extension"),
        _("The extended time to resolve the denunciation ends on this date."),
        "",
    ),
    "result_report": (
        _("Report the result"),
        _("The result of the resolution is reported by this date (%(n)s working days after it)."),
        "result_report_wd",
    ),
    "citizen_inform": (
        _("Tell the writer the result"),
        _("The writer is told the result by this date (%(n)s working days after the report)."),
        "citizen_inform_wd",
    ),
}

HANDLING = ("reception_answer", "accept", "transfer", "initial_processing", "initial_processing_extended")
CLOSED = (Status.GUIDED, Status.FILED, Status.DESTROYED)


@dataclass(frozen=True)
class Deadline:
    key: str
    label: str
    meaning: str
    date: datetime.date
    state: str  # "done", "overdue", "due" (running), "moot" (no longer applies)
    days: int  # days left (negative: overdue by -days)

    @property
    def when(self) -> str:
        """ "5 days left", "today", "overdue by 3 days" (for the running ones)."""
        if self.state not in ("due", "overdue"):
            return ""
        if self.days == 0:
            return str(_("due today"))
        if self.days > 0:
            return ngettext("%(n)s day left", "%(n)s days left", self.days) % {"n": self.days}
        late = -self.days
        return ngettext("overdue by %(n)s day", "overdue by %(n)s days", late) % {"n": late}


def _met(key: str, letter: Letter) -> bool:
    if key in HANDLING:
        return letter.status != Status.RECEIVED
    if key in ("resolve", "resolve_extended", "result_report"):
        return letter.result_on is not None
    if key == "citizen_inform":
        return letter.informed_on is not None
    return False


def deadlines(letter: Letter, today: datetime.date, rule_set: LetterRuleSet | None = None) -> list[Deadline]:
    """The letter's deadlines in date order, each with its meaning and state."""
    rule_set = rule_set or letter.rule_set
    out = []
    for key, iso in sorted(letter.deadlines.items(), key=lambda kv: kv[1]):
        label, meaning, days_field = DEADLINES.get(key, (key, "", ""))
        text = str(meaning)
        if days_field:
            n = getattr(rule_set, days_field, None) if rule_set is not None else None
            text = text % {"n": n if n is not None else "…"}
        date = datetime.date.fromisoformat(iso)
        if _met(key, letter):
            state = "done"
        elif letter.status in CLOSED:
            state = "moot"
        else:
            state = "overdue" if date < today else "due"
        out.append(Deadline(key, str(label), text, date, state, (date - today).days))
    return out


def next_step(letter: Letter, items: list[Deadline]) -> Deadline | None:
    """The next legal step: the deadline the register shows as "next due" (services.next_due)."""
    from .services import DUE_BY_STATUS

    running = {d.key: d for d in items if d.state in ("due", "overdue")}
    for key in DUE_BY_STATUS.get(letter.status, ()):
        if key in running:
            return running[key]
    return next(iter(running.values()), None)


# -- the history ---------------------------------------------------------------------------------

HISTORY_WORDS: dict[str, Any] = {
    "letters.letter_create": _("Letter registered"),
    "letters.letter.accept": _("Accepted for resolution"),
    "letters.letter.forward": _("Forwarded to the competent body"),
    "letters.letter.guide": _("Writer guided to the competent body"),
    "letters.letter.file": _("Put on file"),
    "letters.letter.resolve": _("Result recorded by the Office"),
    "letters.letter.answer": _("Result recorded by the agency"),
    "letters.letter.inform": _("Writer told the result"),
    "letters.letter.destroy": _("Destroyed after its retention"),
    "letters.letter_result_shared": _("Result shared from a linked letter"),
    "letters.duplicate_link": _("Linked as a duplicate"),
    "letters.letter_split": _("Split into items"),
    "letters.letter_urge": _("Agency urged to answer"),
    "letters.letter_extend": _("Time to resolve extended"),
    "letters.letter_update": _("Registration corrected"),
    "letters.identity_reveal": _("Writer's identity revealed (the reason is in the audit log)"),
    "letters.file.download": _("Attached file opened"),
    "letters.document_guidance": _("Guidance letter issued"),
}
# The actor names written by the public form and the reminder task before they were
# translatable (old entries).
ACTOR_WORDS: dict[str, Any] = {
    "citizen (online form)": _("A citizen, through the online letter form"),
    "system (reminders)": _("The system (deadline reminders)"),
}


def words(action: str) -> str:
    """An audit action of letters in words, "" if it has none (manifest `audit_words`)."""
    found = HISTORY_WORDS.get(action)
    return str(found) if found is not None else ""


@dataclass(frozen=True)
class Event:
    at: datetime.datetime
    actor: str
    what: str
    detail: str = ""


def history(entries: list[Any]) -> list[Event]:
    """Audit entries as a history in words: when, who, what (and where a letter went). One
    query for the bodies named."""
    body_ids = {
        e.changes.get("to") for e in entries if e.action in ("letters.letter.forward", "letters.letter.guide")
    } - {None}
    names = dict(Body.objects.filter(pk__in=body_ids).values_list("pk", "name")) if body_ids else {}
    events = []
    for e in entries:
        what = HISTORY_WORDS.get(e.action)
        if what is None:
            continue
        detail = ""
        if e.action in ("letters.letter.forward", "letters.letter.guide"):
            detail = names.get(e.changes.get("to"), "") or e.changes.get("to_name", "")
        elif e.action == "letters.letter_update":
            detail = ", ".join(_field_label(f) for f in e.changes.get("fields", []))
        elif e.action == "letters.letter_split":
            detail = ngettext("%(n)s item", "%(n)s items", len(e.changes.get("items", []))) % {
                "n": len(e.changes.get("items", []))
            }
        if e.actor_id and e.actor is not None:
            who = e.actor.get_full_name() or e.actor.get_username()
        else:
            who = str(ACTOR_WORDS.get(e.actor_label, e.actor_label))
        events.append(Event(e.at, who, str(what), detail))
    return events


def _field_label(name: str) -> str:
    if name == "identity":
        return str(_("writer's details"))
    attname = name.removesuffix("_id")
    try:
        return str(getattr(Letter._meta.get_field(attname), "verbose_name", name))
    except Exception:  # noqa: BLE001 - an old entry naming a field that is gone
        return name


# -- the primary action --------------------------------------------------------------------------


def primary_action(letter: Letter, page: dict[str, Any], *, agency_view: bool) -> str:
    """The one step the page offers first (the others are in the menu): for a new letter,
    forwarding to the competent body (what the Office does most), or accepting it when it
    is within our competence; then recording the result, telling the writer, filing."""
    actions = page["actions"]
    if agency_view:
        return "result" if page["can_result"] else ""
    if letter.status in (Status.RECEIVED, Status.ACCEPTED):
        if letter.competence == "ours" and "accept" in actions:
            return "accept"
        if "forward" in actions:
            return "forward"
    if letter.status == Status.FORWARDED and page["can_result"]:
        return "result"
    if letter.status == Status.RESOLVED and "inform" in actions:
        return "inform"
    if letter.status == Status.GUIDED and "file" in actions:
        return "file"
    for name in ("accept", "forward", "guide", "file", "inform"):
        if name in actions:
            return name
    return "result" if page["can_result"] else ""
