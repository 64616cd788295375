from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.models import SearchableModel, TimeStampedModel, VietnameseSortedModel

# The two-level local government reform: district councils stopped, communes merged.
REFORM_DATE = datetime.date(2025, 7, 1)


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class AdministrativeUnit(SearchableModel, VietnameseSortedModel):
    """A province, district (before 1 July 2025) or commune, valid over a period of time.

    Units before and after the reform are distinct rows, linked by `UnitSuccession`, so a
    record keeps the unit it had and statistics can map it to today's unit.
    """

    key = models.CharField(_("key"), max_length=40, unique=True)
    code = models.CharField(_("official code"), max_length=10, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=150)
    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices, db_index=True)
    unit_type = models.CharField(_("type"), max_length=40)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    successors: models.ManyToManyField = models.ManyToManyField(
        "self",
        verbose_name=_("merged into"),
        through="UnitSuccession",
        symmetrical=False,
        related_name="predecessors",
        blank=True,
    )

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["level", "sort_key"]
        indexes = [models.Index(fields=["level", "valid_to"])]

    def __str__(self) -> str:
        return self.name

    def sort_source(self) -> str:
        return self.name

    def search_source(self) -> list[str]:
        return [self.name, self.short_name, self.code]

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


class UnitSuccession(models.Model):
    """`predecessor` was merged (wholly or in part) into `successor` on `effective`."""

    predecessor = models.ForeignKey(
        AdministrativeUnit, on_delete=models.CASCADE, related_name="succession_out"
    )
    successor = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="succession_in")
    effective = models.DateField(_("effective"), default=REFORM_DATE)
    # A divided commune went to several new ones; statistics use the default one.
    is_default = models.BooleanField(_("default successor"), default=True)

    class Meta:
        verbose_name = _("unit succession")
        verbose_name_plural = _("unit successions")
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_succession")]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id}"


class BodyKind(models.TextChoices):
    NA_DELEGATION = "NA_DELEGATION", _("National Assembly delegation")
    PEOPLES_COUNCIL = "PEOPLES_COUNCIL", _("People's Council")
    STANDING_COMMITTEE = "STANDING_COMMITTEE", _("Standing Committee of the People's Council")
    COMMITTEE = "COMMITTEE", _("Committee of the People's Council")
    DELEGATE_GROUP = "DELEGATE_GROUP", _("Delegate group")
    PEOPLES_COMMITTEE = "PEOPLES_COMMITTEE", _("People's Committee")
    AGENCY = "AGENCY", _("Agency")
    FATHERLAND_FRONT = "FATHERLAND_FRONT", _("Fatherland Front Committee")
    OFFICE = "OFFICE", _("Office of the NA delegation and People's Council")


class BodyLevel(models.TextChoices):
    CENTRAL = "central", _("Central")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class Body(SearchableModel, VietnameseSortedModel, TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices, db_index=True)
    level = models.CharField(_("level"), max_length=10, choices=BodyLevel.choices, default=BodyLevel.PROVINCE)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Every record belongs to a province-level jurisdiction: the unit of today's province.
    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="province_bodies",
    )
    unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("jurisdiction"),
        on_delete=models.PROTECT,
        related_name="bodies",
        help_text=_("The unit whose affairs the body handles (a commune for a commune council)."),
    )
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("active until"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["province_id", "kind", "sort_key"]

    def __str__(self) -> str:
        return self.name

    def sort_source(self) -> str:
        return self.name

    def search_source(self) -> list[str]:
        return [self.name, self.short_name]


class Term(models.Model):
    """A term of office of an elected body: "khóa XVIII, 2021-2026"."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="terms")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["body_id", "-start_date"]
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="unique_term_number")]

    def __str__(self) -> str:
        years = (
            f"{self.start_date.year}-{self.end_date.year}" if self.end_date else f"{self.start_date.year}-"
        )
        return f"{self.name} ({years})"


class Constituency(models.Model):
    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="constituencies"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    units = models.ManyToManyField(AdministrativeUnit, verbose_name=_("units"), blank=True)

    class Meta:
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")
        ordering = ["term_id", "number"]
        constraints = [models.UniqueConstraint(fields=["term", "number"], name="unique_constituency_number")]

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    rank = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["rank", "name"]

    def __str__(self) -> str:
        return self.name


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Person(SearchableModel, VietnameseSortedModel, TimeStampedModel):
    full_name = models.CharField(_("full name"), max_length=200)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    workplace = models.CharField(_("workplace"), max_length=300, blank=True)
    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="people"
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "id"]

    def __str__(self) -> str:
        return self.full_name

    SORT_AS_PERSON = True

    def sort_source(self) -> str:
        return self.full_name

    def search_source(self) -> list[str]:
        return [self.full_name, self.workplace]

    @property
    def given_name(self) -> str:
        # Vietnamese names sort by the given name, the last word.
        return self.full_name.split()[-1] if self.full_name else ""


class Membership(TimeStampedModel):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships"
    )
    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.PROTECT, related_name="memberships"
    )
    term = models.ForeignKey(
        Term,
        verbose_name=_("term"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    constituency = models.ForeignKey(
        Constituency,
        verbose_name=_("constituency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    is_full_time = models.BooleanField(_("full-time"), default=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["person_id", "-start_date"]

    def __str__(self) -> str:
        return f"{self.person} · {self.post} · {self.body}"

    @property
    def is_current(self) -> bool:
        return self.end_date is None
