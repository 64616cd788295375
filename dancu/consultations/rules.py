"""The consultation's periods as effective-dated rows (ConsultationRule), seeded by migration 0002.

RULES-NEXT.md B: the pre-2025 text (Law 80/2015) asked for the revised draft to reach the
delegation at least 45 days before the session and the delegation's synthesis to reach the lead
vetting body at least 20 days before; the 2025 Law on Promulgation of Legal Documents
(64/2025/QH15, in force 01/04/2025) must still be checked for both, so the 2025 rows carry the
same values with `verified=False` and stay editable. The days a recipient gets to answer are the
Office's own practice (no law fixes them).
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from dancu.core.errors import ValidationFailed

D = datetime.date

# (code, effective_from, days, source, verified)
SHIPPED = [
    ("answer_days", D(2016, 7, 1), 10, "Thực tiễn của Văn phòng (không có quy định của luật)", False),
    ("synthesis_before_session", D(2016, 7, 1), 20, "Luật Ban hành văn bản QPPL 80/2015/QH13", True),
    (
        "synthesis_before_session",
        D(2025, 4, 1),
        20,
        "Luật Ban hành văn bản QPPL 64/2025/QH15 (cần kiểm tra lại)",
        False,
    ),
    ("draft_before_session", D(2016, 7, 1), 45, "Luật Ban hành văn bản QPPL 80/2015/QH13", True),
    (
        "draft_before_session",
        D(2025, 4, 1),
        45,
        "Luật Ban hành văn bản QPPL 64/2025/QH15 (cần kiểm tra lại)",
        False,
    ),
    ("public_posting_days", D(2016, 7, 1), 60, "Luật Ban hành văn bản QPPL 80/2015/QH13, Điều 57", True),
    (
        "public_posting_days",
        D(2025, 4, 1),
        20,
        "Luật Ban hành văn bản QPPL 64/2025/QH15 (cần kiểm tra lại)",
        False,
    ),
]


def seed_rules(rule_model=None) -> None:
    """The shipped rows (idempotent); the data migration passes its historical model."""
    if rule_model is None:
        from .models import ConsultationRule as rule_model  # noqa: N813
    for code, start, days, source, verified in SHIPPED:
        rule_model.objects.get_or_create(
            code=code, effective_from=start, defaults={"days": days, "source": source, "verified": verified}
        )


def days(code: str, on: datetime.date) -> int:
    """The period in force on `on`."""
    from .models import ConsultationRule

    row = (
        ConsultationRule.objects.filter(code=code, effective_from__lte=on).order_by("-effective_from").first()
    )
    if row is None:
        raise ValidationFailed(
            _("No consultation rule is in force for this date."), code="consultation_no_rule"
        )
    return row.days


def synthesis_due(session_start: datetime.date | None) -> datetime.date | None:
    """The day the synthesis is due: the set number of days before the session opens."""
    if session_start is None:
        return None
    return session_start - datetime.timedelta(days=days("synthesis_before_session", session_start))


def answer_due(requested_on: datetime.date) -> datetime.date:
    return requested_on + datetime.timedelta(days=days("answer_days", requested_on))
