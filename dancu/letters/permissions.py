"""Who may do what with letters: the permission names, the role matrix, and the object rules.

The rules are functions of (access, object): pages use them (with `workflow.FLOW.available`)
to show only the buttons a user may press now, services use them to enforce. This module is
read before the app registry is ready (the manifest): it imports no model at module level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.errors import PermissionDenied

from .errors import LetterError

if TYPE_CHECKING:
    from dancu.core.access import Access

    from .models import Letter


class LetterPerm:
    VIEW = "letters.view"  # the register of the province (identities sealed/redacted)
    HANDLE = "letters.handle"  # intake, actions, duplicates
    REVEAL = "letters.reveal_identity"  # see a denouncer's sealed identity (audited)
    APPROVE_DESTRUCTION = "letters.approve_destruction"
    IMPORT = "letters.import"
    RESPOND = "letters.respond"  # agency: letters forwarded to its body only


ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {
        LetterPerm.VIEW,
        LetterPerm.HANDLE,
        LetterPerm.REVEAL,
        LetterPerm.IMPORT,
        LetterPerm.APPROVE_DESTRUCTION,
    },
    Role.SPECIALIST: {LetterPerm.VIEW, LetterPerm.HANDLE, LetterPerm.IMPORT},
    Role.LEADER: {LetterPerm.VIEW, LetterPerm.REVEAL, LetterPerm.APPROVE_DESTRUCTION},
    Role.DELEGATE: {LetterPerm.VIEW},
    Role.VIEWER: {LetterPerm.VIEW},
    Role.AGENCY_RESPONDER: {LetterPerm.RESPOND},
}


def require(
    access: Access, perm: str, province_id: int | None = None, *, code: str = LetterError.FORBIDDEN
) -> None:
    """PermissionDenied unless `access` has `perm` (in `province_id`, or anywhere)."""
    if not access.has(perm, province_id):
        raise PermissionDenied(_("You do not have permission to do this."), code=code)


def agency_bodies(access: Access) -> set[int]:
    """The bodies whose forwarded letters the user answers (as their agency responder)."""
    if not access.has(LetterPerm.RESPOND):
        return set()
    return access.bodies_with_role(Role.AGENCY_RESPONDER)


def is_own_agency(access: Access, body_id: int | None) -> bool:
    """True when `body_id` is an agency the user answers for."""
    return body_id is not None and body_id in agency_bodies(access)


def can_open_register(access: Access) -> bool:
    """The register (and its export, its API): the Office of a province, or an agency."""
    return access.has(LetterPerm.VIEW) or bool(agency_bodies(access))


def can_view(access: Access, letter: Letter) -> bool:
    """The whole letter, as the Office of its province sees it."""
    return access.has(LetterPerm.VIEW, letter.province_id)


def can_answer(access: Access, letter: Letter) -> bool:
    """An agency answers (records the result of) only what was forwarded to its own body."""
    return is_own_agency(access, letter.forwarded_to_id)


def is_agency_view(access: Access, letter: Letter) -> bool:
    """True when the user sees `letter` only as the agency it was forwarded to."""
    return not can_view(access, letter)


def can_handle(access: Access, letter: Letter) -> bool:
    """Intake, actions, duplicates, documents of the letter's province."""
    return access.has(LetterPerm.HANDLE, letter.province_id)


def is_sealed(letter: Letter) -> bool:
    """The writer's identity is sealed: a denouncer's, and that of every item derived from a
    sealed letter (the seal follows the person, not the item's kind)."""
    from .models import LetterKind

    return bool(letter.identity_sealed) or letter.kind == LetterKind.DENUNCIATION


def can_reveal(access: Access, letter: Letter) -> bool:
    """A sealed identity: only designated handlers (REVEAL) unseal it. Writers of complaints,
    petitions and reports (not derived from a sealed letter) are known to the Office staff
    handling them."""
    if access.has(LetterPerm.REVEAL, letter.province_id):
        return True
    return not is_sealed(letter) and can_handle(access, letter)


def can_download_attachments(access: Access, letter: Letter) -> bool:
    """The letter's files (scans, signatures) carry the writer's identity: whoever may reveal
    it (and only they) may see their names and download them, audited."""
    return can_reveal(access, letter)


def can_urge(access: Access, letter: Letter) -> bool:
    """Urge the agency a letter was forwarded to (while it has not answered)."""
    from .workflow import Status

    return can_handle(access, letter) and letter.status == Status.FORWARDED


def can_extend(access: Access, letter: Letter) -> bool:
    """One more extension of a denunciation's resolution time."""
    from .models import LetterKind

    return can_handle(access, letter) and letter.kind == LetterKind.DENUNCIATION
