"""JSON API of the petitions module. Agency responders see only their forwarded items and
never opinions or voters; nothing here exposes voter personal data."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.core.api_base import ErrorOut, Page, require

from . import selectors
from .permissions import ANSWER, VIEW

router = Router(tags=["petitions"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _user(request):
    return request.auth if getattr(request, "auth", None) else request.user


class PetitionOut(Schema):
    id: int
    code: str
    text: str
    round_id: int
    status: str
    field: str
    field_confidence: float
    level: str
    level_confidence: float
    agency_id: int | None
    committee_id: int | None
    group_count: int
    rounds_raised: int
    first_raised: datetime.date | None


class PetitionFilter(Schema):
    q: str = Field("", max_length=200)
    round: int | None = None
    field: str = Field("", max_length=30)
    level: str = Field("", max_length=10)
    status: str = Field("", max_length=12)


class SuggestIn(Schema):
    text: str = Field(..., min_length=1, max_length=5000)


class SuggestionOut(Schema):
    id: int
    code: str
    text: str
    score: float


class BatchOut(Schema):
    id: int
    agency_id: int
    dispatch_number: str
    dispatch_date: datetime.date
    due_date: datetime.date
    petitions: list[PetitionOut]


@router.get(
    "/petitions", response={200: list[PetitionOut], **ERRORS}, summary="Petitions in the user's scope"
)
@paginate(Page)
def list_petitions(request: HttpRequest, filters: Query[PetitionFilter]):
    require(request, VIEW)
    return selectors.petitions_visible(
        _user(request),
        query=filters.q,
        round_id=filters.round,
        field=filters.field,
        level=filters.level,
        status=filters.status,
    )


@router.get("/petitions/{petition_id}", response={200: PetitionOut, **ERRORS}, summary="One petition")
def get_petition(request: HttpRequest, petition_id: int):
    require(request, VIEW)
    return selectors.petition_get(_user(request), petition_id)


@router.post(
    "/suggest", response={200: list[SuggestionOut], **ERRORS}, summary="Existing petitions like a text"
)
def suggest_petitions(request: HttpRequest, payload: SuggestIn):
    require(request, VIEW)
    return [
        {"id": p.pk, "code": p.code, "text": p.text, "score": round(s, 3)}
        for p, s in selectors.suggest(_user(request), payload.text)
    ]


@router.get(
    "/agency/batches", response={200: list[BatchOut], **ERRORS}, summary="Batches forwarded to my agency"
)
def list_agency_batches(request: HttpRequest):
    require(request, ANSWER)
    out = []
    for b in selectors.agency_batches(_user(request)).prefetch_related("petitions"):
        out.append(
            {
                "id": b.pk,
                "agency_id": b.agency_id,
                "dispatch_number": b.dispatch_number,
                "dispatch_date": b.dispatch_date,
                "due_date": b.due_date,
                "petitions": list(b.petitions.all()),
            }
        )
    return out
