"""One sample of each document the council module generates, from the demo data
(manifest `documents`: make docs-preview and tests/test_document_previews.py)."""

from __future__ import annotations

from dancu.core.documents import DocumentSample

from . import documents, documents_hall, selectors
from .models import ConfidenceVote, ElectronicVote, Resolution, Session
from .workflow import SessionStatus


def samples(user) -> list[DocumentSample]:
    result = []
    # A legal normative resolution shows the most (its series number, the entry into force).
    resolution = Resolution.objects.select_related("session").order_by("kind", "-adopted_on").first()
    if resolution is not None:
        result.append(
            DocumentSample("council-resolution", "Nghị quyết", documents.resolution_docx(resolution))
        )
    # The agenda of a session that has one; the commitments report goes to the next session.
    held = Session.objects.filter(agenda_items__isnull=False).distinct().first()
    session = Session.objects.filter(status=SessionStatus.PLANNING).first() or Session.objects.first()
    if held is not None:
        result.append(DocumentSample("council-agenda", "Chương trình kỳ họp", documents.agenda_docx(held)))
    if session is not None:
        report = selectors.commitments_report(user, session)
        result.append(
            DocumentSample(
                "council-commitments",
                "Báo cáo thực hiện lời hứa",
                documents.commitments_docx(session, report),
            )
        )
    vote = ConfidenceVote.objects.first()
    if vote is not None:
        result.append(
            DocumentSample(
                "council-confidence-minutes",
                "Biên bản kiểm phiếu lấy phiếu tín nhiệm",
                documents.confidence_minutes_docx(vote),
            )
        )
    # The result sheet of an electronic vote: a named one shows the most (the delegates' list).
    e_vote = (
        ElectronicVote.objects.filter(status="closed")
        .select_related("session", "rule")
        .order_by("secret", "-id")
        .first()
    )
    if e_vote is not None:
        result.append(
            DocumentSample(
                "council-e-vote-result",
                "Biên bản kết quả biểu quyết",
                documents_hall.result_sheet_docx(e_vote),
            )
        )
    return result
