"""The error codes of the coordination module (the `code=` of every refusal it raises)."""

from __future__ import annotations

from enum import StrEnum


class CoordinationError(StrEnum):
    NOT_FOUND = "not_found"
    NOT_ALLOWED = "permission_denied"
    REQUIRED = "required"
    INVALID_BODY = "invalid_body"  # a body of another province, or of the wrong kind or level
    INVALID_DATES = "invalid_dates"
    UNKNOWN_AREA = "unknown_area"
    DUPLICATE = "duplicate"  # a regulation number, a review of the year, a report of the council
    NOT_A_PARTICIPANT = "not_a_participant"
    MEETING_CLOSED = "meeting_closed"  # concluded or cancelled: its reports and opinions stay
    NOT_DELETABLE = "not_deletable"
    NO_OWNER = "no_owner"
