"""The paperless hall: check-in and quorum, electronic votes and ballots, the speakers' queue,
personal notes (dancu.council.hall)."""

import threading
import uuid

import pytest
from django.db import connection, connections
from django.utils import timezone

from dancu.core.audit import verify_chain
from dancu.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.council import hall
from dancu.council.errors import CouncilError
from dancu.council.models import Attendance, Ballot, BallotReceipt, ElectronicVote, Question, Vote
from dancu.council.tests.factories import make_council, make_delegate_user, make_draft, make_session

pytestmark = pytest.mark.django_db


def key() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def delegates(world):
    return [make_delegate_user(world, i) for i in range(9)]


def _open(world, session, draft=None, **kw):
    return hall.e_vote_open(actor=world["admin"], session=session, submission=draft, **kw)


def test_check_in_updates_the_quorum(world, session_in_progress, delegates):
    s = session_in_progress
    for user in delegates[:5]:
        summary = hall.check_in(actor=user, session=s)
    assert (summary["present"], summary["quorum"], summary["quorum_needed"]) == (5, False, 6)
    summary = hall.check_in(actor=world["admin"], session=s, person=world["people"][5])
    assert summary["present"] == 6 and summary["quorum"]
    again = hall.check_in(actor=delegates[0], session=s)  # twice: nothing changes
    assert again["present"] == 6
    assert AuditEntry.objects.filter(action="council.hall.check_in").count() == 6
    with pytest.raises(PermissionDenied):  # a delegate does not mark another
        hall.check_in(actor=delegates[0], session=s, person=world["people"][7])
    with pytest.raises(PermissionDenied):  # the secretary is not a delegate checking in
        hall.check_in(actor=world["admin"], session=s)


def test_vote_counts_against_the_total_and_makes_the_vote_record(
    world, session_in_progress, draft, delegates
):
    s = session_in_progress
    for user in delegates[:7]:
        hall.check_in(actor=user, session=s)
    vote = _open(world, s, draft, minutes=3)
    assert vote.status == "open" and vote.present == 7 and not vote.secret
    for user, choice in zip(delegates[:7], ["yes"] * 4 + ["no", "abstain", "yes"], strict=True):
        hall.ballot_cast(actor=user, vote=vote, choice=choice, key=key())
    # a change of mind: 5 yes -> the 7th changes to no
    hall.ballot_cast(actor=delegates[6], vote=vote, choice="no", key=key())
    live = hall.tally(vote)
    assert (live["yes"], live["no"], live["abstain"], live["cast"], live["needed"]) == (4, 2, 1, 7, 5)
    with pytest.raises(Conflict) as refused:  # absent: not checked in
        hall.ballot_cast(actor=delegates[8], vote=vote, choice="yes", key=key())
    assert refused.value.code == CouncilError.NOT_PRESENT
    vote = hall.e_vote_close(actor=world["admin"], vote=vote)
    # 4 yes of 9 delegates is not more than half: failed, although a majority of those present
    assert (vote.yes, vote.no, vote.abstain, vote.not_voting, vote.passed) == (4, 2, 1, 0, False)
    assert Vote.objects.get(pk=vote.result_id).yes == 4
    with pytest.raises(Conflict) as refused:
        hall.ballot_cast(actor=delegates[0], vote=vote, choice="no", key=key())
    assert refused.value.code == CouncilError.VOTE_CLOSED
    assert Ballot.objects.filter(vote=vote).count() == 7
    assert not list(verify_chain())


def test_one_ballot_per_delegate_idempotent_key(world, session_in_progress, draft, delegates):
    s = session_in_progress
    hall.check_in(actor=delegates[0], session=s)
    vote = _open(world, s, draft)
    k1, k2 = key(), key()
    b1, applied = hall.ballot_cast(actor=delegates[0], vote=vote, choice="yes", key=k1)
    assert applied
    again, applied = hall.ballot_cast(actor=delegates[0], vote=vote, choice="yes", key=k1)
    assert again.pk == b1.pk and not applied
    hall.ballot_cast(actor=delegates[0], vote=vote, choice="no", key=k2)
    # the late retry of the first request does not undo the change
    late, applied = hall.ballot_cast(actor=delegates[0], vote=vote, choice="yes", key=k1)
    assert late.choice == "no" and not applied
    assert Ballot.objects.filter(vote=vote).count() == 1 and BallotReceipt.objects.count() == 2
    hall.check_in(actor=delegates[1], session=s)
    with pytest.raises(Conflict):  # a key of another delegate's device
        hall.ballot_cast(actor=delegates[1], vote=vote, choice="yes", key=k1)
    for bad in ("", "short", "x" * 65, "spaces in key!"):
        with pytest.raises(ValidationFailed):
            hall.ballot_cast(actor=delegates[0], vote=vote, choice="yes", key=bad)
    with pytest.raises(ValidationFailed):
        hall.ballot_cast(actor=delegates[0], vote=vote, choice="maybe", key=key())


def test_the_database_holds_one_ballot_per_delegate(world, session_in_progress, draft):
    from django.db import IntegrityError, transaction

    vote = _open(world, session_in_progress, draft)
    person = world["people"][0]
    Ballot.objects.create(vote=vote, delegate=person, choice="yes", cast_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(vote=vote, delegate=person, choice="no", cast_at=timezone.now())


def test_nobody_votes_for_another_and_only_the_secretary_opens_and_closes(
    world, session_in_progress, draft, delegates, make_user, office
):
    s = session_in_progress
    for user in (make_user("leader", office), make_user("viewer", office), delegates[0]):
        with pytest.raises(PermissionDenied):
            hall.e_vote_open(actor=user, session=s, submission=draft)
    vote = _open(world, s, draft)
    for user in (make_user("leader", office), delegates[0]):
        with pytest.raises(PermissionDenied):
            hall.e_vote_close(actor=user, vote=vote)
    # staff cannot cast a ballot (they are not delegates); a delegate account without a person neither
    from dancu.accounts.tests.factories import user_with_role

    for user in (world["admin"], user_with_role("delegate", world["council"])):
        with pytest.raises(PermissionDenied):
            hall.ballot_cast(actor=user, vote=vote, choice="yes", key=key())
    other = make_council(world["council"].province, delegates=1, name="HĐND huyện")
    outsider = make_delegate_user(other, 0)
    with pytest.raises(PermissionDenied):
        hall.ballot_cast(actor=outsider, vote=vote, choice="yes", key=key())
    assert not Ballot.objects.exists()


def test_open_refusals(world, session_in_progress, draft):
    s = session_in_progress
    with pytest.raises(ValidationFailed):
        _open(world, s, draft, minutes=0)
    with pytest.raises(ValidationFailed):
        _open(world, s, None)  # a draft vote without a draft
    _open(world, s, draft)
    with pytest.raises(Conflict) as refused:
        _open(world, s, None, matter="procedure", question="Thông qua chương trình")
    assert refused.value.code == CouncilError.VOTE_OPEN
    planned = make_session(world["admin"], world, steps=())
    with pytest.raises(Conflict):
        _open(world, planned, None, matter="procedure", question="Thông qua chương trình")
    assert ElectronicVote.objects.count() == 1


def test_secret_vote_keeps_no_choice_of_a_person(world, session_in_progress, delegates):
    s = session_in_progress
    for user in delegates[:6]:
        hall.check_in(actor=user, session=s)
    vote = _open(world, s, None, matter="personnel", question="Miễn nhiệm Phó Chủ tịch UBND")
    assert vote.secret
    for user in delegates[:6]:
        hall.ballot_cast(actor=user, vote=vote, choice="yes", key=key())
    entries = AuditEntry.objects.filter(action="council.e_vote.ballot")
    assert entries.count() == 6
    for entry in entries:
        text = f"{entry.summary} {entry.changes}"
        assert "yes" not in text and "Đại Biểu" not in text
    vote = hall.e_vote_close(actor=world["admin"], vote=vote)
    assert vote.yes == 6 and vote.passed and vote.result_id is None
    assert not Ballot.objects.filter(vote=vote, delegate__isnull=False).exists()
    assert hall.named_ballots(vote) == []


def test_time_limit(world, session_in_progress, draft, delegates):
    s = session_in_progress
    hall.check_in(actor=delegates[0], session=s)
    vote = _open(world, s, draft, minutes=1)
    ElectronicVote.objects.filter(pk=vote.pk).update(closes_at=timezone.now() - timezone.timedelta(seconds=1))
    with pytest.raises(Conflict) as refused:
        hall.ballot_cast(actor=delegates[0], vote=vote, choice="yes", key=key())
    assert refused.value.code == CouncilError.VOTE_CLOSED


def test_speakers_queue_and_questions(world, session_in_progress, delegates):
    s = session_in_progress
    a = hall.speaker_register(actor=delegates[0], session=s, kind="discussion", topic="Vốn cho nông thôn mới")
    b = hall.speaker_register(actor=delegates[1], session=s, kind="discussion", topic="Giáo dục")
    c = hall.speaker_register(
        actor=delegates[2],
        session=s,
        kind="question",
        topic="Vì sao chậm giải ngân?",
        addressee="Giám đốc Sở",
        addressee_body=world["agency"],
    )
    assert (
        c.question is not None and Question.objects.get(pk=c.question_id).delegate_id == world["people"][2].pk
    )
    hall.speaker_move(actor=world["admin"], request=c, direction="up")
    assert [r.pk for r in hall.queue(s)] == [a.pk, c.pk, b.pk]
    with pytest.raises(PermissionDenied):
        hall.speaker_move(actor=delegates[0], request=c, direction="up")
    first = hall.speaker_next(actor=world["admin"], session=s)
    assert first.pk == a.pk and first.status == "speaking"
    second = hall.speaker_next(actor=world["admin"], session=s)
    assert second.pk == c.pk
    assert [r.status for r in hall.queue(s)] == ["speaking", "waiting"]
    with pytest.raises(PermissionDenied):  # another delegate does not withdraw b's registration
        hall.speaker_transition(actor=delegates[0], request=b, action="withdraw")
    hall.speaker_transition(actor=delegates[1], request=b, action="withdraw")
    with pytest.raises(ValidationFailed):
        hall.speaker_register(actor=delegates[0], session=s, kind="question", topic="x", addressee="")
    with pytest.raises(PermissionDenied):
        hall.speaker_register(actor=world["admin"], session=s, kind="discussion", topic="x")


def test_notes_only_for_their_author(world, session_in_progress, draft, delegates):
    note = hall.note_add(actor=delegates[0], submission=draft, text="Xem lại điều 3", page=2, quote="Điều 3")
    assert list(hall.notes_of(delegates[0], draft)) == [note]
    assert list(hall.notes_of(delegates[1], draft)) == [] and list(hall.notes_of(world["admin"], draft)) == []
    entry = AuditEntry.objects.get(action="council.note.add")
    assert "Xem lại" not in f"{entry.summary} {entry.changes}"
    with pytest.raises(NotFound):
        hall.note_delete(actor=delegates[1], note_id=note.pk)
    hall.note_delete(actor=delegates[0], note_id=note.pk)
    assert not hall.notes_of(delegates[0], draft).exists()


@pytest.mark.django_db(transaction=True)
def test_close_while_ballots_are_in_flight(council_rules, province, office, make_user):
    """Ballots race the close: every ballot is either counted (it committed before the close
    took the lock) or refused (it came after); none is lost, none counted after close."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with a database lock; row locks are tested on PostgreSQL")
    world = make_council(province, delegates=40)
    admin = make_user("office_admin", office)
    session = make_session(admin, world, kind="regular", title="Kỳ họp", steps=("convene", "open"))
    draft = make_draft(admin, world, session, title="Dự thảo nghị quyết")
    users = [make_delegate_user(world, i) for i in range(40)]
    for user in users:
        hall.check_in(actor=user, session=session)
    vote = hall.e_vote_open(actor=admin, session=session, submission=draft)
    barrier = threading.Barrier(len(users) + 1)
    accepted: list[int] = []
    refused: list[str] = []
    errors: list[BaseException] = []

    def cast(user):
        try:
            barrier.wait()
            hall.ballot_cast(actor=user, vote=vote, choice="yes", key=key())
            accepted.append(user.person_id)
        except Conflict as exc:
            refused.append(exc.code)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    def close():
        try:
            barrier.wait()
            for _ in range(5):  # let some ballots in first
                threading.Event().wait(0.01)
            hall.e_vote_close(actor=admin, vote=vote)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast, args=(u,)) for u in users] + [threading.Thread(target=close)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    vote.refresh_from_db()
    assert vote.status == "closed"
    assert set(refused) <= {CouncilError.VOTE_CLOSED}
    assert len(accepted) + len(refused) == 40
    # counted = the ballots stored = those accepted; none stored after the close
    assert vote.yes == len(accepted) == Ballot.objects.filter(vote=vote).count()
    assert not Ballot.objects.filter(vote=vote, cast_at__gt=vote.closed_at).exists()
    assert Attendance.objects.filter(session=session, present=True).count() == 40


def test_a_withdrawn_agenda_item_takes_no_vote_and_no_speaker(client, world, session_in_progress, delegates):
    """A withdrawn item stays on the delegate's agenda, struck through with the reason, and in
    the API; it is not offered to vote on or to speak on, and a request naming it is refused."""
    from dancu.accounts.services import api_token_create
    from dancu.council import services
    from dancu.council.models import AgendaItem
    from dancu.council.views_hall import OpenVoteForm, SpeakForm

    s = session_in_progress
    kept = AgendaItem.objects.create(session=s, day=s.start_date, order=1, title="Báo cáo kinh tế - xã hội")
    item = AgendaItem.objects.create(session=s, day=s.start_date, order=2, title="Tờ trình về đặt tên đường")
    services.agenda_item_withdraw(actor=world["admin"], item=item, reason="Ủy ban nhân dân tỉnh xin rút")
    item.refresh_from_db()
    with pytest.raises(Conflict) as refused:
        _open(world, s, matter=ElectronicVote.Matter.PROCEDURE, question="Thông qua", agenda_item=item)
    assert refused.value.code == CouncilError.WITHDRAWN
    hall.check_in(actor=delegates[0], session=s)
    with pytest.raises(Conflict) as refused:
        hall.speaker_register(actor=delegates[0], session=s, kind="discussion", topic="Ý kiến", agenda_item=item)
    assert refused.value.code == CouncilError.WITHDRAWN
    assert not ElectronicVote.objects.filter(session=s).exists()
    offered = set(OpenVoteForm(session=s).fields["agenda_item"].queryset)
    assert offered == {kept} and set(SpeakForm(session=s).fields["agenda_item"].queryset) == {kept}
    client.force_login(delegates[0])
    page = client.get(f"/ky-hop/dai-bieu/{s.pk}/").content.decode()
    assert "<s>Tờ trình về đặt tên đường</s>" in page and "Ủy ban nhân dân tỉnh xin rút" in page
    _token, secret = api_token_create(actor=delegates[0], name="máy tính bảng")
    agenda = client.get(f"/api/v1/council/sessions/{s.pk}/agenda", HTTP_AUTHORIZATION=f"Bearer {secret}").json()
    by_title = {a["title"]: a for a in agenda}
    assert by_title["Tờ trình về đặt tên đường"]["withdrawn_at"] is not None
    assert by_title["Báo cáo kinh tế - xã hội"]["withdrawn_at"] is None
    r = client.post(
        f"/api/v1/council/sessions/{s.pk}/speakers",
        {"kind": "discussion", "topic": "Ý kiến", "agenda_item_id": item.pk},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert r.status_code == 409 and r.json()["error"]["code"] == "withdrawn"
