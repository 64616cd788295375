"""The module kit's registry: every app of the project declares itself in one manifest.

Each app in `settings.DANCU_MODULES` has `manifest.py` with `MANIFEST = ModuleManifest(...)`.
Shared code (URLs, the API, the menu, the role matrix, celery beat, the demo loader, the
dashboard, global search, the permission-matrix test) iterates these manifests; it never names
a module. Adding a module is one folder plus one line in `DANCU_MODULES`
(docs/adding-a-module.md).

Heavy pieces (URL modules, API routers, loaders) are dotted paths, resolved on first use, so
reading a manifest needs settings but not the app registry (celery reads the beat schedule
before Django is set up).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .navigation import MenuGroup, MenuItem


@dataclass(frozen=True)
class ModuleManifest:
    """What one module brings to the shared pieces. Every field but `name` is optional."""

    name: str  # the app's label, e.g. "petitions"
    # Staff pages: URL prefix and the dotted URLconf module, e.g. ("kien-nghi/", "dancu.<app>.urls").
    url_prefix: str = ""
    urls: str = ""
    # Public pages (no sign-in, never personal data), under /cong-khai/<public_prefix>.
    public_prefix: str = ""
    public_urls: str = ""
    # Entries of the public portal's home page (/cong-khai/): what a citizen can do here.
    public_links: tuple[MenuItem, ...] = ()
    # API: mounted at /api/v1<api_prefix>; "dancu.<app>.api:router".
    api_prefix: str = ""
    api_router: str = ""
    # The top bar: groups with their order (lower first).
    menus: tuple[MenuGroup, ...] = ()
    # Role -> permissions this module grants (merged into the project matrix).
    role_permissions: Mapping[Any, Set[str]] = field(default_factory=dict)
    # celery beat entries, as in CELERY_BEAT_SCHEDULE.
    beat_schedule: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    # "dancu.<app>.demo:load": load(stdout=...) -> dict, idempotent. Run in list order.
    demo: str = ""
    # "dancu.<app>.dashboard:cards": cards(user) -> [{"label", "value", "url"}], scoped.
    dashboard_cards: str = ""
    # "dancu.<app>.search:global_search": (user, query) -> [SearchGroup], scoped.
    search: str = ""
    # "dancu.<app>.previews:samples": samples(user) -> [DocumentSample], one per kind of document
    # the module generates, built from the demo data (make docs-preview, the layout tests).
    documents: str = ""
    # "dancu.<app>.tests.test_permissions:ROUTES": route names the module's matrix covers.
    matrix_routes: str = ""
    # Other modules this one reads through their selectors/services by id (docs/decisions/0002).
    links: tuple[str, ...] = ()
    # "dancu.<app>.calendar:events": events(user, start, end) -> [core.events.CalendarEvent],
    # scoped to what the user may see. The calendar shows these; it stores none of them twice.
    calendar_events: str = ""
    # "dancu.<app>.worklist:items": items(user) -> [core.events.WorkItem], what is due for the
    # user and their bodies ("Việc của tôi", reminders).
    work_items: str = ""
    # "dancu.<app>.case:words": words(action) -> str, an audit action of this module in words
    # ("council.session.convene" -> "Khai mạc kỳ họp"); "" when it has none (the audit page then
    # says it generically).
    audit_words: str = ""
    # Named capabilities other modules may call without importing this one:
    # {"council.hearing_create": "dancu.council.services:hearing_create_for_link"}. A caller uses
    # core.modules.provided(name); a missing provider raises LookupError (module not installed).
    provides: Mapping[str, str] = field(default_factory=dict)


def resolve(dotted: str) -> Any:
    """ "pkg.module:attr" -> the attribute; "pkg.module" -> the module."""
    module_name, _, attr = dotted.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr) if attr else module


def _module_paths() -> list[str]:
    from django.conf import settings

    return list(settings.DANCU_MODULES)


@cache
def _load(paths: tuple[str, ...]) -> tuple[ModuleManifest, ...]:
    manifests = []
    for path in paths:
        manifest = importlib.import_module(f"{path}.manifest").MANIFEST
        if not isinstance(manifest, ModuleManifest):
            raise TypeError(f"{path}.manifest.MANIFEST is not a ModuleManifest")
        manifests.append(manifest)
    return tuple(manifests)


def manifests() -> tuple[ModuleManifest, ...]:
    """Every module's manifest, in the order of `settings.DANCU_MODULES`."""
    return _load(tuple(_module_paths()))


def hooks(attribute: str) -> list[tuple[ModuleManifest, Callable[..., Any]]]:
    """(manifest, resolved callable or value) for each module that fills `attribute`."""
    return [(m, resolve(getattr(m, attribute))) for m in manifests() if getattr(m, attribute)]


def provided(name: str) -> Callable[..., Any]:
    """The callable another module provides under `name` (ModuleManifest.provides)."""
    for manifest in manifests():
        if name in manifest.provides:
            return resolve(manifest.provides[name])
    raise LookupError(f"no installed module provides {name!r}")


def is_provided(name: str) -> bool:
    return any(name in m.provides for m in manifests())


def urlpatterns() -> list[Any]:
    """Every module's staff and public URL patterns (config/urls.py adds the API and admin)."""
    from django.urls import include, path

    patterns: list[Any] = []
    for manifest in manifests():
        if manifest.urls:
            patterns.append(path(manifest.url_prefix, include(manifest.urls)))
        if manifest.public_urls:
            # Public pages: no sign-in, never any personal data.
            patterns.append(path(f"cong-khai/{manifest.public_prefix}", include(manifest.public_urls)))
    return patterns


def beat_schedule() -> dict[str, dict[str, Any]]:
    schedule: dict[str, dict[str, Any]] = {}
    for manifest in manifests():
        schedule.update(manifest.beat_schedule)
    return schedule
