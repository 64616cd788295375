"""The letters' cards on the home dashboard (web.views.dashboard), per role, scoped.

- the Office's handlers (specialist, administrator): overdue and due this week ("due"), new
  letters not yet handled ("new");
- the leader (and the administrator): the figures of the year, and the filed letters whose
  destruction awaits approval ("approve");
- a delegate: the citizens they received at reception days and the letters registered from
  those visits ("mine");
- an agency: the letters forwarded to it, how many are overdue, and the next due date
  ("agency").
The year's figures count matters (a linked duplicate is not counted twice); the work lists
count the letters their link lists. Everything goes through the module's scoped selectors.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access

from . import selectors
from .models import Letter, ReceptionVisit
from .permissions import LetterPerm, agency_bodies
from .workflow import OPEN_STATUSES, Status


def _card(label: str, value: Any, url: str, group: str) -> dict[str, Any]:
    return {"label": label, "value": value, "url": url, "group": group}


def cards(user: Any) -> list[dict[str, Any]]:
    access = get_access(user)
    register = reverse("letters:register")
    today = timezone.localdate()
    result: list[dict[str, Any]] = []
    if access.has(LetterPerm.HANDLE):
        due = selectors.due_counts(user, today=today)
        result += [
            _card(_("Letters overdue"), due["overdue"], f"{register}?overdue=1", "due"),
            _card(_("Letters due this week"), due["due_week"], f"{register}?due=week", "due"),
            _card(
                _("New letters not yet handled (7 days)"),
                due["new"],
                f"{register}?status=received&from={today - datetime.timedelta(days=7):%Y-%m-%d}",
                "new",
            ),
        ]
    if access.has(LetterPerm.APPROVE_DESTRUCTION):
        waiting = selectors.destruction_candidates(user).count()
        result.append(
            _card(
                _("Filed letters awaiting destruction approval"),
                waiting,
                reverse("letters:destruction_list"),
                "approve",
            )
        )
    if access.has(LetterPerm.VIEW) and not access.has(LetterPerm.HANDLE):
        result += _figures(user, today)
    person_id = getattr(user, "person_id", None)
    if person_id and access.has(LetterPerm.VIEW):
        result += _mine(user, person_id, today)
    agencies = agency_bodies(access)
    if agencies:
        result += _agency(agencies, today)
    return result


def _figures(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    """The year's figures for a leader or a viewer (one query)."""
    qs = selectors.letters_visible(user).select_related(None).filter(received_date__year=today.year)
    totals = qs.aggregate(
        matters=Count("id", filter=Q(duplicate_of__isnull=True)),
        overdue=Count("id", filter=Q(status__in=OPEN_STATUSES, due_date__lt=today)),  # as the list shows
    )
    statistics = reverse("letters:statistics")
    return [
        _card(
            _("Letters this year (each matter once)"),
            totals["matters"],
            f"{statistics}?year={today.year}",
            "new",
        ),
        _card(_("Letters overdue"), totals["overdue"], f"{reverse('letters:register')}?overdue=1", "due"),
    ]


def _mine(user: Any, person_id: int, today: datetime.date) -> list[dict[str, Any]]:
    """A delegate's own: the visits they received this year, the letters registered from them
    still open."""
    visits = ReceptionVisit.objects.filter(delegates__id=person_id, reception_day__date__year=today.year)
    visits = get_access(user).scope(visits, LetterPerm.VIEW)
    open_letters = selectors.letters_register(user, mine=True).filter(status__in=OPEN_STATUSES).count()
    register = reverse("letters:register")
    return [
        _card(
            _("Citizens I received at reception days this year"),
            visits.count(),
            reverse("letters:reception_days"),
            "mine",
        ),
        _card(_("Letters from my reception visits still open"), open_letters, f"{register}?mine=1", "mine"),
    ]


def _agency(agencies: set[int], today: datetime.date) -> list[dict[str, Any]]:
    """What was forwarded to the user's agency and awaits its answer, with the due dates."""
    waiting = Letter.objects.filter(forwarded_to_id__in=sorted(agencies), status=Status.FORWARDED)
    totals = waiting.aggregate(
        n=Count("id"),
        overdue=Count("id", filter=Q(due_date__lt=today)),
        next_due=Min("due_date", filter=Q(due_date__gte=today)),
    )
    register = reverse("letters:register")
    label = _("Letters forwarded to us awaiting our answer")
    if totals["next_due"]:
        label = _("Letters forwarded to us awaiting our answer (next due %(date)s)") % {
            "date": f"{totals['next_due']:%d/%m/%Y}"
        }
    return [
        _card(label, totals["n"], f"{register}?status=forwarded", "agency"),
        _card(
            _("Our answers overdue"), totals["overdue"], f"{register}?status=forwarded&overdue=1", "agency"
        ),
    ]
