"""Reads of core data, scoped to the user."""

from __future__ import annotations

from django.db.models import QuerySet

from dancu.accounts.access import get_access
from dancu.accounts.roles import Perm

from .models import AuditEntry


def audit_entries_visible(user, *, action: str = "", target_type: str = "") -> QuerySet[AuditEntry]:
    """Audit entries of the provinces where the user may read the audit log."""
    access = get_access(user)
    provinces = access.provinces_with(Perm.AUDIT_VIEW)
    qs = AuditEntry.objects.all()
    if isinstance(provinces, set):
        if not provinces:
            return qs.none()
        from dancu.directory.models import AdministrativeUnit

        codes = list(AdministrativeUnit.objects.filter(pk__in=list(provinces)).values_list("code", flat=True))
        qs = qs.filter(province_code__in=codes)
    if action:
        qs = qs.filter(action__startswith=action)
    if target_type:
        qs = qs.filter(target_type=target_type)
    return qs.order_by("-id")
