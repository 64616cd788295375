"""Services of the supervision module on the real database: the programme workflow, proposals,
activities, coordination, teams, documents, recommendations and the escalation ladder."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.supervision import coordination, reports, selectors, services
from dancu.supervision.models import Activity, Coordination, SupervisionDocument
from dancu.supervision.tests.factories import YEAR, D, make_activity, make_programme, planted_overlap

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_programme_workflow_needs_a_resolution_to_adopt(w):
    p = make_programme(w["admin"], w["council"])
    services.programme_transition(actor=w["admin"], programme=p, action="compile")
    with pytest.raises(Conflict):
        services.programme_transition(actor=w["admin"], programme=p, action="adopt")
    with pytest.raises(PermissionDenied):  # the viewer may not adopt
        services.programme_transition(actor=w["viewer"], programme=p, action="adopt", resolution_number="1")
    services.programme_transition(
        actor=w["leader"],
        programme=p,
        action="adopt",
        resolution_number="45/NQ-HĐND",
        resolution_date=D(2025, 7, 10),
    )
    p.refresh_from_db()
    assert (p.status, p.resolution_number) == ("adopted", "45/NQ-HĐND")
    assert AuditEntry.objects.filter(action="supervision.programme.adopt").count() == 1
    with pytest.raises(Conflict):
        services.programme_delete(actor=w["admin"], programme=p)


def test_one_programme_per_body_and_year(w):
    make_programme(w["admin"], w["committee"])
    with pytest.raises(Conflict) as exc:
        make_programme(w["admin"], w["committee"])
    assert exc.value.code == "duplicate_programme"
    with pytest.raises(ValidationFailed):  # an agency has no programme
        make_programme(w["admin"], w["land"])


def test_proposal_compiled_into_a_programme_becomes_an_activity(w):
    p = make_programme(w["admin"], w["council"])
    proposal = services.proposal_create(
        actor=w["admin"],
        province=w["province"],
        year=YEAR,
        source="committee",
        source_body=w["committee"],
        received_on=D(2025, 2, 20),
        topic="Quản lý khai thác cát",
        need="Cử tri phản ánh",
        content="Cấp phép",
    )
    activity = services.proposal_compile(actor=w["admin"], proposal=proposal, programme=p)
    assert activity.topic == "Quản lý khai thác cát" and activity.programme == p
    with pytest.raises(ValidationFailed):
        services.proposal_create(
            actor=w["admin"], province=w["province"], year=YEAR, source="nobody", topic="x"
        )


def test_activity_crud_checks_bodies_and_dates(w, other_province):
    from dancu.directory.models import Body, BodyKind

    p = make_programme(w["admin"], w["committee"])
    a = make_activity(w["admin"], p, topic="Giám sát y tế", agencies=[w["health"]])
    foreign = Body.objects.create(
        kind=BodyKind.AGENCY, name="Sở Y tế khác", province=other_province, unit=other_province
    )
    with pytest.raises(ValidationFailed) as exc:
        services.activity_update(
            actor=w["admin"],
            activity=a,
            kind="thematic",
            topic="x",
            agencies=[foreign],
            planned_start=D(YEAR, 1, 1),
            planned_end=D(YEAR, 1, 2),
        )
    assert exc.value.details == {"field": "agencies"}
    with pytest.raises(ValidationFailed):
        services.activity_update(
            actor=w["admin"],
            activity=a,
            kind="thematic",
            topic="x",
            planned_start=D(YEAR, 2, 1),
            planned_end=D(YEAR, 1, 2),
        )
    services.activity_delete(actor=w["admin"], activity=a)
    assert not Activity.objects.filter(pk=a.pk).exists()


def test_coordination_finds_the_planted_overlap_and_merges_it(w):
    _s, _c, broad, narrow, other = planted_overlap(w["admin"], w)
    data = coordination.overlaps_for_year(w["viewer"], YEAR)
    pairs = [(r.first.pk, r.second.pk) for r in data["rows"]]
    assert pairs == [(broad.pk, narrow.pk)]
    assert any("Sở Nông nghiệp" in t for t in data["rows"][0].texts)
    c = services.coordination_resolve(actor=w["admin"], first=broad, second=narrow, decision="merge")
    narrow.refresh_from_db()
    assert narrow.status == "merged" and narrow.merged_into == broad
    team = broad.team
    assert team.joint and set(team.bodies.all()) == {w["standing"], w["committee"]}
    assert c.reasons and Coordination.objects.count() == 1
    again = coordination.overlaps_for_year(w["viewer"], YEAR)
    assert again["open"] == 0 and again["rows"][0].decision == c
    with pytest.raises(Conflict):
        services.coordination_resolve(actor=w["admin"], first=broad, second=narrow, decision="drop")
    with pytest.raises(ValidationFailed) as exc:  # not an overlap
        services.coordination_resolve(actor=w["admin"], first=broad, second=other, decision="drop")
    assert exc.value.code == "not_an_overlap"


def test_coordination_keep_needs_a_reason_and_move_changes_the_period(w):
    _s, _c, broad, narrow, _o = planted_overlap(w["admin"], w)
    with pytest.raises(ValidationFailed):
        services.coordination_resolve(actor=w["admin"], first=broad, second=narrow, decision="keep")
    assert not Coordination.objects.exists()
    services.coordination_resolve(
        actor=w["admin"],
        first=broad,
        second=narrow,
        decision="move",
        new_start=D(YEAR, 10, 1),
        new_end=D(YEAR, 10, 9),
    )
    narrow.refresh_from_db()
    assert narrow.planned_start == D(YEAR, 10, 1)


def test_past_two_years_are_flagged(w):
    old = make_programme(w["admin"], w["culture"], YEAR - 1)
    make_activity(
        w["admin"],
        old,
        topic="Giám sát việc cấp giấy chứng nhận quyền sử dụng đất",
        agencies=[w["land"]],
        start=D(YEAR - 1, 3, 1),
    )
    _s, _c, broad, narrow, _o = planted_overlap(w["admin"], w)
    history = coordination.overlaps_for_year(w["viewer"], YEAR)["history"]
    assert {r.first.pk for r in history} == {broad.pk, narrow.pk}


def _reported_activity(w):
    p = make_programme(w["admin"], w["committee"])
    a = make_activity(w["admin"], p, topic="Giám sát đất đai", agencies=[w["land"], w["health"]])
    for step in ("start", "report"):
        services.activity_transition(actor=w["admin"], activity=a, action=step)
    return a


def test_documents_are_numbered_in_a_yearly_series(w):
    a = _reported_activity(w)
    b = make_activity(w["admin"], a.programme, topic="Khác", agencies=[w["land"]])
    d1 = services.document_issue(actor=w["admin"], activity=a, kind="plan", issued_on=D(YEAR, 3, 1))
    d2 = services.document_issue(actor=w["admin"], activity=b, kind="plan", issued_on=D(YEAR, 3, 2))
    d3 = services.document_issue(actor=w["admin"], activity=b, kind="report", issued_on=D(YEAR, 3, 2))
    assert (d1.number, d2.number, d3.number) == (1, 2, 1)
    assert (
        services.document_issue(actor=w["admin"], activity=a, kind="plan").pk == d1.pk
    )  # reissued: same number
    assert SupervisionDocument.objects.count() == 3


def test_agency_report_on_time_or_late(w):
    a = _reported_activity(w)
    services.agency_report_expect(actor=w["admin"], activity=a, agency=w["land"], due_on=D(YEAR, 3, 25))
    r = services.agency_report_receive(
        actor=w["admin"], activity=a, agency=w["land"], received_on=D(YEAR, 3, 27)
    )
    assert r.on_time is False


def test_recommendations_to_the_end(w, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    # As if the council module were not installed: the hearing and the question are recorded here.
    monkeypatch.setattr(services, "is_provided", lambda name: False)
    a = _reported_activity(w)
    services.activity_transition(actor=w["admin"], activity=a, action="follow_up")
    r1 = services.recommendation_create(
        actor=w["admin"],
        activity=a,
        content="Đẩy nhanh cấp giấy",
        lead_agency=w["land"],
        coordinating=[w["health"]],
        due_on=D(2030, 1, 1),
    )
    r2 = services.recommendation_create(
        actor=w["admin"], activity=a, content="Rà soát hồ sơ", lead_agency=w["health"], due_on=D(2020, 1, 1)
    )
    # only the lead agency answers
    with pytest.raises(PermissionDenied):
        services.recommendation_answer(actor=w["health_user"], recommendation=r1, text="x", proposed="done")
    services.recommendation_answer(
        actor=w["agency_user"],
        recommendation=r1,
        text="Đã cấp 1.200 giấy",
        proposed="done",
        evidence=SimpleUploadedFile("bao-cao.pdf", PDF),
    )
    r1.refresh_from_db()
    assert r1.status == "answered" and r1.answers.get().evidence.name.endswith(".pdf")
    with pytest.raises(ValidationFailed):
        services.recommendation_decide(actor=w["admin"], recommendation=r1, accept=False)
    services.recommendation_decide(actor=w["admin"], recommendation=r1, accept=True)
    r1.refresh_from_db()
    assert (r1.status, r1.outcome) == ("closed", "done")
    # the activity cannot close while r2 is open
    with pytest.raises(Conflict):
        services.activity_transition(actor=w["admin"], activity=a, action="close")
    # escalation in order; the hearing is recorded here when the council does not provide it
    with pytest.raises(Conflict) as exc:
        services.recommendation_escalate(actor=w["admin"], recommendation=r2, level="hearing")
    assert exc.value.code == "escalation_order"
    for level in ("reminder", "urging", "hearing"):
        step = services.recommendation_escalate(actor=w["admin"], recommendation=r2, level=level)
    assert step.level == "hearing"
    step = services.recommendation_escalate(actor=w["admin"], recommendation=r2, level="questioning")
    step = services.recommendation_escalate(actor=w["admin"], recommendation=r2, level="resupervision")
    again = Activity.objects.get(pk=step.link_id)
    assert again.kind == "resupervision" and list(again.agencies.all()) == [w["health"]]
    services.recommendation_answer(
        actor=w["admin"], recommendation=r2, text="Đã giải trình", proposed="explained"
    )
    services.recommendation_decide(actor=w["admin"], recommendation=r2, accept=True)
    services.activity_transition(actor=w["admin"], activity=a, action="close")
    a.refresh_from_db()
    assert a.status == "closed"
    figures = {row["agency"]: row for row in selectors.agency_figures(w["viewer"], today=D(2026, 1, 1))}
    assert figures[w["land"].name]["on_time"] == 1 and figures[w["health"].name]["late"] == 1


def test_hearing_through_the_council_is_refused_without_a_session_and_writes_nothing(w):
    """The council module provides the hearing; with no session in preparation it refuses, and
    the escalation step is not written either (one transaction)."""
    a = _reported_activity(w)
    r = services.recommendation_create(
        actor=w["admin"], activity=a, content="Giải trình", lead_agency=w["land"], due_on=D(2020, 1, 1)
    )
    for level in ("reminder", "urging"):
        services.recommendation_escalate(actor=w["admin"], recommendation=r, level=level)
    with pytest.raises(Conflict) as exc:
        services.recommendation_escalate(actor=w["admin"], recommendation=r, level="hearing")
    assert exc.value.code == "no_session_in_preparation"
    assert [s.level for s in r.escalations.all()] == ["reminder", "urging"]


def test_agency_sees_only_what_is_addressed_to_it(w):
    a = _reported_activity(w)
    mine = services.recommendation_create(
        actor=w["admin"], activity=a, content="Của Sở", lead_agency=w["land"]
    )
    services.recommendation_create(
        actor=w["admin"], activity=a, content="Của Sở Y tế", lead_agency=w["health"]
    )
    assert list(selectors.recommendations_visible(w["agency_user"])) == [mine]
    assert selectors.recommendations_visible(w["viewer"]).count() == 2


def test_group_progress_against_the_target(w, supervision_rules):
    p = make_programme(w["admin"], w["group"])
    a = make_activity(w["admin"], p, topic="Giám sát nước sạch", agencies=[w["ubnd"]])
    services.activity_transition(actor=w["admin"], activity=a, action="start")
    rows = reports.group_progress(w["viewer"], YEAR, today=D(YEAR, 8, 1))
    assert [(r["held"], r["target"], r["behind"]) for r in rows] == [(1, 2, False)]
    rows = reports.group_progress(w["viewer"], YEAR, today=D(YEAR + 1, 1, 5))
    assert rows[0]["behind"] is True


def test_coordination_of_300_activities_in_few_queries(w, django_assert_max_num_queries):
    bodies = [w[k] for k in ("standing", "committee", "culture", "group", "delegation", "council")]
    topics = [
        "quản lý đất đai",
        "bảo hiểm y tế",
        "nông thôn mới",
        "đầu tư công",
        "khai thác cát",
        "giảm nghèo",
    ]
    for n, body in enumerate(bodies):
        p = make_programme(w["admin"], body)
        for i in range(50):
            make_activity(
                w["admin"],
                p,
                topic=f"Giám sát {topics[(i + n) % 6]} đợt {i}",
                agencies=[w["land"] if i % 2 else w["health"]],
                start=D(YEAR, 1, 1) + datetime.timedelta(days=(i * 7) % 330),
            )
    with django_assert_max_num_queries(12):
        data = coordination.overlaps_for_year(w["viewer"], YEAR)
    assert data["activity_count"] == 300 and data["rows"]
