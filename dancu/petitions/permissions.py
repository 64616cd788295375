"""Who may do what with voter meetings and petitions (merged into the project matrix), and the
object rules pages use to show only the buttons a user may press and services use to enforce.

Importable without the app registry (celery reads the manifest early): models are imported for
typing only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.errors import PermissionDenied

from .errors import PetitionError

if TYPE_CHECKING:
    from dancu.core.access import Access

    from .models import Answer, ForwardingBatch, Petition

VIEW = "petitions.view"  # meetings, petitions, reports of the province
CHANGE = "petitions.change"  # plan meetings, record opinions, consolidate, classify
FORWARD = "petitions.forward"  # forwarding batches, review of answers
ANSWER = "petitions.answer"  # an agency's own users answer what was forwarded to it
VIEW_VOTERS = "petitions.view_voters"  # who raised an opinion (personal data)

ROLE_PERMISSIONS = {
    Role.OFFICE_ADMIN: {VIEW, CHANGE, FORWARD, VIEW_VOTERS},
    Role.SPECIALIST: {VIEW, CHANGE, FORWARD, VIEW_VOTERS},
    Role.LEADER: {VIEW, FORWARD},
    Role.DELEGATE: {VIEW},
    Role.VIEWER: {VIEW},
    Role.AGENCY_RESPONDER: {ANSWER},
}


# -- Object rules: (access, obj) -> bool ------------------------------------------------------


def can_change(access: Access, obj: Any) -> bool:
    """Plan, record, consolidate and classify in the province of `obj` (a round, meeting,
    petition: anything with a `province_id`)."""
    return access.has(CHANGE, obj.province_id)


def can_forward(access: Access, obj: Any) -> bool:
    """Forward, review answers and publish in the province of `obj`."""
    return access.has(FORWARD, obj.province_id)


def can_see_voters(access: Access, obj: Any) -> bool:
    """Who raised an opinion (personal data) in the province of `obj`."""
    return access.has(VIEW_VOTERS, obj.province_id)


def is_own_agency(access: Access, body_id: int | None) -> bool:
    """The body is one where the user answers for an agency."""
    return body_id is not None and body_id in access.bodies_with_role(Role.AGENCY_RESPONDER)


def can_answer_batch(access: Access, batch: ForwardingBatch) -> bool:
    """Only the agency a batch was forwarded to answers it, in the batch's province."""
    return access.has(ANSWER, batch.province_id) and is_own_agency(access, batch.agency_id)


def can_answer(access: Access, petition: Petition) -> bool:
    """The petition was forwarded to one of the user's own agencies (the workflow's rule for
    "answer"; uses `petition.batches` as prefetched when it is)."""
    return any(is_own_agency(access, b.agency_id) for b in petition.batches.all())


def can_review(access: Access, answer: Answer) -> bool:
    """The office reviews an answer once, in the petition's province."""
    return answer.accepted is None and can_forward(access, answer.petition)


def can_download_answer_file(access: Access, answer: Answer) -> bool:
    """An answer's attachment: the Office roles of the petition's province (those who review
    answers) and the agency that answered (the batch's agency). Delegates and viewers read the
    answer's text only; the public gets the file of a published answer through its own view."""
    batch = answer.batch
    return access.has(FORWARD, answer.petition.province_id) or (
        access.has(ANSWER, batch.province_id) and is_own_agency(access, batch.agency_id)
    )


def require(access: Access, perm: str, province_id: int | None = None) -> None:
    """PermissionDenied (with the module's code) unless the user has `perm` there."""
    if not access.has(perm, province_id):
        raise PermissionDenied(_("You do not have permission to do this."), code=PetitionError.FORBIDDEN)
