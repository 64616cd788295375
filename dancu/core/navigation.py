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


@dataclass(frozen=True)
class MenuGroup:
    """One entry of the top bar: a plain link when it has one visible item, else a drop-down."""

    label: Any
    icon: str
    items: tuple[MenuItem, ...]


DASHBOARD = MenuItem(_("Dashboard"), "core:dashboard", "speedometer2")
DIRECTORY = [
    MenuItem(_("Bodies"), "directory:body_list", "diagram-3", Perm.DIRECTORY_VIEW),
    MenuItem(_("People"), "directory:person_list", "people", Perm.DIRECTORY_VIEW),
    MenuItem(_("Administrative units"), "directory:unit_list", "geo-alt", Perm.DIRECTORY_VIEW),
]
ADMINISTRATION = [
    MenuItem(_("Audit log"), "core:audit_list", "shield-check", Perm.AUDIT_VIEW),
    MenuItem(_("Users"), "accounts:user_list", "person-gear", Perm.ACCOUNTS_MANAGE),
]
# Domain modules, in the order of the top bar: (app, group label, icon). Each app may have
# `navigation.py` with a NAV_ITEMS list of MenuItem.
MODULE_GROUPS = [
    ("petitions", _("Voter petitions"), "chat-square-text"),
    ("letters", _("Citizen letters"), "envelope"),
    ("council", _("Sessions"), "bank"),
]


def _module_items(app: str) -> list[MenuItem]:
    from .modules import domain_modules

    return next((list(m.NAV_ITEMS) for name, m in domain_modules("navigation") if name == app), [])


def menu_for(access) -> list[MenuGroup]:
    def visible(items):
        return tuple(item for item in items if item.perm is None or access.has(item.perm))

    groups = [MenuGroup(DASHBOARD.label, DASHBOARD.icon, (DASHBOARD,))]
    for app, label, icon in MODULE_GROUPS:
        groups.append(MenuGroup(label, icon, visible(_module_items(app))))
    groups.append(MenuGroup(_("Directory"), "journal-bookmark", visible(DIRECTORY)))
    groups.append(MenuGroup(_("Administration"), "gear", visible(ADMINISTRATION)))
    return [g for g in groups if g.items]
