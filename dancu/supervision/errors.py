"""The error codes of the supervision module: the `code=` of every ApplicationError its services
and selectors raise (the API returns it; tests assert it)."""

from __future__ import annotations

from enum import StrEnum


class SupervisionError(StrEnum):
    NOT_FOUND = "not_found"
    NOT_ALLOWED = "permission_denied"
    REQUIRED = "required"
    INVALID_BODY = "invalid_body"  # a body of another province, or of the wrong kind
    INVALID_UNIT = "invalid_unit"  # a place outside the province
    INVALID_DATES = "invalid_dates"
    UNKNOWN_CHOICE = "unknown_choice"
    NO_RULE = "no_rule"
    OUT_OF_RANGE = "out_of_range"
    DUPLICATE_PROGRAMME = "duplicate_programme"  # one programme per body and year
    PROGRAMME_ADOPTED = "programme_adopted"  # an adopted programme is changed only by coordination
    NOT_DELETABLE = "not_deletable"
    NOT_AN_OVERLAP = "not_an_overlap"
    ALREADY_RESOLVED = "already_resolved"
    REASON_REQUIRED = "reason_required"
    ACTIVITY_CLOSED = "activity_closed"
    OPEN_RECOMMENDATIONS = "open_recommendations"
    NOT_AGENCY = "not_agency"
    NOT_ANSWERED = "not_answered"
    ESCALATION_ORDER = "escalation_order"
    DOCUMENT_FINAL = "document_final"  # a final results report is locked; back to draft first
    DOCUMENT_DRAFT = "document_draft"  # a draft is not published
