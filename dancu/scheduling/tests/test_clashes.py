"""The four clash rules, the free slots, and that the clash query reads a bounded window."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dancu.core.events import CalendarEvent
from dancu.scheduling import clashes, services
from dancu.scheduling.tests.factories import MONDAY, at, make_event

pytestmark = pytest.mark.django_db
H = datetime.timedelta(hours=1)


def _check(world, kind, start, end, people=(), hall=None, exclude=None):
    return clashes.check(
        world["admin"],
        province_id=world["province"].pk,
        kind=kind,
        start=start,
        end=end,
        person_ids=tuple(p.pk for p in people),
        hall_id=hall.pk if hall else None,
        hall_name=hall.name if hall else "",
        exclude_pk=exclude,
    )


def test_a_person_booked_twice(world):
    p = world["people"]
    make_event(world["admin"], world["standing"], participants=[p[0], p[1]])
    found = _check(world, "committee_meeting", at(MONDAY, 9), at(MONDAY, 10), people=[p[1]])
    assert [c.rule for c in found] == ["person"]
    # Touching is not overlapping: 10:00 starts as the 08:00-10:00 meeting ends.
    assert _check(world, "committee_meeting", at(MONDAY, 10), at(MONDAY, 11), people=[p[1]]) == []
    assert _check(world, "committee_meeting", at(MONDAY, 9), at(MONDAY, 10), people=[p[2]]) == []


def test_a_hall_booked_twice(world, hall):
    make_event(world["admin"], world["committee"], kind="committee_meeting", hall=hall)
    found = _check(world, "external", at(MONDAY, 7), at(MONDAY, 9), hall=hall)
    assert [c.rule for c in found] == ["hall"]


def test_a_council_meeting_over_a_peoples_committee_meeting(world):
    make_event(world["admin"], world["ubnd"], kind="peoples_committee_meeting", title="Họp UBND")
    found = _check(world, "standing_meeting", at(MONDAY, 9), at(MONDAY, 11))
    assert [c.rule for c in found] == ["peoples_committee"]
    # The rule protects the Standing Committee's and committees' meetings only.
    assert _check(world, "external", at(MONDAY, 9), at(MONDAY, 11)) == []
    assert _check(world, "voter_meeting", at(MONDAY, 9), at(MONDAY, 11)) == []


def test_a_cancelled_event_does_not_clash(world):
    p = world["people"]
    event = make_event(world["admin"], world["standing"], participants=[p[0]])
    services.event_cancel(actor=world["admin"], event=event)
    assert _check(world, "committee_meeting", at(MONDAY, 9), at(MONDAY, 10), people=[p[0]]) == []


def test_the_event_itself_is_left_out(world):
    p = world["people"]
    event = make_event(world["admin"], world["standing"], participants=[p[0]])
    assert _check(world, "standing_meeting", event.start, event.end, people=[p[0]], exclude=event.pk) == []


def _ev(uid, kind, start, end, **kw):
    return CalendarEvent(
        uid=uid, module="council", kind=kind, title=uid, start=start, end=end, province_id=1, **kw
    )


def test_a_voter_meeting_on_a_session_day():
    """Compared by local day: a session day 07:30-17:00 and a voter meeting at 19:00 clash."""
    session = _ev("council.session_day.1", "session_day", at(MONDAY, 7, 30), at(MONDAY, 17))
    voter = _ev("petitions.voter_meeting.1", "voter_meeting", at(MONDAY, 19), at(MONDAY, 21))
    next_day = _ev(
        "petitions.voter_meeting.2", "voter_meeting", at(MONDAY, 19) + 24 * H, at(MONDAY, 21) + 24 * H
    )
    assert [r for r, _m in clashes.reasons(voter, session)] == ["session_day"]
    assert clashes.reasons(next_day, session) == []
    assert [c.rule for c in clashes.clashes_among([session, voter, next_day])] == ["session_day"]


def test_other_provinces_never_clash():
    a = _ev("a", "standing_meeting", at(MONDAY, 8), at(MONDAY, 10), person_ids=(1,))
    b = CalendarEvent(
        uid="b",
        module="x",
        kind="standing_meeting",
        title="b",
        start=a.start,
        end=a.end,
        province_id=2,
        person_ids=(1,),
    )
    assert clashes.reasons(a, b) == []


def test_free_slots_skip_the_busy_people_hall_and_peoples_committee(world, hall):
    p = world["people"]
    make_event(world["admin"], world["ubnd"], kind="peoples_committee_meeting", day=MONDAY, hour=8, hours=3)
    make_event(
        world["admin"],
        world["committee"],
        kind="committee_meeting",
        day=MONDAY,
        hour=13,
        hours=2,
        participants=[p[0]],
    )
    make_event(world["admin"], world["group"], kind="external", day=MONDAY, hour=15, hours=2, hall=hall)
    slots = clashes.free_slots(
        world["admin"],
        province_id=world["province"].pk,
        kind="standing_meeting",
        start=at(MONDAY, 8),
        end=at(MONDAY, 10),
        person_ids=(p[0].pk,),
        hall_id=hall.pk,
        hall_name=hall.name,
    )
    # Monday 08-11 People's Committee, 13-15 the person, 15-17 the hall: the first free two
    # hours are Tuesday morning.
    assert slots[0] == (
        at(MONDAY + datetime.timedelta(days=1), 7, 30),
        at(MONDAY + datetime.timedelta(days=1), 9, 30),
    )
    assert len(slots) == 3
    for start, end in slots:
        assert not _check(world, "standing_meeting", start, end, people=[p[0]], hall=hall)


def test_free_slots_skip_days_off(world):
    friday = MONDAY - datetime.timedelta(days=3)
    p = world["people"]
    make_event(world["admin"], world["standing"], day=friday, hour=7, hours=10, participants=[p[0]])
    slots = clashes.free_slots(
        world["admin"],
        province_id=world["province"].pk,
        kind="committee_meeting",
        start=at(friday, 8),
        end=at(friday, 10),
        person_ids=(p[0].pk,),
    )
    assert slots[0][0].date() == MONDAY  # not Saturday nor Sunday


def test_the_clash_query_reads_a_bounded_window_of_start_times(world):
    """One indexed query for the calendar's own events; the start is bounded on both sides."""
    make_event(world["admin"], world["standing"], participants=[world["people"][0]])
    with CaptureQueriesContext(connection) as ctx:
        clashes._own_candidates(
            world["province"].pk,
            at(MONDAY, 8),
            at(MONDAY, 9),
            person_ids=(world["people"][0].pk,),
            hall_id=None,
            kind="standing_meeting",
            exclude_pk=None,
        )
    sql = [
        q["sql"] for q in ctx.captured_queries if "scheduling_event" in q["sql"] and '"start" >=' in q["sql"]
    ]
    assert sql and '"start" <' in sql[0] and '"end" >' in sql[0]
