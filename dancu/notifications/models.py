"""Notifications (what a user was told), their deliveries (each channel's send, recorded) and
the users' preferences (per event, per channel; a missing row means "on")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    SENT_TO_AGENCY = "sent_to_agency", _("An item was sent to an agency")
    ANSWER_ARRIVED = "answer_arrived", _("An answer arrived")
    ONLINE_LETTER = "online_letter", _("An online letter arrived")
    DUE_SOON = "due_soon", _("A deadline in 3 working days")
    OVERDUE = "overdue", _("A deadline has passed")
    CLASH = "clash", _("A calendar clash was created")
    TASK_ASSIGNED = "task_assigned", _("A task was assigned")
    DIGEST = "digest", _("Weekly digest of my work")


class Channel(models.TextChoices):
    IN_APP = "in_app", _("In the application")
    EMAIL = "email", _("E-mail")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    event = models.CharField(_("event"), max_length=40, choices=Event.choices)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("content"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    # "The same thing": the same (recipient, dedupe_key) is never notified twice.
    dedupe_key = models.CharField(_("deduplication key"), max_length=255)
    province = models.ForeignKey(
        "directory.AdministrativeUnit",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # False when the user turned the in-app channel off for this event: the row stays (it is
    # what makes the next call a duplicate) but the bell and the list do not show it.
    in_app = models.BooleanField(_("shown in the application"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], name="notification_unique_per_recipient"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "in_app", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["recipient", "-created_at"], name="notification_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.title}"


class Delivery(models.Model):
    """One channel's send of one notification. Moves only through DELIVERY_FLOW (workflow.py):
    pending -> sending (claimed by one worker) -> sent, or back to pending for a later attempt,
    or failed after the last attempt; skipped when the user turned the channel off or has no
    address."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent")

    notification = models.ForeignKey(
        Notification, verbose_name=_("notification"), on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    address = models.CharField(_("address"), max_length=254, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_unique_per_channel")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx")]

    def __str__(self) -> str:
        return f"{self.notification_id} · {self.channel} · {self.status}"


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    event = models.CharField(_("event"), max_length=40, choices=Event.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    enabled = models.BooleanField(_("enabled"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "event", "channel"], name="preference_unique_per_channel")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.event} · {self.channel}: {self.enabled}"
