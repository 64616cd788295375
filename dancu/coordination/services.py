"""Writes of the coordination module: each checks, writes and audits in one transaction, and
refuses with a typed error (dancu.core.errors) carrying a code of `errors.py`.

`roles_for` is the capability other modules call without importing this one (manifest
`provides`): who leads and who coordinates an area on a date under the regulation in force."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core import files
from dancu.core.audit import audit_record, diff, model_snapshot
from dancu.core.errors import Conflict, ValidationFailed
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, BodyLevel, Person

from . import selectors
from .errors import CoordinationError as E
from .models import (
    Area,
    LowerReport,
    Meeting,
    MeetingStatus,
    Opinion,
    Regulation,
    RegulationArea,
    Review,
    ReviewKind,
    Task,
    TaskStatus,
)
from .permissions import access_of, can_manage, can_report_for, require
from .workflow import MEETING_FLOW, TASK_FLOW

CLOSED = (MeetingStatus.CONCLUDED, MeetingStatus.CANCELLED)


def _code(province: AdministrativeUnit | None) -> str:
    return province.code if province is not None else ""


def _required(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(_("This field is required."), code=E.REQUIRED, details={"field": field})
    return value


def _same_province(bodies: Iterable[Body], province_id: int, field: str) -> list[Body]:
    bodies = list(bodies)
    if any(b.province_id != province_id for b in bodies):
        raise ValidationFailed(
            _("Choose bodies of the same province."), code=E.INVALID_BODY, details={"field": field}
        )
    return bodies


# -- the capability other modules call ---------------------------------------------------------


def roles_for(province_id: int, area: str, on: datetime.date) -> dict[str, list[int]]:
    """{"lead": [body ids], "coordinate": [body ids]} for `area` under the province's
    regulation in force on `on`; empty lists when there is none. Not scoped: who leads is a
    public fact of the regulation. An unknown area is refused (ValidationFailed)."""
    if area not in Area.values:
        raise ValidationFailed(
            _("Unknown area of coordination: %(area)s.") % {"area": area}, code=E.UNKNOWN_AREA
        )
    regulation = selectors.regulation_in_force(province_id, on)
    row = None if regulation is None else regulation.areas.filter(area=area).first()
    if row is None:
        return {"lead": [], "coordinate": []}
    return {
        "lead": sorted(row.lead.values_list("pk", flat=True)),
        "coordinate": sorted(row.coordinate.values_list("pk", flat=True)),
    }


# -- the regulation ----------------------------------------------------------------------------


def _check_regulation(
    *, province_id: int, number: str, signed_on, valid_from, valid_to, parties, exclude=None
):
    number = _required(number, "number")
    if valid_to is not None and valid_to < valid_from:
        raise ValidationFailed(
            _("The end of validity is before its start."), code=E.INVALID_DATES, details={"field": "valid_to"}
        )
    if signed_on > valid_from:
        raise ValidationFailed(
            _("A regulation takes effect on or after the day it is signed."),
            code=E.INVALID_DATES,
            details={"field": "valid_from"},
        )
    parties = _same_province(parties, province_id, "parties")
    if len(parties) < 2:
        raise ValidationFailed(
            _("A coordination regulation has at least two parties."),
            code=E.INVALID_BODY,
            details={"field": "parties"},
        )
    clash = Regulation.objects.filter(province_id=province_id, number=number)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise Conflict(
            _("A regulation with this number already exists."), code=E.DUPLICATE, details={"field": "number"}
        )
    return number, parties


@transaction.atomic
def regulation_create(
    *,
    actor,
    province: AdministrativeUnit,
    number: str,
    signed_on: datetime.date,
    title: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    parties: Iterable[Body] = (),
) -> Regulation:
    require(can_manage(access_of(actor), province.pk))
    number, parties = _check_regulation(
        province_id=province.pk,
        number=number,
        signed_on=signed_on,
        valid_from=valid_from,
        valid_to=valid_to,
        parties=parties,
    )
    regulation = Regulation.objects.create(
        province=province,
        number=number,
        signed_on=signed_on,
        title=_required(title, "title"),
        valid_from=valid_from,
        valid_to=valid_to,
    )
    regulation.parties.set(parties)
    audit_record(
        actor=actor,
        action="coordination.regulation.create",
        target=regulation,
        province_code=province.code,
        summary=number,
        changes={"parties": [b.pk for b in parties]},
    )
    return regulation


@transaction.atomic
def regulation_update(
    *,
    actor,
    regulation: Regulation,
    number: str,
    signed_on: datetime.date,
    title: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    parties: Iterable[Body] = (),
) -> Regulation:
    require(can_manage(access_of(actor), regulation))
    number, parties = _check_regulation(
        province_id=regulation.province_id,
        number=number,
        signed_on=signed_on,
        valid_from=valid_from,
        valid_to=valid_to,
        parties=parties,
        exclude=regulation,
    )
    before = model_snapshot(regulation)
    before_parties = sorted(regulation.parties.values_list("pk", flat=True))
    regulation.number, regulation.signed_on, regulation.title = number, signed_on, _required(title, "title")
    regulation.valid_from, regulation.valid_to = valid_from, valid_to
    regulation.save()
    regulation.parties.set(parties)
    changes = diff(before, model_snapshot(regulation))
    after_parties = sorted(b.pk for b in parties)
    if after_parties != before_parties:
        changes["parties"] = {"before": before_parties, "after": after_parties}
    audit_record(
        actor=actor,
        action="coordination.regulation.update",
        target=regulation,
        province_code=_code(regulation.province),
        summary=number,
        changes=changes,
    )
    return regulation


@transaction.atomic
def regulation_delete(*, actor, regulation: Regulation) -> None:
    require(can_manage(access_of(actor), regulation))
    if regulation.reviews.exists():
        raise Conflict(
            _("A regulation that has been reviewed is kept; set the end of its validity instead."),
            code=E.NOT_DELETABLE,
        )
    audit_record(
        actor=actor,
        action="coordination.regulation.delete",
        target=regulation,
        province_code=_code(regulation.province),
        summary=regulation.number,
    )
    regulation.delete()


@transaction.atomic
def area_set(
    *,
    actor,
    regulation: Regulation,
    area: str,
    lead: Iterable[Body],
    coordinate: Iterable[Body] = (),
    content: str = "",
) -> RegulationArea:
    """Who leads and who coordinates one area (created or replaced)."""
    require(can_manage(access_of(actor), regulation))
    if area not in Area.values:
        raise ValidationFailed(
            _("Unknown area of coordination: %(area)s.") % {"area": area},
            code=E.UNKNOWN_AREA,
            details={"field": "area"},
        )
    lead = _same_province(lead, regulation.province_id, "lead")
    coordinate = _same_province(coordinate, regulation.province_id, "coordinate")
    if not lead:
        raise ValidationFailed(_("Choose who leads this area."), code=E.REQUIRED, details={"field": "lead"})
    if {b.pk for b in lead} & {b.pk for b in coordinate}:
        raise ValidationFailed(
            _("A body either leads or coordinates an area, not both."),
            code=E.INVALID_BODY,
            details={"field": "coordinate"},
        )
    row, created = RegulationArea.objects.get_or_create(regulation=regulation, area=area)
    before = {
        "lead": sorted(row.lead.values_list("pk", flat=True)),
        "coordinate": sorted(row.coordinate.values_list("pk", flat=True)),
        "content": row.content,
    }
    row.content = content.strip()
    row.save()
    row.lead.set(lead)
    row.coordinate.set(coordinate)
    after = {
        "lead": sorted(b.pk for b in lead),
        "coordinate": sorted(b.pk for b in coordinate),
        "content": row.content,
    }
    audit_record(
        actor=actor,
        action="coordination.regulation.area",
        target=regulation,
        province_code=_code(regulation.province),
        summary=str(Area(area).label),
        changes={"area": area, **diff(before, after)} if not created else {"area": area, "after": after},
    )
    return row


@transaction.atomic
def area_delete(*, actor, row: RegulationArea) -> None:
    regulation = row.regulation
    require(can_manage(access_of(actor), regulation))
    audit_record(
        actor=actor,
        action="coordination.regulation.area_delete",
        target=regulation,
        province_code=_code(regulation.province),
        summary=row.get_area_display(),
    )
    row.delete()


# -- the yearly review -------------------------------------------------------------------------

NARRATIVE = ("results", "limits", "causes", "next_tasks")


@transaction.atomic
def review_create(
    *,
    actor,
    regulation: Regulation,
    year: int,
    kind: str = ReviewKind.INTERIM,
    held_on: datetime.date | None = None,
) -> Review:
    require(can_manage(access_of(actor), regulation))
    if kind not in ReviewKind.values:
        raise ValidationFailed(_("Unknown kind of review."), code=E.REQUIRED, details={"field": "kind"})
    if year < regulation.valid_from.year or (regulation.valid_to and year > regulation.valid_to.year):
        raise ValidationFailed(
            _("The regulation was not in force in that year."),
            code=E.INVALID_DATES,
            details={"field": "year"},
        )
    if Review.objects.filter(regulation=regulation, year=year, kind=kind).exists():
        raise Conflict(_("This review already exists."), code=E.DUPLICATE, details={"field": "year"})
    review = Review.objects.create(
        regulation=regulation, province_id=regulation.province_id, year=year, kind=kind, held_on=held_on
    )
    audit_record(
        actor=actor,
        action="coordination.review.create",
        target=review,
        province_code=_code(regulation.province),
        summary=f"{regulation.number} {year}",
    )
    return review


@transaction.atomic
def review_update(
    *,
    actor,
    review: Review,
    held_on: datetime.date | None = None,
    results: str = "",
    limits: str = "",
    causes: str = "",
    next_tasks: str = "",
) -> Review:
    require(can_manage(access_of(actor), review))
    before = model_snapshot(review)
    review.held_on = held_on
    review.results, review.limits, review.causes, review.next_tasks = (
        results.strip(),
        limits.strip(),
        causes.strip(),
        next_tasks.strip(),
    )
    review.save()
    audit_record(
        actor=actor,
        action="coordination.review.update",
        target=review,
        province_code=_code(review.province),
        changes=diff(before, model_snapshot(review)),
    )
    return review


@transaction.atomic
def review_delete(*, actor, review: Review) -> None:
    require(can_manage(access_of(actor), review))
    audit_record(
        actor=actor,
        action="coordination.review.delete",
        target=review,
        province_code=_code(review.province),
        summary=str(review),
    )
    review.delete()


# -- giao ban meetings -------------------------------------------------------------------------


def _check_meeting(*, host: Body, participants, starts_at, ends_at) -> list[Body]:
    if host.kind != BodyKind.STANDING_COMMITTEE or host.level != BodyLevel.PROVINCE:
        raise ValidationFailed(
            _("The host is the Standing Committee of the provincial council."),
            code=E.INVALID_BODY,
            details={"field": "host"},
        )
    if ends_at < starts_at:
        raise ValidationFailed(
            _("The meeting ends before it starts."), code=E.INVALID_DATES, details={"field": "ends_at"}
        )
    participants = _same_province(participants, host.province_id, "participants")
    if any(b.pk == host.pk for b in participants):
        raise ValidationFailed(
            _("The host does not take part as a participant."),
            code=E.INVALID_BODY,
            details={"field": "participants"},
        )
    return participants


@transaction.atomic
def meeting_create(
    *,
    actor,
    host: Body,
    title: str,
    period: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    participants: Iterable[Body] = (),
    place: str = "",
    reports_due: datetime.date | None = None,
    agenda: str = "",
) -> Meeting:
    require(can_manage(access_of(actor), host.province_id))
    participants = _check_meeting(host=host, participants=participants, starts_at=starts_at, ends_at=ends_at)
    if reports_due is not None and reports_due > timezone.localtime(starts_at).date():
        raise ValidationFailed(
            _("Reports are due before the meeting."), code=E.INVALID_DATES, details={"field": "reports_due"}
        )
    meeting = Meeting.objects.create(
        province_id=host.province_id,
        host=host,
        title=_required(title, "title"),
        period=_required(period, "period"),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        reports_due=reports_due,
        agenda=agenda.strip(),
    )
    meeting.participants.set(participants)
    audit_record(
        actor=actor,
        action="coordination.meeting.create",
        target=meeting,
        province_code=_code(host.province),
        summary=meeting.title,
        changes={"participants": [b.pk for b in participants]},
    )
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor,
    meeting: Meeting,
    title: str,
    period: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    participants: Iterable[Body] = (),
    place: str = "",
    reports_due: datetime.date | None = None,
    agenda: str = "",
) -> Meeting:
    require(can_manage(access_of(actor), meeting))
    if meeting.status in CLOSED:
        raise Conflict(_("A concluded or cancelled meeting is no longer changed."), code=E.MEETING_CLOSED)
    participants = _check_meeting(
        host=meeting.host, participants=participants, starts_at=starts_at, ends_at=ends_at
    )
    reporting = set(meeting.reports.values_list("body_id", flat=True))
    if reporting - {b.pk for b in participants}:
        raise Conflict(
            _("A council that submitted its report stays among the participants."),
            code=E.NOT_A_PARTICIPANT,
            details={"field": "participants"},
        )
    before = model_snapshot(meeting)
    before_parts = sorted(meeting.participants.values_list("pk", flat=True))
    meeting.title, meeting.period = _required(title, "title"), _required(period, "period")
    meeting.starts_at, meeting.ends_at, meeting.place = starts_at, ends_at, place.strip()
    meeting.reports_due, meeting.agenda = reports_due, agenda.strip()
    meeting.save()
    meeting.participants.set(participants)
    changes = diff(before, model_snapshot(meeting))
    after_parts = sorted(b.pk for b in participants)
    if after_parts != before_parts:
        changes["participants"] = {"before": before_parts, "after": after_parts}
    audit_record(
        actor=actor,
        action="coordination.meeting.update",
        target=meeting,
        province_code=_code(meeting.province),
        summary=meeting.title,
        changes=changes,
    )
    return meeting


@transaction.atomic
def meeting_delete(*, actor, meeting: Meeting) -> None:
    require(can_manage(access_of(actor), meeting))
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED) or meeting.reports.exists():
        raise Conflict(
            _("Only a meeting not yet invited (or cancelled) without reports can be deleted."),
            code=E.NOT_DELETABLE,
        )
    audit_record(
        actor=actor,
        action="coordination.meeting.delete",
        target=meeting,
        province_code=_code(meeting.province),
        summary=meeting.title,
    )
    meeting.delete()


@transaction.atomic
def meeting_transition(*, actor, meeting: Meeting, action: str) -> Meeting:
    MEETING_FLOW.apply(
        actor=actor,
        access=access_of(actor),
        obj=meeting,
        action=action,
        province_code=_code(meeting.province),
        summary=meeting.title,
    )
    return meeting


@transaction.atomic
def conclusions_set(*, actor, meeting: Meeting, conclusions: str) -> Meeting:
    """The conclusions of the chair, written once the meeting is held (the notice is built from them)."""
    require(can_manage(access_of(actor), meeting))
    if meeting.status != MeetingStatus.HELD:
        raise Conflict(
            _("Conclusions are written once the meeting is held, before they are issued."),
            code=E.MEETING_CLOSED,
            details={"field": "conclusions"},
        )
    before = meeting.conclusions
    meeting.conclusions = _required(conclusions, "conclusions")
    meeting.save(update_fields=["conclusions", "updated_at"])
    audit_record(
        actor=actor,
        action="coordination.meeting.conclusions",
        target=meeting,
        province_code=_code(meeting.province),
        changes={"conclusions": {"before": before, "after": meeting.conclusions}},
    )
    return meeting


# -- the lower councils' reports ---------------------------------------------------------------


@transaction.atomic
def report_submit(
    *,
    actor,
    meeting: Meeting,
    body: Body,
    sessions_held: int = 0,
    resolutions: int = 0,
    supervisions: int = 0,
    voter_meetings: int = 0,
    letters_received: int = 0,
    letters_handled: int = 0,
    notes: str = "",
    uploaded: Any = None,
) -> LowerReport:
    """The report of a lower council (created, or replaced while the meeting is open)."""
    access = access_of(actor)
    require(can_report_for(access, meeting.province_id, body.pk))
    if meeting.status in CLOSED:
        raise Conflict(
            _("The meeting is concluded or cancelled: its reports are kept as they are."),
            code=E.MEETING_CLOSED,
        )
    if not meeting.participants.filter(pk=body.pk).exists():
        raise ValidationFailed(
            _("This council does not take part in the meeting."),
            code=E.NOT_A_PARTICIPANT,
            details={"field": "body"},
        )
    figures = {
        "sessions_held": sessions_held,
        "resolutions": resolutions,
        "supervisions": supervisions,
        "voter_meetings": voter_meetings,
        "letters_received": letters_received,
        "letters_handled": letters_handled,
    }
    if any(v is None or v < 0 for v in figures.values()):
        raise ValidationFailed(_("Figures are whole numbers, zero or more."), code=E.REQUIRED)
    if letters_handled > letters_received:
        raise ValidationFailed(
            _("More letters handled than received."),
            code=E.INVALID_DATES,
            details={"field": "letters_handled"},
        )
    kind = files.check_file(uploaded) if uploaded is not None else None
    report = LowerReport.objects.filter(meeting=meeting, body=body).first()
    created = report is None
    if report is None:
        report = LowerReport(meeting=meeting, body=body)
    snap = [*LowerReport.FIGURES, "notes", "file_name"]
    before = {} if created else model_snapshot(report, snap)
    for key, value in figures.items():
        setattr(report, key, value)
    report.notes = notes.strip()
    report.submitted_by = actor if getattr(actor, "pk", None) else None
    if kind is not None:
        name = files.stored_name(getattr(uploaded, "name", "bao-cao"), kind)
        report.file.save(name, uploaded, save=False)
        report.file_name = name
    report.save()
    audit_record(
        actor=actor,
        action="coordination.report.submit" if created else "coordination.report.update",
        target=report,
        province_code=_code(meeting.province),
        summary=body.name,
        changes=diff(before, model_snapshot(report, snap)),
    )
    return report


@transaction.atomic
def report_delete(*, actor, report: LowerReport) -> None:
    meeting = report.meeting
    require(can_report_for(access_of(actor), meeting.province_id, report.body_id))
    if meeting.status in CLOSED:
        raise Conflict(
            _("The meeting is concluded or cancelled: its reports are kept as they are."),
            code=E.MEETING_CLOSED,
        )
    audit_record(
        actor=actor,
        action="coordination.report.delete",
        target=report,
        province_code=_code(meeting.province),
        summary=report.body.name,
    )
    if report.file:
        report.file.delete(save=False)
    report.delete()


# -- opinions ----------------------------------------------------------------------------------


@transaction.atomic
def opinion_add(
    *, actor, meeting: Meeting, content: str, body: Body | None = None, speaker: str = ""
) -> Opinion:
    require(can_manage(access_of(actor), meeting))
    if meeting.status in CLOSED:
        raise Conflict(_("The meeting is concluded or cancelled."), code=E.MEETING_CLOSED)
    if body is not None and body.province_id != meeting.province_id:
        raise ValidationFailed(
            _("Choose bodies of the same province."), code=E.INVALID_BODY, details={"field": "body"}
        )
    opinion = Opinion.objects.create(
        meeting=meeting, body=body, speaker=speaker.strip(), content=_required(content, "content")
    )
    audit_record(
        actor=actor,
        action="coordination.opinion.add",
        target=opinion,
        province_code=_code(meeting.province),
        summary=opinion.content[:200],
    )
    return opinion


@transaction.atomic
def opinion_delete(*, actor, opinion: Opinion) -> None:
    meeting = opinion.meeting
    require(can_manage(access_of(actor), meeting))
    if meeting.status in CLOSED:
        raise Conflict(_("The meeting is concluded or cancelled."), code=E.MEETING_CLOSED)
    audit_record(
        actor=actor,
        action="coordination.opinion.delete",
        target=opinion,
        province_code=_code(meeting.province),
        summary=opinion.content[:200],
    )
    opinion.delete()


# -- tasks -------------------------------------------------------------------------------------


def _check_owner(meeting: Meeting, owner_body: Body | None, owner_person: Person | None) -> None:
    if owner_body is None and owner_person is None:
        raise ValidationFailed(
            _("Give the task an owner: a body or a person."), code=E.NO_OWNER, details={"field": "owner_body"}
        )
    if owner_body is not None and owner_body.province_id != meeting.province_id:
        raise ValidationFailed(
            _("Choose bodies of the same province."), code=E.INVALID_BODY, details={"field": "owner_body"}
        )
    if owner_person is not None and owner_person.province_id != meeting.province_id:
        raise ValidationFailed(
            _("Choose a person of the same province."), code=E.INVALID_BODY, details={"field": "owner_person"}
        )


def _recipients(task: Task) -> list[Any]:
    from django.db.models import Q

    from dancu.accounts.models import User

    users = User.objects.filter(is_active=True)
    condition = None
    if task.owner_body_id:
        condition = Q(roles__body_id=task.owner_body_id)
    if task.owner_person_id:
        person = Q(person_id=task.owner_person_id)
        condition = person if condition is None else condition | person
    return list(users.filter(condition).distinct()) if condition is not None else []


def _notify_assigned(task: Task) -> int:
    """Tell the owner's users that a task was assigned (dancu.notifications, a layer below)."""
    try:
        from dancu.notifications import services as notifications
    except ImportError:  # pragma: no cover - the shared layer is part of the project
        return 0
    from django.urls import reverse

    meeting = task.meeting
    try:
        return notifications.notify(
            event=notifications.EVENT_TASK_ASSIGNED,
            recipients=_recipients(task),
            title=_("New task from the giao ban meeting: %(task)s") % {"task": task.content[:120]},
            body=_("%(meeting)s. Due %(due)s.")
            % {"meeting": meeting.title, "due": task.due_date.strftime("%d/%m/%Y")},
            url=reverse("coordination:task_detail", args=[task.pk]),
            dedupe_key=f"coordination.task_assigned:{task.pk}:{task.owner_body_id}:{task.owner_person_id}",
            province_id=task.province_id,
        )
    except NotImplementedError:  # the notifications layer is still being built
        return 0


@transaction.atomic
def task_create(
    *,
    actor,
    meeting: Meeting,
    content: str,
    due_date: datetime.date,
    owner_body: Body | None = None,
    owner_person: Person | None = None,
) -> Task:
    require(can_manage(access_of(actor), meeting))
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.CONCLUDED):
        raise Conflict(
            _("Tasks come from the conclusions of a meeting that was held."), code=E.MEETING_CLOSED
        )
    _check_owner(meeting, owner_body, owner_person)
    if due_date < timezone.localtime(meeting.starts_at).date():
        raise ValidationFailed(
            _("The due date is before the meeting."), code=E.INVALID_DATES, details={"field": "due_date"}
        )
    task = Task.objects.create(
        meeting=meeting,
        province_id=meeting.province_id,
        content=_required(content, "content"),
        due_date=due_date,
        owner_body=owner_body,
        owner_person=owner_person,
    )
    audit_record(
        actor=actor,
        action="coordination.task.create",
        target=task,
        province_code=_code(meeting.province),
        summary=task.content[:200],
        changes={
            "owner_body": task.owner_body_id,
            "owner_person": task.owner_person_id,
            "due_date": due_date,
        },
    )
    _notify_assigned(task)
    return task


@transaction.atomic
def task_update(
    *,
    actor,
    task: Task,
    content: str,
    due_date: datetime.date,
    owner_body: Body | None = None,
    owner_person: Person | None = None,
) -> Task:
    require(can_manage(access_of(actor), task))
    if task.status in (TaskStatus.DONE, TaskStatus.CANCELLED):
        raise Conflict(_("Reopen the task to change it."), code=E.MEETING_CLOSED)
    _check_owner(task.meeting, owner_body, owner_person)
    before = model_snapshot(task)
    owner_changed = (task.owner_body_id, task.owner_person_id) != (
        owner_body.pk if owner_body else None,
        owner_person.pk if owner_person else None,
    )
    task.content, task.due_date = _required(content, "content"), due_date
    task.owner_body, task.owner_person = owner_body, owner_person
    task.save()
    audit_record(
        actor=actor,
        action="coordination.task.update",
        target=task,
        province_code=_code(task.meeting.province),
        summary=task.content[:200],
        changes=diff(before, model_snapshot(task)),
    )
    if owner_changed:
        _notify_assigned(task)
    return task


@transaction.atomic
def task_delete(*, actor, task: Task) -> None:
    require(can_manage(access_of(actor), task))
    if task.status == TaskStatus.DONE:
        raise Conflict(_("A task that was done is kept; it is part of the record."), code=E.NOT_DELETABLE)
    audit_record(
        actor=actor,
        action="coordination.task.delete",
        target=task,
        province_code=_code(task.meeting.province),
        summary=task.content[:200],
    )
    try:
        task.delete()
    except ProtectedError as exc:  # pragma: no cover - nothing protects a task
        raise Conflict(str(exc), code=E.NOT_DELETABLE) from exc


@transaction.atomic
def task_transition(*, actor, task: Task, action: str, result: str = "") -> Task:
    also: list[str] = []
    if action == "complete":
        task.result = result.strip() or task.result
        task.done_on = timezone.localdate()
        also = ["result", "done_on"]
    elif action == "reopen":
        task.done_on = None
        also = ["done_on"]
    TASK_FLOW.apply(
        actor=actor,
        access=access_of(actor),
        obj=task,
        action=action,
        province_code=_code(task.meeting.province),
        summary=task.content[:200],
        also_save=also,
        changes={"result": task.result} if result else None,
    )
    return task
