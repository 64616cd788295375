"""The council's dates on the shared calendar (manifest `calendar_events`, core.events).

Each session gives its opening ("session_opening", the first day) and one all-day event per
day it sits ("session_day", with its delegates, in its hall = the venue); the Standing
Committee's meetings, the joint conferences and the explanation hearings give one each. Scoped
to what the user may see (`council.view` in the record's province); nothing is stored twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import BusyQuery, CalendarEvent
from dancu.directory.models import Membership

from .models import ExplanationHearing, JointConference, Session, StandingMeeting
from .permissions import CouncilPerm


def _day(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _all_day(day: datetime.date, last: datetime.date | None = None) -> dict[str, Any]:
    return {
        "start": _midnight(day),
        "end": _midnight((last or day) + datetime.timedelta(days=1)),
        "all_day": True,
    }


def _sequence(obj: Any) -> int:
    updated = getattr(obj, "updated_at", None)
    return int(updated.timestamp()) if updated else 0


def _delegates_by_session(sessions: list[Session]) -> dict[int, tuple[int, ...]]:
    """The delegates of each session (holding office during it), in one query."""
    if not sessions:
        return {}
    terms = {(s.body_id, s.term_id) for s in sessions}
    rows = Membership.objects.filter(
        body_id__in={b for b, _t in terms}, term_id__in={t for _b, t in terms}, post__code="dai-bieu"
    ).values_list("body_id", "term_id", "person_id", "start_date", "end_date")
    out: dict[int, list[int]] = defaultdict(list)
    for body_id, term_id, person_id, start, end in rows:
        for s in sessions:
            if (s.body_id, s.term_id) != (body_id, term_id):
                continue
            if (start is None or start <= s.end_date) and (end is None or end >= s.start_date):
                out[s.pk].append(person_id)
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def _session_events(sessions: list[Session], first: datetime.date, last: datetime.date) -> list[CalendarEvent]:
    out: list[CalendarEvent] = []
    delegates = _delegates_by_session(sessions)
    for s in sessions:
        url = reverse("council:session_detail", args=[s.pk])
        common: dict[str, Any] = {
            "module": "council",
            "url": url,
            "province_id": s.province_id,
            "body_ids": (s.body_id,),
            "place": s.venue,
            "hall": s.venue,
            "sequence": _sequence(s),
        }
        if first <= s.start_date <= last:
            out.append(
                CalendarEvent(
                    uid=f"council.session_opening.{s.pk}",
                    kind="session_opening",
                    title=_("Opening: %(title)s") % {"title": s.title},
                    description=s.body.name,
                    **_all_day(s.start_date),
                    **common,
                )
            )
        day = max(s.start_date, first)
        number = (day - s.start_date).days + 1
        while day <= min(s.end_date, last):
            out.append(
                CalendarEvent(
                    uid=f"council.session_day.{s.pk}.{day:%Y%m%d}",
                    kind="session_day",
                    title=_("%(title)s (day %(n)s)") % {"title": s.title, "n": number},
                    person_ids=delegates.get(s.pk, ()),
                    **_all_day(day),
                    **common,
                )
            )
            day += datetime.timedelta(days=1)
            number += 1
    return out


def _standing_event(m: StandingMeeting) -> CalendarEvent:
    return CalendarEvent(
        uid=f"council.standing_meeting.{m.pk}",
        module="council",
        kind="standing_meeting",
        title=m.title,
        url=reverse("council:meeting_detail", args=[m.pk]),
        province_id=m.province_id,
        body_ids=(m.body_id,),
        sequence=_sequence(m),
        description=m.body.name,
        **_all_day(m.held_on),
    )


SESSION_EVENT_KINDS = {"session_opening", "session_day"}


def busy(user: Any, query: BusyQuery) -> list[CalendarEvent]:
    """The clash check's question (core.events.BusyQuery): the session days (their delegates,
    their hall, their kind for a voter meeting) and, only when a People's Committee meeting is
    planned, the Standing Committee's meetings; one query on the province each, none when the
    question cannot match."""
    access = get_access(user)
    if not access.has(CouncilPerm.VIEW, query.province_id):
        return []
    first, last = _day(query.start), _day(query.end)
    out: list[CalendarEvent] = []
    if query.person_ids or query.hall or query.kinds & SESSION_EVENT_KINDS:
        sessions = list(
            Session.objects.filter(
                province_id=query.province_id, start_date__lte=last, end_date__gte=first
            ).select_related("body")
        )
        out += _session_events(sessions, first, last)
    if "standing_meeting" in query.kinds:
        out += [
            _standing_event(m)
            for m in StandingMeeting.objects.filter(
                province_id=query.province_id, held_on__gte=first, held_on__lte=last
            ).select_related("body")
        ]
    return out


def events(
    user: Any, start: datetime.date | datetime.datetime, end: datetime.date | datetime.datetime
) -> list[CalendarEvent]:
    access = get_access(user)
    first, last = _day(start), _day(end)
    sessions = list(
        access.scope(Session.objects.all(), CouncilPerm.VIEW)
        .filter(start_date__lte=last, end_date__gte=first)
        .select_related("body")
    )
    out: list[CalendarEvent] = _session_events(sessions, first, last)
    for m in (
        access.scope(StandingMeeting.objects.all(), CouncilPerm.VIEW)
        .filter(held_on__gte=first, held_on__lte=last)
        .select_related("body")
    ):
        out.append(_standing_event(m))
    for c in (
        access.scope(JointConference.objects.all(), CouncilPerm.VIEW, field="session__province")
        .filter(held_on__gte=first, held_on__lte=last)
        .select_related("session")
    ):
        out.append(
            CalendarEvent(
                uid=f"council.joint_conference.{c.pk}",
                module="council",
                kind="joint_conference",
                title=_("Joint conference: %(title)s") % {"title": c.session.title},
                url=reverse("council:session_detail", args=[c.session_id]),
                province_id=c.session.province_id,
                body_ids=(c.session.body_id,),
                sequence=_sequence(c),
                **_all_day(c.held_on),
            )
        )
    for h in (
        access.scope(ExplanationHearing.objects.all(), CouncilPerm.VIEW)
        .filter(held_on__gte=first, held_on__lte=last)
        .select_related("body")
    ):
        out.append(
            CalendarEvent(
                uid=f"council.explanation_hearing.{h.pk}",
                module="council",
                kind="explanation_hearing",
                title=_("Explanation hearing: %(topic)s") % {"topic": h.topic},
                url=f"{reverse('council:meeting_list')}#hearing-{h.pk}",
                province_id=h.province_id,
                body_ids=(h.body_id,),
                sequence=_sequence(h),
                description=h.body.name,
                **_all_day(h.held_on),
            )
        )
    out.sort(key=lambda e: (e.start, e.uid))
    return out
