"""Reads of the supervision module, every one scoped (`Access.scope`)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.errors import NotFound
from dancu.core.text import search_tokens
from dancu.directory.models import Body, BodyKind

from .errors import SupervisionError
from .models import Activity, Coordination, Programme, Proposal, Recommendation
from .permissions import SupervisionPerm, agency_bodies
from .workflow import ActivityStatus, RecommendationStatus

PROGRAMME_BODY_KINDS = (
    BodyKind.PEOPLES_COUNCIL,
    BodyKind.STANDING_COMMITTEE,
    BodyKind.COMMITTEE,
    BodyKind.DELEGATE_GROUP,
    BodyKind.NA_DELEGATION,
)
AGENCY_KINDS = (BodyKind.AGENCY, BodyKind.PEOPLES_COMMITTEE, BodyKind.FATHERLAND_FRONT)


def _missing() -> NotFound:
    return NotFound(_("This record does not exist or you may not see it."), code=SupervisionError.NOT_FOUND)


def programmes_visible(user: Any, *, year: int | None = None) -> QuerySet[Programme]:
    qs = get_access(user).scope(Programme.objects.select_related("body"), SupervisionPerm.VIEW)
    if year:
        qs = qs.filter(year=year)
    return qs.annotate(activity_count=Count("activities"))


def programme_get(user: Any, programme_id: int) -> Programme:
    programme = (
        get_access(user)
        .scope(Programme.objects.select_related("body", "province"), SupervisionPerm.VIEW)
        .filter(pk=programme_id)
        .first()
    )
    if programme is None:
        raise _missing()
    return programme


def proposals_visible(user: Any, *, year: int | None = None) -> QuerySet[Proposal]:
    qs = get_access(user).scope(
        Proposal.objects.select_related("source_body", "programme"), SupervisionPerm.VIEW
    )
    return qs.filter(year=year) if year else qs


def proposal_get(user: Any, proposal_id: int) -> Proposal:
    proposal = proposals_visible(user).filter(pk=proposal_id).first()
    if proposal is None:
        raise _missing()
    return proposal


def _activity_rows(qs: QuerySet[Activity]) -> QuerySet[Activity]:
    return qs.select_related("programme", "programme__body").prefetch_related(
        Prefetch("agencies", queryset=Body.objects.only("id", "name", "short_name")), "places"
    )


def activities_visible(
    user: Any, *, year: int | None = None, query: str = "", body_id: int | None = None, kind: str = ""
) -> QuerySet[Activity]:
    qs = get_access(user).scope(Activity.objects.all(), SupervisionPerm.VIEW)
    if year:
        qs = qs.filter(programme__year=year)
    if body_id:
        qs = qs.filter(programme__body_id=body_id)
    if kind:
        qs = qs.filter(kind=kind)
    for token in search_tokens(query):
        qs = qs.filter(search_text__contains=f" {token}")
    return _activity_rows(qs)


def activity_get(user: Any, activity_id: int) -> Activity:
    activity = (
        _activity_rows(get_access(user).scope(Activity.objects.all(), SupervisionPerm.VIEW))
        .filter(pk=activity_id)
        .first()
    )
    if activity is None:
        raise _missing()
    return activity


def active_activities(province_ids: list[int] | None, years: list[int]) -> list[Activity]:
    """Activities still on a programme (not dropped or merged) of the given years, with what the
    overlap engine needs, in two queries plus the prefetches."""
    qs = Activity.objects.filter(programme__year__in=years).exclude(
        status__in=[ActivityStatus.DROPPED, ActivityStatus.MERGED]
    )
    if province_ids is not None:
        qs = qs.filter(province_id__in=province_ids)
    return _engine_rows(qs)


def activities_by_id(ids: Iterable[int]) -> list[Activity]:
    """The activities of `ids` (already scoped by the caller), in the shape of active_activities."""
    return _engine_rows(Activity.objects.filter(pk__in=list(ids)))


def _engine_rows(qs: QuerySet[Activity]) -> list[Activity]:
    """Each activity with `engine_agencies` and `engine_places`: (id, name) tuples read from the
    link tables, not prefetched model instances. A prefetch ties every activity to its related
    querysets in reference cycles that only the collector frees: a year of 600 activities left
    some 100,000 objects per request, and the full collections they caused took about a second
    (the coordination screen's slowest requests, docs/performance-supervision.md)."""
    activities = list(
        qs.select_related("programme__body").only(
            "id",
            "province_id",
            "programme_id",
            "kind",
            "topic",
            "content",
            "planned_start",
            "planned_end",
            "status",
            "programme__year",
            "programme__body_id",
            "programme__body__name",
        )
    )
    ids = [a.pk for a in activities]
    for field, target in (("agencies", "body"), ("places", "administrativeunit")):
        rows: dict[int, list[tuple[int, str]]] = {}
        if ids:
            for activity_id, pk, name in getattr(Activity, field).through.objects.filter(
                activity_id__in=ids
            ).values_list("activity_id", f"{target}_id", f"{target}__name"):
                rows.setdefault(activity_id, []).append((pk, name))
        for a in activities:
            setattr(a, f"engine_{field}", rows.get(a.pk, []))
    return activities


def coordinations_of(province_ids: list[int] | None, year: int) -> dict[frozenset[int], Coordination]:
    qs = Coordination.objects.filter(year=year).select_related(
        "first__programme__body", "second__programme__body"
    )
    if province_ids is not None:
        qs = qs.filter(province_id__in=province_ids)
    return {frozenset((c.first_id, c.second_id)): c for c in qs}


def recommendations_visible(
    user: Any,
    *,
    status: str = "",
    agency_id: int | None = None,
    overdue: bool = False,
    year: int | None = None,
    today: datetime.date | None = None,
) -> QuerySet[Recommendation]:
    """Staff of the province see every recommendation; an agency responder only those its
    bodies lead (the same rule whatever the page or endpoint)."""
    access = get_access(user)
    base = Recommendation.objects.select_related("activity", "activity__programme__body", "lead_agency")
    condition = access.province_filter(SupervisionPerm.VIEW)
    own = agency_bodies(access) if access.has(SupervisionPerm.ANSWER) else set()
    if condition is None:
        qs = base
    else:
        answer_scope = access.province_filter(SupervisionPerm.ANSWER)
        agency_q = Q(pk__in=[])
        if own:
            agency_q = Q(lead_agency_id__in=sorted(own)) & (answer_scope if answer_scope is not None else Q())
        qs = base.filter(condition | agency_q)
    if status:
        qs = qs.filter(status=status)
    if agency_id:
        qs = qs.filter(lead_agency_id=agency_id)
    if year:
        qs = qs.filter(activity__programme__year=year)
    if overdue:
        qs = qs.exclude(status=RecommendationStatus.CLOSED).filter(due_on__lt=today or timezone.localdate())
    return qs


def recommendation_get(user: Any, recommendation_id: int) -> Recommendation:
    rec = recommendations_visible(user).filter(pk=recommendation_id).first()
    if rec is None:
        raise _missing()
    return rec


def bodies_for_programmes(user: Any) -> QuerySet[Body]:
    provinces = get_access(user).province_ids(SupervisionPerm.MANAGE)
    qs = Body.objects.filter(kind__in=PROGRAMME_BODY_KINDS)
    return qs if provinces is None else qs.filter(province_id__in=provinces)


def agencies_for(user: Any, perm: str = SupervisionPerm.MANAGE) -> QuerySet[Body]:
    provinces = get_access(user).province_ids(perm)
    qs = Body.objects.filter(kind__in=AGENCY_KINDS)
    return qs if provinces is None else qs.filter(province_id__in=provinces)


def agency_figures(
    user: Any, *, year: int | None = None, today: datetime.date | None = None
) -> list[dict[str, Any]]:
    """Per lead agency: received, closed on time, closed late, overdue now (one query)."""
    today = today or timezone.localdate()
    rows: dict[int, dict[str, Any]] = {}
    qs = recommendations_visible(user, year=year).select_related(None).select_related("lead_agency")
    for rec in qs.only("id", "status", "due_on", "closed_on", "lead_agency__name", "lead_agency_id"):
        row = rows.setdefault(
            rec.lead_agency_id,
            {"agency": rec.lead_agency.name, "received": 0, "on_time": 0, "late": 0, "overdue": 0, "open": 0},
        )
        row["received"] += 1
        if rec.status == RecommendationStatus.CLOSED:
            if rec.closed_on and rec.closed_on <= rec.due_on:
                row["on_time"] += 1
            else:
                row["late"] += 1
        else:
            row["open"] += 1
            if rec.due_on < today:
                row["overdue"] += 1
    return sorted(rows.values(), key=lambda r: (-r["overdue"], r["agency"]))
