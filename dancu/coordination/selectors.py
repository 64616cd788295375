"""Reads of the coordination module, scoped the one way (core.access), plus the unscoped look-ups
other modules reach through the provided capability (`roles_for`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.access import ALL
from dancu.core.errors import NotFound
from dancu.core.modules import is_provided, provided
from dancu.directory.models import REFORM_DATE, Body, BodyKind, BodyLevel

from .errors import CoordinationError
from .models import Area, LowerReport, Meeting, Regulation, Review, Task, TaskStatus
from .permissions import CoordinationPerm, access_of, provincial_provinces


def _provincial_q(user, field: str = "province_id") -> Q:
    provinces = provincial_provinces(access_of(user))
    if provinces is ALL:
        return Q()
    return Q(**{f"{field}__in": sorted(provinces)})


# -- the regulation ------------------------------------------------------------------------------


def regulations_visible(user) -> QuerySet[Regulation]:
    return access_of(user).scope(Regulation.objects.select_related("province"), CoordinationPerm.VIEW)


def regulation_get(user, regulation_id: int) -> Regulation:
    regulation = regulations_visible(user).filter(pk=regulation_id).first()
    if regulation is None:
        raise NotFound(
            _("This regulation does not exist or you may not see it."), code=CoordinationError.NOT_FOUND
        )
    return regulation


def regulation_in_force(province_id: int, on: datetime.date) -> Regulation | None:
    """The regulation of the province in force on `on` (the latest signed, when several)."""
    return (
        Regulation.objects.filter(province_id=province_id, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from", "-pk")
        .first()
    )


def areas_of(regulation: Regulation) -> list[Any]:
    order = {code: i for i, code in enumerate(Area.values)}
    rows = regulation.areas.prefetch_related("lead", "coordinate")
    return sorted(rows, key=lambda row: order.get(row.area, len(order)))


# -- reviews -------------------------------------------------------------------------------------


def reviews_visible(user) -> QuerySet[Review]:
    qs = access_of(user).scope(Review.objects.select_related("regulation", "province"), CoordinationPerm.VIEW)
    return qs.filter(_provincial_q(user))


def review_get(user, review_id: int) -> Review:
    review = reviews_visible(user).filter(pk=review_id).first()
    if review is None:
        raise NotFound(
            _("This review does not exist or you may not see it."), code=CoordinationError.NOT_FOUND
        )
    return review


# The modules that publish counts for the review ("<module>.coordination_counts").
COUNT_MODULES: tuple[tuple[str, Any], ...] = (
    ("council", gettext_lazy("Council sessions and the Standing Committee")),
    ("petitions", gettext_lazy("Voters' petitions")),
    ("letters", gettext_lazy("Citizens' letters and reception")),
    ("supervision", gettext_lazy("Supervision")),
    ("consultations", gettext_lazy("Consultation on draft laws")),
)
# Words for the count keys the modules are expected to publish; any other key is shown as is.
COUNT_WORDS: dict[str, Any] = {
    "sessions": gettext_lazy("Council sessions held"),
    "resolutions": gettext_lazy("Resolutions adopted"),
    "joint_conferences": gettext_lazy("Joint conferences"),
    "standing_meetings": gettext_lazy("Standing Committee meetings"),
    "hearings": gettext_lazy("Explanation hearings"),
    "questions": gettext_lazy("Questions at sessions"),
    "voter_meetings": gettext_lazy("Meetings with voters"),
    "voter_meetings_two_level": gettext_lazy("Two-level meetings with voters"),
    "voter_meetings_three_level": gettext_lazy("Three-level meetings with voters"),
    "petitions": gettext_lazy("Petitions of voters"),
    "petitions_answered": gettext_lazy("Petitions answered"),
    "letters": gettext_lazy("Letters received"),
    "letters_copied": gettext_lazy("Letters copied between the two bodies"),
    "letters_forwarded": gettext_lazy("Letters forwarded to agencies"),
    "reception_days": gettext_lazy("Citizen reception days"),
    "supervisions": gettext_lazy("Supervisions"),
    "joint_supervisions": gettext_lazy("Joint supervisions"),
    "recommendations": gettext_lazy("Recommendations after supervision"),
    "consultations": gettext_lazy("Consultations on draft laws"),
    "drafts": gettext_lazy("Draft laws commented on"),
    "sent": gettext_lazy("Drafts sent for comments"),
    "conferences": gettext_lazy("Consultation conferences"),
    "recipients_asked": gettext_lazy("Bodies asked for comments"),
    "recipients_answered": gettext_lazy("Bodies that answered"),
    "recipients_on_time": gettext_lazy("Bodies that answered on time"),
    "comments": gettext_lazy("Comments received"),
    "voter_comments": gettext_lazy("Comments of voters"),
    "proposals": gettext_lazy("Proposals"),
    "proposals_taken_up": gettext_lazy("Proposals taken up"),
    "petitions_forwarded": gettext_lazy("Petitions forwarded to agencies"),
    "petitions_open": gettext_lazy("Petitions still open"),
    "voter_meetings_joint": gettext_lazy("Joint meetings with voters (two or three levels)"),
    "letters_shared": gettext_lazy("Letters copied between the two bodies"),
    "reception_visits": gettext_lazy("Citizens received"),
    "surveys": gettext_lazy("Surveys"),
    "recommendations_closed": gettext_lazy("Recommendations closed"),
}


@dataclass(frozen=True)
class FigureGroup:
    module: str
    label: str
    rows: list[tuple[str, int]]
    available: bool  # False: the module publishes no counts ("không có số liệu")


def review_figures(province_id: int, year: int) -> list[FigureGroup]:
    """The counts every module publishes for the province and year, then this module's own."""
    groups = []
    for module, label in COUNT_MODULES:
        name = f"{module}.coordination_counts"
        counts: dict[str, int] | None = None
        if is_provided(name):
            try:
                counts = dict(provided(name)(province_id, year))
            except LookupError:
                counts = None
        rows = [(str(COUNT_WORDS.get(k, k)), int(v)) for k, v in (counts or {}).items()]
        groups.append(FigureGroup(module, str(label), rows, counts is not None))
    groups.append(
        FigureGroup(
            "coordination", str(_("Giao ban meetings and their tasks")), own_counts(province_id, year), True
        )
    )
    return groups


def own_counts(province_id: int, year: int) -> list[tuple[str, int]]:
    meetings = Meeting.objects.filter(province_id=province_id, starts_at__year=year)
    held = meetings.filter(status__in=["held", "concluded"]).count()
    tasks = Task.objects.filter(meeting__in=meetings)
    by_status = dict(tasks.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    reports = LowerReport.objects.filter(meeting__in=meetings)
    sums = reports.aggregate(**{f: Sum(f) for f in LowerReport.FIGURES})
    return [
        (_("Giao ban meetings held"), held),
        (_("Reports of lower councils"), reports.count()),
        (_("Tasks assigned"), sum(by_status.values())),
        (_("Tasks done"), by_status.get(TaskStatus.DONE, 0)),
        (_("Sessions of lower councils"), sums["sessions_held"] or 0),
        (_("Resolutions of lower councils"), sums["resolutions"] or 0),
        (_("Supervisions of lower councils"), sums["supervisions"] or 0),
        (_("Meetings with voters of lower councils"), sums["voter_meetings"] or 0),
        (_("Letters received by lower councils"), sums["letters_received"] or 0),
        (_("Letters handled by lower councils"), sums["letters_handled"] or 0),
    ]


# -- giao ban meetings ---------------------------------------------------------------------------


def meetings_visible(user, *, query: str = "", status: str = "") -> QuerySet[Meeting]:
    """The province's meetings for its own bodies' users; a lower council's users see the
    meetings their council takes part in."""
    access = access_of(user)
    qs = access.scope(Meeting.objects.select_related("host", "province"), CoordinationPerm.VIEW)
    condition = _provincial_q(user)
    if condition:  # not a national administrator
        own = Meeting.objects.filter(participants__in=sorted(access.body_ids)).values("pk")
        condition |= Q(pk__in=own)
        qs = qs.filter(condition)
    if status:
        qs = qs.filter(status=status)
    return qs.filter(title__icontains=query) if query else qs


def meeting_get(user, meeting_id: int) -> Meeting:
    meeting = meetings_visible(user).filter(pk=meeting_id).first()
    if meeting is None:
        raise NotFound(
            _("This meeting does not exist or you may not see it."), code=CoordinationError.NOT_FOUND
        )
    return meeting


def lower_councils(province_id: int, on: datetime.date) -> QuerySet[Body]:
    """The councils one level down on `on`: the district councils before 1 July 2025, the
    commune councils since (directory levels and the dates the bodies were active)."""
    level = BodyLevel.DISTRICT if on < REFORM_DATE else BodyLevel.COMMUNE
    return (
        Body.objects.filter(province_id=province_id, kind=BodyKind.PEOPLES_COUNCIL, level=level)
        .exclude(active_from__gt=on)
        .exclude(active_to__lt=on)
        .order_by("name")
    )


def reports_of(meeting: Meeting) -> list[LowerReport]:
    return list(meeting.reports.select_related("body", "submitted_by").order_by("body__name"))


def report_get(user, report_id: int) -> LowerReport:
    report = LowerReport.objects.select_related("meeting", "body").filter(pk=report_id).first()
    if report is None or not meetings_visible(user).filter(pk=report.meeting_id).exists():
        raise NotFound(
            _("This report does not exist or you may not see it."), code=CoordinationError.NOT_FOUND
        )
    return report


# -- tasks ---------------------------------------------------------------------------------------


def tasks_visible(
    user, *, status: str = "", overdue: bool = False, today: datetime.date | None = None
) -> QuerySet[Task]:
    access = access_of(user)
    qs = access.scope(
        Task.objects.select_related("meeting", "owner_body", "owner_person"), CoordinationPerm.VIEW
    )
    condition = _provincial_q(user)
    if condition:
        condition |= Q(owner_body_id__in=sorted(access.body_ids))
        # The tasks of a meeting the user's council took part in (the conclusions list them all).
        condition |= Q(
            meeting__in=Meeting.objects.filter(participants__in=sorted(access.body_ids)).values("pk")
        )
        person_id = getattr(access, "coordination_person_id", None)
        if person_id:
            condition |= Q(owner_person_id=person_id)
        qs = qs.filter(condition)
    if status:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.filter(status__in=[TaskStatus.OPEN, TaskStatus.IN_PROGRESS], due_date__lt=today)
    return qs


def task_get(user, task_id: int) -> Task:
    task = tasks_visible(user).filter(pk=task_id).first()
    if task is None:
        raise NotFound(_("This task does not exist or you may not see it."), code=CoordinationError.NOT_FOUND)
    return task


def tasks_overdue(user, today: datetime.date) -> QuerySet[Task]:
    return tasks_visible(user, overdue=True, today=today)


def standing_committee(province_id: int) -> Body | None:
    """The provincial Standing Committee (host of giao ban meetings, signer of the documents)."""
    return (
        Body.objects.filter(
            province_id=province_id, kind=BodyKind.STANDING_COMMITTEE, level=BodyLevel.PROVINCE
        )
        .filter(active_to__isnull=True)
        .order_by("pk")
        .first()
    )
