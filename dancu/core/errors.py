"""Typed application errors.

Services raise these; views turn them into a Vietnamese message and the API into a 4xx with
the code. A bad input must never become a 500 nor leave half-written data.
"""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    code = "application_error"
    http_status = 400

    def __init__(self, message: str, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.message = str(message)
        if code:
            self.code = code
        self.details = details

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            data["details"] = self.details
        return data


class ValidationFailed(ApplicationError):
    code = "validation_failed"
    http_status = 422


class PermissionDenied(ApplicationError):
    code = "permission_denied"
    http_status = 403


class NotFound(ApplicationError):
    code = "not_found"
    http_status = 404


class Conflict(ApplicationError):
    code = "conflict"
    http_status = 409
