"""Input forms of the supervision module: they parse and type the input; rules live in services.
`params()` gives the keyword arguments of the service the form feeds. Choices are scoped to the
province of the record, or to where the user may manage."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from dancu.core.access import Access
from dancu.core.files import max_upload_bytes
from dancu.directory.models import AdministrativeUnit, Body, Person, UnitLevel

from .models import (
    ActivityKind,
    AnswerStatus,
    Decision,
    DocumentKind,
    EscalationLevel,
    MemberRole,
    ProposalSource,
)
from .permissions import SupervisionPerm
from .selectors import AGENCY_KINDS, PROGRAMME_BODY_KINDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YEARS = (2000, 2100)


def _area(label: Any, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}))


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE)


class SupervisionForm(forms.Form):
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
        return dict(self.cleaned_data)


def bodies_of(province_id: int, kinds: tuple[str, ...] = ()) -> QuerySet[Body]:
    qs = Body.objects.filter(province_id=province_id, active_to__isnull=True)
    return (qs.filter(kind__in=kinds) if kinds else qs).order_by("kind", "sort_key")


def places_of(province_id: int) -> QuerySet[AdministrativeUnit]:
    """Communes of the province, today's and those before the reform (old or new units)."""
    return (
        AdministrativeUnit.objects.filter(
            Q(parent_id=province_id)
            | Q(parent__parent_id=province_id)
            | Q(parent__successors__id=province_id)
            | Q(parent__parent__successors__id=province_id),
            level=UnitLevel.COMMUNE,
        )
        .distinct()
        .order_by("name")
    )


class TransitionForm(SupervisionForm):
    action = forms.CharField(max_length=40)
    resolution_number = forms.CharField(label=_("Resolution number"), required=False, max_length=50)
    resolution_date = _date(_("Adopted on"), required=False)

    def params(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if data.get("action") != "adopt":
            data.pop("resolution_number", None)
            data.pop("resolution_date", None)
        return data


class ProgrammeForm(SupervisionForm):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=YEARS[0], max_value=YEARS[1])
    title = forms.CharField(label=_("Title"), required=False, max_length=300)
    notes = _area(_("Notes"))

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = Body.objects.filter(kind__in=PROGRAMME_BODY_KINDS, active_to__isnull=True).order_by(
            "kind", "sort_key"
        )
        self.choices_from("body", access.scope(qs, SupervisionPerm.MANAGE))


class ProgrammeEditForm(SupervisionForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    notes = _area(_("Notes"))


class ProposalForm(SupervisionForm):
    year = forms.IntegerField(label=_("For the year"), min_value=YEARS[0], max_value=YEARS[1])
    source = forms.ChoiceField(label=_("Proposed by"), choices=ProposalSource.choices)
    source_body = forms.ModelChoiceField(
        label=_("Proposing body"), queryset=Body.objects.none(), required=False
    )
    proposer = forms.CharField(label=_("Proposer"), required=False, max_length=200)
    received_on = _date(_("Received on"))
    topic = forms.CharField(label=_("Topic"), max_length=300)
    need = _area(_("Why it is needed"))
    content = _area(_("Content"))
    scope = _area(_("Scope"))
    targets = _area(_("Supervised agencies and targets"))

    def __init__(self, *args: Any, province_id: int, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("source_body", bodies_of(province_id))
        if editing:
            del self.fields["year"]


class CompileForm(SupervisionForm):
    programme: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Programme"), queryset=None)  # type: ignore[arg-type]

    def __init__(self, *args: Any, queryset: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("programme", queryset)


class ActivityForm(SupervisionForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ActivityKind.choices)
    topic = forms.CharField(label=_("Topic"), max_length=300)
    content = _area(_("Content and scope"))
    agencies = forms.ModelMultipleChoiceField(
        label=_("Supervised agencies"), queryset=Body.objects.none(), required=False
    )
    places = forms.ModelMultipleChoiceField(
        label=_("Places"), queryset=AdministrativeUnit.objects.none(), required=False
    )
    planned_start = _date(_("Planned from"))
    planned_end = _date(_("Planned until"))

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("agencies", bodies_of(province_id, AGENCY_KINDS))
        self.choices_from("places", places_of(province_id))
        for name in ("agencies", "places"):
            self.fields[name].widget.attrs.update({"size": 6})


class ResolveForm(SupervisionForm):
    first = forms.IntegerField(min_value=1)
    second = forms.IntegerField(min_value=1)
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    target = forms.ChoiceField(
        label=_("Which activity"),
        choices=[("second", _("The second")), ("first", _("The first"))],
        initial="second",
        help_text=_("The one merged into the other, moved or dropped."),
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)
    new_start = _date(_("New start"), required=False)
    new_end = _date(_("New end"), required=False)


class TeamForm(SupervisionForm):
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=50)
    decision_date = _date(_("Decision date"), required=False)

    def params(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class MemberForm(SupervisionForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    body = forms.ModelChoiceField(label=_("From"), queryset=Body.objects.none(), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("person", Person.objects.filter(province_id=province_id).order_by("full_name"))
        self.choices_from("body", bodies_of(province_id))


class WorkSessionForm(SupervisionForm):
    held_on = _date(_("Date"))
    place = forms.CharField(label=_("Place"), max_length=300)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Body.objects.none(), required=False)
    site_visit = forms.BooleanField(label=_("Site visit"), required=False)
    minutes = _area(_("Minutes"))

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("agency", bodies_of(province_id, AGENCY_KINDS))


class AgencyReportForm(SupervisionForm):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Body.objects.none())
    received_on = _date(_("Received on"))
    reference = forms.CharField(label=_("Document number"), required=False, max_length=100)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("agency", bodies_of(province_id, AGENCY_KINDS))


class DocumentForm(SupervisionForm):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    issued_on = _date(_("Issued on"), required=False)
    text = _area(_("Text (findings, conclusions)"))
    draft = forms.BooleanField(label=_("Draft (results report, conclusions)"), required=False)

    def params(self) -> dict[str, Any]:
        data = super().params()
        draft = data.pop("draft", False)
        data["final"] = not (draft and data.get("kind") in (DocumentKind.REPORT, DocumentKind.CONCLUSIONS))
        return data


class RecommendationForm(SupervisionForm):
    content = _area(_("Recommendation"), required=True)
    lead_agency = forms.ModelChoiceField(label=_("Lead agency"), queryset=Body.objects.none())
    coordinating = forms.ModelMultipleChoiceField(
        label=_("Coordinating agencies"), queryset=Body.objects.none(), required=False
    )
    expected_result = forms.CharField(label=_("Expected result"), required=False, max_length=300)
    due_on = _date(_("Due on"), required=False)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("lead_agency", bodies_of(province_id, AGENCY_KINDS))
        self.choices_from("coordinating", bodies_of(province_id, AGENCY_KINDS))


class AnswerForm(SupervisionForm):
    text = _area(_("What was done"), required=True)
    proposed = forms.ChoiceField(label=_("Proposed status"), choices=AnswerStatus.choices)
    evidence = forms.FileField(label=_("Evidence file (PDF, DOCX, XLSX, image)"), required=False)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload and upload.size > max_upload_bytes():
            raise forms.ValidationError(_("The file is too large."))
        return upload


class DecideForm(SupervisionForm):
    accept = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Accept and close")), ("0", _("Reject"))],
        coerce=lambda v: v == "1",
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)


class EscalateForm(SupervisionForm):
    level = forms.ChoiceField(label=_("Step"), choices=EscalationLevel.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)


class RecommendationFilter(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "")])
    agency = forms.IntegerField(required=False, min_value=1)
    overdue = forms.BooleanField(required=False)
    year = forms.IntegerField(required=False, min_value=YEARS[0], max_value=YEARS[1])
