"""The forms of the letters pages. A form checks the shape of the input and hands a service
its arguments (`service_kwargs`); the service checks the rules. Views call the service
through `core.forms.submit`, so a refused step re-renders the same form with the message next
to the field (status 400), while a permission refusal stays a 403."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dancu.core.files import max_upload_bytes

from . import challenge
from .models import Channel, Competence, Field, LetterKind
from .services import MAX_ATTACHMENTS, Citizens, Eligibility, Identity, Upload

# An id fits a 64-bit column: a longer number is not a choice (and never reaches the database).
MAX_ID_DIGITS = 18


def _too_long(value: Any) -> bool:
    return len(str(value).strip()) > MAX_ID_DIGITS



def eligibility_of(d: dict) -> Eligibility:
    """The five form checks of a letter's eligibility, from a form's cleaned data."""
    return Eligibility(
        d["in_vietnamese"], d["has_date"], d["has_name_address"], d["has_signature"], d["has_required_content"]
    )

class BoundedModelChoiceField(forms.ModelChoiceField):
    """A model choice whose id is checked for size before the database is asked (an id of
    10^25 is "not one of the choices", not an overflow)."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and _too_long(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value: Any) -> Any:
        if isinstance(value, list | tuple) and any(_too_long(v) for v in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": "…"}
            )
        return super().clean(value)


def uploads_of(files: list[Any]) -> list[Upload]:
    """Uploaded files as the services take them; a file over the size limit is refused before
    it is read into memory (its content is checked by the service, core.files.check_file)."""
    limit = max_upload_bytes()
    if len(files) > MAX_ATTACHMENTS:
        raise forms.ValidationError(_("At most %(n)s attachments per letter.") % {"n": MAX_ATTACHMENTS})
    for f in files:
        if f.size > limit:
            raise forms.ValidationError(
                _("The file %(name)s is larger than %(mb)s MB.") % {"name": f.name, "mb": limit // 1048576}
            )
    return [Upload(f.name, f.read()) for f in files]


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


class ObjectChoiceField(forms.TypedChoiceField):
    """A choice among objects the view already loaded (no query to validate): the cleaned value
    is the object, or None when the field is left empty."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("empty_value", None)
        super().__init__(*args, **kwargs)
        self.objects: dict[int, Any] = {}

    def set_objects(self, objects: Iterable[Any], label: Callable[[Any], str] = str, blank: str = "") -> None:
        self.objects = {o.pk: o for o in objects}
        self.choices = ([("", blank)] if blank else []) + [(pk, label(o)) for pk, o in self.objects.items()]

    def clean(self, value: Any) -> Any:
        pk = super().clean(value)
        return None if pk is None else self.objects[pk]


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


# How a letter to the writer addresses them ("Kính gửi: Ông …"); empty: "Ông/Bà".
SALUTATIONS = [("", "—"), ("Ông", _("Mr.")), ("Bà", _("Ms."))]
# Two different fields, two names (both used to read "Nội dung"): the short subject of the
# register ("Trích yếu nội dung") and the full text of the letter ("Nội dung đơn").
SUBJECT_LABEL = _("Summary of the content")
CONTENT_LABEL = _("Content of the letter")
# The intake fields whose value may reveal a duplicate: typing in them asks for the hints.
DUPLICATE_FIELDS = ("receiving_body", "subject", "content", "target", "name", "address", "id_number", "phone")


class IntakeForm(BootstrapMixin, forms.Form):
    receiving_body = ObjectChoiceField(label=_("Receiving body"))
    received_date = forms.DateField(label=_("Received"), initial=timezone.localdate)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    reception_day = ObjectChoiceField(label=_("Reception day"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=LetterKind.choices)
    letter_field = forms.ChoiceField(label=_("Field"), choices=Field.choices, initial=Field.OTHER)
    subject = forms.CharField(
        label=SUBJECT_LABEL,
        max_length=300,
        help_text=_("One line, as the register shows it."),
    )
    content = forms.CharField(
        label=CONTENT_LABEL, widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20000
    )
    target = forms.CharField(label=_("Complained of / denounced"), max_length=300, required=False)
    is_anonymous = forms.BooleanField(label=_("Anonymous letter"), required=False)
    salutation = forms.ChoiceField(label=_("Form of address"), choices=SALUTATIONS, required=False)
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
    attachments = MultipleFileField(label=_("Attachments (PDF, Word, JPEG, PNG)"), required=False)

    def __init__(self, *args, bodies=(), reception_days=(), hints_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_body"].set_objects(bodies, label=lambda b: b.name)  # type: ignore[attr-defined]
        self.fields["reception_day"].set_objects(reception_days, blank="—")  # type: ignore[attr-defined]
        self.style()
        if hints_url:
            # While the form is filled in: a debounced POST (personal data stays out of URLs)
            # to the scoped hints endpoint, whose answer replaces #duplicate-hints.
            params = ",".join(DUPLICATE_FIELDS)
            for name in DUPLICATE_FIELDS:
                self.fields[name].widget.attrs.update(
                    {
                        "hx-post": hints_url,
                        "hx-trigger": "input changed delay:600ms, change",
                        "hx-target": "#duplicate-hints",
                        "hx-swap": "innerHTML",
                        "hx-params": params,
                        "hx-sync": "#intake-form:replace",
                    }
                )

    def clean_attachments(self) -> list[Upload]:
        return uploads_of(self.cleaned_data["attachments"])

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "receiving_body": d["receiving_body"],
            "received_date": d["received_date"],
            "channel": d["channel"],
            "kind": d["kind"],
            "letter_field": d["letter_field"],
            "subject": d["subject"],
            "content": d["content"],
            "target": d["target"],
            "identity": Identity(
                d["name"], d["address"], d["id_number"], d["phone"], salutation=d["salutation"]
            ),
            "is_anonymous": d["is_anonymous"],
            "signer_count": d["signer_count"],
            "representative_count": d["representative_count"],
            "eligibility": eligibility_of(d),
            "competence": d["competence"],
            "is_remote": d["is_remote"],
            "is_complex": d["is_complex"],
            "reception_day": d["reception_day"],
            "attachments": d["attachments"],
        }


class PublicSubmitForm(BootstrapMixin, forms.Form):
    """The citizen's letter: its content, the writer, files, and the anti-spam challenge (a sum
    asked in plain text, `challenge.py`). The challenge's token is also the form's one-time
    token: sent twice, the form gives one letter."""

    receiving_body = forms.TypedChoiceField(label=_("Send to"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=LetterKind.choices)
    subject = forms.CharField(
        label=SUBJECT_LABEL,
        max_length=300,
        help_text=_("In one line, what your letter is about."),
    )
    content = forms.CharField(
        label=CONTENT_LABEL,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        help_text=_("The full text of your letter: what happened, where, when, and what you ask."),
    )
    target = forms.CharField(label=_("Complained of / denounced"), max_length=300, required=False)
    salutation = forms.ChoiceField(label=_("Form of address"), choices=SALUTATIONS, required=False)
    name = forms.CharField(label=_("Your full name"), max_length=200)
    address = forms.CharField(label=_("Your address"), max_length=300)
    id_number = forms.CharField(label=_("ID number"), max_length=20, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, min_length=8)
    attachments = MultipleFileField(
        label=_("Attachments (PDF, Word, JPEG, PNG)"),
        required=False,
        help_text=_("Scans or photos of your letter and its evidence, at most 10 files."),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=400)
    answer = forms.CharField(
        label=_("Anti-spam check"),
        max_length=3,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Answer the anti-spam question.")},
    )

    def __init__(self, *args, bodies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_body"].choices = [(b.pk, f"{b.name} ({b.province.name})") for b in bodies]  # type: ignore[attr-defined]
        self.style()
        self.challenge: challenge.Challenge | None = None
        if not self.is_bound:
            self.new_challenge()

    def new_challenge(self) -> None:
        """A fresh question (a new form, or one sent back with an error): the old token is
        not asked again and the answer box is emptied."""
        self.challenge = challenge.new_challenge()
        if self.is_bound:
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict
            data["token"] = self.challenge.token
            data["answer"] = ""
            self.data = data
        else:
            self.initial["token"] = self.challenge.token
        self.fields["answer"].help_text = _(
            "To show that a person is sending this letter: how much is %(a)s plus %(b)s? Write the number."
        ) % {"a": self.challenge.a, "b": self.challenge.b}
        getattr(self, "_bound_fields_cache", {}).pop("answer", None)  # a bound field copies its help text

    def clean_attachments(self) -> list[Upload]:
        return uploads_of(self.cleaned_data["attachments"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "token" in data and "answer" in data:
            try:
                self.challenge = challenge.verify(data["token"], data["answer"])
            except challenge.ChallengeFailed:
                self.add_error(
                    "answer", _("The answer to the anti-spam question is not right, or the form is too old.")
                )
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        assert self.challenge is not None  # a valid form has passed its challenge
        return {
            "receiving_body_id": d["receiving_body"],
            "kind": d["kind"],
            "subject": d["subject"],
            "content": d["content"],
            "target": d["target"],
            "identity": Identity(
                d["name"], d["address"], d["id_number"], d["phone"], salutation=d["salutation"]
            ),
            "attachments": d["attachments"],
            "token": self.challenge.nonce,
        }


class StatusForm(BootstrapMixin, forms.Form):
    """The public look-up, sent by POST (CSRF-protected): the receipt code and the phone's
    digits never appear in a URL, so never in an access log or the browser's history."""

    receipt_code = forms.CharField(label=_("Receipt code"), max_length=20)
    second_factor = forms.CharField(
        label=_("Last 4 digits of your phone number"),
        max_length=4,
        min_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style()

    def service_kwargs(self) -> dict[str, Any]:
        return {
            "receipt_code": self.cleaned_data["receipt_code"],
            "second_factor": self.cleaned_data["second_factor"],
        }


# -- the steps on a letter's page ------------------------------------------------------------


class StepForm(forms.Form):
    """A one-click step (accept, guide, file, inform, urge, extend): no input."""

    def __init__(self, *args: Any, letter: Any = None, choices: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)

    def service_kwargs(self) -> dict[str, Any]:
        return {}


class ForwardForm(StepForm):
    to_body: forms.ModelChoiceField[Any] = BoundedModelChoiceField(
        label=_("Forward to"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose the body to forward to.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: Any, choices: QuerySet | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_body"].queryset = choices  # type: ignore[attr-defined]

    def service_kwargs(self) -> dict[str, Any]:
        return {"to_body": self.cleaned_data["to_body"]}


class GuideForm(StepForm):
    """Guide the writer: the competent body is named (from the directory, or typed)."""

    guided_to: forms.ModelChoiceField[Any] = BoundedModelChoiceField(
        label=_("Competent body"),
        queryset=None,
        required=False,
        empty_label="—",
        error_messages={"invalid_choice": _("Choose a body that exists today.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    guided_to_name = forms.CharField(
        label=_("or, when it is not in the list, its name"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args: Any, choices: QuerySet | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guided_to"].queryset = choices  # type: ignore[attr-defined]

    def service_kwargs(self) -> dict[str, Any]:
        return {"to_body": self.cleaned_data["guided_to"], "to_name": self.cleaned_data["guided_to_name"]}


class LinkForm(StepForm):
    other: forms.ModelChoiceField[Any] = BoundedModelChoiceField(
        queryset=None,
        error_messages={
            "invalid_choice": _("Choose the letter to link."),
            "required": _("Choose the letter to link."),
        },
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, choices: QuerySet | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = choices  # type: ignore[attr-defined]

    def service_kwargs(self) -> dict[str, Any]:
        return {"other": self.cleaned_data["other"]}


class SplitForm(StepForm):
    kinds = forms.MultipleChoiceField(
        choices=LetterKind.choices,
        error_messages={"required": _("Choose the kinds of the items.")},
    )

    def service_kwargs(self) -> dict[str, Any]:
        return {"kinds": self.cleaned_data["kinds"]}


class ResultForm(StepForm):
    result = forms.CharField(
        label=_("Result"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"})
    )

    def service_kwargs(self) -> dict[str, Any]:
        return {"result": self.cleaned_data["result"]}


class RevealForm(StepForm):
    reason = forms.CharField(
        label=_("Reason for revealing the identity"),
        max_length=500,
        required=False,  # the service says why a reason is needed
        widget=forms.TextInput(attrs={"class": "form-control", "minlength": 5, "required": True}),
    )

    def service_kwargs(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["reason"]}


class DestructionForm(forms.Form):
    """The filed letters chosen on the destruction list (approved all together or none)."""

    letter = forms.TypedMultipleChoiceField(
        coerce=int, error_messages={"required": _("Choose the letters to destroy.")}
    )

    def __init__(self, *args: Any, letters: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["letter"].choices = [(x.pk, x.number) for x in letters]  # type: ignore[attr-defined]

    def service_kwargs(self) -> dict[str, Any]:
        return {"letter_ids": self.cleaned_data["letter"]}


# -- reception days and visits -----------------------------------------------------------------


class ReceptionDayForm(BootstrapMixin, forms.Form):
    body = ObjectChoiceField(label=_("Body"))
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    receiving_delegates = forms.CharField(label=_("Delegates receiving"), max_length=500, required=False)
    posted_on = forms.DateField(
        label=_("Schedule posted on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    deputy_notified_on = forms.DateField(
        label=_("Deputy told on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, bodies: Iterable[Any] = (), **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "rd-%s")
        super().__init__(*args, **kwargs)
        self.fields["body"].set_objects(bodies, label=lambda b: b.name)  # type: ignore[attr-defined]
        self.style()

    def service_kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

    @staticmethod
    def initial_of(day: Any) -> dict[str, Any]:
        return {
            "body": day.body_id,
            "date": day.date,
            "place": day.place,
            "receiving_delegates": day.receiving_delegates,
            "posted_on": day.posted_on,
            "deputy_notified_on": day.deputy_notified_on,
        }


class VisitForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=LetterKind.choices)
    citizens = forms.CharField(
        label=_("Citizens received (one per line, the representative first)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sealed when the visit is a denunciation."),
    )
    citizen_count = forms.IntegerField(
        label=_("Number of citizens"), min_value=1, max_value=99999, required=False
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    id_number = forms.CharField(label=_("ID number"), max_length=20, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    delegates: forms.ModelMultipleChoiceField[Any] = BoundedModelMultipleChoiceField(
        label=_("Delegates receiving"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    content = forms.CharField(label=_("Content"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3}))
    result = forms.CharField(
        label=_("Result"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    follow_up = forms.CharField(
        label=_("Follow-up"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        *args: Any,
        delegates: QuerySet | None = None,
        editing: bool = False,
        sealed: bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("auto_id", "v-%s")
        super().__init__(*args, **kwargs)
        self.fields["delegates"].queryset = delegates  # type: ignore[attr-defined]
        if editing:
            # A correction: what is left empty keeps what was recorded (a sealed visit's names
            # and every representative's contact details are never put back in the form).
            self.fields["citizens"].required = False
            self.fields["citizens"].help_text = (
                _("Sealed: leave empty to keep the names recorded, or type them all again.")
                if sealed
                else _("The names recorded; correct them here.")
            )
            for name in ("address", "id_number", "phone"):
                self.fields[name].help_text = _("Leave empty to keep what was recorded.")
        self.style()

    @staticmethod
    def initial_of(visit: Any) -> dict[str, Any]:
        return {
            "kind": visit.kind,
            "citizens": "" if visit.is_sealed else visit.citizens,
            "citizen_count": visit.citizen_count,
            "delegates": [p.pk for p in visit.delegates.all()],
            "content": visit.content,
            "result": visit.result,
            "follow_up": visit.follow_up,
        }

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "kind": d["kind"],
            "citizens": Citizens(
                names=d["citizens"].splitlines(),
                address=d["address"],
                id_number=d["id_number"],
                phone=d["phone"],
            ),
            "citizen_count": d["citizen_count"],
            "content": d["content"],
            "delegates": list(d["delegates"]),
            "result": d["result"],
            "follow_up": d["follow_up"],
        }


# -- corrections, deletions, the report's period ----------------------------------------------


class LetterEditForm(IntakeForm):
    """Correct a registered letter: its registration data, and the writer's details for
    whoever may see them (`identity`; left empty, a detail keeps the one recorded, and the
    recorded ones are never put in the form)."""

    def __init__(self, *args: Any, identity: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("receiving_body", "is_anonymous", "attachments"):
            del self.fields[name]
        identity_fields = ("salutation", "name", "address", "id_number", "phone")
        for name in identity_fields:
            if not identity:
                del self.fields[name]
            else:
                self.fields[name].help_text = _("Leave empty to keep what was recorded.")

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        kwargs = {
            "received_date": d["received_date"],
            "channel": d["channel"],
            "kind": d["kind"],
            "letter_field": d["letter_field"],
            "subject": d["subject"],
            "content": d["content"],
            "target": d["target"],
            "signer_count": d["signer_count"],
            "representative_count": d["representative_count"],
            "eligibility": eligibility_of(d),
            "competence": d["competence"],
            "is_remote": d["is_remote"],
            "is_complex": d["is_complex"],
            "reception_day": d["reception_day"],
            "identity": None,
        }
        if "name" in d:
            kwargs["identity"] = Identity(
                d["name"], d["address"], d["id_number"], d["phone"], salutation=d["salutation"]
            )
        return kwargs

    @staticmethod
    def initial_of(letter: Any) -> dict[str, Any]:
        return {
            "received_date": letter.received_date,
            "channel": letter.channel,
            "reception_day": letter.reception_day_id,
            "kind": letter.kind,
            "letter_field": letter.field,
            "subject": letter.subject,
            "content": letter.content,
            "target": letter.target,
            "signer_count": letter.signer_count,
            "representative_count": letter.representative_count,
            "in_vietnamese": letter.in_vietnamese,
            "has_date": letter.has_date,
            "has_name_address": letter.has_name_address,
            "has_signature": letter.has_signature,
            "has_required_content": letter.has_required_content,
            "competence": letter.competence,
            "is_remote": letter.is_remote,
            "is_complex": letter.is_complex,
        }


class DeleteForm(BootstrapMixin, forms.Form):
    """Delete a record made by mistake: the reason, and a confirmation."""

    reason = forms.CharField(
        label=_("Why it is deleted"),
        max_length=500,
        required=False,  # the service says why a reason is needed
        widget=forms.TextInput(attrs={"minlength": 5}),
    )
    confirm = forms.BooleanField(
        label=_("I confirm: this record was made by mistake and is to be deleted."),
        error_messages={"required": _("Tick the confirmation to delete.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "del-%s")
        super().__init__(*args, **kwargs)
        self.style()

    def service_kwargs(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["reason"]}


class ReportPeriodForm(forms.Form):
    """The period of the statistics and of the report (a GET form): the first or last six
    months of a year, the whole year, or from-to; for a user of several provinces, which one."""

    HALVES = [("", _("Whole year")), ("1", _("First six months")), ("2", _("Last six months"))]

    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False)
    half = forms.ChoiceField(label=_("Period"), choices=HALVES, required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    province = forms.TypedChoiceField(label=_("Province"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, provinces: Iterable[Any] = (), **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "period-%s")
        super().__init__(*args, **kwargs)
        provinces = list(provinces)
        self.fields["province"].choices = [(p.pk, p.name) for p in provinces]  # type: ignore[attr-defined]
        if len(provinces) <= 1:
            self.fields["province"].widget = forms.HiddenInput()
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class", "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if (start is None) != (end is None):
            self.add_error(
                "date_to" if start else "date_from", _("Give both dates of the period, or neither.")
            )
        elif start and end and start > end:
            self.add_error("date_to", _("The period ends before it starts."))
        elif start and end and (end - start).days > 366 * 5:
            self.add_error("date_to", _("Choose a period of at most five years."))
        return data

    def period(self, today: Any, *, default: bool = True) -> Any:
        """The period chosen; none chosen: the current six months (`default`), else None."""
        from . import periods

        d = self.cleaned_data if self.is_bound else {}
        if d.get("date_from") and d.get("date_to"):
            return periods.between(d["date_from"], d["date_to"])
        if d.get("year"):
            return periods.half_year(d["year"], d["half"]) if d.get("half") else periods.whole_year(d["year"])
        if d.get("half"):
            return periods.half_year(today.year, d["half"])
        return periods.current_half(today) if default else None
