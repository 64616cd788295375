"""Reads of the directory, scoped to what the user may see."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.errors import NotFound
from dancu.core.search import search_queryset

from .errors import DirectoryError
from .models import AdministrativeUnit, Body, BodyKind, Membership, Person, UnitLevel


def _in_scope(queryset: QuerySet, user, field: str = "province_id") -> QuerySet:
    return get_access(user).scope(queryset, Perm.DIRECTORY_VIEW, field.removesuffix("_id"))


def can_see_contacts(user, person: Person) -> bool:
    return get_access(user).has(Perm.DIRECTORY_VIEW_CONTACT, person.province_id)


def units_visible(
    user, *, query: str = "", level: str = "", current: str = ""
) -> QuerySet[AdministrativeUnit]:
    """Administrative units are public facts; any user with a directory role may browse them all."""
    if not get_access(user).has(Perm.DIRECTORY_VIEW):
        return AdministrativeUnit.objects.none()
    qs = AdministrativeUnit.objects.select_related("parent")
    if level in UnitLevel.values:
        qs = qs.filter(level=level)
    if current == "1":
        qs = qs.filter(valid_to__isnull=True)
    elif current == "0":
        qs = qs.filter(valid_to__isnull=False)
    return search_queryset(qs, query)


def unit_get(user, unit_id: int) -> AdministrativeUnit:
    unit = units_visible(user).filter(pk=unit_id).first()
    if unit is None:
        raise NotFound(_("This administrative unit does not exist."), code=DirectoryError.UNIT_NOT_FOUND)
    return unit


def bodies_visible(
    user, *, query: str = "", kind: str = "", province_id: int | None = None
) -> QuerySet[Body]:
    qs = _in_scope(Body.objects.select_related("province", "unit", "parent"), user)
    if kind:
        qs = qs.filter(kind=kind)
    if province_id:
        qs = qs.filter(province_id=province_id)
    return search_queryset(qs, query)


def body_get(user, body_id: int) -> Body:
    body = bodies_visible(user).filter(pk=body_id).first()
    if body is None:
        raise NotFound(
            _("This body does not exist or you may not see it."), code=DirectoryError.BODY_NOT_FOUND
        )
    return body


def body_members(user, body: Body) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(body=body, person__in=people_visible(user))
        .select_related("person", "post", "term", "constituency")
        .order_by("end_date", "post__rank", "person__sort_key")
    )


def people_visible(
    user, *, query: str = "", body_id: int | None = None, current_only: bool = False
) -> QuerySet[Person]:
    qs = _in_scope(Person.objects.select_related("province"), user)
    if body_id:
        memberships = Membership.objects.filter(body_id=body_id)
        if current_only:
            memberships = memberships.filter(end_date__isnull=True)
        qs = qs.filter(pk__in=memberships.values("person_id"))
    return search_queryset(qs, query)


def people_with_current_posts(qs: QuerySet[Person]) -> QuerySet[Person]:
    current = (
        Membership.objects.filter(end_date__isnull=True).select_related("post", "body").order_by("post__rank")
    )
    return qs.prefetch_related(Prefetch("memberships", queryset=current, to_attr="current_memberships"))


def person_get(user, person_id: int) -> Person:
    person = people_visible(user).filter(pk=person_id).first()
    if person is None:
        raise NotFound(
            _("This person does not exist or you may not see them."), code=DirectoryError.PERSON_NOT_FOUND
        )
    return person


def person_history(person: Person) -> QuerySet[Membership]:
    # Current posts first, then the past ones, newest first.
    return person.memberships.select_related("body", "post", "term", "constituency").order_by(
        F("end_date").desc(nulls_first=True), F("start_date").desc(nulls_last=True)
    )


def directory_counts(user) -> dict[str, int]:
    bodies = bodies_visible(user)
    people = people_visible(user)
    return {
        "bodies": bodies.count(),
        "people": people.count(),
        "delegates": Membership.objects.filter(
            end_date__isnull=True, body__in=bodies, body__kind__in=["PEOPLES_COUNCIL", "NA_DELEGATION"]
        )
        .values("person_id")
        .distinct()
        .count(),
        "units": AdministrativeUnit.objects.filter(valid_to__isnull=True).count()
        if get_access(user).has(Perm.DIRECTORY_VIEW)
        else 0,
    }


def bodies_by_kind(user) -> list[dict]:
    rows = bodies_visible(user).order_by().values("kind").annotate(n=Count("id"))
    labels = dict(BodyKind.choices)
    return sorted(({"label": labels.get(r["kind"], r["kind"]), **r} for r in rows), key=lambda r: r["kind"])


def current_holder(body: Body, post_code: str) -> Person | None:
    """The person holding `post_code` in `body` today (for a document's signer block). Not
    scoped: a post holder's name is public, what the document shows."""
    membership = (
        Membership.objects.filter(body=body, post__code=post_code, end_date__isnull=True)
        .select_related("person")
        .order_by("start_date")
        .first()
    )
    return membership.person if membership else None


def office_signer(province_id: int) -> tuple[str, str, str]:
    """(authority, position, name) for documents the Office of a province signs: its head, or
    for the head ("KT. CHÁNH VĂN PHÒNG") the deputy when there is no head; names from the
    directory, never blank (the post's name stands when nobody holds it)."""
    office = Body.objects.filter(
        province_id=province_id, kind=BodyKind.OFFICE, active_to__isnull=True
    ).first()
    head = current_holder(office, "chanh-van-phong") if office else None
    if head is not None:
        return "", "CHÁNH VĂN PHÒNG", head.full_name
    deputy = current_holder(office, "pho-chanh-van-phong") if office else None
    if deputy is not None:
        return "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", deputy.full_name
    return "", "CHÁNH VĂN PHÒNG", "(Chưa có người giữ chức vụ trong danh bạ)"


def existing_bodies(today: datetime.date | None = None, prefix: str = "") -> Q:
    """Bodies that exist today: not dissolved (`active_to` past), not yet to come
    (`active_from` ahead), and whose unit still exists (a district council ended with its
    district on 1 July 2025). Only these are offered for new work. `prefix` ("body__") for
    the bodies of related rows."""
    today = today or timezone.localdate()

    def q(lookup: str, **value: Any) -> Q:
        return Q(**{f"{prefix}{lookup}{k}": v for k, v in value.items()})

    return (
        (q("active_to", __isnull=True) | q("active_to", __gte=today))
        & (q("active_from", __isnull=True) | q("active_from", __lte=today))
        & (q("unit__valid_to", __isnull=True) | q("unit__valid_to", __gte=today))
    )
