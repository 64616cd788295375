"""Council sessions, submissions, votes, resolutions, questioning, confidence votes and the
Standing Committee's work between sessions.

Every record carries `province` (today's province unit) for scoping. Statuses are declared in
`workflow.py` and move only through its workflows (`services.<entity>_transition`); thresholds and deadlines come from `CouncilRule` rows, and computed due
dates are stored on the items.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dancu.core.files import Kind, kind_of_name, stored_name
from dancu.core.models import SearchableModel, TimeStampedModel
from dancu.directory.models import AdministrativeUnit, Body, Person, Term

from .workflow import (
    CommitmentStatus,
    ConfidenceStatus,
    EVoteStatus,
    QuestionStatus,
    ResolutionStatus,
    SessionStatus,
    SpeakerStatus,
)


class CouncilRule(models.Model):
    """A legal threshold or time limit, effective from a date (a change of law is a new row).

    A threshold is `numerator/denominator`, met when the share is greater than it (`strict`) or
    at least it; a time limit is `days`.
    """

    class Code(models.TextChoices):
        QUORUM = "quorum", _("Quorum of a session")
        RESOLUTION_PASS = "resolution_pass", _("Votes needed to adopt a resolution")
        CONFIDENCE_RESIGN = "confidence_resign", _("Low confidence: may resign")
        CONFIDENCE_DISMISS = "confidence_dismiss", _("Low confidence: dismissal proposed")
        WRITTEN_ANSWER_DAYS = "written_answer_days", _("Days for a written answer")
        COMMITMENT_REPORT_DAYS = (
            "commitment_report_days",
            _("Days before a session for the commitments report"),
        )
        SUBMISSION_DAYS = "submission_days", _("Days before a session for documents to reach delegates")
        CONVENE_REGULAR_DAYS = (
            "convene_regular_days",
            _("Days before a regular session for the convening notice"),
        )
        CONVENE_OTHER_DAYS = (
            "convene_other_days",
            _("Days before a thematic or extraordinary session for the convening notice"),
        )
        NORMATIVE_EFFECT_DAYS = (
            "normative_effect_days",
            _("Days from adoption before a legal normative resolution takes effect"),
        )
        FIRST_SESSION_DAYS = (
            "first_session_days",
            _("Days from the election to the first session of a new term"),
        )

    code = models.CharField(_("rule"), max_length=40, choices=Code.choices)
    effective_from = models.DateField(_("effective from"))
    numerator = models.PositiveIntegerField(_("numerator"), default=0)
    denominator = models.PositiveIntegerField(_("denominator"), default=1)
    strict = models.BooleanField(_("strictly more than"), default=False)
    days = models.PositiveIntegerField(_("days"), null=True, blank=True)
    source = models.CharField(_("legal source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("council rule")
        verbose_name_plural = _("council rules")
        ordering = ["code", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["code", "effective_from"], name="council_rule_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.effective_from:%d/%m/%Y}"


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    THEMATIC = "thematic", _("Thematic")
    EXTRAORDINARY = "extraordinary", _("Extraordinary")


class Session(SearchableModel, TimeStampedModel):
    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("council"), on_delete=models.PROTECT, related_name="council_sessions"
    )
    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="council_sessions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    number = models.PositiveSmallIntegerField(_("number in the term"))
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("opens"))
    end_date = models.DateField(_("closes"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNING
    )
    # The number of delegates of the council when the session was set up: votes and the
    # quorum count against it (RULES.md: the TOTAL number of delegates).
    delegates_total = models.PositiveIntegerField(_("total number of delegates"))

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["body", "term", "number"], name="council_session_number")
        ]

    def __str__(self) -> str:
        return self.title

    def search_source(self) -> list[str]:
        return [self.title, self.venue]


class JointConference(TimeStampedModel):
    """The joint conference (hội nghị liên tịch) that agrees time, content and programme."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="joint_conference")
    held_on = models.DateField(_("held on"))
    programme = models.TextField(_("agreed programme"))
    conclusions = models.TextField(_("conclusions"), blank=True)

    class Meta:
        verbose_name = _("joint conference")
        verbose_name_plural = _("joint conferences")

    def __str__(self) -> str:
        return f"{self.session} {self.held_on:%d/%m/%Y}"


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_items")
    day = models.DateField(_("day"))
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    time = models.CharField(_("time"), max_length=30, blank=True)
    title = models.CharField(_("content"), max_length=500)
    presenter = models.CharField(_("presented by"), max_length=200, blank=True)
    # Added while the session sits (an urgent item): the reason is required and kept.
    urgent_reason = models.CharField(_("reason for the urgent item"), max_length=500, blank=True)
    # Withdrawn items stay on the record (struck through), with the reason.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for the withdrawal"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["day", "order", "id"]

    def __str__(self) -> str:
        return self.title


class SubmissionKind(models.TextChoices):
    REPORT = "report", _("Report")
    PROPOSAL = "proposal", _("Proposal (tờ trình)")
    DRAFT_RESOLUTION = "draft_resolution", _("Draft resolution")


class Submission(SearchableModel, TimeStampedModel):
    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="submissions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SubmissionKind.choices)
    title = models.CharField(_("title"), max_length=500)
    submitter = models.ForeignKey(
        Body, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    reviewing_committee = models.ForeignKey(
        Body,
        verbose_name=_("reviewing committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Stored when the submission is registered, from the rule in force (RULES: legal rules are data).
    due_to_delegates = models.DateField(_("must reach delegates by"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    is_normative = models.BooleanField(_("legal normative document"), default=False)
    # A submission withdrawn by its submitter stays on the record with the reason; it is not voted on.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for the withdrawal"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["session", "id"]

    def __str__(self) -> str:
        return self.title

    def search_source(self) -> list[str]:
        return [self.title]

    @property
    def is_late(self) -> bool:
        return self.received_on is not None and self.received_on > self.due_to_delegates

    def is_missing(self, today) -> bool:
        return self.received_on is None and today > self.due_to_delegates


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    version = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to="council/submissions/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    note = models.CharField(_("note"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["submission", "-version"]
        constraints = [models.UniqueConstraint(fields=["submission", "version"], name="council_file_version")]

    def __str__(self) -> str:
        return f"{self.original_name} v{self.version}"

    @property
    def kind(self) -> Kind:
        """The kind it was stored as (checked by content when uploaded, `core.files`)."""
        return kind_of_name(self.file.name)

    @property
    def download_name(self) -> str:
        """The name staff download it under: folded to ASCII, the stored kind's extension."""
        return stored_name(self.original_name, self.kind)

    @property
    def public_name(self) -> str:
        """The name of the public download: the submission's title, not the uploader's file name."""
        return stored_name(self.submission.title, self.kind)


class ReviewReport(TimeStampedModel):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    committee = models.ForeignKey(
        Body, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="+"
    )
    reported_on = models.DateField(_("date"))
    conclusion = models.TextField(_("conclusion"))

    class Meta:
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.committee} {self.reported_on:%d/%m/%Y}"


class GroupDiscussionNote(TimeStampedModel):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="discussion_notes")
    group = models.ForeignKey(
        Body, verbose_name=_("delegate group"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("date"))
    notes = models.TextField(_("notes"))

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.group} {self.held_on:%d/%m/%Y}"


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("present"), default=True)
    reason = models.CharField(_("reason for absence"), max_length=300, blank=True)

    class Meta:
        ordering = ["session", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="council_attendance_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} {'+' if self.present else '-'}"


class Vote(TimeStampedModel):
    """The electronic or ballot result on a draft, counted against the total of delegates."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="votes")
    submission = models.ForeignKey(
        Submission, verbose_name=_("draft"), on_delete=models.PROTECT, related_name="votes"
    )
    held_on = models.DateField(_("date"))
    yes = models.PositiveIntegerField(_("yes"))
    no = models.PositiveIntegerField(_("no"))
    abstain = models.PositiveIntegerField(_("abstain"))
    not_voting = models.PositiveIntegerField(_("not voting"))
    total_delegates = models.PositiveIntegerField(_("total number of delegates"))
    rule = models.ForeignKey(CouncilRule, on_delete=models.PROTECT, related_name="+")
    passed = models.BooleanField(_("passed"))

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.submission} {self.yes}/{self.total_delegates}"


class ResolutionKind(models.TextChoices):
    NORMATIVE = "normative", _("Legal normative")
    OTHER = "other", _("Other")


class Resolution(SearchableModel, TimeStampedModel):
    province = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.ForeignKey(Body, verbose_name=_("council"), on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="resolutions"
    )
    submission = models.OneToOneField(
        Submission, null=True, blank=True, on_delete=models.PROTECT, related_name="resolution"
    )
    vote = models.OneToOneField(
        Vote, null=True, blank=True, on_delete=models.PROTECT, related_name="resolution"
    )
    kind = models.CharField(_("series"), max_length=20, choices=ResolutionKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=500)
    content = models.TextField(_("content"), blank=True)  # the grounds ("Căn cứ ..."), one a line
    # What the council decides: one article a line ("Điều 1." is added when a line lacks it).
    articles = models.TextField(_("articles"), blank=True)
    adopted_on = models.DateField(_("adopted on"))
    # "Nghị quyết này có hiệu lực từ ngày ...": a legal normative resolution not before
    # `normative_effect_days` after adoption (rule), another from adoption by default.
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ResolutionStatus.choices, default=ResolutionStatus.ADOPTED
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    implementing_agency = models.ForeignKey(
        Body,
        verbose_name=_("implementing agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["-adopted_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "kind", "year", "number"], name="council_resolution_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number_label} {self.title}"

    def search_source(self) -> list[str]:
        return [self.title, self.number_label]

    @property
    def symbol(self) -> str:
        """The part after the number: "2024/NQ-HĐND" (legal normative) or "NQ-HĐND"."""
        if self.kind == ResolutionKind.NORMATIVE:
            return f"{self.year}/NQ-HĐND"
        return "NQ-HĐND"

    @property
    def number_label(self) -> str:
        return f"{self.number:02d}/{self.symbol}"


class ResolutionCounter(models.Model):
    """The last number given in one series and year; locked while a number is taken."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=ResolutionKind.choices)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "kind", "year"], name="council_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last_number}"


class FollowUpReport(TimeStampedModel):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="follow_ups")
    agency = models.ForeignKey(Body, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    reported_on = models.DateField(_("date"))
    content = models.TextField(_("content"))

    class Meta:
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return f"{self.resolution_id} {self.reported_on:%d/%m/%Y}"


class ConfidenceVote(TimeStampedModel):
    """A confidence vote (lấy phiếu tín nhiệm) held at a session (Resolution 96/2023/QH15)."""

    class Denominator(models.TextChoices):
        TOTAL = "total", _("Total number of delegates")
        BALLOTS = "ballots", _("Ballots cast")

    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="confidence_votes"
    )
    held_on = models.DateField(_("held on"))
    denominator_kind = models.CharField(
        _("percentages of"), max_length=10, choices=Denominator.choices, default=Denominator.TOTAL
    )
    # The counting board's minutes: ballots issued (phát ra) and returned (thu vào), and who
    # heads the board (the minutes' signer).
    ballots_issued = models.PositiveIntegerField(_("ballots issued"), null=True, blank=True)
    ballots_cast = models.PositiveIntegerField(_("ballots returned"), null=True, blank=True)
    counting_head = models.ForeignKey(
        Person,
        verbose_name=_("head of the counting board"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ConfidenceStatus.choices, default=ConfidenceStatus.OPEN
    )
    published_at = models.DateTimeField(_("announced at"), null=True, blank=True)

    class Meta:
        verbose_name = _("confidence vote")
        verbose_name_plural = _("confidence votes")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.session} {self.held_on:%d/%m/%Y}"

    @property
    def denominator(self) -> int:
        if self.denominator_kind == self.Denominator.BALLOTS and self.ballots_cast:
            return self.ballots_cast
        return self.session.delegates_total


class ConfidenceSubject(models.Model):
    vote = models.ForeignKey(ConfidenceVote, on_delete=models.CASCADE, related_name="subjects")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")
    post = models.CharField(_("post"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    exempt = models.BooleanField(_("exempt"), default=False)
    exemption_reason = models.CharField(_("reason for exemption"), max_length=300, blank=True)
    high = models.PositiveIntegerField(_("high confidence"), null=True, blank=True)
    medium = models.PositiveIntegerField(_("confidence"), null=True, blank=True)
    low = models.PositiveIntegerField(_("low confidence"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, blank=True)

    class Meta:
        ordering = ["vote", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["vote", "person"], name="council_subject_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.post})"


class QuestionGroup(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="question_groups")
    title = models.CharField(_("topic"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        ordering = ["session", "order", "id"]

    def __str__(self) -> str:
        return self.title


class Question(SearchableModel, TimeStampedModel):
    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="questions"
    )
    group = models.ForeignKey(
        QuestionGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    # Empty for a question put on the list by another module (an escalated supervision
    # recommendation): the delegate who will ask it is chosen at the session.
    delegate = models.ForeignKey(
        Person, verbose_name=_("delegate"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    addressee = models.CharField(_("official questioned"), max_length=300)
    addressee_body = models.ForeignKey(
        Body, verbose_name=_("body answering"), on_delete=models.PROTECT, related_name="+"
    )
    content = models.TextField(_("question"))
    asked_on = models.DateField(_("asked on"))
    # Computed from the rule in force when asked (20 days, Civil Code counting) and kept.
    written_answer_due = models.DateField(_("written answer due"))
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    source_kind = models.CharField(_("source"), max_length=60, blank=True)
    source_id = models.PositiveBigIntegerField(_("source record"), null=True, blank=True)
    source_url = models.CharField(_("source page"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-asked_on", "-id"]

    def __str__(self) -> str:
        return self.content[:80]

    def search_source(self) -> list[str]:
        return [self.content, self.addressee]


class Answer(TimeStampedModel):
    class Mode(models.TextChoices):
        AT_SESSION = "at_session", _("At the session")
        IN_WRITING = "in_writing", _("In writing")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    mode = models.CharField(_("how"), max_length=20, choices=Mode.choices)
    answered_on = models.DateField(_("answered on"))
    content = models.TextField(_("answer"))

    class Meta:
        ordering = ["answered_on", "id"]

    def __str__(self) -> str:
        return f"{self.question_id} {self.answered_on:%d/%m/%Y}"

    @property
    def is_late(self) -> bool:
        return self.mode == self.Mode.IN_WRITING and self.answered_on > self.question.written_answer_due


class Commitment(TimeStampedModel):
    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="commitments")
    content = models.TextField(_("commitment"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    follow_up = models.TextField(_("follow-up"), blank=True)
    # The term whose council follows it up, when carried over from the term of its question's
    # session (a new term, `term.carry_over`); empty: the term of the question's session.
    followed_in_term = models.ForeignKey(
        Term,
        verbose_name=_("followed up in term"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.content[:80]


class ExplanationHearing(TimeStampedModel):
    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    body = models.ForeignKey(Body, verbose_name=_("held by"), on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(_("topic"), max_length=500)
    held_on = models.DateField(_("held on"))
    notice_on = models.DateField(_("notice sent on"), null=True, blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    # The session it is planned for, and the agencies that explain (set when another module
    # asks for the hearing, e.g. an overdue supervision recommendation).
    session = models.ForeignKey(
        Session, verbose_name=_("session"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agencies = models.ManyToManyField(
        Body, verbose_name=_("agencies explaining"), blank=True, related_name="+"
    )
    source_kind = models.CharField(_("source"), max_length=60, blank=True)
    source_id = models.PositiveBigIntegerField(_("source record"), null=True, blank=True)
    source_url = models.CharField(_("source page"), max_length=500, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.topic


class StandingMeeting(TimeStampedModel):
    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    body = models.ForeignKey(
        Body, verbose_name=_("Standing Committee"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=300)
    agenda = models.TextField(_("agenda"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)

    class Meta:
        verbose_name = _("Standing Committee meeting")
        verbose_name_plural = _("Standing Committee meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title


class StandingTask(models.Model):
    meeting = models.ForeignKey(StandingMeeting, on_delete=models.CASCADE, related_name="tasks")
    content = models.CharField(_("task"), max_length=500)
    assignee = models.ForeignKey(
        Body, verbose_name=_("assigned to"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.content


class InterimMatter(TimeStampedModel):
    """A matter the Standing Committee decided between sessions, to be reported at the next one."""

    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        StandingMeeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="matters"
    )
    decided_on = models.DateField(_("decided on"))
    title = models.CharField(_("matter"), max_length=500)
    decision = models.TextField(_("decision"), blank=True)
    reported_at = models.ForeignKey(
        Session,
        verbose_name=_("reported at session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return self.title


# -- the paperless session (issue 16): check-in, speaking, electronic votes, delegates' notes ----


class CheckIn(models.Model):
    """A delegate's check-in at a session (on their device, or marked by the secretary): they
    are present from then on; the roll (`Attendance`) says present for them."""

    class By(models.TextChoices):
        DEVICE = "device", _("On their device")
        SECRETARY = "secretary", _("By the secretary")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="check_ins")
    person = models.ForeignKey(Person, verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("checked in at"))
    by = models.CharField(_("how"), max_length=20, choices=By.choices)

    class Meta:
        ordering = ["session", "at"]
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="council_checkin_once")]

    def __str__(self) -> str:
        return f"{self.person} {self.at:%H:%M}"


class ElectronicVote(TimeStampedModel):
    """A vote the chair's secretary opens on an agenda item; delegates present cast ballots on
    their devices until it closes. At close the tally is stored (and, on a draft resolution,
    the `Vote` record the adoption reads)."""

    class Matter(models.TextChoices):
        DRAFT = "draft", _("A draft resolution")
        PROCEDURE = "procedure", _("A procedural matter")
        PERSONNEL = "personnel", _("Election or dismissal (secret ballot)")

    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="e_votes"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("draft"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="e_votes",
    )
    matter = models.CharField(_("matter"), max_length=20, choices=Matter.choices, default=Matter.DRAFT)
    question = models.CharField(_("question put to the vote"), max_length=500)
    secret = models.BooleanField(_("secret ballot"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=EVoteStatus.choices, default=EVoteStatus.OPEN
    )
    opened_at = models.DateTimeField(_("opened at"))
    closes_at = models.DateTimeField(_("closes at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    total_delegates = models.PositiveIntegerField(_("total number of delegates"))
    present = models.PositiveIntegerField(_("present when opened"), default=0)
    rule = models.ForeignKey(CouncilRule, on_delete=models.PROTECT, related_name="+")
    yes = models.PositiveIntegerField(_("yes"), default=0)
    no = models.PositiveIntegerField(_("no"), default=0)
    abstain = models.PositiveIntegerField(_("abstain"), default=0)
    not_voting = models.PositiveIntegerField(_("not voting"), default=0)
    passed = models.BooleanField(_("passed"), null=True)
    result = models.OneToOneField(
        Vote, null=True, blank=True, on_delete=models.SET_NULL, related_name="electronic"
    )

    class Meta:
        verbose_name = _("electronic vote")
        verbose_name_plural = _("electronic votes")
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return self.question


class Ballot(models.Model):
    """One present delegate's ballot in an electronic vote (one per delegate, enforced by the
    database); changed until the vote closes. A secret vote's ballots are detached from their
    delegates when it closes."""

    class Choice(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        ABSTAIN = "abstain", _("Abstain")

    vote = models.ForeignKey(ElectronicVote, on_delete=models.CASCADE, related_name="ballots")
    delegate = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("choice"), max_length=10, choices=Choice.choices)
    cast_at = models.DateTimeField(_("cast at"))
    changes = models.PositiveSmallIntegerField(_("changes"), default=0)

    class Meta:
        ordering = ["vote", "cast_at", "id"]
        constraints = [models.UniqueConstraint(fields=["vote", "delegate"], name="council_ballot_once")]

    def __str__(self) -> str:
        return f"{self.vote_id}: {self.choice}"


class BallotReceipt(models.Model):
    """The client's idempotency key of every ballot request applied: a retry with a key already
    seen returns the ballot as it is and changes nothing (a late retry never undoes a change)."""

    vote = models.ForeignKey(ElectronicVote, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="receipts")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vote", "key"], name="council_ballot_key_once")]

    def __str__(self) -> str:
        return self.key


class SpeakerRequest(TimeStampedModel):
    """A delegate's registration to speak on an agenda item, or to question a named official
    (which is also a `Question` of the session)."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("To speak")
        QUESTION = "question", _("To question")

    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speakers")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delegate = models.ForeignKey(
        Person, verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    topic = models.CharField(_("topic"), max_length=500)
    question = models.OneToOneField(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="speaker_request"
    )
    position = models.PositiveIntegerField(_("place in the queue"))
    status = models.CharField(
        _("status"), max_length=20, choices=SpeakerStatus.choices, default=SpeakerStatus.WAITING
    )

    class Meta:
        ordering = ["session", "position", "id"]

    def __str__(self) -> str:
        return f"{self.delegate} – {self.topic[:60]}"


class DocumentNote(TimeStampedModel):
    """A delegate's personal note on a document of a session: only its author sees it."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveSmallIntegerField(_("version"), null=True, blank=True)
    page = models.PositiveIntegerField(_("page"), null=True, blank=True)
    quote = models.CharField(_("highlighted text"), max_length=1000, blank=True)
    text = models.TextField(_("note"))

    class Meta:
        ordering = ["submission", "page", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ConvertedFile(models.Model):
    """A DOCX version converted to PDF by LibreOffice (once per file version)."""

    source = models.OneToOneField(SubmissionFile, on_delete=models.CASCADE, related_name="converted")
    pdf = models.FileField(upload_to="council/converted/%Y/%m/", blank=True)
    error = models.CharField(max_length=500, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.source} -> pdf"


# -- a new term (issue 16, item 6) ----------------------------------------------------------------


class TermSetup(TimeStampedModel):
    """A new term of a council set up from the election results: the uploaded list of the
    elected (kept as uploaded), the proposed structure (the Standing Committee, committees and
    delegate groups, copied from the previous term and edited by the Office) and, once
    confirmed, the term created and the map of the previous term's bodies to the new ones,
    which the carry-over of open items reads."""

    province = models.ForeignKey(AdministrativeUnit, on_delete=models.PROTECT, related_name="+")
    council = models.ForeignKey(
        Body, verbose_name=_("council"), on_delete=models.PROTECT, related_name="term_setups"
    )
    previous_term = models.ForeignKey(
        Term,
        verbose_name=_("previous term"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.PositiveSmallIntegerField(_("number of the term"))
    name = models.CharField(_("name of the term"), max_length=100)
    election_date = models.DateField(_("election day"))
    start_date = models.DateField(_("term starts"))
    end_date = models.DateField(_("term ends"), null=True, blank=True)
    source_name = models.CharField(_("file name"), max_length=255)
    source = models.BinaryField(_("list of the elected"))
    # [{"old": id|None, "kind": BodyKind, "name": str, "short_name": str, "keep": bool}, ...]
    structure = models.JSONField(_("proposed structure"), default=list)
    term = models.OneToOneField(
        Term, verbose_name=_("term"), null=True, blank=True, on_delete=models.PROTECT, related_name="setup"
    )
    body_map = models.JSONField(_("bodies of the previous term to the new ones"), default=dict)
    counts = models.JSONField(_("what was created"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    carried_at = models.DateTimeField(_("open items carried over at"), null=True, blank=True)
    carried_counts = models.JSONField(_("open items carried over"), default=dict)

    class Meta:
        verbose_name = _("new term")
        verbose_name_plural = _("new terms")
        ordering = ["-election_date", "-id"]

    def __str__(self) -> str:
        return f"{self.council} {self.name}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
