"""Roles and what each may do: the permission matrix as data (docs/permissions.md shows it).

A role is held in a body; the body's province is the scope. The national administrator is a
flag on the user and may do everything everywhere.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", _("Office administrator")
    SPECIALIST = "specialist", _("Specialist")
    LEADER = "leader", _("Leader")
    DELEGATE = "delegate", _("Delegate")
    AGENCY_RESPONDER = "agency_responder", _("Agency responder")
    VIEWER = "viewer", _("Viewer")


class Perm:
    DIRECTORY_VIEW = "directory.view"
    DIRECTORY_VIEW_CONTACT = "directory.view_contact"  # phone, e-mail, birth date of people
    DIRECTORY_CHANGE = "directory.change"
    DIRECTORY_IMPORT = "directory.import"
    AUDIT_VIEW = "audit.view"
    ACCOUNTS_MANAGE = "accounts.manage"
    CALENDAR_CHANGE = "calendar.change"


OFFICE_STAFF = {Role.OFFICE_ADMIN, Role.SPECIALIST, Role.LEADER}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.OFFICE_ADMIN: frozenset(
        {
            Perm.DIRECTORY_VIEW,
            Perm.DIRECTORY_VIEW_CONTACT,
            Perm.DIRECTORY_CHANGE,
            Perm.DIRECTORY_IMPORT,
            Perm.AUDIT_VIEW,
            Perm.ACCOUNTS_MANAGE,
            Perm.CALENDAR_CHANGE,
        }
    ),
    Role.SPECIALIST: frozenset({Perm.DIRECTORY_VIEW, Perm.DIRECTORY_VIEW_CONTACT}),
    Role.LEADER: frozenset({Perm.DIRECTORY_VIEW, Perm.DIRECTORY_VIEW_CONTACT, Perm.AUDIT_VIEW}),
    Role.DELEGATE: frozenset({Perm.DIRECTORY_VIEW}),
    # An agency sees the public directory of its province, and (in later modules) only the
    # items forwarded to it.
    Role.AGENCY_RESPONDER: frozenset({Perm.DIRECTORY_VIEW}),
    Role.VIEWER: frozenset({Perm.DIRECTORY_VIEW}),
}

_merged: dict[str, frozenset[str]] | None = None


def role_permissions() -> dict[str, frozenset[str]]:
    """The whole matrix: every module's `role_permissions` (this app's own included), merged
    once, on first use."""
    global _merged
    if _merged is None:
        from dancu.core.modules import manifests

        merged: dict[str, set[str]] = {}
        for manifest in manifests():
            for role, perms in manifest.role_permissions.items():
                merged.setdefault(role, set()).update(perms)
        _merged = {role: frozenset(perms) for role, perms in merged.items()}
    return _merged


# Roles for which a second factor is offered at login (and may be required by the Office).
ROLES_WITH_TOTP = {Role.OFFICE_ADMIN, Role.LEADER}
