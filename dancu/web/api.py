"""The JSON API under /api/v1: authentication, the error format, and every module's router
(from its manifest)."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.security import APIKeyCookie, HttpBearer

from dancu.accounts.services import api_token_authenticate
from dancu.core.api_base import install_error_handlers
from dancu.core.modules import manifests, resolve


class SessionAuth(APIKeyCookie):
    """The browser's session cookie, with Django's CSRF check on unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


class TokenAuth(HttpBearer):
    """`Authorization: Bearer dc_...`, a per-user token stored hashed."""

    def authenticate(self, request, token):
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Dân cử API",
        version="1",
        description="API of Dân cử. Authenticate with the browser session or `Authorization: Bearer <token>`.",
        auth=[TokenAuth(), SessionAuth()],
        urls_namespace="api",
    )
    install_error_handlers(api)
    for manifest in manifests():
        if manifest.api_router:
            api.add_router(manifest.api_prefix or "/", resolve(manifest.api_router))
    return api
