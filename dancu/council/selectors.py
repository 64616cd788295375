"""Reads of the council module, scoped to the provinces where the user holds the permission
(`Access.scope` / `province_filter`, the one scoped read)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Count, Model, Q, QuerySet
from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.access import get_access
from dancu.core.errors import NotFound
from dancu.core.search import search_queryset
from dancu.directory.models import BodyKind, Membership, Person

from . import rules
from .errors import CouncilError
from .models import (
    Attendance,
    Commitment,
    ConfidenceSubject,
    ConfidenceVote,
    ExplanationHearing,
    InterimMatter,
    Question,
    Resolution,
    ResolutionKind,
    Session,
    SessionKind,
    StandingMeeting,
    Submission,
    SubmissionFile,
    Vote,
)
from .permissions import CouncilPerm
from .rules import percent
from .ruleset import rule_on, threshold
from .workflow import CommitmentStatus, ConfidenceStatus, ResolutionStatus, SessionStatus

M = TypeVar("M", bound=Model)


def _scoped(qs: QuerySet[M], user: Any, perm: str = CouncilPerm.VIEW, field: str = "province") -> QuerySet[M]:
    return get_access(user).scope(qs, perm, field=field)


def _one(qs: QuerySet[M], **lookup: Any) -> M:
    obj = qs.filter(**lookup).first()
    if obj is None:
        raise NotFound(_("Not found."), code=CouncilError.NOT_FOUND)
    return obj


def _holding_office(session: Session) -> Q:
    """Memberships in force during the session (a delegate who left before it, or came after
    it, is not one of its delegates)."""
    return (Q(start_date__isnull=True) | Q(start_date__lte=session.end_date)) & (
        Q(end_date__isnull=True) | Q(end_date__gte=session.start_date)
    )


def session_delegates(session: Session) -> QuerySet[Person]:
    """The delegates of the session's council holding office in its term (people, by name):
    the pickers of delegates, the roll and the total of delegates (not every person of the
    province)."""
    ids = Membership.objects.filter(
        _holding_office(session), body_id=session.body_id, term_id=session.term_id, post__code="dai-bieu"
    ).values("person_id")
    return Person.objects.filter(pk__in=ids).order_by("sort_key")


def confidence_candidates(session: Session) -> QuerySet[Person]:
    """Who may be on a confidence vote's list: the people holding a post the council elects
    (Resolution 96/2023/QH15): in the council, its Standing Committee and committees in the
    session's term, or in the province's People's Committee."""
    council_posts = Q(body_id=session.body_id) | Q(body__parent_id=session.body_id)
    committee = Q(body__kind=BodyKind.PEOPLES_COMMITTEE, body__province_id=session.province_id)
    ids = Membership.objects.filter(
        (council_posts & Q(term_id=session.term_id)) | committee, _holding_office(session)
    ).values("person_id")
    return Person.objects.filter(pk__in=ids).order_by("sort_key")


def attendance_summary(session: Session) -> dict[str, Any]:
    """Present and absent delegates and the quorum by the rule in force (two queries)."""
    counts = session.attendance.aggregate(recorded=Count("id"), present=Count("id", filter=Q(present=True)))
    rule = threshold(rule_on("quorum", session.start_date))
    total, present = session.delegates_total, counts["present"]
    return {
        "recorded": counts["recorded"],
        "present": present,
        "absent": counts["recorded"] - present,
        "total": total,
        "quorum_needed": rules.votes_needed(total, rule),
        "quorum": rules.quorum_met(present=present, total=total, rule=rule),
        "percent": percent(present, total),
    }


def attendance_roll(session: Session) -> dict[int, Attendance]:
    """The recorded roll of a session: person id -> their row."""
    return {a.person_id: a for a in Attendance.objects.filter(session=session)}


# -- sessions, submissions, votes --------------------------------------------------------------


def sessions_visible(user: Any, *, query: str = "", kind: str = "") -> QuerySet[Session]:
    qs = _scoped(Session.objects.select_related("province", "body", "term"), user)
    if kind in SessionKind.values:
        qs = qs.filter(kind=kind)
    return search_queryset(qs, query)


def session_get(user: Any, session_id: int) -> Session:
    return _one(sessions_visible(user), pk=session_id)


def sessions_held(user: Any) -> QuerySet[Session]:
    """Sessions past planning (where an interim matter may be reported), newest first."""
    return sessions_visible(user).exclude(status=SessionStatus.PLANNING)


def submissions_visible(user: Any) -> QuerySet[Submission]:
    return _scoped(
        Submission.objects.select_related("province", "session", "submitter", "reviewing_committee"), user
    )


def submission_get(user: Any, submission_id: int) -> Submission:
    return _one(submissions_visible(user), pk=submission_id)


def submission_file_get(user: Any, submission_id: int, version: int) -> SubmissionFile:
    submission = submission_get(user, submission_id)
    return _one(submission.files.all(), version=version)


def votes_visible(user: Any, *, session_id: int | None = None) -> QuerySet[Vote]:
    qs = _scoped(Vote.objects.select_related("submission", "session"), user, field="session__province")
    if session_id:
        qs = qs.filter(session_id=session_id)
    return qs


def vote_get(user: Any, vote_id: int) -> Vote:
    return _one(votes_visible(user).select_related("session__province", "session__body"), pk=vote_id)


# -- resolutions ---------------------------------------------------------------------------------


def resolutions_visible(
    user: Any, *, query: str = "", kind: str = "", year: int | None = None, status: str = ""
) -> QuerySet[Resolution]:
    """Office staff, delegates and viewers see the province's resolutions; an agency responder
    only those its body implements (in the provinces where it may follow up)."""
    access = get_access(user)
    qs = Resolution.objects.select_related("province", "session", "implementing_agency")
    view = access.province_filter(CouncilPerm.VIEW)
    if view is not None:
        agencies = sorted(access.bodies_with_role(Role.AGENCY_RESPONDER))
        follow = access.province_filter(CouncilPerm.FOLLOW_UP) or Q()
        qs = qs.filter(view | (Q(implementing_agency_id__in=agencies) & follow))
    if kind in ResolutionKind.values:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(year=year)
    if status in ResolutionStatus.values:
        qs = qs.filter(status=status)
    return search_queryset(qs, query)


def resolution_get(user: Any, resolution_id: int) -> Resolution:
    return _one(resolutions_visible(user), pk=resolution_id)


# -- confidence votes ----------------------------------------------------------------------------


def confidence_votes_visible(user: Any) -> QuerySet[ConfidenceVote]:
    return _scoped(ConfidenceVote.objects.select_related("province", "session"), user)


def confidence_vote_get(user: Any, confidence_id: int) -> ConfidenceVote:
    return _one(confidence_votes_visible(user), pk=confidence_id)


def confidence_subject_get(user: Any, confidence_id: int, subject_id: int) -> ConfidenceSubject:
    vote = confidence_vote_get(user, confidence_id)
    subject = _one(vote.subjects.select_related("person"), pk=subject_id)
    subject.vote = vote  # the scoped vote, with its session and province loaded
    return subject


def confidence_rows(
    vote: ConfidenceVote, *, rated_only: bool = False
) -> list[tuple[ConfidenceSubject, dict]]:
    """The people of a vote with the per cent of each rating (None where not counted yet)."""
    denominator = vote.denominator
    subjects = vote.subjects.select_related("person")
    if rated_only:
        subjects = subjects.filter(exempt=False)
    rows = []
    for s in subjects:
        pct: dict[str, Decimal | None] = {}
        for key in ("high", "medium", "low"):
            value = getattr(s, key)
            pct[key] = None if value is None else percent(value, denominator)
        rows.append((s, pct))
    return rows


# -- questioning ---------------------------------------------------------------------------------


def questions_visible(
    user: Any, *, query: str = "", session_id: int | None = None, delegate_id: int | None = None
) -> QuerySet[Question]:
    qs = _scoped(
        Question.objects.select_related("province", "session", "delegate", "addressee_body", "group"), user
    )
    if session_id:
        qs = qs.filter(session_id=session_id)
    if delegate_id:
        qs = qs.filter(delegate_id=delegate_id)
    return search_queryset(qs, query)


def current_files(user: Any, session: Session) -> list[SubmissionFile]:
    """The current version of each submission's file of a session the user may see (one
    query), in the order of the submissions."""
    rows = (
        SubmissionFile.objects.filter(submission__in=submissions_visible(user).filter(session=session))
        .select_related("submission")
        .order_by("submission_id", "-version")
    )
    latest: dict[int, SubmissionFile] = {}
    for row in rows:
        latest.setdefault(row.submission_id, row)
    return list(latest.values())


# -- what was sent to an agency ------------------------------------------------------------------


def agency_body_ids(user: Any) -> list[int]:
    """The bodies where the user answers for an agency."""
    return sorted(get_access(user).bodies_with_role(Role.AGENCY_RESPONDER))


def _to_agency(qs: QuerySet[M], user: Any, field: str) -> QuerySet[M]:
    access = get_access(user)
    qs = qs.filter(**{f"{field}__in": agency_body_ids(user)})
    follow = access.province_filter(CouncilPerm.FOLLOW_UP)
    return qs if follow is None else qs.filter(follow)


def questions_to_agency(user: Any) -> QuerySet[Question]:
    """The questions put to the user's agency, the written answer's due date first."""
    qs = Question.objects.select_related("province", "session", "addressee_body")
    return _to_agency(qs, user, "addressee_body_id").order_by("status", "written_answer_due", "id")


def commitments_of_agency(user: Any) -> QuerySet[Commitment]:
    """What the user's agency promised at the questioning, soonest due first."""
    qs = Commitment.objects.select_related("province", "question__addressee_body", "question__session")
    return _to_agency(qs, user, "question__addressee_body_id").order_by("status", "due_date", "id")


def question_get(user: Any, question_id: int) -> Question:
    return _one(questions_visible(user).prefetch_related("answers", "commitments"), pk=question_id)


def commitments_visible(user: Any) -> QuerySet[Commitment]:
    return _scoped(
        Commitment.objects.select_related("province", "question", "question__addressee_body"), user
    )


def commitment_get(user: Any, commitment_id: int) -> Commitment:
    return _one(commitments_visible(user), pk=commitment_id)


def commitments_open(user: Any, limit: int = 50, *, delegate_id: int | None = None) -> list[Commitment]:
    """The commitments not kept yet, soonest due first (made to one delegate's questions when
    `delegate_id` is given)."""
    qs = commitments_visible(user).exclude(status=CommitmentStatus.KEPT)
    if delegate_id:
        qs = qs.filter(question__delegate_id=delegate_id)
    return list(qs[:limit])


def commitments_report(user: Any, session: Session) -> dict[str, Any]:
    """Commitments to report before `session`: due by the report date (at least N days before
    the session, N from the rule in force)."""
    days = rule_on("commitment_report_days", session.start_date).days or 10
    report_by = session.start_date - datetime.timedelta(days=days)
    items = commitments_visible(user).filter(
        province_id=session.province_id, due_date__lte=session.start_date
    )
    return {"report_by": report_by, "items": list(items.order_by("status", "due_date"))}


# -- the Standing Committee ----------------------------------------------------------------------


def hearings_visible(user: Any) -> QuerySet[ExplanationHearing]:
    return _scoped(ExplanationHearing.objects.select_related("body"), user)


def meetings_visible(user: Any) -> QuerySet[StandingMeeting]:
    return _scoped(StandingMeeting.objects.select_related("province", "body"), user)


def meeting_rows(user: Any) -> QuerySet[StandingMeeting]:
    """The meetings of the list page, each with its number of tasks (no query per row)."""
    return meetings_visible(user).annotate(task_count=Count("tasks")).order_by("-held_on", "-id")


def meeting_get(user: Any, meeting_id: int) -> StandingMeeting:
    return _one(meetings_visible(user).prefetch_related("tasks__assignee", "matters"), pk=meeting_id)


def interim_matters_visible(user: Any) -> QuerySet[InterimMatter]:
    return _scoped(InterimMatter.objects.select_related("province", "meeting", "reported_at"), user)


def interim_matter_get(user: Any, matter_id: int) -> InterimMatter:
    return _one(interim_matters_visible(user), pk=matter_id)


# -- figures -------------------------------------------------------------------------------------


def figures(user: Any, year: int) -> dict[str, Any]:
    """Figures of the yearly report, as the seeds give them."""
    sessions = sessions_visible(user).filter(start_date__year=year)
    resolutions = _scoped(Resolution.objects.all(), user).filter(year=year)
    by_kind = dict(sessions.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    res_kind = dict(resolutions.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    commitments = (
        commitments_visible(user)
        .filter(due_date__year=year)
        .aggregate(total=Count("id"), kept=Count("id", filter=Q(status=CommitmentStatus.KEPT)))
    )
    return {
        "year": year,
        "sessions": {k: by_kind.get(k, 0) for k in SessionKind.values},
        "sessions_total": sum(by_kind.values()),
        "resolutions": {k: res_kind.get(k, 0) for k in ResolutionKind.values},
        "resolutions_total": sum(res_kind.values()),
        "standing_meetings": meetings_visible(user).filter(held_on__year=year).count(),
        "questions": questions_visible(user).filter(asked_on__year=year).count(),
        "hearings": hearings_visible(user).filter(held_on__year=year).count(),
        "commitments": commitments["total"],
        "commitments_kept": commitments["kept"],
        "interim_matters": interim_matters_visible(user).filter(decided_on__year=year).count(),
    }


# -- public pages: no sign-in, only what is published, no personal data --------------------------


def public_sessions(*, query: str = "") -> QuerySet[Session]:
    qs = Session.objects.exclude(status=SessionStatus.PLANNING).select_related("body", "term")
    return search_queryset(qs, query)


def public_session_get(session_id: int) -> Session:
    return _one(public_sessions(), pk=session_id)


def public_resolutions(*, query: str = "", session_id: int | None = None) -> QuerySet[Resolution]:
    qs = Resolution.objects.filter(status=ResolutionStatus.PUBLISHED).select_related("session", "body")
    if session_id:
        qs = qs.filter(session_id=session_id)
    return search_queryset(qs, query)


def public_submission_files(*, session_id: int) -> list[SubmissionFile]:
    """The current version of each submission's file of a public session (one query), in the
    order of the submissions; older versions stay on the staff pages."""
    rows = (
        SubmissionFile.objects.filter(submission__session_id=session_id)
        .exclude(submission__session__status=SessionStatus.PLANNING)
        .select_related("submission")
        .order_by("submission_id", "-version")
    )
    latest: dict[int, SubmissionFile] = {}
    for row in rows:
        latest.setdefault(row.submission_id, row)
    return list(latest.values())


def public_submission_file_get(submission_id: int) -> SubmissionFile:
    """The current file of a submission, when its session is public (not in planning)."""
    row = (
        SubmissionFile.objects.filter(submission_id=submission_id)
        .exclude(submission__session__status=SessionStatus.PLANNING)
        .select_related("submission")
        .order_by("-version")
        .first()
    )
    if row is None:
        raise NotFound(_("Not found."), code=CouncilError.NOT_FOUND)
    return row


def public_resolution_get(resolution_id: int) -> Resolution:
    return _one(public_resolutions(), pk=resolution_id)


def public_confidence_votes(*, session_id: int | None = None) -> QuerySet[ConfidenceVote]:
    qs = ConfidenceVote.objects.filter(status=ConfidenceStatus.ANNOUNCED).select_related("session__body")
    if session_id:
        qs = qs.filter(session_id=session_id)
    return qs


def public_confidence_get(confidence_id: int) -> ConfidenceVote:
    return _one(public_confidence_votes(), pk=confidence_id)
