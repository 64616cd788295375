"""The shipped milestone rows of preparing a regular session, counted back from the opening day.

Source: the Bình Phước 2020 calendar (RULES-NEXT C, S37: People's Committee reports to the
committees by 10/11, delegate groups' voter-meeting summaries by 11/11, review reports by 24/11,
Standing Committee–delegate-groups meeting 27/11, session opening 7/12). The joint conference
(hội nghị liên tịch) has no date in that example: its row is the Office's usual practice and is
marked so in `basis`. Seeded by migration 0002; a province's own calendar is a new row with its
own `valid_from` (admin)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _

# (key, order, offset from the opening day, owner body kind, English label, basis)
RULES = [
    (
        "peoples_committee_reports",
        1,
        -27,
        "PEOPLES_COMMITTEE",
        "People's Committee's reports to the committees",
        "Bình Phước 2020: UBND gửi báo cáo đến các Ban trước 10/11 (khai mạc 7/12)",
    ),
    (
        "voter_meeting_summaries",
        2,
        -26,
        "DELEGATE_GROUP",
        "Delegate groups' summaries of voter meetings",
        "Bình Phước 2020: Tổ đại biểu gửi báo cáo tổng hợp ý kiến cử tri trước 11/11",
    ),
    (
        "joint_conference",
        3,
        -20,
        "STANDING_COMMITTEE",
        "Joint conference on the session's programme",
        "Thực tiễn của Văn phòng (không có trong ví dụ Bình Phước): điều chỉnh theo lịch của tỉnh",
    ),
    (
        "committee_reviews",
        4,
        -13,
        "COMMITTEE",
        "Committees' review reports",
        "Bình Phước 2020: các Ban gửi báo cáo thẩm tra trước 24/11",
    ),
    (
        "standing_delegate_meeting",
        5,
        -10,
        "STANDING_COMMITTEE",
        "Standing Committee's meeting with the delegate groups",
        "Bình Phước 2020: Thường trực HĐND họp với các Tổ đại biểu ngày 27/11",
    ),
]
VALID_FROM = datetime.date(2020, 1, 1)

LABELS = {
    "peoples_committee_reports": _("People's Committee's reports to the committees"),
    "voter_meeting_summaries": _("Delegate groups' summaries of voter meetings"),
    "joint_conference": _("Joint conference on the session's programme"),
    "committee_reviews": _("Committees' review reports"),
    "standing_delegate_meeting": _("Standing Committee's meeting with the delegate groups"),
}


def seed_rules(model=None) -> int:
    """Create the shipped rows that are missing (idempotent). `model`: the migration's model."""
    if model is None:
        from .models import MilestoneRule as model
    made = 0
    for key, order, offset, owner, label, basis in RULES:
        _row, created = model.objects.get_or_create(
            key=key,
            valid_from=VALID_FROM,
            defaults={
                "order": order,
                "offset_days": offset,
                "owner_kind": owner,
                "label": label,
                "basis": basis,
            },
        )
        made += created
    return made
