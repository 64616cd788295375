"""Reads of the notifications module. A notification is personal: every read is scoped to its
recipient (no role or province widens it; an Office administrator does not read a colleague's
notifications)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import Channel, Event, Notification, Preference


def notifications_of(user: Any, *, unread_only: bool = False) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    qs = Notification.objects.filter(recipient_id=user.pk, in_app=True)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs.order_by("-created_at", "-id")


def unread_count(user: Any) -> int:
    return notifications_of(user, unread_only=True).count()


def preferences_of(user: Any) -> dict[tuple[str, str], bool]:
    """(event, channel) -> on/off for every event and channel (no row: on)."""
    values = {(e, c): True for e in Event.values for c in Channel.values}
    for event, channel, enabled in Preference.objects.filter(user_id=user.pk).values_list(
        "event", "channel", "enabled"
    ):
        if (event, channel) in values:
            values[(event, channel)] = enabled
    return values
