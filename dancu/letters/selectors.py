"""Scoped reads of letters. Office users see their province's register; an agency responder
sees only the letters forwarded to its body; nobody reads a sealed identity here. Every
scoped read goes through `Access.scope` / `Access.province_filter`."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.errors import NotFound
from dancu.core.models import ImportJob
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Person, UnitLevel
from dancu.directory.selectors import existing_bodies

from . import crypto, duplicates
from .errors import LetterError
from .models import Letter, LetterAttachment, ReceptionDay, ReceptionVisit
from .permissions import (
    LetterPerm,
    agency_bodies,
    can_download_attachments,
    can_extend,
    can_handle,
    can_reveal,
    can_urge,
    is_sealed,
)
from .search import filter_text
from .workflow import FLOW, OPEN_STATUSES, PUBLIC_STATUS, Status

# The two bodies of a province that receive letters (the "sister bodies").
RECEIVING_KINDS = (BodyKind.NA_DELEGATION, BodyKind.STANDING_COMMITTEE)
IMPORT_KIND = "letters"


def letters_visible(user: Any) -> QuerySet[Letter]:
    """The letters of the provinces where the user has `letters.view`, and those forwarded to
    the agencies the user answers for."""
    access = get_access(user)
    qs = Letter.objects.select_related("receiving_body", "forwarded_to", "province")
    in_provinces = access.province_filter(LetterPerm.VIEW)
    if in_provinces is None:  # every province
        return qs
    agencies = agency_bodies(access)
    if agencies:
        in_provinces |= Q(forwarded_to_id__in=sorted(agencies))
    return qs.filter(in_provinces)


def letters_register(
    user: Any,
    *,
    query: str = "",
    kind: str = "",
    status: str = "",
    channel: str = "",
    field: str = "",
    body_id: int | None = None,
    overdue: bool = False,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    due_week: bool = False,
    mine: bool = False,
    province_id: int | None = None,
) -> QuerySet[Letter]:
    """The register with its filters. `due_week`: open letters due from today to the end of
    the week; `mine`: letters registered from the visits the user (a delegate, `User.person`)
    received at a reception day."""
    qs = letters_visible(user)
    if query:
        qs = filter_text(qs, query)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if channel:
        qs = qs.filter(channel=channel)
    if field:
        qs = qs.filter(field=field)
    if body_id:
        qs = qs.filter(Q(receiving_body_id=body_id) | Q(forwarded_to_id=body_id))
    if overdue:
        qs = qs.filter(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate())
    if date_from:
        qs = qs.filter(received_date__gte=date_from)
    if date_to:
        qs = qs.filter(received_date__lte=date_to)
    if due_week:
        today = timezone.localdate()
        qs = qs.filter(status__in=OPEN_STATUSES, due_date__gte=today, due_date__lte=week_end(today))
    if mine:
        person_id = getattr(user, "person_id", None)
        qs = qs.filter(visit__delegates__id=person_id) if person_id else qs.none()
    if province_id:
        qs = qs.filter(province_id=province_id)
    # The register shows neither the content nor the sealed identity: do not fetch them.
    return qs.defer(
        "content", "content_folded", "sealed_identity", "deadlines", "ineligible_reasons"
    ).order_by("-received_date", "-id")


# The columns a register row shows (plus the keys of the cursor): nothing else is fetched.
REGISTER_COLUMNS = (
    "id",
    "number",
    "received_date",
    "kind",
    "subject",
    "status",
    "due_date",
    "sent_to_several",
    "duplicate_of_id",
    "receiving_body__name",
    "forwarded_to__name",
)


def register_rows(qs: QuerySet[Letter]) -> QuerySet[Letter]:
    """The register queryset reduced to the columns of a row (two joins, no per-row query)."""
    return qs.select_related(None).select_related("receiving_body", "forwarded_to").only(*REGISTER_COLUMNS)


def letter_get(user: Any, letter_id: int) -> Letter:
    letter = letters_visible(user).filter(pk=letter_id).first()
    if letter is None:
        raise NotFound(_("Letter not found."), code=LetterError.LETTER_NOT_FOUND)
    return letter


def letter_group(letter: Letter) -> QuerySet[Letter]:
    """The letter and its duplicates (both bodies): they share one root."""
    root = letter.group_root_id
    return Letter.objects.filter(Q(pk=root) | Q(duplicate_of_id=root)).select_related(
        "receiving_body", "forwarded_to"
    )


def group_already_forwarded(letter: Letter) -> Letter | None:
    """The letter of the group that was already forwarded (a content is transferred once)."""
    return letter_group(letter).exclude(forwarded_on=None).first()


def sister_body(body: Body) -> Body | None:
    """The other receiving body of the province (delegation <-> Standing Committee)."""
    if body.kind not in RECEIVING_KINDS:
        return None
    other = BodyKind.STANDING_COMMITTEE if body.kind == BodyKind.NA_DELEGATION else BodyKind.NA_DELEGATION
    return (
        Body.objects.filter(province_id=body.province_id, kind=other, level=body.level).order_by("id").first()
    )


def receiving_bodies(user: Any) -> list[Body]:
    """The receiving bodies (existing today) of the provinces where the user handles letters."""
    qs = Body.objects.filter(existing_bodies(), kind__in=RECEIVING_KINDS).select_related("province")
    return list(get_access(user).scope(qs, LetterPerm.HANDLE).order_by("province__sort_key", "kind"))


def public_receiving_bodies() -> QuerySet[Body]:
    """The bodies a citizen may write to online (every province's, while they exist)."""
    return (
        Body.objects.filter(existing_bodies(), kind__in=RECEIVING_KINDS)
        .select_related("province")
        .order_by("province__sort_key", "kind")
    )


def forward_targets(letter: Letter) -> QuerySet[Body]:
    """The bodies of the letter's province a letter may be forwarded to, or a citizen guided
    to: those that exist today, other than the receiving bodies and the Office itself."""
    return (
        Body.objects.filter(existing_bodies(), province_id=letter.province_id)
        .exclude(kind__in=(*RECEIVING_KINDS, BodyKind.OFFICE))
        .order_by("sort_key")
    )


def link_candidates(user: Any, letter: Letter) -> QuerySet[Letter]:
    """The letters `letter` may be linked to as a duplicate (same province, visible)."""
    return letters_visible(user).filter(province_id=letter.province_id).exclude(pk=letter.pk)


def duplicate_proposals(user: Any, letter: Letter, limit: int = 20) -> list[dict[str, Any]]:
    """Letters of both bodies of the province that look like duplicates of `letter`.

    A hint that involves a sealed identity the user may not reveal (this letter's or the
    candidate's) says only "possible duplicate of a sealed letter" (`sealed`), never why: a
    "same person" against a sealed letter would confirm who its writer is. Such hints come
    after the others, newest first, so that their order tells nothing either; the caller
    audits that they were shown (`services.duplicate_hints_sealed_record`)."""
    access = get_access(user)
    # Items split from one letter are not duplicates of it (nor of each other).
    scope = (
        letters_visible(user)
        .filter(province_id=letter.province_id)
        .exclude(parent_id=letter.parent_id or letter.pk)
    )
    if letter.parent_id:
        scope = scope.exclude(pk=letter.parent_id)
    found = duplicates.propose(scope, duplicates.signals_of(letter), exclude_id=letter.pk, limit=limit)
    return _classify_hints(access, found, hidden_here=is_sealed(letter) and not can_reveal(access, letter))


def _classify_hints(access: Any, found: list[dict[str, Any]], *, hidden_here: bool) -> list[dict[str, Any]]:
    """Plain hints first (with their reasons), then the sealed ones (no reason), newest first."""
    plain, sealed = [], []
    for proposal in found:
        other = proposal["letter"]
        if hidden_here or (is_sealed(other) and not can_reveal(access, other)):
            sealed.append({"letter": other, "sealed": True, "person": False, "content": False, "reasons": []})
        else:
            plain.append(
                {**proposal, "sealed": False, "why": duplicates.reason_words(proposal.get("reasons", []))}
            )
    sealed.sort(key=lambda p: (p["letter"].received_date, p["letter"].pk), reverse=True)
    return plain + sealed


def intake_duplicate_hints(
    user: Any,
    *,
    receiving_body: Body,
    subject: str = "",
    content: str = "",
    target: str = "",
    name: str = "",
    address: str = "",
    id_number: str = "",
    phone: str = "",
    limit: int = 10,
) -> list[dict[str, Any]]:
    """While a letter is being typed in (before it is registered): the letters of both bodies
    of the province it may duplicate, by the same rules as a registered letter's page. A
    match with a sealed letter the user may not reveal says only that (never why)."""
    access = get_access(user)
    if not access.has(LetterPerm.HANDLE, receiving_body.province_id):
        return []
    if not any((name, id_number, phone, address, subject, content, target)):
        return []
    probe = duplicates.typed_probe(
        name=name,
        id_number=id_number,
        phone=phone,
        address=address,
        subject=subject,
        content=content,
        target=target,
        province_hint=receiving_body.province.name,
    )
    scope = letters_visible(user).filter(province_id=receiving_body.province_id)
    found = duplicates.propose(scope, probe, limit=limit)
    return _classify_hints(access, found, hidden_here=False)


def attachment_list(user: Any, letter: Letter) -> dict[str, Any]:
    """The files of a letter as its page lists them for this user: names (a sealed file's
    name unsealed) and sizes for whoever may download them (`can_download_attachments`);
    for the others only how many there are, no name."""
    qs = LetterAttachment.objects.filter(letter_id=letter.pk).defer("data").order_by("pk")
    if not can_download_attachments(get_access(user), letter):
        return {"files": [], "count": qs.count()}
    files = []
    for a in qs:
        name = a.filename
        if a.is_sealed and a.sealed_name:
            name = crypto.unseal(a.sealed_name, sealed_with=a.seal_key).get("name") or a.filename
        files.append({"pk": a.pk, "name": name, "size": a.size, "content_type": a.content_type})
    return {"files": files, "count": len(files)}


def destruction_candidates(user: Any) -> QuerySet[Letter]:
    """Filed letters whose retention has ended, where the user approves destruction."""
    qs = Letter.objects.filter(status=Status.FILED, keep_until__lte=timezone.localdate())
    return (
        get_access(user)
        .scope(qs, LetterPerm.APPROVE_DESTRUCTION)
        .only("id", "number", "subject", "keep_until", "province_id", "status")
        .order_by("keep_until", "id")
    )


def _period(
    qs: QuerySet, field: str, date_from: datetime.date | None, date_to: datetime.date | None
) -> QuerySet:
    if date_from:
        qs = qs.filter(**{f"{field}__gte": date_from})
    if date_to:
        qs = qs.filter(**{f"{field}__lte": date_to})
    return qs


def statistics(
    user: Any,
    *,
    year: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    province_id: int | None = None,
) -> dict[str, Any]:
    """The figures of a period. Each matter counts once: a letter linked as a duplicate of
    another (`duplicate_of`, either body) is counted apart as a duplicate ("trùng"), not as a
    matter; the breakdowns count matters. With the reception figures (days held, visits,
    citizens received, by kind)."""
    if year:
        date_from, date_to = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    qs = _period(letters_visible(user).select_related(None), "received_date", date_from, date_to)
    if province_id:
        qs = qs.filter(province_id=province_id)
    today = timezone.localdate()
    late = Q(status__in=OPEN_STATUSES, due_date__lt=today)
    totals = qs.aggregate(
        received=Count("id"),
        duplicates=Count("id", filter=Q(duplicate_of__isnull=False)),
        overdue=Count("id", filter=late & Q(duplicate_of__isnull=True)),
    )
    matters = qs.filter(duplicate_of__isnull=True)

    def by(field: str) -> list[tuple[Any, int]]:
        return list(matters.values_list(field).annotate(n=Count("id")).order_by(field))

    reception = reception_figures(user, date_from=date_from, date_to=date_to, province_id=province_id)
    return {
        "received": totals["received"],
        "duplicates": totals["duplicates"],
        "total": totals["received"] - totals["duplicates"],  # matters
        "overdue": totals["overdue"],
        "kind": by("kind"),
        "field": by("field"),
        "channel": by("channel"),
        "status": by("status"),
        "agency": list(
            matters.exclude(forwarded_to=None)
            .values_list("forwarded_to__name")
            .annotate(n=Count("id"))
            .order_by("-n")[:20]
        ),
        "month": [
            (m.strftime("%m/%Y") if m else "", n)
            for m, n in matters.annotate(m=TruncMonth("received_date"))
            .values_list("m")
            .annotate(n=Count("id"))
            .order_by("m")
        ],
        "reception": reception,
    }


def reception_figures(
    user: Any,
    *,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    province_id: int | None = None,
) -> dict[str, Any]:
    """Reception days held in the period (scheduled, on or before today), the visits recorded
    and the citizens received, by kind (two queries)."""
    today = timezone.localdate()
    end = min(date_to, today) if date_to else today
    days = _period(reception_days_visible(user).select_related(None), "date", date_from, end)
    visits = _period(
        get_access(user).scope(ReceptionVisit.objects.all(), LetterPerm.VIEW),
        "reception_day__date",
        date_from,
        end,
    )
    if province_id:
        days = days.filter(province_id=province_id)
        visits = visits.filter(province_id=province_id)
    by_kind = list(
        visits.values_list("kind").annotate(n=Count("id"), people=Sum("citizen_count")).order_by("kind")
    )
    return {
        "days": days.count(),
        "visits": sum(n for _k, n, _p in by_kind),
        "citizens": sum(p or 0 for _k, _n, p in by_kind),
        "by_kind": [(k, n, p or 0) for k, n, p in by_kind],
    }


def reception_days_visible(user: Any) -> QuerySet[ReceptionDay]:
    qs = ReceptionDay.objects.select_related("body", "province")
    return get_access(user).scope(qs, LetterPerm.VIEW)


def reception_days_listed(user: Any) -> QuerySet[ReceptionDay]:
    """The reception days page: newest first, with the number of letters of each day."""
    return reception_days_visible(user).annotate(letter_count=Count("letters")).order_by("-date", "-id")


def reception_day_get(user: Any, day_id: int) -> ReceptionDay:
    day = reception_days_visible(user).filter(pk=day_id).first()
    if day is None:
        raise NotFound(_("Reception day not found."), code=LetterError.RECEPTION_DAY_NOT_FOUND)
    return day


def visits_of_day(day: ReceptionDay) -> QuerySet[ReceptionVisit]:
    """Visits of a day without the sealed column (the page shows the redacted names)."""
    return (
        day.visits.defer("sealed_citizens")
        .select_related("letter")
        .prefetch_related("delegates")
        .order_by("id")
    )


def delegates_for(user: Any, day: ReceptionDay) -> QuerySet[Person]:
    """The people who may be named as receiving at a visit (the Office of the province only)."""
    if not get_access(user).has(LetterPerm.HANDLE, day.province_id):
        return Person.objects.none()
    return (
        Person.objects.filter(province_id=day.province_id)
        .only("id", "full_name", "sort_key")
        .order_by("sort_key")
    )


def visit_get(user: Any, visit_id: int) -> ReceptionVisit:
    qs = ReceptionVisit.objects.filter(pk=visit_id)
    visit = get_access(user).scope(qs, LetterPerm.VIEW).first()
    if visit is None:
        raise NotFound(_("Visit not found."), code=LetterError.VISIT_NOT_FOUND)
    return visit


def import_provinces(user: Any) -> list[AdministrativeUnit]:
    """Current provinces where the user may import a letter register, by name."""
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    return list(get_access(user).scope(qs, LetterPerm.IMPORT, "pk").order_by("sort_key"))


def import_job_get(user: Any, job_id: int) -> ImportJob:
    """A letter import job, for a user who may import in its province (else not found: do not
    reveal that another province's job exists)."""
    job = ImportJob.objects.filter(pk=job_id, kind=IMPORT_KIND).first()
    province_id = (job.params or {}).get("province_id") if job else None
    if job is None or province_id is None or not get_access(user).has(LetterPerm.IMPORT, province_id):
        raise NotFound(
            _("This import does not exist or you may not see it."), code=LetterError.IMPORT_NOT_FOUND
        )
    return job


def letter_public_status(*, receipt_code: str, second_factor: str) -> str:
    """The status a citizen sees for a receipt code and the last digits of the phone; the same
    refusal whether the code or the digits are wrong (and a constant-time comparison)."""
    code = receipt_code.strip().upper()
    letter = Letter.objects.filter(receipt_code=code).only("status", "lookup_hash").first()
    stored = letter.lookup_hash if letter is not None else ""
    if letter is None or not crypto.lookup_matches(stored, code, second_factor):
        raise NotFound(
            _("No letter matches this receipt code and these digits."),
            code=LetterError.RECEIPT_NOT_FOUND,
        )
    return str(PUBLIC_STATUS.get(letter.status, ""))


def letter_page_actions(user: Any, letter: Letter) -> dict[str, Any]:
    """What the letter's page offers this user now: the workflow actions available (names)
    and the other steps the object rules allow."""
    access = get_access(user)
    available = {a.name for a in FLOW.available(access, letter)}
    return {
        "actions": available,
        "can_handle": can_handle(access, letter),
        "can_result": bool(available & {"resolve", "answer"}),
        "can_reveal": can_reveal(access, letter) and not letter.is_anonymous,
        "can_urge": can_urge(access, letter),
        "can_extend": can_extend(access, letter),
    }


def public_reception_days(limit: int = 60) -> QuerySet[ReceptionDay]:
    """The reception schedule a citizen may read (the law has it posted): the coming days of
    bodies that exist, with their place; nothing of the visits."""
    today = timezone.localdate()
    return (
        ReceptionDay.objects.filter(existing_bodies(today, prefix="body__"), date__gte=today)
        .select_related("body", "province")
        .only("id", "date", "place", "receiving_delegates", "body__name", "province__name")
        .order_by("date", "province__name", "id")[:limit]
    )


# Audit entries of reads that the letter's history does not list (they are in the audit log).
HISTORY_HIDDEN = ("letters.duplicate_check_sealed",)


def letter_history(letter: Letter, limit: int = 200) -> list[Any]:
    """The audit entries of a letter and of its files, oldest first (two queries)."""
    from dancu.core.models import AuditEntry

    files = [
        str(pk) for pk in LetterAttachment.objects.filter(letter_id=letter.pk).values_list("pk", flat=True)
    ]
    where = Q(target_type="letters.letter", target_id=str(letter.pk))
    if files:
        where |= Q(target_type="letters.letterattachment", target_id__in=files)
    entries = AuditEntry.objects.filter(where).exclude(action__in=HISTORY_HIDDEN).select_related("actor")
    return list(entries.order_by("-at", "-id")[:limit])[::-1]


def letter_deletion_blocker(letter: Letter) -> str:
    """Why `letter` may not be deleted ("" when it may). Only a letter registered by mistake
    may go, before anything was done with it; anything else is corrected, or put on file."""
    from .workflow import Status

    if letter.status != Status.RECEIVED or any(
        (letter.accepted_on, letter.forwarded_on, letter.guided_on, letter.filed_on, letter.result_on)
    ):
        return _(
            "A step was already taken on this letter (it is “%(status)s”): it stays in the register. "
            "Correct it instead."
        ) % {"status": letter.get_status_display()}
    if letter.urge_count or letter.extensions:
        return _("A step was already taken on this letter: it stays in the register. Correct it instead.")
    if letter.submission_token or letter.channel == "online":
        return _(
            "A citizen sent this letter through the online form and holds its receipt code: it cannot "
            "be deleted. Put it on file if it needs no handling."
        )
    if Letter.objects.filter(parent_id=letter.pk).exists():
        return _("This letter was split into items: it cannot be deleted.")
    if Letter.objects.filter(duplicate_of_id=letter.pk).exists():
        return _("Other letters are linked to this one as duplicates: it cannot be deleted.")
    return ""


def reception_day_deletion_blocker(day: ReceptionDay) -> str:
    visits = day.visits.count()
    letters = day.letters.count()
    if visits or letters:
        return _(
            "Visits (%(visits)s) or letters (%(letters)s) were recorded at this reception day: "
            "it cannot be deleted. Correct it instead."
        ) % {"visits": visits, "letters": letters}
    return ""


def visit_deletion_blocker(visit: ReceptionVisit) -> str:
    if visit.letter_id:
        return _("A letter was registered from this visit: it cannot be deleted. Correct it instead.")
    return ""


def due_counts(user: Any, *, today: datetime.date | None = None) -> dict[str, int]:
    """Open letters overdue, due by the end of this week, and received in the last 7 days but
    not yet handled, where the user handles letters (one query): the same letters the
    register's filters list (a duplicate's own deadlines run too)."""
    today = today or timezone.localdate()
    last = week_end(today)
    qs = get_access(user).scope(Letter.objects.all(), LetterPerm.HANDLE)
    open_ = Q(status__in=OPEN_STATUSES)
    return qs.aggregate(
        overdue=Count("id", filter=open_ & Q(due_date__lt=today)),
        due_week=Count("id", filter=open_ & Q(due_date__gte=today, due_date__lte=last)),
        new=Count(
            "id",
            filter=Q(status=Status.RECEIVED, received_date__gte=today - datetime.timedelta(days=7)),
        ),
    )


def week_end(today: datetime.date | None = None) -> datetime.date:
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=6 - today.weekday())


def report_provinces(user: Any) -> list[AdministrativeUnit]:
    """Today's provinces whose letters the user sees (the Office's statistics and report)."""
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    return list(
        get_access(user).scope(qs, LetterPerm.VIEW, "pk").only("id", "name", "sort_key").order_by("sort_key")
    )


def report_province(user: Any, province_id: int | None) -> AdministrativeUnit | None:
    """The province a report is issued for: the one chosen, or the user's only one."""
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    qs = get_access(user).scope(qs, LetterPerm.VIEW, "pk")
    if province_id is not None:
        return qs.filter(pk=province_id).first()
    found = list(qs[:2])
    return found[0] if len(found) == 1 else None


def receiving_body_names(province_id: int) -> list[str]:
    """The delegation and the Standing Committee of a province (a report goes to both)."""
    return list(
        Body.objects.filter(existing_bodies(), province_id=province_id, kind__in=RECEIVING_KINDS)
        .order_by("kind", "sort_key")
        .values_list("name", flat=True)
    )
