"""The top bar as data: each module's manifest declares its menu groups; each entry names the
permission it needs (None: every signed-in user)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=1024)
def _reverse(url_name: str, prefix: str, urlconf: str | None) -> str:
    return reverse(url_name, urlconf=urlconf)


def menu_url(url_name: str) -> str:
    """`reverse(url_name)`, remembered per script prefix and URL configuration: the top bar
    reverses ~80 names on every page (4 ms a page at 1M rows, cache off; issue 17)."""
    return _reverse(url_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@dataclass(frozen=True)
class MenuItem:
    label: Any
    url_name: str
    icon: str
    perm: str | None = None

    @property
    def url(self) -> str:
        return menu_url(self.url_name)


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


def menu_html(menu: list[MenuGroup], path: str) -> str:
    """The top bar's entries as HTML (what base.html used to loop over: ~80 links a page, 3-4 ms
    of template work on every page; issue 17). The entry of the current page is marked active.
    Written once per process for each set of visible items, language, address of the menu the
    page is at (or none), script prefix and URL configuration."""
    active = path if any(path == item.url for group in menu for item in group.items) else ""
    language, prefix = get_language() or "", get_script_prefix()
    return _menu_html(tuple(menu), language, active, prefix, get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=512)
def _menu_html(menu: tuple[MenuGroup, ...], language: str, path: str, prefix: str, urlconf: str) -> str:
    from html import escape

    def link(item: MenuItem, css: str) -> str:
        url = item.url
        active = ' active" aria-current="page' if path == url else ""
        return (
            f'<a class="{css}{active}" href="{escape(url)}"><i class="bi bi-{escape(item.icon)}" '
            f'aria-hidden="true"></i> {escape(str(item.label))}</a>'
        )

    out = []
    for group in menu:
        if len(group.items) == 1:
            out.append(f'<li class="nav-item">{link(group.items[0], "nav-link")}</li>')
            continue
        items = "".join(f"\n<li>{link(item, 'dropdown-item')}</li>" for item in group.items)
        out.append(
            '<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#" role="button" '
            'data-bs-toggle="dropdown" aria-expanded="false">'
            f'<i class="bi bi-{escape(group.icon)}" aria-hidden="true"></i> {escape(str(group.label))}</a>'
            f'<ul class="dropdown-menu">{items}\n</ul></li>'
        )
    return "\n".join(out)
