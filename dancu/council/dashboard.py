"""The council's cards on the home dashboard (manifest `dashboard_cards`, web.views.dashboard),
by what the user does:

- the Office (who manages the council's work): what is due or overdue this week (sessions,
  convening notices, documents to delegates, written answers, commitments) and what is new;
- the leadership (who adopts): what awaits adoption, publication or announcement, and figures;
- a delegate (the account's person in the directory): their sessions, their questions and the
  commitments made to them;
- an agency's responder: what was put to the agency, with the next due date.

Each card is {"label", "value", "url", "group"}; the group is one of "due", "new", "approve",
"mine", "agency" (or absent: a figure). Every count is scoped like the pages.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.access import get_access
from dancu.directory.models import Membership

from . import selectors
from .models import ConfidenceVote, Resolution, SessionKind, Vote
from .permissions import CouncilPerm
from .ruleset import rule_on
from .workflow import (
    CommitmentStatus,
    ConfidenceStatus,
    QuestionStatus,
    ResolutionStatus,
    SessionStatus,
)

NEW_DAYS = 7


def week(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the week of `today`."""
    monday = today - datetime.timedelta(days=today.weekday())
    return monday, monday + datetime.timedelta(days=6)


def _card(label: str, value: int, url: str, group: str = "") -> dict[str, Any]:
    card: dict[str, Any] = {"label": label, "value": value, "url": url}
    if group:
        card["group"] = group
    return card


def _with_date(label: str, date: datetime.date | None) -> str:
    return f"{label} ({_('next due')} {date:%d/%m/%Y})" if date else label


def office_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    """Due or overdue this week, and new in the last days."""
    _monday, sunday = week(today)
    sessions = selectors.sessions_visible(user).exclude(status=SessionStatus.CLOSED)
    this_week = sessions.filter(start_date__lte=sunday, end_date__gte=today).count()
    # A convening notice is due N days before the opening (N by kind, from the rules).
    regular = rule_on("convene_regular_days", today).days or 0
    other = rule_on("convene_other_days", today).days or 0
    planning = sessions.filter(status=SessionStatus.PLANNING)
    notices = planning.filter(
        Q(kind=SessionKind.REGULAR, start_date__lte=sunday + datetime.timedelta(days=regular))
        | (~Q(kind=SessionKind.REGULAR) & Q(start_date__lte=sunday + datetime.timedelta(days=other)))
    ).count()
    documents = (
        selectors.submissions_visible(user)
        .filter(received_on__isnull=True, due_to_delegates__lte=sunday)
        .exclude(session__status=SessionStatus.CLOSED)
        .count()
    )
    answers = (
        selectors.questions_visible(user)
        .filter(status=QuestionStatus.OPEN, written_answer_due__lte=sunday)
        .count()
    )
    commitments = (
        selectors.commitments_visible(user).filter(status=CommitmentStatus.OPEN, due_date__lte=sunday).count()
    )
    since = timezone.now() - datetime.timedelta(days=NEW_DAYS)
    new_questions = selectors.questions_visible(user).filter(created_at__gte=since).count()
    new_submissions = selectors.submissions_visible(user).filter(created_at__gte=since).count()
    sessions_url = reverse("council:session_list")
    questions_url = reverse("council:question_list")
    return [
        _card(_("Sessions this week"), this_week, sessions_url, "due"),
        _card(_("Convening notices due this week"), notices, sessions_url, "due"),
        _card(_("Documents due to delegates this week"), documents, sessions_url, "due"),
        _card(_("Written answers due this week"), answers, questions_url, "due"),
        _card(_("Commitments due this week"), commitments, questions_url, "due"),
        _card(_("New questions (7 days)"), new_questions, questions_url, "new"),
        _card(_("New submissions (7 days)"), new_submissions, sessions_url, "new"),
    ]


def leader_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    """What awaits the leadership's adoption, publication or announcement, and the year's figure."""
    access = get_access(user)
    passed = access.scope(
        Vote.objects.filter(passed=True, resolution__isnull=True),
        CouncilPerm.ADOPT,
        field="session__province",
    ).order_by("-held_on", "-id")
    awaiting = list(passed.values_list("session_id", flat=True)[:50])
    unpublished = access.scope(Resolution.objects.filter(status=ResolutionStatus.ADOPTED), CouncilPerm.ADOPT)
    counted = access.scope(ConfidenceVote.objects.filter(status=ConfidenceStatus.COUNTED), CouncilPerm.ADOPT)
    first_counted = counted.order_by("-held_on").first()
    adopted = selectors.resolutions_visible(user).filter(adopted_on__year=today.year).count()
    session_url = (
        reverse("council:session_detail", args=[awaiting[0]]) if awaiting else reverse("council:session_list")
    )
    return [
        _card(_("Drafts passed, awaiting adoption"), len(awaiting), session_url, "approve"),
        _card(
            _("Resolutions awaiting publication"),
            unpublished.count(),
            reverse("council:resolution_list") + f"?status={ResolutionStatus.ADOPTED}",
            "approve",
        ),
        _card(
            _("Confidence results awaiting announcement"),
            counted.count(),
            reverse("council:confidence_detail", args=[first_counted.pk])
            if first_counted
            else reverse("council:session_list"),
            "approve",
        ),
        _card(_("Resolutions adopted this year"), adopted, reverse("council:resolution_list")),
    ]


def delegate_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    """A delegate's own: the sessions of the councils they sit on, their questions still
    awaiting an answer, the commitments made to them not kept yet."""
    person_id = user.person_id
    seats = Membership.objects.filter(person_id=person_id, post__code="dai-bieu").filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    sessions = (
        selectors.sessions_visible(user)
        .filter(body_id__in=seats.values("body_id"), term_id__in=seats.values("term_id"))
        .exclude(status=SessionStatus.CLOSED)
    )
    upcoming = sessions.order_by("start_date").first()
    questions = selectors.questions_visible(user, delegate_id=person_id)
    open_questions = questions.filter(status=QuestionStatus.OPEN)
    promised = selectors.commitments_visible(user).filter(
        question__delegate_id=person_id, status=CommitmentStatus.OPEN
    )
    mine = reverse("council:question_list") + "?mine=1"
    next_answer = (
        open_questions.order_by("written_answer_due").values_list("written_answer_due", flat=True).first()
    )
    next_promise = promised.order_by("due_date").values_list("due_date", flat=True).first()
    return [
        _card(
            _("My council sessions ahead"),
            sessions.count(),
            reverse("council:session_detail", args=[upcoming.pk])
            if upcoming
            else reverse("council:session_list"),
            "mine",
        ),
        _card(
            _with_date(_("My questions awaiting an answer"), next_answer),
            open_questions.count(),
            mine,
            "mine",
        ),
        _card(
            _with_date(_("Commitments made to me, not kept yet"), next_promise),
            promised.count(),
            mine,
            "mine",
        ),
    ]


def agency_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    """What was put to the user's agency, with the next due date."""
    url = reverse("council:agency_inbox")
    questions = selectors.questions_to_agency(user).filter(status=QuestionStatus.OPEN)
    commitments = selectors.commitments_of_agency(user).filter(status=CommitmentStatus.OPEN)
    resolutions = selectors.resolutions_visible(user)
    next_answer = (
        questions.order_by("written_answer_due").values_list("written_answer_due", flat=True).first()
    )
    next_promise = commitments.order_by("due_date").values_list("due_date", flat=True).first()
    return [
        _card(
            _with_date(_("Questions to our agency to answer"), next_answer), questions.count(), url, "agency"
        ),
        _card(
            _with_date(_("Our commitments not kept yet"), next_promise), commitments.count(), url, "agency"
        ),
        _card(_("Resolutions we implement"), resolutions.count(), url, "agency"),
    ]


def cards(user: Any) -> list[dict[str, Any]]:
    access = get_access(user)
    today = timezone.localdate()
    result: list[dict[str, Any]] = []
    if access.has(CouncilPerm.MANAGE):
        result += office_cards(user, today)
    if access.has(CouncilPerm.ADOPT):
        result += leader_cards(user, today)
    if access.has_role(Role.DELEGATE) and getattr(user, "person_id", None) and access.has(CouncilPerm.VIEW):
        result += delegate_cards(user, today)
    if selectors.agency_body_ids(user):
        result += agency_cards(user, today)
    if access.has(CouncilPerm.VIEW) and not result:
        # Who only reads (a viewer): the figures of the work in progress.
        open_sessions = selectors.sessions_visible(user).exclude(status=SessionStatus.CLOSED).count()
        result.append(
            _card(_("Sessions being prepared or held"), open_sessions, reverse("council:session_list"))
        )
        overdue = (
            selectors.commitments_visible(user)
            .filter(status=CommitmentStatus.OPEN, due_date__lt=today)
            .count()
        )
        result.append(_card(_("Commitments overdue"), overdue, reverse("council:question_list")))
    return result
