import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils.translation import gettext

from dancu.core.documents import docx_text
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.council import documents, selectors, services
from dancu.council.errors import CouncilError
from dancu.council.models import CouncilRule, Resolution, Session
from dancu.council.tests.factories import (
    DAY,
    make_council,
    make_draft,
    make_question,
    make_session,
    make_vote,
)
from dancu.directory.models import Person

pytestmark = pytest.mark.django_db
D = datetime.date


def test_session_numbers_and_delegates(world):
    s1 = make_session(
        world["admin"], world, steps=(), kind="regular", title="Kỳ họp thứ nhất", day=D(2026, 4, 1)
    )
    s2 = make_session(world["admin"], world, steps=(), day=D(2026, 5, 1))
    assert (s1.number, s2.number, s1.delegates_total, s1.status) == (1, 2, 9, "planning")
    with pytest.raises(Conflict) as refused:
        services.session_transition(actor=world["admin"], session=s1, action="close")
    assert refused.value.code == "invalid_transition"
    with pytest.raises(ValidationFailed) as refused:
        make_session(world["admin"], world, steps=(), day=D(2026, 6, 2), end=D(2026, 6, 1))
    assert refused.value.code == CouncilError.INVALID_DATES and refused.value.details == {"field": "end_date"}


def test_session_workflow_moves_and_audits(world, make_user, office):
    from dancu.core.models import AuditEntry

    admin = world["admin"]
    session = make_session(admin, world, steps=("convene", "back_to_planning", "convene", "open"))
    assert session.status == "in_progress"
    actions = list(
        AuditEntry.objects.filter(target_type="council.session", target_id=str(session.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "council.session.create",
        "council.session.convene",
        "council.session.back_to_planning",
        "council.session.convene",
        "council.session.open",
    ]
    with pytest.raises(PermissionDenied):  # a leader may adopt, not manage the session
        services.session_transition(actor=make_user("leader", office), session=session, action="close")
    session.refresh_from_db()
    assert session.status == "in_progress"


def test_other_province_cannot_create(world, other_office, make_user):
    with pytest.raises(PermissionDenied):
        make_session(make_user("office_admin", other_office), world, steps=())
    assert not Session.objects.exists()


def test_submission_due_date_and_late_flag(world, draft):
    assert draft.due_to_delegates == D(2026, 12, 3)  # 7 days before (rule row)
    services.submission_mark_received(actor=world["admin"], submission=draft, received_on=D(2026, 12, 5))
    assert draft.is_late
    assert not draft.is_missing(D(2026, 12, 6))


def test_attendance_quorum(world, session_in_progress):
    people = world["people"]
    summary = services.attendance_record(
        actor=world["admin"], session=session_in_progress, absences={p.pk: "ốm" for p in people[:3]}
    )
    assert (summary["present"], summary["quorum_needed"], summary["quorum"]) == (
        6,
        6,
        True,
    )  # exactly 2/3 of 9
    summary = services.attendance_record(
        actor=world["admin"], session=session_in_progress, absences={p.pk: "" for p in people[:4]}
    )
    assert summary["quorum"] is False


def test_vote_counts_against_total_and_adopts_with_numbers(world, draft):
    admin = world["admin"]
    vote = make_vote(admin, draft, yes=5)
    assert vote.passed  # 5 of 9 > 1/2
    resolution = services.resolution_adopt(actor=admin, vote=vote, implementing_agency=world["agency"])
    assert (resolution.number_label, resolution.status) == ("01/NQ-HĐND", "adopted")
    with pytest.raises(Conflict) as refused:
        services.resolution_adopt(actor=admin, vote=vote)
    assert refused.value.code == CouncilError.ALREADY_ADOPTED
    second = make_draft(admin, world, draft.session, title="Dự thảo quy định", is_normative=True)
    v2 = make_vote(admin, second, yes=4, abstain=5)
    assert not v2.passed  # 4 of 9: a majority of those voting yes/no but not of the total
    with pytest.raises(Conflict) as refused:
        services.resolution_adopt(actor=admin, vote=v2)
    assert refused.value.code == CouncilError.NOT_PASSED
    with pytest.raises(ValidationFailed) as refused:
        make_vote(admin, second, yes=9, no=1)
    assert refused.value.code == CouncilError.INVALID_TALLY
    v3 = make_vote(admin, second, yes=9)
    normative = services.resolution_adopt(actor=admin, vote=v3)
    assert normative.number_label == "01/2026/NQ-HĐND"
    # In force 10 days after adoption (rule "normative_effect_days"); the other from adoption.
    assert normative.effective_from == D(2026, 12, 20) and resolution.effective_from == D(2026, 12, 10)
    with pytest.raises(Conflict) as refused:  # an adopted draft is not voted on again
        make_vote(admin, second, yes=9)
    assert refused.value.code == CouncilError.ALREADY_ADOPTED

    data = docx_text(documents.resolution_docx(resolution))
    assert "HỘI ĐỒNG NHÂN DÂN" in data and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in data
    assert "Số: 01/NQ-HĐND" in data
    assert "ngày 10 tháng 12 năm 2026" in data

    published = services.resolution_transition(actor=admin, resolution=resolution, action="publish")
    assert published.status == "published" and published.published_at is not None
    with pytest.raises(Conflict):
        services.resolution_transition(actor=admin, resolution=published, action="publish")
    assert list(selectors.public_resolutions(query="phat trien rung")) == [resolution]
    assert list(selectors.public_resolutions(query="quy dinh")) == []  # not published


def test_threshold_rule_is_effective_dated(world, draft):
    CouncilRule.objects.create(
        code="resolution_pass", effective_from=D(2026, 12, 1), numerator=2, denominator=3, strict=False
    )
    vote = make_vote(world["admin"], draft, yes=5)
    assert not vote.passed and vote.rule.effective_from == D(2026, 12, 1)


def test_no_rule_in_force_is_a_clear_refusal_and_nothing_is_seeded(world, draft):
    CouncilRule.objects.filter(code="resolution_pass").delete()
    with pytest.raises(ValidationFailed) as refused:
        make_vote(world["admin"], draft, yes=5)
    assert refused.value.code == CouncilError.NO_RULE
    assert not CouncilRule.objects.filter(code="resolution_pass").exists()


def test_agency_sees_only_resolutions_it_implements(world, draft, make_user):
    vote = make_vote(world["admin"], draft, yes=5)
    resolution = services.resolution_adopt(
        actor=world["admin"], vote=vote, implementing_agency=world["agency"]
    )
    agency_user = make_user("agency_responder", world["agency"])
    other_agency_user = make_user("agency_responder", world["ubnd"])
    assert list(selectors.resolutions_visible(agency_user)) == [resolution]
    assert list(selectors.resolutions_visible(other_agency_user)) == []
    services.follow_up_report_add(actor=agency_user, resolution=resolution, content="Đã triển khai")
    with pytest.raises(PermissionDenied) as refused:  # a refusal, never a validation error
        services.follow_up_report_add(actor=other_agency_user, resolution=resolution, content="x")
    assert refused.value.code == CouncilError.NOT_AGENCY
    assert resolution.follow_ups.count() == 1


def test_confidence_vote_outcomes_and_minutes(world, session_in_progress):
    actor = world["admin"]
    cv = services.confidence_vote_create(actor=actor, session=session_in_progress, held_on=DAY)
    people = world["people"]
    a = services.confidence_subject_add(actor=actor, vote=cv, person=people[0], post="Chủ tịch HĐND")
    b = services.confidence_subject_add(actor=actor, vote=cv, person=people[1], post="Phó Chủ tịch UBND")
    c = services.confidence_subject_add(
        actor=actor, vote=cv, person=people[2], post="Trưởng ban", exempt=True, exemption_reason="Nghỉ hưu"
    )
    with pytest.raises(Conflict):
        services.confidence_subject_add(actor=actor, vote=cv, person=people[0], post="Ủy viên")
    assert (
        services.confidence_tally_record(actor=actor, subject=a, high=1, medium=3, low=5).outcome
        == "may_resign"
    )  # 5/9
    assert (
        services.confidence_tally_record(actor=actor, subject=b, high=0, medium=3, low=6).outcome
        == "dismissal"
    )  # 6/9 = 2/3
    with pytest.raises(Conflict):
        services.confidence_tally_record(actor=actor, subject=c, high=1, medium=1, low=1)
    services.confidence_ballots_record(
        actor=actor, vote=cv, ballots_issued=9, ballots_cast=9, counting_head=people[3]
    )
    for step in ("count", "reopen", "count", "announce"):
        cv = services.confidence_vote_transition(actor=actor, vote=cv, action=step)
    assert cv.status == "announced" and cv.published_at is not None
    text = docx_text(documents.confidence_minutes_docx(cv))
    assert "BIÊN BẢN" in text and "55,56%" in text and "Nghỉ hưu" in text
    assert selectors.public_confidence_get(cv.pk) == cv


def test_questions_answers_commitments(world, session_in_progress):
    actor = world["admin"]
    q = make_question(actor, world, session_in_progress)
    assert q.written_answer_due == D(2026, 12, 30)
    outsider = Person.objects.create(full_name="Không là đại biểu", province=world["council"].province)
    with pytest.raises(ValidationFailed) as refused:
        make_question(actor, world, session_in_progress, delegate=outsider)
    assert refused.value.code == CouncilError.NOT_A_DELEGATE and refused.value.details == {
        "field": "delegate"
    }
    services.answer_record(
        actor=actor, question=q, mode="in_writing", answered_on=D(2027, 1, 5), content="Trả lời"
    )
    q.refresh_from_db()
    assert q.answers.get().is_late and q.status == "answered"
    c = services.commitment_add(actor=actor, question=q, content="Hoàn thành", due_date=D(2027, 3, 1))
    services.commitment_update(actor=actor, commitment=c, action="keep", follow_up="Xong")
    next_session = make_session(
        actor, world, steps=(), kind="regular", title="Kỳ họp giữa năm", day=D(2027, 7, 10)
    )
    report = selectors.commitments_report(actor, next_session)
    assert report["report_by"] == D(2027, 6, 30) and report["items"] == [c]
    assert "BÁO CÁO" in docx_text(documents.commitments_docx(next_session, report))
    figures = selectors.figures(actor, 2027)
    assert figures["commitments_kept"] == 1 and figures["sessions"]["regular"] == 1


def test_standing_meeting_and_interim_matter(world, session_in_progress):
    actor = world["admin"]
    meeting = services.standing_meeting_record(
        actor=actor, body=world["standing"], held_on=D(2026, 11, 5), title="Phiên họp tháng 11"
    )
    services.standing_task_add(actor=actor, meeting=meeting, content="Thẩm tra", assignee=world["committee"])
    matter = services.interim_matter_record(
        actor=actor, meeting=meeting, decided_on=D(2026, 11, 5), title="Điều chỉnh vốn"
    )
    services.interim_matter_report(actor=actor, matter=matter, session=session_in_progress)
    figures = selectors.figures(actor, 2026)
    assert (figures["standing_meetings"], figures["interim_matters"], figures["sessions_total"]) == (1, 1, 1)
    assert "CHƯƠNG TRÌNH" in docx_text(documents.agenda_docx(session_in_progress))


@pytest.mark.django_db(transaction=True)
def test_numbers_never_repeat_under_concurrent_adoption(council_rules, province, office, make_user):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with a database lock; row locks are tested on PostgreSQL")
    world = make_council(province, delegates=3)
    admin = make_user("office_admin", office)
    session = make_session(admin, world, kind="regular", title="Kỳ họp", day=D(2026, 12, 2))
    votes = [
        make_vote(admin, make_draft(admin, world, session, title=f"Dự thảo {i}"), yes=3) for i in range(8)
    ]
    barrier = threading.Barrier(len(votes))
    errors: list[BaseException] = []

    def adopt(vote):
        try:
            barrier.wait()
            services.resolution_adopt(actor=admin, vote=vote)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=adopt, args=(v,)) for v in votes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    numbers = sorted(
        Resolution.objects.filter(body=world["council"], year=2026, kind="other").values_list(
            "number", flat=True
        )
    )
    assert numbers == list(range(1, 9))


def test_question_workflow_answer_then_reopen(world, session_in_progress):
    admin = world["admin"]
    q = make_question(admin, world, session_in_progress)
    with pytest.raises(Conflict):  # only an answered question is reopened
        services.question_transition(actor=admin, question=q, action="reopen")
    services.answer_record(actor=admin, question=q, mode="at_session", answered_on=DAY, content="Sẽ làm")
    q = services.question_transition(actor=admin, question=q, action="reopen")
    assert q.status == "open"
    services.answer_record(actor=admin, question=q, mode="in_writing", answered_on=DAY, content="Đã làm")
    services.answer_record(actor=admin, question=q, mode="in_writing", answered_on=DAY, content="Bổ sung")
    q.refresh_from_db()
    assert q.status == "answered" and q.answers.count() == 3


def test_commitment_moves_only_where_the_workflow_allows(world, session_in_progress, make_user, office):
    admin = world["admin"]
    c = services.commitment_add(
        actor=admin,
        question=make_question(admin, world, session_in_progress),
        content="Xong trong quý I",
        due_date=DAY,
    )
    c = services.commitment_update(actor=admin, commitment=c, action="fail", follow_up="Chưa đạt")
    assert (c.status, c.follow_up) == ("not_kept", "Chưa đạt")
    with pytest.raises(Conflict) as refused:  # from "not kept" only reopening is allowed
        services.commitment_transition(actor=admin, commitment=c, action="keep")
    assert refused.value.code == "invalid_transition"
    c = services.commitment_transition(actor=admin, commitment=c, action="reopen")
    c = services.commitment_transition(actor=admin, commitment=c, action="keep", follow_up="Đã xong")
    assert (c.status, c.follow_up) == ("kept", "Đã xong")
    c = services.commitment_update(actor=admin, commitment=c, follow_up="Đã xong, có báo cáo")
    assert (c.status, c.follow_up) == ("kept", "Đã xong, có báo cáo")
    with pytest.raises(PermissionDenied):
        services.commitment_transition(actor=make_user("viewer", office), commitment=c, action="reopen")
    with pytest.raises(Conflict) as refused:
        services.commitment_transition(actor=admin, commitment=c, action="done")
    assert refused.value.code == "unknown_action"


def test_count_waits_for_every_figure(world, session_in_progress, make_user, office):
    admin = world["admin"]
    cv = services.confidence_vote_create(actor=admin, session=session_in_progress, held_on=DAY)
    subject = services.confidence_subject_add(
        actor=admin, vote=cv, person=world["people"][0], post="Chủ tịch"
    )
    with pytest.raises(Conflict) as refused:
        services.confidence_vote_transition(actor=admin, vote=cv, action="count")
    assert refused.value.code == "invalid_transition"
    assert refused.value.message == gettext(
        "Record the ballots issued and returned and the head of the counting board first."
    )
    services.confidence_ballots_record(
        actor=admin, vote=cv, ballots_issued=9, ballots_cast=9, counting_head=world["people"][1]
    )
    with pytest.raises(Conflict) as refused:
        services.confidence_vote_transition(actor=admin, vote=cv, action="count")
    assert refused.value.message == gettext("Enter the figures of every person first.")
    services.confidence_tally_record(actor=admin, subject=subject, high=9, medium=0, low=0)
    cv = services.confidence_vote_transition(actor=admin, vote=cv, action="count")
    with pytest.raises(PermissionDenied):  # announcing needs council.adopt
        services.confidence_vote_transition(actor=make_user("specialist", office), vote=cv, action="announce")
    cv = services.confidence_vote_transition(actor=make_user("leader", office), vote=cv, action="announce")
    assert cv.status == "announced"
