"""What the council provides to other modules (manifest `provides`, `calendar_events`,
`work_items`), called the way they call it: through `dancu.core.modules`."""

import datetime

import pytest
from django.utils import timezone

from dancu.core.audit import verify_chain
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.events import CalendarEvent, WorkItem
from dancu.core.models import AuditEntry
from dancu.core.modules import hooks, is_provided, provided
from dancu.council import services
from dancu.council.errors import CouncilError
from dancu.council.models import ExplanationHearing, Question
from dancu.council.tests.factories import make_council, make_draft, make_question, make_session

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _args(world, **over):
    args = {
        "actor": world["admin"],
        "province_id": world["council"].province_id,
        "subject": "Chậm khắc phục ô nhiễm sông Rào Cái",
        "agency_body_ids": [world["agency"].pk, world["ubnd"].pk],
        "source_kind": "supervision.recommendation",
        "source_id": 41,
        "source_url": "/giam-sat/kien-nghi/41/",
    }
    return args | over


@pytest.fixture
def preparing(world):
    """A session in preparation (convened), a fortnight ahead, and a later one."""
    later = make_session(world["admin"], world, steps=(), day=TODAY + datetime.timedelta(days=40))
    soon = make_session(world["admin"], world, steps=("convene",), day=TODAY + datetime.timedelta(days=14))
    return soon, later


def test_the_manifest_provides_the_names():
    for name in ("council.hearing_create", "council.question_create", "council.coordination_counts"):
        assert is_provided(name) and callable(provided(name))
    assert any(m.name == "council" for m, _f in hooks("calendar_events"))
    assert any(m.name == "council" for m, _f in hooks("work_items"))


def test_hearing_at_next_session_records_source_and_is_idempotent(world, preparing):
    soon, _later = preparing
    result = provided("council.hearing_create")(**_args(world))
    hearing = ExplanationHearing.objects.get(pk=result["id"])
    assert result == {
        "id": hearing.pk,
        "url": f"/ky-hop/thuong-truc/#hearing-{hearing.pk}",
        "session_id": soon.pk,
        "created": True,
    }
    assert (hearing.session_id, hearing.body_id, hearing.held_on) == (
        soon.pk,
        world["standing"].pk,
        soon.start_date,
    )
    assert (hearing.source_kind, hearing.source_id, hearing.source_url) == (
        "supervision.recommendation",
        41,
        "/giam-sat/kien-nghi/41/",
    )
    assert set(hearing.agencies.values_list("pk", flat=True)) == {world["agency"].pk, world["ubnd"].pk}
    entry = AuditEntry.objects.get(action="council.hearing.requested")
    assert entry.changes["source"]["id"] == 41 and not list(verify_chain())
    again = provided("council.hearing_create")(**_args(world))
    assert again["id"] == hearing.pk and again["created"] is False
    assert ExplanationHearing.objects.count() == 1


def test_question_to_lead_agency(world, preparing):
    soon, _later = preparing
    result = provided("council.question_create")(**_args(world, source_id=42))
    question = Question.objects.get(pk=result["id"])
    assert result["url"] == f"/ky-hop/chat-van/{question.pk}/"
    assert question.session_id == soon.pk and question.delegate_id is None
    assert question.addressee_body_id == world["agency"].pk and world["ubnd"].name in question.content
    assert question.status == "open" and question.written_answer_due > soon.start_date
    assert question.source_id == 42
    assert provided("council.question_create")(**_args(world, source_id=42))["created"] is False


def test_no_session_in_preparation_is_a_conflict(world):
    make_session(world["admin"], world)  # in progress: not in preparation
    for name in ("council.hearing_create", "council.question_create"):
        with pytest.raises(Conflict) as refused:
            provided(name)(**_args(world))
        assert refused.value.code == CouncilError.NO_SESSION_IN_PREPARATION
    assert not ExplanationHearing.objects.exists() and not Question.objects.exists()


@pytest.mark.parametrize(
    "over, code",
    [
        ({"subject": "  "}, CouncilError.REQUIRED),
        ({"agency_body_ids": []}, CouncilError.INVALID_BODY),
        ({"source_url": "javascript:alert(1)"}, CouncilError.INVALID_SOURCE),
        ({"source_url": "//evil.example/x"}, CouncilError.INVALID_SOURCE),
        ({"source_kind": ""}, CouncilError.INVALID_SOURCE),
        ({"source_id": 0}, CouncilError.INVALID_SOURCE),
    ],
)
def test_bad_input_changes_nothing(world, preparing, over, code):
    with pytest.raises(ValidationFailed) as refused:
        provided("council.question_create")(**_args(world, **over))
    assert refused.value.code == code
    assert not Question.objects.exists()


def test_agency_of_another_province_and_other_users_refused(
    world, preparing, other_province, other_office, make_user
):
    other = make_council(other_province, delegates=1, name="HĐND khác")
    with pytest.raises(ValidationFailed):
        provided("council.hearing_create")(**_args(world, agency_body_ids=[other["agency"].pk]))
    for actor in (make_user("office_admin", other_office), make_user("viewer", world["standing"])):
        with pytest.raises(PermissionDenied):
            provided("council.hearing_create")(**_args(world, actor=actor))
    assert not ExplanationHearing.objects.exists()


def test_coordination_counts(world, preparing, other_province):
    soon, _later = preparing
    provided("council.hearing_create")(**_args(world))
    provided("council.question_create")(**_args(world))
    year = soon.start_date.year
    counts = provided("council.coordination_counts")(world["council"].province_id, year)
    assert counts["hearings"] == 1 and counts["questions"] == 1 and counts["resolutions"] == 0
    assert counts["sessions"] == sum(1 for s in preparing if s.start_date.year == year)
    assert provided("council.coordination_counts")(other_province.pk, year) == {
        "sessions": 0,
        "resolutions": 0,
        "hearings": 0,
        "questions": 0,
    }


def test_calendar_events(world, make_user, office, other_office):
    admin = world["admin"]
    day = datetime.date(2026, 12, 10)
    session = make_session(admin, world, steps=(), day=day, end=day + datetime.timedelta(days=2))
    services.session_update(
        actor=admin,
        session=session,
        kind="thematic",
        title=session.title,
        start_date=session.start_date,
        end_date=session.end_date,
        venue="Hội trường A",
    )
    services.joint_conference_record(
        actor=admin, session=session, held_on=day - datetime.timedelta(days=20), programme="Chương trình"
    )
    meeting = services.standing_meeting_record(
        actor=admin,
        body=world["standing"],
        held_on=day - datetime.timedelta(days=5),
        title="Phiên họp Thường trực",
    )
    ((_m, events),) = [(m, f) for m, f in hooks("calendar_events") if m.name == "council"]
    got = events(
        make_user("viewer", office), day - datetime.timedelta(days=30), day + datetime.timedelta(days=30)
    )
    assert all(isinstance(e, CalendarEvent) and e.module == "council" for e in got)
    kinds = [e.kind for e in got]
    assert kinds.count("session_day") == 3 and kinds.count("session_opening") == 1
    assert "joint_conference" in kinds and "standing_meeting" in kinds
    opening = next(e for e in got if e.kind == "session_opening")
    assert opening.hall == "Hội trường A" and opening.start.date() == day and opening.all_day
    sitting = [e for e in got if e.kind == "session_day"]
    assert len(sitting[0].person_ids) == 9 and len({e.uid for e in got}) == len(got)
    assert any(e.uid == f"council.standing_meeting.{meeting.pk}" for e in got)
    # a window over the second day only
    window = events(admin, day + datetime.timedelta(days=1), day + datetime.timedelta(days=1))
    assert [e.kind for e in window] == ["session_day"]
    # scoped: another province's Office sees none, nor an anonymous user
    assert events(make_user("office_admin", other_office), day, day) == []
    assert events(None, day, day) == []


def test_work_items(world, make_user, office):
    admin = world["admin"]
    session = make_session(admin, world, steps=(), day=TODAY + datetime.timedelta(days=20))
    make_draft(admin, world, session, title="Dự thảo chưa nhận")
    held = make_session(admin, world, day=TODAY + datetime.timedelta(days=2))
    question = make_question(admin, world, held)
    services.commitment_add(
        actor=admin,
        question=question,
        content="Xong trước quý II",
        due_date=TODAY + datetime.timedelta(days=60),
    )
    ((_m, items),) = [(m, f) for m, f in hooks("work_items") if m.name == "council"]
    got = items(admin)
    assert all(isinstance(i, WorkItem) for i in got)
    assert sorted(i.kind for i in got) == ["commitment", "submission_due", "written_answer"]
    agency_user = make_user("agency_responder", world["agency"])
    assert sorted(i.kind for i in items(agency_user)) == ["commitment", "written_answer"]
    assert items(make_user("agency_responder", world["ubnd"])) == []
    assert items(make_user("viewer", office)) == []
