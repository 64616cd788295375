"""The domain modules and the optional pieces they plug into shared code.

A module may provide `permissions.py`, `navigation.py`, `dashboard.py`, `schedule.py`,
`demo.py` and `tests/test_permissions.py`; shared code finds them here, so adding a module
touches no core file but this list. Imports nothing from Django: celery's config uses it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

DOMAIN_APPS = ("petitions", "letters", "council")


def domain_modules(submodule: str) -> Iterator[tuple[str, ModuleType]]:
    """(app, module) for each domain app that has `dancu.<app>.<submodule>`, in app order.

    Only the absence of that very module is skipped; an import error inside it propagates.
    """
    for app in DOMAIN_APPS:
        name = f"dancu.{app}.{submodule}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        yield app, module
