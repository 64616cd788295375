"""What is up and what is down: the database, the cache, the task queue.

`/suc-khoe/` answers monitors (JSON, no detail, 503 when the database is down); the
"System status" page shows the same to Office administrators with the error text."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext_lazy as _

OK, DOWN, OFF = "ok", "down", "off"


@dataclass(frozen=True)
class Check:
    key: str
    label: object
    state: str
    detail: str = ""


def _database() -> Check:
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT 1")
        return Check("database", _("Database"), OK)
    except Exception as exc:  # any driver error means down
        return Check("database", _("Database"), DOWN, str(exc)[:200])


def _cache() -> Check:
    status = getattr(cache, "status", None)
    if status is None:
        return Check("cache", _("Cache"), OK, str(_("in-process")))
    up, detail = status()
    return Check("cache", _("Cache"), OK if up else DOWN, detail)


def _queue() -> Check:
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return Check("queue", _("Task queue"), OFF, str(_("tasks run in-process")))
    from celery import current_app as app  # the project app (config/__init__.py loads it)

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return Check("queue", _("Task queue"), OK)
    except Exception as exc:  # kombu and socket errors vary
        return Check("queue", _("Task queue"), DOWN, str(exc)[:200])


def checks() -> list[Check]:
    return [_database(), _cache(), _queue()]
