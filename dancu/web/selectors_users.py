"""Reads about accounts, scoped to the provinces an administrator manages."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from dancu.accounts.models import RoleAssignment, User
from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.directory.models import Body


def managed_bodies(actor) -> QuerySet[Body]:
    qs = Body.objects.select_related("province").order_by("province__sort_key", "kind", "sort_key")
    return get_access(actor).scope(qs, Perm.ACCOUNTS_MANAGE)


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
