"""The shipped rule rows of supervision (deadlines and targets) and the row in force on a date.

Every deadline and target is an effective-dated row an administrator may change (a change of
law or of a provincial rule is a new row with its date). Rows are seeded by migration 0002
(`seed_rules`), by the test fixture `supervision_rules` and by the demo loader, never by a read.
Values marked "unverified" in RULES-NEXT.md section A are shipped as provincial defaults.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _

from dancu.core.errors import ValidationFailed

from .errors import SupervisionError

# (code, effective_from, value, source)
RULES: list[tuple[str, tuple[int, int, int], int, str]] = [
    (
        "overlap_gap_days",
        (2016, 7, 1),
        60,
        "Quy chế điều hòa chương trình giám sát: cách nhau không quá 60 ngày",
    ),
    (
        "past_topic_years",
        (2016, 7, 1),
        2,
        "Quy chế của tỉnh (Lào Cai): không trùng nội dung đã giám sát trong 02 năm",
    ),
    (
        "group_target",
        (2021, 7, 1),
        2,
        "Tiêu chí đánh giá của tỉnh: mỗi Tổ đại biểu ít nhất 02 cuộc giám sát chuyên đề/năm (chưa xác minh)",
    ),
    (
        "plan_notice_days",
        (2016, 7, 1),
        15,
        "Luật 87/2015/QH13: thông báo kế hoạch, đề cương cho đối tượng chịu giám sát",
    ),
    ("plan_notice_days", (2026, 3, 1), 15, "Luật 121/2025/QH15 (chưa xác minh số ngày)"),
    (
        "programme_notice_days",
        (2016, 7, 1),
        7,
        "Luật 87/2015/QH13: gửi chương trình trước khi làm việc ít nhất 07 ngày",
    ),
    ("programme_notice_days", (2026, 3, 1), 7, "Luật 121/2025/QH15 (chưa xác minh số ngày)"),
    (
        "agency_report_days",
        (2016, 7, 1),
        5,
        "Quy chế của tỉnh: đối tượng gửi báo cáo trước buổi làm việc 05 ngày",
    ),
    (
        "team_report_days",
        (2016, 7, 1),
        7,
        "Quy chế của tỉnh (Lào Cai): dự thảo báo cáo chậm nhất 07 ngày sau khi kết thúc",
    ),
    (
        "standing_review_days",
        (2016, 7, 1),
        30,
        "Báo cáo kết quả trình phiên họp Thường trực gần nhất (chưa xác minh)",
    ),
    (
        "recommendation_days",
        (2016, 7, 1),
        60,
        "Thời hạn mặc định thực hiện kiến nghị sau giám sát (quy định của tỉnh)",
    ),
    (
        "explanation_days",
        (2026, 3, 1),
        15,
        "Luật 121/2025/QH15 Điều 40: giải trình trong 15 ngày, phức tạp đến 30 ngày (chưa xác minh)",
    ),
    (
        "reminder_days",
        (2016, 7, 1),
        10,
        "Quá hạn bao nhiêu ngày thì đôn đốc bằng văn bản (quy định của Văn phòng)",
    ),
]


def seed_rules(model: Any = None) -> int:
    """Create the shipped rows that are missing (the migration passes its historical model)."""
    if model is None:
        from .models import SupervisionRule as model
    created = 0
    for code, start, value, source in RULES:
        _row, new = model.objects.get_or_create(
            code=code, effective_from=datetime.date(*start), defaults={"value": value, "source": source}
        )
        created += int(new)
    return created


def rule_on(code: str, day: datetime.date) -> Any:
    from .models import SupervisionRule

    row = (
        SupervisionRule.objects.filter(code=code, effective_from__lte=day).order_by("-effective_from").first()
    )
    if row is None:
        raise ValidationFailed(
            _("No rule “%(code)s” is in force on %(day)s.") % {"code": code, "day": f"{day:%d/%m/%Y}"},
            code=SupervisionError.NO_RULE,
        )
    return row


def value_on(code: str, day: datetime.date, default: int | None = None) -> int:
    """The value of the rule in force on `day`; `default` when none is (a flushed test DB)."""
    try:
        return int(rule_on(code, day).value)
    except ValidationFailed:
        if default is None:
            raise
        return default
