"""The JSON API under /api/v1: every module adds its router here."""

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI, Schema

from dancu.accounts.access import get_access
from dancu.core.api_base import ErrorOut, SessionAuth, TokenAuth, install_error_handlers
from dancu.council.api import router as council_router
from dancu.directory.api import router as directory_router
from dancu.letters.api import router as letters_router
from dancu.petitions.api import router as petitions_router

api = NinjaAPI(
    title="Dân cử API",
    version="1",
    description="API of Dân cử. Authenticate with the browser session or `Authorization: Bearer <token>`.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)
install_error_handlers(api)


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    is_national_admin: bool
    roles: list[str]


@api.get("/me", response={200: MeOut, 401: ErrorOut}, tags=["accounts"], summary="The signed-in user")
def me(request: HttpRequest):
    user: Any = request.user
    return {
        "id": user.pk,
        "username": user.username,
        "full_name": user.full_name,
        "is_national_admin": user.is_national_admin,
        "roles": sorted(get_access(user).roles()),
    }


api.add_router("/", directory_router)
api.add_router("/petitions", petitions_router)
api.add_router("/letters", letters_router)
api.add_router("/council", council_router)
