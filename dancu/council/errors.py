"""The error codes of the council module: the `code=` of every ApplicationError its services and
selectors raise (the API returns it; tests assert it). Messages are Vietnamese through gettext;
`details={"field": ...}` names the form field a message belongs next to (core.forms.submit)."""

from __future__ import annotations

from enum import StrEnum


class CouncilError(StrEnum):
    NOT_FOUND = "not_found"
    NOT_ALLOWED = "permission_denied"  # a refusal (PermissionDenied), as core.workflow says it
    REQUIRED = "required"  # a required text is empty
    INVALID_BODY = "invalid_body"  # a body of another province, or of the wrong kind
    INVALID_DATES = "invalid_dates"
    UNKNOWN_CHOICE = "unknown_choice"  # a kind, mode or denominator outside its choices
    NO_RULE = "no_rule"  # no council rule in force on the date
    OUT_OF_RANGE = "out_of_range"  # a number or year of a query outside its bounds
    # sessions
    DUPLICATE_NUMBER = "duplicate_number"
    NO_DELEGATES = "no_delegates"
    SESSION_CLOSED = "session_closed"
    SESSION_NOT_IN_PROGRESS = "session_not_in_progress"
    NOT_DELETABLE = "not_deletable"  # a record the law keeps (voted on, held, with questions...)
    VOTED = "voted"  # a submission voted on is no longer changed
    NOT_A_DELEGATE = "not_a_delegate"
    # votes and resolutions
    NOT_A_DRAFT = "not_a_draft"
    INVALID_TALLY = "invalid_tally"
    NOT_PASSED = "not_passed"
    ALREADY_ADOPTED = "already_adopted"
    ALREADY_PASSED = "already_passed"  # passed, awaiting adoption: not voted on again
    NO_AGENCY = "no_agency"
    NOT_AGENCY = "not_agency"
    # confidence votes
    REASON_REQUIRED = "reason_required"
    DUPLICATE_SUBJECT = "duplicate_subject"
    COUNT_CLOSED = "count_closed"
    EXEMPT = "exempt"
    MINUTES_INCOMPLETE = "minutes_incomplete"  # ballots or the counting board's head missing
    # questioning and the Standing Committee
    WRONG_SESSION = "wrong_session"
    LATER_SESSION_REQUIRED = "later_session_required"
    # what other modules ask for (providers.py)
    INVALID_SOURCE = "invalid_source"
    NO_SESSION_IN_PREPARATION = "no_session_in_preparation"
    # the paperless hall (hall.py)
    VOTE_OPEN = "vote_open"  # another vote of the session is open
    VOTE_CLOSED = "vote_closed"  # closed, or its time is over
    INVALID_KEY = "invalid_key"  # a ballot request without a valid idempotency key
    NOT_PRESENT = "not_present"  # a delegate who has not checked in
    NOT_WAITING = "not_waiting"
    # editing a sitting or closed session, and a new term (helper "term")
    LOCKED_WHILE_SITTING = "locked_while_sitting"  # a field that may not change once the session sits
    CORRECTION_ONLY = "correction_only"  # a closed session: corrections by an administrator, with a reason
    WITHDRAWN = "withdrawn"  # an agenda item or submission already withdrawn
    FIRST_SESSION_LATE = "first_session_late"  # the first session of a term beyond the legal days
    BAD_ROWS = "bad_rows"  # the list of the elected has rows in error
    TERM_EXISTS = "term_exists"
    ALREADY_CONFIRMED = "already_confirmed"
    NOT_CONFIRMED = "not_confirmed"
