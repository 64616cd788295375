"""Builds a user's `core.access.Access` from the roles they hold (settings.DANCU_ACCESS_LOADER)."""

from __future__ import annotations

from typing import Any

from dancu.core.access import Access

from .models import RoleAssignment
from .roles import role_permissions


def load_access(user: Any) -> Access:
    access = Access(user_id=user.pk, is_national_admin=user.is_national_admin)
    for role, body_id, province_id in RoleAssignment.objects.filter(user=user).values_list(
        "role", "body_id", "body__province_id"
    ):
        access.bodies_by_role[role].add(body_id)
        access.body_ids.add(body_id)
        for perm in role_permissions().get(role, ()):
            access.provinces_by_perm[perm].add(province_id)
    return access
