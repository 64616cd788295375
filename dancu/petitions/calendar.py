"""Voter meetings on the shared calendar (manifest `calendar_events`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import CalendarEvent

from .models import VoterMeeting
from .permissions import VIEW

# A voter meeting has a date but no time: it is shown on its day, 08:00-11:30 (the usual
# morning meeting) so that clash checks with a delegate's timed meetings have something to compare.
MEETING_START, MEETING_END = datetime.time(8, 0), datetime.time(11, 30)


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def events(user: Any, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEvent]:
    meetings = (
        get_access(user)
        .scope(VoterMeeting.objects.filter(date__gte=start.date(), date__lte=end.date()), VIEW)
        .select_related("place", "round")
        .prefetch_related("delegates", "organisers")
        .order_by("date", "id")
    )
    out = []
    for m in meetings[:2000]:
        out.append(
            CalendarEvent(
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
        )
    return out
