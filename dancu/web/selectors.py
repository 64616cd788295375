"""Reads of the shell, scoped to the user."""

from __future__ import annotations

from django.db.models import QuerySet

from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.models import AuditEntry
from dancu.directory.models import AdministrativeUnit


def audit_entries_visible(user, *, action: str = "", target_type: str = "") -> QuerySet[AuditEntry]:
    """Audit entries of the provinces where the user may read the audit log."""
    access = get_access(user)
    qs = AuditEntry.objects.all()
    condition = access.province_filter(Perm.AUDIT_VIEW, "pk")
    if condition is not None:
        codes = list(AdministrativeUnit.objects.filter(condition).values_list("code", flat=True))
        qs = qs.filter(province_code__in=codes)
    if action:
        qs = qs.filter(action__startswith=action)
    if target_type:
        qs = qs.filter(target_type=target_type)
    return qs.order_by("-id")
