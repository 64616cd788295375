"""Reads of the petitions module, scoped to the user (`Access.scope`, the one scoped read).

Office roles see their provinces' rounds, meetings, opinions and petitions. An agency responder
sees only the batches forwarded to its own bodies and the petitions in them, never opinions or
voters. Public reads (published rounds, look-up by code) never touch voter data.
"""

from __future__ import annotations

import builtins
import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection
from django.db.models import BigIntegerField, Count, F, FloatField, Func, Max, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.access import Access, get_access
from dancu.core.errors import NotFound, PermissionDenied
from dancu.core.models import ImportJob
from dancu.core.search import search_queryset
from dancu.core.text import search_tokens
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Membership, Person, UnitLevel
from dancu.directory.selectors import existing_bodies

from . import permissions, workflow
from .errors import PetitionError
from .importing import IMPORT_KIND
from .models import (
    Answer,
    AnswerStatus,
    ForwardingBatch,
    MergedPetition,
    Petition,
    Round,
    VoterMeeting,
    VoterOpinion,
)
from .permissions import ANSWER, CHANGE, VIEW, require

# Bodies a petition may be forwarded to / classified under.
AGENCY_KINDS = (BodyKind.AGENCY, BodyKind.PEOPLES_COMMITTEE)
# Bodies that organise voter meetings.
ORGANISER_KINDS = (
    BodyKind.FATHERLAND_FRONT,
    BodyKind.NA_DELEGATION,
    BodyKind.STANDING_COMMITTEE,
    BodyKind.DELEGATE_GROUP,
)


def _one(queryset: QuerySet, pk: int, message: str, code: PetitionError) -> Any:
    """The row of `queryset` with this key, or NotFound (it does not exist or is not visible)."""
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise NotFound(message, code=code)
    return obj


def provinces_for(user, perm: str) -> list[AdministrativeUnit]:
    """Today's provinces where the user has `perm`."""
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    return list(get_access(user).scope(qs, perm, field="pk").order_by("sort_key"))


# -- Rounds and meetings ---------------------------------------------------------------------


def rounds_visible(user, *, query: str = "") -> QuerySet[Round]:
    qs = get_access(user).scope(Round.objects.select_related("province"), VIEW)
    qs = qs.annotate(
        meeting_count=Count("meetings", distinct=True), petition_count=Count("petitions", distinct=True)
    ).order_by("-start_date", "-id")
    return qs.filter(name__icontains=query) if query else qs


def round_get(user, round_id: int) -> Round:
    return _one(
        get_access(user).scope(Round.objects.select_related("province"), VIEW),
        round_id,
        _("This round does not exist or you may not see it."),
        PetitionError.ROUND_NOT_FOUND,
    )


def meetings_of_round(user, round: Round) -> QuerySet[VoterMeeting]:
    return (
        get_access(user)
        .scope(VoterMeeting.objects.filter(round=round), VIEW)
        .select_related("place")
        .prefetch_related("delegates", "organisers")
        .annotate(opinion_count=Count("opinions"))
        .order_by("date", "place__name", "id")
    )


def meeting_get(user, meeting_id: int) -> VoterMeeting:
    return _one(
        get_access(user).scope(VoterMeeting.objects.select_related("round", "place", "province"), VIEW),
        meeting_id,
        _("This meeting does not exist or you may not see it."),
        PetitionError.MEETING_NOT_FOUND,
    )


def communes_of(province_id: int) -> QuerySet[AdministrativeUnit]:
    """Today's communes of the province first (parent or, for pre-2025 units, grandparent)."""
    return AdministrativeUnit.objects.filter(
        Q(parent_id=province_id) | Q(parent__parent_id=province_id), level=UnitLevel.COMMUNE
    ).order_by(F("valid_to").desc(nulls_first=True), "sort_key")


# The elected bodies whose delegates meet voters: the province's NA delegation and councils.
DELEGATE_BODY_KINDS = (BodyKind.NA_DELEGATION, BodyKind.PEOPLES_COUNCIL)


def delegates_of(province_id: int, *, on: datetime.date | None = None) -> QuerySet[Person]:
    """The delegates in office on `on` (today): people holding a membership, not ended, of the
    term in force of the province's NA delegation or one of its People's Councils."""
    on = on or timezone.localdate()
    in_office = Membership.objects.filter(
        body__province_id=province_id,
        body__kind__in=DELEGATE_BODY_KINDS,
        end_date__isnull=True,
        term__start_date__lte=on,
    ).filter(Q(term__end_date__isnull=True) | Q(term__end_date__gte=on))
    return Person.objects.filter(pk__in=in_office.values("person_id")).order_by("full_name", "id")


# Only bodies that exist today are offered for new work (a district council ended with its
# district on 1 July 2025).
def organisers_of(province_id: int) -> QuerySet[Body]:
    return Body.objects.filter(existing_bodies(), province_id=province_id, kind__in=ORGANISER_KINDS)


def agencies_of(province_id: int) -> QuerySet[Body]:
    return Body.objects.filter(existing_bodies(), province_id=province_id, kind__in=AGENCY_KINDS).order_by(
        "sort_key"
    )


def committees_of(province_id: int) -> QuerySet[Body]:
    return Body.objects.filter(existing_bodies(), province_id=province_id, kind=BodyKind.COMMITTEE).order_by(
        "sort_key"
    )


def planning(user, round: Round) -> dict[str, Any]:
    """Meetings of a round by commune and by delegate, with clashes (one delegate, two places,
    the same day)."""
    meetings = list(meetings_of_round(user, round))
    by_commune: dict[str, list[VoterMeeting]] = defaultdict(list)
    by_delegate: dict[int, dict[str, Any]] = {}
    for m in meetings:
        by_commune[m.place.name].append(m)
        for d in m.delegates.all():
            entry = by_delegate.setdefault(d.pk, {"person": d, "meetings": []})
            entry["meetings"].append(m)
    clashes = []
    for entry in by_delegate.values():
        days: dict[datetime.date, list[VoterMeeting]] = defaultdict(list)
        for m in entry["meetings"]:
            days[m.date].append(m)
        entry["clash_days"] = {d for d, ms in days.items() if len({x.place_id for x in ms}) > 1}
        for day in sorted(entry["clash_days"]):
            clashes.append({"person": entry["person"], "date": day, "meetings": days[day]})
    return {
        "meetings": meetings,
        "by_commune": sorted(by_commune.items()),
        "by_delegate": sorted(by_delegate.values(), key=lambda e: e["person"].sort_key),
        "clashes": clashes,
        "clash_meeting_ids": {m.pk for c in clashes for m in c["meetings"]},
    }


def opinions_of_meeting(user, meeting: VoterMeeting) -> QuerySet[VoterOpinion]:
    return (
        get_access(user)
        .scope(VoterOpinion.objects.filter(meeting=meeting), VIEW)
        .select_related("petition")
        .order_by("number")
    )


def import_job_get(user, job_id: int) -> tuple[ImportJob, VoterMeeting]:
    """An opinion import and its meeting, for those who may record opinions there."""
    job = _one(
        ImportJob.objects.filter(kind=IMPORT_KIND),
        job_id,
        _("This import does not exist or you may not see it."),
        PetitionError.IMPORT_NOT_FOUND,
    )
    meeting = meeting_get(user, int(job.params.get("meeting_id") or 0))
    require(get_access(user), CHANGE, meeting.province_id)
    return job, meeting


# -- Petitions ---------------------------------------------------------------------------------


def _province_scope(access: Access, perm: str) -> Q | None:
    """`Access.province_filter` with each province id typed as bigint, so that PostgreSQL's
    (province, trigram) GIN index can serve the province with the text search (an untyped
    integer literal is int4, which btree_gin's int8 operator class does not index)."""
    if access.province_filter(perm) is None:
        return None
    match = Q(pk__in=[])
    # Not a national administrator here: the provinces are the ones the roles give.
    for p in sorted(access.provinces_by_perm.get(perm, set())):
        match |= Q(Exact(F("province_id"), Cast(Value(p), BigIntegerField())))
    return match


def petitions_visible(
    user,
    *,
    query: str = "",
    round_id: int | None = None,
    meeting_id: int | None = None,
    agency_id: int | None = None,
    field: str = "",
    level: str = "",
    status: str = "",
    repeated: bool = False,
    mine: str = "",
) -> QuerySet[Petition]:
    """The petitions the user may see, filtered; `mine` (a delegate: the account's person)
    keeps those raised at the meetings they attended ("meetings") or at meetings held in their
    constituency ("constituency")."""
    qs = Petition.objects.select_related("round", "agency", "committee")
    condition = _province_scope(get_access(user), VIEW)
    if condition is not None:
        qs = qs.filter(condition)
    if round_id:
        qs = qs.filter(round_id=round_id)
    if meeting_id:  # raised at this meeting: one of its opinions is grouped in the petition
        qs = qs.filter(pk__in=VoterOpinion.objects.filter(meeting_id=meeting_id).values("petition_id"))
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    if field:
        qs = qs.filter(field=field)
    if level:
        qs = qs.filter(level=level)
    if status:
        qs = qs.filter(status=status)
    if repeated:
        qs = qs.filter(rounds_raised__gte=2, status__in=sorted(workflow.OPEN_STATES))
    if mine:
        qs = qs.filter(pk__in=_raised_at(VoterOpinion.objects.filter(meeting__in=_my_meetings(user, mine))))
    return search_queryset(qs, query).order_by("-id")


MINE = ("meetings", "constituency")


def _raised_at(opinions: QuerySet[VoterOpinion]) -> QuerySet:
    return opinions.filter(petition__isnull=False).values("petition_id")


def _my_meetings(user, mine: str) -> QuerySet[VoterMeeting]:
    """The meetings a delegate attended, or those held in their constituency today (the
    constituency of their membership in office; a commune, or a commune of a listed area)."""
    person_id = getattr(user, "person_id", None)
    if person_id is None or mine not in MINE:
        return VoterMeeting.objects.none()
    if mine == "meetings":
        return VoterMeeting.objects.filter(delegates__id=person_id)
    constituencies = Membership.objects.filter(
        person_id=person_id, end_date__isnull=True, constituency__isnull=False
    ).values("constituency_id")
    units = AdministrativeUnit.objects.filter(constituency__in=constituencies).values("pk")
    return VoterMeeting.objects.filter(Q(place__in=units) | Q(place__parent__in=units))


# Rows of the list's Excel export at most (the filters narrow a larger list).
EXPORT_MAX = 50_000


def petitions_export(user, **filters: Any) -> Iterator[tuple[Petition, Answer | None]]:
    """The petitions of the list (same scope and filters, newest first) with each one's latest
    answer, read in chunks (a fixed number of queries per 2,000 rows)."""
    qs = petitions_visible(user, **filters).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.order_by("-created_at", "-id"))
    )[:EXPORT_MAX]
    for petition in qs.iterator(chunk_size=2000):
        answers = list(petition.answers.all())
        yield petition, answers[0] if answers else None


_INDEXES: dict[tuple, Any] = {}


def suggest_index(user):
    """The suggestion index over the petitions the user may see, rebuilt when they change."""
    from . import engine

    qs = petitions_visible(user).order_by()
    stamp = qs.aggregate(n=Count("id"), last=Max("updated_at"))
    key = (repr(get_access(user).province_filter(VIEW)), stamp["n"], stamp["last"])
    index = _INDEXES.get(key)
    if index is None:
        index = engine.SuggestIndex([(str(i), t) for i, t in qs.values_list("id", "text")])
        if len(_INDEXES) >= 8:
            _INDEXES.pop(next(iter(_INDEXES)))
        _INDEXES[key] = index
    return index


# Above this many visible petitions (PostgreSQL only), suggestions use a database pre-filter
# instead of the in-memory index over every petition (see docs/performance-petitions.md).
PREFILTER_ABOVE = 20_000
PREFILTER_RECENT_DAYS = 2 * 366  # rounds started in the last two years
PREFILTER_FIELDS = 2  # the classifier's most probable fields
PREFILTER_LIMIT = 60  # candidates reranked by the engine


def _large(qs: QuerySet[Petition]) -> bool:
    return qs.order_by().values("pk")[: PREFILTER_ABOVE + 1].count() > PREFILTER_ABOVE


def suggest_prefiltered(user, text: str, *, k: int = 5) -> list[tuple[str, float]]:
    """Candidates from PostgreSQL, reranked by the engine: for millions of petitions.

    The database keeps the user's provinces, rounds of the last two years and the two fields the
    classifier finds most probable for `text`, orders them by trigram similarity of the folded
    text and returns a few hundred; the engine reranks those with its similarity vectors.
    """
    from . import engine

    classifier = engine.default_classifier()
    folded = " ".join(search_tokens(text, max_tokens=64))
    if not folded:
        return []
    since = timezone.localdate() - datetime.timedelta(days=PREFILTER_RECENT_DAYS)
    rounds = get_access(user).scope(Round.objects.filter(start_date__gte=since), VIEW).values("pk")
    candidates = list(
        petitions_visible(user)
        .select_related(None)
        .filter(round__in=rounds, field__in=engine.top_fields(text, classifier, PREFILTER_FIELDS))
        .annotate(sim=Func(F("search_text"), Value(folded), function="similarity", output_field=FloatField()))
        .order_by("-sim")
        .values_list("pk", "text")[:PREFILTER_LIMIT]
    )
    return engine.rerank(text, [(str(i), t) for i, t in candidates], k=k, classifier=classifier)


# The persisted suggestion index: one file per province, built off the request path
# (`manage.py petitions_suggest_index`, or `write_suggest_index` from the worker), loaded once
# per web worker and kept current by adding the petitions created or edited since its build
# (one indexed query per suggestion). Above `SUGGEST_INDEX_MAX_DELTA` such petitions the file is
# too stale and the pre-filter answers until it is rebuilt.
SUGGEST_INDEX_MAX_DELTA = 2_000
SUGGEST_INDEX_MAX_PROVINCES = 4  # a user seeing more provinces gets the pre-filter
_LOADED: dict[int, tuple[float, Any]] = {}  # province -> (file mtime, index as built)
_CURRENT: dict[int, tuple[tuple, Any]] = {}  # province -> (changes since the build, index with them)


def suggest_index_dir():
    from pathlib import Path

    from django.conf import settings

    configured = getattr(settings, "PETITIONS_SUGGEST_INDEX_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "petitions-suggest"


def suggest_index_file(province_id: int):
    return suggest_index_dir() / f"province-{int(province_id)}.pickle"


def write_suggest_index(province_id: int) -> dict[str, Any]:
    """Build the suggestion index over every petition of a province and persist it (no user
    scope: the file is read only through `suggest`, which filters by `petitions_visible`)."""
    import time

    from . import engine

    started = time.perf_counter()
    built_at = timezone.now()  # before the read: a petition saved during the build shows as changed
    rows = list(Petition.objects.filter(province_id=province_id).order_by("id").values_list("id", "text"))
    index = engine.SuggestIndex([(str(i), t) for i, t in rows])
    index.save(
        suggest_index_file(province_id),
        database=connection.settings_dict["NAME"],
        province=int(province_id),
        built_at=built_at.isoformat(),
        max_id=rows[-1][0] if rows else 0,
        rows=len(rows),
    )
    return {"province": int(province_id), "petitions": len(rows), "seconds": round(time.perf_counter() - started, 1)}


def preload_suggest_indexes() -> list[int]:
    """Load every persisted index (and the classifier) into this process, so that a web worker's
    first suggestion does not wait the 2-4 s of the load (config/gunicorn.conf.py calls it after
    each worker starts). Returns the provinces whose index is ready."""
    import re

    ready: list[int] = []
    try:
        files = sorted(suggest_index_dir().glob("province-*.pickle"))
    except OSError:
        return ready
    for path in files:
        m = re.fullmatch(r"province-(\d+)\.pickle", path.name)
        if m is None:
            continue
        province_id = int(m.group(1))
        index = _persisted_index(province_id)
        if index is not None:
            # one query builds what the index computes on first use (the transposed matrix:
            # most of a first suggestion's 1.7 s after the load)
            index.query("Đường giao thông liên thôn xuống cấp", k=1)
            ready.append(province_id)
    return ready


def _persisted_index(province_id: int):
    """The province's persisted index with the petitions created or edited since its build, or
    None (no file, another engine version, or too many changes)."""
    from . import engine

    path = suggest_index_file(province_id)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    loaded = _LOADED.get(province_id)
    if loaded is None or loaded[0] != mtime:
        index = engine.SuggestIndex.load(path)
        meta = index.meta if index is not None else {}
        if meta.get("province") != province_id or meta.get("database") != connection.settings_dict["NAME"]:
            index = None  # remembered: the same file is not read again until it changes
        loaded = _LOADED[province_id] = (mtime, index)
        _CURRENT.pop(province_id, None)
    base = loaded[1]
    if base is None:
        return None
    built_at = datetime.datetime.fromisoformat(base.meta["built_at"])
    # Two ordered, limited range scans in one statement (UNION ALL), not one OR: with `id >
    # max_id OR updated_at > built_at` the planner, estimating the id condition from the whole
    # table (other provinces' ids are higher), walked all of the province's rows through a
    # filter: 12-15 ms at 1M petitions, where each part alone is a 0.1 ms range scan.
    province = Petition.objects.filter(province_id=province_id)
    columns = ("id", "text", "updated_at")
    limit = SUGGEST_INDEX_MAX_DELTA + 1
    new = province.filter(id__gt=base.meta["max_id"]).order_by("id").values_list(*columns)[:limit]
    edited = province.filter(updated_at__gt=built_at).order_by("updated_at").values_list(*columns)[:limit]
    if connection.features.supports_slicing_ordering_in_compound:  # PostgreSQL: one round trip
        rows = list(new.union(edited, all=True))
    else:  # SQLite allows no LIMIT in the parts of a UNION
        rows = list(new) + list(edited)
    changed = sorted({row[0]: row for row in rows}.values())
    if len(changed) > SUGGEST_INDEX_MAX_DELTA:
        return None
    key = tuple((i, u) for i, _t, u in changed)
    current = _CURRENT.get(province_id)
    if current is None or current[0] != key:
        current = _CURRENT[province_id] = (key, base.extended([(str(i), t) for i, t, _u in changed]))
    return current[1]


def suggest_persisted(user, text: str, *, k: int = 5) -> list[tuple[str, float]] | None:
    """Suggestions from the persisted indexes of the user's provinces, or None if one is missing."""
    provinces = get_access(user).provinces_by_perm.get(VIEW, set())
    if get_access(user).province_filter(VIEW) is None or not provinces:
        return None
    if len(provinces) > SUGGEST_INDEX_MAX_PROVINCES:
        return None
    ranked: list[tuple[str, float]] = []
    for province_id in sorted(provinces):
        index = _persisted_index(province_id)
        if index is None:
            return None
        ranked.extend(index.query(text, k=k + 5))  # a few more: some may be hidden from the user
    ranked.sort(key=lambda r: -r[1])
    return ranked


def suggest(user, text: str, *, k: int = 5) -> list[tuple[Petition, float]]:
    """Existing petitions (any round the user may see) asking for the same as `text`."""
    ranked = suggest_persisted(user, text, k=k)
    if ranked is not None:
        pass
    elif connection.vendor == "postgresql" and _large(petitions_visible(user)):
        ranked = suggest_prefiltered(user, text, k=k)
    else:
        ranked = suggest_index(user).query(text, k=k)
    # Only what the suggestion shows (code, text, round): the whole rows with their search
    # columns and three joins cost ~2 ms of a suggestion at 1M petitions.
    shown = petitions_visible(user).select_related(None).select_related("round")
    shown = shown.only("id", "code", "text", "province_id", "round__name")
    by_id = {p.pk: p for p in shown.filter(pk__in=[int(i) for i, _s in ranked])}
    return [(by_id[int(i)], s) for i, s in ranked if int(i) in by_id][:k]


def petition_get(user, petition_id: int) -> Petition:
    return _one(
        petitions_visible(user).select_related("province", "previous"),
        petition_id,
        _("This petition does not exist or you may not see it."),
        PetitionError.PETITION_NOT_FOUND,
    )


def merged_into(user, petition_id: int) -> Petition | None:
    """The petition a merged one went into, when the user may see it (its old address
    redirects there); None otherwise."""
    alias = MergedPetition.objects.filter(old_id=petition_id).values("into_id").first()
    if alias is None:
        return None
    return petitions_visible(user).filter(pk=alias["into_id"]).first()


def petitions_of_round(round: Round, ids: Iterable[int]) -> list[Petition]:
    """The petitions of `round` with these ids, in the order given (the first ticked first);
    NotFound when one is not in the round."""
    ids = list(dict.fromkeys(ids))
    found = {p.pk: p for p in Petition.objects.filter(round=round, pk__in=ids).select_related("province")}
    if len(found) != len(ids):
        raise NotFound(
            _("A chosen petition does not belong to this round."), code=PetitionError.PETITION_NOT_FOUND
        )
    return [found[i] for i in ids]


def petition_opinions(user, petition: Petition) -> QuerySet[VoterOpinion]:
    return get_access(user).scope(
        petition.opinions.select_related("meeting", "meeting__place", "meeting__round"), VIEW
    )


def petition_answers(petition: Petition) -> QuerySet[Answer]:
    return petition.answers.select_related("batch__agency").order_by("-created_at", "-id")


def petition_batches(petition: Petition) -> QuerySet[ForwardingBatch]:
    """The batches a petition was forwarded in, the latest first (with the rule applied)."""
    return petition.batches.select_related("agency", "rule").order_by("-dispatch_date", "-id")


def consolidation_groups(user, round: Round) -> QuerySet[Petition]:
    return (
        get_access(user)
        .scope(Petition.objects.filter(round=round, status__in=sorted(workflow.EDITABLE)), VIEW)
        .prefetch_related(
            Prefetch("opinions", queryset=VoterOpinion.objects.select_related("meeting__place"))
        )
        .order_by("group_confidence", "id")
    )


def unassigned_opinions(user, round: Round) -> QuerySet[VoterOpinion]:
    return (
        get_access(user)
        .scope(VoterOpinion.objects.filter(meeting__round=round, petition__isnull=True), VIEW)
        .select_related("meeting__place")
    )


def repeated_unresolved(user) -> QuerySet[Petition]:
    """Petitions raised in several rounds and still unresolved: the supervision list."""
    return petitions_visible(user, repeated=True)


def ready_to_forward(user, round: Round) -> QuerySet[Petition]:
    """The round's petitions a forwarding batch may take now."""
    return petitions_visible(user, round_id=round.pk).filter(status__in=sorted(workflow.FORWARDABLE))


# -- Forwarding batches and answers ------------------------------------------------------------


def batches_visible(user, *, round_id: int | None = None) -> QuerySet[ForwardingBatch]:
    qs = (
        get_access(user)
        .scope(ForwardingBatch.objects.select_related("agency", "round"), VIEW)
        .annotate(petition_count=Count("petitions", distinct=True))
    )
    if round_id:
        qs = qs.filter(round_id=round_id)
    return qs.order_by("-dispatch_date", "-id")


def batch_get(user, batch_id: int) -> ForwardingBatch:
    return _one(
        batches_visible(user).select_related("rule", "province"),
        batch_id,
        _("This forwarding batch does not exist or you may not see it."),
        PetitionError.BATCH_NOT_FOUND,
    )


def answer_get(user, answer_id: int) -> Answer:
    """An answer to a petition the user may see."""
    petitions = petitions_visible(user).order_by()
    return _one(
        Answer.objects.select_related("petition__province", "batch").filter(petition__in=petitions),
        answer_id,
        _("This answer does not exist or you may not see it."),
        PetitionError.ANSWER_NOT_FOUND,
    )


def answer_file_get(user, answer_id: int) -> Answer:
    """An answer with an attachment the user may download (`permissions.can_download_answer_file`):
    the Office roles of its province, the agency that answered. NotFound when the answer does
    not exist, has no file or is out of the user's sight; PermissionDenied when the user may
    read the answer but not download its file (a delegate, a viewer)."""
    access = get_access(user)
    answers = Answer.objects.select_related("petition__province", "batch").exclude(file="")
    own = answers.filter(
        batch__in=access.scope(
            ForwardingBatch.objects.filter(
                agency_id__in=sorted(access.bodies_with_role(Role.AGENCY_RESPONDER))
            ),
            ANSWER,
        ).values("pk")
    )
    answer = (
        own.filter(pk=answer_id).first()
        or answers.filter(pk=answer_id, petition__in=petitions_visible(user).order_by().values("pk")).first()
    )
    if answer is None:
        raise NotFound(
            _("This file does not exist or you may not see it."), code=PetitionError.FILE_NOT_FOUND
        )
    if not permissions.can_download_answer_file(access, answer):
        raise PermissionDenied(_("You do not have permission to do this."), code=PetitionError.FORBIDDEN)
    return answer


def agency_batches(user) -> QuerySet[ForwardingBatch]:
    """Batches forwarded to the bodies where the user answers for an agency."""
    access = get_access(user)
    qs = ForwardingBatch.objects.filter(agency_id__in=sorted(access.bodies_with_role(Role.AGENCY_RESPONDER)))
    return (
        access.scope(qs, ANSWER)
        .select_related("agency", "round")
        .annotate(petition_count=Count("petitions", distinct=True))
        .order_by("due_date", "id")
    )


def agency_batch_get(user, batch_id: int) -> ForwardingBatch:
    return _one(
        agency_batches(user).select_related("province"),
        batch_id,
        _("This forwarding batch does not exist or you may not see it."),
        PetitionError.BATCH_NOT_FOUND,
    )


def agency_petitions(batch: ForwardingBatch) -> QuerySet[Petition]:
    """The petitions of a batch with its answers (and the batches each is in: the answer rule)."""
    return batch.petitions.prefetch_related(
        Prefetch("answers", queryset=Answer.objects.filter(batch=batch).order_by("-created_at", "-id")),
        Prefetch("batches", queryset=ForwardingBatch.objects.only("id", "agency_id")),
    ).order_by("id")


# -- Reports and dashboard ---------------------------------------------------------------------


def synthesis(user, round: Round) -> list[dict[str, Any]]:
    """Petitions of a round grouped by competent level then field, with counts."""
    from .fields import FIELD_CODES, LEVEL_CODES

    petitions = list(petitions_visible(user, round_id=round.pk).order_by("id"))
    out = []
    for level in LEVEL_CODES:
        in_level = [p for p in petitions if p.level == level]
        if not in_level:
            continue
        fields = []
        for field in FIELD_CODES:
            items = [p for p in in_level if p.field == field]
            if items:
                fields.append({"field": field, "petitions": items, "count": len(items)})
        out.append({"level": level, "fields": fields, "count": len(in_level)})
    return out


def latest_answers(petition_ids: list[int]) -> dict[int, Answer]:
    latest: dict[int, Answer] = {}
    for a in Answer.objects.filter(petition_id__in=petition_ids).order_by(
        "petition_id", "-created_at", "-id"
    ):
        latest.setdefault(a.petition_id, a)
    return latest


def results_by_agency(user, round: Round, *, today: datetime.date | None = None) -> list[dict[str, Any]]:
    """Per agency: received, answered, resolved %, overdue."""
    today = today or timezone.localdate()
    rows: dict[int, dict[str, Any]] = {}
    batches = batches_visible(user, round_id=round.pk).prefetch_related("petitions")
    answers = Answer.objects.filter(batch__round=round).order_by("petition_id", "-created_at")
    latest: dict[tuple[int, int], Answer] = {}
    for a in answers:
        latest.setdefault((a.batch_id, a.petition_id), a)
    for b in batches:
        row = rows.setdefault(
            b.agency_id, {"agency": b.agency, "received": 0, "answered": 0, "resolved": 0, "overdue": 0}
        )
        for p in b.petitions.all():
            row["received"] += 1
            found = latest.get((b.pk, p.pk))
            if found is not None:
                row["answered"] += 1
                row["resolved"] += found.status == AnswerStatus.RESOLVED
            elif b.due_date < today:
                row["overdue"] += 1
    for row in rows.values():
        row["resolved_pct"] = (
            builtins.round(100 * row["resolved"] / row["received"], 1) if row["received"] else 0.0
        )
    return sorted(rows.values(), key=lambda r: r["agency"].sort_key)


def _chart(counts: dict[str, int], labels: list[tuple[str, Any]], param: str) -> dict[str, Any]:
    """A chart's series in the order of `labels` (the list filter's choices), with the filter
    each bar stands for, so that a bar and the filtered list count the same petitions."""
    rows = [(code, str(label), counts[code]) for code, label in labels if counts.get(code)]
    return {
        "labels": [label for _c, label, _n in rows],
        "data": [n for _c, _l, n in rows],
        "filters": [f"{param}={code}" for code, _l, _n in rows],
    }


def dashboard(user) -> dict[str, Any]:
    """The figures of the petitions dashboard, each counted as the list filters count: one
    GROUP BY per chart, with no ordering (an ORDER BY id would group by petition and give every
    category a count of 1)."""
    from .fields import FIELD_CHOICES, LEVEL_CHOICES

    qs = petitions_visible(user).order_by()

    def counts(column: str) -> dict[str, int]:
        return dict(qs.values_list(column).annotate(n=Count("id")).values_list(column, "n").order_by())

    by_agency = list(
        qs.exclude(agency__isnull=True)
        .values("agency_id", "agency__name")
        .annotate(n=Count("id"))
        .order_by("-n", "agency__name")[:15]
    )
    trend = [
        {"name": r.name, "petition_count": r.petition_count, "pk": r.pk}  # type: ignore[attr-defined]
        for r in rounds_visible(user).order_by("start_date", "id")[:20]
    ]
    today = timezone.localdate()
    overdue = (
        batches_visible(user)
        .filter(due_date__lt=today, petitions__status=Petition.Status.FORWARDED)
        .values("pk")
        .distinct()
        .count()
    )
    return {
        "total": qs.count(),
        "overdue_batches": overdue,
        "chart": {
            "field": _chart(counts("field"), FIELD_CHOICES, "field"),
            "level": _chart(counts("level"), LEVEL_CHOICES, "level"),
            "status": _chart(counts("status"), list(Petition.Status.choices), "status"),
            "agency": {
                "labels": [r["agency__name"] for r in by_agency],
                "data": [r["n"] for r in by_agency],
                "filters": [f"agency={r['agency_id']}" for r in by_agency],
            },
            "trend": {
                "labels": [r["name"] for r in trend],
                "data": [r["petition_count"] for r in trend],
                "filters": [f"round={r['pk']}" for r in trend],
            },
        },
    }


def answers_to_review(user, round: Round | None = None) -> QuerySet[Answer]:
    """Answers the agencies sent that the Office has not reviewed yet (newest first), in the
    provinces where the user reviews answers."""
    qs = Answer.objects.filter(accepted__isnull=True, petition__status=Petition.Status.ANSWERED)
    qs = get_access(user).scope(qs, permissions.FORWARD, field="petition__province")
    if round is not None:
        qs = qs.filter(petition__round=round)
    return qs.select_related("petition", "batch__agency").order_by("-created_at", "-id")


# -- Public reads (no sign-in, no voter data) ------------------------------------------------


def public_rounds() -> QuerySet[Round]:
    return Round.objects.filter(is_public=True).select_related("province").order_by("-start_date")


def public_round_get(round_id: int) -> Round:
    return _one(
        public_rounds(),
        round_id,
        _("This round does not exist or is not published."),
        PetitionError.ROUND_NOT_FOUND,
    )


def published_answers() -> QuerySet[Answer]:
    """Answers the public may read: accepted by the Office (an answer it has not reviewed, or
    sent back, is never public), newest first; the round must be published too."""
    return Answer.objects.filter(accepted=True, petition__round__is_public=True).order_by(
        "-created_at", "-id"
    )


def _public_petitions() -> QuerySet[Petition]:
    return (
        Petition.objects.filter(round__is_public=True)
        .exclude(status=Petition.Status.DRAFT)
        .select_related("round", "agency")
        .prefetch_related(
            Prefetch(
                "answers", queryset=published_answers().select_related("batch__agency"), to_attr="published"
            ),
            Prefetch(
                "batches",
                queryset=ForwardingBatch.objects.select_related("agency").order_by("-dispatch_date", "-id"),
                to_attr="forwarded",
            ),
        )
    )


def public_petitions(round: Round) -> QuerySet[Petition]:
    """A published round's petitions (not proposals), each with `published` (its published
    answers, newest first) and `forwarded` (its batches, latest first): what the public page
    states is only what these say."""
    return _public_petitions().filter(round=round).order_by("level", "field", "id")


def public_answer_file_get(answer_id: int) -> Answer:
    """The attachment of a published answer: the answer the public pages show (the latest
    answer the Office accepted, of a petition that is not a proposal, in a round the Office
    published), with a file. NotFound for anything else, the same as a missing answer."""
    answer = (
        published_answers()
        .filter(pk=answer_id)
        .exclude(petition__status=Petition.Status.DRAFT)
        .exclude(file="")
        .select_related("petition")
        .first()
    )
    latest = (
        published_answers().filter(petition_id=answer.petition_id).values("pk").first()
        if answer is not None
        else None
    )
    if answer is None or latest is None or latest["pk"] != answer.pk:
        raise NotFound(_("This file does not exist or is not published."), code=PetitionError.FILE_NOT_FOUND)
    return answer


def public_petition_by_code(code: str) -> tuple[Petition | None, str]:
    """A published petition by its code, or by the code of a petition merged into it; with
    the code the public typed when it was a merged one's ("" otherwise)."""
    code = code.strip().upper()
    if not code or len(code) > 30:
        return None, ""
    found = _public_petitions().filter(code=code).first()
    if found is not None:
        return found, ""
    alias = MergedPetition.objects.filter(code=code).values("into_id").first()
    if alias is None:
        return None, ""
    return _public_petitions().filter(pk=alias["into_id"]).first(), code
