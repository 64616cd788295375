"""JSON API of the petitions module. Agency responders see only their forwarded items and
never opinions or voters; nothing here exposes voter personal data."""

import datetime
from collections.abc import Iterable

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import field_validator

from dancu.core.api_base import ErrorOut, Page, require

from . import selectors
from .fields import FIELD_CODES, LEVEL_CODES
from .models import Petition
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


# Ids have at most 18 digits (as in URLs): a larger one is a 422 in the one error format, never
# a number sent to the database.
MAX_ID = 10**18 - 1


def _one_of(value: str, allowed: Iterable[str]) -> str:
    if value and value not in allowed:
        raise ValueError(f"must be one of: {', '.join(sorted(allowed))}")
    return value


class PetitionFilter(Schema):
    q: str = Field("", max_length=200)
    round: int | None = Field(None, ge=1, le=MAX_ID)
    meeting: int | None = Field(None, ge=1, le=MAX_ID)
    agency: int | None = Field(None, ge=1, le=MAX_ID)
    field: str = Field("", max_length=30)
    level: str = Field("", max_length=10)
    status: str = Field("", max_length=12)

    @field_validator("field")
    @classmethod
    def _field(cls, value: str) -> str:
        return _one_of(value, FIELD_CODES)

    @field_validator("level")
    @classmethod
    def _level(cls, value: str) -> str:
        return _one_of(value, LEVEL_CODES)

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        return _one_of(value, Petition.Status.values)


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
        meeting_id=filters.meeting,
        agency_id=filters.agency,
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
