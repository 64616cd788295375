from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import SORT_KEY_LENGTH, search_tokens, vi_sort_key


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class SearchableModel(models.Model):
    """A model with a folded copy of its searchable text (see core.search).

    `search_text` is derived data: it is rebuilt from `search_source()` on every save and by
    bulk loaders through `build_search_text`, never edited by hand.
    """

    search_text = models.TextField(editable=False, default="", blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def search_source(self) -> list[str]:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def build_search_text(self) -> str:
        tokens: list[str] = []
        for part in self.search_source():
            tokens.extend(search_tokens(part, max_tokens=64))
        # The leading space lets PostgreSQL match a word prefix with LIKE '% tok%'.
        return " " + " ".join(tokens)


class VietnameseSortedModel(models.Model):
    """A model listed by a name in Vietnamese alphabetical order (core.text.vi_sort_key).

    `sort_key` is derived data like `search_text`: rebuilt on every save and by bulk loaders
    through `build_sort_key`. Order lists by it, never by the name column.
    """

    sort_key = models.CharField(max_length=SORT_KEY_LENGTH, editable=False, default="", db_index=True)
    # People are listed by given name first (Vietnamese convention); bodies and units by name.
    SORT_AS_PERSON = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sort_key = self.build_sort_key()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def sort_source(self) -> str:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def build_sort_key(self) -> str:
        return vi_sort_key(self.sort_source(), person=self.SORT_AS_PERSON)


class AuditEntry(models.Model):
    """One change, append-only, chained by hash to the entry before it (see core.audit)."""

    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("actor name"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    target_type = models.CharField(_("object type"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    province_code = models.CharField(_("province"), max_length=8, blank=True, db_index=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Audit entries are append-only.")


class AuditHead(models.Model):
    """A single row holding the newest hash: locking it serialises writers of the chain, and
    comparing it with the last entry shows when entries were cut off the end."""

    last_hash = models.CharField(max_length=64)
    count = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.count} @ {self.last_hash[:12]}"


class Holiday(TimeStampedModel):
    """A day that differs from the plain Monday-Friday week, as the government announced it."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Public holiday")
        DAY_OFF_IN_LIEU = "in_lieu", _("Day off in lieu / swapped day off")
        MAKEUP_WORKDAY = "makeup", _("Make-up working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("holiday or make-up day")
        verbose_name_plural = _("working-day calendar")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"

    @property
    def is_working_day(self) -> bool:
        return self.kind == self.Kind.MAKEUP_WORKDAY


class ImportJob(models.Model):
    """An uploaded file being imported in the background, with its progress and row errors.

    The file is validated as a whole before anything is written; `errors` holds every problem
    found as {row, column, message} so that the office can fix them all in one pass.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("In progress")
        SUCCEEDED = "succeeded", _("Completed")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=50, db_index=True)
    province_code = models.CharField(_("province"), max_length=8, blank=True, db_index=True)
    # What the task needs besides the file (e.g. the province id), set when the job is created.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Written with every progress step: a running job whose heartbeat stopped lost its worker.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows checked"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        return min(100, (100 * self.done) // self.total) if self.total else 0
