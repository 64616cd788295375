"""Error codes of the directory (the `code` of every ApplicationError it raises)."""

from enum import StrEnum


class DirectoryError(StrEnum):
    UNIT_NOT_FOUND = "unit_not_found"
    BODY_NOT_FOUND = "body_not_found"
    PERSON_NOT_FOUND = "person_not_found"
    INVALID_PERSON = "invalid_person"
    INVALID_MEMBERSHIP = "invalid_membership"
    IMPORT_NOT_FOUND = "import_not_found"
    IMPORT_FORBIDDEN = "import_forbidden"
