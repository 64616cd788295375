"""Input forms of the coordination module: they parse and type the input; the rules live in
the services. `params()` is the service's keyword arguments. Choices are scoped to the record's
province (or to where the user may manage)."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dancu.core.access import Access
from dancu.core.files import max_upload_bytes
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, BodyLevel, Person

from .models import Area, ReviewKind, TaskStatus
from .permissions import CoordinationPerm, provincial_provinces
from .workflow import MEETING_FLOW, TASK_FLOW

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MAX_COUNT = 100_000
YEARS = (2000, 2100)


class CoordinationForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            if isinstance(field.widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                css = "form-check-input"
            field.widget.attrs.setdefault("class", css)

    def choices_from(self, name: str, queryset: QuerySet) -> None:
        cast(forms.ModelChoiceField, self.fields[name]).queryset = queryset

    def params(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


def _text(label: Any, required: bool = True, max_length: int = 500) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=max_length)


def _area(label: Any, required: bool = False, rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=20_000, widget=forms.Textarea(attrs={"rows": rows})
    )


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE)


def _datetime(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
    )


def _count(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=MAX_COUNT, initial=0)


def _bodies(province_id: int) -> QuerySet[Body]:
    return Body.objects.filter(province_id=province_id, active_to__isnull=True).order_by("kind", "name")


def _province_bodies(province_id: int) -> QuerySet[Body]:
    return _bodies(province_id).filter(level=BodyLevel.PROVINCE)


def managed_provinces(access: Access) -> QuerySet[AdministrativeUnit]:
    qs = AdministrativeUnit.objects.filter(level="province", valid_to__isnull=True).order_by("name")
    provinces = provincial_provinces(access)
    qs = access.scope(qs, CoordinationPerm.MANAGE, field="pk")
    return qs if provinces is None or not isinstance(provinces, set) else qs.filter(pk__in=sorted(provinces))


class RegulationForm(CoordinationForm):
    number = _text(_("Number and symbol"), max_length=100)
    signed_on = _date(_("Signed on"))
    title = _text(_("Title"))
    valid_from = _date(_("Valid from"))
    valid_to = _date(_("Valid until"), required=False)
    parties = forms.ModelMultipleChoiceField(
        label=_("Parties"), queryset=Body.objects.none(), widget=forms.SelectMultiple(attrs={"size": 6})
    )

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("parties", _province_bodies(province_id))


class RegulationCreateForm(RegulationForm):
    province = forms.ModelChoiceField(label=_("Province"), queryset=AdministrativeUnit.objects.none())
    field_order = ["province", "number", "signed_on", "title", "valid_from", "valid_to", "parties"]

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        provinces = managed_provinces(access)
        first = provinces.first()
        super().__init__(*args, province_id=first.pk if first else 0, **kwargs)
        self.choices_from("province", provinces)
        self.choices_from(
            "parties",
            Body.objects.filter(
                province__in=provinces, level=BodyLevel.PROVINCE, active_to__isnull=True
            ).order_by("kind", "name"),
        )


class AreaForm(CoordinationForm):
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices)
    lead = forms.ModelMultipleChoiceField(
        label=_("Leads"),
        queryset=Body.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    coordinate = forms.ModelMultipleChoiceField(
        label=_("Coordinates"),
        queryset=Body.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    content = _area(_("Content of coordination"), rows=3)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("lead", _province_bodies(province_id))
        self.choices_from("coordinate", _bodies(province_id))


class ReviewCreateForm(CoordinationForm):
    year = forms.IntegerField(label=_("Year"), min_value=YEARS[0], max_value=YEARS[1])
    kind = forms.ChoiceField(label=_("Kind"), choices=ReviewKind.choices)
    held_on = _date(_("Review conference on"), required=False)


class ReviewForm(CoordinationForm):
    held_on = _date(_("Review conference on"), required=False)
    results = _area(_("Results"), rows=6)
    limits = _area(_("Limits"))
    causes = _area(_("Causes"))
    next_tasks = _area(_("Tasks for next year"))


class MeetingForm(CoordinationForm):
    title = _text(_("Title"), max_length=300)
    period = _text(_("Period reviewed"), max_length=200)
    starts_at = _datetime(_("Starts at"))
    ends_at = _datetime(_("Ends at"))
    place = _text(_("Place"), required=False, max_length=300)
    participants = forms.ModelMultipleChoiceField(
        label=_("Councils taking part"),
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The district councils until 1 July 2025, the commune councils since."),
    )
    reports_due = _date(_("Reports due"), required=False)
    agenda = _area(_("Agenda"), rows=3)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from(
            "participants",
            Body.objects.filter(province_id=province_id, kind=BodyKind.PEOPLES_COUNCIL)
            .exclude(level=BodyLevel.PROVINCE)
            .order_by("level", "name"),
        )


class MeetingCreateForm(MeetingForm):
    host = forms.ModelChoiceField(label=_("Host"), queryset=Body.objects.none())
    field_order = [
        "host",
        "title",
        "period",
        "starts_at",
        "ends_at",
        "place",
        "participants",
        "reports_due",
        "agenda",
    ]

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        provinces = managed_provinces(access)
        first = provinces.first()
        super().__init__(*args, province_id=first.pk if first else 0, **kwargs)
        self.choices_from(
            "host",
            Body.objects.filter(
                province__in=provinces, kind=BodyKind.STANDING_COMMITTEE, level=BodyLevel.PROVINCE
            ).order_by("name"),
        )
        self.choices_from(
            "participants",
            Body.objects.filter(province__in=provinces, kind=BodyKind.PEOPLES_COUNCIL)
            .exclude(level=BodyLevel.PROVINCE)
            .order_by("level", "name"),
        )


class ConclusionsForm(CoordinationForm):
    conclusions = _area(_("Conclusions of the chair"), required=True, rows=8)


class ReportForm(CoordinationForm):
    sessions_held = _count(_("Sessions held"))
    resolutions = _count(_("Resolutions adopted"))
    supervisions = _count(_("Supervisions"))
    voter_meetings = _count(_("Meetings with voters"))
    letters_received = _count(_("Letters received"))
    letters_handled = _count(_("Letters handled"))
    notes = _area(_("Remarks and proposals"))
    file = forms.FileField(label=_("Report file (PDF, Word)"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > max_upload_bytes():
            raise forms.ValidationError(_("The file is too large."))
        return upload

    def params(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["uploaded"] = data.pop("file") or None
        return data


class OpinionForm(CoordinationForm):
    body = forms.ModelChoiceField(label=_("From"), queryset=Body.objects.none(), required=False)
    speaker = _text(_("Speaker"), required=False, max_length=200)
    content = _area(_("Opinion"), required=True, rows=3)

    def __init__(
        self, *args: Any, province_id: int, participants: QuerySet[Body] | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.choices_from("body", participants if participants is not None else _bodies(province_id))


class TaskForm(CoordinationForm):
    content = _area(_("Task"), required=True, rows=3)
    owner_body = forms.ModelChoiceField(label=_("Owner (body)"), queryset=Body.objects.none(), required=False)
    owner_person = forms.ModelChoiceField(
        label=_("Owner (person)"), queryset=Person.objects.none(), required=False
    )
    due_date = _date(_("Due date"))

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("owner_body", _bodies(province_id))
        self.choices_from(
            "owner_person",
            Person.objects.filter(province_id=province_id, memberships__end_date__isnull=True)
            .distinct()
            .order_by("full_name"),
        )


class StepForm(CoordinationForm):
    action = forms.ChoiceField(label=_("Step"), choices=())
    result = _area(_("Result"), rows=2)

    def __init__(self, *args: Any, flow=MEETING_FLOW, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["action"]).choices = [(a.name, a.label) for a in flow.actions]


class TaskFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "")] + list(TaskStatus.choices))
    overdue = forms.BooleanField(required=False)


def default_times(day: datetime.date | None = None) -> dict[str, Any]:
    day = day or timezone.localdate()
    return {"starts_at": f"{day:%Y-%m-%d}T08:00", "ends_at": f"{day:%Y-%m-%d}T11:30"}


TASK_STEPS = TASK_FLOW
