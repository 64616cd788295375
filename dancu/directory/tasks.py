"""Background work of the directory: the delegates import."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from dancu.core.models import ImportJob
from dancu.core.tasks import ImportRejected, Progress, run_import_job

from .importing import import_delegates, validate_delegate_file
from .models import AdministrativeUnit


def _import_delegates(job: ImportJob, progress: Progress) -> dict[str, Any]:
    province = AdministrativeUnit.objects.get(pk=job.params["province_id"])
    with job.file.open("rb") as handle:
        data = handle.read()
    rows, errors = validate_delegate_file(data, province, progress=progress)
    if errors:
        raise ImportRejected(errors)
    return import_delegates(actor=job.created_by, province=province, rows=rows, source=job.original_name)


@shared_task
def run_delegate_import(job_id: int) -> bool:
    """Validate the whole file, then write every row in one transaction; idempotent."""
    return run_import_job(job_id, _import_delegates)
