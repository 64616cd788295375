"""Permissions of the coordination module: names, role matrix, object rules.

Roles are held in bodies and grant permissions in the body's province (core.access). The
provincial work (the regulation, the reviews, planning giao ban meetings, assigning tasks) is
for the users of the province's own bodies; a user whose roles are only in a lower council
(a commune, or a district council before 1 July 2025) sees the meetings their council takes
part in, submits their council's report and reports on the tasks it owns.
Importable without the app registry: models are imported inside the functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.errors import PermissionDenied

from .errors import CoordinationError

if TYPE_CHECKING:
    from dancu.core.access import Access


class CoordinationPerm:
    VIEW = "coordination.view"  # the regulation, reviews, meetings, tasks of the province
    MANAGE = "coordination.manage"  # write them (provincial bodies only)
    REPORT = "coordination.report"  # submit a lower council's report, report on an own task


ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {CoordinationPerm.VIEW, CoordinationPerm.MANAGE, CoordinationPerm.REPORT},
    Role.SPECIALIST: {CoordinationPerm.VIEW, CoordinationPerm.MANAGE, CoordinationPerm.REPORT},
    Role.LEADER: {CoordinationPerm.VIEW},
    Role.DELEGATE: {CoordinationPerm.VIEW},
    Role.VIEWER: {CoordinationPerm.VIEW},
}

PROVINCIAL = "province"  # BodyLevel.PROVINCE


def provincial_provinces(access: Access) -> Any:
    """The provinces where the user holds a role in a province-level body (ALL for a national
    administrator). One query per request (cached on the access)."""
    from dancu.core.access import ALL

    if access.is_national_admin:
        return ALL
    cached = getattr(access, "_coordination_provincial", None)
    if cached is None:
        from dancu.directory.models import Body

        cached = set(
            Body.objects.filter(pk__in=access.body_ids, level=PROVINCIAL).values_list(
                "province_id", flat=True
            )
        )
        access._coordination_provincial = cached  # type: ignore[attr-defined]
    return cached


def is_provincial(access: Access, province_id: int | None) -> bool:
    provinces = provincial_provinces(access)
    return bool(provinces) if province_id is None else province_id in provinces


def can_view_all(access: Access, province_id: int | None) -> bool:
    """Everything of the province (not only what the user's lower council takes part in)."""
    return access.has(CoordinationPerm.VIEW, province_id) and is_provincial(access, province_id)


def can_manage(access: Access, obj_or_province: Any) -> bool:
    province_id = (
        obj_or_province
        if isinstance(obj_or_province, int) or obj_or_province is None
        else obj_or_province.province_id
    )
    return access.has(CoordinationPerm.MANAGE, province_id) and is_provincial(access, province_id)


def can_report_for(access: Access, province_id: int, body_id: int) -> bool:
    """Submit or edit the report of `body_id`: the Office of the province, or the council's own users."""
    if not access.has(CoordinationPerm.REPORT, province_id):
        return False
    return can_manage(access, province_id) or body_id in access.body_ids


def owns_task(access: Access, task: Any, person_id: int | None = None) -> bool:
    if task.owner_body_id is not None and task.owner_body_id in access.body_ids:
        return True
    return person_id is not None and task.owner_person_id == person_id


def can_update_task(access: Access, task: Any, person_id: int | None = None) -> bool:
    """Move a task on (start, done): the Office of the province, or the task's owner."""
    if can_manage(access, task):
        return True
    return access.has(CoordinationPerm.REPORT, task.province_id) and owns_task(access, task, person_id)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(
            _("You do not have permission to do this."), code=CoordinationError.NOT_ALLOWED
        )


def access_of(user: Any) -> Access:
    """The user's access, with the directory person the user is (owner of person tasks)."""
    from dancu.core.access import get_access

    access = get_access(user)
    access.coordination_person_id = getattr(user, "person_id", None)  # type: ignore[attr-defined]
    return access
