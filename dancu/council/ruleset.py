"""The rule rows in force (seeded by migration, re-ensured when a test flush removed them), and
the look-up of the row effective on a date."""

from __future__ import annotations

import datetime

from dancu.core.errors import ValidationFailed

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
]


def ensure_rules(model=None) -> None:
    if model is None:
        from .models import CouncilRule as model
    for code, start, num, den, strict, days, source in RULES:
        model.objects.get_or_create(
            code=code,
            effective_from=datetime.date(*start),
            defaults={"numerator": num, "denominator": den, "strict": strict, "days": days, "source": source},
        )


def rule_on(code: str, day: datetime.date):
    """The rule row in force on `day`."""
    from .models import CouncilRule

    rows = CouncilRule.objects.filter(code=code, effective_from__lte=day).order_by("-effective_from")
    row = rows.first()
    if row is None and not CouncilRule.objects.filter(code=code).exists():
        # A test flush (or an administrator) removed the seeded rows: restore the shipped ones.
        ensure_rules()
        row = rows.first()
    if row is None:
        raise ValidationFailed(f"No rule '{code}' in force on {day:%d/%m/%Y}.", code="no_rule")
    return row


def threshold(row) -> Threshold:
    return Threshold(row.numerator, row.denominator, row.strict)
