"""The top bar as data: each module's manifest declares its menu groups; each entry names the
permission it needs (None: every signed-in user)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse


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
    """One entry of the top bar: a plain link when it has one visible item, else a drop-down.
    Groups are ordered by `order`, then by the order of the modules."""

    label: Any
    icon: str
    items: tuple[MenuItem, ...]
    order: int = 50


def menu_for(access) -> list[MenuGroup]:
    """The groups the user may see, each with only the items the user may open."""
    from .modules import manifests

    groups = [group for manifest in manifests() for group in manifest.menus]
    groups.sort(key=lambda g: g.order)  # stable: module order within the same order
    visible = []
    for group in groups:
        items = tuple(i for i in group.items if i.perm is None or access.has(i.perm))
        if items:
            visible.append(MenuGroup(group.label, group.icon, items, group.order))
    return visible
