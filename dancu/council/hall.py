"""The paperless session hall (issue 16): check-in and the live quorum, the speakers' queue,
electronic votes with ballots from the delegates' devices, and delegates' personal notes.

Reads and writes, in the module's shape: every write checks the object rule
(`permissions.can_conduct` for the chair's secretary, `can_take_part` for a delegate acting
for themselves), validates, writes and audits in one transaction; refusals are typed errors
with a `CouncilError` code. Statuses move only through `EVOTE_FLOW` / `SPEAKER_FLOW`.

Concurrency of a vote: a ballot locks the vote row in share mode (PostgreSQL `FOR KEY SHARE`,
so ballots run side by side) and the close locks it `FOR UPDATE`; each reads the status inside
its transaction, so a close waits for the ballots in flight (they count) and a ballot that
comes after the close sees it closed (refused, not counted).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import ANONYMOUS, get_access
from dancu.core.audit import audit_record
from dancu.core.calendar import add_days
from dancu.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dancu.directory.models import Body, Person

from . import checks, rules, selectors
from .errors import CouncilError as E
from .models import (
    AgendaItem,
    Attendance,
    Ballot,
    BallotReceipt,
    CheckIn,
    DocumentNote,
    ElectronicVote,
    Question,
    Session,
    SpeakerRequest,
    Submission,
    SubmissionFile,
    SubmissionKind,
    Vote,
)
from .permissions import CouncilPerm, can_conduct, can_take_part, require
from .ruleset import rule_on, threshold
from .selectors import attendance_summary, session_delegates
from .workflow import EVOTE_FLOW, QUESTION_FLOW, SPEAKER_FLOW, EVoteStatus, SessionStatus, SpeakerStatus

SITTING = (SessionStatus.CONVENED, SessionStatus.IN_PROGRESS)
KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_MINUTES = 120


def _audit(actor: Any, action: str, target: Any, summary: str, changes: dict[str, Any] | None = None) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        province_code=target.province.code,
        summary=summary[:500],
        changes=changes or {},
    )


def _locked_session(session: Session) -> Session:
    return Session.objects.select_related("province").get(pk=session.pk)


def _sitting(session: Session) -> None:
    if session.status not in SITTING:
        raise Conflict(_("The session is not sitting."), code=E.SESSION_NOT_IN_PROGRESS)


def _not_withdrawn(agenda_item: AgendaItem | None) -> None:
    """A withdrawn agenda item stays on the record (struck through) but takes no vote and no
    registration to speak."""
    if agenda_item is not None and agenda_item.withdrawn_at is not None:
        raise Conflict(
            _("This item has been withdrawn."), code=E.WITHDRAWN, details={"field": "agenda_item"}
        )


def own_person(actor: Any, session: Session) -> Person:
    """The actor's own person, a delegate of the session; refused otherwise."""
    require(can_take_part(get_access(actor), session))
    person_id = getattr(actor, "person_id", None)
    person = None if person_id is None else session_delegates(session).filter(pk=person_id).first()
    if person is None:
        raise PermissionDenied(
            _("Only a delegate of this session's council can do this, for themselves."), code=E.NOT_A_DELEGATE
        )
    return person


def is_present(session: Session, person_id: int) -> bool:
    return Attendance.objects.filter(session=session, person_id=person_id, present=True).exists()


# -- check-in ------------------------------------------------------------------------------------


@transaction.atomic
def check_in(*, actor: Any, session: Session, person: Person | None = None) -> dict[str, Any]:
    """A delegate checks in on their device (`person` None), or the secretary marks `person`
    present; the roll says present for them from then on. Checking in twice changes nothing.
    Returns the attendance summary with the quorum."""
    session = _locked_session(session)
    if person is None:
        person, by = own_person(actor, session), CheckIn.By.DEVICE
    else:
        require(can_conduct(get_access(actor), session))
        by = CheckIn.By.SECRETARY
        if not session_delegates(session).filter(pk=person.pk).exists():
            raise ValidationFailed(
                _("Only delegates of the session can be recorded."),
                code=E.NOT_A_DELEGATE,
                details={"field": "person"},
            )
    _sitting(session)
    _row, created = CheckIn.objects.get_or_create(
        session=session, person=person, defaults={"at": timezone.now(), "by": by}
    )
    Attendance.objects.update_or_create(
        session=session, person=person, defaults={"present": True, "reason": ""}
    )
    summary = attendance_summary(session)
    if created:
        _audit(
            actor,
            "council.hall.check_in",
            session,
            person.full_name,
            {"person": person.pk, "by": by, "present": summary["present"]},
        )
    return summary


def present_people(session: Session) -> set[int]:
    return set(Attendance.objects.filter(session=session, present=True).values_list("person_id", flat=True))


# -- electronic votes ----------------------------------------------------------------------------


@transaction.atomic
def e_vote_open(
    *,
    actor: Any,
    session: Session,
    question: str = "",
    matter: str = ElectronicVote.Matter.DRAFT,
    submission: Submission | None = None,
    agenda_item: AgendaItem | None = None,
    minutes: int = 5,
    secret: bool = False,
) -> ElectronicVote:
    """Open a vote (yes / no / abstain) on an agenda item for `minutes`. One vote is open at a
    time in a session. A draft resolution is voted on while it may be (`checks.vote`). A vote
    on an election or a dismissal is always secret (the law asks for a secret ballot); others
    are named unless the secretary asks for a secret one."""
    session = Session.objects.select_for_update(of=("self",)).select_related("province").get(pk=session.pk)
    require(can_conduct(get_access(actor), session))
    if session.status != SessionStatus.IN_PROGRESS:
        raise Conflict(_("Votes are held while the session is in progress."), code=E.SESSION_NOT_IN_PROGRESS)
    if matter not in ElectronicVote.Matter.values:
        raise ValidationFailed(_("Unknown matter."), code=E.UNKNOWN_CHOICE, details={"field": "matter"})
    if not (1 <= int(minutes) <= MAX_MINUTES):
        raise ValidationFailed(
            _("The time for voting is from 1 to %(max)s minutes.") % {"max": MAX_MINUTES},
            code=E.OUT_OF_RANGE,
            details={"field": "minutes"},
        )
    if agenda_item is not None and agenda_item.session_id != session.pk:
        raise ValidationFailed(
            _("The agenda item belongs to another session."),
            code=E.WRONG_SESSION,
            details={"field": "agenda_item"},
        )
    _not_withdrawn(agenda_item)
    if matter == ElectronicVote.Matter.DRAFT:
        if submission is None or submission.session_id != session.pk:
            raise ValidationFailed(
                _("Choose a draft resolution of this session."),
                code=E.NOT_A_DRAFT,
                details={"field": "submission"},
            )
        submission.session = session
        refusal = checks.vote(submission)
        if refusal:
            raise refusal.error()
        question = (question or "").strip() or _("Adopt: %(title)s") % {"title": submission.title}
    else:
        submission = None
    question = " ".join((question or "").split())
    if not question:
        raise ValidationFailed(
            _("Say what is put to the vote."), code=E.REQUIRED, details={"field": "question"}
        )
    close_expired_in(session)
    if ElectronicVote.objects.filter(session=session, status=EVoteStatus.OPEN).exists():
        raise Conflict(_("Another vote is open: close it first."), code=E.VOTE_OPEN)
    now = timezone.now()
    vote = ElectronicVote.objects.create(
        province_id=session.province_id,
        session=session,
        agenda_item=agenda_item,
        submission=submission,
        matter=matter,
        question=question[:500],
        secret=bool(secret) or matter == ElectronicVote.Matter.PERSONNEL,
        status=EVOTE_FLOW.initial,
        opened_at=now,
        closes_at=now + datetime.timedelta(minutes=int(minutes)),
        total_delegates=session.delegates_total,
        present=len(present_people(session)),
        rule=rule_on("resolution_pass", timezone.localdate()),
    )
    _audit(
        actor,
        "council.e_vote.open",
        vote,
        vote.question,
        {"secret": vote.secret, "minutes": int(minutes), "present": vote.present, "matter": matter},
    )
    return vote


def _lock_for_ballot(vote: ElectronicVote) -> tuple[str, datetime.datetime]:
    """Lock the vote row against its close until this ballot commits, and read its state
    under the lock: (status, deadline); the rest of the row does not change while it is open.
    On PostgreSQL a shared lock (FOR KEY SHARE): ballots do not queue behind each other, but the close's FOR UPDATE waits for every ballot holding it, and a ballot asking
    after the close began waits for the close and then reads the vote closed. Elsewhere
    (SQLite serialises writers) the row lock of select_for_update. One statement: a ballot is
    the hall's hottest write (100 delegates within seconds)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT status, closes_at FROM council_electronicvote WHERE id = %s FOR KEY SHARE", [vote.pk]
            )
            row = cursor.fetchone()
    else:
        row = (
            ElectronicVote.objects.select_for_update(of=("self",))
            .filter(pk=vote.pk)
            .values_list("status", "closes_at")
            .first()
        )
    if row is None:
        raise NotFound(_("Not found."), code=E.NOT_FOUND)
    return row[0], row[1]


def ballot_cast(*, actor: Any, vote: ElectronicVote, choice: str, key: str) -> tuple[Ballot, bool]:
    """A present delegate's ballot, or their change of it, while the vote is open and before
    its time is up. `key` is the client's idempotency key: a request with a key already
    applied returns the ballot as it is (a retry after a lost connection is the same ballot).
    A ballot after the time is up first closes the vote (`close_if_expired`), then is refused.
    Returns (ballot, applied)."""
    if not KEY.match(key or ""):
        raise ValidationFailed(
            _("The request has no valid idempotency key."), code=E.INVALID_KEY, details={"field": "key"}
        )
    if choice not in Ballot.Choice.values:
        raise ValidationFailed(
            _("Vote yes, no or abstain."), code=E.UNKNOWN_CHOICE, details={"field": "choice"}
        )
    close_if_expired(vote)
    try:
        return _ballot_cast(actor=actor, vote=vote, choice=choice, key=key)
    except Conflict as refused:
        if refused.code == E.VOTE_CLOSED:  # the time ran out while the caller held the vote
            fresh = ElectronicVote.objects.filter(pk=vote.pk).first()
            if fresh is not None:
                close_if_expired(fresh)
        raise


@transaction.atomic
def _ballot_cast(*, actor: Any, vote: ElectronicVote, choice: str, key: str) -> tuple[Ballot, bool]:
    status, closes_at = _lock_for_ballot(vote)
    person = own_person(actor, vote.session)
    seen = BallotReceipt.objects.filter(vote=vote, key=key).select_related("ballot").first()
    if seen is not None:
        if seen.ballot.delegate_id != person.pk:
            raise Conflict(_("This request key was used by another device."), code=E.INVALID_KEY)
        return seen.ballot, False
    now = timezone.now()
    if now > closes_at:
        raise Conflict(_("The time for voting is over."), code=E.VOTE_CLOSED)
    if status != EVoteStatus.OPEN:
        raise Conflict(_("The vote is closed."), code=E.VOTE_CLOSED)
    if not is_present(vote.session, person.pk):
        raise Conflict(_("Check in first: only delegates present vote."), code=E.NOT_PRESENT)
    ballot = Ballot.objects.filter(vote=vote, delegate=person).first()
    before = ballot.choice if ballot else None
    if ballot is None:
        # No savepoint: on the database's refusal (one ballot per delegate, another device of
        # the same delegate won the race) nothing more runs in this transaction; the Conflict
        # leaves this function's atomic block, which rolls it back.
        try:
            ballot = Ballot.objects.create(vote=vote, delegate=person, choice=choice, cast_at=now)
        except IntegrityError as exc:
            raise Conflict(_("Your ballot is already recorded."), code=E.VOTED) from exc
    elif ballot.choice != choice:
        ballot.choice, ballot.cast_at, ballot.changes = choice, now, ballot.changes + 1
        ballot.save(update_fields=["choice", "cast_at", "changes"])
    BallotReceipt.objects.create(vote=vote, key=key, ballot=ballot)
    if vote.secret:
        # A secret ballot: the chain records that this account voted, never how.
        changes: dict[str, Any] = {"changed": before is not None}
        summary = vote.question
    else:
        summary = f"{person.full_name}: {choice} – {vote.question}"
        changes = {"person": person.pk, "choice": {"before": before, "after": choice}}
    _audit(actor, "council.e_vote.ballot", vote, summary, changes)
    return ballot, True


def tally(vote: ElectronicVote) -> dict[str, Any]:
    """The live count (one query): yes, no, abstain, ballots cast, and what passing needs. A
    vote whose time is up is closed first: the result never waits for the beat task."""
    close_if_expired(vote)
    if vote.status == EVoteStatus.CLOSED:
        counts = {"yes": vote.yes, "no": vote.no, "abstain": vote.abstain}
    else:
        rows = dict(vote.ballots.values_list("choice").annotate(n=Count("id")).values_list("choice", "n"))
        counts = {c: rows.get(c, 0) for c in Ballot.Choice.values}
    cast = sum(counts.values())
    total = vote.total_delegates
    rule = threshold(vote.rule)
    return {
        **counts,
        "cast": cast,
        "total": total,
        "needed": rules.votes_needed(total, rule),
        "percent": {k: rules.percent(v, total) for k, v in counts.items()},
        "passed": vote.passed,
        "open": vote.status == EVoteStatus.OPEN,
        "seconds_left": max(0, int((vote.closes_at - timezone.now()).total_seconds()))
        if vote.status == EVoteStatus.OPEN
        else 0,
    }


@transaction.atomic
def e_vote_close(*, actor: Any, vote: ElectronicVote) -> ElectronicVote:
    """Close a vote: count the ballots (after the ones in flight, none after), against the TOTAL
    of delegates by the rule stored on the vote; on a draft resolution, the `Vote` the adoption
    reads is recorded. A secret vote's ballots are detached from their delegates."""
    vote = _lock_for_close(vote.pk)
    require(can_conduct(get_access(actor), vote))
    if vote.status != EVoteStatus.OPEN:
        raise Conflict(_("The vote is closed."), code=E.VOTE_CLOSED)
    return _count_and_close(vote, actor=actor, access=get_access(actor), check=True)


def _lock_for_close(vote_id: int) -> ElectronicVote:
    return (
        ElectronicVote.objects.select_for_update(of=("self",))
        .select_related("province", "session__province", "submission", "rule")
        .get(pk=vote_id)
    )


def _count_and_close(vote: ElectronicVote, *, actor: Any, access: Any, check: bool) -> ElectronicVote:
    """Count and close a vote locked FOR UPDATE by the caller and read open under the lock."""
    rows = dict(vote.ballots.values_list("choice").annotate(n=Count("id")).values_list("choice", "n"))
    yes, no, abstain = (rows.get(c, 0) for c in Ballot.Choice.values)
    present = len(present_people(vote.session))
    cast = yes + no + abstain
    not_voting = max(0, present - cast)
    total = vote.total_delegates
    rules.check_vote_tally(yes=yes, no=no, abstain=abstain, not_voting=not_voting, total=total)
    passed = rules.vote_passes(yes=yes, total=total, rule=threshold(vote.rule))
    # Past its time limit, it closed when the time was up (no ballot is taken after it).
    now = min(timezone.now(), vote.closes_at)
    fields: dict[str, Any] = {
        "yes": yes,
        "no": no,
        "abstain": abstain,
        "not_voting": not_voting,
        "passed": passed,
        "closed_at": now,
    }
    if vote.submission is not None:
        fields["result"] = Vote.objects.create(
            session=vote.session,
            submission=vote.submission,
            held_on=timezone.localdate(now),
            yes=yes,
            no=no,
            abstain=abstain,
            not_voting=not_voting,
            total_delegates=total,
            rule=vote.rule,
            passed=passed,
        )
    for name, value in fields.items():
        setattr(vote, name, value)
    changes: dict[str, Any] = {"yes": yes, "no": no, "abstain": abstain, "not_voting": not_voting, "passed": passed}
    if not check:
        changes["by"] = "time_limit"
    EVOTE_FLOW.apply(
        actor=actor,
        access=access,
        obj=vote,
        action="close",
        summary=vote.question,
        changes=changes,
        also_save=tuple(fields),
        province_code=vote.province.code,
        check=check,
    )
    if vote.secret:
        Ballot.objects.filter(vote=vote).update(delegate=None)
    return vote


def is_expired(vote: ElectronicVote, now: datetime.datetime | None = None) -> bool:
    return vote.status == EVoteStatus.OPEN and (now or timezone.now()) > vote.closes_at


def close_if_expired(vote: ElectronicVote) -> bool:
    """Close an open vote whose time is up, as the system (audited "by time limit"); returns
    whether this call closed it. Idempotent: the beat task and every read or ballot after the
    deadline call it, the first one closes, the others find it closed under the row lock and
    do nothing. The vote object passed is updated to the closed state. No query while the
    vote is open and its time is not up (the caller's object says so)."""
    if not is_expired(vote):
        return False
    with transaction.atomic():
        locked = _lock_for_close(vote.pk)
        closed = is_expired(locked)
        if closed:
            _count_and_close(locked, actor=None, access=ANONYMOUS, check=False)
    for name in ("status", "yes", "no", "abstain", "not_voting", "passed", "closed_at", "result_id"):
        setattr(vote, name, getattr(locked, name))
    return closed


def close_expired_votes() -> int:
    """Every open vote whose time is up, closed (the beat task); returns how many it closed."""
    expired = ElectronicVote.objects.filter(status=EVoteStatus.OPEN, closes_at__lt=timezone.now())
    return sum(close_if_expired(vote) for vote in expired)


def close_expired_in(session: Session) -> None:
    """The session's open votes whose time is up, closed first (before a read or an opening)."""
    for vote in ElectronicVote.objects.filter(
        session=session, status=EVoteStatus.OPEN, closes_at__lt=timezone.now()
    ):
        close_if_expired(vote)


def open_votes(session: Session) -> QuerySet[ElectronicVote]:
    close_expired_in(session)
    return ElectronicVote.objects.filter(session=session, status=EVoteStatus.OPEN).select_related("rule")


def latest_vote(session: Session) -> ElectronicVote | None:
    vote = (
        ElectronicVote.objects.filter(session=session)
        .select_related("rule", "agenda_item")
        .order_by("-opened_at", "-id")
        .first()
    )
    if vote is not None:
        close_if_expired(vote)
    return vote


def my_ballot(vote: ElectronicVote, person_id: int | None) -> Ballot | None:
    if person_id is None:
        return None
    return Ballot.objects.filter(vote=vote, delegate_id=person_id).first()


def e_vote_get(user: Any, vote_id: int) -> ElectronicVote:
    vote = (
        get_access(user)
        .scope(
            ElectronicVote.objects.select_related("province", "session", "rule", "submission"),
            CouncilPerm.VIEW,
        )
        .filter(pk=vote_id)
        .first()
    )
    if vote is None:
        raise NotFound(_("Not found."), code=E.NOT_FOUND)
    close_if_expired(vote)
    return vote


def named_ballots(vote: ElectronicVote) -> list[Ballot]:
    """Who voted how, for a named vote only (a secret one shows none)."""
    if vote.secret:
        return []
    return list(vote.ballots.select_related("delegate").order_by("delegate__full_name"))


# -- the speakers' queue -------------------------------------------------------------------------


@transaction.atomic
def speaker_register(
    *,
    actor: Any,
    session: Session,
    kind: str,
    topic: str,
    agenda_item: AgendaItem | None = None,
    addressee: str = "",
    addressee_body: Body | None = None,
) -> SpeakerRequest:
    """A delegate registers to speak on an item, or to question a named official; a question
    is also registered as the session's `Question` (answers, commitments, follow-up)."""
    session = Session.objects.select_for_update(of=("self",)).select_related("province").get(pk=session.pk)
    person = own_person(actor, session)
    _sitting(session)
    if kind not in SpeakerRequest.Kind.values:
        raise ValidationFailed(
            _("Unknown kind of registration."), code=E.UNKNOWN_CHOICE, details={"field": "kind"}
        )
    topic = " ".join((topic or "").split())
    if not topic:
        raise ValidationFailed(
            _("Say what you will speak about."), code=E.REQUIRED, details={"field": "topic"}
        )
    if agenda_item is not None and agenda_item.session_id != session.pk:
        raise ValidationFailed(
            _("The agenda item belongs to another session."),
            code=E.WRONG_SESSION,
            details={"field": "agenda_item"},
        )
    _not_withdrawn(agenda_item)
    question = None
    if kind == SpeakerRequest.Kind.QUESTION:
        addressee = " ".join((addressee or "").split())
        if addressee_body is None or addressee_body.province_id != session.province_id or not addressee:
            raise ValidationFailed(
                _("Name the official questioned and their body."),
                code=E.INVALID_BODY,
                details={"field": "addressee"},
            )
        asked_on = timezone.localdate()
        days = rule_on("written_answer_days", asked_on).days or 20
        question = Question.objects.create(
            province_id=session.province_id,
            session=session,
            delegate=person,
            addressee=addressee[:300],
            addressee_body=addressee_body,
            content=topic,
            asked_on=asked_on,
            written_answer_due=add_days(asked_on, days),
            status=QUESTION_FLOW.initial,
        )
        audit_record(
            actor=actor,
            action="council.question.ask",
            target=question,
            province_code=session.province.code,
            summary=topic[:200],
            changes={"from": "speaker_registration"},
        )
    position = (SpeakerRequest.objects.filter(session=session).aggregate(m=Max("position"))["m"] or 0) + 1
    request = SpeakerRequest.objects.create(
        province_id=session.province_id,
        session=session,
        agenda_item=agenda_item,
        delegate=person,
        kind=kind,
        topic=topic[:500],
        question=question,
        position=position,
        status=SPEAKER_FLOW.initial,
    )
    _audit(actor, "council.speaker.register", request, f"{person.full_name}: {topic}", {"kind": kind})
    return request


def queue(session: Session) -> list[SpeakerRequest]:
    """Who speaks now and who waits, in order (one query)."""
    rows = (
        SpeakerRequest.objects.filter(
            session=session, status__in=(SpeakerStatus.SPEAKING, SpeakerStatus.WAITING)
        )
        .select_related("delegate", "agenda_item", "question")
        .order_by("position", "id")
    )
    return sorted(rows, key=lambda r: r.status != SpeakerStatus.SPEAKING)


def speaker_get(user: Any, request_id: int) -> SpeakerRequest:
    row = (
        get_access(user)
        .scope(SpeakerRequest.objects.select_related("province", "session", "delegate"), CouncilPerm.VIEW)
        .filter(pk=request_id)
        .first()
    )
    if row is None:
        raise NotFound(_("Not found."), code=E.NOT_FOUND)
    return row


@transaction.atomic
def speaker_move(*, actor: Any, request: SpeakerRequest, direction: str) -> SpeakerRequest:
    """Move a waiting registration one place up or down the queue (the secretary)."""
    require(can_conduct(get_access(actor), request))
    if direction not in ("up", "down"):
        raise ValidationFailed(_("Move up or down."), code=E.UNKNOWN_CHOICE, details={"field": "direction"})
    Session.objects.select_for_update(of=("self",)).filter(pk=request.session_id).first()
    request = SpeakerRequest.objects.select_related("province").get(pk=request.pk)
    if request.status != SpeakerStatus.WAITING:
        raise Conflict(_("Only a waiting registration is moved."), code=E.NOT_WAITING)
    waiting = SpeakerRequest.objects.filter(session_id=request.session_id, status=SpeakerStatus.WAITING)
    if direction == "up":
        other = waiting.filter(position__lt=request.position).order_by("-position").first()
    else:
        other = waiting.filter(position__gt=request.position).order_by("position").first()
    if other is None:
        return request
    request.position, other.position = other.position, request.position
    SpeakerRequest.objects.bulk_update([request, other], ["position"])
    _audit(actor, "council.speaker.move", request, request.topic, {"direction": direction})
    return request


@transaction.atomic
def speaker_transition(*, actor: Any, request: SpeakerRequest, action: str) -> SpeakerRequest:
    request = (
        SpeakerRequest.objects.select_for_update(of=("self",)).select_related("province").get(pk=request.pk)
    )
    SPEAKER_FLOW.apply(
        actor=actor,
        access=get_access(actor),
        obj=request,
        action=action,
        summary=request.topic[:200],
        province_code=request.province.code,
    )
    return request


@transaction.atomic
def speaker_next(*, actor: Any, session: Session) -> SpeakerRequest | None:
    """The current speaker is done and the first waiting one takes the floor."""
    session = Session.objects.select_for_update(of=("self",)).select_related("province").get(pk=session.pk)
    require(can_conduct(get_access(actor), session))
    for current in SpeakerRequest.objects.filter(session=session, status=SpeakerStatus.SPEAKING):
        speaker_transition(actor=actor, request=current, action="finish")
    following = (
        SpeakerRequest.objects.filter(session=session, status=SpeakerStatus.WAITING)
        .order_by("position", "id")
        .first()
    )
    if following is None:
        return None
    return speaker_transition(actor=actor, request=following, action="call")


# -- what the hall shows ---------------------------------------------------------------------------


def current_item(session: Session, vote: ElectronicVote | None, speaking: SpeakerRequest | None) -> Any:
    """The item before the hall: the open vote's, the speaker's, else today's first."""
    if vote is not None and vote.status == EVoteStatus.OPEN and vote.agenda_item_id:
        return vote.agenda_item
    if speaking is not None and speaking.agenda_item_id:
        return speaking.agenda_item
    today = timezone.localdate()
    return (
        AgendaItem.objects.filter(session=session, day__gte=min(today, session.end_date))
        .order_by("day", "order", "id")
        .first()
    )


def hall_state(session: Session) -> dict[str, Any]:
    """Everything the projector and the consoles show, in a handful of queries."""
    rows = queue(session)
    speaking = next((r for r in rows if r.status == SpeakerStatus.SPEAKING), None)
    waiting = [r for r in rows if r.status == SpeakerStatus.WAITING]
    vote = latest_vote(session)
    return {
        "session": session,
        "attendance": attendance_summary(session),
        "vote": vote,
        "tally": tally(vote) if vote else None,
        "speaking": speaking,
        "waiting": waiting,
        "item": current_item(session, vote, speaking),
    }


# -- delegates' notes ----------------------------------------------------------------------------


def notes_of(user: Any, submission: Submission) -> QuerySet[DocumentNote]:
    """The user's own notes on a document: nobody else's, ever."""
    if getattr(user, "pk", None) is None:
        return DocumentNote.objects.none()
    return DocumentNote.objects.filter(author_id=user.pk, submission=submission)


@transaction.atomic
def note_add(
    *,
    actor: Any,
    submission: Submission,
    text: str,
    page: int | None = None,
    quote: str = "",
    version: int | None = None,
) -> DocumentNote:
    """A personal note (and highlighted text) on a document the user may read."""
    require(
        getattr(actor, "pk", None) is not None
        and get_access(actor).has(CouncilPerm.VIEW, submission.province_id)
    )
    text = (text or "").strip()
    if not text:
        raise ValidationFailed(_("Write the note."), code=E.REQUIRED, details={"field": "text"})
    if page is not None and not (1 <= page <= 100000):
        raise ValidationFailed(_("No such page."), code=E.OUT_OF_RANGE, details={"field": "page"})
    note = DocumentNote.objects.create(
        author=actor,
        submission=submission,
        text=text[:5000],
        page=page,
        quote=(quote or "")[:1000],
        version=version,
    )
    # The chain records that a note was kept, not what it says (it is the delegate's own).
    audit_record(
        actor=actor,
        action="council.note.add",
        target=note,
        province_code=submission.province.code,
        summary=submission.title[:500],
    )
    return note


@transaction.atomic
def note_delete(*, actor: Any, note_id: int) -> None:
    note = (
        DocumentNote.objects.select_related("submission__province")
        .filter(pk=note_id, author_id=actor.pk)
        .first()
    )
    if note is None:
        raise NotFound(_("Not found."), code=E.NOT_FOUND)
    audit_record(
        actor=actor,
        action="council.note.delete",
        target=note,
        province_code=note.submission.province.code,
        summary=note.submission.title[:500],
    )
    note.delete()


def my_sessions(user: Any) -> QuerySet[Session]:
    """The sessions of the councils the user's person sits on (not closed first)."""
    from dancu.directory.models import Membership

    person_id = getattr(user, "person_id", None)
    if person_id is None:
        return Session.objects.none()
    bodies = Membership.objects.filter(person_id=person_id, post__code="dai-bieu").values("body_id")
    terms = Membership.objects.filter(person_id=person_id, post__code="dai-bieu").values("term_id")
    qs = get_access(user).scope(Session.objects.select_related("body"), CouncilPerm.VIEW)
    return qs.filter(body_id__in=bodies, term_id__in=terms).order_by("-start_date")


def drafts_to_vote(session: Session) -> QuerySet[Submission]:
    return session.submissions.filter(
        kind=SubmissionKind.DRAFT_RESOLUTION, withdrawn_at__isnull=True
    ).exclude(votes__passed=True)


def open_agenda_items(session: Session) -> QuerySet[AgendaItem]:
    """The items a vote or a registration to speak can be on (withdrawn ones left out)."""
    return AgendaItem.objects.filter(session=session, withdrawn_at__isnull=True)


def session_documents(user: Any, session: Any) -> list[dict[str, Any]]:
    """Each submission of the session with its versions (newest first), in one query."""
    rows = (
        SubmissionFile.objects.filter(
            submission__in=selectors.submissions_visible(user).filter(session=session)
        )
        .select_related("submission")
        .order_by("submission_id", "-version")
    )
    out: dict[int, dict[str, Any]] = {}
    for row in rows:
        entry = out.setdefault(row.submission_id, {"submission": row.submission, "versions": []})
        entry["versions"].append(row)
    return list(out.values())
