"""One sample of each document the letters module generates, from the demo data
(manifest `documents`: make docs-preview and tests/test_document_previews.py)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from dancu.core.documents import DocumentSample

from . import documents, selectors
from .models import Letter


def samples(user) -> list[DocumentSample]:
    letters = Letter.objects.select_related("receiving_body", "forwarded_to")
    forwarded = letters.exclude(forwarded_to=None).first()
    any_letter = letters.first()
    if any_letter is None:
        return []
    today = timezone.localdate()
    start = datetime.date(today.year, 1, 1) if today.month <= 6 else datetime.date(today.year, 7, 1)
    end = datetime.date(today.year, 6, 30) if today.month <= 6 else datetime.date(today.year, 12, 31)
    result = [
        DocumentSample(
            "letters-guidance", "Văn bản hướng dẫn công dân", documents.guidance_letter(any_letter)
        ),
        DocumentSample(
            "letters-six-month-report",
            "Báo cáo 6 tháng công tác tiếp công dân, xử lý đơn thư",
            documents.six_month_report(
                selectors.letters_register(user, date_from=start, date_to=end), start, end
            ),
        ),
    ]
    if forwarded is not None:
        result.insert(
            0, DocumentSample("letters-transfer-slip", "Phiếu chuyển đơn", documents.transfer_slip(forwarded))
        )
    return result
