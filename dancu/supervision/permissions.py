"""Permissions of the supervision module: names, the role matrix and the object rules.

Importable without the app registry (the manifest reads ROLE_PERMISSIONS early).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.errors import PermissionDenied

from .errors import SupervisionError

if TYPE_CHECKING:
    from dancu.core.access import Access


class SupervisionPerm:
    VIEW = "supervision.view"  # programmes, activities, coordination, teams, reports of the province
    MANAGE = "supervision.manage"  # the Office: proposals, programmes, activities, coordination, follow-up
    ADOPT = "supervision.adopt"  # adopt a yearly programme (resolution number and date)
    ANSWER = "supervision.answer"  # an agency answers the recommendations addressed to it
    RECOMMENDATIONS = "supervision.recommendations"  # the recommendation pages (an agency: its own)


ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {
        SupervisionPerm.VIEW,
        SupervisionPerm.MANAGE,
        SupervisionPerm.ADOPT,
        SupervisionPerm.RECOMMENDATIONS,
    },
    Role.SPECIALIST: {SupervisionPerm.VIEW, SupervisionPerm.MANAGE, SupervisionPerm.RECOMMENDATIONS},
    Role.LEADER: {SupervisionPerm.VIEW, SupervisionPerm.ADOPT, SupervisionPerm.RECOMMENDATIONS},
    Role.DELEGATE: {SupervisionPerm.VIEW, SupervisionPerm.RECOMMENDATIONS},
    Role.VIEWER: {SupervisionPerm.VIEW, SupervisionPerm.RECOMMENDATIONS},
    Role.AGENCY_RESPONDER: {SupervisionPerm.ANSWER, SupervisionPerm.RECOMMENDATIONS},
}


def can_view(access: Access, obj: Any) -> bool:
    return access.has(SupervisionPerm.VIEW, obj.province_id)


def can_manage(access: Access, obj: Any) -> bool:
    return access.has(SupervisionPerm.MANAGE, obj.province_id)


def can_adopt(access: Access, obj: Any) -> bool:
    return access.has(SupervisionPerm.ADOPT, obj.province_id)


def agency_bodies(access: Access) -> set[int]:
    return access.bodies_with_role(Role.AGENCY_RESPONDER)


def is_addressed_to(access: Access, recommendation: Any) -> bool:
    """The recommendation is addressed to (led by) a body the user answers for."""
    return recommendation.lead_agency_id in agency_bodies(access)


def can_answer(access: Access, recommendation: Any) -> bool:
    return access.has(SupervisionPerm.ANSWER, recommendation.province_id) and is_addressed_to(
        access, recommendation
    )


def can_see_recommendation(access: Access, recommendation: Any) -> bool:
    """Staff of the province see every recommendation; an agency only those addressed to it."""
    return can_view(access, recommendation) or can_answer(access, recommendation)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."), code=SupervisionError.NOT_ALLOWED)
