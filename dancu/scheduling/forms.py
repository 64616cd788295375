"""Forms of the calendar: input only (the services check and write). Dates dd/mm/yyyy."""

from __future__ import annotations

import datetime
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dancu.core.access import get_access
from dancu.directory.models import Body, BodyKind, Person

from .models import Event, EventKind, Hall
from .permissions import SchedulingPerm

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
TIME_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M", "%Hh"]
# Bodies that hold or publish events in the calendar.
CALENDAR_BODY_KINDS = [
    BodyKind.STANDING_COMMITTEE,
    BodyKind.COMMITTEE,
    BodyKind.PEOPLES_COUNCIL,
    BodyKind.DELEGATE_GROUP,
    BodyKind.NA_DELEGATION,
    BodyKind.PEOPLES_COMMITTEE,
    BodyKind.OFFICE,
    BodyKind.FATHERLAND_FRONT,
    BodyKind.AGENCY,
]


def date_field(label, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"class": "form-control", "placeholder": "dd/mm/yyyy", "inputmode": "numeric"},
        ),
    )


def time_field(label, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "form-control", "placeholder": "hh:mm"}),
    )


def _choices(form: forms.BaseForm, name: str, queryset) -> None:
    cast(forms.ModelChoiceField, form.fields[name]).queryset = queryset


def bodies_for(user, perm: str = SchedulingPerm.MANAGE):
    return (
        get_access(user)
        .scope(Body.objects.filter(kind__in=CALENDAR_BODY_KINDS, active_to__isnull=True), perm)
        .order_by("kind", "name")
    )


class EventForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Held by"), queryset=Body.objects.none(), widget=forms.Select(attrs={"class": "form-select"})
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=EventKind.choices, widget=forms.Select(attrs={"class": "form-select"})
    )
    title = forms.CharField(
        label=_("Title"), max_length=300, widget=forms.TextInput(attrs={"class": "form-control"})
    )
    start_date = date_field(_("Date"))
    start_time = time_field(_("From"), required=False)
    end_date = date_field(_("Until (date)"), required=False)
    end_time = time_field(_("Until (time)"), required=False)
    all_day = forms.BooleanField(
        label=_("All day"), required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"})
    )
    hall = forms.ModelChoiceField(
        label=_("Hall"),
        queryset=Hall.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 8}),
        help_text=_("People booked for the event: the calendar warns when one of them is booked elsewhere."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )

    def __init__(self, *args, user=None, event: Event | None = None, **kwargs):
        if event is not None and "initial" not in kwargs:
            local_start, local_end = timezone.localtime(event.start), timezone.localtime(event.end)
            if event.all_day:
                local_end -= datetime.timedelta(days=1)
            kwargs["initial"] = {
                "body": event.body_id,
                "kind": event.kind,
                "title": event.title,
                "start_date": local_start.date(),
                "start_time": None if event.all_day else local_start.time(),
                "end_date": local_end.date(),
                "end_time": None if event.all_day else local_end.time(),
                "all_day": event.all_day,
                "hall": event.hall_id,
                "place": event.place,
                "participants": list(event.participants.values_list("pk", flat=True)),
                "description": event.description,
            }
        super().__init__(*args, **kwargs)
        access = get_access(user)
        _choices(self, "body", bodies_for(user))
        _choices(self, "hall", access.scope(Hall.objects.filter(active=True), SchedulingPerm.MANAGE))
        _choices(
            self,
            "participants",
            access.scope(Person.objects.all(), SchedulingPerm.MANAGE).order_by("full_name"),
        )

    def clean(self):
        data = super().clean() or {}
        day = data.get("start_date")
        if day is None:
            return data
        end_day = data.get("end_date") or day
        tz = timezone.get_current_timezone()
        if data.get("all_day"):
            start = datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=tz)
            end = datetime.datetime.combine(
                end_day + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=tz
            )
        else:
            if data.get("start_time") is None:
                self.add_error("start_time", _("Give the start time, or tick “All day”."))
                return data
            if data.get("end_time") is None:
                self.add_error("end_time", _("Give the end time, or tick “All day”."))
                return data
            start = datetime.datetime.combine(day, data["start_time"], tzinfo=tz)
            end = datetime.datetime.combine(end_day, data["end_time"], tzinfo=tz)
        if end <= start:
            self.add_error("end_time", _("The event must end after it starts."))
        data["start"], data["end"] = start, end
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        return {
            "body": d["body"],
            "kind": d["kind"],
            "title": d["title"],
            "start": d["start"],
            "end": d["end"],
            "all_day": bool(d.get("all_day")),
            "hall": d.get("hall"),
            "place": d.get("place", ""),
            "participants": list(d.get("participants") or []),
            "description": d.get("description", ""),
        }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


class HallForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"class": "form-control"})
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    capacity = forms.IntegerField(
        label=_("Seats"),
        min_value=1,
        max_value=100000,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )


class BodyChoiceForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Whose calendar"),
        queryset=Body.objects.none(),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = bodies_for(user)
        _choices(self, "body", bodies)
        pc = bodies.filter(kind=BodyKind.PEOPLES_COMMITTEE).first()
        if pc is not None and not self.is_bound:
            self.initial.setdefault("body", pc.pk)


class IcsUploadForm(BodyChoiceForm):
    file = forms.FileField(
        label=_("ICS file (.ics)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".ics,text/calendar"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The ICS file is larger than 5 MB."))
        return upload


class ExcelUploadForm(BodyChoiceForm):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )

    def clean_file(self):
        from dancu.core.excel import SpreadsheetRejected, check_upload

        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except SpreadsheetRejected as exc:
            raise forms.ValidationError(exc.message) from exc
        return upload


class SubscriptionForm(BodyChoiceForm):
    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"class": "form-control"})
    )
    url = forms.URLField(
        label=_("Address (URL) of the ICS calendar"),
        max_length=1000,
        widget=forms.URLInput(attrs={"class": "form-control"}),
        assume_scheme="https",
    )


class FeedForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        help_text=_(
            "Leave empty for your own calendar (your meetings and your bodies'); a body's feed is for the Office to share."
        ),
    )
    label = forms.CharField(
        label=_("Label"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _choices(self, "body", bodies_for(user))


class PlanningForm(forms.Form):
    opening = date_field(_("Opening day"), required=False)
