"""Reminders of the supervision module, through `provided("notifications.notify")`.

- A recommendation sent to an agency (created) and an agency's answer arriving notify at once
  (`notify_sent`, `notify_answer`, called by the services inside their transaction).
- The daily beat job `send_reminders` (manifest `beat_schedule`): recommendations still open and
  due within 3 working days (`due_soon`) or overdue (`overdue`) notify the lead agency's
  responders; agency reports not received and due within 3 working days or overdue notify that
  agency's responders; for an overdue recommendation the Office's specialists receive the
  proposed next step of the escalation ladder (reminder → formal urging → explanation hearing →
  questioning → re-supervision), again `rule reminder_days` after the last step taken.
Idempotent: every notification has a dedupe key (the same thing never notifies one user twice,
across runs and beat restarts); a new due date or a new proposed step is a new thing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.calendar import add_working_days
from dancu.core.modules import is_provided, provided

from .models import (
    ActivityStatus,
    AgencyReport,
    Answer,
    EscalationLevel,
    Recommendation,
    RecommendationStatus,
)
from .ruleset import value_on

NOTIFY = "notifications.notify"
DUE_SOON_WORKING_DAYS = 3
OFFICE_ROLES = (Role.OFFICE_ADMIN, Role.SPECIALIST)


def _notify(**kwargs: Any) -> int:
    if not is_provided(NOTIFY):
        return 0
    return int(provided(NOTIFY)(**kwargs) or 0)


def agency_users(body_id: int) -> list[Any]:
    from dancu.accounts.models import User

    return list(
        User.objects.filter(
            is_active=True, roles__body_id=body_id, roles__role=Role.AGENCY_RESPONDER
        ).distinct()
    )


def office_users(province_id: int) -> list[Any]:
    from dancu.accounts.models import User

    return list(
        User.objects.filter(
            is_active=True, roles__body__province_id=province_id, roles__role__in=OFFICE_ROLES
        ).distinct()
    )


def _rec_url(rec: Recommendation) -> str:
    return reverse("supervision:recommendation_detail", kwargs={"recommendation_id": rec.pk})


def _day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def notify_sent(rec: Recommendation) -> int:
    """The recommendation was sent to its lead agency."""
    return _notify(
        event="sent_to_agency",
        recipients=agency_users(rec.lead_agency_id),
        title=_("New recommendation after supervision: %(topic)s") % {"topic": rec.activity.topic[:150]},
        body=_("%(content)s. Due %(due)s.") % {"content": rec.content[:300], "due": _day(rec.due_on)},
        url=_rec_url(rec),
        dedupe_key=f"supervision.rec.sent:{rec.pk}:{rec.lead_agency_id}",
        province_id=rec.province_id,
    )


def notify_answer(answer: Answer) -> int:
    """The lead agency answered: the Office decides."""
    rec = answer.recommendation
    return _notify(
        event="answer_arrived",
        recipients=office_users(rec.province_id),
        title=_("An agency answered a recommendation: %(agency)s") % {"agency": rec.lead_agency.name},
        body=_("%(content)s. Proposed status: %(status)s.")
        % {"content": rec.content[:300], "status": answer.get_proposed_display()},
        url=_rec_url(rec),
        dedupe_key=f"supervision.rec.answer:{answer.pk}",
        province_id=rec.province_id,
    )


def proposed_step(rec: Recommendation, today: datetime.date) -> str | None:
    """The next step of the ladder to propose for an overdue recommendation, or None when the
    last step is more recent than the rule row `reminder_days` (or the ladder is done)."""
    if rec.status != RecommendationStatus.OPEN or rec.due_on >= today:
        return None
    steps = sorted(rec.escalations.all(), key=lambda s: (s.taken_on, s.pk))
    taken = {s.level for s in steps}
    level = next((x for x in EscalationLevel.values if x not in taken), None)
    if level is None:
        return None
    if steps:
        wait = int(value_on("reminder_days", today, default=10))
        if (today - steps[-1].taken_on).days < wait:
            return None
    return level


def send_reminders(*, today: datetime.date | None = None) -> dict[str, int]:
    """The daily job (see the module docstring). Returns how many users were newly notified,
    per kind; a second run the same day notifies nobody."""
    today = today or timezone.localdate()
    horizon = add_working_days(today, DUE_SOON_WORKING_DAYS)
    counts = {"due_soon": 0, "overdue": 0, "escalation": 0, "report_due_soon": 0, "report_overdue": 0}
    open_recs = (
        Recommendation.objects.filter(status=RecommendationStatus.OPEN, due_on__lte=horizon)
        .select_related("activity", "lead_agency")
        .prefetch_related("escalations")
    )
    for rec in open_recs:
        overdue = rec.due_on < today
        kind = "overdue" if overdue else "due_soon"
        title = (
            _("Recommendation overdue since %(due)s: %(topic)s")
            if overdue
            else _("Recommendation due on %(due)s: %(topic)s")
        ) % {"due": _day(rec.due_on), "topic": rec.activity.topic[:150]}
        counts[kind] += _notify(
            event=kind,
            recipients=agency_users(rec.lead_agency_id),
            title=title,
            body=rec.content[:500],
            url=_rec_url(rec),
            dedupe_key=f"supervision.rec.{kind}:{rec.pk}:{rec.due_on.isoformat()}",
            province_id=rec.province_id,
        )
        level = proposed_step(rec, today) if overdue else None
        if level:
            counts["escalation"] += _notify(
                event="overdue",
                recipients=office_users(rec.province_id),
                title=_("Overdue recommendation (%(agency)s): proposed next step “%(step)s”")
                % {"agency": rec.lead_agency.name, "step": EscalationLevel(level).label},
                body=_("%(content)s. Due %(due)s.") % {"content": rec.content[:300], "due": _day(rec.due_on)},
                url=_rec_url(rec),
                dedupe_key=f"supervision.rec.escalate:{rec.pk}:{level}",
                province_id=rec.province_id,
            )
    reports = AgencyReport.objects.filter(
        received_on__isnull=True,
        due_on__lte=horizon,
        activity__status__in=[ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS],
    ).select_related("activity", "agency")
    for report in reports:
        overdue = report.due_on < today
        kind = "overdue" if overdue else "due_soon"
        activity = report.activity
        title = (
            _("Report to the supervision team overdue since %(due)s: %(topic)s")
            if overdue
            else _("Report to the supervision team due on %(due)s: %(topic)s")
        ) % {"due": _day(report.due_on), "topic": activity.topic[:150]}
        counts[f"report_{kind}"] += _notify(
            event=kind,
            recipients=agency_users(report.agency_id),
            title=title,
            body=_("Send the report following the outline of the supervision team."),
            url="",  # agency users have no page of the activity: the mail says what to send
            dedupe_key=f"supervision.report.{kind}:{report.pk}:{report.due_on.isoformat()}",
            province_id=activity.province_id,
        )
    return counts
