from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Channel, Competence, Field, LetterKind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class BootstrapMixin:
    def style(self) -> None:
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control"


class IntakeForm(BootstrapMixin, forms.Form):
    receiving_body = forms.TypedChoiceField(label=_("Receiving body"), coerce=int)
    received_date = forms.DateField(label=_("Received"), initial=timezone.localdate)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    reception_day = forms.TypedChoiceField(
        label=_("Reception day"), coerce=int, required=False, empty_value=None
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=LetterKind.choices)
    letter_field = forms.ChoiceField(label=_("Field"), choices=Field.choices, initial=Field.OTHER)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    content = forms.CharField(
        label=_("Content"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20000
    )
    target = forms.CharField(label=_("Complained of / denounced"), max_length=300, required=False)
    is_anonymous = forms.BooleanField(label=_("Anonymous letter"), required=False)
    name = forms.CharField(label=_("Writer's name"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    id_number = forms.CharField(label=_("ID number"), max_length=20, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    signer_count = forms.IntegerField(label=_("Number of signers"), min_value=1, max_value=100000, initial=1)
    representative_count = forms.IntegerField(
        label=_("Number of representatives"), min_value=0, max_value=5, initial=0
    )
    in_vietnamese = forms.BooleanField(label=_("Written in Vietnamese"), required=False, initial=True)
    has_date = forms.BooleanField(label=_("Dated"), required=False, initial=True)
    has_name_address = forms.BooleanField(label=_("Writer's name and address"), required=False, initial=True)
    has_signature = forms.BooleanField(label=_("Signed or fingerprinted"), required=False, initial=True)
    has_required_content = forms.BooleanField(
        label=_("Content its kind requires"), required=False, initial=True
    )
    competence = forms.ChoiceField(
        label=_("Competence"), choices=Competence.choices, initial=Competence.UNKNOWN
    )
    is_remote = forms.BooleanField(label=_("Remote or difficult area"), required=False)
    is_complex = forms.BooleanField(label=_("Complex case"), required=False)
    attachments = MultipleFileField(label=_("Attachments (PDF, JPEG, PNG)"), required=False)

    def __init__(self, *args, bodies=(), reception_days=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_body"].choices = [(b.pk, b.name) for b in bodies]
        self.fields["reception_day"].choices = [("", "—")] + [(d.pk, str(d)) for d in reception_days]
        self.style()


class PublicSubmitForm(BootstrapMixin, forms.Form):
    receiving_body = forms.TypedChoiceField(label=_("Send to"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=LetterKind.choices)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)
    target = forms.CharField(label=_("Complained of / denounced"), max_length=300, required=False)
    name = forms.CharField(label=_("Your full name"), max_length=200)
    address = forms.CharField(label=_("Your address"), max_length=300)
    id_number = forms.CharField(label=_("ID number"), max_length=20, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, min_length=8)

    def __init__(self, *args, bodies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_body"].choices = [(b.pk, f"{b.name} ({b.province.name})") for b in bodies]
        self.style()


class StatusForm(BootstrapMixin, forms.Form):
    receipt_code = forms.CharField(label=_("Receipt code"), max_length=20)
    second_factor = forms.CharField(label=_("Last 4 digits of your phone number"), max_length=4, min_length=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style()
