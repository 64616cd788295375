"""What a user may see and do, computed once per request from the roles they hold.

Scope is the province of the body in which a role is held; a national administrator's scope
is every province. Selectors filter with `provinces_with(perm)`; services check `require`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from dancu.core.errors import PermissionDenied

from .roles import Role, role_permissions


class _All:
    """Every province (national administrator)."""

    def __contains__(self, item: object) -> bool:
        return True

    def __bool__(self) -> bool:
        return True


ALL = _All()


@dataclass
class Access:
    user_id: int | None
    is_national_admin: bool = False
    # role -> ids of bodies where the user holds it
    bodies_by_role: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    # permission -> ids of provinces where the user has it
    provinces_by_perm: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def has_any_role(self) -> bool:
        return self.is_national_admin or any(self.bodies_by_role.values())

    def roles(self) -> set[str]:
        return {role for role, bodies in self.bodies_by_role.items() if bodies}

    def has_role(self, role: str) -> bool:
        return bool(self.bodies_by_role.get(role))

    def provinces_with(self, perm: str) -> set[int] | _All:
        if self.is_national_admin:
            return ALL
        return self.provinces_by_perm.get(perm, set())

    def has(self, perm: str, province_id: int | None = None) -> bool:
        provinces = self.provinces_with(perm)
        if province_id is None:
            return bool(provinces)
        return province_id in provinces

    def require(self, perm: str, province_id: int | None = None) -> None:
        if not self.has(perm, province_id):
            raise PermissionDenied(_("You do not have permission to do this."))

    def bodies_with_role(self, role: str) -> set[int]:
        return set(self.bodies_by_role.get(role, set()))

    @property
    def is_office_staff(self) -> bool:
        return self.is_national_admin or any(
            self.has_role(r) for r in (Role.OFFICE_ADMIN, Role.SPECIALIST, Role.LEADER)
        )


ANONYMOUS = Access(user_id=None)


def get_access(user: Any) -> Access:
    """The user's access, cached on the user object for the rest of the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_dancu_access", None)
    if cached is not None:
        return cached
    from .models import RoleAssignment

    access = Access(user_id=user.pk, is_national_admin=user.is_national_admin)
    for role, body_id, province_id in RoleAssignment.objects.filter(user=user).values_list(
        "role", "body_id", "body__province_id"
    ):
        access.bodies_by_role[role].add(body_id)
        for perm in role_permissions().get(role, ()):
            access.provinces_by_perm[perm].add(province_id)
    user._dancu_access = access
    return access
