"""Session planning backwards from the opening day: the milestone rows in force, each with its
due day, the body that owns it, and a warning when it is late or close.

Sessions are found through the calendar hooks (events of kind "session_opening", e.g. the
council module's), or an opening day is entered on the page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.directory.models import Body

from .permissions import SchedulingPerm
from .ruleset import LABELS
from .selectors import gather, milestone_rules

SOON = 7  # days: "due soon"
LOOK_BACK = datetime.timedelta(days=30)
LOOK_AHEAD = datetime.timedelta(days=366)


@dataclass
class Milestone:
    key: str
    label: str
    due: datetime.date
    owner: str
    basis: str
    state: str  # "late" | "soon" | "ahead" | "past"
    days_left: int

    @property
    def warning(self) -> str:
        if self.state == "late":
            return _("Due %(days)d days ago: check that it was sent.") % {"days": -self.days_left}
        if self.state == "soon":
            return _("Due in %(days)d days.") % {"days": self.days_left}
        return ""


@dataclass
class Plan:
    title: str
    opening: datetime.date
    url: str
    milestones: list[Milestone]

    @property
    def late(self) -> int:
        return sum(m.state == "late" for m in self.milestones)


def milestones_for(opening: datetime.date, owners: dict[str, str], today: datetime.date) -> list[Milestone]:
    found = []
    for rule in milestone_rules(opening):
        due = opening + datetime.timedelta(days=rule.offset_days)
        left = (due - today).days
        state = "late" if left < 0 else "soon" if left <= SOON else "ahead"
        if opening < today:
            state = "past"  # the session has opened: nothing left to warn about
        found.append(
            Milestone(
                key=rule.key,
                label=str(LABELS.get(rule.key, rule.label)),
                due=due,
                owner=owners.get(rule.owner_kind, ""),
                basis=rule.basis,
                state=state,
                days_left=left,
            )
        )
    return found


def _owners(user, province_id: int | None) -> dict[str, str]:
    bodies = get_access(user).scope(Body.objects.filter(active_to__isnull=True), SchedulingPerm.VIEW)
    if province_id is not None:
        bodies = bodies.filter(province_id=province_id)
    owners: dict[str, list[str]] = {}
    for kind, name, short in bodies.order_by("name").values_list("kind", "name", "short_name"):
        owners.setdefault(kind, []).append(short or name)
    return {
        k: v[0] if len(v) == 1 else _("%(first)s and %(n)d others") % {"first": v[0], "n": len(v) - 1}
        for k, v in owners.items()
    }


def plans(user, *, opening: datetime.date | None = None, now: datetime.datetime | None = None) -> list[Plan]:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    found = []
    if opening is not None:
        found.append(
            Plan(
                _("Session opening on %(day)s") % {"day": opening.strftime("%d/%m/%Y")},
                opening,
                "",
                milestones_for(opening, _owners(user, None), today),
            )
        )
    sessions = gather(user, now - LOOK_BACK, now + LOOK_AHEAD, kinds={"session_opening"}).events
    for event in sessions:
        if event.cancelled:
            continue
        day = timezone.localtime(event.start).date()
        found.append(
            Plan(event.title, day, event.url, milestones_for(day, _owners(user, event.province_id), today))
        )
    return found
