"""Citizen letters (đơn thư), reception days, legal rule sets and reminders.

Identities are never stored in clear text: `sealed_identity` holds the encrypted name,
address, ID number, phone (dancu.letters.crypto) and the `*_hash` columns keyed hashes used
to find letters of the same person. `seal_key` names the key that sealed a row (its public
fingerprint), so that a key rotation can resume where it stopped.

`identity_sealed` follows the person, not the item kind: a denunciation's writer, and every
item split from a sealed letter, stay sealed (only `letters.reveal_identity` unseals, audited);
a sealed letter stores no part of the name in clear, not even initials.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.models import TimeStampedModel


class LetterKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    PETITION = "petition", _("Petition")
    REPORT = "report", _("Report")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    RECEPTION_DAY = "reception_day", _("Reception day")
    POST = "post", _("By post")
    EMAIL = "email", _("E-mail")
    ONLINE = "online", _("Online form")
    TRANSFERRED = "transferred", _("Transferred from another body")


class Field(models.TextChoices):
    LAND = "land", _("Land and environment")
    ADMINISTRATION = "administration", _("Administration")
    JUSTICE = "justice", _("Justice")
    SOCIAL = "social", _("Social policy")
    ECONOMY = "economy", _("Economy")
    OTHER = "other", _("Other")


class Competence(models.TextChoices):
    OURS = "ours", _("Within our competence")
    OTHER = "other", _("Another body's competence")
    UNKNOWN = "unknown", _("Not yet determined")


class LetterRuleSet(models.Model):
    """The legal time limits in force for letters received from `valid_from` (inclusive) to
    `valid_to` (inclusive, empty: still in force). WD: working days; days: Civil Code days."""

    name = models.CharField(_("name"), max_length=200)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    reception_answer_wd = models.PositiveSmallIntegerField(_("answer on receipt (working days)"), default=10)
    complaint_accept_wd = models.PositiveSmallIntegerField(_("accept a complaint (working days)"), default=10)
    complaint_resolve_days = models.PositiveSmallIntegerField(_("resolve a complaint (days)"), default=30)
    complaint_resolve_complex_days = models.PositiveSmallIntegerField(
        _("resolve a complex complaint (days)"), default=45
    )
    complaint_resolve_remote_days = models.PositiveSmallIntegerField(
        _("resolve a complaint from a remote area (days)"), default=45
    )
    complaint_resolve_remote_complex_days = models.PositiveSmallIntegerField(
        _("resolve a complex complaint from a remote area (days)"), default=60
    )
    denunciation_initial_wd = models.PositiveSmallIntegerField(
        _("initial processing of a denunciation (working days)"), default=7
    )
    denunciation_initial_extended_wd = models.PositiveSmallIntegerField(
        _("initial processing of a denunciation, at most (working days)"), default=10
    )
    denunciation_transfer_wd = models.PositiveSmallIntegerField(
        _("transfer a denunciation (working days)"), default=5
    )
    denunciation_resolve_days = models.PositiveSmallIntegerField(
        _("resolve a denunciation (days)"), default=30
    )
    denunciation_extension_days = models.PositiveSmallIntegerField(
        _("one extension of a denunciation (days)"), default=30
    )
    denunciation_max_extensions = models.PositiveSmallIntegerField(
        _("extensions of a denunciation, at most"), default=2
    )
    result_report_wd = models.PositiveSmallIntegerField(_("report the result (working days)"), default=7)
    citizen_inform_wd = models.PositiveSmallIntegerField(_("inform the citizen (working days)"), default=5)
    schedule_post_wd = models.PositiveSmallIntegerField(
        _("post the reception schedule before the day (working days)"), default=5
    )
    deputy_notice_wd = models.PositiveSmallIntegerField(
        _("tell the deputy before the day (working days)"), default=10
    )
    retention_years = models.PositiveSmallIntegerField(_("keep filed letters (years)"), default=1)
    reminder_days_before = models.PositiveSmallIntegerField(_("remind before a deadline (days)"), default=3)

    class Meta:
        verbose_name = _("letter rule set")
        verbose_name_plural = _("letter rule sets")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return self.name


class ReceptionDay(TimeStampedModel):
    """A scheduled citizen reception day of the delegation, the Standing Committee or a delegate."""

    province = models.ForeignKey("directory.AdministrativeUnit", on_delete=models.PROTECT, related_name="+")
    body = models.ForeignKey(
        "directory.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    receiving_delegates = models.CharField(_("delegates receiving"), max_length=500, blank=True)
    posted_on = models.DateField(_("schedule posted on"), null=True, blank=True)
    deputy_notified_on = models.DateField(_("deputy told on"), null=True, blank=True)
    post_due = models.DateField(_("post schedule by"), null=True, blank=True)
    notify_due = models.DateField(_("tell the deputy by"), null=True, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    notes = models.TextField(_("result and follow-up"), blank=True)

    class Meta:
        verbose_name = _("reception day")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.body}"


class Letter(TimeStampedModel):
    province = models.ForeignKey("directory.AdministrativeUnit", on_delete=models.PROTECT, related_name="+")
    receiving_body = models.ForeignKey(
        "directory.Body",
        verbose_name=_("receiving body"),
        on_delete=models.PROTECT,
        related_name="letters_received",
    )
    number = models.CharField(_("register number"), max_length=30, blank=True)
    received_date = models.DateField(_("received"), db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    reception_day = models.ForeignKey(
        ReceptionDay,
        verbose_name=_("reception day"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices, db_index=True)
    field = models.CharField(_("field"), max_length=20, choices=Field.choices, default=Field.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("split from"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
    )
    subject = models.CharField(_("summary of the content"), max_length=300)
    content = models.TextField(_("content of the letter"), blank=True)
    target = models.CharField(_("complained of / denounced"), max_length=300, blank=True)
    content_folded = models.TextField(blank=True, editable=False)
    target_key = models.CharField(max_length=300, blank=True, editable=False, db_index=True)
    # Sealed identity and keyed hashes (never the clear text).
    sealed_identity = models.TextField(blank=True, editable=False)
    redacted_name = models.CharField(_("writer (redacted)"), max_length=60, blank=True)
    name_hash = models.CharField(max_length=40, blank=True, db_index=True, editable=False)
    id_hash = models.CharField(max_length=40, blank=True, db_index=True, editable=False)
    phone_hash = models.CharField(max_length=40, blank=True, db_index=True, editable=False)
    address_hash = models.CharField(max_length=40, blank=True, db_index=True, editable=False)
    # The duplicate engine's profile of the writer: keyed hashes only (matching/engine.py).
    match_profile = models.JSONField(default=dict, blank=True, editable=False)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    # The writer is protected (a denouncer, or the writer of a letter derived from a sealed one).
    identity_sealed = models.BooleanField(_("identity sealed"), default=False, editable=False)
    seal_key = models.CharField(max_length=16, blank=True, editable=False)
    signer_count = models.PositiveIntegerField(_("number of signers"), default=1)
    representative_count = models.PositiveSmallIntegerField(_("number of representatives"), default=0)
    # Eligibility (Circular 05/2021 Art. 6)
    in_vietnamese = models.BooleanField(_("written in Vietnamese"), default=True)
    has_date = models.BooleanField(_("dated"), default=True)
    has_name_address = models.BooleanField(_("writer's name and address"), default=True)
    has_signature = models.BooleanField(_("signed or fingerprinted"), default=True)
    has_required_content = models.BooleanField(_("content its kind requires"), default=True)
    eligible = models.BooleanField(_("eligible"), default=True)
    ineligible_reasons = models.JSONField(default=list, blank=True)
    competence = models.CharField(
        _("competence"), max_length=10, choices=Competence.choices, default=Competence.UNKNOWN
    )
    is_remote = models.BooleanField(_("remote or difficult area"), default=False)
    is_complex = models.BooleanField(_("complex case"), default=False)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    # Workflow
    status = models.CharField(_("status"), max_length=20, default="received", db_index=True)
    rule_set = models.ForeignKey(LetterRuleSet, null=True, on_delete=models.PROTECT, related_name="+")
    deadlines = models.JSONField(_("deadlines"), default=dict, blank=True)
    due_date = models.DateField(_("next due"), null=True, blank=True, db_index=True)
    accepted_on = models.DateField(null=True, blank=True)
    forwarded_to = models.ForeignKey(
        "directory.Body",
        verbose_name=_("forwarded to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters_forwarded",
    )
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    guided_on = models.DateField(null=True, blank=True)
    # The competent body the citizen was guided to (Circular 05/2021 Art. 8): a body of the
    # directory, or a name typed when it is not in the directory.
    guided_to = models.ForeignKey(
        "directory.Body",
        verbose_name=_("citizen guided to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters_guided",
    )
    guided_to_name = models.CharField(
        _("citizen guided to (not in the directory)"), max_length=300, blank=True
    )
    filed_on = models.DateField(null=True, blank=True)
    keep_until = models.DateField(_("keep until"), null=True, blank=True)
    destruction_approved_on = models.DateField(null=True, blank=True)
    urge_count = models.PositiveSmallIntegerField(default=0)
    last_urged_on = models.DateField(null=True, blank=True)
    result = models.TextField(_("result"), blank=True)
    result_on = models.DateField(_("result recorded on"), null=True, blank=True)
    informed_on = models.DateField(_("citizen informed on"), null=True, blank=True)
    # Duplicates: letters of one group (both bodies) share a root.
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    sent_to_several = models.BooleanField(_("sent to several bodies"), default=False)
    # Public look-up
    receipt_code = models.CharField(_("receipt code"), max_length=20, unique=True, null=True, blank=True)
    lookup_hash = models.CharField(max_length=40, blank=True, editable=False)
    # The one-time token of the public form that sent this letter: a second POST of the same
    # form (a double click, two tabs, a reload) finds this letter instead of making another.
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-received_date", "-id"]
        constraints = [
            # A denouncer's identity is always sealed, whatever path wrote the row.
            models.CheckConstraint(
                condition=~models.Q(kind="denunciation") | models.Q(identity_sealed=True),
                name="letters_denunciation_sealed",
            )
        ]
        indexes = [
            models.Index(fields=["province", "-received_date", "-id"], name="letters_prov_recv_idx"),
            models.Index(fields=["province", "target_key"], name="letters_prov_target_idx"),
            # The register's common filters keep the register order: an index range scan
            # (and an index-only count) instead of filtering the whole province.
            models.Index(fields=["province", "kind", "-received_date", "-id"], name="letters_prov_kind_idx"),
            models.Index(
                fields=["province", "status", "-received_date", "-id"], name="letters_prov_status_idx"
            ),
            # Overdue filter: open letters only.
            models.Index(
                fields=["province", "due_date"],
                name="letters_open_due_idx",
                condition=models.Q(status__in=["received", "accepted", "forwarded"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or self.pk} {self.subject}"

    def get_status_display(self) -> str:
        # The states are declared in workflow.py (not as field choices, so that a new state
        # needs no migration); this gives pages their label.
        from .workflow import Status

        return str(Status(self.status).label) if self.status in Status.values else self.status

    @property
    def group_root_id(self) -> int:
        return self.duplicate_of_id or self.pk


class LetterMatchKey(models.Model):
    """A blocking key of a letter for duplicate detection: a keyed hash (of the phone, the ID
    number, the given name with the initials, a typo variant, the commune, a number of the
    matter, a MinHash band of its words), never clear text (dancu/letters/duplicate_store.py)."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="match_keys")
    key = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["key", "letter"], name="letters_matchkey_key_idx")]
        constraints = [models.UniqueConstraint(fields=["letter", "key"], name="letters_matchkey_once")]

    def __str__(self) -> str:
        return f"{self.letter_id} {self.key}"


class ReceptionVisit(TimeStampedModel):
    """One citizen (or group) received at a reception day (Citizen Reception Law Art. 25-27).

    The citizens' names are sealed like a denouncer's identity (`sealed_citizens`, encrypted;
    `citizens_redacted` for lists) when the visit is a denunciation; otherwise they are kept
    in `citizens` for the Office staff. They are never shown on a public page.
    """

    province = models.ForeignKey("directory.AdministrativeUnit", on_delete=models.PROTECT, related_name="+")
    reception_day = models.ForeignKey(
        ReceptionDay, verbose_name=_("reception day"), on_delete=models.CASCADE, related_name="visits"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices)
    citizens = models.TextField(_("citizens received"), blank=True)
    sealed_citizens = models.TextField(blank=True, editable=False)
    seal_key = models.CharField(max_length=16, blank=True, editable=False)
    citizens_redacted = models.CharField(_("citizens (redacted)"), max_length=300, blank=True)
    citizen_count = models.PositiveIntegerField(_("number of citizens"), default=1)
    delegates = models.ManyToManyField(
        "directory.Person", verbose_name=_("delegates receiving"), blank=True, related_name="+"
    )
    content = models.TextField(_("content"))
    result = models.TextField(_("result"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    letter = models.OneToOneField(
        "Letter",
        verbose_name=_("letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit",
    )

    class Meta:
        verbose_name = _("reception visit")
        ordering = ["reception_day", "id"]

    def __str__(self) -> str:
        return f"{self.reception_day} #{self.pk}"

    @property
    def is_sealed(self) -> bool:
        return self.kind == LetterKind.DENUNCIATION


class LetterAttachment(models.Model):
    """A file of a letter, checked by content (core.files.check_file) and stored in the
    database under a safe name (core.files.stored_name). The attachments of a sealed letter
    and signature scans are sealed: `data` encrypted with the seal key, `filename` a neutral
    name and the real one encrypted in `sealed_name`. Served only by the permission-checked,
    audited download view."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    # Signature scans and the files of a sealed letter are part of the sealed identity.
    is_sealed = models.BooleanField(default=False)
    sealed_name = models.TextField(blank=True, editable=False)
    seal_key = models.CharField(max_length=16, blank=True, editable=False)
    data = models.BinaryField()

    class Meta:
        verbose_name = _("attachment")

    def __str__(self) -> str:
        return self.filename


class LetterReminder(models.Model):
    """One reminder per letter, deadline and kind: running the task again adds nothing."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="reminders")
    deadline = models.CharField(max_length=40)
    due = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "deadline", "due", "kind"], name="letters_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.letter_id} {self.kind} {self.due}"
