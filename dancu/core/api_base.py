"""The pieces every module's API shares: errors, pagination, the permission check
(authentication is the shell's: `dancu.web.api`).

One error format for every failure: {"error": {"code": "...", "message": "...", "details": ...}}.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
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


class Page(LimitOffsetPagination):
    class Input(LimitOffsetPagination.Input):
        pass


def error_response(api: NinjaAPI, request, status: int, code: str, message: str, details: Any = None):
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return api.create_response(request, {"error": body}, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        return error_response(api, request, exc.http_status, exc.code, exc.message or _("Not found."), exc.details)

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

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return error_response(api, request, exc.status_code, "http_error", str(exc))


def require(request, perm: str) -> None:
    get_access(request.auth if getattr(request, "auth", None) else request.user).require(perm)
