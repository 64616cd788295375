"""Law-draft consultations: the drafts of a National Assembly session, their versions parsed into
provisions, who is asked (recipients, conferences), the comments, the delegation's position per
article, and the synthesis report with its dispatch.

Every record carries `province` (through its draft) for scoping. A draft's status moves only
through `workflow.DRAFT_FLOW`, a comment's through `workflow.COMMENT_FLOW`. Periods (days for a
recipient to answer, days before the session for the synthesis) are `ConsultationRule` rows,
effective-dated; the computed due dates are stored on the items.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.models import TimeStampedModel
from dancu.directory.models import AdministrativeUnit, Body, Person

from .workflow import CommentStatus, DraftStatus


class ConsultationRule(models.Model):
    """A period of the consultation, effective from a date (a change of law is a new row).

    `verified` is false for values the Office must still confirm under the 2025 Law on
    Promulgation of Legal Documents (RULES-NEXT.md B): they stay editable in the admin."""

    class Code(models.TextChoices):
        ANSWER_DAYS = "answer_days", _("Days for a recipient to send comments")
        SYNTHESIS_BEFORE_SESSION = (
            "synthesis_before_session",
            _("Days before the session the synthesis is due"),
        )
        DRAFT_BEFORE_SESSION = (
            "draft_before_session",
            _("Days before the session the revised draft reaches the delegation"),
        )
        PUBLIC_POSTING_DAYS = "public_posting_days", _("Minimum days a draft stays open for public comments")

    code = models.CharField(_("rule"), max_length=40, choices=Code.choices)
    effective_from = models.DateField(_("effective from"))
    days = models.PositiveIntegerField(_("days"))
    source = models.CharField(_("legal source"), max_length=300, blank=True)
    verified = models.BooleanField(_("verified"), default=False)

    class Meta:
        verbose_name = _("consultation rule")
        verbose_name_plural = _("consultation rules")
        ordering = ["code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="consultation_rule_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.effective_from:%d/%m/%Y}"


class Consideration(models.TextChoices):
    FIRST = "first", _("First consideration")
    SECOND = "second", _("Second consideration (for adoption)")
    SINGLE = "single", _("Considered and adopted at one session")


class Draft(TimeStampedModel):
    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("draft name"), max_length=300)
    session = models.CharField(
        _("National Assembly session"),
        max_length=200,
        help_text=_("e.g. 10th session, 15th National Assembly"),
    )
    session_start = models.DateField(_("session opens on"), null=True, blank=True)
    consideration = models.CharField(
        _("consideration"), max_length=10, choices=Consideration.choices, default=Consideration.FIRST
    )
    drafting_body = models.CharField(_("drafting body"), max_length=300, blank=True)
    vetting_committee = models.CharField(_("vetting committee"), max_length=300, blank=True)
    synthesis_due = models.DateField(_("synthesis due"), null=True, blank=True)
    lead_delegate = models.ForeignKey(
        Person,
        verbose_name=_("lead deputy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online = models.BooleanField(_("collect comments online (public page)"), default=False)
    public_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=DraftStatus.choices, default=DraftStatus.COLLECTING
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("draft law")
        verbose_name_plural = _("draft laws")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["province", "status"])]

    def __str__(self) -> str:
        return self.name


def _version_path(instance: DraftVersion, filename: str) -> str:
    return f"consultations/drafts/{instance.draft_id}/{filename}"


class DraftVersion(TimeStampedModel):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    label = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_("e.g. Draft submitted to the 10th session")
    )
    file = models.FileField(_("file"), upload_to=_version_path, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    outline = models.JSONField(_("outline"), default=dict)
    article_count = models.PositiveIntegerField(default=0)
    clause_count = models.PositiveIntegerField(default=0)
    point_count = models.PositiveIntegerField(default=0)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        ordering = ["draft", "number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="consultation_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.draft} (v{self.number})"

    @property
    def province_id(self) -> int:
        return self.draft.province_id


class Provision(models.Model):
    """One part, chapter, section, article, clause or point of a version, by a stable path
    ("d12", "d12.k2", "d12.k2.b"); comments refer to the path, not to this row."""

    class Kind(models.TextChoices):
        PART = "part", _("Part")
        CHAPTER = "chapter", _("Chapter")
        SECTION = "section", _("Section")
        ARTICLE = "article", _("Article")
        CLAUSE = "clause", _("Clause")
        POINT = "point", _("Point")

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="provisions")
    path = models.CharField(max_length=60)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(max_length=60)
    number = models.CharField(max_length=20)
    title = models.TextField(blank=True)
    text = models.TextField(blank=True)
    parent_path = models.CharField(max_length=60, blank=True)
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "path"], name="consultation_provision_unique")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def article_key(self) -> str:
        return self.path.split(".")[0] if self.path.startswith("d") else ""


class Recipient(TimeStampedModel):
    """A body asked for comments, with its due date; `answered_on` when its comments came."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="recipients")
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField(_("requested on"))
    due_on = models.DateField(_("due on"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    request_number = models.CharField(_("request letter number"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["draft", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "body"], name="consultation_recipient_unique")
        ]

    def __str__(self) -> str:
        return str(self.body)

    @property
    def province_id(self) -> int:
        return self.draft.province_id

    @property
    def on_time(self) -> bool | None:
        if self.answered_on is None:
            return None
        return self.answered_on <= self.due_on


class Conference(TimeStampedModel):
    """A conference, seminar or voter meeting at which comments on the draft were gathered."""

    class Format(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        VOTER_MEETING = "voter_meeting", _("Combined with a voter meeting")
        SURVEY = "survey", _("Survey")

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="conferences")
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.CONFERENCE)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300)
    participants = models.TextField(_("participants"), blank=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), default=0)
    # A voter meeting of the petitions module, referred to by kind and id (no import).
    linked_kind = models.CharField(max_length=40, blank=True)
    linked_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["draft", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_format_display()} {self.held_on:%d/%m/%Y}"

    @property
    def province_id(self) -> int:
        return self.draft.province_id


class CommentSource(models.TextChoices):
    RECIPIENT = "recipient", _("Recipient body")
    CONFERENCE = "conference", _("Conference")
    VOTER = "voter", _("Voter (public page)")
    IMPORT = "import", _("Imported from Excel")
    OFFICE = "office", _("Recorded by the Office")


class Comment(TimeStampedModel):
    """A comment on the whole draft ("" path) or on an article, clause or point (its path in the
    version commented). Voters' comments carry no personal data: none is asked or stored."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(
        DraftVersion, on_delete=models.CASCADE, related_name="comments", null=True, blank=True
    )
    path = models.CharField(_("provision"), max_length=60, blank=True)
    article_key = models.CharField(max_length=20, blank=True, db_index=True)
    source = models.CharField(_("source"), max_length=12, choices=CommentSource.choices)
    recipient = models.ForeignKey(
        Recipient, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    conference = models.ForeignKey(
        Conference, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_name = models.CharField(
        _("commented by"),
        max_length=300,
        blank=True,
        help_text=_("an organisation or a group, never a voter's name"),
    )
    text = models.TextField(_("comment"))
    proposal = models.TextField(_("proposed wording"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PUBLISHED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["draft", "pk"]
        indexes = [models.Index(fields=["draft", "status"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def province_id(self) -> int:
        return self.draft.province_id

    def source_label(self) -> str:
        if self.body_id:
            return str(self.body)
        if self.source_name:
            return self.source_name
        return str(self.get_source_display())


class Position(TimeStampedModel):
    """The delegation's position on one article ("" = on the draft as a whole)."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="positions")
    article_key = models.CharField(max_length=20, blank=True)
    text = models.TextField(_("position of the delegation"))
    proposal = models.TextField(_("proposed wording"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["draft", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "article_key"], name="consultation_position_unique")
        ]

    @property
    def province_id(self) -> int:
        return self.draft.province_id


class Dispatch(TimeStampedModel):
    """The synthesis report sent: its number, date and the bodies it went to."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="dispatches")
    number = models.CharField(_("number"), max_length=60)
    sent_on = models.DateField(_("date"))
    recipients = models.JSONField(_("recipients"), default=list)
    version = models.ForeignKey(
        DraftVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        ordering = ["draft", "-sent_on", "-pk"]

    @property
    def province_id(self) -> int:
        return self.draft.province_id


class Speech(TimeStampedModel):
    """A deputy's speech at the session that used the synthesis (follow-through)."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="speeches")
    speaker = models.ForeignKey(
        Person, verbose_name=_("deputy"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    speaker_name = models.CharField(_("deputy"), max_length=200, blank=True)
    spoken_on = models.DateField(_("date"))
    article_key = models.CharField(_("article"), max_length=20, blank=True)
    summary = models.TextField(_("summary"))
    link = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("speech")
        verbose_name_plural = _("speeches")
        ordering = ["draft", "spoken_on", "pk"]

    @property
    def province_id(self) -> int:
        return self.draft.province_id
