"""JSON API of the council module: sessions, resolutions and votes, scoped like the pages."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.core.api_base import ErrorOut, Page, require

from . import selectors
from .forms import YEARS
from .permissions import CouncilPerm

router = Router(tags=["council"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
MAX_ID = 10**18 - 1  # as ids in page URLs (18 digits): fits a 64-bit column


class SessionOut(Schema):
    id: int
    body_id: int
    term_id: int
    kind: str
    number: int
    title: str
    start_date: datetime.date
    end_date: datetime.date
    venue: str
    status: str
    delegates_total: int


class VoteOut(Schema):
    id: int
    session_id: int
    submission_id: int
    submission_title: str = Field(..., alias="submission.title")
    held_on: datetime.date
    yes: int
    no: int
    abstain: int
    not_voting: int
    total_delegates: int
    passed: bool


class ResolutionOut(Schema):
    id: int
    session_id: int
    kind: str
    year: int
    number: int
    number_label: str
    title: str
    adopted_on: datetime.date
    status: str
    implementing_agency_id: int | None


class SessionDetailOut(SessionOut):
    votes: list[VoteOut]
    resolutions: list[ResolutionOut]


class SessionFilter(Schema):
    q: str = Field("", max_length=200)
    kind: str = Field("", max_length=20)


class ResolutionFilter(Schema):
    q: str = Field("", max_length=200)
    year: int | None = Field(None, ge=YEARS[0], le=YEARS[1])


class VoteFilter(Schema):
    session: int | None = Field(None, ge=1, le=MAX_ID)


@router.get("/sessions", response={200: list[SessionOut], **ERRORS}, summary="Council sessions")
@paginate(Page)
def list_council_sessions(request: HttpRequest, filters: Query[SessionFilter]):
    require(request, CouncilPerm.VIEW)
    return selectors.sessions_visible(request.user, query=filters.q, kind=filters.kind)


@router.get("/sessions/{session_id}", response={200: SessionDetailOut, **ERRORS}, summary="One session")
def get_council_session(request: HttpRequest, session_id: int):
    require(request, CouncilPerm.VIEW)
    session = selectors.session_get(request.user, session_id)
    data = SessionOut.from_orm(session).dict()
    data["votes"] = list(selectors.votes_visible(request.user, session_id=session.pk))
    data["resolutions"] = list(selectors.resolutions_visible(request.user).filter(session=session))
    return data


@router.get("/resolutions", response={200: list[ResolutionOut], **ERRORS}, summary="Resolutions")
@paginate(Page)
def list_council_resolutions(request: HttpRequest, filters: Query[ResolutionFilter]):
    require(request, CouncilPerm.RESOLUTIONS)
    return selectors.resolutions_visible(request.user, query=filters.q, year=filters.year)


@router.get("/resolutions/{resolution_id}", response={200: ResolutionOut, **ERRORS}, summary="One resolution")
def get_council_resolution(request: HttpRequest, resolution_id: int):
    require(request, CouncilPerm.RESOLUTIONS)
    return selectors.resolution_get(request.user, resolution_id)


@router.get("/votes", response={200: list[VoteOut], **ERRORS}, summary="Votes on drafts")
@paginate(Page)
def list_council_votes(request: HttpRequest, filters: Query[VoteFilter]):
    require(request, CouncilPerm.VIEW)
    return selectors.votes_visible(request.user, session_id=filters.session)


@router.get("/votes/{vote_id}", response={200: VoteOut, **ERRORS}, summary="One vote")
def get_council_vote(request: HttpRequest, vote_id: int):
    require(request, CouncilPerm.VIEW)
    return selectors.vote_get(request.user, vote_id)


class FiguresOut(Schema):
    year: int
    sessions: dict[str, int]
    sessions_total: int
    resolutions: dict[str, int]
    resolutions_total: int
    standing_meetings: int
    questions: int
    hearings: int
    commitments: int
    commitments_kept: int
    interim_matters: int


class FiguresFilter(Schema):
    year: int = Field(..., ge=YEARS[0], le=YEARS[1])


@router.get("/figures", response={200: FiguresOut, **ERRORS}, summary="Figures of the yearly report")
def get_council_figures(request: HttpRequest, filters: Query[FiguresFilter]):
    require(request, CouncilPerm.VIEW)
    return selectors.figures(request.user, filters.year)
