"""Forms of the consultations module: they read input only; services decide (core.forms.submit)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from dancu.core.access import Access
from dancu.core.files import max_upload_bytes
from dancu.core.forms import SpreadsheetUploadForm
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Person

from .models import Conference, Consideration
from .permissions import MANAGE

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
RECIPIENT_KINDS = [
    BodyKind.COMMITTEE,
    BodyKind.STANDING_COMMITTEE,
    BodyKind.PEOPLES_COUNCIL,
    BodyKind.PEOPLES_COMMITTEE,
    BodyKind.AGENCY,
    BodyKind.FATHERLAND_FRONT,
]


class Form(forms.Form):
    """Bootstrap classes on every widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = (
                "form-select"
                if isinstance(field.widget, forms.Select | forms.SelectMultiple)
                else "form-control"
            )
            if isinstance(field.widget, forms.CheckboxInput):
                css = "form-check-input"
            field.widget.attrs.setdefault("class", css)


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE)


def _area(label: Any, required: bool = True, rows: int = 3, max_length: int = 20000) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=forms.Textarea(attrs={"rows": rows})
    )


def managed_provinces(access: Access) -> QuerySet[AdministrativeUnit]:
    ids = access.province_ids(MANAGE)
    qs = (
        AdministrativeUnit.objects.filter(level="province", valid_to__isnull=True)
        if ids is None
        else AdministrativeUnit.objects.filter(pk__in=ids)
    )
    return qs.order_by("name")


class DraftForm(Form):
    province = forms.ModelChoiceField(label=_("Province"), queryset=AdministrativeUnit.objects.none())
    name = forms.CharField(
        label=_("Draft name"), max_length=300, help_text=_("e.g. Draft Law on Land (amended)")
    )
    session = forms.CharField(label=_("National Assembly session"), max_length=200)
    session_start = _date(_("Session opens on"), required=False)
    consideration = forms.ChoiceField(label=_("Consideration"), choices=Consideration.choices)
    drafting_body = forms.CharField(label=_("Drafting body"), max_length=300, required=False)
    vetting_committee = forms.CharField(label=_("Vetting committee"), max_length=300, required=False)
    synthesis_due = _date(_("Synthesis due"), required=False)
    lead_delegate = forms.ModelChoiceField(
        label=_("Lead deputy"), queryset=Person.objects.none(), required=False
    )
    online = forms.BooleanField(label=_("Collect comments online (public page)"), required=False)
    note = _area(_("Note"), required=False, max_length=5000)

    def __init__(self, *args: Any, access: Access, province_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = managed_provinces(access)
        cast(forms.ModelChoiceField, self.fields["province"]).queryset = provinces
        if province_id is None and provinces.count() == 1:
            self.fields["province"].initial = provinces.first()
        people = Person.objects.filter(
            memberships__body__kind=BodyKind.NA_DELEGATION, memberships__end_date__isnull=True
        )
        if province_id is not None:
            people = people.filter(memberships__body__province_id=province_id)
        else:
            people = people.filter(memberships__body__province__in=provinces)
        cast(forms.ModelChoiceField, self.fields["lead_delegate"]).queryset = people.distinct().order_by(
            "sort_key"
        )
        self.fields["synthesis_due"].help_text = _("Empty: the set number of days before the session opens.")


class DraftEditForm(DraftForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["province"]


class VersionForm(Form):
    file = forms.FileField(label=_("Draft file (.docx or .pdf)"), required=False)
    text = _area(_("Or paste the text of the draft"), required=False, rows=6, max_length=2_000_000)
    label = forms.CharField(
        label=_("Label"),
        max_length=200,
        required=False,
        help_text=_("e.g. Draft submitted to the 10th session"),
    )
    received_on = _date(_("Received on"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > max_upload_bytes():
            raise forms.ValidationError(_("The file is too large."))
        return upload

    def params(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "upload": data.get("file"),
            "text": data.get("text") or "",
            "label": data.get("label") or "",
            "received_on": data.get("received_on"),
        }


class RecipientsForm(Form):
    bodies = forms.ModelMultipleChoiceField(
        label=_("Bodies asked"), queryset=Body.objects.none(), widget=forms.SelectMultiple(attrs={"size": 10})
    )
    requested_on = _date(_("Requested on"))
    due_on = _date(_("Due on"), required=False)
    request_number = forms.CharField(label=_("Request letter number"), max_length=60, required=False)

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = Body.objects.filter(
            province_id=province_id, active_to__isnull=True, kind__in=RECIPIENT_KINDS
        ).order_by("kind", "sort_key")
        cast(forms.ModelMultipleChoiceField, self.fields["bodies"]).queryset = qs
        self.fields["due_on"].help_text = _("Empty: the set number of days after the request.")


class RecipientEditForm(Form):
    due_on = _date(_("Due on"))
    answered_on = _date(_("Answered on"), required=False)


class ConferenceForm(Form):
    format = forms.ChoiceField(label=_("Format"), choices=Conference.Format.choices)
    held_on = _date(_("Date"))
    place = forms.CharField(label=_("Place"), max_length=300)
    participants = _area(_("Participants"), required=False, max_length=5000)
    participant_count = forms.IntegerField(
        label=_("Number of participants"), min_value=0, max_value=100000, required=False
    )
    linked_id = forms.IntegerField(
        label=_("Voter meeting number (petitions module)"), min_value=1, required=False
    )

    def params(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["participant_count"] = data.get("participant_count") or 0
        data["linked_kind"] = "petitions.votermeeting" if data.get("linked_id") else ""
        return data


class CommentForm(Form):
    """A comment the Office records; `path` is chosen among the latest version's provisions."""

    path = forms.ChoiceField(label=_("Article / clause / point"), required=False, choices=())
    source = forms.ChoiceField(label=_("From"), choices=())
    source_name = forms.CharField(label=_("Commented by (organisation)"), max_length=300, required=False)
    text = _area(_("Comment"), rows=4)
    proposal = _area(_("Proposed wording"), required=False)

    def __init__(
        self, *args: Any, paths: list[tuple[str, str]], recipients, conferences, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["path"]).choices = [("", _("The whole draft")), *paths]
        sources: list[tuple[str, Any]] = [("office", _("The Office (own comment)"))]
        sources += [(f"r{r.pk}", r.body.name) for r in recipients]
        sources += [
            (f"c{c.pk}", f"{c.get_format_display()} {c.held_on:%d/%m/%Y} – {c.place}") for c in conferences
        ]
        cast(forms.ChoiceField, self.fields["source"]).choices = sources
        self._recipients = {f"r{r.pk}": r for r in recipients}
        self._conferences = {f"c{c.pk}": c for c in conferences}

    def params(self) -> dict[str, Any]:
        data = self.cleaned_data
        source = data["source"]
        return {
            "path": data.get("path") or "",
            "text": data["text"],
            "proposal": data.get("proposal") or "",
            "recipient": self._recipients.get(source),
            "conference": self._conferences.get(source),
            "source_name": data.get("source_name") or "",
        }


class RespondForm(Form):
    """A recipient's own user comments on one provision (or the whole draft)."""

    path = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    text = _area(_("Comment"), rows=3)
    proposal = _area(_("Proposed wording"), required=False, rows=2)


class PublicCommentForm(Form):
    """A voter's comment: no name, no contact (none is stored); `website` is a trap for robots."""

    path = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    text = _area(_("Your comment"), rows=3, max_length=5000)
    proposal = _area(_("Proposed wording (optional)"), required=False, rows=2, max_length=5000)
    area = forms.CharField(label=_("Commune or ward (optional)"), max_length=120, required=False)
    website = forms.CharField(
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class PositionForm(Form):
    article_key = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    text = _area(_("Position of the delegation"), required=False, rows=3)
    proposal = _area(_("Proposed wording"), required=False, rows=2)


class DispatchForm(Form):
    number = forms.CharField(label=_("Number"), max_length=60, help_text=_("e.g. 45/BC-ĐĐBQH"))
    sent_on = _date(_("Date"))
    recipients = _area(_("Sent to (one per line)"), rows=4, max_length=5000)

    def params(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "number": data["number"],
            "sent_on": data["sent_on"],
            "recipients": data["recipients"].splitlines(),
        }


class SpeechForm(Form):
    spoken_on = _date(_("Date"))
    speaker_name = forms.CharField(label=_("Deputy"), max_length=200)
    article_key = forms.CharField(label=_("Article (e.g. d12)"), max_length=20, required=False)
    summary = _area(_("Summary"), rows=3, max_length=5000)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")


class TransitionForm(Form):
    action = forms.ChoiceField(choices=())

    def __init__(self, *args: Any, actions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["action"]).choices = [(a, a) for a in actions]


class DraftsImportForm(SpreadsheetUploadForm):
    province = forms.ModelChoiceField(label=_("Province"), queryset=AdministrativeUnit.objects.none())

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = managed_provinces(access)
        cast(forms.ModelChoiceField, self.fields["province"]).queryset = provinces
        if provinces.count() == 1:
            self.fields["province"].initial = provinces.first()
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class", "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            )
