"""Error codes of the petitions module: the `code` of every ApplicationError its services and
selectors raise (the API returns it; the pages show the Vietnamese message)."""

from __future__ import annotations

from enum import StrEnum


class PetitionError(StrEnum):
    # Permission refusals (always PermissionDenied).
    FORBIDDEN = "petitions.forbidden"
    NOT_OWN_AGENCY = "petitions.not_own_agency"
    # Look-ups (NotFound): the record does not exist or the user may not see it.
    ROUND_NOT_FOUND = "petitions.round_not_found"
    MEETING_NOT_FOUND = "petitions.meeting_not_found"
    PETITION_NOT_FOUND = "petitions.petition_not_found"
    BATCH_NOT_FOUND = "petitions.batch_not_found"
    ANSWER_NOT_FOUND = "petitions.answer_not_found"
    IMPORT_NOT_FOUND = "petitions.import_not_found"
    FILE_NOT_FOUND = "petitions.file_not_found"
    # Rounds and meetings.
    ROUND_INCOMPLETE = "petitions.round_incomplete"
    ROUND_CODE_TAKEN = "petitions.round_code_taken"
    MEETING_INVALID = "petitions.meeting_invalid"
    # Opinions and consolidation.
    OPINION_INVALID = "petitions.opinion_invalid"
    WORDING_EMPTY = "petitions.wording_empty"
    WRONG_ROUND = "petitions.wrong_round"
    WRONG_PROVINCE = "petitions.wrong_province"
    NOT_EDITABLE = "petitions.not_editable"
    CLOSED = "petitions.closed"
    CHOOSE_PETITIONS = "petitions.choose_petitions"
    CHOOSE_OPINIONS = "petitions.choose_opinions"
    CHOOSE_TARGET = "petitions.choose_target"
    UNKNOWN_ACTION = "petitions.unknown_action"
    CLASSIFICATION_INVALID = "petitions.classification_invalid"
    # Forwarding and answers.
    NO_RULE = "petitions.no_rule"
    BATCH_INVALID = "petitions.batch_invalid"
    NOT_FORWARDABLE = "petitions.not_forwardable"
    ANSWER_INVALID = "petitions.answer_invalid"
    ALREADY_REVIEWED = "petitions.already_reviewed"
    REASON_MISSING = "petitions.reason_missing"
    # Files and filters.
    FILTER_INVALID = "petitions.filter_invalid"
