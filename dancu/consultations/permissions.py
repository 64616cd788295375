"""Permissions of the consultations module: names, the role matrix and the object rules.

Importable without the app registry (the manifest reads ROLE_PERMISSIONS early).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dancu.accounts.roles import Role

if TYPE_CHECKING:
    from dancu.core.access import Access

VIEW = "consultations.view"  # drafts, outlines, comments, synthesis, figures of the province
MANAGE = "consultations.manage"  # drafts, versions, plan, comments recorded, positions, dispatch
MODERATE = "consultations.moderate"  # voters' comments from the public page
RESPOND = "consultations.respond"  # a recipient body's own users comment on what it was asked

ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {VIEW, MANAGE, MODERATE},
    Role.SPECIALIST: {VIEW, MANAGE, MODERATE},
    Role.LEADER: {VIEW},
    Role.DELEGATE: {VIEW},
    Role.VIEWER: {VIEW},
    Role.AGENCY_RESPONDER: {RESPOND},
}


def responder_bodies(access: Access) -> set[int]:
    """The bodies whose comments this user gives (where they hold the responder role)."""
    return access.bodies_with_role(Role.AGENCY_RESPONDER)


def can_respond(access: Access, recipient: Any) -> bool:
    """A recipient's own users comment for it, in its province, while the draft collects."""
    return (
        access.has(RESPOND, recipient.draft.province_id)
        and recipient.body_id in responder_bodies(access)
        and recipient.draft.status == "collecting"
    )


def can_manage(access: Access, draft: Any) -> bool:
    return access.has(MANAGE, draft.province_id)


def can_change_content(access: Access, draft: Any) -> bool:
    """Versions, plan and comments change while the synthesis is not sent."""
    return access.has(MANAGE, draft.province_id) and draft.status != "sent"
