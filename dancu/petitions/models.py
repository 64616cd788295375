"""Voter meetings, voter opinions, consolidated petitions, forwarding batches and answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.models import SearchableModel, TimeStampedModel

from .fields import FIELD_CHOICES, LEVEL_CHOICES


class PetitionRule(models.Model):
    """Effective-dated deadline for answers to petitions by competent level (RULES.md)."""

    level = models.CharField(_("competent level"), max_length=10, choices=LEVEL_CHOICES)
    effective_from = models.DateField(_("effective from"))
    answer_days = models.PositiveSmallIntegerField(_("days to answer"))
    remind_days_before = models.PositiveSmallIntegerField(_("remind days before due"), default=7)
    source = models.CharField(_("legal source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("petition deadline rule")
        verbose_name_plural = _("petition deadline rules")
        ordering = ["level", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["level", "effective_from"], name="unique_petition_rule")
        ]

    def __str__(self) -> str:
        return f"{self.level} {self.effective_from}: {self.answer_days}"


class Round(TimeStampedModel):
    """A round of voter meetings, e.g. before the 10th session of the 15th National Assembly."""

    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=300)
    code = models.SlugField(_("code"), max_length=40)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    is_public = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("round of voter meetings")
        verbose_name_plural = _("rounds of voter meetings")
        ordering = ["-start_date", "-id"]
        constraints = [models.UniqueConstraint(fields=["province", "code"], name="unique_round_code")]

    def __str__(self) -> str:
        return self.name


class MeetingKind(models.TextChoices):
    BEFORE_NA = "before_na", _("Before a National Assembly session")
    AFTER_NA = "after_na", _("After a National Assembly session")
    BEFORE_COUNCIL = "before_council", _("Before a council session")
    AFTER_COUNCIL = "after_council", _("After a council session")
    THEMATIC = "thematic", _("Thematic")


class DelegateLevel(models.TextChoices):
    NA = "na", _("National Assembly")
    PROVINCE = "province", _("Province")
    COMMUNE = "commune", _("Commune")


class VoterMeeting(TimeStampedModel):
    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    levels = models.JSONField(_("levels of delegates"), default=list, blank=True)
    organisers = models.ManyToManyField(
        "directory.Body", verbose_name=_("organisers"), blank=True, related_name="+"
    )
    date = models.DateField(_("date"), db_index=True)
    place = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    delegates = models.ManyToManyField(
        "directory.Person", verbose_name=_("attending delegates"), blank=True, related_name="voter_meetings"
    )
    voter_count = models.PositiveIntegerField(_("number of voters"), default=0)

    class Meta:
        verbose_name = _("voter meeting")
        verbose_name_plural = _("voter meetings")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.place} {self.date:%d/%m/%Y}"


class Petition(SearchableModel, TimeStampedModel):
    """A consolidated petition: one request raised by one or more voter opinions."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        FORWARDED = "forwarded", _("Forwarded")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")
        REOPENED = "reopened", _("Re-opened")

    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="petitions"
    )
    code = models.CharField(_("code"), max_length=30, unique=True)
    text = models.TextField(_("consolidated wording"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    group_confidence = models.FloatField(_("grouping confidence"), default=0)
    field = models.CharField(_("field"), max_length=30, choices=FIELD_CHOICES, default="khac", db_index=True)
    field_confidence = models.FloatField(_("field confidence"), default=0)
    level = models.CharField(
        _("competent level"), max_length=10, choices=LEVEL_CHOICES, default="province", db_index=True
    )
    level_confidence = models.FloatField(_("level confidence"), default=0)
    agency = models.ForeignKey(
        "directory.Body",
        verbose_name=_("suggested agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agency_confidence = models.FloatField(_("agency confidence"), default=0)
    committee = models.ForeignKey(
        "directory.Body",
        verbose_name=_("responsible committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    committee_confidence = models.FloatField(_("committee confidence"), default=0)
    # Provenance, recomputed by services whenever opinions are attached or detached.
    group_count = models.PositiveIntegerField(_("voter groups"), default=0)
    first_raised = models.DateField(_("first raised"), null=True, blank=True)
    rounds_raised = models.PositiveSmallIntegerField(_("rounds raised"), default=1)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("raised before as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["province", "round", "status"]),
            # The list pages: a province's petitions, newest first (keyset on the primary key).
            models.Index(fields=["province", "-id"], name="petition_province_recent"),
            # The suggestion index: the petitions edited since a province's index was built.
            models.Index(fields=["province", "updated_at"], name="petition_province_updated"),
            # The list's common filters, newest first (issue 17): the page is a range scan and the
            # capped count an index-only scan (the other filters ride along as included columns),
            # where the (province, -id) index read and filtered every row of the province.
            models.Index(
                fields=["province", "field", "-id"], name="petition_prov_field_recent", include=["status", "level"]
            ),
            models.Index(
                fields=["province", "status", "-id"], name="petition_prov_status_recent", include=["field", "level"]
            ),
            models.Index(
                fields=["province", "round", "-id"], name="petition_prov_round_recent", include=["status", "field"]
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def search_source(self) -> list[str]:
        return [self.code, self.text]


class VoterOpinion(TimeStampedModel):
    """An opinion as recorded at a meeting. `voter_label` is personal data: never public."""

    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    meeting = models.ForeignKey(
        VoterMeeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="opinions"
    )
    number = models.PositiveIntegerField(_("number"), default=0)
    text = models.TextField(_("opinion"))
    voter_label = models.CharField(_("voter or group"), max_length=200, blank=True)
    area = models.CharField(_("area"), max_length=200, blank=True)
    petition = models.ForeignKey(
        Petition,
        verbose_name=_("petition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opinions",
    )
    # Why the engine put the opinion in its petition (engine.ConsolidationResult.reasons):
    # {"with": opinion id, "shared": [entities], "words": [...], "conflicts": [...]}. Shown on the
    # consolidation screen; cleared when a specialist moves the opinion.
    group_reasons = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("voter opinion")
        verbose_name_plural = _("voter opinions")
        ordering = ["meeting_id", "number", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ClassificationOverride(models.Model):
    """A specialist's correction of the automatic classification, kept as training data."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="overrides")
    text = models.TextField()
    field_before = models.CharField(max_length=30, blank=True)
    field_after = models.CharField(max_length=30, blank=True)
    level_before = models.CharField(max_length=10, blank=True)
    level_after = models.CharField(max_length=10, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("classification override")
        verbose_name_plural = _("classification overrides")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.field_after}/{self.level_after}"


class ForwardingBatch(TimeStampedModel):
    province = models.ForeignKey(
        "directory.AdministrativeUnit", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="batches"
    )
    agency = models.ForeignKey(
        "directory.Body", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    dispatch_number = models.CharField(_("dispatch number"), max_length=50)
    dispatch_date = models.DateField(_("dispatch date"))
    due_date = models.DateField(_("due date"), db_index=True)
    rule = models.ForeignKey(
        PetitionRule, verbose_name=_("rule applied"), on_delete=models.PROTECT, related_name="+"
    )
    petitions = models.ManyToManyField(Petition, verbose_name=_("petitions"), related_name="batches")

    class Meta:
        verbose_name = _("forwarding batch")
        verbose_name_plural = _("forwarding batches")
        ordering = ["-dispatch_date", "-id"]

    def __str__(self) -> str:
        return f"{self.dispatch_number} → {self.agency}"


class AnswerStatus(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    IN_PROGRESS = "in_progress", _("In progress")
    NOT_RESOLVED = "not_resolved", _("Not resolved")
    EXPLAINED = "explained", _("Explained / information provided")


class Answer(TimeStampedModel):
    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="answers"
    )
    batch = models.ForeignKey(
        ForwardingBatch, verbose_name=_("batch"), on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("answer"))
    status = models.CharField(_("result"), max_length=15, choices=AnswerStatus.choices)
    file = models.FileField(_("attachment"), upload_to="petitions/answers/%Y/", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The agency's own reply document (its công văn): number and date, as the agency issued it.
    document_number = models.CharField(_("reply document number"), max_length=50, blank=True)
    document_date = models.DateField(_("reply document date"), null=True, blank=True)
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for not accepting"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.status}"


class MergedPetition(models.Model):
    """A petition merged into another on the consolidation screen: its old address and code
    lead to the petition it went into (the merged row itself is gone)."""

    old_id = models.PositiveBigIntegerField(_("former id"), unique=True)
    code = models.CharField(_("former code"), max_length=30, unique=True)
    into = models.ForeignKey(
        Petition, verbose_name=_("merged into"), on_delete=models.CASCADE, related_name="merged_from"
    )
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("merged petition")
        verbose_name_plural = _("merged petitions")
        ordering = ["-merged_at", "-id"]

    def __str__(self) -> str:
        return f"{self.code} → {self.into_id}"


class ReminderLog(models.Model):
    """One reminder sent; the unique constraint makes the reminder task idempotent."""

    batch = models.ForeignKey(ForwardingBatch, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10)  # "before" / "overdue"
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["batch", "kind"], name="unique_petition_reminder")]

    def __str__(self) -> str:
        return f"{self.batch_id} {self.kind}"
