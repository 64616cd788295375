"""Writes of the council module: each service checks permission, validates, writes and audits
in one transaction."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.audit import audit_record
from dancu.core.calendar import add_days
from dancu.core.errors import Conflict, ValidationFailed
from dancu.directory.models import Body, BodyKind, Membership, Person, Term

from . import rules, workflow
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
from .permissions import CouncilPerm
from .ruleset import rule_on, threshold
from .workflow import ConfidenceStatus, ResolutionStatus, SessionStatus


def _require(actor, perm: str, province_id: int) -> None:
    get_access(actor).require(perm, province_id)


def _audit(actor, action: str, target, summary: str, changes: dict[str, Any] | None = None) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        province_code=target.province.code,
        summary=summary[:500],
        changes=changes or {},
    )


def _body_in(body: Body, province_id: int, kinds: set[str] | None = None) -> None:
    if body.province_id != province_id or (kinds and body.kind not in kinds):
        raise ValidationFailed(_("The body is not valid here."), code="invalid_body")


def session_delegates(session: Session):
    """The delegates of the session's council in its term (people, by name)."""
    ids = Membership.objects.filter(body=session.body, term=session.term, post__code="dai-bieu").values(
        "person_id"
    )
    return Person.objects.filter(pk__in=ids).order_by("full_name")


# -- Sessions ------------------------------------------------------------------------------


@transaction.atomic
def session_create(
    *,
    actor,
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
    _require(actor, CouncilPerm.MANAGE, body.province_id)
    if body.kind != BodyKind.PEOPLES_COUNCIL or term.body_id != body.pk:
        raise ValidationFailed(_("Choose a People's Council and one of its terms."), code="invalid_body")
    if kind not in SessionKind.values:
        raise ValidationFailed(_("Unknown kind of session."))
    if end_date < start_date:
        raise ValidationFailed(_("A session cannot close before it opens."))
    if not title.strip():
        raise ValidationFailed(_("The title is required."))
    if number is None:
        last = (
            Session.objects.filter(body=body, term=term)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        number = (last or 0) + 1
    elif Session.objects.filter(body=body, term=term, number=number).exists():
        raise Conflict(_("A session with this number already exists in the term."), code="duplicate_number")
    session = Session(
        province=body.province,
        body=body,
        term=term,
        kind=kind,
        number=number,
        title=title.strip(),
        start_date=start_date,
        end_date=end_date,
        venue=venue.strip(),
        status=SessionStatus.PLANNING,
        delegates_total=0,
    )
    if delegates_total is None:
        delegates_total = session_delegates(session).count()
    if delegates_total <= 0:
        raise ValidationFailed(_("The council has no delegates in this term."), code="no_delegates")
    session.delegates_total = delegates_total
    session.save()
    _audit(actor, "council.session.create", session, session.title, {"kind": kind, "number": number})
    return session


@transaction.atomic
def session_transition(*, actor, session: Session, to: str) -> Session:
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    session = Session.objects.select_for_update().get(pk=session.pk)
    before = workflow.transition(session, to)
    session.save(update_fields=["status", "updated_at"])
    _audit(actor, "council.session.transition", session, session.title, {"status": [before, to]})
    return session


@transaction.atomic
def joint_conference_record(
    *, actor, session: Session, held_on: datetime.date, programme: str, conclusions: str = ""
) -> JointConference:
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    if not programme.strip():
        raise ValidationFailed(_("The programme is required."))
    conf, _created = JointConference.objects.update_or_create(
        session=session, defaults={"held_on": held_on, "programme": programme, "conclusions": conclusions}
    )
    _audit(actor, "council.joint_conference.record", session, session.title)
    return conf


@transaction.atomic
def agenda_item_add(
    *, actor, session: Session, day: datetime.date, title: str, time: str = "", presenter: str = ""
) -> AgendaItem:
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    if not (session.start_date <= day <= session.end_date):
        raise ValidationFailed(_("The day must fall within the session."))
    if not title.strip():
        raise ValidationFailed(_("The content is required."))
    order = session.agenda_items.filter(day=day).count() + 1
    item = AgendaItem.objects.create(
        session=session, day=day, order=order, time=time, title=title, presenter=presenter
    )
    _audit(actor, "council.agenda.add", session, title)
    return item


# -- Submissions -----------------------------------------------------------------------------


@transaction.atomic
def submission_create(
    *,
    actor,
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
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    if kind not in SubmissionKind.values:
        raise ValidationFailed(_("Unknown kind of submission."))
    if not title.strip():
        raise ValidationFailed(_("The title is required."))
    _body_in(submitter, session.province_id)
    if reviewing_committee is not None:
        _body_in(reviewing_committee, session.province_id, {BodyKind.COMMITTEE})
    if session.status == SessionStatus.CLOSED:
        raise Conflict(_("The session is closed."), code="session_closed")
    days = rule_on("submission_days", session.start_date).days or 0
    submission = Submission.objects.create(
        province=session.province,
        session=session,
        kind=kind,
        title=title.strip(),
        submitter=submitter,
        reviewing_committee=reviewing_committee,
        due_to_delegates=session.start_date - datetime.timedelta(days=days),
        received_on=received_on,
        is_normative=is_normative and kind == SubmissionKind.DRAFT_RESOLUTION,
    )
    _audit(actor, "council.submission.create", submission, submission.title)
    return submission


@transaction.atomic
def submission_file_add(*, actor, submission: Submission, uploaded, note: str = "") -> SubmissionFile:
    """A new version of the document's file; the first upload also marks it received."""
    _require(actor, CouncilPerm.MANAGE, submission.province_id)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    version = (submission.files.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    item = SubmissionFile(
        submission=submission,
        version=version,
        original_name=getattr(uploaded, "name", "file")[:255],
        note=note,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    item.file.save(item.original_name, uploaded, save=False)
    item.save()
    if submission.received_on is None:
        submission.received_on = timezone.localdate()
        submission.save(update_fields=["received_on", "updated_at"])
    _audit(actor, "council.submission.file", submission, f"{submission.title} v{version}")
    return item


@transaction.atomic
def submission_mark_received(*, actor, submission: Submission, received_on: datetime.date) -> Submission:
    _require(actor, CouncilPerm.MANAGE, submission.province_id)
    submission.received_on = received_on
    submission.save(update_fields=["received_on", "updated_at"])
    _audit(actor, "council.submission.received", submission, submission.title, {"received_on": received_on})
    return submission


@transaction.atomic
def review_report_record(
    *, actor, submission: Submission, committee: Body, reported_on: datetime.date, conclusion: str
) -> ReviewReport:
    _require(actor, CouncilPerm.MANAGE, submission.province_id)
    _body_in(committee, submission.province_id, {BodyKind.COMMITTEE})
    if not conclusion.strip():
        raise ValidationFailed(_("The conclusion is required."))
    report = ReviewReport.objects.create(
        submission=submission, committee=committee, reported_on=reported_on, conclusion=conclusion.strip()
    )
    _audit(actor, "council.review.record", submission, f"{committee.name}: {submission.title}")
    return report


@transaction.atomic
def discussion_note_record(
    *, actor, submission: Submission, group: Body, held_on: datetime.date, notes: str
) -> GroupDiscussionNote:
    _require(actor, CouncilPerm.MANAGE, submission.province_id)
    _body_in(group, submission.province_id, {BodyKind.DELEGATE_GROUP})
    if not notes.strip():
        raise ValidationFailed(_("The notes are required."))
    note = GroupDiscussionNote.objects.create(
        submission=submission, group=group, held_on=held_on, notes=notes.strip()
    )
    _audit(actor, "council.discussion.record", submission, f"{group.name}: {submission.title}")
    return note


# -- At the session ------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, actor, session: Session, absences: dict[int, str]) -> dict[str, Any]:
    """Every delegate of the session is present except those in `absences` (person id -> reason)."""
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    delegates = list(session_delegates(session).values_list("pk", flat=True))
    unknown = set(absences) - set(delegates)
    if unknown:
        raise ValidationFailed(_("Only delegates of the session can be recorded."), code="not_a_delegate")
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


def attendance_summary(session: Session) -> dict[str, Any]:
    present = session.attendance.filter(present=True).count()
    recorded = session.attendance.count()
    row = rule_on("quorum", session.start_date)
    return {
        "recorded": recorded,
        "present": present,
        "absent": recorded - present,
        "total": session.delegates_total,
        "quorum_needed": rules.votes_needed(session.delegates_total, threshold(row)),
        "quorum": rules.quorum_met(present=present, total=session.delegates_total, rule=threshold(row)),
        "percent": rules.percent(present, session.delegates_total),
    }


@transaction.atomic
def vote_record(
    *,
    actor,
    submission: Submission,
    held_on: datetime.date,
    yes: int,
    no: int,
    abstain: int,
    not_voting: int,
) -> Vote:
    """Record a vote on a draft; passed or not by the rule in force, against the TOTAL of delegates."""
    _require(actor, CouncilPerm.MANAGE, submission.province_id)
    session = Session.objects.select_related("province").get(pk=submission.session_id)
    if submission.kind != SubmissionKind.DRAFT_RESOLUTION:
        raise ValidationFailed(_("Only a draft resolution is voted on."), code="not_a_draft")
    if session.status != SessionStatus.IN_PROGRESS:
        raise Conflict(
            _("Votes are recorded while the session is in progress."), code="session_not_in_progress"
        )
    total = session.delegates_total
    try:
        rules.check_vote_tally(yes=yes, no=no, abstain=abstain, not_voting=not_voting, total=total)
    except rules.TallyError as exc:
        raise ValidationFailed(
            _("The counts must not be negative and must not exceed %(total)s delegates.") % {"total": total},
            code="invalid_tally",
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
    audit_record(
        actor=actor,
        action="council.vote.record",
        target=vote,
        province_code=session.province.code,
        summary=submission.title[:500],
        changes={"yes": yes, "no": no, "abstain": abstain, "not_voting": not_voting, "passed": vote.passed},
    )
    return vote


def _next_number(body: Body, kind: str, year: int) -> int:
    """Take the next number of a series: the counter row is locked until the transaction ends, so
    concurrent adoptions queue; the unique constraint on Resolution is the last guard."""
    try:
        with transaction.atomic():
            ResolutionCounter.objects.get_or_create(body=body, kind=kind, year=year)
    except IntegrityError:
        pass  # another transaction created it first
    counter = ResolutionCounter.objects.select_for_update().get(body=body, kind=kind, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


@transaction.atomic
def resolution_adopt(
    *,
    actor,
    vote: Vote,
    adopted_on: datetime.date | None = None,
    title: str = "",
    content: str = "",
    implementing_agency: Body | None = None,
) -> Resolution:
    """Adopt the draft of a passed vote: the resolution takes the next number of its series
    (legal normative or other) in the year of adoption."""
    session = vote.session
    _require(actor, CouncilPerm.ADOPT, session.province_id)
    vote = Vote.objects.select_for_update().select_related("submission").get(pk=vote.pk)
    if not vote.passed:
        raise Conflict(_("The draft did not pass."), code="not_passed")
    if (
        Resolution.objects.filter(vote=vote).exists()
        or Resolution.objects.filter(submission=vote.submission).exists()
    ):
        raise Conflict(_("This draft has already been adopted."), code="already_adopted")
    if implementing_agency is not None:
        _body_in(implementing_agency, session.province_id)
    adopted_on = adopted_on or vote.held_on
    kind = ResolutionKind.NORMATIVE if vote.submission.is_normative else ResolutionKind.OTHER
    number = _next_number(session.body, kind, adopted_on.year)
    resolution = Resolution.objects.create(
        province=session.province,
        body=session.body,
        session=session,
        submission=vote.submission,
        vote=vote,
        kind=kind,
        year=adopted_on.year,
        number=number,
        title=(title or vote.submission.title).strip(),
        content=content,
        adopted_on=adopted_on,
        status=ResolutionStatus.ADOPTED,
        implementing_agency=implementing_agency,
    )
    _audit(actor, "council.resolution.adopt", resolution, f"{resolution.number_label} {resolution.title}")
    return resolution


@transaction.atomic
def resolution_publish(*, actor, resolution: Resolution) -> Resolution:
    _require(actor, CouncilPerm.ADOPT, resolution.province_id)
    resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
    before = workflow.transition(resolution, ResolutionStatus.PUBLISHED)
    resolution.published_at = timezone.now()
    resolution.save(update_fields=["status", "published_at", "updated_at"])
    _audit(
        actor,
        "council.resolution.publish",
        resolution,
        resolution.number_label,
        {"status": [before, "published"]},
    )
    return resolution


@transaction.atomic
def resolution_assign_agency(*, actor, resolution: Resolution, agency: Body) -> Resolution:
    _require(actor, CouncilPerm.MANAGE, resolution.province_id)
    _body_in(agency, resolution.province_id)
    resolution.implementing_agency = agency
    resolution.save(update_fields=["implementing_agency", "updated_at"])
    _audit(actor, "council.resolution.assign", resolution, f"{resolution.number_label} -> {agency.name}")
    return resolution


@transaction.atomic
def follow_up_report_add(
    *, actor, resolution: Resolution, content: str, reported_on: datetime.date | None = None
) -> FollowUpReport:
    """A report on implementing a resolution: by the office, or by the implementing agency."""
    access = get_access(actor)
    access.require(CouncilPerm.FOLLOW_UP, resolution.province_id)
    agency = resolution.implementing_agency
    if agency is None:
        raise Conflict(_("No implementing agency is assigned yet."), code="no_agency")
    if not access.has(
        CouncilPerm.MANAGE, resolution.province_id
    ) and agency.pk not in access.bodies_with_role("agency_responder"):
        raise ValidationFailed(
            _("Only the implementing agency may report on this resolution."), code="not_agency"
        )
    if not content.strip():
        raise ValidationFailed(_("The content is required."))
    report = FollowUpReport.objects.create(
        resolution=resolution,
        agency=agency,
        reported_on=reported_on or timezone.localdate(),
        content=content.strip(),
    )
    _audit(actor, "council.resolution.follow_up", resolution, resolution.number_label)
    return report


# -- Confidence votes ----------------------------------------------------------------------


@transaction.atomic
def confidence_vote_create(
    *,
    actor,
    session: Session,
    held_on: datetime.date,
    denominator_kind: str = ConfidenceVote.Denominator.TOTAL,
) -> ConfidenceVote:
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    if denominator_kind not in ConfidenceVote.Denominator.values:
        raise ValidationFailed(_("Unknown denominator."))
    vote = ConfidenceVote.objects.create(
        province=session.province, session=session, held_on=held_on, denominator_kind=denominator_kind
    )
    _audit(actor, "council.confidence.create", vote, str(session))
    return vote


@transaction.atomic
def confidence_subject_add(
    *,
    actor,
    vote: ConfidenceVote,
    person: Person,
    post: str,
    exempt: bool = False,
    exemption_reason: str = "",
) -> ConfidenceSubject:
    """A person to be rated; a person holding several posts is rated once (unique per vote)."""
    _require(actor, CouncilPerm.MANAGE, vote.province_id)
    if person.province_id != vote.province_id:
        raise ValidationFailed(_("The person is not of this province."))
    if exempt and not exemption_reason.strip():
        raise ValidationFailed(_("Give the reason for the exemption."), code="reason_required")
    if ConfidenceSubject.objects.filter(vote=vote, person=person).exists():
        raise Conflict(_("This person is already on the list."), code="duplicate_subject")
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


def confidence_rules(day: datetime.date) -> tuple[rules.Threshold, rules.Threshold]:
    return threshold(rule_on("confidence_resign", day)), threshold(rule_on("confidence_dismiss", day))


@transaction.atomic
def confidence_tally_record(
    *,
    actor,
    subject: ConfidenceSubject,
    high: int,
    medium: int,
    low: int,
    ballots_cast: int | None = None,
) -> ConfidenceSubject:
    """The counting board's figures for one person; the outcome follows from the rule in force."""
    vote = subject.vote
    _require(actor, CouncilPerm.MANAGE, vote.province_id)
    if vote.status != ConfidenceStatus.OPEN:
        raise Conflict(_("The count is closed."), code="count_closed")
    if subject.exempt:
        raise Conflict(_("An exempt person is not rated."), code="exempt")
    if ballots_cast is not None:
        if ballots_cast > vote.session.delegates_total:
            raise ValidationFailed(_("More ballots than delegates."), code="invalid_tally")
        vote.ballots_cast = ballots_cast
        vote.save(update_fields=["ballots_cast", "updated_at"])
    denominator = vote.denominator
    try:
        rules.check_confidence_tally(high=high, medium=medium, low=low, denominator=denominator)
    except rules.TallyError as exc:
        raise ValidationFailed(
            _("The counts must not be negative and must not exceed %(total)s.") % {"total": denominator},
            code="invalid_tally",
        ) from exc
    resign, dismiss = confidence_rules(vote.held_on)
    subject.high, subject.medium, subject.low = high, medium, low
    subject.outcome = rules.confidence_outcome(
        low=low, denominator=denominator, resign=resign, dismiss=dismiss
    )
    subject.save()
    _audit(
        actor,
        "council.confidence.tally",
        vote,
        subject.person.full_name,
        {"high": high, "medium": medium, "low": low},
    )
    return subject


@transaction.atomic
def confidence_vote_transition(*, actor, vote: ConfidenceVote, to: str) -> ConfidenceVote:
    perm = CouncilPerm.ADOPT if to == ConfidenceStatus.ANNOUNCED else CouncilPerm.MANAGE
    _require(actor, perm, vote.province_id)
    vote = ConfidenceVote.objects.select_for_update().get(pk=vote.pk)
    if to == ConfidenceStatus.COUNTED and vote.subjects.filter(exempt=False, low__isnull=True).exists():
        raise Conflict(_("Enter the figures of every person first."), code="count_incomplete")
    before = workflow.transition(vote, to)
    if to == ConfidenceStatus.ANNOUNCED:
        vote.published_at = timezone.now()
    vote.save(update_fields=["status", "published_at", "updated_at"])
    _audit(actor, "council.confidence.transition", vote, str(vote.session), {"status": [before, to]})
    return vote


# -- Questioning ---------------------------------------------------------------------------


@transaction.atomic
def question_group_create(*, actor, session: Session, title: str) -> QuestionGroup:
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    group = QuestionGroup.objects.create(
        session=session, title=title, order=session.question_groups.count() + 1
    )
    _audit(actor, "council.question_group.create", session, title)
    return group


@transaction.atomic
def question_ask(
    *,
    actor,
    session: Session,
    delegate: Person,
    addressee: str,
    addressee_body: Body,
    content: str,
    asked_on: datetime.date,
    group: QuestionGroup | None = None,
) -> Question:
    """Register a question; the written-answer due date (Civil Code days) is stored on it."""
    _require(actor, CouncilPerm.MANAGE, session.province_id)
    if not session_delegates(session).filter(pk=delegate.pk).exists():
        raise ValidationFailed(_("Only a delegate of the council may ask."), code="not_a_delegate")
    _body_in(addressee_body, session.province_id)
    if group is not None and group.session_id != session.pk:
        raise ValidationFailed(_("The question group belongs to another session."))
    if not content.strip():
        raise ValidationFailed(_("The question is required."))
    days = rule_on("written_answer_days", asked_on).days or 20
    question = Question.objects.create(
        province=session.province,
        session=session,
        group=group,
        delegate=delegate,
        addressee=addressee,
        addressee_body=addressee_body,
        content=content.strip(),
        asked_on=asked_on,
        written_answer_due=add_days(asked_on, days),
    )
    _audit(actor, "council.question.ask", question, question.content[:200])
    return question


@transaction.atomic
def answer_record(
    *, actor, question: Question, mode: str, answered_on: datetime.date, content: str
) -> Answer:
    _require(actor, CouncilPerm.MANAGE, question.province_id)
    if mode not in Answer.Mode.values:
        raise ValidationFailed(_("Unknown kind of answer."))
    if not content.strip():
        raise ValidationFailed(_("The answer is required."))
    answer = Answer.objects.create(
        question=question, mode=mode, answered_on=answered_on, content=content.strip()
    )
    question.status = Question.Status.ANSWERED
    question.save(update_fields=["status", "updated_at"])
    _audit(actor, "council.question.answer", question, question.content[:200], {"mode": mode})
    return answer


@transaction.atomic
def commitment_add(*, actor, question: Question, content: str, due_date: datetime.date) -> Commitment:
    _require(actor, CouncilPerm.MANAGE, question.province_id)
    if not content.strip():
        raise ValidationFailed(_("The commitment is required."))
    item = Commitment.objects.create(
        province=question.province, question=question, content=content.strip(), due_date=due_date
    )
    _audit(actor, "council.commitment.add", item, item.content[:200])
    return item


@transaction.atomic
def commitment_update(*, actor, commitment: Commitment, status: str, follow_up: str = "") -> Commitment:
    _require(actor, CouncilPerm.MANAGE, commitment.province_id)
    if status not in Commitment.Status.values:
        raise ValidationFailed(_("Unknown status."))
    before = commitment.status
    commitment.status = status
    commitment.follow_up = follow_up
    commitment.save(update_fields=["status", "follow_up", "updated_at"])
    _audit(
        actor, "council.commitment.update", commitment, commitment.content[:200], {"status": [before, status]}
    )
    return commitment


@transaction.atomic
def hearing_record(
    *,
    actor,
    body: Body,
    topic: str,
    held_on: datetime.date,
    notice_on: datetime.date | None = None,
    conclusions: str = "",
) -> ExplanationHearing:
    _require(actor, CouncilPerm.MANAGE, body.province_id)
    hearing = ExplanationHearing.objects.create(
        province=body.province,
        body=body,
        topic=topic,
        held_on=held_on,
        notice_on=notice_on,
        conclusions=conclusions,
    )
    _audit(actor, "council.hearing.record", hearing, topic)
    return hearing


# -- Standing Committee --------------------------------------------------------------------


@transaction.atomic
def standing_meeting_record(
    *, actor, body: Body, held_on: datetime.date, title: str, agenda: str = "", conclusions: str = ""
) -> StandingMeeting:
    _require(actor, CouncilPerm.MANAGE, body.province_id)
    if body.kind != BodyKind.STANDING_COMMITTEE:
        raise ValidationFailed(_("Choose the Standing Committee."), code="invalid_body")
    meeting = StandingMeeting.objects.create(
        province=body.province,
        body=body,
        held_on=held_on,
        title=title,
        agenda=agenda,
        conclusions=conclusions,
    )
    _audit(actor, "council.meeting.record", meeting, title)
    return meeting


@transaction.atomic
def standing_task_add(
    *, actor, meeting: StandingMeeting, content: str, assignee: Body, due_date: datetime.date | None = None
) -> StandingTask:
    _require(actor, CouncilPerm.MANAGE, meeting.province_id)
    _body_in(assignee, meeting.province_id)
    task = StandingTask.objects.create(meeting=meeting, content=content, assignee=assignee, due_date=due_date)
    _audit(actor, "council.meeting.task", meeting, content)
    return task


@transaction.atomic
def interim_matter_record(
    *, actor, meeting: StandingMeeting, decided_on: datetime.date, title: str, decision: str = ""
) -> InterimMatter:
    _require(actor, CouncilPerm.MANAGE, meeting.province_id)
    matter = InterimMatter.objects.create(
        province=meeting.province, meeting=meeting, decided_on=decided_on, title=title, decision=decision
    )
    _audit(actor, "council.interim.record", matter, title)
    return matter


@transaction.atomic
def interim_matter_report(*, actor, matter: InterimMatter, session: Session) -> InterimMatter:
    _require(actor, CouncilPerm.MANAGE, matter.province_id)
    if session.province_id != matter.province_id or session.start_date < matter.decided_on:
        raise ValidationFailed(_("Report the matter at a later session of the same council."))
    matter.reported_at = session
    matter.save(update_fields=["reported_at", "updated_at"])
    _audit(actor, "council.interim.report", matter, matter.title)
    return matter
