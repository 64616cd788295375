import datetime
import threading

import pytest
from django.db import connection, connections

from dancu.core.documents import docx_text
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.council import documents, selectors, services
from dancu.council.models import CouncilRule, Resolution, Session
from dancu.council.tests.factories import make_council
from dancu.directory.models import Person

pytestmark = pytest.mark.django_db
D = datetime.date


def test_session_numbers_and_delegates(world):
    s1 = services.session_create(
        actor=world["admin"],
        body=world["council"],
        term=world["term"],
        kind="regular",
        title="Kỳ họp thứ nhất",
        start_date=D(2026, 4, 1),
        end_date=D(2026, 4, 2),
    )
    s2 = services.session_create(
        actor=world["admin"],
        body=world["council"],
        term=world["term"],
        kind="thematic",
        title="Kỳ họp chuyên đề",
        start_date=D(2026, 5, 1),
        end_date=D(2026, 5, 1),
    )
    assert (s1.number, s2.number, s1.delegates_total, s1.status) == (1, 2, 9, "planning")
    with pytest.raises(Conflict):
        services.session_transition(actor=world["admin"], session=s1, to="closed")


def test_other_province_cannot_create(world, other_office, make_user):
    with pytest.raises(PermissionDenied):
        services.session_create(
            actor=make_user("office_admin", other_office),
            body=world["council"],
            term=world["term"],
            kind="regular",
            title="X",
            start_date=D(2026, 4, 1),
            end_date=D(2026, 4, 1),
        )
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
    vote = services.vote_record(
        actor=world["admin"], submission=draft, held_on=D(2026, 12, 10), yes=5, no=0, abstain=0, not_voting=0
    )
    assert vote.passed  # 5 of 9 > 1/2
    resolution = services.resolution_adopt(
        actor=world["admin"], vote=vote, implementing_agency=world["agency"]
    )
    assert resolution.number_label == "01/NQ-HĐND"
    with pytest.raises(Conflict):
        services.resolution_adopt(actor=world["admin"], vote=vote)
    second = services.submission_create(
        actor=world["admin"],
        session=draft.session,
        kind="draft_resolution",
        title="Dự thảo quy định",
        submitter=world["ubnd"],
        is_normative=True,
    )
    v2 = services.vote_record(
        actor=world["admin"], submission=second, held_on=D(2026, 12, 10), yes=4, no=0, abstain=5, not_voting=0
    )
    assert not v2.passed  # 4 of 9: a majority of those voting yes/no but not of the total
    with pytest.raises(Conflict):
        services.resolution_adopt(actor=world["admin"], vote=v2)
    v3 = services.vote_record(
        actor=world["admin"], submission=second, held_on=D(2026, 12, 10), yes=9, no=0, abstain=0, not_voting=0
    )
    normative = services.resolution_adopt(actor=world["admin"], vote=v3)
    assert normative.number_label == "01/2026/NQ-HĐND"
    with pytest.raises(ValidationFailed):
        services.vote_record(
            actor=world["admin"],
            submission=second,
            held_on=D(2026, 12, 10),
            yes=9,
            no=1,
            abstain=0,
            not_voting=0,
        )

    data = docx_text(documents.resolution_docx(resolution))
    assert "HỘI ĐỒNG NHÂN DÂN" in data and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in data
    assert "Số: 01/NQ-HĐND" in data
    assert "ngày 10 tháng 12 năm 2026" in data

    services.resolution_publish(actor=world["admin"], resolution=resolution)
    assert list(selectors.public_resolutions(query="phat trien rung")) == [resolution]
    assert list(selectors.public_resolutions(query="quy dinh")) == []  # not published


def test_threshold_rule_is_effective_dated(world, draft):
    CouncilRule.objects.create(
        code="resolution_pass", effective_from=D(2026, 12, 1), numerator=2, denominator=3, strict=False
    )
    vote = services.vote_record(
        actor=world["admin"], submission=draft, held_on=D(2026, 12, 10), yes=5, no=0, abstain=0, not_voting=0
    )
    assert not vote.passed and vote.rule.effective_from == D(2026, 12, 1)


def test_agency_sees_only_resolutions_it_implements(world, draft, make_user):
    vote = services.vote_record(
        actor=world["admin"], submission=draft, held_on=D(2026, 12, 10), yes=5, no=0, abstain=0, not_voting=0
    )
    resolution = services.resolution_adopt(
        actor=world["admin"], vote=vote, implementing_agency=world["agency"]
    )
    agency_user = make_user("agency_responder", world["agency"])
    other_agency_user = make_user("agency_responder", world["ubnd"])
    assert list(selectors.resolutions_visible(agency_user)) == [resolution]
    assert list(selectors.resolutions_visible(other_agency_user)) == []
    services.follow_up_report_add(actor=agency_user, resolution=resolution, content="Đã triển khai")
    with pytest.raises(ValidationFailed):
        services.follow_up_report_add(actor=other_agency_user, resolution=resolution, content="x")


def test_confidence_vote_outcomes_and_minutes(world, session_in_progress):
    actor = world["admin"]
    cv = services.confidence_vote_create(actor=actor, session=session_in_progress, held_on=D(2026, 12, 10))
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
    services.confidence_vote_transition(actor=actor, vote=cv, to="counted")
    services.confidence_vote_transition(actor=actor, vote=cv, to="announced")
    text = docx_text(documents.confidence_minutes_docx(cv))
    assert "BIÊN BẢN" in text and "55,56%" in text and "Nghỉ hưu" in text
    assert selectors.public_confidence_get(cv.pk) == cv


def test_questions_answers_commitments(world, session_in_progress):
    actor = world["admin"]
    q = services.question_ask(
        actor=actor,
        session=session_in_progress,
        delegate=world["people"][0],
        addressee="Giám đốc Sở",
        addressee_body=world["agency"],
        content="Vì sao chậm?",
        asked_on=D(2026, 12, 10),
    )
    assert q.written_answer_due == D(2026, 12, 30)
    outsider = Person.objects.create(full_name="Không là đại biểu", province=world["council"].province)
    with pytest.raises(ValidationFailed):
        services.question_ask(
            actor=actor,
            session=session_in_progress,
            delegate=outsider,
            addressee="x",
            addressee_body=world["agency"],
            content="x",
            asked_on=D(2026, 12, 10),
        )
    services.answer_record(
        actor=actor, question=q, mode="in_writing", answered_on=D(2027, 1, 5), content="Trả lời"
    )
    assert q.answers.get().is_late
    c = services.commitment_add(actor=actor, question=q, content="Hoàn thành", due_date=D(2027, 3, 1))
    services.commitment_update(actor=actor, commitment=c, status="kept", follow_up="Xong")
    next_session = services.session_create(
        actor=actor,
        body=world["council"],
        term=world["term"],
        kind="regular",
        title="Kỳ họp giữa năm",
        start_date=D(2027, 7, 10),
        end_date=D(2027, 7, 12),
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
def test_numbers_never_repeat_under_concurrent_adoption(province, office, make_user):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with a database lock; row locks are tested on PostgreSQL")
    from dancu.council.ruleset import ensure_rules

    ensure_rules()
    world = make_council(province, delegates=3)
    admin = make_user("office_admin", office)
    session = services.session_create(
        actor=admin,
        body=world["council"],
        term=world["term"],
        kind="regular",
        title="Kỳ họp",
        start_date=D(2026, 12, 1),
        end_date=D(2026, 12, 2),
    )
    services.session_transition(actor=admin, session=session, to="convened")
    services.session_transition(actor=admin, session=session, to="in_progress")
    votes = []
    for i in range(8):
        sub = services.submission_create(
            actor=admin,
            session=session,
            kind="draft_resolution",
            title=f"Dự thảo {i}",
            submitter=world["ubnd"],
        )
        votes.append(
            services.vote_record(
                actor=admin, submission=sub, held_on=D(2026, 12, 2), yes=3, no=0, abstain=0, not_voting=0
            )
        )
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
