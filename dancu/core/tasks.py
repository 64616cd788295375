"""The life of an ImportJob, shared by every kind of import.

A task calls `run_import_job(job_id, handler)`. Claiming the job is one conditional UPDATE, so
a task delivered twice (Celery acks late) runs once. The handler validates and writes; it
raises `ImportRejected` with the row errors when the file is bad, and must write everything in
one transaction so that a failure leaves nothing behind.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .errors import ApplicationError
from .excel import RowError
from .models import ImportJob
from .workflow import Workflow, act

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Handler = Callable[[ImportJob, Progress], dict[str, Any]]


class ImportRejected(Exception):
    def __init__(self, errors: Sequence[RowError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = list(errors)


def _error_dicts(exc: ApplicationError) -> list[dict[str, Any]]:
    # Services may attach the row errors they found; otherwise the message concerns the file.
    if isinstance(exc.details, list) and exc.details:
        return [e.as_dict() if isinstance(e, RowError) else dict(e) for e in exc.details]
    return [RowError(0, "", exc.message).as_dict()]


S = ImportJob.Status
# An import job's life: claimed by one worker, then succeeded or failed (a job that never ran,
# e.g. its task could not be queued, may fail from pending). System moves, no permission.
JOB_FLOW = Workflow(
    label="core.importjob",
    states=S,
    initial=S.PENDING,
    province=lambda job: None,
    actions=[
        act("start", {S.PENDING}, S.RUNNING, perm=""),
        act("succeed", {S.RUNNING}, S.SUCCEEDED, perm=""),
        act("fail", {S.PENDING, S.RUNNING}, S.FAILED, perm=""),
    ],
)


def _finish(job_id: int, action: str, *, errors=None, result=None) -> None:
    fields: dict[str, Any] = {"finished_at": timezone.now()}
    if errors is not None:
        fields["errors"] = errors
    if result is not None:
        fields["result"] = result
    JOB_FLOW.claim(ImportJob.objects.filter(pk=job_id), action, **fields)


def job_progress_writer(job_id: int) -> Progress:
    """A progress callback that records (done, total) on the job, outside any transaction, so
    the page polling the job sees it move."""

    def write(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job_id).update(done=done, total=total, heartbeat_at=timezone.now())

    return write


def run_import_job(job_id: int, handler: Handler) -> bool:
    """Run a pending job once; returns False when the job was not pending (already run)."""
    now = timezone.now()
    claimed = JOB_FLOW.claim(ImportJob.objects.filter(pk=job_id), "start", started_at=now, heartbeat_at=now)
    if not claimed:
        return False
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    # Messages are stored translated, in the language of the person who uploaded the file.
    language = job.params.get("language") or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            result = handler(job, job_progress_writer(job_id))
        except ImportRejected as exc:
            _finish(job_id, "fail", errors=[e.as_dict() for e in exc.errors])
        except ApplicationError as exc:
            _finish(job_id, "fail", errors=_error_dicts(exc))
        except Exception:
            # The page must show a failure, not spin forever; the traceback goes to the log.
            logger.exception("Import job %s failed", job_id)
            message = _("The import stopped because of an internal error. Nothing was saved.")
            _finish(job_id, "fail", errors=[RowError(0, "", message).as_dict()])
        else:
            _finish(job_id, "succeed", result=result)
        finally:
            _discard_file(job)
    return True


# A running job with no progress for this long lost its worker (killed, machine restarted);
# a pending one this old lost its message. Handlers write progress at least every 50 rows.
STALLED_AFTER = datetime.timedelta(minutes=10)
NEVER_STARTED_AFTER = datetime.timedelta(hours=1)


def reap_stalled_jobs(*, now: datetime.datetime | None = None, stalled_after=STALLED_AFTER) -> int:
    """End as failed, file removed, every job whose worker died mid-way or that never started.
    Nothing of theirs was written: a handler writes in one transaction, which the database
    rolled back when the worker's connection went away."""
    now = now or timezone.now()
    message = str(
        _(
            "The import stopped because the background worker was interrupted. Nothing was saved; upload the file again."
        )
    )
    stalled = ImportJob.objects.filter(
        Q(status=ImportJob.Status.RUNNING, heartbeat_at__lt=now - stalled_after)
        | Q(status=ImportJob.Status.RUNNING, heartbeat_at__isnull=True, started_at__lt=now - stalled_after)
        | Q(status=ImportJob.Status.PENDING, created_at__lt=now - NEVER_STARTED_AFTER)
    )
    count = 0
    for job in stalled:
        if JOB_FLOW.claim(
            ImportJob.objects.filter(pk=job.pk),
            "fail",
            finished_at=now,
            errors=[RowError(0, "", message).as_dict()],
        ):
            _discard_file(job)
            logger.warning("Import job %s ended as failed: its worker stopped", job.pk)
            count += 1
    return count


@shared_task
def reap_stalled_imports() -> int:
    """Beat task (every 5 minutes, declared in the shell's manifest)."""
    return reap_stalled_jobs()


def fail_unqueued_job(job_id: int) -> None:
    """A job whose task could not be queued: failed, with a message the page shows, file removed."""
    message = _(
        "The background service is unavailable, so the file was not imported. Nothing was saved; try again later."
    )
    _finish(job_id, "fail", errors=[RowError(0, "", str(message)).as_dict()])
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is not None:
        _discard_file(job)


def _discard_file(job: ImportJob) -> None:
    """Delete the uploaded file once the job has run: it holds personal data (phones, birth
    dates) that is not needed afterwards (Law 91/2025 on personal data: keep only as needed).
    The job keeps its errors and counts, and the audit log the records written."""
    if not job.file:
        return
    try:
        job.file.delete(save=False)
    except OSError:
        logger.warning("Could not delete the file of import job %s", job.pk)
        return
    ImportJob.objects.filter(pk=job.pk).update(file="")
