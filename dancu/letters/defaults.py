"""The rule set seeded by migration 0002 (and re-created by the demo after a test flush).

Values from domain/RULES.md; the model class is passed in so that the data migration can use
its historical model.
"""

from __future__ import annotations

import datetime
from typing import Any

DEFAULT_RULE_SET_NAME = "Luật Khiếu nại 2011, Luật Tố cáo 2018, Luật Tiếp công dân 2013, TT 05/2021/TT-TTCP"
DEFAULT_RULE_SET: dict[str, Any] = {
    "valid_from": datetime.date(2021, 7, 1),
    "valid_to": None,
    "source": "Luật KN 2011 Đ.27-28; Luật TC 2018 Đ.24, 30; Luật TCD 2013 Đ.21, 24, 27-29; TT 05/2021 Đ.6, 14, 28",
    "reception_answer_wd": 10,
    "complaint_accept_wd": 10,
    "complaint_resolve_days": 30,
    "complaint_resolve_complex_days": 45,
    "complaint_resolve_remote_days": 45,
    "complaint_resolve_remote_complex_days": 60,
    "denunciation_initial_wd": 7,
    "denunciation_initial_extended_wd": 10,
    "denunciation_transfer_wd": 5,
    "denunciation_resolve_days": 30,
    "denunciation_extension_days": 30,
    "denunciation_max_extensions": 2,
    "result_report_wd": 7,
    "citizen_inform_wd": 5,
    "schedule_post_wd": 5,
    "deputy_notice_wd": 10,
    "retention_years": 1,
    "reminder_days_before": 3,
}


def ensure_rule_sets(model: Any) -> None:
    if not model.objects.filter(name=DEFAULT_RULE_SET_NAME).exists():
        model.objects.create(name=DEFAULT_RULE_SET_NAME, **DEFAULT_RULE_SET)
