"""Celery application. Broker from REDIS_URL / CELERY_BROKER_URL; eager when none is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("dancu")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
