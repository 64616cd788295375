"""The shipped rule rows and the look-up of the row in force on a date.

The rows are seeded by migration 0002 (`seed_rules`), never by a read or a service: a database
without them (a test flush) is seeded by the test fixture `council_rules` or the demo loader.
A change of law is a new row (admin, or a new data migration), with its effective date.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _

from dancu.core.errors import ValidationFailed

from .errors import CouncilError
from .rules import Threshold

# (code, effective_from, numerator, denominator, strict, days, source)
RULES = [
    (
        "quorum",
        (2016, 1, 1),
        2,
        3,
        False,
        None,
        "Luật Tổ chức chính quyền địa phương: ít nhất 2/3 tổng số đại biểu",
    ),
    (
        "resolution_pass",
        (2016, 1, 1),
        1,
        2,
        True,
        None,
        "Luật Tổ chức chính quyền địa phương: quá 1/2 tổng số đại biểu",
    ),
    ("confidence_resign", (2023, 11, 10), 1, 2, True, None, "Nghị quyết 96/2023/QH15"),
    ("confidence_dismiss", (2023, 11, 10), 2, 3, False, None, "Nghị quyết 96/2023/QH15"),
    (
        "written_answer_days",
        (2016, 7, 1),
        0,
        1,
        False,
        20,
        "Luật 87/2015/QH13: trả lời bằng văn bản trong 20 ngày",
    ),
    (
        "commitment_report_days",
        (2016, 7, 1),
        0,
        1,
        False,
        10,
        "Luật 87/2015/QH13: chậm nhất 10 ngày trước kỳ họp",
    ),
    ("submission_days", (2016, 1, 1), 0, 1, False, 7, "Quy chế làm việc: tài liệu gửi đại biểu trước 7 ngày"),
    (
        "convene_regular_days",
        (2016, 1, 1),
        0,
        1,
        False,
        20,
        "Luật Tổ chức chính quyền địa phương: quyết định triệu tập kỳ họp thường lệ chậm nhất 20 ngày trước ngày khai mạc",
    ),
    (
        "convene_other_days",
        (2016, 1, 1),
        0,
        1,
        False,
        7,
        "Luật Tổ chức chính quyền địa phương: kỳ họp chuyên đề, bất thường chậm nhất 07 ngày trước ngày khai mạc",
    ),
    (
        "normative_effect_days",
        (2016, 7, 1),
        0,
        1,
        False,
        10,
        "Luật Ban hành văn bản quy phạm pháp luật: hiệu lực không sớm hơn 10 ngày kể từ ngày thông qua",
    ),
    (
        "first_session_days",
        (2025, 6, 16),
        0,
        1,
        False,
        45,
        "Luật Tổ chức chính quyền địa phương 72/2025/QH15, Điều 34: kỳ họp thứ nhất của Hội đồng nhân dân "
        "khóa mới được triệu tập chậm nhất là 45 ngày kể từ ngày bầu cử",
    ),
]


def seed_rules(model: Any = None) -> int:
    """Create the shipped rows that are missing (the migration passes its historical model);
    returns how many were created. For migrations, test fixtures and the demo loader only."""
    if model is None:
        from .models import CouncilRule as model
    created = 0
    for code, start, num, den, strict, days, source in RULES:
        _row, new = model.objects.get_or_create(
            code=code,
            effective_from=datetime.date(*start),
            defaults={"numerator": num, "denominator": den, "strict": strict, "days": days, "source": source},
        )
        created += int(new)
    return created


def rule_on(code: str, day: datetime.date) -> Any:
    """The rule row in force on `day` (one query)."""
    from .models import CouncilRule

    row = CouncilRule.objects.filter(code=code, effective_from__lte=day).order_by("-effective_from").first()
    if row is None:
        raise ValidationFailed(
            _("No rule “%(code)s” is in force on %(day)s.") % {"code": code, "day": f"{day:%d/%m/%Y}"},
            code=CouncilError.NO_RULE,
        )
    return row


def threshold(row: Any) -> Threshold:
    return Threshold(row.numerator, row.denominator, row.strict)


def confidence_rules(day: datetime.date) -> tuple[Threshold, Threshold]:
    """The thresholds of a confidence vote on `day`: (may resign, dismissal proposed)."""
    return threshold(rule_on("confidence_resign", day)), threshold(rule_on("confidence_dismiss", day))
