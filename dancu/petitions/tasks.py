"""Background work of the petitions module: opinion imports, deadline reminders and the
retraining of the consolidation engine on a province's confirmed groupings."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.utils.translation import gettext as _

from dancu.core.errors import PermissionDenied
from dancu.core.models import ImportJob
from dancu.core.tasks import ImportRejected, Progress, run_import_job

from . import services
from .errors import PetitionError
from .importing import read_opinion_file
from .models import VoterMeeting


def _import_opinions(job: ImportJob, progress: Progress) -> dict[str, Any]:
    meeting = VoterMeeting.objects.select_related("province").get(pk=job.params["meeting_id"])
    with job.file.open("rb") as handle:
        data = handle.read()
    rows, errors = read_opinion_file(data, job.original_name, progress)
    if errors:
        raise ImportRejected(errors)
    if job.created_by is None:  # the uploader's account is gone: nobody may record these
        raise PermissionDenied(_("You do not have permission to do this."), code=PetitionError.FORBIDDEN)
    created = services.opinions_add(
        actor=job.created_by, meeting=meeting, rows=rows, source=job.original_name
    )
    return {"rows": len(created)}


@shared_task
def run_opinion_import(job_id: int) -> bool:
    """Validate every row, then record all opinions in one transaction; idempotent."""
    return run_import_job(job_id, _import_opinions)


@shared_task
def send_reminders() -> int:
    """Daily: remind agencies before the due date and when overdue (once per batch and kind)."""
    return services.send_reminders()


@shared_task
def retrain_consolidation(province_id: int) -> dict[str, Any]:
    """Refit the province's pair model on its specialists' groupings (engine_learning)."""
    from . import engine_learning

    return engine_learning.retrain(province_id)


def enqueue_retrain(province_id: int) -> None:
    """Ask the worker to retrain; without a broker the shipped or current model stays."""
    import logging

    try:
        retrain_consolidation.delay(province_id)
    except Exception:  # noqa: BLE001 - the broker may be down: retraining can wait
        logging.getLogger(__name__).warning("petitions: retraining of province %s not queued", province_id)
