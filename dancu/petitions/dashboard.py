"""The petitions module's cards on the home dashboard (manifest `dashboard_cards`,
web.views.dashboard), by what the user does:

- the Office's specialists and administrators (who consolidate and forward): the answers due or
  overdue this week, petitions waiting to be forwarded, and what is new (answers to review,
  opinions not grouped yet);
- the leadership (who forward and review, without consolidating): what awaits their review and
  the figures of the year;
- a delegate (the account's person in the directory): their meetings ahead, the petitions raised
  at their meetings and those from their constituency still open;
- an agency's responder: what was forwarded to the agency and is not answered, with the next due
  date, and what is overdue.

Each card is {"label", "value", "url", "group"}; the group is one of "due", "new", "approve",
"mine", "agency" (absent: a figure). Every count is scoped like the pages.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.access import get_access

from . import selectors
from .models import ForwardingBatch, Petition, VoterMeeting, VoterOpinion
from .permissions import ANSWER, CHANGE, FORWARD, VIEW

S = Petition.Status
WAITING = (S.FORWARDED, S.REOPENED)  # forwarded, the agency's answer still expected


def week(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the week of `today`."""
    monday = today - datetime.timedelta(days=today.weekday())
    return monday, monday + datetime.timedelta(days=6)


def _card(label: str, value: int, url: str, group: str = "") -> dict[str, Any]:
    card: dict[str, Any] = {"label": label, "value": value, "url": url}
    if group:
        card["group"] = group
    return card


def _list(**params: Any) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("petitions:petition_list") + (f"?{query}" if query else "")


def _waiting_in(batches, petitions) -> int:
    """Petitions of `batches` still waiting for the agency's answer (each counted once)."""
    return (
        petitions.filter(status__in=WAITING, batches__in=batches.values("pk"))
        .order_by()
        .values("pk")
        .distinct()
        .count()
    )


def office_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    _monday, sunday = week(today)
    petitions = selectors.petitions_visible(user).order_by()
    batches = selectors.batches_visible(user)
    due = _waiting_in(batches.filter(due_date__gte=today, due_date__lte=sunday), petitions)
    overdue = _waiting_in(batches.filter(due_date__lt=today), petitions)
    to_forward = petitions.filter(status=S.CONFIRMED).count()
    to_review = selectors.answers_to_review(user).count()
    opinions = get_access(user).scope(VoterOpinion.objects.filter(petition__isnull=True), CHANGE)
    ungrouped = opinions.count()
    latest = opinions.order_by("-meeting__round__start_date").values("meeting__round_id").first()
    consolidation = (
        reverse("petitions:consolidation", args=[latest["meeting__round_id"]])
        if latest
        else reverse("petitions:round_list")
    )
    return [
        _card(_("Petition answers due this week"), due, _list(status=S.FORWARDED), "due"),
        _card(_("Petition answers overdue"), overdue, _list(status=S.FORWARDED), "due"),
        _card(_("Confirmed petitions to forward"), to_forward, _list(status=S.CONFIRMED), "due"),
        _card(_("New answers from agencies to review"), to_review, _list(status=S.ANSWERED), "new"),
        _card(_("Voters' opinions not grouped yet"), ungrouped, consolidation, "new"),
    ]


def leader_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    petitions = selectors.petitions_visible(user).order_by()
    this_year = petitions.filter(round__start_date__year=today.year)
    total = this_year.count()
    settled = this_year.filter(status=S.CLOSED).count()
    overdue = _waiting_in(selectors.batches_visible(user).filter(due_date__lt=today), petitions)
    return [
        _card(
            _("Answers awaiting your review"),
            selectors.answers_to_review(user).count(),
            _list(status=S.ANSWERED),
            "approve",
        ),
        _card(
            _("Confirmed petitions to forward"),
            petitions.filter(status=S.CONFIRMED).count(),
            _list(status=S.CONFIRMED),
            "approve",
        ),
        _card(_("Voters' petitions this year"), total, _list()),
        _card(
            _("Petitions settled this year (%)"),
            round(100 * settled / total) if total else 0,
            _list(status=S.CLOSED),
        ),
        _card(_("Petition answers overdue"), overdue, _list(status=S.FORWARDED)),
    ]


def delegate_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    person_id = getattr(user, "person_id", None)
    if person_id is None:
        return []
    meetings = get_access(user).scope(VoterMeeting.objects.filter(delegates__id=person_id), VIEW)
    ahead = meetings.filter(date__gte=today).order_by("date", "id")
    upcoming = ahead.values("pk").first()
    meetings_url = (
        reverse("petitions:meeting_detail", args=[upcoming["pk"]])
        if upcoming
        else reverse("petitions:round_list")
    )
    raised = selectors.petitions_visible(user, mine="meetings").order_by().count()
    constituency = (
        selectors.petitions_visible(user, mine="constituency")
        .filter(status__in=sorted(selectors.workflow.OPEN_STATES))
        .order_by()
        .count()
    )
    return [
        _card(_("My voter meetings ahead"), ahead.count(), meetings_url, "mine"),
        _card(_("Petitions raised at my meetings"), raised, _list(mine="meetings"), "mine"),
        _card(_("Open petitions from my constituency"), constituency, _list(mine="constituency"), "mine"),
    ]


def agency_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    batches = selectors.agency_batches(user)
    waiting = Petition.objects.filter(status__in=WAITING, batches__in=batches.values("pk"))
    open_batches = ForwardingBatch.objects.filter(pk__in=batches.values("pk"), petitions__status__in=WAITING)
    next_due = open_batches.filter(due_date__gte=today).aggregate(d=Min("due_date"))["d"]
    label = _("Petitions forwarded to us, not answered yet")
    if next_due is not None:
        label = _("%(label)s (next due %(date)s)") % {"label": label, "date": f"{next_due:%d/%m/%Y}"}
    inbox = reverse("petitions:agency_inbox")
    overdue = waiting.filter(batches__due_date__lt=today).order_by().values("pk").distinct().count()
    reopened = waiting.filter(status=S.REOPENED).order_by().values("pk").distinct().count()
    return [
        _card(label, waiting.order_by().values("pk").distinct().count(), inbox, "agency"),
        _card(_("Answers overdue"), overdue, inbox, "agency"),
        _card(_("Answers the Office sent back"), reopened, inbox, "agency"),
    ]


def viewer_cards(user: Any, today: datetime.date) -> list[dict[str, Any]]:
    petitions = selectors.petitions_visible(user).order_by()
    return [_card(_("Voters' petitions"), petitions.count(), _list())]


def cards(user: Any) -> list[dict[str, Any]]:
    access = get_access(user)
    today = timezone.localdate()
    out: list[dict[str, Any]] = []
    if access.has(CHANGE):
        out += office_cards(user, today)
    elif access.has(FORWARD):
        out += leader_cards(user, today)
    if getattr(user, "person_id", None) and access.has_role(Role.DELEGATE) and access.has(VIEW):
        out += delegate_cards(user, today)
    if access.has(ANSWER):
        out += agency_cards(user, today)
    if not out and access.has(VIEW):
        out += viewer_cards(user, today)
    return out
