from enum import StrEnum


class NotificationError(StrEnum):
    NOT_FOUND = "notification_not_found"
    BAD_EVENT = "notification_bad_event"
    BAD_KEY = "notification_bad_dedupe_key"
    BAD_TITLE = "notification_bad_title"
    BAD_FILTER = "notification_bad_filter"
    BAD_PROVINCE = "notification_bad_province"
