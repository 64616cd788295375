"""Legal deadlines of a letter from the rule set in force on its received date.

Working-day limits (WD) use the calendar's `add_working_days`; limits in days `add_days` (Civil Code
Art. 147-148: counted from the day after, a last day off moves to the next working day).
Where a limit runs from an event not yet known (acceptance, resolution), the latest date the
law allows for that event is used, so the stored due dates are the latest lawful ones.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from dancu.core.calendar import current_calendar
from dancu.core.errors import NotFound, ValidationFailed

from .errors import LetterError
from .models import LetterKind, LetterRuleSet


def rule_set_for(received: datetime.date) -> LetterRuleSet:
    rule_set = (
        LetterRuleSet.objects.filter(valid_from__lte=received)
        .exclude(valid_to__lt=received)
        .order_by("-valid_from")
        .first()
    )
    if rule_set is None:
        raise NotFound(
            _("No letter rule set is in force on %(date)s.") % {"date": f"{received:%d/%m/%Y}"},
            code=LetterError.NO_RULE_SET,
        )
    return rule_set


def compute_deadlines(
    *,
    kind: str,
    received: datetime.date,
    remote: bool = False,
    complex_case: bool = False,
    extensions: int = 0,
    accepted: datetime.date | None = None,
    resolved: datetime.date | None = None,
    rule_set: LetterRuleSet | None = None,
) -> dict[str, datetime.date]:
    """Every deadline the rule set gives such a letter, in the order they fall due."""
    rs = rule_set or rule_set_for(received)
    cal = current_calendar()  # read once for all the deadlines
    add_days, add_working_days = cal.add_days, cal.add_working_days
    out: dict[str, datetime.date] = {}
    if kind == LetterKind.COMPLAINT:
        out["reception_answer"] = add_working_days(received, rs.reception_answer_wd)
        out["accept"] = add_working_days(received, rs.complaint_accept_wd)
        if remote and complex_case:
            days = rs.complaint_resolve_remote_complex_days
        elif remote:
            days = rs.complaint_resolve_remote_days
        elif complex_case:
            days = rs.complaint_resolve_complex_days
        else:
            days = rs.complaint_resolve_days
        out["resolve"] = add_days(accepted or out["accept"], days)
    elif kind == LetterKind.DENUNCIATION:
        if extensions < 0 or extensions > rs.denunciation_max_extensions:
            raise ValidationFailed(
                _("A denunciation may be extended at most %(n)s times.")
                % {"n": rs.denunciation_max_extensions},
                code=LetterError.TOO_MANY_EXTENSIONS,
            )
        out["initial_processing"] = add_working_days(received, rs.denunciation_initial_wd)
        out["initial_processing_extended"] = add_working_days(received, rs.denunciation_initial_extended_wd)
        out["transfer"] = add_working_days(received, rs.denunciation_transfer_wd)
        start = accepted or out["initial_processing_extended"]
        out["resolve"] = add_days(start, rs.denunciation_resolve_days)
        if extensions:
            out["resolve_extended"] = add_days(
                start, rs.denunciation_resolve_days + extensions * rs.denunciation_extension_days
            )
    elif kind in (LetterKind.PETITION, LetterKind.REPORT):
        out["reception_answer"] = add_working_days(received, rs.reception_answer_wd)
    else:
        raise ValidationFailed(
            _("Unknown letter kind."), code=LetterError.UNKNOWN_KIND, details={"field": "kind"}
        )
    if kind in (LetterKind.COMPLAINT, LetterKind.DENUNCIATION):
        end = resolved or out.get("resolve_extended") or out["resolve"]
        out["result_report"] = add_working_days(end, rs.result_report_wd)
        out["citizen_inform"] = add_working_days(out["result_report"], rs.citizen_inform_wd)
    return dict(sorted(out.items(), key=lambda item: item[1]))


def retention_until(filed: datetime.date, rule_set: LetterRuleSet) -> datetime.date:
    try:
        return filed.replace(year=filed.year + rule_set.retention_years)
    except ValueError:  # 29 February
        return filed.replace(year=filed.year + rule_set.retention_years, day=28)


def schedule_deadlines(day: datetime.date, rule_set: LetterRuleSet) -> tuple[datetime.date, datetime.date]:
    """The latest dates to post a reception-day schedule and to tell the deputy: the last
    day that still leaves the required number of working days before the reception day."""
    cal = current_calendar()

    def back(n: int) -> datetime.date:
        d = day
        while n > 0:
            d -= datetime.timedelta(days=1)
            if cal.is_working_day(d):
                n -= 1
        return d

    return back(rule_set.schedule_post_wd), back(rule_set.deputy_notice_wd)
