"""One sample of each document the coordination module generates, from the demo data."""

from __future__ import annotations

from dancu.core.documents import DocumentSample

from . import documents, selectors
from .models import Meeting, MeetingStatus, Review


def samples(user) -> list[DocumentSample]:
    result = []
    meeting = Meeting.objects.filter(status=MeetingStatus.CONCLUDED).first() or Meeting.objects.first()
    if meeting is not None:
        result.append(
            DocumentSample(
                "coordination-invitation", "Giấy mời dự hội nghị giao ban", documents.invitation_docx(meeting)
            )
        )
        result.append(
            DocumentSample(
                "coordination-conclusions",
                "Thông báo kết luận hội nghị giao ban",
                documents.conclusions_docx(meeting),
            )
        )
    review = Review.objects.select_related("regulation", "province").first()
    if review is not None:
        groups = selectors.review_figures(review.province_id, review.year)
        result.append(
            DocumentSample(
                "coordination-review",
                "Báo cáo sơ kết thực hiện Quy chế phối hợp",
                documents.review_docx(review, groups, selectors.standing_committee(review.province_id)),
            )
        )
    return result
