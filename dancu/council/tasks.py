"""Background work of the council module: DOCX versions converted to PDF for the delegates'
viewer (LibreOffice, once per file version), and electronic votes closed when their time is up
(the beat, every few seconds; reads and ballots after the deadline close them too)."""

from __future__ import annotations

from celery import shared_task

# How often the beat closes the votes whose time is up (seconds).
CLOSE_EXPIRED_EVERY = 5.0


@shared_task
def convert_docx(file_id: int) -> bool:
    from .documents_hall import convert_now

    return convert_now(file_id)


@shared_task(ignore_result=True)
def close_expired_votes() -> int:
    """Close every open electronic vote past its time limit; idempotent (a vote closed already,
    by a request or by an earlier run, is left as it is)."""
    from .hall import close_expired_votes as close

    return close()
