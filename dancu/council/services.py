"""Writes of the council module. Each service checks permission (the object rules of
`permissions.py`), validates, writes and audits in one transaction; a refusal is a typed error
with a `CouncilError` code and, where it belongs to one input, `details={"field": ...}`.

Statuses move only through the `<entity>_transition` services, which call the workflows of
`workflow.py` (`FLOW.apply`: permission, move, guard, save and audit in one place).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from dancu.accounts.models import User
from dancu.core import files
from dancu.core.access import get_access
from dancu.core.audit import audit_record, diff, model_snapshot
from dancu.core.calendar import add_days
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.text import clean_text
from dancu.core.workflow import Workflow
from dancu.directory.models import Body, BodyKind, Person, Term

from . import checks, rules
from .errors import CouncilError as E
from .models import (
    AgendaItem,
    Answer,
    Attendance,
    Commitment,
    ConfidenceSubject,
    ConfidenceVote,
    ExplanationHearing,
    FollowUpReport,
    GroupDiscussionNote,
    InterimMatter,
    JointConference,
    Question,
    QuestionGroup,
    Resolution,
    ResolutionCounter,
    ResolutionKind,
    ReviewReport,
    Session,
    SessionKind,
    StandingMeeting,
    StandingTask,
    Submission,
    SubmissionFile,
    SubmissionKind,
    Vote,
)
from .permissions import CouncilPerm, can_adopt, can_correct, can_follow_up, can_manage, require
from .ruleset import confidence_rules, rule_on, threshold
from .selectors import attendance_summary, confidence_candidates, session_delegates
from .workflow import (
    COMMITMENT_FLOW,
    CONFIDENCE_FLOW,
    QUESTION_FLOW,
    RESOLUTION_FLOW,
    SESSION_FLOW,
    QuestionStatus,
    SessionStatus,
)

M = TypeVar("M", bound=Model)


# -- shared steps ----------------------------------------------------------------------------


def _manage(actor: User, obj: Any) -> None:
    require(can_manage(get_access(actor), obj))


def _audit(
    actor: User,
    action: str,
    target: Model,
    summary: str,
    changes: dict[str, Any] | None = None,
    *,
    province_code: str | None = None,
) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        province_code=province_code if province_code is not None else target.province.code,  # type: ignore[attr-defined]
        summary=summary[:500],
        changes=changes or {},
    )


def _text(value: str, message: str, field: str) -> str:
    """The stripped text, or a ValidationFailed next to `field` when it is empty."""
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(message, code=E.REQUIRED, details={"field": field})
    return value


def _choice(value: str, choices: list[str], message: str, field: str) -> str:
    if value not in choices:
        raise ValidationFailed(message, code=E.UNKNOWN_CHOICE, details={"field": field})
    return value


def _body_in(body: Body, province_id: int, kinds: set[str] | None = None, *, field: str = "body") -> None:
    if body.province_id != province_id or (kinds and body.kind not in kinds):
        raise ValidationFailed(
            _("The body is not valid here."), code=E.INVALID_BODY, details={"field": field}
        )


def _move(
    flow: Workflow,
    obj: M,
    *,
    actor: User,
    action: str,
    summary: Callable[[M], str],
    changes: dict[str, Any] | None = None,
    fields: dict[str, Any] | None = None,
    related: tuple[str, ...] = (),
) -> M:
    """Lock the record (with its province and the `related` rows the summary reads), set
    `fields` that go with the move, and let the workflow check, move, save and audit it.
    Returns the locked, moved record."""
    manager = type(obj)._default_manager
    locked = manager.select_for_update(of=("self",)).select_related("province", *related).get(pk=obj.pk)
    for name, value in (fields or {}).items():
        setattr(locked, name, value)
    flow.apply(
        actor=actor,
        access=get_access(actor),
        obj=locked,
        action=action,
        summary=summary(locked),
        changes=changes,
        also_save=tuple(fields or ()),
        province_code=locked.province.code,  # type: ignore[attr-defined]
    )
    return locked


# -- Editing rules (issue 16, item 5) -----------------------------------------------------------
#
# Before a session sits (planning, convened) its details, agenda and submissions change freely
# (audited). Once it sits (opened) only what the hall needs may change: the closing day and
# venue; the agenda's days, order and times (an urgent item is added with its reason, an item
# is withdrawn with its reason, never deleted); a submission's title, reviewing committee and
# date received (its file only as a new version; withdrawn with a reason, never deleted). Not the
# session's number, kind, opening day, council or term. Once closed: nothing, except corrections
# by an administrator (`council.correct`) giving a reason, which the audit keeps.

SITTING_SESSION_FIELDS = frozenset({"end_date", "venue"})
SITTING_AGENDA_FIELDS = frozenset({"day", "order", "time"})
SITTING_SUBMISSION_FIELDS = frozenset({"title", "reviewing_committee", "received_on"})

FIELD_LABELS = {
    "kind": _lazy("kind"),
    "number": _lazy("number in the term"),
    "title": _lazy("title"),
    "start_date": _lazy("opening day"),
    "end_date": _lazy("closing day"),
    "venue": _lazy("venue"),
    "day": _lazy("day"),
    "order": _lazy("order"),
    "time": _lazy("time"),
    "presenter": _lazy("presented by"),
    "submitter": _lazy("submitted by"),
    "reviewing_committee": _lazy("reviewing committee"),
    "is_normative": _lazy("legal normative document"),
    "received_on": _lazy("date received"),
}


def edit_rule(session: Session) -> str:
    """What may change in the session now, in words (shown on the edit forms)."""
    if session.status == SessionStatus.IN_PROGRESS:
        return _(
            "The session is sitting: only the closing day and venue, the agenda's days, order and "
            "times, and a submission's title, reviewing committee and date received may change; an "
            "urgent item is added and an item or submission withdrawn with a reason; a file only as "
            "a new version."
        )
    if session.status == SessionStatus.CLOSED:
        return _("The session is closed: only an administrator may correct it, giving the reason.")
    return ""


def edit_refusal(access: Any, session: Session) -> checks.Refusal | None:
    """Why the user may not edit the session's records at all now (None: they may, within
    `edit_rule`): a closed session is corrected by an administrator only."""
    if session.status == SessionStatus.CLOSED and not can_correct(access, session):
        return checks.Refusal(
            E.SESSION_CLOSED,
            _("The session is closed: only an administrator may correct it, giving the reason."),
        )
    return None


def _check_edit(
    actor: User, session: Session, changed: set[str], sitting: frozenset[str], reason: str
) -> str:
    """Enforce the editing rules on the fields that change; returns the correction's reason
    ("" when none is needed). Nothing is written when refused."""
    reason = (reason or "").strip()
    if session.status == SessionStatus.CLOSED:
        if not can_correct(get_access(actor), session):
            raise Conflict(
                _("The session is closed: only an administrator may correct it, giving the reason."),
                code=E.SESSION_CLOSED,
            )
        if not reason:
            raise ValidationFailed(
                _("Give the reason for correcting a closed session."),
                code=E.REASON_REQUIRED,
                details={"field": "reason"},
            )
        return reason
    if session.status == SessionStatus.IN_PROGRESS:
        locked = sorted(changed - sitting)
        if locked:
            names = ", ".join(str(FIELD_LABELS.get(f, f)) for f in locked)
            raise ValidationFailed(
                _("The session is sitting: %(fields)s can no longer change.") % {"fields": names},
                code=E.LOCKED_WHILE_SITTING,
                details={"field": locked[0]},
            )
    return ""


def _changed(obj: Any, values: dict[str, Any]) -> set[str]:
    """The names of `values` that differ from the record (foreign keys compared by id)."""
    out = set()
    for name, value in values.items():
        current = getattr(obj, name)
        if isinstance(current, Model) or isinstance(value, Model):
            current = getattr(current, "pk", current)
            value = getattr(value, "pk", value)
        if current != value:
            out.add(name)
    return out


# -- Sessions ------------------------------------------------------------------------------


@transaction.atomic
def session_create(
    *,
    actor: User,
    body: Body,
    term: Term,
    kind: str,
    title: str,
    start_date: datetime.date,
    end_date: datetime.date,
    venue: str = "",
    number: int | None = None,
    delegates_total: int | None = None,
) -> Session:
    """Plan a session; its number in the term comes next unless given, and the total of
    delegates is taken from the council's members of the term unless given."""
    _manage(actor, body)
    if body.kind != BodyKind.PEOPLES_COUNCIL or term.body_id != body.pk:
        raise ValidationFailed(
            _("Choose a People's Council and one of its terms."),
            code=E.INVALID_BODY,
            details={"field": "term"},
        )
    _choice(kind, SessionKind.values, _("Unknown kind of session."), "kind")
    if end_date < start_date:
        raise ValidationFailed(
            _("A session cannot close before it opens."), code=E.INVALID_DATES, details={"field": "end_date"}
        )
    title = _text(title, _("The title is required."), "title")
    in_term = Session.objects.filter(body=body, term=term)
    if number is None:
        number = (in_term.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    elif in_term.filter(number=number).exists():
        raise Conflict(_("A session with this number already exists in the term."), code=E.DUPLICATE_NUMBER)
    first_session_check(term, start_date, number=number)
    session = Session(
        province_id=body.province_id,
        body=body,
        term=term,
        kind=kind,
        number=number,
        title=title,
        start_date=start_date,
        end_date=end_date,
        venue=venue.strip(),
        status=SESSION_FLOW.initial,
        delegates_total=0,
    )
    if delegates_total is None:
        delegates_total = session_delegates(session).count()
    if delegates_total <= 0:
        raise ValidationFailed(
            _("The council has no delegates in this term."), code=E.NO_DELEGATES, details={"field": "term"}
        )
    session.delegates_total = delegates_total
    session.save()
    _audit(
        actor,
        "council.session.create",
        session,
        session.title,
        {"kind": kind, "number": number},
        province_code=body.province.code,
    )
    return session


@transaction.atomic
def session_transition(*, actor: User, session: Session, action: str) -> Session:
    """Convene, send back to planning, open or close a session (SESSION_FLOW)."""
    return _move(SESSION_FLOW, session, actor=actor, action=action, summary=lambda s: s.title)


SESSION_FIELDS = ("kind", "number", "title", "start_date", "end_date", "venue")


@transaction.atomic
def session_update(
    *,
    actor: User,
    session: Session,
    kind: str,
    title: str,
    start_date: datetime.date,
    end_date: datetime.date,
    venue: str = "",
    number: int | None = None,
    reason: str = "",
) -> Session:
    """Correct a session's details within the editing rules (`edit_rule`: freely before it
    sits, only the closing day and venue while it sits, an administrator's correction with a
    reason once closed). When the opening day moves, the date its documents must reach
    delegates moves with it (the rule in force on the new day); an agenda item left outside the
    new dates is refused, next to the field. Audited with the values before and after."""
    _manage(actor, session)
    session = Session.objects.select_for_update(of=("self",)).select_related("province").get(pk=session.pk)
    _choice(kind, SessionKind.values, _("Unknown kind of session."), "kind")
    if end_date < start_date:
        raise ValidationFailed(
            _("A session cannot close before it opens."), code=E.INVALID_DATES, details={"field": "end_date"}
        )
    title = _text(title, _("The title is required."), "title")
    number = session.number if number is None else number
    venue = venue.strip()
    values = {
        "kind": kind,
        "number": number,
        "title": title,
        "start_date": start_date,
        "end_date": end_date,
        "venue": venue,
    }
    reason = _check_edit(actor, session, _changed(session, values), SITTING_SESSION_FIELDS, reason)
    if (
        number != session.number
        and Session.objects.filter(body_id=session.body_id, term_id=session.term_id, number=number).exists()
    ):
        raise Conflict(
            _("A session with this number already exists in the term."),
            code=E.DUPLICATE_NUMBER,
            details={"field": "number"},
        )
    outside = session.agenda_items.exclude(day__gte=start_date, day__lte=end_date)
    if outside.exists():
        raise ValidationFailed(
            _("Agenda items fall outside the new dates: move them first."),
            code=E.INVALID_DATES,
            details={"field": "start_date"},
        )
    first_session_check(session.term, start_date, number=number)
    before = model_snapshot(session, list(SESSION_FIELDS))
    moved = start_date != session.start_date
    session.kind, session.number, session.title = kind, number, title
    session.start_date, session.end_date, session.venue = start_date, end_date, venue
    session.save(update_fields=[*SESSION_FIELDS, "updated_at"])
    changes = diff(before, model_snapshot(session, list(SESSION_FIELDS)))
    if reason:
        changes["reason"] = reason
    if moved:
        days = rule_on("submission_days", start_date).days or 0
        due = start_date - datetime.timedelta(days=days)
        changes["due_to_delegates"] = {"after": due}
        session.submissions.update(due_to_delegates=due)
    action = "council.session.correct" if reason else "council.session.update"
    _audit(actor, action, session, session.title, changes)
    return session


def first_session_warning(term: Term, start_date: datetime.date, *, number: int = 1) -> str:
    """The warning of the 45-day rule (Luật 72/2025 Art. 34, the `first_session_days` rule row
    in force on the election day) for the first session of a term set up from an election:
    "" when the term has no recorded election, the session is not its first, or the day is
    within the limit."""
    if number != 1 or term is None:
        return ""
    setup = getattr(term, "setup", None)  # one query, for a first session only
    if setup is None:
        return ""
    rule = rule_on("first_session_days", setup.election_date)
    latest = setup.election_date + datetime.timedelta(days=rule.days or 0)
    if start_date <= latest:
        return ""
    return _(
        "The first session of a new term must open within %(days)d days of the election "
        "(%(election)s), that is by %(latest)s (%(source)s)."
    ) % {
        "days": rule.days or 0,
        "election": f"{setup.election_date:%d/%m/%Y}",
        "latest": f"{latest:%d/%m/%Y}",
        "source": rule.source,
    }


def first_session_check(term: Term, start_date: datetime.date, *, number: int) -> None:
    """Refuse planning the first session (`number` 1) of a new term later than the rule allows."""
    warning = first_session_warning(term, start_date, number=number)
    if warning:
        raise ValidationFailed(warning, code=E.FIRST_SESSION_LATE, details={"field": "start_date"})


@transaction.atomic
def session_delete(*, actor: User, session: Session) -> None:
    """Delete a session still in planning at which nothing was voted, asked or rated
    (`checks.session_delete`); its agenda, joint conference, roll and the submissions being
    prepared (with their files) go with it. The audit keeps what it was."""
    _manage(actor, session)
    session = Session.objects.select_for_update(of=("self",)).select_related("province").get(pk=session.pk)
    refusal = checks.session_delete(session)
    if refusal:
        raise refusal.error()
    submissions = list(session.submissions.all())
    stored = [f.file.name for f in SubmissionFile.objects.filter(submission__in=submissions) if f.file.name]
    _audit(
        actor,
        "council.session.delete",
        session,
        session.title,
        {
            "snapshot": model_snapshot(session, list(SESSION_FIELDS)),
            "submissions": [s.title for s in submissions],
            "files": len(stored),
        },
    )
    for submission in submissions:
        submission.delete()
    session.delete()
    _remove_files_on_commit(stored)


def _remove_files_on_commit(names: list[str]) -> None:
    """The stored bytes of deleted rows go once the deletion commits (never before: a rollback
    would leave rows without files)."""
    if not names:
        return
    storage = SubmissionFile._meta.get_field("file").storage  # type: ignore[attr-defined]

    def remove() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(remove)


@transaction.atomic
def joint_conference_record(
    *, actor: User, session: Session, held_on: datetime.date, programme: str, conclusions: str = ""
) -> JointConference:
    _manage(actor, session)
    programme = _text(programme, _("The programme is required."), "programme")
    conf, _created = JointConference.objects.update_or_create(
        session=session, defaults={"held_on": held_on, "programme": programme, "conclusions": conclusions}
    )
    _audit(actor, "council.joint_conference.record", session, session.title)
    return conf


@transaction.atomic
def agenda_item_add(
    *,
    actor: User,
    session: Session,
    day: datetime.date,
    title: str,
    time: str = "",
    presenter: str = "",
    urgent_reason: str = "",
) -> AgendaItem:
    """Add an agenda item; once the session sits, only as an urgent item with its reason; not
    once it is closed (except an administrator's correction, the reason kept)."""
    _manage(actor, session)
    session = Session.objects.select_for_update(of=("self",)).select_related("province").get(pk=session.pk)
    urgent_reason = (urgent_reason or "").strip()
    if session.status == SessionStatus.IN_PROGRESS and not urgent_reason:
        raise ValidationFailed(
            _("The session is sitting: an item is added only as an urgent item, with the reason."),
            code=E.REASON_REQUIRED,
            details={"field": "urgent_reason"},
        )
    correction = _check_edit(actor, session, set(), frozenset(), urgent_reason)
    if not (session.start_date <= day <= session.end_date):
        raise ValidationFailed(
            _("The day must fall within the session."), code=E.INVALID_DATES, details={"field": "day"}
        )
    title = _text(title, _("The content is required."), "title")
    order = session.agenda_items.filter(day=day).count() + 1
    item = AgendaItem.objects.create(
        session=session,
        day=day,
        order=order,
        time=time,
        title=title,
        presenter=presenter,
        urgent_reason=urgent_reason if session.status != SessionStatus.PLANNING else "",
    )
    changes = {"item": item.pk, "reason": urgent_reason} if urgent_reason else {"item": item.pk}
    _audit(actor, "council.agenda.correct" if correction else "council.agenda.add", session, title, changes)
    return item


AGENDA_FIELDS = ("day", "order", "time", "title", "presenter")


def _locked_item(item: AgendaItem) -> AgendaItem:
    return (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("session__province")
        .get(pk=item.pk)
    )


@transaction.atomic
def agenda_item_update(
    *,
    actor: User,
    item: AgendaItem,
    day: datetime.date,
    order: int,
    title: str,
    time: str = "",
    presenter: str = "",
    reason: str = "",
) -> AgendaItem:
    """Change an agenda item within the editing rules (while the session sits: its day, order
    and time only); audited on the session with the values before and after."""
    item = _locked_item(item)
    session = item.session
    _manage(actor, session)
    if item.withdrawn_at is not None:
        raise Conflict(_("This item has been withdrawn."), code=E.WITHDRAWN)
    title = _text(title, _("The content is required."), "title")
    values = {"day": day, "order": order, "time": time.strip(), "title": title, "presenter": presenter.strip()}
    reason = _check_edit(actor, session, _changed(item, values), SITTING_AGENDA_FIELDS, reason)
    if not (session.start_date <= day <= session.end_date):
        raise ValidationFailed(
            _("The day must fall within the session."), code=E.INVALID_DATES, details={"field": "day"}
        )
    before = model_snapshot(item, list(AGENDA_FIELDS))
    for name, value in values.items():
        setattr(item, name, value)
    item.save(update_fields=list(AGENDA_FIELDS))
    changes = {"item": item.pk, **diff(before, model_snapshot(item, list(AGENDA_FIELDS)))}
    if reason:
        changes["reason"] = reason
    _audit(actor, "council.agenda.correct" if reason else "council.agenda.update", session, title, changes)
    return item


@transaction.atomic
def agenda_item_withdraw(*, actor: User, item: AgendaItem, reason: str) -> AgendaItem:
    """Withdraw an agenda item, with the reason: it stays on the record, marked withdrawn
    (before the session closes)."""
    item = _locked_item(item)
    session = item.session
    _manage(actor, session)
    reason = _text(reason, _("Give the reason for the withdrawal."), "reason")
    if item.withdrawn_at is not None:
        raise Conflict(_("This item has been withdrawn."), code=E.WITHDRAWN)
    if session.status == SessionStatus.CLOSED:
        raise Conflict(_("The session is closed."), code=E.SESSION_CLOSED)
    item.withdrawn_at, item.withdrawal_reason = timezone.now(), reason
    item.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    _audit(actor, "council.agenda.withdraw", session, item.title, {"item": item.pk, "reason": reason})
    return item


@transaction.atomic
def agenda_item_delete(*, actor: User, item: AgendaItem) -> Session:
    """Delete an agenda item before the session sits (then it is withdrawn, with a reason).
    Returns the session."""
    item = _locked_item(item)
    session = item.session
    _manage(actor, session)
    if session.status not in (SessionStatus.PLANNING, SessionStatus.CONVENED):
        raise Conflict(
            _("Once the session sits an item is withdrawn with a reason, not deleted."),
            code=E.LOCKED_WHILE_SITTING,
        )
    _audit(
        actor,
        "council.agenda.delete",
        session,
        item.title,
        {"snapshot": model_snapshot(item, list(AGENDA_FIELDS))},
    )
    item.delete()
    return session


# -- Submissions -----------------------------------------------------------------------------


@transaction.atomic
def submission_create(
    *,
    actor: User,
    session: Session,
    kind: str,
    title: str,
    submitter: Body,
    reviewing_committee: Body | None = None,
    is_normative: bool = False,
    received_on: datetime.date | None = None,
) -> Submission:
    """Register a document for the session; the date it must reach delegates is computed from
    the rule in force and stored."""
    _manage(actor, session)
    _choice(kind, SubmissionKind.values, _("Unknown kind of submission."), "kind")
    title = _text(title, _("The title is required."), "title")
    _body_in(submitter, session.province_id, field="submitter")
    if reviewing_committee is not None:
        _body_in(reviewing_committee, session.province_id, {BodyKind.COMMITTEE}, field="reviewing_committee")
    refusal = checks.session_change(session)
    if refusal:
        raise refusal.error()
    days = rule_on("submission_days", session.start_date).days or 0
    submission = Submission.objects.create(
        province_id=session.province_id,
        session=session,
        kind=kind,
        title=title,
        submitter=submitter,
        reviewing_committee=reviewing_committee,
        due_to_delegates=session.start_date - datetime.timedelta(days=days),
        received_on=received_on,
        is_normative=is_normative and kind == SubmissionKind.DRAFT_RESOLUTION,
    )
    _audit(
        actor, "council.submission.create", submission, submission.title, province_code=session.province.code
    )
    return submission


SUBMISSION_FIELDS = ("kind", "title", "submitter", "reviewing_committee", "is_normative", "received_on")


@transaction.atomic
def submission_update(
    *,
    actor: User,
    submission: Submission,
    kind: str,
    title: str,
    submitter: Body,
    reviewing_committee: Body | None = None,
    is_normative: bool = False,
    received_on: datetime.date | None = None,
    reason: str = "",
) -> Submission:
    """Correct a submission before it is voted on (`checks.submission_change`) and within the
    editing rules (while the session sits: its title, reviewing committee and date received);
    audited with the values before and after."""
    _manage(actor, submission)
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("province", "session")
        .get(pk=submission.pk)
    )
    if submission.votes.exists():
        raise checks.submission_change(submission).error()  # type: ignore[union-attr]
    _choice(kind, SubmissionKind.values, _("Unknown kind of submission."), "kind")
    title = _text(title, _("The title is required."), "title")
    _body_in(submitter, submission.province_id, field="submitter")
    if reviewing_committee is not None:
        _body_in(
            reviewing_committee, submission.province_id, {BodyKind.COMMITTEE}, field="reviewing_committee"
        )
    values = {
        "kind": kind,
        "title": title,
        "submitter": submitter,
        "reviewing_committee": reviewing_committee,
        "is_normative": is_normative and kind == SubmissionKind.DRAFT_RESOLUTION,
        "received_on": received_on,
    }
    reason = _check_edit(
        actor, submission.session, _changed(submission, values), SITTING_SUBMISSION_FIELDS, reason
    )
    before = model_snapshot(submission, list(SUBMISSION_FIELDS))
    for name, value in values.items():
        setattr(submission, name, value)
    submission.save(update_fields=[*SUBMISSION_FIELDS, "updated_at"])
    changes = diff(before, model_snapshot(submission, list(SUBMISSION_FIELDS)))
    if reason:
        changes["reason"] = reason
    action = "council.submission.correct" if reason else "council.submission.update"
    _audit(actor, action, submission, submission.title, changes)
    return submission


@transaction.atomic
def submission_withdraw(*, actor: User, submission: Submission, reason: str) -> Submission:
    """Withdraw a submission not voted on, with the reason (before the session closes): it
    stays on the record with its files, marked withdrawn, and is not voted on."""
    _manage(actor, submission)
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("province", "session")
        .get(pk=submission.pk)
    )
    reason = _text(reason, _("Give the reason for the withdrawal."), "reason")
    if submission.withdrawn_at is not None:
        raise Conflict(_("This submission has been withdrawn."), code=E.WITHDRAWN)
    refusal = checks.submission_change(submission)
    if refusal:
        raise refusal.error()
    submission.withdrawn_at, submission.withdrawal_reason = timezone.now(), reason
    submission.save(update_fields=["withdrawn_at", "withdrawal_reason", "updated_at"])
    _audit(actor, "council.submission.withdraw", submission, submission.title, {"reason": reason})
    return submission


@transaction.atomic
def submission_delete(*, actor: User, submission: Submission) -> Session:
    """Delete a submission not voted on (`checks.submission_change`), with its files, review
    reports and discussion notes; audited on its session (whose timeline shows it). Returns the
    session."""
    _manage(actor, submission)
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("province", "session__province")
        .get(pk=submission.pk)
    )
    refusal = checks.submission_change(submission)
    if refusal:
        raise refusal.error()
    if submission.session.status == SessionStatus.IN_PROGRESS:
        raise Conflict(
            _("Once the session sits a submission is withdrawn with a reason, not deleted."),
            code=E.LOCKED_WHILE_SITTING,
        )
    session = submission.session
    stored = [f.file.name for f in submission.files.all() if f.file.name]
    _audit(
        actor,
        "council.submission.delete",
        session,
        submission.title,
        {
            "submission": submission.pk,
            "snapshot": model_snapshot(submission, list(SUBMISSION_FIELDS)),
            "files": len(stored),
        },
    )
    submission.delete()
    _remove_files_on_commit(stored)
    return session


# What a submission's file may be (checked by content, core.files): the documents of a session.
SUBMISSION_FILE_KINDS = (files.PDF, files.DOCX, files.XLSX)


def _display_name(uploaded: Any, kind: files.Kind) -> str:
    """The name shown on the pages: the uploader's words (no path, no control characters) with
    the extension of the checked kind, never the uploader's extension."""
    name = clean_text(str(getattr(uploaded, "name", "") or "")).replace("\\", "/").rsplit("/", 1)[-1]
    stem = (name.rsplit(".", 1)[0] if "." in name else name).strip()[:200] or _("file")
    return f"{stem}.{kind.extension}"


@transaction.atomic
def submission_file_add(
    *, actor: User, submission: Submission, uploaded: Any, note: str = ""
) -> SubmissionFile:
    """A new version of the document's file; the first upload also marks it received.

    The file is accepted only when its content is a PDF, DOCX or XLSX within the size limit
    (`core.files.check_file`: a renamed page, a script or a polyglot is refused, next to the
    field "file"); it is stored under a safe name with the checked kind's extension and is
    served only through the permission-checked download views."""
    _manage(actor, submission)
    kind = files.check_file(uploaded, kinds=SUBMISSION_FILE_KINDS)
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("province", "session")
        .get(pk=submission.pk)
    )
    refusal = checks.session_change(submission.session)
    if refusal:  # a closed session's documents are final; a sitting one's change by new versions
        raise refusal.error()
    version = (submission.files.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    item = SubmissionFile(
        submission=submission,
        version=version,
        original_name=_display_name(uploaded, kind),
        note=note.strip(),
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    item.file.save(files.stored_name(item.original_name, kind), uploaded, save=False)
    # The database rolls back on a failure below; the stored bytes would not: remove them.
    try:
        item.save()
        if submission.received_on is None:
            submission.received_on = timezone.localdate()
            submission.save(update_fields=["received_on", "updated_at"])
        _audit(
            actor,
            "council.submission.file",
            submission,
            f"{submission.title} v{version}",
            {"version": version, "kind": kind.key, "size": getattr(uploaded, "size", None)},
        )
    except BaseException:
        item.file.delete(save=False)
        raise
    return item


def submission_file_problem(item: SubmissionFile) -> str:
    """Why a stored file would not be accepted today ("" when it would): a file uploaded before
    uploads were checked by content (issue 10) may be a page, a script or too large."""
    try:
        with item.file.open("rb") as stored:
            kind = files.check_file(stored, kinds=SUBMISSION_FILE_KINDS)
    except (FileNotFoundError, ValueError):
        return _("The file is missing from the storage.")
    except files.FileRejected as exc:
        return exc.message
    if kind != item.kind:
        return _("The file is stored under the name of another kind.")
    return ""


@transaction.atomic
def submission_file_remove_refused(*, item: SubmissionFile, reason: str) -> None:
    """Remove a stored file that `submission_file_problem` refuses (the operator's command
    `council_check_files --remove`, run by the system, not a user): the row and the bytes go,
    the audit keeps who uploaded what and why it was removed."""
    submission = Submission.objects.select_related("province").get(pk=item.submission_id)
    audit_record(
        actor="system",
        action="council.submission.file_removed",
        target=submission,
        province_code=submission.province.code,
        summary=f"{submission.title} v{item.version}"[:500],
        changes={"version": item.version, "name": item.original_name, "reason": reason},
    )
    name = item.file.name
    item.delete()
    if name:
        transaction.on_commit(lambda: item.file.storage.delete(name))


@transaction.atomic
def submission_mark_received(
    *, actor: User, submission: Submission, received_on: datetime.date
) -> Submission:
    _manage(actor, submission)
    submission.received_on = received_on
    submission.save(update_fields=["received_on", "updated_at"])
    _audit(actor, "council.submission.received", submission, submission.title, {"received_on": received_on})
    return submission


def _submission_note(
    model: type[M],
    *,
    actor: User,
    submission: Submission,
    body: Body,
    body_field: str,
    kind: str,
    text_field: str,
    text: str,
    message: str,
    action: str,
    **fields: Any,
) -> M:
    """What a body of the council says on a submission (a committee's review, a delegate
    group's discussion): the body of that kind in the province, and a text."""
    _manage(actor, submission)
    _body_in(body, submission.province_id, {kind}, field=body_field)
    note = model._default_manager.create(
        submission=submission, **{body_field: body, text_field: _text(text, message, text_field)}, **fields
    )
    _audit(actor, action, submission, f"{body.name}: {submission.title}")
    return note


@transaction.atomic
def review_report_record(
    *, actor: User, submission: Submission, committee: Body, reported_on: datetime.date, conclusion: str
) -> ReviewReport:
    return _submission_note(
        ReviewReport,
        actor=actor,
        submission=submission,
        body=committee,
        body_field="committee",
        kind=BodyKind.COMMITTEE,
        text_field="conclusion",
        text=conclusion,
        message=_("The conclusion is required."),
        action="council.review.record",
        reported_on=reported_on,
    )


@transaction.atomic
def discussion_note_record(
    *, actor: User, submission: Submission, group: Body, held_on: datetime.date, notes: str
) -> GroupDiscussionNote:
    return _submission_note(
        GroupDiscussionNote,
        actor=actor,
        submission=submission,
        body=group,
        body_field="group",
        kind=BodyKind.DELEGATE_GROUP,
        text_field="notes",
        text=notes,
        message=_("The notes are required."),
        action="council.discussion.record",
        held_on=held_on,
    )


# -- At the session ------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, actor: User, session: Session, absences: dict[int, str]) -> dict[str, Any]:
    """Every delegate of the session is present except those in `absences` (person id -> reason),
    all in one write: the former roll is replaced as a whole."""
    _manage(actor, session)
    delegates = list(session_delegates(session).values_list("pk", flat=True))
    if set(absences) - set(delegates):
        raise ValidationFailed(_("Only delegates of the session can be recorded."), code=E.NOT_A_DELEGATE)
    Attendance.objects.filter(session=session).delete()
    Attendance.objects.bulk_create(
        [
            Attendance(
                session=session,
                person_id=pid,
                present=pid not in absences,
                reason=absences.get(pid, "")[:300],
            )
            for pid in delegates
        ]
    )
    summary = attendance_summary(session)
    _audit(actor, "council.attendance.record", session, session.title, {"present": summary["present"]})
    return summary


@transaction.atomic
def vote_record(
    *,
    actor: User,
    submission: Submission,
    held_on: datetime.date,
    yes: int,
    no: int,
    abstain: int,
    not_voting: int,
) -> Vote:
    """Record a vote on a draft; passed or not by the rule in force, against the TOTAL of delegates."""
    session = Session.objects.select_related("province").get(pk=submission.session_id)
    _manage(actor, session)
    submission.session = session  # its status as it is now
    refusal = checks.vote(submission)
    if refusal:
        raise refusal.error()
    total = session.delegates_total
    try:
        rules.check_vote_tally(yes=yes, no=no, abstain=abstain, not_voting=not_voting, total=total)
    except rules.TallyError as exc:
        raise ValidationFailed(
            _("The counts must not be negative and must not exceed %(total)s delegates.") % {"total": total},
            code=E.INVALID_TALLY,
            details={"field": "yes"},
        ) from exc
    row = rule_on("resolution_pass", held_on)
    vote = Vote.objects.create(
        session=session,
        submission=submission,
        held_on=held_on,
        yes=yes,
        no=no,
        abstain=abstain,
        not_voting=not_voting,
        total_delegates=total,
        rule=row,
        passed=rules.vote_passes(yes=yes, total=total, rule=threshold(row)),
    )
    _audit(
        actor,
        "council.vote.record",
        vote,
        submission.title,
        {"yes": yes, "no": no, "abstain": abstain, "not_voting": not_voting, "passed": vote.passed},
        province_code=session.province.code,
    )
    return vote


# -- Resolutions ---------------------------------------------------------------------------


def _next_number(body_id: int, kind: str, year: int) -> int:
    """Take the next number of a series: the counter row is locked until the transaction ends, so
    concurrent adoptions queue; the unique constraint on Resolution is the last guard.
    Two queries once the counter exists (lock, update)."""
    counters = ResolutionCounter.objects.select_for_update()
    counter = counters.filter(body_id=body_id, kind=kind, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():
                ResolutionCounter.objects.create(body_id=body_id, kind=kind, year=year)
        except IntegrityError:
            pass  # another transaction created it first
        counter = counters.get(body_id=body_id, kind=kind, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


@transaction.atomic
def resolution_adopt(
    *,
    actor: User,
    vote: Vote,
    adopted_on: datetime.date | None = None,
    title: str = "",
    content: str = "",
    articles: str = "",
    effective_from: datetime.date | None = None,
    implementing_agency: Body | None = None,
) -> Resolution:
    """Adopt the draft of a passed vote: the resolution takes the next number of its series
    (legal normative or other) in the year of adoption. Its title is the draft's without
    "Dự thảo"; it is in force from `effective_from`, by default the day of adoption, or for a
    legal normative resolution `normative_effect_days` (rule) after it."""
    require(can_adopt(get_access(actor), vote.session))
    vote = (
        Vote.objects.select_for_update(of=("self",))
        .select_related("submission", "session__province", "session__body")
        .get(pk=vote.pk)
    )
    session = vote.session
    if not vote.passed:
        raise Conflict(_("The draft did not pass."), code=E.NOT_PASSED)
    if Resolution.objects.filter(Q(vote=vote) | Q(submission_id=vote.submission_id)).exists():
        raise Conflict(_("This draft has already been adopted."), code=E.ALREADY_ADOPTED)
    if implementing_agency is not None:
        _body_in(implementing_agency, session.province_id, field="implementing_agency")
    adopted_on = adopted_on or vote.held_on
    kind = ResolutionKind.NORMATIVE if vote.submission.is_normative else ResolutionKind.OTHER
    if effective_from is None:
        days = 0
        if kind == ResolutionKind.NORMATIVE:
            days = rule_on("normative_effect_days", adopted_on).days or 0
        effective_from = adopted_on + datetime.timedelta(days=days)
    elif effective_from < adopted_on:
        raise ValidationFailed(
            _("A resolution cannot take effect before it is adopted."),
            code=E.INVALID_DATES,
            details={"field": "effective_from"},
        )
    title = rules.adopted_title(title or vote.submission.title)
    resolution = Resolution.objects.create(
        province=session.province,
        body=session.body,
        session=session,
        submission=vote.submission,
        vote=vote,
        kind=kind,
        year=adopted_on.year,
        number=_next_number(session.body_id, kind, adopted_on.year),
        title=title,
        content=content.strip(),
        articles=articles.strip(),
        adopted_on=adopted_on,
        effective_from=effective_from,
        status=RESOLUTION_FLOW.initial,
        implementing_agency=implementing_agency,
    )
    _audit(actor, "council.resolution.adopt", resolution, f"{resolution.number_label} {resolution.title}")
    return resolution


@transaction.atomic
def resolution_transition(*, actor: User, resolution: Resolution, action: str) -> Resolution:
    """Publish a resolution (RESOLUTION_FLOW); the time of publication is kept."""
    fields = {"published_at": timezone.now()} if action == "publish" else {}
    return _move(
        RESOLUTION_FLOW,
        resolution,
        actor=actor,
        action=action,
        summary=lambda r: r.number_label,
        fields=fields,
    )


@transaction.atomic
def resolution_assign_agency(*, actor: User, resolution: Resolution, agency: Body) -> Resolution:
    _manage(actor, resolution)
    _body_in(agency, resolution.province_id, field="agency")
    resolution.implementing_agency = agency
    resolution.save(update_fields=["implementing_agency", "updated_at"])
    _audit(actor, "council.resolution.assign", resolution, f"{resolution.number_label} -> {agency.name}")
    return resolution


@transaction.atomic
def follow_up_report_add(
    *, actor: User, resolution: Resolution, content: str, reported_on: datetime.date | None = None
) -> FollowUpReport:
    """A report on implementing a resolution: by the office, or by the implementing agency."""
    access = get_access(actor)
    require(access.has(CouncilPerm.FOLLOW_UP, resolution.province_id))
    agency = resolution.implementing_agency
    if agency is None:
        raise Conflict(_("No implementing agency is assigned yet."), code=E.NO_AGENCY)
    if not can_follow_up(access, resolution):
        raise PermissionDenied(
            _("Only the implementing agency may report on this resolution."), code=E.NOT_AGENCY
        )
    report = FollowUpReport.objects.create(
        resolution=resolution,
        agency=agency,
        reported_on=reported_on or timezone.localdate(),
        content=_text(content, _("The content is required."), "content"),
    )
    _audit(actor, "council.resolution.follow_up", resolution, resolution.number_label)
    return report


# -- Confidence votes ----------------------------------------------------------------------


@transaction.atomic
def confidence_vote_create(
    *,
    actor: User,
    session: Session,
    held_on: datetime.date,
    denominator_kind: str = ConfidenceVote.Denominator.TOTAL,
) -> ConfidenceVote:
    _manage(actor, session)
    _choice(
        denominator_kind, ConfidenceVote.Denominator.values, _("Unknown denominator."), "denominator_kind"
    )
    vote = ConfidenceVote.objects.create(
        province_id=session.province_id,
        session=session,
        held_on=held_on,
        denominator_kind=denominator_kind,
        status=CONFIDENCE_FLOW.initial,
    )
    _audit(actor, "council.confidence.create", vote, str(session), province_code=session.province.code)
    return vote


@transaction.atomic
def confidence_subject_add(
    *,
    actor: User,
    vote: ConfidenceVote,
    person: Person,
    post: str,
    exempt: bool = False,
    exemption_reason: str = "",
) -> ConfidenceSubject:
    """A person to be rated: one holding a post the council elects (`confidence_candidates`);
    a person holding several posts is rated once (unique per vote)."""
    _manage(actor, vote)
    refusal = checks.confidence_open(vote)
    if refusal:
        raise refusal.error()
    if person.province_id != vote.province_id:
        raise ValidationFailed(
            _("The person is not of this province."), code=E.INVALID_BODY, details={"field": "person"}
        )
    if not confidence_candidates(vote.session).filter(pk=person.pk).exists():
        raise ValidationFailed(
            _("Only a person holding a post the council elects is rated."),
            code=E.INVALID_BODY,
            details={"field": "person"},
        )
    if exempt and not exemption_reason.strip():
        raise ValidationFailed(
            _("Give the reason for the exemption."),
            code=E.REASON_REQUIRED,
            details={"field": "exemption_reason"},
        )
    if vote.subjects.filter(person=person).exists():
        raise Conflict(
            _("This person is already on the list."), code=E.DUPLICATE_SUBJECT, details={"field": "person"}
        )
    subject = ConfidenceSubject.objects.create(
        vote=vote,
        person=person,
        post=post,
        order=vote.subjects.count() + 1,
        exempt=exempt,
        exemption_reason=exemption_reason.strip(),
    )
    _audit(actor, "council.confidence.subject", vote, f"{person.full_name} ({post})")
    return subject


@transaction.atomic
def confidence_tally_record(
    *,
    actor: User,
    subject: ConfidenceSubject,
    high: int,
    medium: int,
    low: int,
) -> ConfidenceSubject:
    """The counting board's figures for one person; the outcome follows from the rule in force.
    A person's ratings never exceed the ballots returned, when they are recorded."""
    vote = subject.vote
    _manage(actor, vote)
    refusal = checks.confidence_open(vote)
    if refusal:
        raise refusal.error()
    if subject.exempt:
        raise Conflict(_("An exempt person is not rated."), code=E.EXEMPT)
    denominator = vote.denominator
    try:
        rules.check_confidence_tally(high=high, medium=medium, low=low, denominator=denominator)
    except rules.TallyError as exc:
        raise ValidationFailed(
            _("The counts must not be negative and must not exceed %(total)s.") % {"total": denominator},
            code=E.INVALID_TALLY,
            details={"field": "high"},
        ) from exc
    if vote.ballots_cast is not None and high + medium + low > vote.ballots_cast:
        raise ValidationFailed(
            _("The ratings exceed the %(returned)s ballots returned.") % {"returned": vote.ballots_cast},
            code=E.INVALID_TALLY,
            details={"field": "high"},
        )
    resign, dismiss = confidence_rules(vote.held_on)
    subject.high, subject.medium, subject.low = high, medium, low
    subject.outcome = rules.confidence_outcome(
        low=low, denominator=denominator, resign=resign, dismiss=dismiss
    )
    subject.save(update_fields=["high", "medium", "low", "outcome"])
    _audit(
        actor,
        "council.confidence.tally",
        vote,
        subject.person.full_name,
        {"high": high, "medium": medium, "low": low},
    )
    return subject


@transaction.atomic
def confidence_ballots_record(
    *,
    actor: User,
    vote: ConfidenceVote,
    ballots_issued: int,
    ballots_cast: int,
    counting_head: Person | None = None,
) -> ConfidenceVote:
    """The counting board's figures for the minutes: ballots issued (at most the delegates) and
    returned (at most those issued, at least any person's ratings), and the head of the
    counting board (a delegate of the session), who signs the minutes. Where percentages are of
    the ballots returned, every outcome is worked out again."""
    _manage(actor, vote)
    vote = (
        ConfidenceVote.objects.select_for_update(of=("self",))
        .select_related("province", "session")
        .get(pk=vote.pk)
    )
    refusal = checks.confidence_open(vote)
    if refusal:
        raise refusal.error()
    total = vote.session.delegates_total
    if ballots_issued > total:
        raise ValidationFailed(
            _("More ballots issued than the %(total)s delegates.") % {"total": total},
            code=E.INVALID_TALLY,
            details={"field": "ballots_issued"},
        )
    if ballots_cast > ballots_issued:
        raise ValidationFailed(
            _("More ballots returned than issued."), code=E.INVALID_TALLY, details={"field": "ballots_cast"}
        )
    rated = list(vote.subjects.filter(exempt=False, low__isnull=False).select_related("person"))
    over = [s for s in rated if (s.high or 0) + (s.medium or 0) + (s.low or 0) > ballots_cast]
    if over:
        raise ValidationFailed(
            _("%(name)s has more ratings than the ballots returned.") % {"name": over[0].person.full_name},
            code=E.INVALID_TALLY,
            details={"field": "ballots_cast"},
        )
    if counting_head is not None and not session_delegates(vote.session).filter(pk=counting_head.pk).exists():
        raise ValidationFailed(
            _("The head of the counting board is a delegate of the session."),
            code=E.NOT_A_DELEGATE,
            details={"field": "counting_head"},
        )
    before = {"ballots_issued": vote.ballots_issued, "ballots_cast": vote.ballots_cast}
    vote.ballots_issued, vote.ballots_cast, vote.counting_head = ballots_issued, ballots_cast, counting_head
    vote.save(update_fields=["ballots_issued", "ballots_cast", "counting_head", "updated_at"])
    if vote.denominator_kind == ConfidenceVote.Denominator.BALLOTS and rated:
        resign, dismiss = confidence_rules(vote.held_on)
        for s in rated:
            s.outcome = rules.confidence_outcome(
                low=s.low or 0, denominator=vote.denominator, resign=resign, dismiss=dismiss
            )
        ConfidenceSubject.objects.bulk_update(rated, ["outcome"])
    _audit(
        actor,
        "council.confidence.ballots",
        vote,
        str(vote.session),
        {
            "ballots_issued": {"before": before["ballots_issued"], "after": ballots_issued},
            "ballots_cast": {"before": before["ballots_cast"], "after": ballots_cast},
            "counting_head": counting_head.full_name if counting_head else None,
        },
    )
    return vote


@transaction.atomic
def confidence_vote_transition(*, actor: User, vote: ConfidenceVote, action: str) -> ConfidenceVote:
    """Close the count (every person rated), reopen it, or announce the results (CONFIDENCE_FLOW);
    the time of the announcement is kept."""
    fields = {"published_at": timezone.now()} if action == "announce" else {}
    return _move(
        CONFIDENCE_FLOW,
        vote,
        actor=actor,
        action=action,
        summary=lambda v: str(v.session),
        fields=fields,
        related=("session",),
    )


# -- Questioning ---------------------------------------------------------------------------


@transaction.atomic
def question_group_create(*, actor: User, session: Session, title: str) -> QuestionGroup:
    _manage(actor, session)
    title = _text(title, _("The title is required."), "title")
    group = QuestionGroup.objects.create(
        session=session, title=title, order=session.question_groups.count() + 1
    )
    _audit(actor, "council.question_group.create", session, title)
    return group


@transaction.atomic
def question_ask(
    *,
    actor: User,
    session: Session,
    delegate: Person,
    addressee: str,
    addressee_body: Body,
    content: str,
    asked_on: datetime.date,
    group: QuestionGroup | None = None,
) -> Question:
    """Register a question; the written-answer due date (Civil Code days) is stored on it."""
    _manage(actor, session)
    if not session_delegates(session).filter(pk=delegate.pk).exists():
        raise ValidationFailed(
            _("Only a delegate of the council may ask."), code=E.NOT_A_DELEGATE, details={"field": "delegate"}
        )
    _body_in(addressee_body, session.province_id, field="addressee_body")
    if group is not None and group.session_id != session.pk:
        raise ValidationFailed(_("The question group belongs to another session."), code=E.WRONG_SESSION)
    content = _text(content, _("The question is required."), "content")
    days = rule_on("written_answer_days", asked_on).days or 20
    question = Question.objects.create(
        province_id=session.province_id,
        session=session,
        group=group,
        delegate=delegate,
        addressee=addressee,
        addressee_body=addressee_body,
        content=content,
        asked_on=asked_on,
        written_answer_due=add_days(asked_on, days),
        status=QUESTION_FLOW.initial,
    )
    _audit(
        actor, "council.question.ask", question, question.content[:200], province_code=session.province.code
    )
    return question


@transaction.atomic
def question_transition(
    *, actor: User, question: Question, action: str, changes: dict[str, Any] | None = None
) -> Question:
    """Mark a question answered, or reopen it when the answer is not enough (QUESTION_FLOW)."""
    return _move(
        QUESTION_FLOW,
        question,
        actor=actor,
        action=action,
        summary=lambda q: q.content[:200],
        changes=changes,
    )


@transaction.atomic
def answer_record(
    *, actor: User, question: Question, mode: str, answered_on: datetime.date, content: str
) -> Answer:
    """An answer, at the session or in writing; the first one moves the question to answered."""
    _manage(actor, question)
    _choice(mode, Answer.Mode.values, _("Unknown kind of answer."), "mode")
    answer = Answer.objects.create(
        question=question,
        mode=mode,
        answered_on=answered_on,
        content=_text(content, _("The answer is required."), "content"),
    )
    # The status as it is now (the caller's copy may be stale), locked until the answer commits.
    status = (
        Question.objects.select_for_update(of=("self",)).values_list("status", flat=True).get(pk=question.pk)
    )
    if status == QuestionStatus.OPEN:
        question_transition(actor=actor, question=question, action="answer", changes={"mode": mode})
    else:
        _audit(actor, "council.question.answer", question, question.content[:200], {"mode": mode})
    return answer


@transaction.atomic
def commitment_add(*, actor: User, question: Question, content: str, due_date: datetime.date) -> Commitment:
    _manage(actor, question)
    item = Commitment.objects.create(
        province_id=question.province_id,
        question=question,
        content=_text(content, _("The commitment is required."), "content"),
        due_date=due_date,
        status=COMMITMENT_FLOW.initial,
    )
    _audit(actor, "council.commitment.add", item, item.content[:200], province_code=question.province.code)
    return item


@transaction.atomic
def commitment_transition(
    *, actor: User, commitment: Commitment, action: str, follow_up: str | None = None
) -> Commitment:
    """Mark a commitment kept or not kept, or reopen it (COMMITMENT_FLOW), with its follow-up."""
    fields = {} if follow_up is None else {"follow_up": follow_up.strip()}
    return _move(
        COMMITMENT_FLOW,
        commitment,
        actor=actor,
        action=action,
        summary=lambda c: c.content[:200],
        fields=fields,
    )


@transaction.atomic
def commitment_update(*, actor: User, commitment: Commitment, follow_up: str, action: str = "") -> Commitment:
    """Record the follow-up of a commitment and, when `action` names a move, take it."""
    if action:
        return commitment_transition(actor=actor, commitment=commitment, action=action, follow_up=follow_up)
    _manage(actor, commitment)
    commitment.follow_up = follow_up.strip()
    commitment.save(update_fields=["follow_up", "updated_at"])
    _audit(actor, "council.commitment.follow_up", commitment, commitment.content[:200])
    return commitment


# -- Standing Committee and hearings ----------------------------------------------------------


@transaction.atomic
def hearing_record(
    *,
    actor: User,
    body: Body,
    topic: str,
    held_on: datetime.date,
    notice_on: datetime.date | None = None,
    conclusions: str = "",
) -> ExplanationHearing:
    _manage(actor, body)
    hearing = ExplanationHearing.objects.create(
        province_id=body.province_id,
        body=body,
        topic=_text(topic, _("The topic is required."), "topic"),
        held_on=held_on,
        notice_on=notice_on,
        conclusions=conclusions,
    )
    _audit(actor, "council.hearing.record", hearing, hearing.topic, province_code=body.province.code)
    return hearing


@transaction.atomic
def standing_meeting_record(
    *, actor: User, body: Body, held_on: datetime.date, title: str, agenda: str = "", conclusions: str = ""
) -> StandingMeeting:
    _manage(actor, body)
    if body.kind != BodyKind.STANDING_COMMITTEE:
        raise ValidationFailed(
            _("Choose the Standing Committee."), code=E.INVALID_BODY, details={"field": "body"}
        )
    meeting = StandingMeeting.objects.create(
        province_id=body.province_id,
        body=body,
        held_on=held_on,
        title=_text(title, _("The title is required."), "title"),
        agenda=agenda,
        conclusions=conclusions,
    )
    _audit(actor, "council.meeting.record", meeting, meeting.title, province_code=body.province.code)
    return meeting


@transaction.atomic
def standing_task_add(
    *,
    actor: User,
    meeting: StandingMeeting,
    content: str,
    assignee: Body,
    due_date: datetime.date | None = None,
) -> StandingTask:
    _manage(actor, meeting)
    _body_in(assignee, meeting.province_id, field="assignee")
    content = _text(content, _("The content is required."), "content")
    task = StandingTask.objects.create(meeting=meeting, content=content, assignee=assignee, due_date=due_date)
    _audit(actor, "council.meeting.task", meeting, content)
    return task


@transaction.atomic
def interim_matter_record(
    *, actor: User, meeting: StandingMeeting, decided_on: datetime.date, title: str, decision: str = ""
) -> InterimMatter:
    _manage(actor, meeting)
    matter = InterimMatter.objects.create(
        province_id=meeting.province_id,
        meeting=meeting,
        decided_on=decided_on,
        title=_text(title, _("The title is required."), "title"),
        decision=decision,
    )
    _audit(actor, "council.interim.record", matter, matter.title, province_code=meeting.province.code)
    return matter


@transaction.atomic
def interim_matter_report(*, actor: User, matter: InterimMatter, session: Session) -> InterimMatter:
    _manage(actor, matter)
    if session.province_id != matter.province_id or session.start_date < matter.decided_on:
        raise ValidationFailed(
            _("Report the matter at a later session of the same council."),
            code=E.LATER_SESSION_REQUIRED,
            details={"field": "session"},
        )
    matter.reported_at = session
    matter.save(update_fields=["reported_at", "updated_at"])
    _audit(actor, "council.interim.report", matter, matter.title)
    return matter
