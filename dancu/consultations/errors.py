"""Error codes of the consultations module (the API returns them; tests match them)."""

from enum import StrEnum


class ConsultationError(StrEnum):
    DRAFT_NOT_FOUND = "consultation_draft_not_found"
    VERSION_NOT_FOUND = "consultation_version_not_found"
    RECIPIENT_NOT_FOUND = "consultation_recipient_not_found"
    CONFERENCE_NOT_FOUND = "consultation_conference_not_found"
    COMMENT_NOT_FOUND = "consultation_comment_not_found"
    BAD_FILE = "consultation_bad_file"
    NO_STRUCTURE = "consultation_no_structure"
    BAD_PROVISION = "consultation_bad_provision"
    BODY_ELSEWHERE = "consultation_body_elsewhere"
    RECIPIENT_EXISTS = "consultation_recipient_exists"
    DUE_BEFORE_REQUEST = "consultation_due_before_request"
    NOT_COLLECTING = "consultation_not_collecting"
    LOCKED = "consultation_locked"
    NOT_ONLINE = "consultation_not_online"
    EMPTY = "consultation_empty"
    TOO_MANY = "consultation_too_many"
    NO_VERSION = "consultation_no_version"
    NO_POSITION = "consultation_no_position"
    NO_RECIPIENTS = "consultation_no_recipients"
    HAS_COMMENTS = "consultation_has_comments"
