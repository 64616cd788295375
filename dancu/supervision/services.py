"""Writes of the supervision module. Each service checks permission, validates, writes and
audits in one transaction; a refusal is a typed error with a `SupervisionError` code and, where
it belongs to one input, `details={"field": ...}`. Statuses move only through the workflows of
`workflow.py`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max, Model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core import files
from dancu.core.access import get_access
from dancu.core.audit import audit_record
from dancu.core.errors import Conflict, ValidationFailed
from dancu.core.modules import is_provided, provided
from dancu.core.text import clean_text
from dancu.directory.models import AdministrativeUnit, Body, Person

from . import reminders, selectors
from .errors import SupervisionError as E
from .models import (
    LADDER,
    Activity,
    ActivityKind,
    AgencyReport,
    Answer,
    AnswerStatus,
    Coordination,
    Decision,
    DocumentKind,
    EscalationLevel,
    EscalationStep,
    MemberRole,
    Programme,
    Proposal,
    ProposalSource,
    Recommendation,
    SupervisionDocument,
    Team,
    TeamMember,
    WorkSession,
)
from .permissions import SupervisionPerm, can_adopt, can_answer, can_manage, require
from .ruleset import value_on
from .workflow import (
    ACTIVITY_FLOW,
    PROGRAMME_FLOW,
    RECOMMENDATION_FLOW,
    ActivityStatus,
    ProgrammeStatus,
    RecommendationStatus,
)

# -- shared steps ----------------------------------------------------------------------------


def _audit(
    actor: Any, action: str, target: Model, summary: str, changes: dict[str, Any] | None = None
) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        province_code=target.province.code,  # type: ignore[attr-defined]
        summary=summary[:500],
        changes=changes or {},
    )


def _text(value: str | None, message: str, field: str) -> str:
    value = clean_text(value or "").strip()
    if not value:
        raise ValidationFailed(message, code=E.REQUIRED, details={"field": field})
    return value


def _choice(value: str, choices: Iterable[str], field: str) -> str:
    if value not in set(choices):
        raise ValidationFailed(
            _("Choose one of the options."), code=E.UNKNOWN_CHOICE, details={"field": field}
        )
    return value


def _dates(start: datetime.date | None, end: datetime.date | None, start_field: str, end_field: str) -> None:
    if start is None:
        raise ValidationFailed(
            _("Enter the start date."), code=E.INVALID_DATES, details={"field": start_field}
        )
    if end is None or end < start:
        raise ValidationFailed(
            _("The end date must not be before the start date."),
            code=E.INVALID_DATES,
            details={"field": end_field},
        )


def _same_province(
    body: Body | None, province_id: int, field: str, *, kinds: Iterable[str] | None = None
) -> None:
    if body is None:
        return
    if body.province_id != province_id or (kinds is not None and body.kind not in set(kinds)):
        raise ValidationFailed(
            _("Choose a body of the province, of the right kind."),
            code=E.INVALID_BODY,
            details={"field": field},
        )


def _bodies(bodies: Iterable[Body], province_id: int, field: str) -> list[Body]:
    bodies = list(bodies or [])
    for body in bodies:
        _same_province(body, province_id, field)
    return bodies


def _units(
    units: Iterable[AdministrativeUnit], province: AdministrativeUnit, field: str
) -> list[AdministrativeUnit]:
    units = list(units or [])
    for unit in units:
        top = unit
        seen = 0
        while top.parent_id is not None and seen < 4:
            top = top.parent  # type: ignore[assignment]
            seen += 1
        if top.pk != province.pk and not province.predecessors.filter(pk=top.pk).exists():
            raise ValidationFailed(
                _("Choose places of the province."), code=E.INVALID_UNIT, details={"field": field}
            )
    return units


# -- programmes ---------------------------------------------------------------------------------


@transaction.atomic
def programme_create(*, actor: Any, body: Body, year: int, title: str = "", notes: str = "") -> Programme:
    access = get_access(actor)
    access.require(SupervisionPerm.MANAGE, body.province_id)
    _same_province(body, body.province_id, "body", kinds=selectors.PROGRAMME_BODY_KINDS)
    if not 2000 <= int(year) <= 2100:
        raise ValidationFailed(
            _("Enter a year between 2000 and 2100."), code=E.OUT_OF_RANGE, details={"field": "year"}
        )
    if Programme.objects.filter(body=body, year=year).exists():
        raise Conflict(
            _("This body already has a programme for that year."),
            code=E.DUPLICATE_PROGRAMME,
            details={"field": "year"},
        )
    title = clean_text(title or "").strip() or _("Supervision programme %(year)s of %(body)s") % {
        "year": year,
        "body": body.name,
    }
    programme = Programme.objects.create(
        province=body.province, body=body, year=year, title=title[:300], notes=notes
    )
    _audit(actor, "supervision.programme.create", programme, programme.title)
    return programme


@transaction.atomic
def programme_update(*, actor: Any, programme: Programme, title: str, notes: str = "") -> Programme:
    require(can_manage(get_access(actor), programme))
    programme.title = _text(title, _("Enter a title."), "title")[:300]
    programme.notes = clean_text(notes or "")
    programme.save(update_fields=["title", "notes", "updated_at"])
    _audit(actor, "supervision.programme.update", programme, programme.title)
    return programme


@transaction.atomic
def programme_delete(*, actor: Any, programme: Programme) -> None:
    require(can_manage(get_access(actor), programme))
    if (
        programme.status == ProgrammeStatus.ADOPTED
        or programme.activities.exclude(status=ActivityStatus.PLANNED).exists()
    ):
        raise Conflict(
            _("An adopted programme, or one with activities under way, is kept."), code=E.NOT_DELETABLE
        )
    _audit(actor, "supervision.programme.delete", programme, programme.title)
    programme.delete()


@transaction.atomic
def programme_transition(
    *,
    actor: Any,
    programme: Programme,
    action: str,
    resolution_number: str = "",
    resolution_date: datetime.date | None = None,
) -> Programme:
    access = get_access(actor)
    also: list[str] = []
    if action == "adopt":
        require(can_adopt(access, programme))
        programme.resolution_number = (
            clean_text(resolution_number or "").strip()[:50] or programme.resolution_number
        )
        programme.resolution_date = resolution_date or programme.resolution_date
        also = ["resolution_number", "resolution_date"]
    PROGRAMME_FLOW.apply(
        actor=actor,
        access=access,
        obj=programme,
        action=action,
        also_save=also,
        province_code=programme.province.code,
        summary=programme.title,
        changes={"resolution_number": programme.resolution_number} if also else None,
    )
    return programme


# -- proposals ----------------------------------------------------------------------------------


def _proposal_fields(province_id: int, data: dict[str, Any]) -> dict[str, Any]:
    _choice(data.get("source", ""), ProposalSource.values, "source")
    _same_province(data.get("source_body"), province_id, "source_body")
    return {
        "source": data["source"],
        "source_body": data.get("source_body"),
        "proposer": clean_text(data.get("proposer") or "")[:200],
        "received_on": data.get("received_on") or timezone.localdate(),
        "topic": _text(data.get("topic"), _("Enter the proposed topic."), "topic")[:300],
        "need": clean_text(data.get("need") or ""),
        "content": clean_text(data.get("content") or ""),
        "scope": clean_text(data.get("scope") or ""),
        "targets": clean_text(data.get("targets") or ""),
    }


@transaction.atomic
def proposal_create(*, actor: Any, province: AdministrativeUnit, year: int, **data: Any) -> Proposal:
    get_access(actor).require(SupervisionPerm.MANAGE, province.pk)
    if not 2000 <= int(year) <= 2100:
        raise ValidationFailed(
            _("Enter a year between 2000 and 2100."), code=E.OUT_OF_RANGE, details={"field": "year"}
        )
    link = {k: data.pop(k) for k in ("link_kind", "link_id", "link_url") if k in data}
    proposal = Proposal.objects.create(
        province=province, year=year, **_proposal_fields(province.pk, data), **link
    )
    _audit(actor, "supervision.proposal.create", proposal, proposal.topic)
    return proposal


@transaction.atomic
def proposal_update(*, actor: Any, proposal: Proposal, **data: Any) -> Proposal:
    require(can_manage(get_access(actor), proposal))
    data.pop("year", None)
    for key, value in _proposal_fields(proposal.province_id, data).items():
        setattr(proposal, key, value)
    proposal.save()
    _audit(actor, "supervision.proposal.update", proposal, proposal.topic)
    return proposal


@transaction.atomic
def proposal_delete(*, actor: Any, proposal: Proposal) -> None:
    require(can_manage(get_access(actor), proposal))
    _audit(actor, "supervision.proposal.delete", proposal, proposal.topic)
    proposal.delete()


@transaction.atomic
def proposal_compile(*, actor: Any, proposal: Proposal, programme: Programme) -> Activity:
    """Put a proposal in a programme of its year: the proposal points to the programme, and a
    planned activity with its topic is added (dates from the programme's year, to be set)."""
    access = get_access(actor)
    require(can_manage(access, proposal) and can_manage(access, programme))
    if programme.province_id != proposal.province_id or programme.year != proposal.year:
        raise ValidationFailed(
            _("Choose a programme of the same province and year."),
            code=E.INVALID_BODY,
            details={"field": "programme"},
        )
    if programme.status == ProgrammeStatus.ADOPTED:
        raise Conflict(_("This programme is adopted; add to a draft programme."), code=E.PROGRAMME_ADOPTED)
    proposal.programme = programme
    proposal.save(update_fields=["programme", "updated_at"])
    activity = Activity.objects.create(
        province=programme.province,
        programme=programme,
        kind=ActivityKind.THEMATIC,
        topic=proposal.topic,
        content="\n".join(x for x in (proposal.content, proposal.scope) if x),
        planned_start=datetime.date(programme.year, 1, 1),
        planned_end=datetime.date(programme.year, 12, 31),
    )
    _audit(
        actor,
        "supervision.proposal.compile",
        proposal,
        proposal.topic,
        {"programme": programme.pk, "activity": activity.pk},
    )
    return activity


def recurring_petitions(user: Any, province_id: int) -> list[dict[str, Any]] | None:
    """Petitions raised in two or more rounds and still unresolved, from the petitions module
    when it provides them; None when it does not (the page hides the block)."""
    if not is_provided("petitions.recurring_unresolved"):
        return None
    try:
        return list(provided("petitions.recurring_unresolved")(user, province_id))
    except LookupError:
        return None


@transaction.atomic
def proposal_from_petition(
    *, actor: Any, province: AdministrativeUnit, year: int, petition_id: int
) -> Proposal:
    rows = recurring_petitions(actor, province.pk) or []
    row = next((r for r in rows if int(r.get("id", 0)) == int(petition_id)), None)
    if row is None:
        raise ValidationFailed(
            _("This petition is not among the recurring unresolved ones."), code=E.NOT_FOUND
        )
    return proposal_create(
        actor=actor,
        province=province,
        year=year,
        source=ProposalSource.PETITIONS,
        topic=str(row.get("title", ""))[:300],
        need=_("Raised in %(rounds)s rounds of meetings with voters and still unresolved (%(code)s).")
        % {"rounds": row.get("rounds", ""), "code": row.get("code", "")},
        link_kind="petitions.petition",
        link_id=int(row["id"]),
        link_url=str(row.get("url", ""))[:300],
    )


# -- activities ---------------------------------------------------------------------------------


def _activity_fields(
    programme: Programme, data: dict[str, Any]
) -> tuple[dict[str, Any], list[Body], list[Any]]:
    _choice(data.get("kind", ""), ActivityKind.values, "kind")
    _dates(data.get("planned_start"), data.get("planned_end"), "planned_start", "planned_end")
    agencies = _bodies(data.get("agencies") or [], programme.province_id, "agencies")
    places = _units(data.get("places") or [], programme.province, "places")
    fields = {
        "kind": data["kind"],
        "topic": _text(data.get("topic"), _("Enter the topic."), "topic")[:300],
        "content": clean_text(data.get("content") or ""),
        "planned_start": data["planned_start"],
        "planned_end": data["planned_end"],
    }
    return fields, agencies, places


@transaction.atomic
def activity_create(*, actor: Any, programme: Programme, **data: Any) -> Activity:
    require(can_manage(get_access(actor), programme))
    fields, agencies, places = _activity_fields(programme, data)
    activity = Activity.objects.create(province=programme.province, programme=programme, **fields)
    activity.agencies.set(agencies)
    activity.places.set(places)
    _audit(actor, "supervision.activity.create", activity, activity.topic)
    return activity


@transaction.atomic
def activity_update(*, actor: Any, activity: Activity, **data: Any) -> Activity:
    require(can_manage(get_access(actor), activity))
    if activity.status in (ActivityStatus.CLOSED, ActivityStatus.MERGED):
        raise Conflict(_("A closed or merged activity is no longer changed."), code=E.ACTIVITY_CLOSED)
    fields, agencies, places = _activity_fields(activity.programme, data)
    before = {k: str(getattr(activity, k)) for k in fields}
    for key, value in fields.items():
        setattr(activity, key, value)
    activity.save()
    activity.agencies.set(agencies)
    activity.places.set(places)
    _audit(
        actor,
        "supervision.activity.update",
        activity,
        activity.topic,
        {k: {"before": before[k], "after": str(v)} for k, v in fields.items() if before[k] != str(v)},
    )
    return activity


@transaction.atomic
def activity_delete(*, actor: Any, activity: Activity) -> None:
    require(can_manage(get_access(actor), activity))
    if activity.status != ActivityStatus.PLANNED or activity.recommendations.exists():
        raise Conflict(
            _("Only a planned activity without recommendations may be deleted."), code=E.NOT_DELETABLE
        )
    _audit(actor, "supervision.activity.delete", activity, activity.topic)
    activity.delete()


@transaction.atomic
def activity_transition(*, actor: Any, activity: Activity, action: str) -> Activity:
    ACTIVITY_FLOW.apply(
        actor=actor,
        access=get_access(actor),
        obj=activity,
        action=action,
        province_code=activity.province.code,
        summary=activity.topic,
    )
    return activity


# -- coordination -------------------------------------------------------------------------------


@transaction.atomic
def coordination_resolve(
    *,
    actor: Any,
    first: Activity,
    second: Activity,
    decision: str,
    target: str = "second",
    reason: str = "",
    new_start: datetime.date | None = None,
    new_end: datetime.date | None = None,
) -> Coordination:
    """Resolve one overlapping pair: merge `target` into the other (a joint team of both
    bodies), move `target` to a new period, drop `target`, or keep both with a reason."""
    from .coordination import overlaps_for_year

    access = get_access(actor)
    require(can_manage(access, first) and can_manage(access, second))
    _choice(decision, Decision.values, "decision")
    _choice(target, ("first", "second"), "target")
    if first.pk == second.pk or first.province_id != second.province_id:
        raise ValidationFailed(_("These two activities do not overlap."), code=E.NOT_AN_OVERLAP)
    if first.pk > second.pk:
        first, second = second, first
        target = "first" if target == "second" else "second"
    year = first.programme.year
    if Coordination.objects.filter(first=first, second=second).exists():
        raise Conflict(_("This overlap was already resolved."), code=E.ALREADY_RESOLVED)
    found = next(
        (
            r
            for r in overlaps_for_year(actor, year)["rows"]
            if {r.first.pk, r.second.pk} == {first.pk, second.pk}
        ),
        None,
    )
    if found is None:
        raise ValidationFailed(_("These two activities do not overlap."), code=E.NOT_AN_OVERLAP)
    reason = clean_text(reason or "").strip()
    moved, kept = (second, first) if target == "second" else (first, second)
    if decision == Decision.KEEP and not reason:
        raise ValidationFailed(
            _("Say why both are kept."), code=E.REASON_REQUIRED, details={"field": "reason"}
        )
    if decision == Decision.MERGE:
        team, _new = Team.objects.get_or_create(activity=kept, defaults={"province": kept.province})
        team.joint = True
        team.save(update_fields=["joint", "updated_at"])
        team.bodies.add(kept.programme.body, moved.programme.body)
        kept.agencies.add(*moved.agencies.all())
        kept.places.add(*moved.places.all())
        moved.merged_into = kept
        ACTIVITY_FLOW.apply(
            actor=actor,
            access=access,
            obj=moved,
            action="merge",
            also_save=["merged_into"],
            province_code=moved.province.code,
            summary=_("Merged into “%(topic)s”") % {"topic": kept.topic},
        )
    elif decision == Decision.DROP:
        ACTIVITY_FLOW.apply(
            actor=actor, access=access, obj=moved, action="drop", province_code=moved.province.code
        )
    elif decision == Decision.MOVE:
        _dates(new_start, new_end, "new_start", "new_end")
        before = (moved.planned_start, moved.planned_end)
        moved.planned_start, moved.planned_end = new_start, new_end  # type: ignore[assignment]
        moved.save(update_fields=["planned_start", "planned_end", "updated_at"])
        _audit(
            actor,
            "supervision.activity.move",
            moved,
            moved.topic,
            {"planned": {"before": [str(d) for d in before], "after": [str(new_start), str(new_end)]}},
        )
    coordination = Coordination.objects.create(
        province=first.province,
        year=year,
        first=first,
        second=second,
        decision=decision,
        reason=reason,
        score=found.score,
        reasons=found.reasons,
        decided_by=actor if getattr(actor, "pk", None) else None,
    )
    _audit(
        actor,
        "supervision.coordination.resolve",
        coordination,
        f"{first.topic} / {second.topic}",
        {"decision": decision, "target": moved.pk, "reason": reason},
    )
    return coordination


# -- teams, work and documents --------------------------------------------------------------------


@transaction.atomic
def team_save(
    *,
    actor: Any,
    activity: Activity,
    decision_number: str = "",
    decision_date: datetime.date | None = None,
    bodies: Iterable[Body] = (),
) -> Team:
    require(can_manage(get_access(actor), activity))
    team, _new = Team.objects.get_or_create(activity=activity, defaults={"province": activity.province})
    team.decision_number = clean_text(decision_number or "").strip()[:50]
    team.decision_date = decision_date
    team.save()
    team.bodies.add(activity.programme.body, *_bodies(bodies, activity.province_id, "bodies"))
    _audit(actor, "supervision.team.save", team, activity.topic, {"decision_number": team.decision_number})
    return team


@transaction.atomic
def member_add(
    *, actor: Any, activity: Activity, person: Person, role: str, body: Body | None = None
) -> TeamMember:
    require(can_manage(get_access(actor), activity))
    _choice(role, MemberRole.values, "role")
    _same_province(body, activity.province_id, "body")
    team, _new = Team.objects.get_or_create(activity=activity, defaults={"province": activity.province})
    if role in (MemberRole.LEADER, MemberRole.SECRETARY) and team.members.filter(role=role).exists():
        raise Conflict(_("The team already has one."), code=E.UNKNOWN_CHOICE, details={"field": "role"})
    member, _created = TeamMember.objects.update_or_create(
        team=team, person=person, defaults={"role": role, "body": body}
    )
    if body is not None:
        team.bodies.add(body)
    _audit(actor, "supervision.team.member", team, person.full_name, {"role": role})
    return member


@transaction.atomic
def work_session_add(
    *,
    actor: Any,
    activity: Activity,
    held_on: datetime.date,
    place: str,
    agency: Body | None = None,
    site_visit: bool = False,
    minutes: str = "",
) -> WorkSession:
    require(can_manage(get_access(actor), activity))
    _same_province(agency, activity.province_id, "agency")
    session = WorkSession.objects.create(
        activity=activity,
        held_on=held_on,
        place=_text(place, _("Enter the place."), "place")[:300],
        agency=agency,
        site_visit=site_visit,
        minutes=clean_text(minutes or ""),
    )
    _audit(actor, "supervision.activity.session", activity, session.place, {"held_on": str(held_on)})
    return session


@transaction.atomic
def agency_report_expect(
    *, actor: Any, activity: Activity, agency: Body, due_on: datetime.date
) -> AgencyReport:
    require(can_manage(get_access(actor), activity))
    _same_province(agency, activity.province_id, "agency")
    report, _new = AgencyReport.objects.update_or_create(
        activity=activity, agency=agency, defaults={"due_on": due_on}
    )
    _audit(actor, "supervision.activity.report_expected", activity, agency.name, {"due_on": str(due_on)})
    return report


@transaction.atomic
def agency_report_receive(
    *, actor: Any, activity: Activity, agency: Body, received_on: datetime.date, reference: str = ""
) -> AgencyReport:
    require(can_manage(get_access(actor), activity))
    _same_province(agency, activity.province_id, "agency")
    report = AgencyReport.objects.filter(activity=activity, agency=agency).first()
    if report is None:
        due = activity.planned_start - datetime.timedelta(
            days=value_on("agency_report_days", received_on, default=5)
        )
        report = AgencyReport(activity=activity, agency=agency, due_on=due)
    report.received_on = received_on
    report.reference = clean_text(reference or "")[:100]
    report.save()
    _audit(
        actor,
        "supervision.activity.report_received",
        activity,
        agency.name,
        {"received_on": str(received_on), "on_time": report.on_time},
    )
    return report


@transaction.atomic
def document_issue(
    *,
    actor: Any,
    activity: Activity,
    kind: str,
    issued_on: datetime.date | None = None,
    text: str = "",
    final: bool = True,
) -> SupervisionDocument:
    """Number a document of the activity in the yearly series of its kind (per province)."""
    require(can_manage(get_access(actor), activity))
    _choice(kind, DocumentKind.values, "kind")
    issued_on = issued_on or timezone.localdate()
    existing = SupervisionDocument.objects.filter(activity=activity, kind=kind).first()
    if existing is not None:
        if existing.final and kind in DRAFTABLE:
            raise Conflict(
                _("The final version is locked: return it to draft to change it."), code=E.DOCUMENT_FINAL
            )
        existing.text = clean_text(text or existing.text)
        existing.final = final
        existing.save(update_fields=["text", "final", "updated_at"])
        _audit(actor, "supervision.document.update", existing, f"{kind} {existing.number}")
        return existing
    # The series lock: the province's rows of the kind and year, counted under select_for_update.
    last = (
        SupervisionDocument.objects.select_for_update()
        .filter(province=activity.province, kind=kind, year=issued_on.year)
        .aggregate(n=Max("number"))["n"]
        or 0
    )
    document = SupervisionDocument.objects.create(
        province=activity.province,
        activity=activity,
        kind=kind,
        year=issued_on.year,
        number=last + 1,
        issued_on=issued_on,
        text=clean_text(text or ""),
        final=final,
    )
    _audit(actor, "supervision.document.issue", document, f"{kind} {document.number}/{document.year}")
    return document


# The documents written as a draft first, then made final (which locks the draft).
DRAFTABLE = (DocumentKind.REPORT, DocumentKind.CONCLUSIONS)


@transaction.atomic
def document_finalize(
    *, actor: Any, document: SupervisionDocument, final: bool, reason: str = ""
) -> SupervisionDocument:
    """Draft → final (the text is locked) or, with a reason, final → draft again (not while
    published). Audited either way."""
    require(can_manage(get_access(actor), document))
    if document.kind not in DRAFTABLE:
        raise Conflict(_("Only results reports and conclusions have a draft."), code=E.UNKNOWN_CHOICE)
    reason = clean_text(reason or "").strip()
    if not final:
        if document.published:
            raise Conflict(_("Unpublish the document before returning it to draft."), code=E.DOCUMENT_FINAL)
        if not reason:
            raise ValidationFailed(
                _("Say why the final version returns to draft."),
                code=E.REASON_REQUIRED,
                details={"field": "reason"},
            )
    if document.final == final:
        return document
    document.final = final
    document.save(update_fields=["final", "updated_at"])
    _audit(
        actor,
        "supervision.document.finalize" if final else "supervision.document.to_draft",
        document,
        f"{document.kind} {document.number}/{document.year}",
        {"final": final, "reason": reason},
    )
    return document


@transaction.atomic
def document_publish(
    *, actor: Any, document: SupervisionDocument, published: bool = True
) -> SupervisionDocument:
    require(can_manage(get_access(actor), document))
    if document.kind not in (DocumentKind.REPORT, DocumentKind.CONCLUSIONS):
        raise Conflict(_("Only results reports and conclusions are published."), code=E.UNKNOWN_CHOICE)
    if published and not document.final:
        raise Conflict(_("Only the final version is published."), code=E.DOCUMENT_DRAFT)
    document.published = published
    document.save(update_fields=["published", "updated_at"])
    _audit(
        actor,
        "supervision.document.publish",
        document,
        f"{document.kind} {document.number}",
        {"published": published},
    )
    return document


# -- recommendations ------------------------------------------------------------------------------


@transaction.atomic
def recommendation_create(
    *,
    actor: Any,
    activity: Activity,
    content: str,
    lead_agency: Body,
    coordinating: Iterable[Body] = (),
    expected_result: str = "",
    due_on: datetime.date | None = None,
) -> Recommendation:
    require(can_manage(get_access(actor), activity))
    if activity.status in (ActivityStatus.CLOSED, ActivityStatus.DROPPED, ActivityStatus.MERGED):
        raise Conflict(_("This activity no longer takes recommendations."), code=E.ACTIVITY_CLOSED)
    _same_province(lead_agency, activity.province_id, "lead_agency", kinds=selectors.AGENCY_KINDS)
    others = _bodies(coordinating, activity.province_id, "coordinating")
    today = timezone.localdate()
    due_on = due_on or today + datetime.timedelta(days=value_on("recommendation_days", today, default=60))
    rec = Recommendation.objects.create(
        province=activity.province,
        activity=activity,
        content=_text(content, _("Enter the recommendation."), "content"),
        lead_agency=lead_agency,
        expected_result=clean_text(expected_result or "")[:300],
        due_on=due_on,
    )
    rec.coordinating.set([b for b in others if b.pk != lead_agency.pk])
    _audit(actor, "supervision.recommendation.create", rec, rec.content[:200], {"due_on": str(due_on)})
    reminders.notify_sent(rec)  # in this transaction: the e-mails leave after commit
    return rec


@transaction.atomic
def recommendation_answer(
    *, actor: Any, recommendation: Recommendation, text: str, proposed: str, evidence: Any = None
) -> Answer:
    """An agency answers (or the Office records the agency's answer): what was done, the status
    it proposes, an evidence file (checked by content)."""
    access = get_access(actor)
    action = "answer" if can_answer(access, recommendation) else "answer_for_agency"
    _choice(proposed, AnswerStatus.values, "proposed")
    text = _text(text, _("Say what was done."), "text")
    answer = Answer(
        recommendation=recommendation,
        text=text,
        proposed=proposed,
        answered_at=timezone.now(),
        answered_by=actor if getattr(actor, "pk", None) else None,
    )
    if evidence:
        kind = files.check_file(evidence)
        evidence.name = files.stored_name(getattr(evidence, "name", "evidence"), kind)
        answer.evidence = evidence
    RECOMMENDATION_FLOW.apply(
        actor=actor,
        access=access,
        obj=recommendation,
        action=action,
        province_code=recommendation.province.code,
        summary=text[:200],
        changes={"proposed": proposed},
    )
    answer.save()
    reminders.notify_answer(answer)
    return answer


@transaction.atomic
def recommendation_decide(
    *, actor: Any, recommendation: Recommendation, accept: bool, reason: str = ""
) -> Recommendation:
    """The Office accepts the latest answer (the recommendation closes with its status) or
    rejects it with a reason (it opens again)."""
    access = get_access(actor)
    answer = recommendation.answers.order_by("-answered_at", "-id").first()
    if answer is None or recommendation.status != RecommendationStatus.ANSWERED:
        RECOMMENDATION_FLOW.check(access, recommendation, "accept" if accept else "reject")
        raise Conflict(_("There is no answer to decide on."), code=E.NOT_ANSWERED)
    reason = clean_text(reason or "").strip()
    if not accept and not reason:
        raise ValidationFailed(
            _("Say why the answer is rejected."), code=E.REASON_REQUIRED, details={"field": "reason"}
        )
    also: list[str] = []
    if accept:
        recommendation.outcome = answer.proposed
        recommendation.closed_on = timezone.localdate()
        also = ["outcome", "closed_on"]
    RECOMMENDATION_FLOW.apply(
        actor=actor,
        access=access,
        obj=recommendation,
        action="accept" if accept else "reject",
        also_save=also,
        province_code=recommendation.province.code,
        summary=reason[:200],
    )
    answer.accepted = accept
    answer.decision_reason = reason
    answer.save(update_fields=["accepted", "decision_reason"])
    return recommendation


def next_level(recommendation: Recommendation) -> str | None:
    taken = {s.level for s in recommendation.escalations.all()}
    return next((level for level in LADDER if level not in taken), None)


@transaction.atomic
def recommendation_escalate(
    *,
    actor: Any,
    recommendation: Recommendation,
    level: str,
    note: str = "",
    today: datetime.date | None = None,
) -> EscalationStep:
    """Take the next step of the ladder (reminder → formal urging → explanation hearing →
    questioning → re-supervision). The hearing and the question are created in the council
    module when it provides them; re-supervision adds a planned activity to the programme."""
    access = get_access(actor)
    require(can_manage(access, recommendation))
    _choice(level, LADDER, "level")
    if recommendation.status == RecommendationStatus.CLOSED:
        raise Conflict(_("This recommendation is closed."), code=E.ACTIVITY_CLOSED)
    expected = next_level(recommendation)
    if level != expected:
        raise Conflict(
            _("Take the steps in order: next is “%(step)s”.")
            % {"step": EscalationLevel(expected).label if expected else "—"},
            code=E.ESCALATION_ORDER,
            details={"field": "level"},
        )
    today = today or timezone.localdate()
    step = EscalationStep(
        recommendation=recommendation,
        level=level,
        taken_on=today,
        note=clean_text(note or ""),
        by=actor if getattr(actor, "pk", None) else None,
    )
    activity = recommendation.activity
    subject = f"{activity.topic}: {recommendation.content}"[:300]
    link_name: dict[str, str] = {
        EscalationLevel.HEARING: "council.hearing_create",
        EscalationLevel.QUESTIONING: "council.question_create",
    }
    if level in link_name:
        name = link_name[level]
        if is_provided(name):
            created = provided(name)(
                actor=actor,
                province_id=recommendation.province_id,
                subject=subject,
                agency_body_ids=[recommendation.lead_agency_id],
                source_kind="supervision.recommendation",
                source_id=recommendation.pk,
                source_url=reverse(
                    "supervision:recommendation_detail", kwargs={"recommendation_id": recommendation.pk}
                ),
            )
            step.link_kind = name.replace("_create", "")
            step.link_id = int(created["id"])
            step.link_url = str(created.get("url", ""))[:300]
    elif level == EscalationLevel.RESUPERVISION:
        programme = (
            Programme.objects.filter(body=activity.programme.body, year__gte=today.year)
            .order_by("year")
            .first()
            or activity.programme
        )
        again = Activity.objects.create(
            province=activity.province,
            programme=programme,
            kind=ActivityKind.RESUPERVISION,
            topic=(_("Re-supervision: %(topic)s") % {"topic": activity.topic})[:300],
            content=recommendation.content,
            planned_start=today + datetime.timedelta(days=30),
            planned_end=today + datetime.timedelta(days=60),
        )
        again.agencies.add(recommendation.lead_agency)
        step.link_kind, step.link_id = "supervision.activity", again.pk
        step.link_url = reverse("supervision:activity_detail", kwargs={"activity_id": again.pk})
    step.save()
    _audit(
        actor,
        "supervision.recommendation.escalate",
        recommendation,
        recommendation.content[:200],
        {"level": level, "link": step.link_kind, "link_id": step.link_id},
    )
    return step
