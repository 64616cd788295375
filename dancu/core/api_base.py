"""The pieces every module's API shares: errors, pagination, the permission check
(authentication is the shell's: `dancu.web.api`).

One error format for every failure: {"error": {"code": "...", "message": "...", "details": ...}}.
"""

from __future__ import annotations

from typing import Any

from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination

from .access import get_access
from .errors import ApplicationError


class ErrorBody(Schema):
    code: str
    message: str
    details: Any = None


class ErrorOut(Schema):
    error: ErrorBody


# Page size of every API list: a client asking for more gets 422, not a 100,000-row answer.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_OFFSET = 10**7  # far beyond any real list; a larger one is bad input, not a database error


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)


def error_response(api: NinjaAPI, request, status: int, code: str, message: str, details: Any = None):
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return api.create_response(request, {"error": body}, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        return error_response(
            api, request, exc.http_status, exc.code, exc.message or _("Not found."), exc.details
        )

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        details = [
            {"loc": [str(p) for p in e.get("loc", [])], "message": str(e.get("msg", ""))} for e in exc.errors
        ]
        return error_response(api, request, 422, "invalid_input", _("The request is not valid."), details)

    @api.exception_handler(AuthenticationError)
    def auth_error(request, exc):
        return error_response(api, request, 401, "not_authenticated", _("Sign in or send a valid API token."))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return error_response(api, request, 404, "not_found", _("Not found."))

    @api.exception_handler(OverflowError)
    def overflow(request, exc):
        return error_response(
            api, request, 422, "out_of_range", _("A number in the request is out of range.")
        )

    @api.exception_handler(DataError)
    def data_error(request, exc):
        return error_response(api, request, 422, "out_of_range", _("A value in the request is out of range."))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return error_response(api, request, exc.status_code, "http_error", str(exc))


def require(request, perm: str) -> None:
    get_access(request.auth if getattr(request, "auth", None) else request.user).require(perm)
