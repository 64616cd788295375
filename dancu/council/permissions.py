"""Permissions of the council module: their names, the role matrix, and the object rules.

The object rules take `(access, obj)` and answer for one record: views and templates use them
to show only what a user may do now, services use them (through `require`) to enforce.
Importable without the app registry (the manifest reads ROLE_PERMISSIONS early): no model is
imported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.errors import PermissionDenied

from .errors import CouncilError

if TYPE_CHECKING:
    from dancu.core.access import Access


class CouncilPerm:
    VIEW = "council.view"  # sessions, submissions, votes, resolutions, questions of the province
    MANAGE = "council.manage"  # prepare sessions, record attendance, votes, questions, meetings
    ADOPT = "council.adopt"  # adopt (number) and publish resolutions, announce confidence votes
    FOLLOW_UP = "council.follow_up"  # report follow-up of resolutions (an agency: those it implements)
    RESOLUTIONS = "council.resolutions"  # the resolution pages (an agency: those it implements)
    # The paperless session (issue 16): the chair's secretary runs the hall (check-in for
    # others, the speakers' queue, electronic votes); a delegate takes part for themselves.
    CONDUCT = "council.conduct"
    TAKE_PART = "council.take_part"
    # A new term (issue 16, item 6): import the elected, set up the bodies, carry open items
    # over; and the corrections of a closed session (with a reason). The Office administrator.
    TERM = "council.term"
    CORRECT = "council.correct"


ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {
        CouncilPerm.VIEW,
        CouncilPerm.RESOLUTIONS,
        CouncilPerm.MANAGE,
        CouncilPerm.ADOPT,
        CouncilPerm.FOLLOW_UP,
        CouncilPerm.CONDUCT,
        CouncilPerm.TERM,
        CouncilPerm.CORRECT,
    },
    Role.SPECIALIST: {
        CouncilPerm.VIEW,
        CouncilPerm.RESOLUTIONS,
        CouncilPerm.MANAGE,
        CouncilPerm.FOLLOW_UP,
        CouncilPerm.CONDUCT,
    },
    Role.LEADER: {CouncilPerm.VIEW, CouncilPerm.RESOLUTIONS, CouncilPerm.ADOPT},
    Role.DELEGATE: {CouncilPerm.VIEW, CouncilPerm.RESOLUTIONS, CouncilPerm.TAKE_PART},
    Role.VIEWER: {CouncilPerm.VIEW, CouncilPerm.RESOLUTIONS},
    Role.AGENCY_RESPONDER: {CouncilPerm.FOLLOW_UP, CouncilPerm.RESOLUTIONS},
}


# -- object rules: (access, obj) -> bool; obj is any council record with `province_id` ---------


def can_manage(access: Access, obj: Any) -> bool:
    """Prepare and record the work of the record's council (sessions, votes, questions...)."""
    return access.has(CouncilPerm.MANAGE, obj.province_id)


def can_adopt(access: Access, obj: Any) -> bool:
    """Adopt and publish resolutions, announce confidence results, in the record's province."""
    return access.has(CouncilPerm.ADOPT, obj.province_id)


def is_own_agency(access: Access, body_id: int | None) -> bool:
    """The body is one where the user answers for an agency."""
    return body_id is not None and body_id in access.bodies_with_role(Role.AGENCY_RESPONDER)


def implements_resolution(access: Access, resolution: Any) -> bool:
    """The user answers for the agency that implements the resolution."""
    return is_own_agency(access, resolution.implementing_agency_id)


def can_follow_up(access: Access, resolution: Any) -> bool:
    """Report on implementing a resolution: the Office (follow-up and management rights), or a
    responder of the implementing agency; only once an agency is assigned."""
    if resolution.implementing_agency_id is None or not access.has(
        CouncilPerm.FOLLOW_UP, resolution.province_id
    ):
        return False
    return can_manage(access, resolution) or implements_resolution(access, resolution)


def can_set_up_term(access: Access, obj: Any) -> bool:
    """Import the elected, set up a new term's bodies and carry open items over (the Office
    administrator of the record's province)."""
    return access.has(CouncilPerm.TERM, obj.province_id)


def can_correct(access: Access, obj: Any) -> bool:
    """Correct a closed session, its agenda and submissions, giving a reason."""
    return access.has(CouncilPerm.CORRECT, obj.province_id)


def can_conduct(access: Access, obj: Any) -> bool:
    """Run the hall of the record's session: open and close votes, order the speakers, mark
    delegates present (the chair's secretary)."""
    return access.has(CouncilPerm.CONDUCT, obj.province_id)


def can_take_part(access: Access, obj: Any) -> bool:
    """Check in, register to speak, vote and keep notes for oneself (a delegate, whose account
    is linked to their person in the directory; that they sit at the session is checked by
    the service)."""
    return access.has(CouncilPerm.TAKE_PART, obj.province_id)


def person_of(access: Access) -> int | None:
    """The directory person of the access's account (a delegate's own records)."""
    from dancu.accounts.models import User

    if access.user_id is None:
        return None
    return User.objects.filter(pk=access.user_id).values_list("person_id", flat=True).first()


def is_own_request(access: Access, request: Any) -> bool:
    person_id = person_of(access)
    return person_id is not None and request.delegate_id == person_id


def require(allowed: bool) -> None:
    """Enforce an object rule: a refusal is always PermissionDenied."""
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."), code=CouncilError.NOT_ALLOWED)
