"""Forms of the petitions pages: they turn request data into the arguments of one service.

Widgets carry the ids the pages (and the browser test) use: the field's name, unless noted.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dancu.core.forms import SpreadsheetUploadForm
from dancu.directory.models import AdministrativeUnit, Body, Person

from . import selectors
from .fields import FIELD_CHOICES, LEVEL_CHOICES
from .models import AnswerStatus, DelegateLevel, ForwardingBatch, MeetingKind, Petition, Round
from .services import CONSOLIDATION_ACTIONS, MAX_VOTERS, parse_numbered_list

# Ids have at most 18 digits (as in URLs, core.apps): they fit a 64-bit column, so a larger
# number is refused by the form, never sent to the database (an overflow there is a 500).
MAX_ID = 10**18 - 1
_ID = re.compile(r"[0-9]{1,18}")
# Dates of rounds, meetings and dispatches: far beyond any real one, and a due date computed
# from them stays a date.
FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)


def _is_id(value: Any) -> bool:
    return bool(_ID.fullmatch(str(value).strip()))


class BoundedDateField(forms.DateField):
    """A date between 1900 and 2100 (a year 9999 would overflow a computed due date)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", DateWidget())
        super().__init__(**kwargs)
        message = _("Enter a date from 1900 to 2100.")
        self.validators += [MinValueValidator(FIRST_DAY, message), MaxValueValidator(LAST_DAY, message)]


class IdChoiceField(forms.ModelChoiceField):
    """A model choice whose value must look like an id before the database is asked."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not _is_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several model choices, each of which must look like an id before the database is asked
    (a `pk__in` with 10^25 overflows SQLite's integers)."""

    def clean(self, value: Any) -> Any:
        for item in value if isinstance(value, list | tuple) else ():
            if not _is_id(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )
        return super().clean(value)


class DateWidget(forms.DateInput):
    """The browser's date picker: ISO dates, whatever the language."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


class ModelSelect(forms.Select):
    """A select of model choices that does not read its first choice to decide on `required`
    (a second query of the choices; a select whose first option has a value gets no `required`
    anyway)."""

    def use_required_attribute(self, initial: Any) -> bool:
        return False


class IdListField(forms.Field):
    """Ids ticked in checkboxes (or hidden inputs) of one name, in the order sent, without
    repeats; anything that is not an id is ignored."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return list(dict.fromkeys(int(v) for v in values if str(v).isdigit() and len(str(v)) < 12))


class ServiceForm(forms.Form):
    """A form whose valid data are the keyword arguments of one service (`arguments()`)."""

    def arguments(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


def yes_no(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=(("1", _("Yes")), ("0", _("No"))), coerce=lambda value: value == "1"
    )


class StyledForm(ServiceForm):
    """Bootstrap classes on every widget (and `is-invalid` on a field with errors, described
    by its message); ids equal to the field names unless `auto_id` says otherwise."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        for f in self.fields.values():
            widget = f.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            elif not isinstance(widget, forms.HiddenInput | forms.MultipleHiddenInput):
                widget.attrs.setdefault("class", "form-control")

    def full_clean(self) -> None:
        super().full_clean()
        self.mark_invalid()

    def mark_invalid(self) -> None:
        """`is-invalid` and `aria-describedby` on the fields that carry a message (also after a
        service's refusal was attached: call again)."""
        for name, f in self.fields.items():
            if name in self.errors and not isinstance(f.widget, forms.CheckboxSelectMultiple):
                css = f.widget.attrs.get("class", "")
                if "is-invalid" not in css:
                    f.widget.attrs["class"] = f"{css} is-invalid".strip()
                auto_id = self.auto_id if isinstance(self.auto_id, str) else "%s"
                f.widget.attrs["aria-describedby"] = f"{auto_id % name}-error"


class RoundForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=300)
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_("Short, without spaces or diacritics, e.g. txct-qh15-ky10."),
    )
    start_date = BoundedDateField(label=_("Start"))
    end_date = BoundedDateField(label=_("End"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["name"].widget.attrs["placeholder"] = "TXCT trước kỳ họp thứ 10 Quốc hội khóa XV"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end cannot be before the start."))
        return data


class MeetingForm(StyledForm):
    """A voter meeting of a round: the commune, organisers and delegates of its province."""

    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    sector = forms.CharField(label=_("Sector (thematic meetings)"), max_length=200, required=False)
    date = BoundedDateField(label=_("Date"))
    place = IdChoiceField(
        label=_("Commune"), queryset=AdministrativeUnit.objects.none(), empty_label=None, widget=ModelSelect
    )
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    levels = forms.MultipleChoiceField(
        label=_("Levels of delegates"),
        choices=DelegateLevel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisers = IdMultipleChoiceField(label=_("Organisers"), queryset=Body.objects.none(), required=False)
    delegates = IdMultipleChoiceField(
        label=_("Attending delegates"), queryset=Person.objects.none(), required=False
    )
    voter_count = forms.IntegerField(
        label=_("Number of voters"), min_value=0, max_value=MAX_VOTERS, initial=0
    )

    def __init__(self, *args: Any, round: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["place"].queryset = selectors.communes_of(round.province_id)
        fields["organisers"].queryset = selectors.organisers_of(round.province_id)
        fields["organisers"].widget.attrs["size"] = 5
        # The delegates in office today (the current term of the province's NA delegation and
        # People's Council), not everyone in the directory.
        fields["delegates"].queryset = selectors.delegates_of(round.province_id)
        fields["delegates"].widget.attrs["size"] = 8


class OpinionsForm(ServiceForm):
    """Quick entry of one opinion, or a pasted numbered list (one opinion per item)."""

    text = forms.CharField(label=_("Opinion"), required=False, max_length=20_000)
    voter_label = forms.CharField(label=_("Voter or group"), required=False, max_length=200)
    area = forms.CharField(label=_("Area"), required=False, max_length=200)
    pasted = forms.CharField(
        label=_("One opinion per number (1. … 2. …)"), required=False, max_length=500_000
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        pasted, area = data.get("pasted", ""), data.get("area", "")
        if pasted.strip():
            data["rows"] = [{"text": t, "area": area} for t in parse_numbered_list(pasted)]
        elif data.get("text", "").strip():
            data["rows"] = [{"text": data["text"], "voter_label": data.get("voter_label", ""), "area": area}]
        else:
            raise forms.ValidationError(_("No opinion to record."))
        return data

    def arguments(self) -> dict[str, Any]:
        return {"rows": self.cleaned_data["rows"], "source": "form"}


class OpinionUploadForm(SpreadsheetUploadForm, ServiceForm):
    """An .xlsx workbook or a UTF-8 CSV file of at most 5 MB. The form checks the name; the
    service checks the content, kind and size (`importing.check_opinion_file`, whoever calls
    it), and its refusal is shown by this field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = _("Excel file (.xlsx) or CSV")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not str(upload.name).lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Only Excel (.xlsx) or CSV files can be imported."))
        return upload

    def arguments(self) -> dict[str, Any]:
        return {"upload": self.cleaned_data["file"]}


class OptionalIdField(forms.Field):
    """One id (a radio button), or None; anything that is not an id is None."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        return int(value) if value not in self.empty_values and _is_id(value) else None


class ConsolidationForm(ServiceForm):
    """One action of the consolidation screen on the ticked petitions and opinions; `target`
    is the petition a merge goes into; `back` names the page to return to ("petition": the
    case page of the one petition acted on)."""

    action = forms.ChoiceField(choices=[(a, a) for a in CONSOLIDATION_ACTIONS])
    petition = IdListField()
    opinion = IdListField()
    target = OptionalIdField()
    back = forms.CharField(required=False, max_length=20)
    text = forms.CharField(required=False, max_length=5000)
    field = forms.ChoiceField(label=_("Field"), choices=[("", "—"), *FIELD_CHOICES], required=False)
    level = forms.ChoiceField(label=_("Competent level"), choices=[("", "—"), *LEVEL_CHOICES], required=False)

    def arguments(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "action": d["action"],
            "petition_ids": d["petition"],
            "opinion_ids": d["opinion"],
            "target_id": d["target"],
            "text": d["text"],
            "field": d["field"],
            "level": d["level"],
        }


class ClassifyForm(StyledForm):
    field = forms.ChoiceField(label=_("Field"), choices=FIELD_CHOICES)
    level = forms.ChoiceField(label=_("Competent level"), choices=LEVEL_CHOICES)
    agency = IdChoiceField(label=_("Agency"), queryset=Body.objects.none(), required=False, empty_label="—")
    committee = IdChoiceField(
        label=_("Responsible committee"), queryset=Body.objects.none(), required=False, empty_label="—"
    )

    def __init__(self, *args: Any, petition: Petition, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "field": petition.field,
                "level": petition.level,
                "agency": petition.agency_id,
                "committee": petition.committee_id,
            },
        )
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["agency"].queryset = selectors.agencies_of(petition.province_id)
        fields["committee"].queryset = selectors.committees_of(petition.province_id)


class BatchForm(StyledForm):
    """A forwarding batch: one agency of the province and the ticked petitions of the round."""

    agency = IdChoiceField(
        label=_("Agency"), queryset=Body.objects.none(), empty_label=None, widget=ModelSelect
    )
    dispatch_number = forms.CharField(label=_("Dispatch number"), max_length=50)
    dispatch_date = BoundedDateField(label=_("Dispatch date"), initial=timezone.localdate)
    petition = IdMultipleChoiceField(
        label=_("Confirmed petitions"), queryset=Petition.objects.none(), required=False
    )

    def __init__(self, *args: Any, user: Any, round: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["agency"].queryset = selectors.agencies_of(round.province_id)
        fields["dispatch_number"].widget.attrs["placeholder"] = "15/VP-TH"
        # Any petition of the round may be sent: the service says why one cannot be forwarded.
        fields["petition"].queryset = selectors.petitions_visible(user, round_id=round.pk)

    def arguments(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "agency": d["agency"],
            "petitions": list(d["petition"]),
            "dispatch_number": d["dispatch_number"],
            "dispatch_date": d["dispatch_date"],
        }


class AnswerForm(ServiceForm):
    """An agency's answer to one petition of a batch forwarded to it: the text, the result
    (no default: the agency says which), its own reply document's number and date, a file."""

    petition = IdChoiceField(queryset=Petition.objects.none(), widget=forms.HiddenInput)
    text = forms.CharField(label=_("Answer"), max_length=20_000)
    status = forms.ChoiceField(
        label=_("Result"),
        choices=[("", _("— choose the result —")), *AnswerStatus.choices],
        error_messages={"required": _("Choose the result of the answer.")},
    )
    document_number = forms.CharField(label=_("Number of your reply document"), max_length=50, required=False)
    document_date = BoundedDateField(label=_("Date of your reply document"), required=False)
    file = forms.FileField(label=_("Attachment"), required=False)

    def __init__(self, *args: Any, batch: ForwardingBatch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["petition"].queryset = batch.petitions.all()


class ReviewForm(ServiceForm):
    """The office's review of an answer: accepted (the petition closes) or not (re-opened)."""

    accepted = yes_no(_("Accept the answer"))
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class PublishForm(ServiceForm):
    public = yes_no(_("Publish"))


class PetitionFilterForm(forms.Form):
    """The filters of the petition list and its export (GET). A value that is not valid (an id
    of 10^25, an unknown field) is bad input: the page answers 400 with the message by the
    filter, and lists with the valid filters only."""

    q = forms.CharField(label=_("Text or code"), required=False)
    round = forms.IntegerField(label=_("Round"), required=False, min_value=1, max_value=MAX_ID)
    meeting = forms.IntegerField(label=_("Voter meeting"), required=False, min_value=1, max_value=MAX_ID)
    agency = forms.IntegerField(label=_("Agency"), required=False, min_value=1, max_value=MAX_ID)
    field = forms.ChoiceField(label=_("Field"), choices=FIELD_CHOICES, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=LEVEL_CHOICES, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Petition.Status.choices, required=False)
    repeated = forms.BooleanField(label=_("Raised in several rounds, unresolved"), required=False)
    mine = forms.ChoiceField(
        label=_("Mine"),
        choices=[("meetings", _("Raised at my meetings")), ("constituency", _("From my constituency"))],
        required=False,
    )

    def filters(self) -> dict[str, Any]:
        """The valid filters, as `selectors.petitions_visible` takes them."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": str(self.data.get("q") or "")[:200].strip(),
            "round_id": data.get("round"),
            "meeting_id": data.get("meeting"),
            "agency_id": data.get("agency"),
            "field": data.get("field") or "",
            "level": data.get("level") or "",
            "status": data.get("status") or "",
            "repeated": bool(data.get("repeated")),
            "mine": data.get("mine") or "",
        }
