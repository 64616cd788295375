"""The clash check on save asks other modules only what can clash (core.events.BusyQuery):
each module's `busy` hook, the `calendar_events` hook only for a module without one, nothing
when there is nothing to ask, and a failing module is skipped."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dancu.core.events import BusyQuery, CalendarEvent
from dancu.scheduling import clashes
from dancu.scheduling.tests.factories import MONDAY, at

from .toy_busy import calendar as toy_busy
from .toy_plain import hooks as toy_plain

pytestmark = pytest.mark.django_db
TOYS = ["dancu.scheduling.tests.toy_busy", "dancu.scheduling.tests.toy_plain"]


@pytest.fixture
def toys(settings):
    modules = list(settings.DANCU_MODULES)
    settings.DANCU_MODULES = [*modules, *TOYS]
    for m in (toy_busy, toy_plain):
        m.EVENTS.clear()
        m.CALLS.clear()
    toy_busy.FAIL.clear()
    yield
    settings.DANCU_MODULES = modules


def _ev(world, uid, module, kind="external", hour=9, people=(), hall="", province=None):
    return CalendarEvent(
        uid=uid,
        module=module,
        kind=kind,
        title=uid,
        start=at(MONDAY, hour),
        end=at(MONDAY, hour + 2),
        province_id=province or world["province"].pk,
        person_ids=tuple(p.pk for p in people),
        hall=hall,
    )


def _check(world, kind="standing_meeting", people=(), hall_name=""):
    return clashes.check(
        world["admin"],
        province_id=world["province"].pk,
        kind=kind,
        start=at(MONDAY, 10),
        end=at(MONDAY, 12),
        person_ids=tuple(p.pk for p in people),
        hall_name=hall_name,
    )


def test_busy_hooks_are_asked_the_narrow_question(world, toys):
    p = world["people"]
    toy_busy.EVENTS += [
        _ev(world, "toy.person", "toy_busy", people=[p[0]]),
        _ev(world, "toy.hall", "toy_busy", hall="Hội trường B"),
        _ev(world, "toy.pc", "toy_busy", kind="peoples_committee_meeting"),
        _ev(world, "toy.unrelated", "toy_busy", people=[p[3]]),  # not asked for: filtered out
        _ev(world, "toy.other_province", "toy_busy", people=[p[0]], province=world["province"].pk + 999),
    ]
    found = _check(world, people=[p[0], p[1]], hall_name="hội trường b")
    assert sorted((c.rule, c.other.uid) for c in found) == [
        ("hall", "toy.hall"),
        ("peoples_committee", "toy.pc"),
        ("person", "toy.person"),
    ]
    asked = [q for name, q in toy_busy.CALLS if name == "busy"]
    assert len(asked) == 1 and not [n for n, _q in toy_busy.CALLS if n == "events"]
    q = asked[0]
    assert isinstance(q, BusyQuery)
    assert q.person_ids == {p[0].pk, p[1].pk} and q.hall == "hội trường b"
    assert q.kinds == {"peoples_committee_meeting"} and q.province_id == world["province"].pk


def test_a_module_without_busy_is_asked_for_the_window(world, toys):
    p = world["people"]
    toy_plain.EVENTS.append(_ev(world, "plain.person", "toy_plain", people=[p[2]]))
    found = _check(world, kind="external", people=[p[2]])
    assert [(c.rule, c.other.uid) for c in found] == [("person", "plain.person")]
    assert [(at(MONDAY, 10), at(MONDAY, 12))] == toy_plain.CALLS


def test_nothing_to_ask_asks_nobody(world, toys):
    """An external event without people or hall can clash with nothing: no hook is called."""
    assert _check(world, kind="external") == []
    assert toy_busy.CALLS == [] and toy_plain.CALLS == []


def test_a_failing_busy_hook_is_skipped(world, toys):
    p = world["people"]
    toy_busy.FAIL.append(True)
    toy_plain.EVENTS.append(_ev(world, "plain.person", "toy_plain", people=[p[2]]))
    found = _check(world, kind="external", people=[p[2]])
    assert [c.other.uid for c in found] == ["plain.person"]


def test_a_voter_meeting_asks_for_the_session_days_of_its_whole_day(world, toys):
    toy_busy.EVENTS.append(
        CalendarEvent(
            uid="toy.session",
            module="toy_busy",
            kind="session_day",
            title="Kỳ họp",
            start=at(MONDAY, 0),
            end=at(MONDAY + datetime.timedelta(days=1), 0),
            province_id=world["province"].pk,
            all_day=True,
        )
    )
    found = clashes.check(
        world["admin"],
        province_id=world["province"].pk,
        kind="voter_meeting",
        start=at(MONDAY, 19),
        end=at(MONDAY, 21),
    )
    assert [c.rule for c in found] == ["session_day"]
    q = next(q for n, q in toy_busy.CALLS if n == "busy")
    assert q.kinds == clashes.SESSION_KINDS and q.start == at(MONDAY, 0)


def test_the_project_modules_answer_the_check_in_few_queries(world):
    """With the project's modules only (their tables empty): the calendar's own indexed query
    and one query per module that can clash (council's sessions, petitions' voter meetings),
    instead of every module's whole calendar for the window."""
    p = world["people"]
    with CaptureQueriesContext(connection) as ctx:
        _check(world, people=[p[0]], hall_name="Hội trường A")
    busy_count = len(ctx.captured_queries)
    with CaptureQueriesContext(connection) as ctx:
        clashes._hook_events(world["admin"], at(MONDAY, 10), at(MONDAY, 12))
    assert busy_count <= 5, [q["sql"] for q in ctx.captured_queries]
    assert busy_count < len(ctx.captured_queries)
