"""The calendar's own records: meetings planned in the calendar (Standing Committee, committees),
external events and the People's Committee's imported events, halls, ICS subscriptions, feed
tokens and the milestone rules of session planning.

Events of other modules (council sessions, supervision visits, ...) are not stored here: the
calendar asks their `calendar_events` hooks (dancu.core.events)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# An event of the calendar lasts at most this long: the clash query reads a bounded window of
# start times on the (province, start) index instead of every row (docs/performance-calendar.md).
MAX_EVENT_DAYS = 14
MAX_EVENT_DURATION = datetime.timedelta(days=MAX_EVENT_DAYS)
# Most events last less than a day: for them the window is one day of start times; the few
# longer ones (`long`) are read on their own partial index over MAX_EVENT_DURATION.
SHORT_EVENT = datetime.timedelta(days=1)


class EventKind(models.TextChoices):
    STANDING_MEETING = "standing_meeting", _("Standing Committee meeting")
    COMMITTEE_MEETING = "committee_meeting", _("Committee meeting")
    PEOPLES_COMMITTEE_MEETING = "peoples_committee_meeting", _("People's Committee meeting")
    VOTER_MEETING = "voter_meeting", _("Voter meeting")
    JOINT_CONFERENCE = "joint_conference", _("Joint conference")
    EXTERNAL = "external", _("External event")


# Kinds of meeting that must not overlap a People's Committee meeting (seed 003).
COUNCIL_SIDE_KINDS = {EventKind.STANDING_MEETING, EventKind.COMMITTEE_MEETING}


class EventSource(models.TextChoices):
    MANUAL = "manual", _("Entered in the calendar")
    ICS_FILE = "ics_file", _("ICS file")
    ICS_URL = "ics_url", _("ICS subscription")
    EXCEL = "excel", _("Excel schedule")


class Hall(models.Model):
    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="scheduling_hall_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class IcsSubscription(models.Model):
    """An ICS URL the calendar fetches (celery beat) into events of `body`."""

    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.ForeignKey(
        "directory.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("address (URL)"), max_length=1000)
    active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_ok_at = models.DateTimeField(_("last fetched without error"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    last_summary = models.CharField(_("last result"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("ICS subscription")
        verbose_name_plural = _("ICS subscriptions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.ForeignKey(
        "directory.Body", verbose_name=_("held by"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    hall = models.ForeignKey(
        Hall, verbose_name=_("hall"), null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    participants = models.ManyToManyField(
        "directory.Person", verbose_name=_("participants"), blank=True, related_name="+"
    )
    source = models.CharField(
        _("source"), max_length=10, choices=EventSource.choices, default=EventSource.MANUAL
    )
    subscription = models.ForeignKey(
        IcsSubscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    # The UID of an imported event in its source: a re-import updates it instead of adding one.
    external_uid = models.CharField(_("UID in the source"), max_length=500, blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    # Lasts more than SHORT_EVENT (kept by save(); bulk writers set it themselves).
    long = models.BooleanField(default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar event")
        verbose_name_plural = _("calendar events")
        ordering = ["start", "pk"]
        indexes = [
            # Month views and clash checks: a bounded range of start times per province.
            models.Index(fields=["province", "start", "end"], name="scheduling_event_range"),
            models.Index(fields=["hall", "start"], name="scheduling_event_hall"),
            models.Index(fields=["province", "start"], condition=Q(long=True), name="scheduling_event_long"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "external_uid"],
                condition=~Q(external_uid=""),
                name="scheduling_event_unique_uid",
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="scheduling_event_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.long = bool(self.start and self.end and self.end - self.start > SHORT_EVENT)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and ("start" in update_fields or "end" in update_fields):
            kwargs["update_fields"] = {*update_fields, "long"}
        super().save(*args, **kwargs)

    @property
    def uid(self) -> str:
        return f"scheduling.{self.kind}.{self.pk}"


class FeedToken(models.Model):
    """A secret, revocable ICS feed address, of a user's own calendar or of a body's. Only the
    SHA-256 of the token is stored; the address is shown once, when it is made."""

    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    # Whose eyes the feed sees with: its owner (a body feed: the Office user who made it).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="+"
    )
    body = models.ForeignKey(
        "directory.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(_("label"), max_length=200, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label or (str(self.body) if self.body_id else str(self.owner))


class MilestoneRule(models.Model):
    """One milestone of preparing a regular session, counted back from the opening day
    (RULES-NEXT C, the Bình Phước 2020 calendar). Effective-dated rows, seeded by a migration."""

    key = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("milestone"), max_length=300)
    # Negative: days before the opening day (calendar days).
    offset_days = models.SmallIntegerField(_("days from the opening"))
    owner_kind = models.CharField(_("owner (kind of body)"), max_length=30)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    basis = models.CharField(_("basis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("milestone rule")
        verbose_name_plural = _("milestone rules")
        ordering = ["order", "offset_days"]
        constraints = [
            models.UniqueConstraint(fields=["key", "valid_from"], name="scheduling_milestone_unique_version")
        ]

    def __str__(self) -> str:
        return self.label
