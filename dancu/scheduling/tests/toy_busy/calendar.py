"""The tests put CalendarEvents in EVENTS; CALLS records which hook was asked, and with what."""

from dancu.core.events import BusyQuery, CalendarEvent

EVENTS: list[CalendarEvent] = []
CALLS: list[tuple[str, object]] = []
FAIL: list[bool] = []


def events(user, start, end):
    CALLS.append(("events", (start, end)))
    return [e for e in EVENTS if e.start < end and start < e.end]


def busy(user, query: BusyQuery):
    CALLS.append(("busy", query))
    if FAIL:
        raise RuntimeError("the toy module is down")
    # Answers more than asked on purpose: the caller filters with query.matches.
    return [e for e in EVENTS if e.start < query.end and query.start < e.end]
