"""Error codes of the scheduling module (dancu.core.errors carries them to pages and the API)."""

from enum import StrEnum


class SchedulingError(StrEnum):
    NOT_ALLOWED = "scheduling_not_allowed"
    EVENT_NOT_FOUND = "scheduling_event_not_found"
    HALL_NOT_FOUND = "scheduling_hall_not_found"
    SUBSCRIPTION_NOT_FOUND = "scheduling_subscription_not_found"
    FEED_NOT_FOUND = "scheduling_feed_not_found"
    BAD_TIMES = "scheduling_bad_times"
    TOO_LONG = "scheduling_too_long"
    WRONG_PROVINCE = "scheduling_wrong_province"
    BAD_KIND = "scheduling_bad_kind"
    IMPORTED = "scheduling_imported_event"
    BAD_ICS = "scheduling_bad_ics"
    FETCH_FAILED = "scheduling_fetch_failed"
    BAD_RANGE = "scheduling_bad_range"
    DUPLICATE_HALL = "scheduling_duplicate_hall"
    HALL_IN_USE = "scheduling_hall_in_use"
