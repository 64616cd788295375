"""Celery application. Broker from REDIS_URL / CELERY_BROKER_URL; eager when none is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("dancu")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _collect_beat_schedule() -> dict:
    """Periodic tasks: each module's manifest may declare `beat_schedule`."""
    from dancu.core.modules import beat_schedule

    return beat_schedule()


app.conf.beat_schedule = _collect_beat_schedule()
