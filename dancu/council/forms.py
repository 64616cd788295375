"""Input forms: they parse and type the input; rules live in services.

`params()` gives the keyword arguments of the service the form feeds (its cleaned data unless
the form says otherwise), so a view maps a form to one service call (see views._write).
Choices are scoped to the province of the record, or to where the user may manage.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dancu.core.access import Access
from dancu.core.excel import SpreadsheetRejected, check_upload
from dancu.core.workflow import Action, Workflow
from dancu.directory.models import Body, BodyKind, Person, Term

from .models import Answer, Attendance, ConfidenceVote, Session, SessionKind, SubmissionKind
from .permissions import CouncilPerm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# Bounds of numeric input: a council has at most a few hundred delegates (the National Assembly
# 500), so a count above MAX_COUNT is a typing error, not a figure; years of the records and
# reports lie within YEARS. Input outside them is a form error (400), never a database error.
MAX_COUNT = 10_000
YEARS = (1900, 2100)


def _text(label: Any, required: bool = True, max_length: int = 500) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=max_length)


def _area(label: Any, required: bool = True) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}))


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE)


def _count(label: Any, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=MAX_COUNT, required=required)


class CouncilForm(forms.Form):
    """Bootstrap classes on every widget, scoped choices, and the service's parameters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            if isinstance(field.widget, forms.CheckboxInput):
                css = "form-check-input"
            field.widget.attrs.setdefault("class", css)

    def choices_from(self, name: str, queryset: QuerySet) -> None:
        cast(forms.ModelChoiceField, self.fields[name]).queryset = queryset

    def params(self) -> dict[str, Any]:
        """The service's keyword arguments."""
        return dict(self.cleaned_data)


def _bodies(province_id: int, *kinds: str) -> QuerySet[Body]:
    qs = Body.objects.filter(province_id=province_id, active_to__isnull=True)
    return (qs.filter(kind__in=kinds) if kinds else qs).order_by("kind", "sort_key")


def _managed(access: Access, kind: str) -> QuerySet[Body]:
    """Current bodies of `kind` in the provinces where the user may manage the council's work."""
    qs = (
        Body.objects.filter(kind=kind, active_to__isnull=True)
        .select_related("province")
        .order_by("level", "sort_key")
    )
    return access.scope(qs, CouncilPerm.MANAGE)


class TransitionForm(CouncilForm):
    """One named step of a workflow (the buttons of a page)."""

    action = forms.ChoiceField(label=_("Step"), choices=())

    def __init__(self, *args: Any, flow: Workflow, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["action"]).choices = [(a.name, a.label) for a in flow.actions]


class SessionForm(CouncilForm):
    body = forms.ModelChoiceField(label=_("Council"), queryset=Body.objects.none())
    term = forms.ModelChoiceField(label=_("Term"), queryset=Term.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    title = _text(_("Title"), max_length=300)
    start_date = _date(_("Opens"))
    end_date = _date(_("Closes"))
    venue = _text(_("Venue"), required=False, max_length=300)

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        councils = _managed(access, BodyKind.PEOPLES_COUNCIL)
        self.choices_from("body", councils)
        self.choices_from("term", Term.objects.filter(body__in=councils).order_by("-start_date"))


def _reason(label: Any = None) -> forms.CharField:
    return forms.CharField(
        label=label or _("Reason for the correction"),
        required=False,
        max_length=500,
        help_text=_("Required to correct a closed session; kept in the audit log."),
    )


class SessionEditForm(CouncilForm):
    """A session's details, corrected after it was planned (its council and term stay)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    number = forms.IntegerField(label=_("Number in the term"), min_value=1, max_value=999)
    title = _text(_("Title"), max_length=300)
    start_date = _date(_("Opens"))
    end_date = _date(_("Closes"))
    venue = _text(_("Venue"), required=False, max_length=300)
    reason = _reason()

    def __init__(self, *args: Any, correcting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not correcting:
            del self.fields["reason"]


class ConfirmForm(CouncilForm):
    """A confirmation (deleting a record): no input, the record is named by the URL."""

    def params(self) -> dict[str, Any]:
        return {}


class SubmissionForm(CouncilForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=SubmissionKind.choices)
    title = _text(_("Title"))
    submitter = forms.ModelChoiceField(label=_("Submitted by"), queryset=Body.objects.none())
    reviewing_committee = forms.ModelChoiceField(
        label=_("Reviewing committee"), queryset=Body.objects.none(), required=False
    )
    is_normative = forms.BooleanField(label=_("Legal normative document"), required=False)
    received_on = _date(_("Received on"), required=False)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from(
            "submitter",
            _bodies(province_id, BodyKind.PEOPLES_COMMITTEE, BodyKind.STANDING_COMMITTEE, BodyKind.COMMITTEE),
        )
        self.choices_from("reviewing_committee", _bodies(province_id, BodyKind.COMMITTEE))


class SubmissionEditForm(SubmissionForm):
    reason = _reason()

    def __init__(self, *args: Any, correcting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not correcting:
            del self.fields["reason"]


class ReviewForm(CouncilForm):
    committee = forms.ModelChoiceField(label=_("Committee"), queryset=Body.objects.none())
    reported_on = _date(_("Date"))
    conclusion = _area(_("Conclusion"))

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("committee", Body.objects.filter(province_id=province_id, kind=BodyKind.COMMITTEE))


class DiscussionForm(CouncilForm):
    group = forms.ModelChoiceField(label=_("Delegate group"), queryset=Body.objects.none())
    held_on = _date(_("Date"))
    notes = _area(_("Notes"))

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("group", Body.objects.filter(province_id=province_id, kind=BodyKind.DELEGATE_GROUP))


class FileForm(CouncilForm):
    """A version of a submission's file; its content is checked by the service (core.files)."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (.docx) or Excel (.xlsx)."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.xlsx", "aria-describedby": "id_file_help"}
        ),
    )
    note = _text(_("Note"), required=False, max_length=300)

    def params(self) -> dict[str, Any]:
        return {"uploaded": self.cleaned_data["file"], "note": self.cleaned_data["note"]}


class AgendaForm(CouncilForm):
    day = _date(_("Day"))
    time = _text(_("Time"), required=False, max_length=30)
    title = _text(_("Content"))
    presenter = _text(_("Presented by"), required=False, max_length=200)
    urgent_reason = forms.CharField(
        label=_("Reason for the urgent item"),
        required=False,
        max_length=500,
        help_text=_("Required once the session sits: an item is then added only as an urgent item."),
    )


class AgendaItemForm(CouncilForm):
    """An agenda item, changed (while the session sits: its day, order and time only)."""

    day = _date(_("Day"))
    order = forms.IntegerField(label=_("Order"), min_value=1, max_value=999)
    time = _text(_("Time"), required=False, max_length=30)
    title = _text(_("Content"))
    presenter = _text(_("Presented by"), required=False, max_length=200)
    reason = _reason()

    def __init__(self, *args: Any, correcting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not correcting:
            del self.fields["reason"]


class WithdrawForm(CouncilForm):
    """Withdrawing an agenda item or a submission: the reason is required and kept."""

    reason = forms.CharField(label=_("Reason for the withdrawal"), max_length=500)


class JointConferenceForm(CouncilForm):
    held_on = _date(_("Held on"))
    programme = _area(_("Agreed programme"))
    conclusions = _area(_("Conclusions"), required=False)


class AttendanceForm(CouncilForm):
    """The roll: for each delegate a box "absent" and the reason (`absent_<id>`, `reason_<id>`)."""

    def __init__(
        self,
        *args: Any,
        delegates: list[Person],
        recorded: dict[int, Attendance],
        editable: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.delegates = delegates
        for person in delegates:
            rec = recorded.get(person.pk)
            absent = forms.BooleanField(
                label=_("Absent"),
                required=False,
                initial=bool(rec and not rec.present),
                disabled=not editable,
            )
            absent.widget.attrs.update(
                {"class": "form-check-input", "aria-label": f"{absent.label}: {person.full_name}"}
            )
            reason = forms.CharField(
                label=_("Reason for absence"),
                required=False,
                max_length=300,
                initial=rec.reason if rec else "",
                disabled=not editable,
            )
            reason.widget.attrs.update(
                {"class": "form-control form-control-sm", "aria-label": f"{reason.label}: {person.full_name}"}
            )
            self.fields[f"absent_{person.pk}"] = absent
            self.fields[f"reason_{person.pk}"] = reason

    def rows(self) -> list[tuple[Person, forms.BoundField, forms.BoundField]]:
        return [(p, self[f"absent_{p.pk}"], self[f"reason_{p.pk}"]) for p in self.delegates]

    def params(self) -> dict[str, Any]:
        data = self.cleaned_data
        absences = {p.pk: data[f"reason_{p.pk}"].strip() for p in self.delegates if data[f"absent_{p.pk}"]}
        return {"absences": absences}


class VoteForm(CouncilForm):
    held_on = _date(_("Date"))
    yes = _count(_("Yes"))
    no = _count(_("No"))
    abstain = _count(_("Abstain"))
    not_voting = _count(_("Not voting"))


class AdoptForm(CouncilForm):
    title = _text(_("Title"))
    adopted_on = _date(_("Adopted on"))
    effective_from = _date(_("In force from"), required=False)
    implementing_agency = forms.ModelChoiceField(
        label=_("Implementing agency"), queryset=Body.objects.none(), required=False
    )
    content = _area(_("Grounds (căn cứ)"), required=False)
    articles = forms.CharField(
        label=_("Articles (one a line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What the council decides. The articles on implementation and entry into force are added."
        ),
    )

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from(
            "implementing_agency",
            Body.objects.filter(
                province_id=province_id, kind__in=[BodyKind.PEOPLES_COMMITTEE, BodyKind.AGENCY]
            ).order_by("kind", "sort_key"),
        )


class FollowUpForm(CouncilForm):
    reported_on = _date(_("Date"))
    content = _area(_("Report"))


class ConfidenceVoteForm(CouncilForm):
    held_on = _date(_("Held on"))
    denominator_kind = forms.ChoiceField(
        label=_("Percentages of"), choices=ConfidenceVote.Denominator.choices
    )


class SubjectForm(CouncilForm):
    """A person to rate: only those holding a post the council elects (not every person of the
    province)."""

    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    post = _text(_("Post"), max_length=300)
    exempt = forms.BooleanField(label=_("Exempt"), required=False)
    exemption_reason = _text(_("Reason for exemption"), required=False, max_length=300)

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("person", people)


class BallotsForm(CouncilForm):
    """The counting board's figures for the minutes."""

    ballots_issued = _count(_("Ballots issued"))
    ballots_cast = _count(_("Ballots returned"))
    counting_head = forms.ModelChoiceField(
        label=_("Head of the counting board"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args: Any, delegates: QuerySet[Person] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("counting_head", delegates if delegates is not None else Person.objects.none())


class TallyForm(CouncilForm):
    """The figures of one person (a row of the confidence page)."""

    high = _count(_("High confidence"))
    medium = _count(_("Confidence"))
    low = _count(_("Low confidence"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.update(
                {"class": "form-control form-control-sm", "aria-label": str(field.label)}
            )


class AnswerForm(CouncilForm):
    mode = forms.ChoiceField(label=_("How"), choices=Answer.Mode.choices)
    answered_on = _date(_("Answered on"))
    content = _area(_("Answer"))


class CommitmentForm(CouncilForm):
    content = _area(_("Commitment"))
    due_date = _date(_("Due date"))


class CommitmentUpdateForm(CouncilForm):
    """The follow-up of a commitment and, if chosen, a step of its workflow."""

    action = forms.ChoiceField(label=_("Status"), required=False, choices=())
    follow_up = _text(_("Follow-up"), required=False, max_length=2000)

    def __init__(self, *args: Any, actions: list[Action], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("No change of status")), *((a.name, a.label) for a in actions)]
        cast(forms.ChoiceField, self.fields["action"]).choices = choices
        self.fields["action"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["follow_up"].widget.attrs["class"] = "form-control form-control-sm"


class QuestionForm(CouncilForm):
    delegate = forms.ModelChoiceField(label=_("Delegate"), queryset=Person.objects.none())
    addressee = _text(_("Official questioned"), max_length=300)
    addressee_body = forms.ModelChoiceField(label=_("Body answering"), queryset=Body.objects.none())
    content = _area(_("Question"))
    asked_on = _date(_("Asked on"))

    def __init__(self, *args: Any, delegates: QuerySet[Person], province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("delegate", delegates)
        self.choices_from(
            "addressee_body",
            Body.objects.filter(
                province_id=province_id, kind__in=[BodyKind.PEOPLES_COMMITTEE, BodyKind.AGENCY]
            ).order_by("kind", "sort_key"),
        )


class MeetingForm(CouncilForm):
    body = forms.ModelChoiceField(label=_("Standing Committee"), queryset=Body.objects.none())
    held_on = _date(_("Held on"))
    title = _text(_("Title"), max_length=300)
    agenda = _area(_("Agenda"), required=False)
    conclusions = _area(_("Conclusions"), required=False)

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("body", _managed(access, BodyKind.STANDING_COMMITTEE))


class HearingForm(MeetingForm):
    topic = _text(_("Topic"))
    notice_on = _date(_("Notice sent on"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("title", "agenda"):
            del self.fields[name]
        self.fields["body"].label = _("Held by")


class TaskForm(CouncilForm):
    content = _text(_("Task"))
    assignee = forms.ModelChoiceField(label=_("Assigned to"), queryset=Body.objects.none())
    due_date = _date(_("Due date"), required=False)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("assignee", _bodies(province_id))


class InterimMatterForm(CouncilForm):
    decided_on = _date(_("Decided on"))
    title = _text(_("Matter"))
    decision = _area(_("Decision"), required=False)


class YearForm(forms.Form):
    """The year of a figures page or a list filter, within YEARS."""

    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=YEARS[0],
        max_value=YEARS[1],
        widget=forms.NumberInput(attrs={"class": "form-control", "min": YEARS[0], "max": YEARS[1]}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        message = gettext("Choose a year from %(min)s to %(max)s.") % {"min": YEARS[0], "max": YEARS[1]}
        self.fields["year"].error_messages.update(
            dict.fromkeys(("invalid", "min_value", "max_value"), message)
        )

    def full_clean(self) -> None:
        super().full_clean()
        if self.errors:  # the field says it is wrong, and where the reason is
            self.fields["year"].widget.attrs.update(
                {"class": "form-control is-invalid", "aria-invalid": "true", "aria-describedby": "year-error"}
            )


class InterimReportForm(CouncilForm):
    session = forms.ModelChoiceField(label=_("Reported at session"), queryset=Session.objects.none())

    def __init__(self, *args: Any, sessions: QuerySet[Session], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("session", sessions)


# -- a new term (issue 16, item 6) ----------------------------------------------------------------


class TermUploadForm(CouncilForm):
    """The list of the elected and the new term's number, name and dates."""

    council = forms.ModelChoiceField(label=_("Council"), queryset=Body.objects.none())
    number = forms.IntegerField(label=_("Number of the term"), min_value=1, max_value=99)
    name = _text(_("Name of the term"), max_length=100)
    election_date = _date(_("Election day"))
    start_date = _date(_("Term starts"))
    end_date = _date(_("Term ends"), required=False)
    file = forms.FileField(
        label=_("List of the elected (Excel)"),
        help_text=_("The template's columns; .xlsx only."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = (
            Body.objects.filter(kind=BodyKind.PEOPLES_COUNCIL, active_to__isnull=True)
            .select_related("province")
            .order_by("level", "sort_key")
        )
        self.choices_from("council", access.scope(qs, CouncilPerm.TERM))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except SpreadsheetRejected as exc:
            raise forms.ValidationError(exc.message) from exc
        return upload

    def params(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        upload = data.pop("file")
        data["data"] = upload.read()
        data["file_name"] = getattr(upload, "name", "") or ""
        return data


class TermStructureForm(CouncilForm):
    """The proposed bodies of the new term: each of the previous term's continues, is re-formed
    as a new body (its open items move to it) or ends; up to three new bodies are added."""

    EXTRA = 3
    ACTIONS = [
        ("continue", _("Continues (the same body)")),
        ("new", _("Re-formed as a new body")),
        ("end", _("Ends")),
    ]
    KINDS = [
        ("", "—"),
        (BodyKind.STANDING_COMMITTEE, _("Standing Committee of the People's Council")),
        (BodyKind.COMMITTEE, _("Committee of the People's Council")),
        (BodyKind.DELEGATE_GROUP, _("Delegate group")),
    ]

    def __init__(self, *args: Any, structure: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.structure = [r for r in structure if r.get("old")]
        for i, row in enumerate(self.structure):
            self.fields[f"action_{i}"] = forms.ChoiceField(
                label=row["name"], choices=self.ACTIONS, initial=row.get("action", "continue")
            )
            self.fields[f"name_{i}"] = forms.CharField(
                label=_("Name in the new term"), required=False, max_length=300, initial=row["name"]
            )
        added = [r for r in structure if not r.get("old")]
        for j in range(len(added) + self.EXTRA):
            row = added[j] if j < len(added) else {}
            index = len(self.structure) + j
            self.fields[f"kind_{index}"] = forms.ChoiceField(
                label=_("New body"), choices=self.KINDS, required=False, initial=row.get("kind", "")
            )
            self.fields[f"name_{index}"] = forms.CharField(
                label=_("Name"), required=False, max_length=300, initial=row.get("name", "")
            )
        for field in self.fields.values():
            css = "form-select form-select-sm" if isinstance(field.widget, forms.Select) else "form-control form-control-sm"
            field.widget.attrs["class"] = css

    def rows(self) -> list[tuple[dict[str, Any], Any, Any]]:
        """(previous body, action field, name field) for the page."""
        return [(r, self[f"action_{i}"], self[f"name_{i}"]) for i, r in enumerate(self.structure)]

    def added(self) -> list[tuple[Any, Any]]:
        """(kind field, name field) of each new body's row."""
        out, index = [], len(self.structure)
        while f"kind_{index}" in self.fields:
            out.append((self[f"kind_{index}"], self[f"name_{index}"]))
            index += 1
        return out

    def params(self) -> dict[str, Any]:
        data = self.cleaned_data
        rows: list[dict[str, Any]] = []
        for i, row in enumerate(self.structure):
            action = data[f"action_{i}"]
            name = data.get(f"name_{i}") or row["name"]
            rows.append({"old": row["old"], "name": name, "action": action, "short_name": row.get("short_name", "")})
        index = len(self.structure)
        while f"kind_{index}" in self.fields:
            kind, name = data.get(f"kind_{index}") or "", (data.get(f"name_{index}") or "").strip()
            if kind or name:
                rows.append({"old": None, "kind": kind, "name": name, "action": "new"})
            index += 1
        return {"rows": rows}
