"""Reads about accounts, scoped to the provinces an administrator manages."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from dancu.directory.models import Body

from .access import get_access
from .models import RoleAssignment, User
from .roles import Perm


def managed_bodies(actor) -> QuerySet[Body]:
    provinces = get_access(actor).provinces_with(Perm.ACCOUNTS_MANAGE)
    qs = Body.objects.select_related("province").order_by("province__name", "kind", "name")
    if isinstance(provinces, set):
        qs = qs.filter(province_id__in=list(provinces))
    return qs if provinces else qs.none()


def managed_users(actor, *, query: str = "") -> QuerySet[User]:
    """Users holding a role in a body the actor manages, with those roles."""
    bodies = managed_bodies(actor)
    roles = RoleAssignment.objects.filter(body__in=bodies).select_related("body")
    qs = (
        User.objects.filter(roles__body__in=bodies)
        .distinct()
        .prefetch_related(Prefetch("roles", queryset=roles, to_attr="managed_roles"))
        .order_by("username")
    )
    if query:
        qs = qs.filter(Q(username__icontains=query) | Q(full_name__icontains=query))
    return qs
