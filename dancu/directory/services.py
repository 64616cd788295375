"""Writes to the directory. Each checks permission, validates, saves and audits in one transaction."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.audit import audit_record, diff, model_snapshot
from dancu.core.errors import ValidationFailed
from dancu.core.text import normalize_spaces

from .errors import DirectoryError
from .models import AdministrativeUnit, Body, Constituency, Gender, Membership, Person, Post, Term, UnitLevel

PERSON_FIELDS = ("full_name", "gender", "birth_date", "ethnicity", "phone", "email", "workplace")


def _clean_person_data(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = {k: v for k, v in data.items() if k in PERSON_FIELDS}
    if "full_name" in cleaned:
        cleaned["full_name"] = normalize_spaces(cleaned["full_name"])
        if len(cleaned["full_name"]) < 2:
            raise ValidationFailed(_("The full name is required."), code=DirectoryError.INVALID_PERSON)
    gender = cleaned.get("gender")
    if gender and gender not in Gender.values:
        raise ValidationFailed(
            _("Unknown gender: %(value)s") % {"value": gender}, code=DirectoryError.INVALID_PERSON
        )
    birth = cleaned.get("birth_date")
    if birth and (birth > timezone.localdate() or birth.year < 1900):
        raise ValidationFailed(_("The date of birth is not plausible."), code=DirectoryError.INVALID_PERSON)
    return cleaned


def _province_unit(province: AdministrativeUnit) -> AdministrativeUnit:
    if province.level != UnitLevel.PROVINCE:
        raise ValidationFailed(_("A province-level unit is required."), code=DirectoryError.INVALID_PERSON)
    return province


@transaction.atomic
def person_create(*, actor, province: AdministrativeUnit, full_name: str, **fields: Any) -> Person:
    """Create a person in `province` (Office administrators of that province only)."""
    get_access(actor).require(Perm.DIRECTORY_CHANGE, province.pk)
    data = _clean_person_data({"full_name": full_name, **fields})
    person = Person(province=_province_unit(province), **data)
    person.full_clean(exclude=["search_text"])
    person.save()
    audit_record(
        actor=actor,
        action="directory.person.create",
        target=person,
        province_code=province.code,
        summary=person.full_name,
        changes={"after": model_snapshot(person)},
    )
    return person


@transaction.atomic
def person_update(*, actor, person: Person, **fields: Any) -> Person:
    get_access(actor).require(Perm.DIRECTORY_CHANGE, person.province_id)
    before = model_snapshot(person)
    for key, value in _clean_person_data(fields).items():
        setattr(person, key, value)
    person.full_clean(exclude=["search_text"])
    person.save()
    audit_record(
        actor=actor,
        action="directory.person.update",
        target=person,
        province_code=person.province.code,
        summary=person.full_name,
        changes=diff(before, model_snapshot(person)),
    )
    return person


@transaction.atomic
def membership_create(
    *,
    actor,
    person: Person,
    body: Body,
    post: Post,
    term: Term | None = None,
    constituency: Constituency | None = None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    is_full_time: bool = False,
) -> Membership:
    """Give a person a post in a body; both must be in a province the actor administers."""
    access = get_access(actor)
    access.require(Perm.DIRECTORY_CHANGE, body.province_id)
    access.require(Perm.DIRECTORY_CHANGE, person.province_id)
    if term is not None and term.body_id not in {body.pk, body.parent_id}:
        raise ValidationFailed(
            _("The term does not belong to this body."), code=DirectoryError.INVALID_MEMBERSHIP
        )
    if constituency is not None and (term is None or constituency.term_id != term.pk):
        raise ValidationFailed(
            _("The constituency does not belong to the term."), code=DirectoryError.INVALID_MEMBERSHIP
        )
    if start_date and end_date and end_date < start_date:
        raise ValidationFailed(
            _("The end date is before the start date."), code=DirectoryError.INVALID_MEMBERSHIP
        )
    membership = Membership.objects.create(
        person=person,
        body=body,
        post=post,
        term=term,
        constituency=constituency,
        start_date=start_date,
        end_date=end_date,
        is_full_time=is_full_time,
    )
    audit_record(
        actor=actor,
        action="directory.membership.create",
        target=membership,
        province_code=body.province.code,
        summary=f"{person.full_name} · {post.name} · {body.name}",
        changes={"after": model_snapshot(membership)},
    )
    return membership


@transaction.atomic
def membership_end(*, actor, membership: Membership, end_date: datetime.date) -> Membership:
    get_access(actor).require(Perm.DIRECTORY_CHANGE, membership.body.province_id)
    if membership.start_date and end_date < membership.start_date:
        raise ValidationFailed(
            _("The end date is before the start date."), code=DirectoryError.INVALID_MEMBERSHIP
        )
    before = model_snapshot(membership)
    membership.end_date = end_date
    membership.save(update_fields=["end_date", "updated_at"])
    audit_record(
        actor=actor,
        action="directory.membership.end",
        target=membership,
        province_code=membership.body.province.code,
        summary=str(membership),
        changes=diff(before, model_snapshot(membership)),
    )
    return membership
