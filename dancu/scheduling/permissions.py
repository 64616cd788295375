"""Permissions of the calendar: names, the role matrix, object rules. No model imports here
(the manifest reads ROLE_PERMISSIONS early)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.errors import PermissionDenied

from .errors import SchedulingError

if TYPE_CHECKING:
    from dancu.core.access import Access


class SchedulingPerm:
    VIEW = "scheduling.view"  # the province's calendar, its feeds of one's own
    MANAGE = "scheduling.manage"  # plan, edit, cancel events; halls; imports; body feeds


ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {SchedulingPerm.VIEW, SchedulingPerm.MANAGE},
    Role.SPECIALIST: {SchedulingPerm.VIEW, SchedulingPerm.MANAGE},
    Role.LEADER: {SchedulingPerm.VIEW},
    Role.DELEGATE: {SchedulingPerm.VIEW},
    Role.VIEWER: {SchedulingPerm.VIEW},
}


def can_manage(access: Access, obj: Any) -> bool:
    return access.has(SchedulingPerm.MANAGE, obj.province_id)


def can_edit_event(access: Access, event: Any) -> bool:
    """Imported events are edited in their source (the next import would overwrite an edit)."""
    return can_manage(access, event) and event.source == "manual"


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."), code=SchedulingError.NOT_ALLOWED)
