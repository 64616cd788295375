"""What a user may see and do, computed once per request from the roles they hold.

Scope is the province of the body in which a role is held; a national administrator's scope
is every province. Every scoped read goes through `Access.scope`; services check `require`
(or a module's object rule in its `permissions.py`).

Core knows nothing of where roles are stored: `settings.DANCU_ACCESS_LOADER` names the
function (in accounts) that builds an `Access` for a user.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

from .errors import PermissionDenied

M = TypeVar("M", bound=Model)


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
    # ids of bodies where the user holds any role
    body_ids: set[int] = field(default_factory=set)

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

    def province_ids(self, perm: str) -> list[int] | None:
        """The ids of the provinces where the user has `perm`, sorted; None means every one."""
        provinces = self.provinces_with(perm)
        return None if isinstance(provinces, _All) else sorted(provinces)

    def province_filter(self, perm: str, field: str = "province") -> Q | None:
        """The Q restricting `field` (a province FK) to where the user has `perm`:
        None means every province, and an impossible Q nothing."""
        provinces = self.provinces_with(perm)
        if isinstance(provinces, _All):
            return None
        if not provinces:
            return Q(pk__in=[])
        return Q(**{f"{field}__in": sorted(provinces)})

    def scope(self, queryset: QuerySet[M], perm: str, field: str = "province") -> QuerySet[M]:
        """Only the rows of `queryset` in the provinces where the user has `perm`."""
        condition = self.province_filter(perm, field)
        if condition is None:
            return queryset
        if not self.provinces_with(perm):
            return queryset.none()
        return queryset.filter(condition)


ANONYMOUS = Access(user_id=None)


def get_access(user: Any) -> Access:
    """The user's access, cached on the user object for the rest of the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_dancu_access", None)
    if cached is not None:
        return cached
    from django.conf import settings
    from django.utils.module_loading import import_string

    access = import_string(settings.DANCU_ACCESS_LOADER)(user)
    user._dancu_access = access
    return access
