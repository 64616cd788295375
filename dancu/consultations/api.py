"""JSON API of the consultations module (read only), scoped like the pages: drafts, one draft's
outline, its accepted comments, the synthesis by article and the figures."""

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.core.api_base import ErrorOut, Page, require

from . import selectors
from .permissions import VIEW

router = Router(tags=["consultations"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class DraftOut(Schema):
    id: int
    name: str
    session: str
    session_start: datetime.date | None
    consideration: str
    drafting_body: str
    vetting_committee: str
    synthesis_due: datetime.date | None
    online: bool
    status: str


class VersionOut(Schema):
    number: int
    label: str
    article_count: int
    clause_count: int
    point_count: int
    received_on: datetime.date | None


class DraftDetailOut(DraftOut):
    versions: list[VersionOut]
    recipients: int
    conferences: int
    comments: int


class CommentOut(Schema):
    id: int
    path: str
    article_key: str
    source: str
    source_label: str
    text: str
    proposal: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_source_label(obj: Any) -> str:
        return obj.source_label()


class GroupOut(Schema):
    count: int
    text: str
    sources: list[tuple[str, int]]
    proposals: list[str]


class ArticleOut(Schema):
    article_key: str
    label: str
    title: str
    count: int
    groups: list[GroupOut]
    position: str
    position_proposal: str


class DraftFilter(Schema):
    q: str = Field("", max_length=200)
    status: str = Field("", max_length=20)


class OutlineFilter(Schema):
    version: int | None = Field(None, ge=1, le=10_000)


class FiguresFilter(Schema):
    year: int | None = Field(None, ge=1900, le=2100)


@router.get("/drafts", response={200: list[DraftOut], **ERRORS}, summary="Draft laws under consultation")
@paginate(Page)
def list_consultation_drafts(request: HttpRequest, filters: Query[DraftFilter]):
    require(request, VIEW)
    return selectors.draft_list(request.user, query=filters.q, status=filters.status)


@router.get("/drafts/{draft_id}", response={200: DraftDetailOut, **ERRORS}, summary="One draft")
def get_consultation_draft(request: HttpRequest, draft_id: int):
    require(request, VIEW)
    draft = selectors.draft_get(request.user, draft_id)
    data = DraftOut.from_orm(draft).dict()
    data["versions"] = [VersionOut.from_orm(v).dict() for v in selectors.versions_of(draft)]
    data["recipients"] = draft.recipients.count()
    data["conferences"] = draft.conferences.count()
    data["comments"] = selectors.comments_of(draft).count()
    return data


@router.get(
    "/drafts/{draft_id}/outline",
    response={200: dict, **ERRORS},
    summary="A version's outline (latest by default)",
)
def get_consultation_outline(request: HttpRequest, draft_id: int, filters: Query[OutlineFilter]):
    require(request, VIEW)
    draft = selectors.draft_get(request.user, draft_id)
    row = (
        selectors.version_get(draft, filters.version) if filters.version else selectors.latest_version(draft)
    )
    if row is None:
        return {"parts": []}
    return row.outline


@router.get(
    "/drafts/{draft_id}/comments",
    response={200: list[CommentOut], **ERRORS},
    summary="Accepted comments of a draft",
)
@paginate(Page)
def list_consultation_comments(request: HttpRequest, draft_id: int):
    require(request, VIEW)
    draft = selectors.draft_get(request.user, draft_id)
    return selectors.comments_of(draft)


@router.get(
    "/drafts/{draft_id}/synthesis",
    response={200: list[ArticleOut], **ERRORS},
    summary="Comments grouped by article",
)
def get_consultation_synthesis(request: HttpRequest, draft_id: int):
    require(request, VIEW)
    draft = selectors.draft_get(request.user, draft_id)
    out = []
    for a in selectors.draft_synthesis(draft):
        out.append(
            {
                "article_key": a.article_key,
                "label": a.label,
                "title": a.title,
                "count": a.count,
                "groups": [
                    {"count": g.count, "text": g.lead.text, "sources": g.sources, "proposals": g.proposals}
                    for g in a.groups
                ],
                "position": a.position.text if a.position else "",
                "position_proposal": a.position.proposal if a.position else "",
            }
        )
    return out


@router.get("/figures", response={200: dict, **ERRORS}, summary="Consultation figures")
def get_consultation_figures(request: HttpRequest, filters: Query[FiguresFilter]):
    require(request, VIEW)
    return selectors.figures(request.user, year=filters.year)
