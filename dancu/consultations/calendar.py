"""The consultation's dates on the shared calendar (manifest `calendar_events`, core.events):
each conference (with its place), each recipient's due date and each draft's synthesis due date,
scoped to `consultations.view` in the draft's province (a recipient's users see their own due
dates)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import CalendarEvent

from .models import Conference, Draft, Recipient
from .permissions import RESPOND, VIEW, responder_bodies


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _all_day(day: datetime.date) -> dict:
    return {"start": _midnight(day), "end": _midnight(day + datetime.timedelta(days=1)), "all_day": True}


def _day(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _seq(obj) -> int:
    return int(obj.updated_at.timestamp()) if getattr(obj, "updated_at", None) else 0


def events(user, start, end) -> list[CalendarEvent]:
    access = get_access(user)
    first, last = _day(start), _day(end)
    out: list[CalendarEvent] = []
    conferences = access.scope(
        Conference.objects.select_related("draft"), VIEW, field="draft__province"
    ).filter(held_on__gte=first, held_on__lte=last)
    for c in conferences:
        out.append(
            CalendarEvent(
                uid=f"consultations.conference.{c.pk}",
                module="consultations",
                kind="consultation_conference",
                title=_("Consultation on %(draft)s") % {"draft": c.draft.name},
                url=reverse("consultations:draft_detail", args=[c.draft_id]),
                province_id=c.draft.province_id,
                place=c.place,
                sequence=_seq(c),
                **_all_day(c.held_on),
            )
        )
    staff = access.scope(Recipient.objects.select_related("draft", "body"), VIEW, field="draft__province")
    own = access.scope(
        Recipient.objects.select_related("draft", "body"), RESPOND, field="draft__province"
    ).filter(body_id__in=sorted(responder_bodies(access)))
    recipients = (staff | own).filter(due_on__gte=first, due_on__lte=last).distinct()
    for r in recipients:
        url = (
            reverse("consultations:draft_detail", args=[r.draft_id])
            if access.has(VIEW, r.draft.province_id)
            else reverse("consultations:respond_draft", args=[r.draft_id])
        )
        out.append(
            CalendarEvent(
                uid=f"consultations.recipient.{r.pk}",
                module="consultations",
                kind="consultation_due",
                title=_("Comments of %(body)s on %(draft)s due")
                % {"body": r.body.name, "draft": r.draft.name},
                url=url,
                province_id=r.draft.province_id,
                body_ids=(r.body_id,),
                sequence=_seq(r),
                **_all_day(r.due_on),
            )
        )
    drafts = access.scope(Draft.objects.all(), VIEW).filter(
        Q(synthesis_due__gte=first) & Q(synthesis_due__lte=last)
    )
    for d in drafts:
        assert d.synthesis_due is not None
        out.append(
            CalendarEvent(
                uid=f"consultations.synthesis.{d.pk}",
                module="consultations",
                kind="consultation_synthesis_due",
                title=_("Synthesis of comments on %(draft)s due") % {"draft": d.name},
                url=reverse("consultations:synthesis", args=[d.pk]),
                province_id=d.province_id,
                sequence=_seq(d),
                **_all_day(d.synthesis_due),
            )
        )
    return out


def busy(user, query) -> list[CalendarEvent]:
    """The clash check's question (core.events.BusyQuery): conferences and due dates have no people nor hall booked and no kind a clash rule compares, so
    nothing of this module can clash; answered without a query."""
    return []
