"""The menu, by role: each entry names the permission it needs (None: every signed-in user).

Later modules add their entries here, so navigation stays in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dancu.accounts.roles import Perm


@dataclass(frozen=True)
class MenuItem:
    label: Any
    url_name: str
    icon: str
    perm: str | None = None

    @property
    def url(self) -> str:
        return reverse(self.url_name)


MENU = [
    MenuItem(_("Dashboard"), "core:dashboard", "speedometer2"),
    MenuItem(_("Bodies"), "directory:body_list", "diagram-3", Perm.DIRECTORY_VIEW),
    MenuItem(_("People"), "directory:person_list", "people", Perm.DIRECTORY_VIEW),
    MenuItem(_("Administrative units"), "directory:unit_list", "geo-alt", Perm.DIRECTORY_VIEW),
    MenuItem(_("Audit log"), "core:audit_list", "shield-check", Perm.AUDIT_VIEW),
    MenuItem(_("Users"), "accounts:user_list", "person-gear", Perm.ACCOUNTS_MANAGE),
]


def _module_items() -> list[MenuItem]:
    """Entries of the domain modules: each may have `navigation.py` with a NAV_ITEMS list."""
    import importlib

    items: list[MenuItem] = []
    for app in ("petitions", "letters", "council"):
        try:
            module = importlib.import_module(f"dancu.{app}.navigation")
        except ModuleNotFoundError:
            continue
        items.extend(module.NAV_ITEMS)
    return items


def menu_for(access) -> list[MenuItem]:
    items = MENU[:1] + _module_items() + MENU[1:]
    return [item for item in items if item.perm is None or access.has(item.perm)]
