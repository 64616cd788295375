from dancu.core.events import CalendarEvent

EVENTS: list[CalendarEvent] = []
CALLS: list[tuple] = []


def events(user, start, end):
    CALLS.append((start, end))
    return [e for e in EVENTS if e.start < end and start < e.end]
