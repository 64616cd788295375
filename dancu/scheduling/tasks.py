"""Celery tasks of the calendar: the ICS subscriptions fetched on the beat."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task
def fetch_subscriptions() -> dict[str, int]:
    """Fetch every active subscription once; each failure is recorded on its subscription (its
    page shows the last fetch time and error), the others go on."""
    from .models import IcsSubscription
    from .services import subscription_fetch

    done = {"ok": 0, "failed": 0}
    for sub in IcsSubscription.objects.filter(active=True).select_related("body__province").order_by("pk"):
        result = subscription_fetch(actor=None, subscription=sub)
        done["ok" if result is not None else "failed"] += 1
    logger.info("ICS subscriptions fetched: %s", done)
    return done
