"""Supervision: proposals, the programmes of every body, their activities, the coordination of
overlaps, the teams and their work, documents, and the recommendations followed to the end.

Every record carries `province` (today's province unit) for scoping. Statuses are declared in
`workflow.py` and move only through its workflows; deadlines and targets come from
`SupervisionRule` rows (ruleset.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.models import SearchableModel, TimeStampedModel
from dancu.directory.models import AdministrativeUnit, Body, Person

from .workflow import ActivityStatus, ProgrammeStatus, RecommendationStatus


class SupervisionRule(models.Model):
    """A deadline (days) or a target (count), effective from a date."""

    class Code(models.TextChoices):
        OVERLAP_GAP_DAYS = "overlap_gap_days", _("Days between two activities still counted as overlapping")
        PAST_TOPIC_YEARS = "past_topic_years", _("Years in which a topic supervised before is flagged")
        GROUP_TARGET = "group_target", _("Thematic supervisions a delegate group should hold in a year")
        PLAN_NOTICE_DAYS = "plan_notice_days", _("Days after the decision to send the plan and outline")
        PROGRAMME_NOTICE_DAYS = (
            "programme_notice_days",
            _("Days before working with an agency to send it the programme"),
        )
        AGENCY_REPORT_DAYS = (
            "agency_report_days",
            _("Days before the working session an agency's report is due"),
        )
        TEAM_REPORT_DAYS = "team_report_days", _("Days after the work for the team's draft report")
        STANDING_REVIEW_DAYS = (
            "standing_review_days",
            _("Days for the Standing Committee to consider the report"),
        )
        RECOMMENDATION_DAYS = "recommendation_days", _("Default days to carry out a recommendation")
        EXPLANATION_DAYS = "explanation_days", _("Days for an agency to explain")
        REMINDER_DAYS = "reminder_days", _("Days overdue before a formal urging")

    code = models.CharField(_("rule"), max_length=40, choices=Code.choices)
    effective_from = models.DateField(_("effective from"))
    value = models.PositiveIntegerField(_("value"))
    source = models.CharField(_("legal source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("supervision rule")
        verbose_name_plural = _("supervision rules")
        ordering = ["code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="supervision_rule_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.effective_from:%d/%m/%Y}"


class ActivityKind(models.TextChoices):
    THEMATIC = "thematic", _("Thematic supervision")
    SURVEY = "survey", _("Survey")
    HEARING = "hearing", _("Explanation hearing")
    QUESTIONING = "questioning", _("Questioning")
    RESUPERVISION = "resupervision", _("Re-supervision")


class Programme(TimeStampedModel):
    """The supervision programme of one body for one year (the council's yearly programme is
    the programme of the People's Council body)."""

    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="supervision_programmes"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    resolution_number = models.CharField(_("resolution or decision number"), max_length=50, blank=True)
    resolution_date = models.DateField(_("adopted on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("supervision programme")
        verbose_name_plural = _("supervision programmes")
        ordering = ["-year", "body__kind", "body__name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="supervision_programme_body_year")
        ]

    def __str__(self) -> str:
        return self.title


class ProposalSource(models.TextChoices):
    COMMITTEE = "committee", _("A committee")
    DELEGATE = "delegate", _("A delegate")
    FRONT = "front", _("The Fatherland Front")
    VOTERS = "voters", _("Voters")
    PETITIONS = "petitions", _("Recurring petitions")


class Proposal(TimeStampedModel):
    """A proposed topic for next year's programme, with its need, content, scope and targets."""

    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("for the year"))
    source = models.CharField(_("proposed by"), max_length=20, choices=ProposalSource.choices)
    source_body = models.ForeignKey(
        Body,
        verbose_name=_("proposing body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposer = models.CharField(_("proposer"), max_length=200, blank=True)
    received_on = models.DateField(_("received on"))
    topic = models.CharField(_("topic"), max_length=300)
    need = models.TextField(_("why it is needed"), blank=True)
    content = models.TextField(_("content"), blank=True)
    scope = models.TextField(_("scope"), blank=True)
    targets = models.TextField(_("supervised agencies and targets"), blank=True)
    # A petition of the petitions module (stored by kind and id, never imported).
    link_kind = models.CharField(max_length=40, blank=True)
    link_id = models.PositiveIntegerField(null=True, blank=True)
    link_url = models.CharField(max_length=300, blank=True)
    # The programme it was compiled into.
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("compiled into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )

    class Meta:
        verbose_name = _("supervision proposal")
        verbose_name_plural = _("supervision proposals")
        ordering = ["-year", "-received_on", "-id"]

    def __str__(self) -> str:
        return self.topic


class Activity(SearchableModel, TimeStampedModel):
    """One supervision, survey, hearing, questioning or re-supervision of a programme."""

    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ActivityKind.choices, default=ActivityKind.THEMATIC
    )
    topic = models.CharField(_("topic"), max_length=300)
    content = models.TextField(_("content and scope"), blank=True)
    agencies = models.ManyToManyField(
        Body, verbose_name=_("supervised agencies"), blank=True, related_name="+"
    )
    places = models.ManyToManyField(
        AdministrativeUnit, verbose_name=_("places"), blank=True, related_name="+"
    )
    planned_start = models.DateField(_("planned from"))
    planned_end = models.DateField(_("planned until"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )

    class Meta:
        verbose_name = _("supervision activity")
        verbose_name_plural = _("supervision activities")
        ordering = ["planned_start", "id"]
        indexes = [models.Index(fields=["province", "planned_start"])]

    def __str__(self) -> str:
        return self.topic

    def search_source(self) -> list[str]:
        return [self.topic, self.content]

    @property
    def body_id(self) -> int:
        return self.programme.body_id


class Decision(models.TextChoices):
    MERGE = "merge", _("Merge into a joint team")
    MOVE = "move", _("Move to another period")
    DROP = "drop", _("Drop")
    KEEP = "keep", _("Keep both, with a reason")


class Coordination(TimeStampedModel):
    """The Office's resolution of one overlapping pair (the "điều hòa" screen)."""

    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    first = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("reason"), blank=True)
    score = models.FloatField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("coordination decision")
        verbose_name_plural = _("coordination decisions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="supervision_coordination_pair")
        ]

    def __str__(self) -> str:
        return f"{self.first_id}/{self.second_id}: {self.decision}"


class Team(TimeStampedModel):
    """The team (đoàn giám sát) of an activity: members from several bodies."""

    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    activity = models.OneToOneField(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="team"
    )
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    bodies = models.ManyToManyField(Body, verbose_name=_("bodies of the team"), blank=True, related_name="+")
    joint = models.BooleanField(_("joint team"), default=False)

    class Meta:
        verbose_name = _("supervision team")
        verbose_name_plural = _("supervision teams")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.decision_number}"


class MemberRole(models.TextChoices):
    LEADER = "leader", _("Leader")
    DEPUTY = "deputy", _("Deputy leader")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")


class TeamMember(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")
    body = models.ForeignKey(
        Body, verbose_name=_("from"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["team", "person"], name="supervision_member_once")]

    def __str__(self) -> str:
        return f"{self.team_id}: {self.person_id} ({self.role})"


class WorkSession(models.Model):
    """A working session with an agency or a site visit."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300)
    agency = models.ForeignKey(
        Body, verbose_name=_("agency"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    site_visit = models.BooleanField(_("site visit"), default=False)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("working session")
        verbose_name_plural = _("working sessions")
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.held_on}: {self.place}"


class AgencyReport(models.Model):
    """The report a supervised agency owes the team (due by the outline), and when it came."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="agency_reports")
    agency = models.ForeignKey(Body, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(_("due on"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    reference = models.CharField(_("document number"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("agency report")
        verbose_name_plural = _("agency reports")
        constraints = [
            models.UniqueConstraint(fields=["activity", "agency"], name="supervision_agency_report_once")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.due_on}"

    @property
    def on_time(self) -> bool | None:
        return None if self.received_on is None else self.received_on <= self.due_on


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("Decision establishing the team")
    PLAN = "plan", _("Plan")
    OUTLINE = "outline", _("Outline of the agencies' report")
    NOTICE = "notice", _("Notice of the programme")
    REPORT = "report", _("Results report")
    CONCLUSIONS = "conclusions", _("Conclusions")


class SupervisionDocument(TimeStampedModel):
    """A document of an activity, numbered in the yearly series of its kind."""

    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    issued_on = models.DateField(_("issued on"))
    text = models.TextField(_("text"), blank=True)  # findings of a report, the conclusions
    final = models.BooleanField(_("final"), default=True)
    published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("supervision document")
        verbose_name_plural = _("supervision documents")
        ordering = ["issued_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "kind", "year", "number"], name="supervision_document_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.number}/{self.year}"


class Recommendation(TimeStampedModel):
    """A recommendation after a supervision (kiến nghị sau giám sát)."""

    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="recommendations"
    )
    content = models.TextField(_("recommendation"))
    lead_agency = models.ForeignKey(
        Body, verbose_name=_("lead agency"), on_delete=models.PROTECT, related_name="+"
    )
    coordinating = models.ManyToManyField(
        Body, verbose_name=_("coordinating agencies"), blank=True, related_name="+"
    )
    expected_result = models.CharField(_("expected result"), max_length=300, blank=True)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN
    )
    outcome = models.CharField(_("outcome"), max_length=20, blank=True)  # the accepted answer's status
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["province", "status", "due_on"])]

    def __str__(self) -> str:
        return self.content[:80]


class AnswerStatus(models.TextChoices):
    DONE = "done", _("Done")
    PARTLY = "partly", _("Partly done")
    NOT_DONE = "not_done", _("Not done")
    EXPLAINED = "explained", _("Explained")


class Answer(models.Model):
    """An agency's answer (what was done, evidence) with the status it proposes, and the
    Office's decision on it."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("what was done"))
    proposed = models.CharField(_("proposed status"), max_length=20, choices=AnswerStatus.choices)
    evidence = models.FileField(_("evidence file"), upload_to="supervision/evidence/%Y/", blank=True)
    answered_at = models.DateTimeField(_("answered at"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted = models.BooleanField(_("accepted"), null=True)
    decision_reason = models.TextField(_("reason of the decision"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["answered_at", "id"]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.proposed}"


class EscalationLevel(models.TextChoices):
    REMINDER = "reminder", _("Reminder")
    URGING = "urging", _("Formal urging")
    HEARING = "hearing", _("Explanation hearing")
    QUESTIONING = "questioning", _("Questioning at the session")
    RESUPERVISION = "resupervision", _("Re-supervision")


LADDER = [c.value for c in EscalationLevel]


class EscalationStep(models.Model):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="escalations")
    level = models.CharField(_("step"), max_length=20, choices=EscalationLevel.choices)
    taken_on = models.DateField(_("taken on"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # The record created in another module (council hearing or question), by kind and id.
    link_kind = models.CharField(max_length=40, blank=True)
    link_id = models.PositiveIntegerField(null=True, blank=True)
    link_url = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("escalation step")
        verbose_name_plural = _("escalation steps")
        ordering = ["taken_on", "id"]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.level}"
