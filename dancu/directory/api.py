
import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.accounts.roles import Perm
from dancu.core.api_base import ErrorOut, Page, require

from . import selectors
from .models import BodyKind, UnitLevel

router = Router(tags=["directory"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class UnitOut(Schema):
    id: int
    code: str
    name: str
    level: str
    unit_type: str
    parent_id: int | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None


class UnitDetailOut(UnitOut):
    successor_ids: list[int]
    predecessor_ids: list[int]


class BodyOut(Schema):
    id: int
    kind: str
    level: str
    name: str
    short_name: str
    parent_id: int | None
    province_id: int
    unit_id: int
    active_from: datetime.date | None
    active_to: datetime.date | None


class PersonOut(Schema):
    id: int
    full_name: str
    gender: str
    workplace: str
    province_id: int


class MembershipOut(Schema):
    body_id: int
    body_name: str = Field(..., alias="body.name")
    post: str = Field(..., alias="post.name")
    term: str | None = Field(None, alias="term.name")
    constituency: str | None = Field(None, alias="constituency.name")
    start_date: datetime.date | None
    end_date: datetime.date | None


class PersonDetailOut(PersonOut):
    # Contact details only for users allowed to see them; otherwise null.
    birth_date: datetime.date | None = None
    phone: str | None = None
    email: str | None = None
    memberships: list[MembershipOut]


class UnitFilter(Schema):
    q: str = Field("", max_length=200)
    level: UnitLevel | None = None
    current: bool | None = None


class BodyFilter(Schema):
    q: str = Field("", max_length=200)
    kind: BodyKind | None = None


class PersonFilter(Schema):
    q: str = Field("", max_length=200)
    body: int | None = Field(None, ge=1, le=2**62)


@router.get("/units", response={200: list[UnitOut], **ERRORS}, summary="Administrative units")
@paginate(Page)
def list_units(request: HttpRequest, filters: Query[UnitFilter]):
    require(request, Perm.DIRECTORY_VIEW)
    current = "" if filters.current is None else ("1" if filters.current else "0")
    return selectors.units_visible(request.user, query=filters.q, level=filters.level or "", current=current)


@router.get("/units/{unit_id}", response={200: UnitDetailOut, **ERRORS}, summary="One administrative unit")
def get_unit(request: HttpRequest, unit_id: int):
    require(request, Perm.DIRECTORY_VIEW)
    unit = selectors.unit_get(request.user, unit_id)
    data = UnitOut.from_orm(unit).dict()
    data["successor_ids"] = list(unit.succession_out.values_list("successor_id", flat=True))
    data["predecessor_ids"] = list(unit.succession_in.values_list("predecessor_id", flat=True))
    return data


@router.get("/bodies", response={200: list[BodyOut], **ERRORS}, summary="Bodies in the user's scope")
@paginate(Page)
def list_bodies(request: HttpRequest, filters: Query[BodyFilter]):
    require(request, Perm.DIRECTORY_VIEW)
    return selectors.bodies_visible(request.user, query=filters.q, kind=filters.kind or "")


@router.get("/bodies/{body_id}", response={200: BodyOut, **ERRORS}, summary="One body")
def get_body(request: HttpRequest, body_id: int):
    require(request, Perm.DIRECTORY_VIEW)
    return selectors.body_get(request.user, body_id)


@router.get("/people", response={200: list[PersonOut], **ERRORS}, summary="People in the user's scope")
@paginate(Page)
def list_people(request: HttpRequest, filters: Query[PersonFilter]):
    require(request, Perm.DIRECTORY_VIEW)
    return selectors.people_visible(request.user, query=filters.q, body_id=filters.body)


@router.get("/people/{person_id}", response={200: PersonDetailOut, **ERRORS}, summary="One person, with posts")
def get_person(request: HttpRequest, person_id: int):
    require(request, Perm.DIRECTORY_VIEW)
    person = selectors.person_get(request.user, person_id)
    data = {
        "id": person.pk,
        "full_name": person.full_name,
        "gender": person.gender,
        "workplace": person.workplace,
        "province_id": person.province_id,
        "memberships": list(selectors.person_history(person)),
    }
    if selectors.can_see_contacts(request.user, person):
        data.update(birth_date=person.birth_date, phone=person.phone, email=person.email)
    return data
