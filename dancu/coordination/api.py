"""JSON API of the coordination module (read only): the regulation and its areas, who leads an
area on a date, giao ban meetings with their reports, tasks. Scoped like the pages."""

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.core.api_base import ErrorOut, Page, require

from . import selectors, services
from .models import Area, MeetingStatus, TaskStatus
from .permissions import CoordinationPerm

router = Router(tags=["coordination"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _user(request):
    return request.auth if getattr(request, "auth", None) else request.user


class AreaOut(Schema):
    area: str
    lead: list[int]
    coordinate: list[int]
    content: str


class RegulationOut(Schema):
    id: int
    province_id: int
    number: str
    signed_on: datetime.date
    title: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    parties: list[int]


class RegulationDetailOut(RegulationOut):
    areas: list[AreaOut]


def _regulation(r) -> dict:
    return {
        "id": r.pk,
        "province_id": r.province_id,
        "number": r.number,
        "signed_on": r.signed_on,
        "title": r.title,
        "valid_from": r.valid_from,
        "valid_to": r.valid_to,
        "parties": sorted(b.pk for b in r.parties.all()),
    }


@router.get("/regulations", response={200: list[RegulationOut], **ERRORS}, summary="Coordination regulations")
@paginate(Page)
def list_coordination_regulations(request: HttpRequest):
    require(request, CoordinationPerm.VIEW)
    return [_regulation(r) for r in selectors.regulations_visible(_user(request)).prefetch_related("parties")]


@router.get(
    "/regulations/{regulation_id}", response={200: RegulationDetailOut, **ERRORS}, summary="One regulation"
)
def get_coordination_regulation(request: HttpRequest, regulation_id: int):
    require(request, CoordinationPerm.VIEW)
    r = selectors.regulation_get(_user(request), regulation_id)
    data = _regulation(r)
    data["areas"] = [
        {
            "area": a.area,
            "lead": sorted(b.pk for b in a.lead.all()),
            "coordinate": sorted(b.pk for b in a.coordinate.all()),
            "content": a.content,
        }
        for a in selectors.areas_of(r)
    ]
    return data


class RolesFilter(Schema):
    province: int = Field(..., ge=1, le=10**18)
    area: Area
    on: datetime.date


class RolesOut(Schema):
    lead: list[int]
    coordinate: list[int]


@router.get(
    "/roles", response={200: RolesOut, **ERRORS}, summary="Who leads and coordinates an area on a date"
)
def get_coordination_roles(request: HttpRequest, filters: Query[RolesFilter]):
    require(request, CoordinationPerm.VIEW)
    from dancu.core.errors import NotFound

    from .permissions import access_of

    if not access_of(_user(request)).has(CoordinationPerm.VIEW, filters.province):
        raise NotFound(_("Not found."), code="not_found")
    return services.roles_for(filters.province, str(filters.area.value), filters.on)


class ReportOut(Schema):
    body_id: int
    sessions_held: int
    resolutions: int
    supervisions: int
    voter_meetings: int
    letters_received: int
    letters_handled: int
    has_file: bool


class MeetingOut(Schema):
    id: int
    province_id: int
    title: str
    period: str
    host_id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    reports_due: datetime.date | None
    status: str


class MeetingDetailOut(MeetingOut):
    participants: list[int]
    reports: list[ReportOut]
    conclusions: str


class MeetingFilter(Schema):
    q: str = Field("", max_length=200)
    status: MeetingStatus | None = None


@router.get("/meetings", response={200: list[MeetingOut], **ERRORS}, summary="Giao ban meetings")
@paginate(Page)
def list_coordination_meetings(request: HttpRequest, filters: Query[MeetingFilter]):
    require(request, CoordinationPerm.VIEW)
    status = filters.status.value if filters.status else ""
    return selectors.meetings_visible(_user(request), query=filters.q, status=status)


@router.get(
    "/meetings/{meeting_id}", response={200: MeetingDetailOut, **ERRORS}, summary="One giao ban meeting"
)
def get_coordination_meeting(request: HttpRequest, meeting_id: int):
    require(request, CoordinationPerm.VIEW)
    m = selectors.meeting_get(_user(request), meeting_id)
    data = MeetingOut.from_orm(m).dict()
    data["participants"] = sorted(m.participants.values_list("pk", flat=True))
    data["conclusions"] = m.conclusions
    data["reports"] = [
        {**{f: getattr(r, f) for f in r.FIGURES}, "body_id": r.body_id, "has_file": bool(r.file)}
        for r in selectors.reports_of(m)
    ]
    return data


class TaskOut(Schema):
    id: int
    meeting_id: int
    content: str
    owner_body_id: int | None
    owner_person_id: int | None
    due_date: datetime.date
    status: str
    done_on: datetime.date | None


class TaskFilter(Schema):
    status: TaskStatus | None = None
    overdue: bool = False


@router.get("/tasks", response={200: list[TaskOut], **ERRORS}, summary="Tasks of giao ban conclusions")
@paginate(Page)
def list_coordination_tasks(request: HttpRequest, filters: Query[TaskFilter]):
    require(request, CoordinationPerm.VIEW)
    from django.utils import timezone

    status = filters.status.value if filters.status else ""
    return selectors.tasks_visible(
        _user(request), status=status, overdue=filters.overdue, today=timezone.localdate()
    )


@router.get("/tasks/{task_id}", response={200: TaskOut, **ERRORS}, summary="One task")
def get_coordination_task(request: HttpRequest, task_id: int):
    require(request, CoordinationPerm.VIEW)
    return selectors.task_get(_user(request), task_id)
