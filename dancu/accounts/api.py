"""The signed-in user, for API clients."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from dancu.core.access import get_access
from dancu.core.api_base import ErrorOut

router = Router(tags=["accounts"])


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    is_national_admin: bool
    roles: list[str]


@router.get("/me", response={200: MeOut, 401: ErrorOut}, summary="The signed-in user")
def me(request: HttpRequest):
    user: Any = request.user
    return {
        "id": user.pk,
        "username": user.username,
        "full_name": user.full_name,
        "is_national_admin": user.is_national_admin,
        "roles": sorted(get_access(user).roles()),
    }
