"""The supervision module's hooks for the shared calendar and "my work" (core.events):
working sessions and site visits, agency reports due; recommendations and reports due."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import CalendarEvent, WorkItem

from . import selectors
from .models import AgencyReport, WorkSession
from .permissions import SupervisionPerm, agency_bodies
from .workflow import RecommendationStatus


def _day(d: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(d, datetime.time.min, tzinfo=tz)
    return start, start + datetime.timedelta(days=1)


def events(user: Any, start: datetime.date, end: datetime.date) -> list[CalendarEvent]:
    access = get_access(user)
    if not access.has(SupervisionPerm.VIEW):
        return []
    out: list[CalendarEvent] = []
    sessions = access.scope(
        WorkSession.objects.filter(held_on__gte=start, held_on__lte=end).select_related(
            "activity__programme", "agency"
        ),
        SupervisionPerm.VIEW,
        field="activity__province",
    )
    for s in sessions:
        a, b = _day(s.held_on)
        out.append(
            CalendarEvent(
                uid=f"supervision.session.{s.pk}",
                module="supervision",
                kind="supervision_session",
                title=s.activity.topic,
                start=a,
                end=b,
                all_day=True,
                place=s.place,
                url=reverse("supervision:activity_detail", args=[s.activity_id]),
                province_id=s.activity.province_id,
                body_ids=tuple(x for x in (s.activity.programme.body_id, s.agency_id) if x),
            )
        )
    reports = access.scope(
        AgencyReport.objects.filter(
            due_on__gte=start, due_on__lte=end, received_on__isnull=True
        ).select_related("activity", "agency"),
        SupervisionPerm.VIEW,
        field="activity__province",
    )
    for r in reports:
        a, b = _day(r.due_on)
        out.append(
            CalendarEvent(
                uid=f"supervision.agency_report.{r.pk}",
                module="supervision",
                kind="supervision_deadline",
                title=f"{r.agency.name}: {r.activity.topic}",
                start=a,
                end=b,
                all_day=True,
                url=reverse("supervision:activity_detail", args=[r.activity_id]),
                province_id=r.activity.province_id,
                body_ids=(r.agency_id,),
            )
        )
    return out


def items(user: Any) -> list[WorkItem]:
    """Recommendations not closed (an agency: those it leads) and agency reports not received."""
    access = get_access(user)
    out: list[WorkItem] = []
    if access.has(SupervisionPerm.RECOMMENDATIONS):
        recs = selectors.recommendations_visible(user).exclude(status=RecommendationStatus.CLOSED)
        if not access.has(SupervisionPerm.VIEW):
            recs = recs.filter(
                status=RecommendationStatus.OPEN, lead_agency_id__in=sorted(agency_bodies(access))
            )
        for r in recs.order_by("due_on")[:200]:
            out.append(
                WorkItem(
                    module="supervision",
                    kind="supervision_recommendation",
                    kind_label=_("Recommendation after supervision"),
                    title=r.content[:120],
                    due=r.due_on,
                    url=reverse("supervision:recommendation_detail", args=[r.pk]),
                    body_ids=(r.lead_agency_id,),
                    province_id=r.province_id,
                )
            )
    if access.has(SupervisionPerm.MANAGE):
        reports = access.scope(
            AgencyReport.objects.filter(received_on__isnull=True).select_related("activity", "agency"),
            SupervisionPerm.MANAGE,
            field="activity__province",
        )
        for report in reports.order_by("due_on")[:200]:
            out.append(
                WorkItem(
                    module="supervision",
                    kind="supervision_agency_report",
                    kind_label=_("Report of a supervised agency"),
                    title=f"{report.agency.name}: {report.activity.topic}"[:120],
                    due=report.due_on,
                    url=reverse("supervision:activity_detail", args=[report.activity_id]),
                    body_ids=(report.agency_id,),
                    province_id=report.activity.province_id,
                )
            )
    return out


def busy(user, query) -> list[CalendarEvent]:
    """The clash check's question (core.events.BusyQuery): working sessions and agency reports have no people nor hall booked and no kind a clash rule compares, so
    nothing of this module can clash; answered without a query."""
    return []
