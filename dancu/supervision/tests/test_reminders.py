"""Reminders through the notifications layer, with e-mails to a REAL SMTP server on loopback
(aiosmtpd): a recommendation sent to an agency, an agency's answer, the daily job (due soon,
overdue, agency reports, the proposed escalation step), run twice without notifying twice."""

from __future__ import annotations

import datetime

import pytest

from dancu.core.calendar import add_working_days
from dancu.notifications.models import Notification
from dancu.notifications.tests.conftest import smtp_server, text_of  # noqa: F401 (fixture)
from dancu.supervision import reminders, services
from dancu.supervision.tests.factories import make_activity, make_programme

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 9, 14)  # a Monday


def _with_mail(user, address):
    user.email = address
    user.save(update_fields=["email"])
    return user


def _activity(w):
    programme = make_programme(w["admin"], w["committee"], 2026)
    return make_activity(
        w["admin"], programme, topic="Giám sát quản lý đất đai", agencies=[w["land"]], start=D(2026, 10, 5)
    )


def test_sent_to_agency_and_answer_arrived_reach_the_right_people_by_mail(
    w, smtp_server, django_capture_on_commit_callbacks  # noqa: F811
):
    agency = _with_mail(w["agency_user"], "so.nnmt@example.vn")
    office = _with_mail(w["admin"], "vanphong@example.vn")
    _with_mail(w["health_user"], "so.yte@example.vn")  # another agency: never told
    activity = _activity(w)
    with django_capture_on_commit_callbacks(execute=True):
        rec = services.recommendation_create(
            actor=w["admin"],
            activity=activity,
            content="Hoàn thành cấp giấy chứng nhận cho các hộ tồn đọng",
            lead_agency=w["land"],
            due_on=D(2026, 12, 31),
        )
    (sent,) = smtp_server.wait_for(1)
    assert smtp_server.envelopes[0][1] == [agency.email]
    assert "Hoàn thành cấp giấy chứng nhận" in text_of(sent)
    assert Notification.objects.get(recipient=agency).event == "sent_to_agency"
    with django_capture_on_commit_callbacks(execute=True):
        services.recommendation_answer(actor=agency, recommendation=rec, text="Đã cấp 120 giấy", proposed="done")
    messages = smtp_server.wait_for(2)
    assert smtp_server.envelopes[1][1] == [office.email]
    assert w["land"].name in messages[1]["Subject"]
    assert Notification.objects.filter(recipient=office, event="answer_arrived").count() == 1
    assert not Notification.objects.filter(recipient=w["health_user"]).exists()


def test_daily_job_due_soon_overdue_reports_and_escalation_is_idempotent(
    w, smtp_server, django_capture_on_commit_callbacks, supervision_rules  # noqa: F811
):
    agency = _with_mail(w["agency_user"], "so.nnmt@example.vn")
    office = _with_mail(w["admin"], "vanphong@example.vn")
    activity = _activity(w)
    soon = services.recommendation_create(
        actor=w["admin"], activity=activity, content="Rà soát hồ sơ", lead_agency=w["land"],
        due_on=add_working_days(TODAY, 3),
    )
    late = services.recommendation_create(
        actor=w["admin"], activity=activity, content="Xử lý vi phạm", lead_agency=w["land"],
        due_on=TODAY - datetime.timedelta(days=5),
    )
    services.recommendation_create(  # far away: nothing
        actor=w["admin"], activity=activity, content="Sửa quy định", lead_agency=w["land"],
        due_on=TODAY + datetime.timedelta(days=40),
    )
    services.agency_report_expect(
        actor=w["admin"], activity=activity, agency=w["land"], due_on=TODAY - datetime.timedelta(days=1)
    )
    Notification.objects.all().delete()  # the "sent to agency" ones: not what this test counts
    with django_capture_on_commit_callbacks(execute=True):
        counts = reminders.send_reminders(today=TODAY)
    assert counts == {"due_soon": 1, "overdue": 1, "escalation": 1, "report_due_soon": 0, "report_overdue": 1}
    messages = smtp_server.wait_for(4)
    subjects = " | ".join(m["Subject"] for m in messages)
    assert "Nhắc việc" in subjects  # the proposed first step of the ladder, in Vietnamese
    assert {tuple(e[1]) for e in smtp_server.envelopes} == {(agency.email,), (office.email,)}
    keys = set(Notification.objects.values_list("dedupe_key", flat=True))
    assert f"supervision.rec.due_soon:{soon.pk}:{soon.due_on.isoformat()}" in keys
    assert f"supervision.rec.escalate:{late.pk}:reminder" in keys
    # The same day again, and the next day: nobody is told twice.
    with django_capture_on_commit_callbacks(execute=True):
        again = reminders.send_reminders(today=TODAY)
        next_day = reminders.send_reminders(today=TODAY + datetime.timedelta(days=1))
    assert sum(again.values()) == 0 and sum(next_day.values()) == 0
    assert len(smtp_server.messages) == 4
    # The Office takes the reminder step: the next step (formal urging) is proposed only
    # `reminder_days` (10) later.
    services.recommendation_escalate(actor=w["admin"], recommendation=late, level="reminder", today=TODAY)
    services.recommendation_answer(actor=agency, recommendation=soon, text="Đã rà soát", proposed="done")
    urging = f"supervision.rec.escalate:{late.pk}:urging"
    assert reminders.send_reminders(today=TODAY + datetime.timedelta(days=9))["escalation"] == 0
    assert not Notification.objects.filter(dedupe_key=urging).exists()
    assert reminders.send_reminders(today=TODAY + datetime.timedelta(days=10))["escalation"] == 1
    assert Notification.objects.filter(dedupe_key=urging).count() == 1
    # A received report and an answered recommendation are not reminded.
    services.agency_report_receive(actor=w["admin"], activity=activity, agency=w["land"], received_on=TODAY)
    Notification.objects.all().delete()
    assert reminders.send_reminders(today=TODAY + datetime.timedelta(days=20)) == {
        "due_soon": 0, "overdue": 1, "escalation": 1, "report_due_soon": 0, "report_overdue": 0
    }


def test_the_beat_entry_runs_the_job():
    from dancu.supervision.manifest import MANIFEST

    entry = MANIFEST.beat_schedule["supervision-reminders"]
    assert entry["task"] == "dancu.supervision.tasks.send_reminders"
    from dancu.supervision import tasks

    assert tasks.send_reminders.name == entry["task"]
