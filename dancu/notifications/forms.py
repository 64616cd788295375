from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import Channel, Event

CODE = RegexValidator(r"^[a-z0-9_.-]*$", _("Choose a value from the list."))


class NotificationFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("All notifications")), ("unread", _("Unread only"))],
    )


class WorklistFilterForm(forms.Form):
    module = forms.ChoiceField(label=_("Module"), required=False)
    kind = forms.CharField(label=_("Kind of work"), required=False, max_length=60, validators=[CODE])

    def __init__(self, *args, modules: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        module = self.fields["module"]
        assert isinstance(module, forms.ChoiceField)
        module.choices = [("", _("All modules")), *modules]


def field_name(event: str, channel: str) -> str:
    return f"{event}__{channel}"


class PreferencesForm(forms.Form):
    """One checkbox per event and channel; unticked means "do not send me this"."""

    def __init__(self, *args, initial_values: dict[tuple[str, str], bool], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rows = []
        for event, label in Event.choices:
            names = []
            for channel, channel_label in Channel.choices:
                name = field_name(event, channel)
                self.fields[name] = forms.BooleanField(
                    label=f"{label}: {channel_label}",
                    required=False,
                    initial=initial_values.get((event, channel), True),
                )
                names.append(name)
            self.rows.append((event, label, [self[n] for n in names]))

    def choices(self) -> dict[tuple[str, str], bool]:
        return {
            (e, c): bool(self.cleaned_data.get(field_name(e, c)))
            for e in Event.values
            for c in Channel.values
        }
