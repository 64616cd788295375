"""JSON API of the supervision module (read only): programmes, activities, the overlaps of a
year, recommendations with filters; scoped like the pages (an agency sees only the
recommendations addressed to it)."""

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.core.api_base import ErrorOut, Page, require

from . import coordination, selectors
from .forms import YEARS
from .permissions import SupervisionPerm

router = Router(tags=["supervision"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
MAX_ID = 10**18 - 1


class ProgrammeOut(Schema):
    id: int
    body_id: int
    body_name: str = Field(..., alias="body.name")
    year: int
    title: str
    status: str
    resolution_number: str
    resolution_date: datetime.date | None


class ActivityOut(Schema):
    id: int
    programme_id: int
    body_id: int = Field(..., alias="programme.body_id")
    year: int = Field(..., alias="programme.year")
    kind: str
    topic: str
    content: str
    agency_ids: list[int]
    place_ids: list[int]
    planned_start: datetime.date
    planned_end: datetime.date
    status: str
    merged_into_id: int | None

    @staticmethod
    def resolve_agency_ids(obj: Any) -> list[int]:
        return [b.pk for b in obj.agencies.all()]

    @staticmethod
    def resolve_place_ids(obj: Any) -> list[int]:
        return [u.pk for u in obj.places.all()]


class OverlapOut(Schema):
    a: int
    b: int
    score: float
    reasons: list[dict[str, Any]]
    texts: list[str]
    decision: str | None
    decision_reason: str


class RecommendationOut(Schema):
    id: int
    activity_id: int
    content: str
    lead_agency_id: int
    lead_agency_name: str = Field(..., alias="lead_agency.name")
    expected_result: str
    due_on: datetime.date
    status: str
    outcome: str
    closed_on: datetime.date | None


class YearFilter(Schema):
    year: int | None = Field(None, ge=YEARS[0], le=YEARS[1])


class ActivityFilter(Schema):
    year: int | None = Field(None, ge=YEARS[0], le=YEARS[1])
    q: str = Field("", max_length=200)
    body: int | None = Field(None, ge=1, le=MAX_ID)
    kind: str = Field("", max_length=20)


class OverlapFilter(Schema):
    year: int = Field(..., ge=YEARS[0], le=YEARS[1])


class RecommendationFilter(Schema):
    status: str = Field("", max_length=20)
    agency: int | None = Field(None, ge=1, le=MAX_ID)
    overdue: bool = False
    year: int | None = Field(None, ge=YEARS[0], le=YEARS[1])


@router.get("/programmes", response={200: list[ProgrammeOut], **ERRORS}, summary="Supervision programmes")
@paginate(Page)
def list_supervision_programmes(request: HttpRequest, filters: Query[YearFilter]):
    require(request, SupervisionPerm.VIEW)
    return selectors.programmes_visible(request.user, year=filters.year).order_by("-year", "id")


@router.get("/activities", response={200: list[ActivityOut], **ERRORS}, summary="Supervision activities")
@paginate(Page)
def list_supervision_activities(request: HttpRequest, filters: Query[ActivityFilter]):
    require(request, SupervisionPerm.VIEW)
    return selectors.activities_visible(
        request.user, year=filters.year, query=filters.q, body_id=filters.body, kind=filters.kind
    )


@router.get("/activities/{activity_id}", response={200: ActivityOut, **ERRORS}, summary="One activity")
def get_supervision_activity(request: HttpRequest, activity_id: int):
    require(request, SupervisionPerm.VIEW)
    return selectors.activity_get(request.user, activity_id)


@router.get(
    "/overlaps", response={200: list[OverlapOut], **ERRORS}, summary="Overlapping activities of a year"
)
def list_supervision_overlaps(request: HttpRequest, filters: Query[OverlapFilter]):
    require(request, SupervisionPerm.VIEW)
    data = coordination.overlaps_for_year(request.user, filters.year)
    return [
        {
            "a": r.first.pk,
            "b": r.second.pk,
            "score": r.score,
            "reasons": r.reasons,
            "texts": r.texts,
            "decision": r.decision.decision if r.decision else None,
            "decision_reason": r.decision.reason if r.decision else "",
        }
        for r in data["rows"]
    ]


@router.get("/recommendations", response={200: list[RecommendationOut], **ERRORS}, summary="Recommendations")
@paginate(Page)
def list_supervision_recommendations(request: HttpRequest, filters: Query[RecommendationFilter]):
    require(request, SupervisionPerm.RECOMMENDATIONS)
    return selectors.recommendations_visible(
        request.user,
        status=filters.status,
        agency_id=filters.agency,
        overdue=filters.overdue,
        year=filters.year,
    )


@router.get(
    "/recommendations/{recommendation_id}",
    response={200: RecommendationOut, **ERRORS},
    summary="One recommendation",
)
def get_supervision_recommendation(request: HttpRequest, recommendation_id: int):
    require(request, SupervisionPerm.RECOMMENDATIONS)
    return selectors.recommendation_get(request.user, recommendation_id)
