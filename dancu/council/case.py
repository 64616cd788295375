"""The case page of a session (issue 11, item 27): its deadlines and the next legal step with
its date (from the council's rules), its timeline read from the audit log in words, and the
files of the session. Reads only; the page is `views.session_detail`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dancu.core.models import AuditEntry

from .models import Session, SessionKind
from .ruleset import rule_on
from .workflow import (
    COMMITMENT_FLOW,
    CONFIDENCE_FLOW,
    QUESTION_FLOW,
    RESOLUTION_FLOW,
    SESSION_FLOW,
    SessionStatus,
)


@dataclass(frozen=True)
class Deadline:
    key: str
    label: Any
    date: datetime.date
    done: bool
    rule: str = ""  # the legal source of the time limit

    def overdue(self, today: datetime.date) -> bool:
        return not self.done and today > self.date


def deadlines(session: Session, submissions: list[Any]) -> list[Deadline]:
    """The legal dates of a session in order: the convening notice (at least N days before a
    regular / a thematic or extraordinary session), documents to delegates, the report on
    commitments, the opening and the close. Three rule look-ups."""
    start = session.start_date
    code = "convene_regular_days" if session.kind == SessionKind.REGULAR else "convene_other_days"
    convene = rule_on(code, start)
    documents = rule_on("submission_days", start)
    report = rule_on("commitment_report_days", start)
    held = session.status in (SessionStatus.IN_PROGRESS, SessionStatus.CLOSED)
    received = bool(submissions) and all(s.received_on is not None for s in submissions)
    return [
        Deadline(
            "convene",
            _("Convening notice to the delegates"),
            start - datetime.timedelta(days=convene.days or 0),
            session.status != SessionStatus.PLANNING,
            convene.source,
        ),
        Deadline(
            "documents",
            _("Documents reach the delegates"),
            start - datetime.timedelta(days=documents.days or 0),
            received or held,
            documents.source,
        ),
        Deadline(
            "commitments_report",
            _("Report on commitments sent to the delegates"),
            start - datetime.timedelta(days=report.days or 0),
            held,
            report.source,
        ),
        Deadline("opens", _("The session opens"), start, held),
        Deadline("closes", _("The session closes"), session.end_date, session.status == SessionStatus.CLOSED),
    ]


def next_deadline(items: list[Deadline]) -> Deadline | None:
    """The next legal step: the first date not met yet."""
    return next((d for d in items if not d.done), None)


# -- the timeline -------------------------------------------------------------------------------

# What an audit entry says, in words (the workflow steps take their own labels).
WORDS: dict[str, Any] = {
    "council.session.create": _("Session planned"),
    "council.session.update": _("Session details changed"),
    "council.session.delete": _("Session deleted"),
    "council.session.convene": _("Session convened"),
    "council.session.back_to_planning": _("Session sent back to planning"),
    "council.session.open": _("Session opened"),
    "council.session.close": _("Session closed"),
    "council.joint_conference.record": _("Joint conference recorded"),
    "council.agenda.add": _("Agenda item added"),
    "council.attendance.record": _("Attendance recorded"),
    "council.submission.create": _("Submission registered"),
    "council.submission.update": _("Submission changed"),
    "council.submission.delete": _("Submission deleted"),
    "council.submission.file": _("File uploaded"),
    "council.submission.file_removed": _("File removed"),
    "council.submission.received": _("Submission received"),
    "council.review.record": _("Review report recorded"),
    "council.discussion.record": _("Delegate group discussion recorded"),
    "council.vote.record": _("Vote recorded"),
    "council.resolution.adopt": _("Resolution adopted"),
    "council.resolution.publish": _("Resolution published"),
    "council.resolution.assign": _("Implementing agency assigned"),
    "council.resolution.follow_up": _("Follow-up report recorded"),
    "council.confidence.create": _("Confidence vote set up"),
    "council.confidence.subject": _("Person added to the confidence vote"),
    "council.confidence.tally": _("Confidence figures entered"),
    "council.confidence.ballots": _("Ballots and counting board recorded"),
    "council.confidence.count": _("Count closed"),
    "council.confidence.reopen": _("Count reopened"),
    "council.confidence.announce": _("Confidence results announced"),
    "council.question.ask": _("Question registered"),
    "council.question.answer": _("Answer recorded"),
    "council.question.reopen": _("Question reopened"),
}
FLOWS = (SESSION_FLOW, RESOLUTION_FLOW, CONFIDENCE_FLOW, QUESTION_FLOW, COMMITMENT_FLOW)


def known_words(action: str) -> str:
    """An audit action in words: "council.session.convene" -> "Session convened"; "" when the
    module has no words for it (manifest `audit_words`)."""
    if action in WORDS:
        return str(WORDS[action])
    for flow in FLOWS:
        prefix = f"{flow.label}."
        if action.startswith(prefix):
            name = action[len(prefix) :]
            if name in {a.name for a in flow.actions}:
                return str(flow.action(name).label)
    return ""


def words(action: str) -> str:
    return known_words(action) or str(_("Changed"))


@dataclass(frozen=True)
class Event:
    at: datetime.datetime
    words: str
    summary: str
    actor: str


def timeline(session: Session, limit: int = 60) -> list[Event]:
    """What happened to the session and the records held at it, newest first, from the audit
    log (two queries: the ids of its records, the entries)."""
    related = {
        "council.submission": list(session.submissions.values_list("pk", flat=True)),
        "council.vote": list(session.votes.values_list("pk", flat=True)),
        "council.resolution": list(session.resolutions.values_list("pk", flat=True)),
        "council.confidencevote": list(session.confidence_votes.values_list("pk", flat=True)),
        "council.question": list(session.questions.values_list("pk", flat=True)),
    }
    condition = Q(target_type="council.session", target_id=str(session.pk))
    for target_type, ids in related.items():
        if ids:
            condition |= Q(target_type=target_type, target_id__in=[str(i) for i in ids])
    entries = AuditEntry.objects.filter(condition).select_related("actor").order_by("-at", "-id")[:limit]
    events = []
    for entry in entries:
        actor = entry.actor
        name = (getattr(actor, "full_name", "") or entry.actor_label) if actor else entry.actor_label
        summary = "" if entry.target_type == "council.session" else entry.summary
        events.append(Event(entry.at, words(entry.action), summary, name))
    return events
