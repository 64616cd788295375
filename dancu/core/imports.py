"""The one way an import job is born: audited, and handed to the worker after commit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils.translation import get_language

from .audit import audit_record
from .models import ImportJob
from .tasks import fail_unqueued_job

logger = logging.getLogger(__name__)


def import_job_create(
    *,
    actor: Any,
    kind: str,
    province_code: str,
    upload: Any,
    params: dict[str, Any],
    enqueue: Callable[[int], Any],
) -> ImportJob:
    """Store the upload as a pending job, audit it, and call `enqueue(job_id)` once the job row
    is committed (the worker must see it). `params` are what the task needs besides the file;
    the uploader's language is added so that row errors are written in it."""
    with transaction.atomic():
        job = ImportJob(
            kind=kind,
            province_code=province_code,
            params={**params, "language": get_language()},
            created_by=actor if getattr(actor, "pk", None) else None,
            original_name=str(upload.name)[:255],
        )
        job.file.save(upload.name, upload, save=False)
        job.save()
        audit_record(
            actor=actor,
            action="core.import_job.create",
            target=job,
            province_code=province_code,
            summary=f"{kind}: {job.original_name}",
        )
        transaction.on_commit(lambda: _enqueue_or_fail(enqueue, job.pk))
    return job


def _enqueue_or_fail(enqueue: Callable[[int], Any], job_id: int) -> None:
    """Queue the job; when the queue cannot take it (broker down), end the job failed with its
    file removed, so the page says so instead of waiting forever and no personal data stays."""
    try:
        enqueue(job_id)
    except Exception:  # the broker's errors vary (kombu, redis, socket): any failure to queue
        logger.exception("Could not queue import job %s", job_id)
        fail_unqueued_job(job_id)
