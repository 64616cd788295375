"""The services of the coordination module: the regulation and `roles_for` (the capability other
modules call), the review's figures from the modules' providers, giao ban meetings through their
workflow, lower councils' reports, tasks to done; the calendar and worklist hooks."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from dancu.coordination import calendar, selectors, services, worklist
from dancu.coordination.models import LowerReport, Meeting, Task, TaskStatus
from dancu.coordination.tests.factories import D, at, held_meeting, make_meeting, make_regulation
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.core.modules import is_provided, provided

pytestmark = pytest.mark.django_db


def test_roles_for_is_provided_and_follows_validity(admin, province, bodies):
    w = bodies
    assert is_provided("coordination.roles_for")
    roles_for = provided("coordination.roles_for")
    regulation = make_regulation(admin, province, w, valid_to=D(2026, 12, 31))
    services.area_set(
        actor=admin,
        regulation=regulation,
        area="supervision",
        lead=[w["standing"]],
        coordinate=[w["na"], w["front"]],
    )
    assert roles_for(province.pk, "supervision", D(2024, 1, 1)) == {
        "lead": [w["standing"].pk],
        "coordinate": sorted([w["na"].pk, w["front"].pk]),
    }
    assert roles_for(province.pk, "supervision", D(2022, 5, 5)) == {"lead": [], "coordinate": []}  # not yet
    assert roles_for(province.pk, "supervision", D(2027, 1, 1)) == {"lead": [], "coordinate": []}  # expired
    assert roles_for(province.pk, "letters", D(2024, 1, 1)) == {"lead": [], "coordinate": []}  # area not set
    # A newer regulation takes over from its date.
    newer = make_regulation(
        admin, province, w, number="2/QCPH", signed_on=D(2025, 1, 1), valid_from=D(2025, 1, 1)
    )
    services.area_set(actor=admin, regulation=newer, area="supervision", lead=[w["na"]])
    assert roles_for(province.pk, "supervision", D(2025, 6, 1))["lead"] == [w["na"].pk]
    with pytest.raises(ValidationFailed) as exc:
        roles_for(province.pk, "nonsense", D(2024, 1, 1))
    assert exc.value.code == "unknown_area"


def test_regulation_rules(admin, province, other_province, bodies, make_user):
    from dancu.directory.tests.factories import BodyFactory

    w = bodies
    regulation = make_regulation(admin, province, w)
    with pytest.raises(Conflict):
        make_regulation(admin, province, w)  # the same number
    with pytest.raises(ValidationFailed) as exc:
        make_regulation(admin, province, w, number="9/QC", valid_from=D(2022, 1, 1))  # before signing
    assert exc.value.details == {"field": "valid_from"}
    foreign = BodyFactory(province=other_province)
    with pytest.raises(ValidationFailed):
        make_regulation(admin, province, w, number="8/QC", parties=[w["na"], foreign])
    with pytest.raises(ValidationFailed):
        services.area_set(
            actor=admin,
            regulation=regulation,
            area="session",
            lead=[w["standing"]],
            coordinate=[w["standing"]],
        )
    lower = make_user("specialist", w["commune_a"])
    with pytest.raises(PermissionDenied):  # a commune council's user does not write the province's regulation
        services.area_set(actor=lower, regulation=regulation, area="session", lead=[w["standing"]])
    services.review_create(actor=admin, regulation=regulation, year=2023)
    with pytest.raises(Conflict):
        services.regulation_delete(actor=admin, regulation=regulation)


def test_review_figures_from_providers_and_missing_ones(admin, province, bodies, monkeypatch):
    """Every "<module>.coordination_counts" installed is called with (province, year); a module
    without one shows "no data"; this module adds its own giao ban figures."""
    from dancu.core import modules

    calls = []

    def council_counts(province_id, year):
        calls.append((province_id, year))
        return {"sessions": 8, "joint_conferences": 4}

    real_is, real_provided = modules.is_provided, modules.provided
    monkeypatch.setattr(selectors, "is_provided", lambda n: n == "council.coordination_counts" or real_is(n))
    monkeypatch.setattr(
        selectors,
        "provided",
        lambda n: council_counts if n == "council.coordination_counts" else real_provided(n),
    )
    meeting = held_meeting(admin, bodies)
    services.report_submit(
        actor=admin,
        meeting=meeting,
        body=bodies["commune_a"],
        sessions_held=3,
        resolutions=7,
        letters_received=5,
        letters_handled=4,
    )
    services.report_submit(
        actor=admin, meeting=meeting, body=bodies["commune_b"], sessions_held=1, resolutions=2
    )
    with translation.override("en"):
        groups = {g.module: g for g in selectors.review_figures(province.pk, 2026)}
    assert calls == [(province.pk, 2026)]
    assert groups["council"].available and ("Council sessions held", 8) in [
        (str(k), v) for k, v in groups["council"].rows
    ]
    for module in ("petitions", "letters", "supervision", "consultations"):
        if not real_is(f"{module}.coordination_counts"):
            assert not groups[module].available
    own = {str(k): v for k, v in groups["coordination"].rows}
    assert own["Giao ban meetings held"] == 1
    assert own["Sessions of lower councils"] == 4 and own["Resolutions of lower councils"] == 9
    assert selectors.review_figures(province.pk, 2025)[-1].rows[0][1] == 0  # another year


def test_meeting_host_participants_and_levels(admin, province, bodies):
    w = bodies
    with pytest.raises(ValidationFailed) as exc:
        services.meeting_create(
            actor=admin,
            host=w["ubnd"],
            title="x",
            period="x",
            starts_at=at(D(2026, 7, 1)),
            ends_at=at(D(2026, 7, 1), 10),
            participants=[w["commune_a"]],
        )
    assert exc.value.details == {"field": "host"}
    with pytest.raises(ValidationFailed):
        make_meeting(admin, w, ends_at=at(D(2026, 7, 20), 6))  # ends before it starts
    # Lower councils: districts before 1 July 2025, communes since.
    assert list(selectors.lower_councils(province.pk, D(2025, 3, 1))) == [w["district"]]
    assert set(selectors.lower_councils(province.pk, D(2025, 7, 1))) == {w["commune_a"], w["commune_b"]}


def test_meeting_workflow_to_conclusions(admin, bodies):
    w = bodies
    meeting = make_meeting(admin, w, participants=[])
    with pytest.raises(Conflict):  # nobody invited
        services.meeting_transition(actor=admin, meeting=meeting, action="invite")
    services.meeting_update(
        actor=admin,
        meeting=meeting,
        title=meeting.title,
        period=meeting.period,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        participants=[w["commune_a"]],
    )
    services.meeting_transition(actor=admin, meeting=meeting, action="invite")
    services.meeting_transition(actor=admin, meeting=meeting, action="hold")
    with pytest.raises(Conflict):  # no conclusions yet
        services.meeting_transition(actor=admin, meeting=meeting, action="conclude")
    services.conclusions_set(actor=admin, meeting=meeting, conclusions="Tăng cường giám sát.")
    services.meeting_transition(actor=admin, meeting=meeting, action="conclude")
    meeting.refresh_from_db()
    assert meeting.status == "concluded"
    with pytest.raises(Conflict):  # the reports are closed with it
        services.report_submit(actor=admin, meeting=meeting, body=w["commune_a"])
    with pytest.raises(Conflict):
        services.meeting_delete(actor=admin, meeting=meeting)
    actions = list(
        AuditEntry.objects.filter(target_type="coordination.meeting", target_id=str(meeting.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[-3:] == [
        "coordination.meeting.hold",
        "coordination.meeting.conclusions",
        "coordination.meeting.conclude",
    ]


def test_reports_scoped_by_body(admin, bodies, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = bodies
    meeting = make_meeting(admin, w)
    services.meeting_transition(actor=admin, meeting=meeting, action="invite")
    own = make_user("specialist", w["commune_a"])
    report = services.report_submit(
        actor=own, meeting=meeting, body=w["commune_a"], sessions_held=2, resolutions=5
    )
    assert report.submitted_by == own
    with pytest.raises(PermissionDenied):
        services.report_submit(actor=own, meeting=meeting, body=w["commune_b"], sessions_held=1)
    with pytest.raises(ValidationFailed):  # more handled than received
        services.report_submit(
            actor=own, meeting=meeting, body=w["commune_a"], letters_received=1, letters_handled=2
        )
    with pytest.raises(ValidationFailed):  # a disguised page is refused by its content
        services.report_submit(
            actor=own,
            meeting=meeting,
            body=w["commune_a"],
            uploaded=ContentFile(b"<html><script>x</script></html>", name="bao-cao.pdf"),
        )
    assert LowerReport.objects.get(pk=report.pk).resolutions == 5  # the refusals changed nothing
    with pytest.raises(ValidationFailed):  # not a participant
        services.report_submit(actor=admin, meeting=meeting, body=w["district"])
    assert list(selectors.meetings_visible(own)) == [meeting]
    outsider = make_user("specialist", w["district"])
    assert list(selectors.meetings_visible(outsider)) == []


def test_task_to_done_by_its_owner_and_notified(admin, bodies, make_user):
    from dancu.notifications.models import Notification

    w = bodies
    meeting = held_meeting(admin, w)
    owner = make_user("specialist", w["commune_a"])
    other = make_user("specialist", w["commune_b"])
    with pytest.raises(ValidationFailed) as exc:
        services.task_create(actor=admin, meeting=meeting, content="x", due_date=D(2026, 12, 1))
    assert exc.value.code == "no_owner"
    task = services.task_create(
        actor=admin,
        meeting=meeting,
        content="Tổ chức tập huấn",
        owner_body=w["commune_a"],
        due_date=D(2026, 12, 1),
    )
    assert Notification.objects.filter(recipient=owner, event="task_assigned").count() == 1
    assert not Notification.objects.filter(recipient=other).exists()
    with pytest.raises(PermissionDenied):
        services.task_transition(actor=other, task=task, action="start")
    services.task_transition(actor=owner, task=task, action="start")
    with pytest.raises(PermissionDenied):  # the owner may not cancel: the Office decides
        services.task_transition(actor=owner, task=task, action="cancel")
    services.task_transition(actor=owner, task=task, action="complete", result="Đã tập huấn 120 đại biểu.")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.done_on is not None and "120" in task.result
    with pytest.raises(Conflict):
        services.task_delete(actor=admin, task=task)
    services.task_transition(actor=admin, task=task, action="reopen")
    assert Task.objects.get(pk=task.pk).done_on is None


def test_calendar_and_worklist_hooks(admin, bodies, make_user):
    w = bodies
    meeting = make_meeting(admin, w, day=D(2026, 7, 20))
    services.meeting_transition(actor=admin, meeting=meeting, action="invite")
    start = at(D(2026, 7, 1), 0)
    end = at(D(2026, 8, 1), 0)
    events = calendar.events(admin, start, end)
    assert [e.uid for e in events] == [f"coordination.meeting.{meeting.pk}"]
    assert events[0].kind == "giao_ban" and w["commune_a"].pk in events[0].body_ids
    assert calendar.events(admin, at(D(2026, 8, 1), 0), at(D(2026, 9, 1), 0)) == []
    owner = make_user("specialist", w["commune_a"])
    kinds = [(i.kind, i.url) for i in worklist.items(owner)]
    assert kinds == [("coordination_report", f"/phoi-hop/giao-ban/{meeting.pk}/bao-cao/{w['commune_a'].pk}/")]
    services.report_submit(actor=owner, meeting=meeting, body=w["commune_a"])
    assert worklist.items(owner) == []
    services.meeting_transition(actor=admin, meeting=meeting, action="hold")
    services.task_create(
        actor=admin,
        meeting=meeting,
        content="Việc của xã A",
        owner_body=w["commune_a"],
        due_date=D(2026, 9, 1),
    )
    services.task_create(
        actor=admin,
        meeting=meeting,
        content="Việc của xã B",
        owner_body=w["commune_b"],
        due_date=D(2026, 9, 1),
    )
    assert [i.title for i in worklist.items(owner)] == ["Việc của xã A"]
    assert len([i for i in worklist.items(admin) if i.kind == "coordination_task"]) == 2
    # Overdue counts for the dashboard
    assert selectors.tasks_overdue(admin, D(2026, 9, 2)).count() == 2
    assert selectors.tasks_overdue(admin, D(2026, 9, 1)).count() == 0


def test_meeting_list_queries_do_not_grow(client, admin, bodies, django_assert_max_num_queries):
    for i in range(6):
        make_meeting(admin, bodies, title=f"Giao ban {i}")
    client.force_login(admin)
    with django_assert_max_num_queries(20):
        assert client.get("/phoi-hop/giao-ban/").status_code == 200
    assert Meeting.objects.count() == 6
    assert datetime.date(2026, 1, 1)


def test_dashboard_cards_count_overdue_tasks(admin, bodies, make_user, office):
    from django.utils import timezone

    from dancu.coordination import dashboard

    w = bodies
    today = timezone.localdate()
    meeting = held_meeting(admin, w, day=today - datetime.timedelta(days=10))
    past = today - datetime.timedelta(days=3)
    services.task_create(actor=admin, meeting=meeting, content="A", owner_body=w["commune_a"], due_date=past)
    services.task_create(actor=admin, meeting=meeting, content="B", owner_body=w["commune_b"], due_date=past)
    services.task_create(actor=admin, meeting=meeting, content="C", owner_body=w["commune_a"], due_date=today)

    def overdue(user):
        return next(c["value"] for c in dashboard.cards(user) if c["url"].endswith("?overdue=1"))

    assert overdue(admin) == 2
    assert overdue(make_user("viewer", office)) == 2
    assert overdue(make_user("specialist", w["commune_a"])) == 1  # its own
    assert dashboard.cards(make_user()) == []
