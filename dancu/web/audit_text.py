"""Audit entries in words for the audit page: no code names on screen (issue 11, item 10).

Each module says its own actions (manifest `audit_words`); what none says is told from the
last word of the action and the record's kind (its model's verbose name).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.modules import hooks

_VERBS: dict[str, Any] = {
    "create": gettext_lazy("Created"),
    "add": gettext_lazy("Added"),
    "record": gettext_lazy("Recorded"),
    "update": gettext_lazy("Changed"),
    "edit": gettext_lazy("Changed"),
    "delete": gettext_lazy("Deleted"),
    "remove": gettext_lazy("Removed"),
    "transition": gettext_lazy("Status changed"),
    "download": gettext_lazy("File opened"),
    "import": gettext_lazy("Imported"),
    "load": gettext_lazy("Demo data loaded"),
    "reveal": gettext_lazy("Sealed identity revealed"),
    "login": gettext_lazy("Signed in"),
    "logout": gettext_lazy("Signed out"),
}
# Actor names written by system paths before they were translatable (old entries).
_ACTORS: dict[str, Any] = {
    "citizen (online form)": gettext_lazy("A citizen, through the online letter form"),
    "system (reminders)": gettext_lazy("The system (deadline reminders)"),
}


@cache
def _module_words() -> dict[str, Any]:
    return {manifest.name: words for manifest, words in hooks("audit_words")}


def action_words(action: str) -> str:
    module = action.split(".", 1)[0]
    words = _module_words().get(module)
    said = words(action) if words else ""
    if said:
        return str(said)
    last = action.replace("_", ".").rsplit(".", 1)[-1]
    return str(_VERBS.get(last, gettext_lazy("Changed")))


def target_words(target_type: str, target_id: str) -> str:
    if not target_type:
        return ""
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return _("Record #%(id)s") % {"id": target_id}
    return f"{capfirst(str(model._meta.verbose_name))} #{target_id}"


def actor_words(label: str) -> str:
    return str(_ACTORS.get(label, label))


def describe(entries: Any) -> list[Any]:
    """The page's entries with `.words`, `.target_words` and `.actor_words` attached."""
    out = list(entries)
    for entry in out:
        entry.words = action_words(entry.action)
        entry.target_words = target_words(entry.target_type, entry.target_id)
        entry.actor_words = actor_words(entry.actor_label)
    return out


def audit_modules() -> list[tuple[str, str]]:
    """(module name, its name in words) for the audit page's filter."""
    from dancu.core.modules import manifests

    out = []
    for manifest in manifests():
        try:
            label = str(apps.get_app_config(manifest.name).verbose_name)
        except LookupError:
            continue
        out.append((manifest.name, capfirst(label)))
    return out
