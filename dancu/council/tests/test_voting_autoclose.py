"""An electronic vote closes itself when its time is up (dancu.council.hall.close_if_expired):
the beat task closes expired votes, every read or ballot after the deadline closes the vote
first, a ballot after it is refused with the reason, and however many of them close it, the
vote is counted once."""

import datetime
import threading
import uuid

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from dancu.core.audit import verify_chain
from dancu.core.errors import Conflict
from dancu.core.models import AuditEntry
from dancu.core.modules import beat_schedule
from dancu.council import hall, tasks
from dancu.council.errors import CouncilError
from dancu.council.models import Ballot, ElectronicVote, Vote
from dancu.council.tests.factories import make_council, make_delegate_user, make_draft, make_session

pytestmark = pytest.mark.django_db


def key() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def delegates(world):
    return [make_delegate_user(world, i) for i in range(5)]


def _voted(world, session, draft, delegates, choices=("yes", "yes", "no")):
    """A vote with `choices` cast by the first delegates, then its deadline moved 5 s into the past."""
    for user in delegates:
        hall.check_in(actor=user, session=session)
    vote = hall.e_vote_open(actor=world["admin"], session=session, submission=draft, minutes=1)
    for user, choice in zip(delegates, choices, strict=False):
        hall.ballot_cast(actor=user, vote=vote, choice=choice, key=key())
    deadline = timezone.now() - datetime.timedelta(seconds=5)
    ElectronicVote.objects.filter(pk=vote.pk).update(closes_at=deadline)
    return vote, deadline


def _closes():
    return AuditEntry.objects.filter(action="council.e_vote.close")


def test_a_read_after_the_deadline_closes_the_vote_first(world, session_in_progress, draft, delegates):
    vote, deadline = _voted(world, session_in_progress, draft, delegates)
    state = hall.hall_state(session_in_progress)  # the projector's / the delegate page's read
    shown = state["vote"]
    assert shown.pk == vote.pk and shown.status == "closed"
    assert state["tally"]["open"] is False and (state["tally"]["yes"], state["tally"]["no"]) == (2, 1)
    vote.refresh_from_db()
    assert (vote.status, vote.yes, vote.no, vote.abstain, vote.not_voting) == ("closed", 2, 1, 0, 2)
    assert vote.closed_at == deadline  # it closed when the time was up, not when someone looked
    assert vote.result is not None and vote.result.yes == 2  # the adoption reads this record
    entry = _closes().get()
    assert entry.actor is None and entry.changes["by"] == "time_limit"
    assert not list(verify_chain())


def test_a_ballot_after_the_deadline_is_refused_and_closes_the_vote(
    world, session_in_progress, draft, delegates
):
    vote, _deadline = _voted(world, session_in_progress, draft, delegates)
    # `vote` still carries the old deadline in memory: the refusal reads the row, not the caller
    with pytest.raises(Conflict) as refused:
        hall.ballot_cast(actor=delegates[4], vote=vote, choice="yes", key=key())
    assert refused.value.code == CouncilError.VOTE_CLOSED
    assert str(refused.value.message) == "Đã hết thời gian biểu quyết."
    assert ElectronicVote.objects.get(pk=vote.pk).status == "closed"
    assert Ballot.objects.filter(vote=vote).count() == 3
    # a delegate who voted cannot change their ballot after the time either
    with pytest.raises(Conflict):
        hall.ballot_cast(actor=delegates[0], vote=ElectronicVote.objects.get(pk=vote.pk), choice="no", key=key())
    assert Ballot.objects.get(vote=vote, delegate=world["people"][0]).choice == "yes"


def test_a_late_ballot_through_the_page_and_the_api_is_a_clear_409(
    client, world, session_in_progress, draft, delegates
):
    from dancu.accounts.services import api_token_create

    vote, _deadline = _voted(world, session_in_progress, draft, delegates)
    client.force_login(delegates[3])
    r = client.post(
        reverse("council:ballot", args=[vote.pk]), {"choice": "yes", "key": key()}, HTTP_HX_REQUEST="true"
    )
    assert r.status_code == 409
    page = r.content.decode()
    assert 'data-error="vote_closed"' in page and "Đã hết thời gian biểu quyết" in page
    assert "data-ballot-form" not in page  # the live part shows the result, not the buttons
    _token, secret = api_token_create(actor=delegates[4], name="máy tính bảng")
    r = client.post(
        f"/api/v1/council/e-votes/{vote.pk}/ballots",
        {"choice": "no", "key": key()},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert r.status_code == 409 and r.json()["error"]["code"] == "vote_closed"
    assert "Đã hết thời gian biểu quyết" in r.json()["error"]["message"]
    assert Ballot.objects.filter(vote=vote).count() == 3 and _closes().count() == 1
    vote.refresh_from_db()
    assert vote.yes == 2 and Vote.objects.filter(submission=draft).count() == 1


def test_beat_then_requests_count_once(world, session_in_progress, draft, delegates):
    vote, _deadline = _voted(world, session_in_progress, draft, delegates)
    assert tasks.close_expired_votes() == 1  # the beat closes it
    assert tasks.close_expired_votes() == 0  # its next run finds nothing to close
    stale = ElectronicVote.objects.get(pk=vote.pk)
    assert hall.close_if_expired(stale) is False  # a request after the beat: closed already
    hall.hall_state(session_in_progress)
    hall.tally(stale)
    assert list(hall.open_votes(session_in_progress)) == []
    with pytest.raises(Conflict):  # the secretary's close after it: refused, nothing counted again
        hall.e_vote_close(actor=world["admin"], vote=stale)
    assert _closes().count() == 1 and Vote.objects.filter(submission=draft).count() == 1
    vote.refresh_from_db()
    assert (vote.yes, vote.no) == (2, 1)


def test_request_then_beat_count_once(world, session_in_progress, draft, delegates):
    vote, _deadline = _voted(world, session_in_progress, draft, delegates)
    assert hall.e_vote_get(world["admin"], vote.pk).status == "closed"  # the request closes it
    assert tasks.close_expired_votes() == 0
    assert _closes().count() == 1 and Vote.objects.filter(submission=draft).count() == 1


def test_a_vote_in_time_stays_open(world, session_in_progress, draft, delegates):
    hall.check_in(actor=delegates[0], session=session_in_progress)
    vote = hall.e_vote_open(actor=world["admin"], session=session_in_progress, submission=draft, minutes=1)
    assert tasks.close_expired_votes() == 0
    assert hall.hall_state(session_in_progress)["tally"]["open"] is True
    hall.ballot_cast(actor=delegates[0], vote=vote, choice="yes", key=key())
    assert ElectronicVote.objects.get(pk=vote.pk).status == "open" and not _closes().exists()


def test_an_expired_vote_does_not_block_the_next_one(world, session_in_progress, draft, delegates):
    vote, _deadline = _voted(world, session_in_progress, draft, delegates)
    nxt = hall.e_vote_open(
        actor=world["admin"], session=session_in_progress, matter="procedure", question="Thông qua chương trình"
    )
    assert nxt.status == "open" and ElectronicVote.objects.get(pk=vote.pk).status == "closed"


def test_the_beat_runs_the_task_every_few_seconds():
    entry = beat_schedule()["council-close-expired-votes"]
    assert entry["task"] == tasks.close_expired_votes.name == "dancu.council.tasks.close_expired_votes"
    assert 0 < float(entry["schedule"]) <= 10


@pytest.mark.django_db(transaction=True)
def test_beat_and_requests_racing_close_once(council_rules, province, office, make_user):
    """The beat and several requests find the same expired vote at the same moment (PostgreSQL
    row locks): one closes it, the others see it closed; counted once, one `Vote` record."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with a database lock; row locks are tested on PostgreSQL")
    world = make_council(province, delegates=12)
    admin = make_user("office_admin", office)
    session = make_session(admin, world, kind="regular", title="Kỳ họp", steps=("convene", "open"))
    draft = make_draft(admin, world, session, title="Dự thảo nghị quyết")
    users = [make_delegate_user(world, i) for i in range(12)]
    for user in users:
        hall.check_in(actor=user, session=session)
    vote = hall.e_vote_open(actor=admin, session=session, submission=draft)
    for user in users[:8]:
        hall.ballot_cast(actor=user, vote=vote, choice="yes", key=key())
    ElectronicVote.objects.filter(pk=vote.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    barrier = threading.Barrier(8)
    closed: list[bool] = []
    refused: list[str] = []
    errors: list[BaseException] = []

    def run(kind: int) -> None:
        try:
            barrier.wait()
            if kind == 0:
                closed.append(tasks.close_expired_votes() == 1)
            elif kind < 4:
                closed.append(hall.close_if_expired(ElectronicVote.objects.get(pk=vote.pk)))
                hall.hall_state(session)
            else:
                try:
                    hall.ballot_cast(actor=users[4 + kind], vote=vote, choice="no", key=key())
                except Conflict as exc:
                    refused.append(exc.code)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert refused == [CouncilError.VOTE_CLOSED] * 4
    assert closed.count(True) <= 1  # a ballot's own close may be the one
    vote.refresh_from_db()
    assert (vote.status, vote.yes, vote.no) == ("closed", 8, 0)
    assert AuditEntry.objects.filter(action="council.e_vote.close").count() == 1
    assert Vote.objects.filter(submission=draft).count() == 1 and Ballot.objects.filter(vote=vote).count() == 8
