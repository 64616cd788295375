"""What the council module does for other modules, named in its manifest's `provides`.

Another module never imports this one: it calls `dancu.core.modules.provided(name)(...)`
(docs/decisions/0002, addendum). The supervision module escalates an overdue recommendation to
an explanation hearing or a question at the next session in preparation; the coordination
module's yearly review reads the council's counts.

- "council.hearing_create", "council.question_create":
  f(*, actor, province_id, subject, agency_body_ids, source_kind, source_id, source_url)
  -> {"id", "url", "session_id", "created"}; the same source asked again returns the record
  it already made (a retried escalation makes no second hearing). Refusals are
  `core.errors` with a `CouncilError` code: Conflict when no session is in preparation.
- "council.coordination_counts": f(province_id, year) -> {"sessions", "resolutions",
  "hearings", "questions"}.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.audit import audit_record
from dancu.core.calendar import add_days
from dancu.core.errors import Conflict, ValidationFailed
from dancu.directory.models import AdministrativeUnit, Body, BodyKind

from .errors import CouncilError as E
from .models import ExplanationHearing, Question, Resolution, Session
from .permissions import CouncilPerm, require
from .ruleset import rule_on
from .workflow import QUESTION_FLOW, SessionStatus

PREPARING = (SessionStatus.PLANNING, SessionStatus.CONVENED)


def next_session(province_id: int, today: datetime.date | None = None) -> Session | None:
    """The province's next session in preparation (planned or convened, not yet opened), the
    soonest first."""
    today = today or timezone.localdate()
    return (
        Session.objects.filter(province_id=province_id, status__in=PREPARING, start_date__gte=today)
        .select_related("province", "body")
        .order_by("start_date", "id")
        .first()
    )


def _source_url(value: str) -> str:
    """A link back to the record that asked: a path of this site or an http(s) address (never a
    `javascript:` link on our pages)."""
    value = (value or "").strip()
    if value and not (
        (value.startswith("/") and not value.startswith("//")) or value.startswith(("https://", "http://"))
    ):
        raise ValidationFailed(
            _("The link to the source must be a page of this site."),
            code=E.INVALID_SOURCE,
            details={"field": "source_url"},
        )
    return value[:500]


def _check(
    *,
    actor: Any,
    province_id: int,
    subject: str,
    agency_body_ids: list[int],
    source_kind: str,
    source_id: int,
) -> tuple[AdministrativeUnit, str, list[Body]]:
    province = AdministrativeUnit.objects.filter(pk=province_id).first()
    if province is None:
        raise ValidationFailed(_("Unknown province."), code=E.NOT_FOUND, details={"field": "province_id"})
    require(get_access(actor).has(CouncilPerm.MANAGE, province.pk))
    subject = " ".join((subject or "").split())
    if not subject:
        raise ValidationFailed(_("The subject is required."), code=E.REQUIRED, details={"field": "subject"})
    if not (source_kind or "").strip() or not isinstance(source_id, int) or source_id <= 0:
        raise ValidationFailed(
            _("The record that asks must be named."), code=E.INVALID_SOURCE, details={"field": "source_kind"}
        )
    ids = list(dict.fromkeys(int(i) for i in agency_body_ids or ()))
    bodies = {b.pk: b for b in Body.objects.filter(pk__in=ids, province_id=province.pk)}
    if not ids or len(bodies) != len(ids):
        raise ValidationFailed(
            _("Name the agencies of this province that must answer."),
            code=E.INVALID_BODY,
            details={"field": "agency_body_ids"},
        )
    return province, subject, [bodies[i] for i in ids]


def _session_or_conflict(province_id: int) -> Session:
    session = next_session(province_id)
    if session is None:
        raise Conflict(
            _("No session of the People's Council is in preparation: plan the next session first."),
            code=E.NO_SESSION_IN_PREPARATION,
        )
    return session


def _result(obj: Any, url: str, *, created: bool) -> dict[str, Any]:
    return {"id": obj.pk, "url": url, "session_id": obj.session_id, "created": created}


def hearing_url(hearing: ExplanationHearing) -> str:
    return f"{reverse('council:meeting_list')}#hearing-{hearing.pk}"


@transaction.atomic
def hearing_create_for_link(
    *,
    actor: Any,
    province_id: int,
    subject: str,
    agency_body_ids: list[int],
    source_kind: str,
    source_id: int,
    source_url: str,
) -> dict[str, Any]:
    """An explanation hearing of the Standing Committee at the next session in preparation,
    on `subject`, for the agencies named; the source is recorded on it."""
    province, subject, agencies = _check(
        actor=actor,
        province_id=province_id,
        subject=subject,
        agency_body_ids=agency_body_ids,
        source_kind=source_kind,
        source_id=source_id,
    )
    url = _source_url(source_url)
    existing = ExplanationHearing.objects.filter(
        province=province, source_kind=source_kind, source_id=source_id
    ).first()
    if existing is not None:
        return _result(existing, hearing_url(existing), created=False)
    session = _session_or_conflict(province.pk)
    standing = Body.objects.filter(kind=BodyKind.STANDING_COMMITTEE, parent_id=session.body_id).first()
    hearing = ExplanationHearing.objects.create(
        province=province,
        body=standing or session.body,
        topic=subject[:500],
        held_on=session.start_date,
        session=session,
        source_kind=source_kind.strip()[:60],
        source_id=source_id,
        source_url=url,
    )
    hearing.agencies.set(agencies)
    audit_record(
        actor=actor,
        action="council.hearing.requested",
        target=hearing,
        province_code=province.code,
        summary=hearing.topic[:500],
        changes={
            "session": session.pk,
            "agencies": [b.pk for b in agencies],
            "source": {"kind": hearing.source_kind, "id": source_id, "url": url},
        },
    )
    return _result(hearing, hearing_url(hearing), created=True)


@transaction.atomic
def question_create_for_link(
    *,
    actor: Any,
    province_id: int,
    subject: str,
    agency_body_ids: list[int],
    source_kind: str,
    source_id: int,
    source_url: str,
) -> dict[str, Any]:
    """A question on the list of the next session in preparation, put to the first agency
    named (the lead; the others are named in the question), the delegate who asks it chosen
    at the session; the written answer is due by the rule in force from the session's opening."""
    province, subject, agencies = _check(
        actor=actor,
        province_id=province_id,
        subject=subject,
        agency_body_ids=agency_body_ids,
        source_kind=source_kind,
        source_id=source_id,
    )
    url = _source_url(source_url)
    existing = Question.objects.filter(
        province=province, source_kind=source_kind, source_id=source_id
    ).first()
    if existing is not None:
        return _result(existing, reverse("council:question_detail", args=[existing.pk]), created=False)
    session = _session_or_conflict(province.pk)
    lead, others = agencies[0], agencies[1:]
    content = subject
    if others:
        content += "\n" + _("Coordinating: %(names)s") % {"names": "; ".join(b.name for b in others)}
    asked_on = session.start_date
    days = rule_on("written_answer_days", asked_on).days or 20
    question = Question.objects.create(
        province=province,
        session=session,
        delegate=None,
        addressee=_("Head of %(agency)s") % {"agency": lead.name},
        addressee_body=lead,
        content=content,
        asked_on=asked_on,
        written_answer_due=add_days(asked_on, days),
        status=QUESTION_FLOW.initial,
        source_kind=source_kind.strip()[:60],
        source_id=source_id,
        source_url=url,
    )
    audit_record(
        actor=actor,
        action="council.question.requested",
        target=question,
        province_code=province.code,
        summary=subject[:500],
        changes={
            "session": session.pk,
            "agencies": [b.pk for b in agencies],
            "source": {"kind": question.source_kind, "id": source_id, "url": url},
        },
    )
    return _result(question, reverse("council:question_detail", args=[question.pk]), created=True)


def coordination_counts(province_id: int, year: int) -> dict[str, int]:
    """The council's figures of a year in a province for the coordination review (four counts)."""
    return {
        "sessions": Session.objects.filter(province_id=province_id, start_date__year=year).count(),
        "resolutions": Resolution.objects.filter(province_id=province_id, year=year).count(),
        "hearings": ExplanationHearing.objects.filter(province_id=province_id, held_on__year=year).count(),
        "questions": Question.objects.filter(province_id=province_id, asked_on__year=year).count(),
    }
