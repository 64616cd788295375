"""The coordination module: the four-party coordination regulation (quy chế phối hợp) with its
areas, the yearly review of it (sơ kết / tổng kết), and the giao ban meetings of the provincial
Standing Committee with the lower councils (reports, opinions, conclusions, tasks).

Every record carries its province (today's province unit), the scope of every read."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.models import TimeStampedModel


class Area(models.TextChoices):
    SESSION = "session", _("Preparing council sessions")
    SUPERVISION = "supervision", _("Supervision")
    VOTER_MEETING = "voter_meeting", _("Meetings with voters")
    LETTERS = "letters", _("Citizens' letters and reception")
    CONSULTATION = "consultation", _("Consultation on draft laws")
    INFORMATION = "information", _("Information sharing")


class Regulation(TimeStampedModel):
    """A coordination regulation signed by the parties (e.g. 379/QCPH of 6 May 2022)."""

    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("number and symbol"), max_length=100)
    signed_on = models.DateField(_("signed on"))
    title = models.CharField(_("title"), max_length=500)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    parties = models.ManyToManyField("directory.Body", verbose_name=_("parties"), related_name="+")

    class Meta:
        verbose_name = _("coordination regulation")
        verbose_name_plural = _("coordination regulations")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["province", "number"], name="coordination_regulation_number")
        ]

    def __str__(self) -> str:
        return self.number


class RegulationArea(models.Model):
    """One area of coordination: who leads (chủ trì) and who coordinates (phối hợp)."""

    regulation = models.ForeignKey(Regulation, on_delete=models.CASCADE, related_name="areas")
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    lead = models.ManyToManyField("directory.Body", verbose_name=_("leads"), related_name="+")
    coordinate = models.ManyToManyField(
        "directory.Body", verbose_name=_("coordinates"), related_name="+", blank=True
    )
    content = models.TextField(_("content"), blank=True)

    class Meta:
        ordering = ["regulation_id", "area"]
        constraints = [models.UniqueConstraint(fields=["regulation", "area"], name="coordination_area_once")]

    def __str__(self) -> str:
        return self.get_area_display()

    @property
    def province_id(self) -> int:
        return self.regulation.province_id


class ReviewKind(models.TextChoices):
    INTERIM = "interim", _("Yearly review")
    FINAL = "final", _("Final review")


class Review(TimeStampedModel):
    """The yearly review of a regulation: its figures come from the modules at build time; the
    narrative the Office writes is kept here."""

    regulation = models.ForeignKey(Regulation, on_delete=models.PROTECT, related_name="reviews")
    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=ReviewKind.choices, default=ReviewKind.INTERIM)
    held_on = models.DateField(_("review conference on"), null=True, blank=True)
    results = models.TextField(_("results"), blank=True)
    limits = models.TextField(_("limits"), blank=True)
    causes = models.TextField(_("causes"), blank=True)
    next_tasks = models.TextField(_("tasks for next year"), blank=True)

    class Meta:
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["regulation", "year", "kind"], name="coordination_review_once")
        ]

    def __str__(self) -> str:
        return f"{self.regulation.number} – {self.year}"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    INVITED = "invited", _("Invitations sent")
    HELD = "held", _("Held")
    CONCLUDED = "concluded", _("Concluded")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(TimeStampedModel):
    """A giao ban meeting of the provincial Standing Committee with the lower councils (the
    district councils until 1 July 2025, the commune councils since)."""

    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    period = models.CharField(_("period reviewed"), max_length=200)
    host = models.ForeignKey(
        "directory.Body", verbose_name=_("host"), on_delete=models.PROTECT, related_name="+"
    )
    participants = models.ManyToManyField("directory.Body", verbose_name=_("participants"), related_name="+")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    reports_due = models.DateField(_("reports due"), null=True, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MeetingStatus.choices,
        default=MeetingStatus.PLANNED,
        db_index=True,
    )

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class LowerReport(TimeStampedModel):
    """The report a lower council submits for a giao ban meeting: its figures, and the file."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reports")
    body = models.ForeignKey(
        "directory.Body", verbose_name=_("council"), on_delete=models.PROTECT, related_name="+"
    )
    sessions_held = models.PositiveIntegerField(_("sessions held"), default=0)
    resolutions = models.PositiveIntegerField(_("resolutions adopted"), default=0)
    supervisions = models.PositiveIntegerField(_("supervisions"), default=0)
    voter_meetings = models.PositiveIntegerField(_("meetings with voters"), default=0)
    letters_received = models.PositiveIntegerField(_("letters received"), default=0)
    letters_handled = models.PositiveIntegerField(_("letters handled"), default=0)
    notes = models.TextField(_("remarks and proposals"), blank=True)
    file = models.FileField(_("file"), upload_to="coordination/reports/%Y/", blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    FIGURES = (
        "sessions_held",
        "resolutions",
        "supervisions",
        "voter_meetings",
        "letters_received",
        "letters_handled",
    )

    class Meta:
        ordering = ["meeting_id", "body__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "body"], name="coordination_report_once")]

    @property
    def province_id(self) -> int:
        return self.meeting.province_id


class Opinion(TimeStampedModel):
    """An opinion raised at the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="opinions")
    body = models.ForeignKey(
        "directory.Body",
        verbose_name=_("from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    content = models.TextField(_("opinion"))

    class Meta:
        ordering = ["meeting_id", "pk"]

    @property
    def province_id(self) -> int:
        return self.meeting.province_id


class TaskStatus(models.TextChoices):
    OPEN = "open", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Task(TimeStampedModel):
    """A task of the conclusions: an owner (a body or a person) and a due date, tracked to done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="tasks")
    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    content = models.TextField(_("task"))
    owner_body = models.ForeignKey(
        "directory.Body",
        verbose_name=_("owner (body)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("owner (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN, db_index=True
    )
    result = models.TextField(_("result"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["province", "status", "due_date"])]

    def __str__(self) -> str:
        return self.content[:80]

    @property
    def owner_label(self) -> str:
        if self.owner_person is not None:
            return self.owner_person.full_name
        return self.owner_body.name if self.owner_body is not None else ""
