"""One sample of each document the supervision module generates, from the demo data
(manifest `documents`: make docs-preview and tests/test_document_previews.py)."""

from __future__ import annotations

from dancu.core.documents import DocumentSample

from . import documents, figures_export
from .models import Activity, DocumentKind

TITLES: dict[str, str] = {
    DocumentKind.DECISION: "Quyết định thành lập Đoàn giám sát",
    DocumentKind.PLAN: "Kế hoạch giám sát",
    DocumentKind.OUTLINE: "Đề cương báo cáo",
    DocumentKind.NOTICE: "Thông báo chương trình làm việc",
    DocumentKind.REPORT: "Báo cáo kết quả giám sát",
    DocumentKind.CONCLUSIONS: "Thông báo kết luận giám sát",
}


def samples(user) -> list[DocumentSample]:
    activity = (
        Activity.objects.filter(team__isnull=False, documents__isnull=False, recommendations__isnull=False)
        .select_related("programme__body", "province")
        .order_by("id")
        .first()
    )
    if activity is None:
        return []
    out = [
        DocumentSample(f"supervision-{kind}", TITLES[kind], documents.build(activity, kind))
        for kind in DocumentKind.values
    ]
    year = activity.programme.year
    out.append(
        DocumentSample(
            "supervision-figures", "Báo cáo số liệu hoạt động giám sát", figures_export.figures_docx(user, year)
        )
    )
    return out
