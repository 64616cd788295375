"""One sample of each document the letters module generates, from the demo data
(manifest `documents`: make docs-preview and tests/test_document_previews.py)."""

from __future__ import annotations

from django.utils import timezone

from dancu.core.documents import DocumentSample

from . import crypto, documents, periods, selectors
from .models import Letter


def samples(user) -> list[DocumentSample]:
    letters = Letter.objects.select_related("receiving_body", "forwarded_to", "guided_to", "province")
    any_letter = letters.first()
    if any_letter is None:
        return []
    forwarded = letters.exclude(forwarded_to=None).first()
    guided = (
        letters.filter(status="guided", is_anonymous=False).first()
        or letters.filter(is_anonymous=False).first()
    )
    result = []
    if forwarded is not None:
        result.append(
            DocumentSample(
                "letters-transfer-slip",
                "Phiếu chuyển đơn",
                documents.transfer_slip(forwarded),
                addressed=True,
            )
        )
    if guided is not None:
        # A preview of demo data: the identity is read here without the audited service.
        identity = (
            crypto.unseal(guided.sealed_identity, sealed_with=guided.seal_key)
            if guided.sealed_identity
            else {}
        )
        result.append(
            DocumentSample(
                "letters-guidance",
                "Công văn hướng dẫn công dân gửi đơn",
                documents.guidance_letter(guided, identity),
                dispatch=True,
            )
        )
    province = any_letter.province
    period = periods.current_half(timezone.localdate())
    stats = selectors.statistics(user, date_from=period.start, date_to=period.end, province_id=province.pk)
    result.append(
        DocumentSample(
            "letters-six-month-report",
            "Báo cáo 6 tháng công tác tiếp công dân, xử lý đơn",
            documents.period_report(
                province=province,
                stats=stats,
                period_label=period.label,
                start=period.start,
                end=period.end,
                bodies=selectors.receiving_body_names(province.pk),
            ),
        )
    )
    return result
