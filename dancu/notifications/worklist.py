""" "Việc của tôi" (my work): every module's work items for one user, from the manifests'
`work_items` hooks (core.events.WorkItem). This module stores none of them; a hook that fails
is skipped and logged, and the page says which module could not be read."""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dancu.core.events import WorkItem
from dancu.core.modules import hooks

logger = logging.getLogger(__name__)

OVERDUE, THIS_WEEK, LATER = "overdue", "this_week", "later"
GROUP_LABELS = {
    OVERDUE: _("Overdue"),
    THIS_WEEK: _("This week"),
    LATER: _("Later"),
}


def module_label(name: str) -> str:
    try:
        return str(apps.get_app_config(name).verbose_name)
    except LookupError:
        return name


def kind_label(item: WorkItem) -> str:
    return str(item.kind_label or item.extra.get("kind_label") or _("Work item"))


def work_item_modules() -> list[str]:
    """The modules that publish work items (their manifest fills `work_items`)."""
    return [manifest.name for manifest, _hook in hooks("work_items")]


def collect(user: Any) -> tuple[list[WorkItem], list[str]]:
    """Every module's items for `user`, and the names of the modules whose hook failed."""
    items: list[WorkItem] = []
    failed: list[str] = []
    for manifest, module_items in hooks("work_items"):
        try:
            items.extend(module_items(user))
        except Exception:  # a module's bug or outage must not take the whole page down
            logger.exception("Work items of %s unavailable", manifest.name)
            failed.append(manifest.name)
    return items, failed


def group_of(item: WorkItem, today: datetime.date) -> str:
    if item.due is None:
        return LATER
    if item.due < today:
        return OVERDUE
    week_end = today + datetime.timedelta(days=6 - today.weekday())  # Sunday
    return THIS_WEEK if item.due <= week_end else LATER


def _order(item: WorkItem) -> tuple:
    return (item.due is None, item.due or datetime.date.max, item.module, item.title)


@dataclass(frozen=True)
class Row:
    item: WorkItem
    module_label: str
    kind_label: str


@dataclass
class Group:
    key: str
    label: Any
    items: list[Row]


@dataclass
class Worklist:
    groups: list[Group]
    total: int  # after the filters
    counts: dict[str, int]  # group key -> count, after the filters
    modules: list[tuple[str, str, int]]  # (name, label, count) before the filters
    kinds: list[tuple[str, str, int]]  # (kind, label, count) of the chosen module(s)
    failed: list[str] = field(default_factory=list)  # labels of modules that could not be read


def build(user: Any, *, module: str = "", kind: str = "", today: datetime.date | None = None) -> Worklist:
    today = today or timezone.localdate()
    items, failed = collect(user)
    by_module = Counter(i.module for i in items)
    in_module = [i for i in items if not module or i.module == module]
    kind_counts = Counter(i.kind for i in in_module)
    kind_labels = {i.kind: kind_label(i) for i in in_module}
    chosen = sorted((i for i in in_module if not kind or i.kind == kind), key=_order)
    grouped: dict[str, list[Row]] = {OVERDUE: [], THIS_WEEK: [], LATER: []}
    labels: dict[str, str] = {}
    for item in chosen:
        if item.module not in labels:
            labels[item.module] = module_label(item.module)
        grouped[group_of(item, today)].append(Row(item, labels[item.module], kind_label(item)))
    return Worklist(
        groups=[Group(key, GROUP_LABELS[key], grouped[key]) for key in (OVERDUE, THIS_WEEK, LATER)],
        total=len(chosen),
        counts={key: len(rows) for key, rows in grouped.items()},
        modules=[(name, module_label(name), by_module[name]) for name in sorted(by_module)],
        kinds=[(k, kind_labels[k], kind_counts[k]) for k in sorted(kind_counts)],
        failed=[module_label(name) for name in failed],
    )
