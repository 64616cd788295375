"""Background work of the council module: DOCX versions converted to PDF for the delegates'
viewer (LibreOffice, once per file version)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def convert_docx(file_id: int) -> bool:
    from .documents_hall import convert_now

    return convert_now(file_id)
