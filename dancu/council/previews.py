"""One sample of each document the council module generates, from the demo data
(manifest `documents`: make docs-preview and tests/test_document_previews.py)."""

from __future__ import annotations

from dancu.core.documents import DocumentSample

from . import documents, selectors
from .models import ConfidenceVote, Resolution, Session


def samples(user) -> list[DocumentSample]:
    result = []
    resolution = Resolution.objects.select_related("session").first()
    if resolution is not None:
        result.append(DocumentSample("council-resolution", "Nghị quyết", documents.resolution_docx(resolution)))
    session = Session.objects.first()
    if session is not None:
        result.append(DocumentSample("council-agenda", "Chương trình kỳ họp", documents.agenda_docx(session)))
        report = selectors.commitments_report(user, session)
        result.append(
            DocumentSample("council-commitments", "Báo cáo thực hiện lời hứa", documents.commitments_docx(session, report))
        )
    vote = ConfidenceVote.objects.first()
    if vote is not None:
        result.append(
            DocumentSample("council-confidence-minutes", "Biên bản kiểm phiếu lấy phiếu tín nhiệm", documents.confidence_minutes_docx(vote))
        )
    return result
