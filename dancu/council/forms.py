"""Input forms: they parse and type the input; rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dancu.directory.models import Body, BodyKind, Person, Term

from .models import Answer, Commitment, ConfidenceVote, SessionKind, SubmissionKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label, required=True, max_length=500):
    return forms.CharField(label=label, required=required, max_length=max_length)


def _area(label, required=True):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}))


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=DATE)


class _Bootstrap(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            if isinstance(field.widget, forms.CheckboxInput):
                css = "form-check-input"
            field.widget.attrs.setdefault("class", css)


class SessionForm(_Bootstrap):
    body = forms.ModelChoiceField(label=_("Council"), queryset=Body.objects.none())
    term = forms.ModelChoiceField(label=_("Term"), queryset=Term.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    title = _text(_("Title"), max_length=300)
    start_date = _date(_("Opens"))
    end_date = _date(_("Closes"))
    venue = _text(_("Venue"), required=False, max_length=300)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        councils = Body.objects.filter(kind=BodyKind.PEOPLES_COUNCIL, active_to__isnull=True).order_by(
            "level", "name"
        )
        if isinstance(provinces, set):
            councils = councils.filter(province_id__in=list(provinces))
        self.fields["body"].queryset = councils
        self.fields["term"].queryset = Term.objects.filter(body__in=councils).order_by("-start_date")


class SubmissionForm(_Bootstrap):
    kind = forms.ChoiceField(label=_("Kind"), choices=SubmissionKind.choices)
    title = _text(_("Title"))
    submitter = forms.ModelChoiceField(label=_("Submitted by"), queryset=Body.objects.none())
    reviewing_committee = forms.ModelChoiceField(
        label=_("Reviewing committee"), queryset=Body.objects.none(), required=False
    )
    is_normative = forms.BooleanField(label=_("Legal normative document"), required=False)
    received_on = _date(_("Received on"), required=False)

    def __init__(self, *args, province_id, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = Body.objects.filter(province_id=province_id, active_to__isnull=True)
        self.fields["submitter"].queryset = bodies.filter(
            kind__in=[BodyKind.PEOPLES_COMMITTEE, BodyKind.STANDING_COMMITTEE, BodyKind.COMMITTEE]
        ).order_by("kind", "name")
        self.fields["reviewing_committee"].queryset = bodies.filter(kind=BodyKind.COMMITTEE).order_by("name")


class ReviewForm(_Bootstrap):
    committee = forms.ModelChoiceField(label=_("Committee"), queryset=Body.objects.none())
    reported_on = _date(_("Date"))
    conclusion = _area(_("Conclusion"))

    def __init__(self, *args, province_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Body.objects.filter(
            province_id=province_id, kind=BodyKind.COMMITTEE
        )


class DiscussionForm(_Bootstrap):
    group = forms.ModelChoiceField(label=_("Delegate group"), queryset=Body.objects.none())
    held_on = _date(_("Date"))
    notes = _area(_("Notes"))

    def __init__(self, *args, province_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Body.objects.filter(
            province_id=province_id, kind=BodyKind.DELEGATE_GROUP
        )


class FileForm(_Bootstrap):
    file = forms.FileField(label=_("File"))
    note = _text(_("Note"), required=False, max_length=300)


class AgendaForm(_Bootstrap):
    day = _date(_("Day"))
    time = _text(_("Time"), required=False, max_length=30)
    title = _text(_("Content"))
    presenter = _text(_("Presented by"), required=False, max_length=200)


class JointConferenceForm(_Bootstrap):
    held_on = _date(_("Held on"))
    programme = _area(_("Agreed programme"))
    conclusions = _area(_("Conclusions"), required=False)


class VoteForm(_Bootstrap):
    held_on = _date(_("Date"))
    yes = forms.IntegerField(label=_("Yes"), min_value=0)
    no = forms.IntegerField(label=_("No"), min_value=0)
    abstain = forms.IntegerField(label=_("Abstain"), min_value=0)
    not_voting = forms.IntegerField(label=_("Not voting"), min_value=0)


class AdoptForm(_Bootstrap):
    adopted_on = _date(_("Adopted on"))
    implementing_agency = forms.ModelChoiceField(
        label=_("Implementing agency"), queryset=Body.objects.none(), required=False
    )
    content = _area(_("Grounds (căn cứ)"), required=False)

    def __init__(self, *args, province_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["implementing_agency"].queryset = Body.objects.filter(
            province_id=province_id, kind__in=[BodyKind.PEOPLES_COMMITTEE, BodyKind.AGENCY]
        ).order_by("kind", "name")


class FollowUpForm(_Bootstrap):
    reported_on = _date(_("Date"))
    content = _area(_("Report"))


class ConfidenceVoteForm(_Bootstrap):
    held_on = _date(_("Held on"))
    denominator_kind = forms.ChoiceField(
        label=_("Percentages of"), choices=ConfidenceVote.Denominator.choices
    )


class SubjectForm(_Bootstrap):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    post = _text(_("Post"), max_length=300)
    exempt = forms.BooleanField(label=_("Exempt"), required=False)
    exemption_reason = _text(_("Reason for exemption"), required=False, max_length=300)

    def __init__(self, *args, province_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(province_id=province_id).order_by("full_name")


class TallyForm(_Bootstrap):
    high = forms.IntegerField(label=_("High confidence"), min_value=0)
    medium = forms.IntegerField(label=_("Confidence"), min_value=0)
    low = forms.IntegerField(label=_("Low confidence"), min_value=0)
    ballots_cast = forms.IntegerField(label=_("Ballots cast"), min_value=0, required=False)


class AnswerForm(_Bootstrap):
    mode = forms.ChoiceField(label=_("How"), choices=Answer.Mode.choices)
    answered_on = _date(_("Answered on"))
    content = _area(_("Answer"))


class CommitmentForm(_Bootstrap):
    content = _area(_("Commitment"))
    due_date = _date(_("Due date"))


class CommitmentUpdateForm(_Bootstrap):
    status = forms.ChoiceField(label=_("Status"), choices=Commitment.Status.choices)
    follow_up = _area(_("Follow-up"), required=False)


class QuestionForm(_Bootstrap):
    delegate = forms.ModelChoiceField(label=_("Delegate"), queryset=Person.objects.none())
    addressee = _text(_("Official questioned"), max_length=300)
    addressee_body = forms.ModelChoiceField(label=_("Body answering"), queryset=Body.objects.none())
    content = _area(_("Question"))
    asked_on = _date(_("Asked on"))

    def __init__(self, *args, delegates, province_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegate"].queryset = delegates
        self.fields["addressee_body"].queryset = Body.objects.filter(
            province_id=province_id, kind__in=[BodyKind.PEOPLES_COMMITTEE, BodyKind.AGENCY]
        ).order_by("kind", "name")


class MeetingForm(_Bootstrap):
    body = forms.ModelChoiceField(label=_("Standing Committee"), queryset=Body.objects.none())
    held_on = _date(_("Held on"))
    title = _text(_("Title"), max_length=300)
    agenda = _area(_("Agenda"), required=False)
    conclusions = _area(_("Conclusions"), required=False)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = Body.objects.filter(kind=BodyKind.STANDING_COMMITTEE, active_to__isnull=True).order_by(
            "name"
        )
        if isinstance(provinces, set):
            bodies = bodies.filter(province_id__in=list(provinces))
        self.fields["body"].queryset = bodies


class HearingForm(MeetingForm):
    topic = _text(_("Topic"))
    notice_on = _date(_("Notice sent on"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "agenda"):
            del self.fields[name]
        self.fields["body"].label = _("Held by")


class TaskForm(_Bootstrap):
    content = _text(_("Task"))
    assignee = forms.ModelChoiceField(label=_("Assigned to"), queryset=Body.objects.none())
    due_date = _date(_("Due date"), required=False)

    def __init__(self, *args, province_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = Body.objects.filter(
            province_id=province_id, active_to__isnull=True
        ).order_by("kind", "name")


class InterimMatterForm(_Bootstrap):
    decided_on = _date(_("Decided on"))
    title = _text(_("Matter"))
    decision = _area(_("Decision"), required=False)


class InterimReportForm(_Bootstrap):
    session = forms.ModelChoiceField(label=_("Reported at session"), queryset=Body.objects.none())

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
