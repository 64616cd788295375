"""Background work of the letters module."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task
def send_letter_reminders() -> int:
    """Daily: a reminder for each letter due soon or overdue; running it twice adds nothing."""
    return services.send_reminders()


def _import_letters(job, progress):
    from django.utils.translation import gettext as _

    from dancu.core.excel import RowError
    from dancu.core.tasks import ImportRejected
    from dancu.directory.models import AdministrativeUnit

    from .importing import import_letters, validate_letter_file

    province = AdministrativeUnit.objects.get(pk=job.params["province_id"])
    with job.file.open("rb") as handle:
        data = handle.read()
    rows, errors = validate_letter_file(data, province, progress=progress)
    if errors:
        raise ImportRejected(errors)
    if job.created_by is None:  # letters are registered by a person, never anonymously
        raise ImportRejected([RowError(0, "", _("The uploader of this file is unknown."))])
    return import_letters(actor=job.created_by, province=province, rows=rows)


@shared_task
def run_letter_import(job_id: int) -> bool:
    """Validate the whole register file, then write every row in one transaction; idempotent."""
    from dancu.core.tasks import run_import_job

    return run_import_job(job_id, _import_letters)
