"""Reads of the council module, scoped to the provinces where the user holds the permission."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet

from dancu.accounts.roles import Role
from dancu.core.access import get_access
from dancu.core.errors import NotFound
from dancu.core.search import search_queryset

from .models import (
    Commitment,
    ConfidenceVote,
    ExplanationHearing,
    InterimMatter,
    Question,
    Resolution,
    Session,
    SessionKind,
    StandingMeeting,
    Submission,
    Vote,
)
from .permissions import CouncilPerm
from .ruleset import rule_on
from .workflow import ConfidenceStatus, ResolutionStatus, SessionStatus


def _scoped(qs: QuerySet, user, perm: str = CouncilPerm.VIEW, field: str = "province_id") -> QuerySet:
    provinces = get_access(user).provinces_with(perm)
    if not isinstance(provinces, set):
        return qs
    return qs.filter(**{f"{field}__in": list(provinces)})


def _one(qs: QuerySet, pk: int):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise NotFound("")
    return obj


def sessions_visible(user, *, query: str = "", kind: str = "", status: str = "") -> QuerySet[Session]:
    qs = _scoped(Session.objects.select_related("body", "term"), user)
    if kind in SessionKind.values:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return search_queryset(qs, query)


def session_get(user, session_id: int) -> Session:
    return _one(sessions_visible(user), session_id)


def submissions_visible(user) -> QuerySet[Submission]:
    return _scoped(Submission.objects.select_related("session", "submitter", "reviewing_committee"), user)


def submission_get(user, submission_id: int) -> Submission:
    return _one(submissions_visible(user), submission_id)


def votes_visible(user, *, session_id: int | None = None) -> QuerySet[Vote]:
    qs = _scoped(Vote.objects.select_related("submission", "session"), user, field="session__province_id")
    if session_id:
        qs = qs.filter(session_id=session_id)
    return qs


def vote_get(user, vote_id: int) -> Vote:
    return _one(votes_visible(user), vote_id)


def resolutions_visible(
    user, *, query: str = "", kind: str = "", year: int | None = None
) -> QuerySet[Resolution]:
    """Office staff, delegates and viewers see the province's resolutions; an agency responder
    only those its body implements."""
    access = get_access(user)
    base = Resolution.objects.select_related("session", "implementing_agency")
    provinces = access.provinces_with(CouncilPerm.VIEW)
    if not isinstance(provinces, set):
        qs = base
    else:
        agencies = access.bodies_with_role(Role.AGENCY_RESPONDER)
        follow = access.provinces_with(CouncilPerm.FOLLOW_UP)
        follow_ids = list(follow) if isinstance(follow, set) else []
        qs = base.filter(
            Q(province_id__in=list(provinces))
            | Q(implementing_agency_id__in=list(agencies), province_id__in=follow_ids)
        )
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(year=year)
    return search_queryset(qs, query)


def resolution_get(user, resolution_id: int) -> Resolution:
    return _one(resolutions_visible(user), resolution_id)


def confidence_votes_visible(user) -> QuerySet[ConfidenceVote]:
    return _scoped(ConfidenceVote.objects.select_related("session"), user)


def confidence_vote_get(user, vote_id: int) -> ConfidenceVote:
    return _one(confidence_votes_visible(user), vote_id)


def questions_visible(user, *, query: str = "", session_id: int | None = None) -> QuerySet[Question]:
    qs = _scoped(Question.objects.select_related("session", "delegate", "addressee_body", "group"), user)
    if session_id:
        qs = qs.filter(session_id=session_id)
    return search_queryset(qs, query).prefetch_related("answers", "commitments")


def question_get(user, question_id: int) -> Question:
    return _one(questions_visible(user), question_id)


def commitments_visible(user) -> QuerySet[Commitment]:
    return _scoped(Commitment.objects.select_related("question", "question__addressee_body"), user)


def commitments_report(user, session: Session) -> dict[str, Any]:
    """Commitments to report before `session`: due by the report date (at least N days before
    the session, N from the rule in force)."""
    days = rule_on("commitment_report_days", session.start_date).days or 10
    report_by = session.start_date - datetime.timedelta(days=days)
    items = commitments_visible(user).filter(
        province_id=session.province_id, due_date__lte=session.start_date
    )
    return {"report_by": report_by, "items": list(items.order_by("status", "due_date"))}


def hearings_visible(user) -> QuerySet[ExplanationHearing]:
    return _scoped(ExplanationHearing.objects.select_related("body"), user)


def meetings_visible(user) -> QuerySet[StandingMeeting]:
    return _scoped(StandingMeeting.objects.select_related("body").prefetch_related("tasks", "matters"), user)


def meeting_get(user, meeting_id: int) -> StandingMeeting:
    return _one(meetings_visible(user), meeting_id)


def interim_matters_visible(user) -> QuerySet[InterimMatter]:
    return _scoped(InterimMatter.objects.select_related("meeting", "reported_at"), user)


def figures(user, year: int) -> dict[str, Any]:
    """Figures of the yearly report, as the seeds give them."""
    sessions = sessions_visible(user).filter(start_date__year=year)
    resolutions = _scoped(Resolution.objects.all(), user).filter(year=year)
    by_kind = dict(sessions.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    res_kind = dict(resolutions.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    commitments = commitments_visible(user).filter(due_date__year=year)
    return {
        "year": year,
        "sessions": {k: by_kind.get(k, 0) for k in SessionKind.values},
        "sessions_total": sum(by_kind.values()),
        "resolutions": {k: res_kind.get(k, 0) for k in ("normative", "other")},
        "resolutions_total": sum(res_kind.values()),
        "standing_meetings": meetings_visible(user).filter(held_on__year=year).count(),
        "questions": questions_visible(user).filter(asked_on__year=year).count(),
        "hearings": hearings_visible(user).filter(held_on__year=year).count(),
        "commitments": commitments.count(),
        "commitments_kept": commitments.filter(status=Commitment.Status.KEPT).count(),
        "interim_matters": interim_matters_visible(user).filter(decided_on__year=year).count(),
    }


# -- Public pages: no sign-in, only what is published, no personal data -----------------


def public_sessions(*, query: str = "") -> QuerySet[Session]:
    qs = Session.objects.exclude(status=SessionStatus.PLANNING).select_related("body", "term")
    return search_queryset(qs, query)


def public_session_get(session_id: int) -> Session:
    return _one(public_sessions(), session_id)


def public_resolutions(*, query: str = "", session_id: int | None = None) -> QuerySet[Resolution]:
    qs = Resolution.objects.filter(status=ResolutionStatus.PUBLISHED).select_related("session", "body")
    if session_id:
        qs = qs.filter(session_id=session_id)
    return search_queryset(qs, query)


def public_resolution_get(resolution_id: int) -> Resolution:
    return _one(public_resolutions(), resolution_id)


def public_confidence_get(vote_id: int) -> ConfidenceVote:
    return _one(
        ConfidenceVote.objects.filter(status=ConfidenceStatus.ANNOUNCED).select_related("session"), vote_id
    )
