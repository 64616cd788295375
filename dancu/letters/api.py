import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from dancu.core.access import get_access
from dancu.core.api_base import ErrorOut, Page
from dancu.core.errors import PermissionDenied

from . import selectors
from .errors import LetterError
from .permissions import can_open_register, is_sealed

router = Router(tags=["letters"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class LetterOut(Schema):
    """A letter as anyone allowed to see it sees it: never sealed data; `redacted_name` (the
    initials) only for a writer whose identity is not sealed, empty when `identity_sealed`."""

    id: int
    number: str
    received_date: datetime.date
    receiving_body_id: int
    channel: str
    kind: str
    field: str
    subject: str
    redacted_name: str
    identity_sealed: bool
    is_anonymous: bool
    status: str
    due_date: datetime.date | None
    forwarded_to_id: int | None
    forwarded_on: datetime.date | None
    result: str
    sent_to_several: bool
    duplicate_of_id: int | None

    @staticmethod
    def resolve_redacted_name(obj: Any) -> str:
        return "" if is_sealed(obj) else obj.redacted_name

    @staticmethod
    def resolve_identity_sealed(obj: Any) -> bool:
        return is_sealed(obj)


class LetterDetailOut(LetterOut):
    content: str
    target: str
    deadlines: dict[str, str]


class LetterFilter(Schema):
    q: str = Field("", max_length=200)
    kind: str = Field("", max_length=20)
    status: str = Field("", max_length=20)


def _user(request: HttpRequest) -> Any:
    """The user of a request: the token's owner (API token) or the signed-in user."""
    return getattr(request, "auth", None) or request.user


def _require(request: HttpRequest) -> None:
    if not can_open_register(get_access(_user(request))):
        raise PermissionDenied(_("You do not have permission to do this."), code=LetterError.FORBIDDEN)


@router.get("/letters", response={200: list[LetterOut], **ERRORS}, summary="Letters in the user's scope")
@paginate(Page)
def list_letters(request: HttpRequest, filters: Query[LetterFilter]):
    _require(request)
    return selectors.letters_register(
        _user(request), query=filters.q, kind=filters.kind, status=filters.status
    )


@router.get("/letters/{letter_id}", response={200: LetterDetailOut, **ERRORS}, summary="One letter")
def get_letter(request: HttpRequest, letter_id: int):
    _require(request)
    return selectors.letter_get(_user(request), letter_id)
