"""Scoped reads of letters. Office users see their province's register; an agency responder
sees only the letters forwarded to its body; nobody reads a sealed identity here."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.access import get_access
from dancu.core.errors import NotFound

from . import duplicates
from .models import Letter, ReceptionDay, ReceptionVisit
from .permissions import LetterPerm
from .search import filter_text
from .workflow import OPEN_STATUSES


def _province_filter(provinces: Any) -> Q:
    if isinstance(provinces, set):
        return Q(province_id__in=provinces)
    return Q()


def letters_visible(user: Any) -> QuerySet[Letter]:
    access = get_access(user)
    q = Q(pk__in=[])
    provinces = access.provinces_with(LetterPerm.VIEW)
    if provinces:
        q |= _province_filter(provinces)
    agency_bodies = access.bodies_with_role(Role.AGENCY_RESPONDER)
    if agency_bodies and access.has(LetterPerm.RESPOND):
        q |= Q(forwarded_to_id__in=agency_bodies)
    return Letter.objects.filter(q).select_related("receiving_body", "forwarded_to", "province")


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
) -> QuerySet[Letter]:
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
        raise NotFound(_("Letter not found."))
    return letter


def is_agency_view(user: Any, letter: Letter) -> bool:
    """True when the user sees the letter only as the agency it was forwarded to."""
    return not get_access(user).has(LetterPerm.VIEW, letter.province_id)


def letter_group(letter: Letter) -> QuerySet[Letter]:
    root = letter.group_root_id
    return Letter.objects.filter(Q(pk=root) | Q(duplicate_of_id=root)).select_related(
        "receiving_body", "forwarded_to"
    )


def duplicate_proposals(user: Any, letter: Letter, limit: int = 20) -> list[dict[str, Any]]:
    """Letters of both bodies of the province that look like duplicates of `letter`."""
    sig = duplicates.Signals(
        letter.name_hash,
        letter.id_hash,
        letter.phone_hash,
        letter.address_hash,
        letter.target_key,
        letter.content_folded,
    )
    # Items split from one letter are not duplicates of it (nor of each other).
    scope = (
        letters_visible(user)
        .filter(province_id=letter.province_id)
        .exclude(parent_id=letter.parent_id or letter.pk)
    )
    if letter.parent_id:
        scope = scope.exclude(pk=letter.parent_id)
    return duplicates.propose(scope, sig, exclude_id=letter.pk, limit=limit)


def statistics(user: Any, *, year: int | None = None) -> dict[str, Any]:
    qs = letters_visible(user)
    if year:
        qs = qs.filter(received_date__year=year)
    today = timezone.localdate()

    def by(field: str) -> list[tuple[Any, int]]:
        return list(qs.values_list(field).annotate(n=Count("id")).order_by(field))

    return {
        "total": qs.count(),
        "kind": by("kind"),
        "field": by("field"),
        "channel": by("channel"),
        "status": by("status"),
        "agency": list(
            qs.exclude(forwarded_to=None)
            .values_list("forwarded_to__name")
            .annotate(n=Count("id"))
            .order_by("-n")[:20]
        ),
        "overdue": qs.filter(status__in=OPEN_STATUSES, due_date__lt=today).count(),
        "month": [
            (m.strftime("%m/%Y") if m else "", n)
            for m, n in qs.annotate(m=TruncMonth("received_date"))
            .values_list("m")
            .annotate(n=Count("id"))
            .order_by("m")
        ],
    }


def reception_days_visible(user: Any) -> QuerySet[ReceptionDay]:
    provinces = get_access(user).provinces_with(LetterPerm.VIEW)
    if not provinces:
        return ReceptionDay.objects.none()
    return ReceptionDay.objects.filter(_province_filter(provinces)).select_related("body")


def reception_day_get(user: Any, day_id: int) -> ReceptionDay:
    day = reception_days_visible(user).filter(pk=day_id).first()
    if day is None:
        raise NotFound(_("Reception day not found."))
    return day


def visits_of_day(day: ReceptionDay) -> QuerySet[ReceptionVisit]:
    """Visits of a day without the sealed column (the page shows the redacted names)."""
    return (
        day.visits.defer("sealed_citizens")
        .select_related("letter")
        .prefetch_related("delegates")
        .order_by("id")
    )


def visit_get(user: Any, visit_id: int) -> ReceptionVisit:
    provinces = get_access(user).provinces_with(LetterPerm.VIEW)
    visit = (
        ReceptionVisit.objects.filter(_province_filter(provinces), pk=visit_id).first() if provinces else None
    )
    if visit is None:
        raise NotFound(_("Visit not found."))
    return visit
