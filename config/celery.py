"""Celery application. Broker from REDIS_URL / CELERY_BROKER_URL; eager when none is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("dancu")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _collect_beat_schedule() -> dict:
    """Periodic tasks: each domain module may declare BEAT_SCHEDULE in its `schedule.py`."""
    from dancu.core.modules import domain_modules

    schedule: dict = {}
    for _app, module in domain_modules("schedule"):
        schedule.update(module.BEAT_SCHEDULE)
    return schedule


app.conf.beat_schedule = _collect_beat_schedule()
