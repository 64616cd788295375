"""Error codes of the letters module: the `code` of every ApplicationError it raises (the API
returns it; tests and clients match on it, never on the Vietnamese message)."""

from enum import StrEnum


class LetterError(StrEnum):
    # Not found (NotFound)
    LETTER_NOT_FOUND = "letter_not_found"
    RECEPTION_DAY_NOT_FOUND = "reception_day_not_found"
    VISIT_NOT_FOUND = "visit_not_found"
    IMPORT_NOT_FOUND = "import_not_found"
    RECEIPT_NOT_FOUND = "receipt_not_found"
    NO_RULE_SET = "no_rule_set"
    UNKNOWN_ACTION = "unknown_action"
    UNKNOWN_DOCUMENT = "unknown_document"
    ATTACHMENT_NOT_FOUND = "attachment_not_found"
    # Refusals (PermissionDenied)
    FORBIDDEN = "letters_forbidden"
    REVEAL_FORBIDDEN = "reveal_forbidden"
    IMPORT_FORBIDDEN = "import_forbidden"
    ATTACHMENT_FORBIDDEN = "attachment_forbidden"
    # Input (ValidationFailed)
    NOT_A_RECEIVING_BODY = "not_a_receiving_body"
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_CHANNEL = "unknown_channel"
    SUBJECT_REQUIRED = "subject_required"
    CONTENT_REQUIRED = "content_required"
    FUTURE_DATE = "future_date"
    SIGNERS = "signers"
    REPRESENTATIVES = "representatives"
    TOO_MANY_ATTACHMENTS = "too_many_attachments"
    ATTACHMENT_TOO_LARGE = "attachment_too_large"
    ATTACHMENT_TYPE = "attachment_type"
    IDENTITY_REQUIRED = "identity_required"
    SPLIT_KINDS = "split_kinds"
    REVEAL_REASON = "reveal_reason"
    CANNOT_LINK = "cannot_link"
    NOT_A_DENUNCIATION = "not_a_denunciation"
    TOO_MANY_EXTENSIONS = "too_many_extensions"
    FORWARD_BODY = "forward_body"
    RESULT_REQUIRED = "result_required"
    VISIT_BEFORE_DAY = "visit_before_day"
    CITIZENS_REQUIRED = "citizens_required"
    CITIZEN_COUNT = "citizen_count"
    DELEGATES_PROVINCE = "delegates_province"
    NOTHING_SELECTED = "nothing_selected"
    IMPORT_ROW = "import_row"
    YEAR_OUT_OF_RANGE = "year_out_of_range"
    CHALLENGE_FAILED = "challenge_failed"
    # State (Conflict)
    ALREADY_FORWARDED = "already_forwarded"
    NOT_FORWARDED = "not_forwarded"
    VISIT_HAS_LETTER = "visit_has_letter"
