"""Voter meetings on the shared calendar (manifest `calendar_events`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import BusyQuery, CalendarEvent

from .models import VoterMeeting
from .permissions import VIEW

# A voter meeting has a date but no time: it is shown on its day, 08:00-11:30 (the usual
# morning meeting) so that clash checks with a delegate's timed meetings have something to compare.
MEETING_START, MEETING_END = datetime.time(8, 0), datetime.time(11, 30)


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _event(m: VoterMeeting) -> CalendarEvent:
    return CalendarEvent(
        uid=f"petitions.voter_meeting.{m.pk}",
        module="petitions",
        kind="voter_meeting",
        title=_("Voter meeting: %(place)s") % {"place": m.place.name},
        start=_at(m.date, MEETING_START),
        end=_at(m.date, MEETING_END),
        url=reverse("petitions:meeting_detail", args=[m.pk]),
        province_id=m.province_id,
        body_ids=tuple(b.pk for b in m.organisers.all()),
        person_ids=tuple(p.pk for p in m.delegates.all()),
        place=m.venue or m.place.name,
        sequence=int(m.updated_at.timestamp()),
        description=m.round.name,
    )


def events(user: Any, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEvent]:
    meetings = (
        get_access(user)
        .scope(VoterMeeting.objects.filter(date__gte=start.date(), date__lte=end.date()), VIEW)
        .select_related("place", "round")
        .prefetch_related("delegates", "organisers")
        .order_by("date", "id")
    )
    return [_event(m) for m in meetings[:2000]]


def busy(user: Any, query: BusyQuery) -> list[CalendarEvent]:
    """The clash check's question (core.events.BusyQuery): a voter meeting clashes only through
    its delegates, so without people nothing is asked; else one query on the date index."""
    if not query.person_ids or not get_access(user).has(VIEW, query.province_id):
        return []
    first = timezone.localtime(query.start).date()
    last = timezone.localtime(query.end).date()
    ids = list(
        VoterMeeting.objects.filter(
            province_id=query.province_id,
            date__gte=first,
            date__lte=last,
            delegates__in=sorted(query.person_ids),
        )
        .values_list("pk", flat=True)
        .distinct()[:200]
    )
    if not ids:
        return []
    meetings = (
        VoterMeeting.objects.filter(pk__in=ids)
        .select_related("place", "round")
        .prefetch_related("delegates", "organisers")
    )
    return [_event(m) for m in meetings]
