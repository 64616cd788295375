"""One sample of each document the consultations module generates, from the demo data
(manifest `documents`: make docs-preview and tests/test_document_previews.py)."""

from __future__ import annotations

from dancu.core.documents import DocumentSample

from . import documents
from .models import Draft


def samples(user) -> list[DocumentSample]:
    draft = (
        Draft.objects.filter(positions__isnull=False).distinct().order_by("pk").first()
        or Draft.objects.order_by("pk").first()
    )
    if draft is None:
        return []
    dispatch = draft.dispatches.first()
    data = documents.synthesis_docx(
        draft,
        number=dispatch.number.split("/")[0] if dispatch else None,
        date=dispatch.sent_on if dispatch else None,
    )
    return [DocumentSample("consultations-synthesis", "Báo cáo tổng hợp ý kiến góp ý dự án Luật", data)]
