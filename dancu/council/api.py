"""JSON API of the council module: sessions, resolutions and votes, scoped like the pages."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.core.api_base import ErrorOut, Page, require
from dancu.core.errors import ValidationFailed
from dancu.directory.models import Body

from . import hall, selectors, versions_diff
from .errors import CouncilError
from .forms import YEARS
from .models import AgendaItem
from .permissions import CouncilPerm

router = Router(tags=["council"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
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


# -- the delegate's app (issue 16): my sessions, agenda, documents, check-in, speaking, ballots ---


def _user(request: HttpRequest) -> Any:
    return getattr(request, "auth", None) or request.user


class AgendaItemOut(Schema):
    id: int
    day: datetime.date
    order: int
    time: str
    title: str
    presenter: str
    # A withdrawn item stays on the agenda (struck through), with the reason; it takes no vote.
    withdrawn_at: datetime.datetime | None
    withdrawal_reason: str


class DocumentVersionOut(Schema):
    version: int
    name: str
    kind: str
    uploaded_at: datetime.datetime
    view_url: str
    pdf_url: str


class DocumentOut(Schema):
    submission_id: int
    title: str
    kind: str
    versions: list[DocumentVersionOut]


class QuorumOut(Schema):
    present: int
    total: int
    quorum_needed: int
    quorum: bool


class TallyOut(Schema):
    yes: int
    no: int
    abstain: int
    cast: int
    total: int
    needed: int
    open: bool
    seconds_left: int
    passed: bool | None


class EVoteOut(Schema):
    id: int
    question: str
    secret: bool
    status: str
    opened_at: datetime.datetime
    closes_at: datetime.datetime
    agenda_item_id: int | None
    submission_id: int | None
    tally: TallyOut
    my_choice: str | None


class SpeakerOut(Schema):
    id: int
    delegate: str
    kind: str
    topic: str
    status: str
    position: int
    question_id: int | None


class HallOut(Schema):
    session_id: int
    quorum: QuorumOut
    checked_in: bool
    current_item_id: int | None
    vote: EVoteOut | None
    speaking: SpeakerOut | None
    waiting: list[SpeakerOut]


class SpeakIn(Schema):
    kind: str = Field(..., max_length=20)
    topic: str = Field(..., max_length=500)
    agenda_item_id: int | None = Field(None, ge=1, le=MAX_ID)
    addressee: str = Field("", max_length=300)
    addressee_body_id: int | None = Field(None, ge=1, le=MAX_ID)


class BallotIn(Schema):
    choice: str = Field(..., max_length=10)
    key: str = Field(
        ..., min_length=1, max_length=64, description="The client's idempotency key of this request"
    )


class BallotOut(Schema):
    vote_id: int
    choice: str
    applied: bool = Field(..., description="False when the key was already applied (a retry)")
    tally: TallyOut


def _speaker(r) -> dict:
    return {
        "id": r.pk,
        "delegate": r.delegate.full_name,
        "kind": r.kind,
        "topic": r.topic,
        "status": r.status,
        "position": r.position,
        "question_id": r.question_id,
    }


def _e_vote(vote, person_id) -> dict:
    ballot = hall.my_ballot(vote, person_id) if not (vote.secret and vote.status == "closed") else None
    return {
        "id": vote.pk,
        "question": vote.question,
        "secret": vote.secret,
        "status": vote.status,
        "opened_at": vote.opened_at,
        "closes_at": vote.closes_at,
        "agenda_item_id": vote.agenda_item_id,
        "submission_id": vote.submission_id,
        "tally": hall.tally(vote),
        "my_choice": ballot.choice if ballot else None,
    }


@router.get("/my/sessions", response={200: list[SessionOut], **ERRORS}, summary="My sessions (a delegate's)")
@paginate(Page)
def list_my_council_sessions(request: HttpRequest):
    require(request, CouncilPerm.VIEW)
    return hall.my_sessions(_user(request))


@router.get(
    "/sessions/{session_id}/agenda",
    response={200: list[AgendaItemOut], **ERRORS},
    summary="A session's agenda",
)
def get_council_agenda(request: HttpRequest, session_id: int):
    require(request, CouncilPerm.VIEW)
    return list(selectors.session_get(_user(request), session_id).agenda_items.all())


@router.get(
    "/sessions/{session_id}/documents",
    response={200: list[DocumentOut], **ERRORS},
    summary="A session's documents and their versions",
)
def get_council_documents(request: HttpRequest, session_id: int):
    require(request, CouncilPerm.VIEW)
    user = _user(request)
    session = selectors.session_get(user, session_id)
    out = []
    for entry in hall.session_documents(user, session):
        s = entry["submission"]
        out.append(
            {
                "submission_id": s.pk,
                "title": s.title,
                "kind": s.kind,
                "versions": [
                    {
                        "version": v.version,
                        "name": v.original_name,
                        "kind": v.kind.key,
                        "uploaded_at": v.uploaded_at,
                        "view_url": reverse("council:document_view", args=[s.pk, v.version]),
                        "pdf_url": reverse("council:document_pdf", args=[s.pk, v.version]),
                    }
                    for v in entry["versions"]
                ],
            }
        )
    return out


class DiffPartOut(Schema):
    op: str  # same | ins | del
    text: str


class DiffRowOut(Schema):
    kind: str  # same | added | removed | changed
    old_no: int | None
    new_no: int | None
    parts: list[DiffPartOut]


class DiffIn(Schema):
    old: int = Field(..., ge=1, le=10_000)
    new: int = Field(..., ge=1, le=10_000)


class DiffOut(Schema):
    submission_id: int
    old: int
    new: int
    comparable: bool  # False: a version's text could not be read (a scanned PDF)
    added: int
    removed: int
    changed: int
    same: int
    words_added: int
    words_removed: int
    rows: list[DiffRowOut]


@router.get(
    "/submissions/{submission_id}/diff",
    response={200: DiffOut, **ERRORS},
    summary="What changed between two versions of a submission's document",
)
def get_council_diff(request: HttpRequest, submission_id: int, versions: Query[DiffIn]):
    require(request, CouncilPerm.VIEW)
    old, new = versions.old, versions.new
    if old == new:
        raise ValidationFailed(_("Choose two different versions."), code=CouncilError.OUT_OF_RANGE)
    user = _user(request)
    before = selectors.submission_file_get(user, submission_id, old)
    after = selectors.submission_file_get(user, submission_id, new)
    try:
        c = versions_diff.compare_versions(before, after)
    except versions_diff.TextUnavailable:
        c = None
    counts = {k: getattr(c, k) if c else 0 for k in ("added", "removed", "changed", "same")}
    counts |= {k: getattr(c, k) if c else 0 for k in ("words_added", "words_removed")}
    return {
        "submission_id": submission_id,
        "old": old,
        "new": new,
        "comparable": c is not None,
        **counts,
        "rows": [
            {
                "kind": r.kind,
                "old_no": r.old_no,
                "new_no": r.new_no,
                "parts": [{"op": op, "text": text} for op, text in r.parts],
            }
            for r in (c.rows if c else [])
        ],
    }


def _hall(user, session) -> dict:
    state = hall.hall_state(session)
    person_id = getattr(user, "person_id", None)
    return {
        "session_id": session.pk,
        "quorum": state["attendance"],
        "checked_in": person_id is not None and hall.is_present(session, person_id),
        "current_item_id": state["item"].pk if state["item"] else None,
        "vote": _e_vote(state["vote"], person_id) if state["vote"] else None,
        "speaking": _speaker(state["speaking"]) if state["speaking"] else None,
        "waiting": [_speaker(r) for r in state["waiting"]],
    }


@router.get(
    "/sessions/{session_id}/hall",
    response={200: HallOut, **ERRORS},
    summary="The hall now: quorum, the vote open or last closed, the speakers",
)
def get_council_hall(request: HttpRequest, session_id: int):
    require(request, CouncilPerm.VIEW)
    user = _user(request)
    return _hall(user, selectors.session_get(user, session_id))


@router.get(
    "/sessions/{session_id}/open-votes", response={200: list[EVoteOut], **ERRORS}, summary="Votes open now"
)
def list_council_open_votes(request: HttpRequest, session_id: int):
    require(request, CouncilPerm.VIEW)
    user = _user(request)
    session = selectors.session_get(user, session_id)
    return [_e_vote(v, getattr(user, "person_id", None)) for v in hall.open_votes(session)]


@router.post(
    "/sessions/{session_id}/check-in", response={200: HallOut, **ERRORS}, summary="Check in (the delegate)"
)
def post_council_check_in(request: HttpRequest, session_id: int):
    require(request, CouncilPerm.TAKE_PART)
    user = _user(request)
    session = selectors.session_get(user, session_id)
    hall.check_in(actor=user, session=session)
    return _hall(user, session)


@router.post(
    "/sessions/{session_id}/speakers",
    response={200: SpeakerOut, **ERRORS},
    summary="Register to speak or to question (the delegate)",
)
def post_council_speaker(request: HttpRequest, session_id: int, payload: SpeakIn):
    require(request, CouncilPerm.TAKE_PART)
    user = _user(request)
    session = selectors.session_get(user, session_id)
    item = (
        AgendaItem.objects.filter(pk=payload.agenda_item_id, session=session).first()
        if payload.agenda_item_id
        else None
    )
    if payload.agenda_item_id and item is None:
        raise ValidationFailed(
            _("The agenda item belongs to another session."), code=CouncilError.WRONG_SESSION
        )
    body = Body.objects.filter(pk=payload.addressee_body_id).first() if payload.addressee_body_id else None
    row = hall.speaker_register(
        actor=user,
        session=session,
        kind=payload.kind,
        topic=payload.topic,
        agenda_item=item,
        addressee=payload.addressee,
        addressee_body=body,
    )
    return _speaker(row)


@router.post(
    "/e-votes/{e_vote_id}/ballots",
    response={200: BallotOut, **ERRORS},
    summary="Cast or change my ballot (idempotent by key)",
)
def post_council_ballot(request: HttpRequest, e_vote_id: int, payload: BallotIn):
    require(request, CouncilPerm.TAKE_PART)
    user = _user(request)
    vote = hall.e_vote_get(user, e_vote_id)
    ballot, applied = hall.ballot_cast(actor=user, vote=vote, choice=payload.choice, key=payload.key)
    return {"vote_id": vote.pk, "choice": ballot.choice, "applied": applied, "tally": hall.tally(vote)}
