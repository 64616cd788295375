"""One sample of each document the petitions module generates, from the demo data
(manifest `documents`: make docs-preview and tests/test_document_previews.py)."""

from __future__ import annotations

from django.utils import timezone

from dancu.core.documents import DocumentSample

from . import reports, selectors


def samples(user) -> list[DocumentSample]:
    batch = selectors.batches_visible(user).select_related("round", "agency").first()
    round = batch.round if batch is not None else selectors.rounds_visible(user).first()
    if round is None:
        return []
    today = timezone.localdate()
    result = [
        DocumentSample(
            "petitions-synthesis",
            "Báo cáo tổng hợp ý kiến, kiến nghị cử tri",
            reports.synthesis_docx(round, selectors.synthesis(user, round), number=None, date=today),
        ),
        DocumentSample(
            "petitions-results",
            "Báo cáo kết quả giải quyết kiến nghị",
            reports.results_docx(round, selectors.results_by_agency(user, round), number=None, date=today),
        ),
    ]
    if batch is not None:
        result.insert(
            0,
            DocumentSample(
                "petitions-cover-letter",
                "Công văn chuyển kiến nghị cử tri",
                reports.cover_letter(batch),
                dispatch=True,
            ),
        )
    return result
