"""Writes of the petitions module: each service checks permission, validates, writes and audits
(the audit entry also makes the module's cached list pages stale).

Statuses move only through `petition_transition` / `petitions_transition` (the workflow in
`workflow.py`). Services that act on several records (confirm several, merge, classify several,
forward a batch) are one transaction: a refusal of any record leaves every record as it was.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, Max, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.models import User
from dancu.core.access import get_access
from dancu.core.audit import audit_record, diff, model_snapshot
from dancu.core.calendar import add_days
from dancu.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dancu.core.files import DOCX, JPEG, PDF, PNG, FileRejected, check_file, stored_name
from dancu.core.imports import import_job_create
from dancu.core.models import ImportJob
from dancu.core.text import clean_text
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Person, UnitLevel

from . import engine, engine_learning, selectors
from .errors import PetitionError
from .fields import FIELD_CODES, FIELDS, LEVEL_CODES
from .importing import IMPORT_KIND, check_opinion_file
from .models import (
    Answer,
    AnswerStatus,
    ClassificationOverride,
    DelegateLevel,
    ForwardingBatch,
    MeetingKind,
    MergedPetition,
    Petition,
    PetitionRule,
    ReminderLog,
    Round,
    VoterMeeting,
    VoterOpinion,
)
from .permissions import ANSWER, CHANGE, FORWARD, can_answer_batch, can_forward, require
from .workflow import EDITABLE, PETITION_FLOW


def rule_for(level: str, on: datetime.date) -> PetitionRule:
    """The rule in force on `on` for answers at `level` (the latest effective_from ≤ on).

    The rules are data, seeded by migration 0002 and edited in the admin."""
    rule = (
        PetitionRule.objects.filter(level=level, effective_from__lte=on).order_by("-effective_from").first()
    )
    if rule is None:
        raise ValidationFailed(
            _("No deadline rule is in force for this date."),
            code=PetitionError.NO_RULE,
            details={"field": "dispatch_date"},
        )
    return rule


def _audit(actor: Any, action: str, target, province_code: str, summary: str, changes=None) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        province_code=province_code,
        summary=summary,
        changes=changes or {},
    )


def _invalid(message: str, code: PetitionError, field: str = "") -> ValidationFailed:
    return ValidationFailed(message, code=code, details={"field": field} if field else None)


# -- Rounds and meetings ----------------------------------------------------------------------


@transaction.atomic
def round_create(
    *,
    actor: User,
    province: AdministrativeUnit,
    name: str,
    code: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
) -> Round:
    require(get_access(actor), CHANGE, province.pk)
    name, code = name.strip(), code.strip()
    if not name or not code:
        raise _invalid(
            _("A round needs a name and a code."),
            PetitionError.ROUND_INCOMPLETE,
            "name" if not name else "code",
        )
    if Round.objects.filter(province=province, code=code).exists():
        raise Conflict(
            _("A round with this code already exists."),
            code=PetitionError.ROUND_CODE_TAKEN,
            details={"field": "code"},
        )
    obj = Round.objects.create(
        province=province, name=name, code=code, start_date=start_date, end_date=end_date
    )
    _audit(actor, "petitions.round_create", obj, province.code, name)
    return obj


@transaction.atomic
def round_publish(*, actor: User, round: Round, public: bool) -> Round:
    """Show the round's petitions and answers on the public page, or withdraw them."""
    require(get_access(actor), FORWARD, round.province_id)
    round.is_public = public
    round.save(update_fields=["is_public", "updated_at"])
    _audit(actor, "petitions.round_publish", round, round.province.code, f"public={public}")
    return round


# More voters than any meeting has (the largest wards have tens of thousands of residents).
MAX_VOTERS = 1_000_000


def _in_province(unit: AdministrativeUnit, province_id: int) -> bool:
    """The unit lies in the province (its parent, grandparent, ...): one query."""
    up = (
        Q(parent_id=province_id) | Q(parent__parent_id=province_id) | Q(parent__parent__parent_id=province_id)
    )
    return AdministrativeUnit.objects.filter(up, pk=unit.pk).exists()


@transaction.atomic
def meeting_create(
    *,
    actor: User,
    round: Round,
    kind: str,
    date: datetime.date,
    place: AdministrativeUnit,
    levels: Sequence[str] = (),
    organisers: Iterable[Body] = (),
    delegates: Iterable[Person] = (),
    voter_count: int = 0,
    venue: str = "",
    sector: str = "",
) -> VoterMeeting:
    """Plan a voter meeting of a round in a commune of the round's province."""
    require(get_access(actor), CHANGE, round.province_id)
    code = PetitionError.MEETING_INVALID
    if kind not in MeetingKind.values:
        raise _invalid(_("Unknown kind of meeting."), code, "kind")
    if kind == MeetingKind.THEMATIC and not sector.strip():
        raise _invalid(_("A thematic meeting needs its sector."), code, "sector")
    if set(levels) - set(DelegateLevel.values):
        raise _invalid(_("Unknown level of delegates."), code, "levels")
    if place.level != UnitLevel.COMMUNE or not _in_province(place, round.province_id):
        raise _invalid(_("The place must be a commune of the province."), code, "place")
    organisers, delegates = list(organisers), list(delegates)
    if any(b.province_id != round.province_id for b in organisers):
        raise _invalid(_("Organisers must be bodies of the province."), code, "organisers")
    if any(p.province_id != round.province_id for p in delegates):
        raise _invalid(_("Delegates must be people of the province."), code, "delegates")
    if voter_count < 0:
        raise _invalid(_("The number of voters cannot be negative."), code, "voter_count")
    if voter_count > MAX_VOTERS:
        raise _invalid(
            _("The number of voters is at most %(n)s.") % {"n": f"{MAX_VOTERS:,}".replace(",", ".")},
            code,
            "voter_count",
        )
    meeting = VoterMeeting.objects.create(
        province_id=round.province_id,
        round=round,
        kind=kind,
        date=date,
        place=place,
        levels=sorted(set(levels)),
        voter_count=voter_count,
        venue=venue.strip(),
        sector=sector.strip(),
    )
    meeting.organisers.set(organisers)
    meeting.delegates.set(delegates)
    _audit(actor, "petitions.meeting_create", meeting, round.province.code, str(meeting))
    return meeting


# -- Opinions --------------------------------------------------------------------------------

_NUMBERED = re.compile(r"^\s*(?:\d{1,3}|[a-zđ])\s*[.)/:-]\s+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-–•*+]\s+")


def parse_numbered_list(text: str) -> list[str]:
    """Split a pasted list ("1. ...", "2) ...", "- ...") into opinions; continuation lines join
    the item above; a text without numbering gives one opinion per non-empty line."""
    items: list[str] = []
    numbered = any(_NUMBERED.match(line) or _BULLET.match(line) for line in text.splitlines())
    for line in text.splitlines():
        if not line.strip():
            continue
        if not numbered:
            items.append(line.strip())
            continue
        m = _NUMBERED.match(line) or _BULLET.match(line)
        if m:
            items.append(line[m.end() :].strip())
        elif items:
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            items.append(line.strip())
    return [i for i in (" ".join(x.split()) for x in items) if i]


@transaction.atomic
def opinions_add(
    *, actor: User, meeting: VoterMeeting, rows: Sequence[Mapping[str, Any]], source: str = "form"
) -> list[VoterOpinion]:
    """Record opinions ({"text", "voter_label"?, "area"?}) of a meeting."""
    require(get_access(actor), CHANGE, meeting.province_id)
    code = PetitionError.OPINION_INVALID
    clean = []
    for i, row in enumerate(rows, start=1):
        text = " ".join(clean_text(str(row.get("text") or "")).split())
        if not text:
            raise _invalid(_("Opinion %(n)d is empty.") % {"n": i}, code, "text")
        if len(text) > 5000:
            raise _invalid(_("Opinion %(n)d is too long.") % {"n": i}, code, "text")
        voter, area = (clean_text(str(row.get(k) or "")).strip()[:200] for k in ("voter_label", "area"))
        clean.append((text, voter, area))
    if not clean:
        raise _invalid(_("No opinion to record."), code, "text")
    start = (meeting.opinions.aggregate(n=Count("id"))["n"] or 0) + 1
    created = VoterOpinion.objects.bulk_create(
        [
            VoterOpinion(
                province_id=meeting.province_id,
                meeting=meeting,
                number=start + i,
                text=t,
                voter_label=v,
                area=a,
            )
            for i, (t, v, a) in enumerate(clean)
        ]
    )
    _audit(
        actor,
        "petitions.opinions_add",
        meeting,
        meeting.province.code,
        _("%(n)d opinions recorded (%(source)s)") % {"n": len(created), "source": source},
    )
    return created


def opinion_import_start(*, actor: User, meeting: VoterMeeting, upload: Any) -> ImportJob:
    """Queue the import of a meeting's opinions (all rows or none) from an upload checked by
    content (a real .xlsx, or UTF-8 text for a CSV; 5 MB at most) and stored under a safe name
    with the checked kind's extension, never the uploader's."""
    require(get_access(actor), CHANGE, meeting.province_id)
    from .tasks import run_opinion_import

    kind = check_opinion_file(upload)
    upload.name = stored_name(str(getattr(upload, "name", "") or ""), kind)
    return import_job_create(
        actor=actor,
        kind=IMPORT_KIND,
        province_code=meeting.province.code,
        upload=upload,
        params={"meeting_id": meeting.pk},
        enqueue=run_opinion_import.delay,
    )


# -- Classification and reference data -------------------------------------------------------

_trained: dict[str, Any] = {}


def classifier() -> engine.Classifier:
    """The seed classifier, retrained with the specialists' overrides whenever there are new
    ones (the overrides are the training data the office produces)."""
    stamp = ClassificationOverride.objects.aggregate(n=Count("id"), last=Max("id"))
    key = f"{stamp['n']}-{stamp['last']}"
    if not stamp["n"]:
        return engine.default_classifier()
    if _trained.get("key") != key:
        rows = [
            {"text": t, "field": f, "level": lv}
            for t, f, lv in ClassificationOverride.objects.order_by("id").values_list(
                "text", "field_after", "level_after"
            )
        ]
        _trained["model"] = engine.default_classifier(rows)
        _trained["key"] = key
    return _trained["model"]


# Folded words of the department that handles each field.
AGENCY_KEYWORDS = {
    "dat_dai": "nong nghiep va moi truong",
    "moi_truong": "nong nghiep va moi truong",
    "nong_nghiep_thuy_loi": "nong nghiep va moi truong",
    "giao_thong_xay_dung": "xay dung",
    "y_te": "y te",
    "giao_duc": "giao duc",
    "lao_dong_chinh_sach": "noi vu",
    "to_chuc_can_bo": "noi vu",
    "tai_chinh_ngan_sach": "tai chinh",
    "van_hoa_the_thao": "van hoa",
    "tu_phap_hanh_chinh": "tu phap",
    "an_ninh_trat_tu": "cong an",
    "dien_nuoc_vien_thong": "cong thuong",
}


@dataclass
class Reference:
    """What classifying new petitions of a province needs, loaded once per call (one query for
    every body, however many agencies the province has, and the classifier)."""

    province_id: int
    agencies: list[tuple[Body, str]]  # active agencies with their folded names
    committees: list[tuple[Body, str]]  # active committees of the council, folded names
    peoples_committee: Body | None
    classifier: engine.Classifier

    @classmethod
    def load(cls, province_id: int) -> Reference:
        kinds = [BodyKind.AGENCY, BodyKind.COMMITTEE, BodyKind.PEOPLES_COMMITTEE]
        bodies = list(
            Body.objects.filter(province_id=province_id, kind__in=kinds).order_by("kind", "sort_key", "id")
        )

        def active(kind: str) -> list[tuple[Body, str]]:
            return [(b, engine.fold(b.name)) for b in bodies if b.kind == kind and b.active_to is None]

        return cls(
            province_id=province_id,
            agencies=active(BodyKind.AGENCY),
            committees=active(BodyKind.COMMITTEE),
            peoples_committee=next(
                (b for b in bodies if b.kind == BodyKind.PEOPLES_COMMITTEE and b.unit_id == province_id), None
            ),
            classifier=classifier(),
        )

    def agency_for(self, field: str) -> tuple[Body | None, float]:
        """A default agency: the provincial department whose name matches the field, else the
        People's Committee of the province (central petitions go through the delegation)."""
        key = AGENCY_KEYWORDS.get(field)
        if key:
            for body, folded in self.agencies:
                if key in folded:
                    return body, 0.7
        return self.peoples_committee, 0.4 if self.peoples_committee else 0.0

    def committee_for(self, field: str) -> Body | None:
        wanted = engine.fold(FIELDS.get(field, FIELDS["khac"])[2])
        return next((body for body, folded in self.committees if wanted in folded), None)

    def classify(self, texts: Sequence[str]) -> list[dict[str, Any]]:
        out = []
        for field_pred, level_pred in self.classifier.predict(list(texts)):
            field_code = field_pred.code if field_pred.code in FIELD_CODES else "khac"
            agency, agency_confidence = self.agency_for(field_code)
            committee = self.committee_for(field_code)
            out.append(
                {
                    "field": field_code,
                    "field_confidence": field_pred.confidence,
                    "level": level_pred.code if level_pred.code in LEVEL_CODES else "province",
                    "level_confidence": level_pred.confidence,
                    "agency": agency,
                    "agency_confidence": agency_confidence,
                    "committee": committee,
                    "committee_confidence": 0.8 if committee else 0.0,
                }
            )
        return out


# -- Provenance ------------------------------------------------------------------------------

# (round id, first raised) of each earlier petition a petition continues, nearest first.
Chain = list[tuple[int, datetime.date | None]]
MAX_CHAIN = 20


def _provenance(meetings: Iterable[tuple[int, datetime.date, int]], chain: Chain) -> dict[str, Any]:
    """group_count, first_raised, rounds_raised from the meetings (id, date, round id) of a
    petition's opinions and the earlier petitions it continues."""
    meetings = list(meetings)
    first = min((d for _m, d, _r in meetings), default=None)
    rounds = {r for _m, _d, r in meetings}
    for round_id, raised in chain:
        rounds.add(round_id)
        if raised and (first is None or raised < first):
            first = raised
    return {
        "group_count": len({m for m, _d, _r in meetings}),
        "first_raised": first,
        "rounds_raised": max(1, len(rounds)),
    }


def _chain(previous: Petition | None) -> Chain:
    """Walk the earlier petitions in the database (one query per step after the first)."""
    chain: Chain = []
    while previous is not None and len(chain) < MAX_CHAIN:
        chain.append((previous.round_id, previous.first_raised))
        previous = previous.previous
    return chain


def _chain_of(previous_id: int | None, earlier: Mapping[int, Mapping[str, Any]]) -> Chain:
    """The same walk over earlier petitions already loaded (id -> row)."""
    chain: Chain = []
    while previous_id is not None and previous_id in earlier and len(chain) < MAX_CHAIN:
        row = earlier[previous_id]
        chain.append((row["round_id"], row["first_raised"]))
        previous_id = row["previous_id"]
    return chain


def _refresh_provenance(petition: Petition) -> None:
    meetings = petition.opinions.values_list("meeting_id", "meeting__date", "meeting__round_id")
    for name, value in _provenance(meetings, _chain(petition.previous)).items():
        setattr(petition, name, value)
    petition.save(update_fields=["group_count", "first_raised", "rounds_raised", "updated_at", "search_text"])


# -- Consolidation -----------------------------------------------------------------------------


@dataclass
class NewPetition:
    """One petition to create: its wording, the opinions it groups (with their meeting loaded)
    and the earlier petition it continues."""

    text: str
    opinions: Sequence[VoterOpinion] = ()
    previous_id: int | None = None
    chain: Chain = field(default_factory=list)
    group_confidence: float = 1.0


def _create_petitions(
    *, actor: User, round: Round, items: Sequence[NewPetition], ref: Reference
) -> list[Petition]:
    """Create proposed petitions with their classification and provenance: a fixed number of
    queries for the lot (bulk insert, codes, opinions) plus the audit entry of each."""
    petitions = []
    for item, cls in zip(items, ref.classify([i.text for i in items]), strict=True):
        meetings = [(o.meeting_id, o.meeting.date, o.meeting.round_id) for o in item.opinions]
        petitions.append(
            Petition(
                province_id=round.province_id,
                round=round,
                code=f"tmp-{uuid.uuid4().hex[:24]}",
                text=item.text,
                status=PETITION_FLOW.initial,
                group_confidence=item.group_confidence,
                previous_id=item.previous_id,
                **cls,
                **_provenance(meetings, item.chain),
            )
        )
    Petition.objects.bulk_create(petitions)
    for p in petitions:
        p.code = f"KN{round.start_date:%y}-{p.pk:06d}"
        p.search_text = p.build_search_text()
    Petition.objects.bulk_update(petitions, ["code", "search_text"])
    opinions = []
    for item, p in zip(items, petitions, strict=True):
        for o in item.opinions:
            o.petition = p
            opinions.append(o)
    if opinions:
        VoterOpinion.objects.bulk_update(opinions, ["petition", "group_reasons"])
    for p in petitions:
        _audit(actor, "petitions.petition_create", p, round.province.code, p.code)
    return petitions


def _check_new(round: Round, text: str, opinions: Sequence[VoterOpinion], previous: Petition | None) -> str:
    text = " ".join(text.split())
    if not text:
        raise _invalid(_("The consolidated wording is empty."), PetitionError.WORDING_EMPTY, "text")
    if any(o.province_id != round.province_id or o.meeting.round_id != round.pk for o in opinions):
        raise _invalid(
            _("Opinions must come from meetings of this round."), PetitionError.WRONG_ROUND, "opinion"
        )
    if previous is not None and previous.province_id != round.province_id:
        raise _invalid(_("The earlier petition belongs to another province."), PetitionError.WRONG_PROVINCE)
    return text


@transaction.atomic
def petition_create(
    *,
    actor: User,
    round: Round,
    text: str,
    opinions: Sequence[VoterOpinion] = (),
    previous: Petition | None = None,
    group_confidence: float = 1.0,
) -> Petition:
    """A new petition (proposed) grouping `opinions` (their meeting loaded), classified
    automatically."""
    require(get_access(actor), CHANGE, round.province_id)
    text = _check_new(round, text, opinions, previous)
    for o in opinions:  # grouped by a person now: the engine's reasons no longer apply
        o.group_reasons = {}
    item = NewPetition(
        text=text,
        opinions=opinions,
        previous_id=previous.pk if previous is not None else None,
        chain=_chain(previous),
        group_confidence=group_confidence,
    )
    (petition,) = _create_petitions(
        actor=actor, round=round, items=[item], ref=Reference.load(round.province_id)
    )
    return petition


def _enqueue_retrain(province_id: int) -> None:
    from .tasks import enqueue_retrain

    enqueue_retrain(province_id)


# Similarity above which a new group is linked to a petition of an earlier round.
LINK_THRESHOLD = 0.45


@transaction.atomic
def consolidate_round(*, actor: User, round: Round, link_earlier: bool = True) -> list[Petition]:
    """Group the round's unassigned opinions into proposed petitions with the engine.

    Each group becomes a petition in the proposed state, worded as its longest opinion, with
    the group's confidence; when a petition of an earlier round of the province asks for the
    same thing (similarity above the grouping threshold), the new one is linked to it so that
    "raised in N rounds" counts it. The province's bodies, the classifier and the earlier
    petitions are loaded once, whatever the number of groups or agencies.
    """
    require(get_access(actor), CHANGE, round.province_id)
    opinions = list(
        VoterOpinion.objects.filter(meeting__round=round, petition__isnull=True)
        .select_related("meeting")
        .order_by("id")
    )
    if not opinions:
        return []
    ref = Reference.load(round.province_id)
    results = engine.consolidate(
        [{"id": str(o.pk), "text": o.text, "area": o.area} for o in opinions],
        classifier=ref.classifier,
        pair_model=engine_learning.pair_model_for(round.province_id),
    )
    by_id = {o.pk: o for o in opinions}
    groups: dict[str, list[VoterOpinion]] = {}
    confidence: dict[str, float] = {}
    for r in results:
        opinion = by_id[int(r.id)]
        opinion.group_reasons = r.reasons
        groups.setdefault(r.cluster, []).append(opinion)
        confidence[r.cluster] = r.cluster_confidence
    earlier: dict[int, Mapping[str, Any]] = {}
    index = None
    if link_earlier:
        earlier = {
            row["id"]: row
            for row in Petition.objects.filter(
                province_id=round.province_id, round__start_date__lt=round.start_date
            ).values("id", "text", "round_id", "first_raised", "previous_id")
        }
        if earlier:
            index = engine.SuggestIndex([(str(i), row["text"]) for i, row in earlier.items()])
    items = []
    for cluster, members in groups.items():
        text = max((m.text for m in members), key=len)
        previous_id = None
        if index is not None:
            best = index.query(text, k=1)
            if best and best[0][1] >= LINK_THRESHOLD:
                previous_id = int(best[0][0])
        items.append(
            NewPetition(
                text=text,
                opinions=members,
                previous_id=previous_id,
                chain=_chain_of(previous_id, earlier),
                group_confidence=confidence[cluster],
            )
        )
    return _create_petitions(actor=actor, round=round, items=items, ref=ref)


def _editable(petition: Petition) -> None:
    if petition.status not in EDITABLE:
        raise Conflict(
            _("This petition has been forwarded and can no longer be regrouped."),
            code=PetitionError.NOT_EDITABLE,
        )


@transaction.atomic
def petition_edit(*, actor: User, petition: Petition, text: str) -> Petition:
    require(get_access(actor), CHANGE, petition.province_id)
    _editable(petition)
    text = " ".join(clean_text(text).split())
    if not text:
        raise _invalid(_("The consolidated wording is empty."), PetitionError.WORDING_EMPTY, "text")
    before = petition.text
    petition.text = text
    petition.save(update_fields=["text", "search_text", "updated_at"])
    _audit(
        actor, "petitions.petition_edit", petition, petition.province.code, petition.code, {"text": before}
    )
    return petition


@transaction.atomic
def petition_attach(*, actor: User, petition: Petition, opinions: Sequence[VoterOpinion]) -> Petition:
    """Attach opinions (of any round of the province) to an existing petition."""
    require(get_access(actor), CHANGE, petition.province_id)
    if petition.status == Petition.Status.CLOSED:
        raise Conflict(_("This petition is closed."), code=PetitionError.CLOSED)
    if any(o.province_id != petition.province_id for o in opinions):
        raise _invalid(
            _("Opinions must come from the same province."), PetitionError.WRONG_PROVINCE, "opinion"
        )
    old = {o.petition_id for o in opinions if o.petition_id and o.petition_id != petition.pk}
    VoterOpinion.objects.filter(pk__in=[o.pk for o in opinions]).update(petition=petition, group_reasons={})
    _refresh_provenance(petition)
    for p in Petition.objects.filter(pk__in=old):
        _refresh_provenance(p)
    _audit(actor, "petitions.petition_attach", petition, petition.province.code, f"{len(opinions)} opinions")
    return petition


@transaction.atomic
def petition_merge(*, actor: User, target: Petition, sources: Sequence[Petition]) -> Petition:
    """Move every opinion of `sources` into `target` (which keeps its own wording) and delete
    the emptied proposals; their old addresses and codes lead to `target` from now on
    (`MergedPetition`), and so do those of petitions merged into them before."""
    require(get_access(actor), CHANGE, target.province_id)
    _editable(target)
    sources = [s for s in sources if s.pk != target.pk]
    if not sources:
        raise _invalid(
            _("Choose at least two petitions to merge."), PetitionError.CHOOSE_PETITIONS, "petition"
        )
    for s in sources:
        if s.province_id != target.province_id or s.round_id != target.round_id:
            raise _invalid(
                _("Only petitions of the same round can be merged."), PetitionError.WRONG_ROUND, "petition"
            )
        _editable(s)
    ids = [s.pk for s in sources]
    if ForwardingBatch.petitions.through.objects.filter(petition_id__in=ids).exists():
        raise Conflict(_("A forwarded petition cannot be merged."), code=PetitionError.NOT_EDITABLE)
    VoterOpinion.objects.filter(petition_id__in=ids).update(petition=target, group_reasons={})
    # What pointed at the merged petitions now points at the one they went into.
    MergedPetition.objects.filter(into_id__in=ids).update(into=target)
    MergedPetition.objects.bulk_create(
        [MergedPetition(old_id=s.pk, code=s.code, into=target) for s in sources]
    )
    ClassificationOverride.objects.filter(petition_id__in=ids).update(petition=target)
    Petition.objects.filter(previous_id__in=ids).update(previous=target)
    Petition.objects.filter(pk__in=ids).delete()
    _refresh_provenance(target)
    codes = [s.code for s in sources]
    _audit(
        actor,
        "petitions.petition_merge",
        target,
        target.province.code,
        f"{', '.join(codes)} → {target.code}",
        {"merged": ids, "codes": codes},
    )
    return target


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@transaction.atomic
def petition_split(
    *, actor: User, petition: Petition, opinion_ids: Sequence[int], text: str = ""
) -> Petition:
    """Move some opinions out of `petition` into a new proposed petition, worded as the
    longest of them. The petition keeps its wording unless that wording was a moved opinion's:
    then it takes the longest opinion it keeps."""
    require(get_access(actor), CHANGE, petition.province_id)
    _editable(petition)
    moving = list(petition.opinions.filter(pk__in=opinion_ids).select_related("meeting"))
    if not moving:
        raise _invalid(_("Choose the opinions to split off."), PetitionError.CHOOSE_OPINIONS, "opinion")
    staying = list(petition.opinions.exclude(pk__in=[o.pk for o in moving]).order_by("id"))
    if not staying:
        raise _invalid(
            _("At least one opinion must stay in the petition."), PetitionError.CHOOSE_OPINIONS, "opinion"
        )
    wording = text or max((o.text for o in moving), key=len)
    new = petition_create(actor=actor, round=petition.round, text=wording, opinions=moving)
    if any(_same_text(petition.text, o.text) for o in moving):
        petition_edit(actor=actor, petition=petition, text=max((o.text for o in staying), key=len))
    _refresh_provenance(petition)
    _audit(
        actor,
        "petitions.petition_split",
        petition,
        petition.province.code,
        f"{petition.code} → {new.code}",
        {"opinions": [o.pk for o in moving], "into": new.code},
    )
    return new


@transaction.atomic
def petition_classify(
    *,
    actor: User,
    petition: Petition,
    field: str,
    level: str,
    agency: Body | None = None,
    committee: Body | None = None,
) -> Petition:
    """Set field, competent level, agency and committee; a change of the automatic field or
    level is kept as an override (training data for the classifier)."""
    require(get_access(actor), CHANGE, petition.province_id)
    code = PetitionError.CLASSIFICATION_INVALID
    if field not in FIELD_CODES:
        raise _invalid(_("Unknown field or level."), code, "field")
    if level not in LEVEL_CODES:
        raise _invalid(_("Unknown field or level."), code, "level")
    for name, body in (("agency", agency), ("committee", committee)):
        if body is not None and body.province_id != petition.province_id:
            raise _invalid(_("The agency and the committee must be bodies of the province."), code, name)
    if committee is not None and committee.kind != BodyKind.COMMITTEE:
        raise _invalid(_("The responsible committee must be a committee of the council."), code, "committee")
    before = model_snapshot(petition, ["field", "level", "agency", "committee"])
    if field != petition.field or level != petition.level:
        ClassificationOverride.objects.create(
            petition=petition,
            text=petition.text,
            field_before=petition.field,
            field_after=field,
            level_before=petition.level,
            level_after=level,
            actor=actor if getattr(actor, "pk", None) else None,
        )
    petition.field, petition.level = field, level
    petition.field_confidence = petition.level_confidence = 1.0
    if agency is not None:
        petition.agency, petition.agency_confidence = agency, 1.0
    if committee is not None:
        petition.committee, petition.committee_confidence = committee, 1.0
    petition.save()
    after = model_snapshot(petition, ["field", "level", "agency", "committee"])
    _audit(
        actor,
        "petitions.petition_classify",
        petition,
        petition.province.code,
        petition.code,
        diff(before, after),
    )
    return petition


@transaction.atomic
def petitions_classify(
    *, actor: User, petitions: Sequence[Petition], field: str, level: str
) -> list[Petition]:
    """The same field and level for several petitions: all of them or none."""
    return [petition_classify(actor=actor, petition=p, field=field, level=level) for p in petitions]


# -- Status moves: the one place (workflow.PETITION_FLOW) --------------------------------------


def _locked(petitions: Iterable[Petition]) -> list[Petition]:
    """The petitions as they are now, locked until the transaction ends, in the order given."""
    ids = list(dict.fromkeys(p.pk for p in petitions))
    rows = Petition.objects.select_for_update(of=("self",)).select_related("province").filter(pk__in=ids)
    by_id = {p.pk: p for p in rows.order_by("pk")}
    if len(by_id) != len(ids):
        raise NotFound(
            _("This petition does not exist or you may not see it."), code=PetitionError.PETITION_NOT_FOUND
        )
    return [by_id[i] for i in ids]


@transaction.atomic
def petition_transition(*, actor: User, petition: Petition, action: str) -> Petition:
    """Move one petition (`workflow.PETITION_FLOW`: permission in its province, object rule,
    state), locked while it moves; returns the petition as it now is."""
    (locked,) = _locked([petition])
    if PETITION_FLOW.action(action).rule is not None:
        # The object rule (an agency answers what was forwarded to it) reads the batches.
        prefetch_related_objects([locked], "batches")
    PETITION_FLOW.apply(
        actor=actor,
        access=get_access(actor),
        obj=locked,
        action=action,
        summary=locked.code,
        province_code=locked.province.code,
    )
    return locked


@transaction.atomic
def petitions_transition(*, actor: User, petitions: Sequence[Petition], action: str) -> list[Petition]:
    """The same move for several petitions, all or none: each is checked before any moves."""
    return _move_all(actor, _locked(petitions), action)


def _move_all(actor: User, locked: list[Petition], action: str) -> list[Petition]:
    """`petitions_transition` on petitions the caller has locked."""
    access = get_access(actor)
    for p in locked:
        PETITION_FLOW.check(access, p, action)
    by_province: dict[str, list[Petition]] = {}
    for p in locked:
        by_province.setdefault(p.province.code, []).append(p)
    for code, group in by_province.items():
        PETITION_FLOW.apply_many(
            actor=actor,
            access=access,
            objs=group,
            action=action,
            summary=lambda p: p.code,
            province_code=code,
        )
    return locked


@transaction.atomic
def round_confirm_all(*, actor: User, round: Round) -> int:
    """Accept every proposed grouping of the round (each petition moves to confirmed)."""
    require(get_access(actor), CHANGE, round.province_id)
    drafts = list(Petition.objects.filter(round=round, status=Petition.Status.DRAFT).order_by("id"))
    moved = len(petitions_transition(actor=actor, petitions=drafts, action="confirm"))
    # The confirmed groupings are the province's training data: retrain in the worker.
    province_id = round.province_id
    transaction.on_commit(lambda: _enqueue_retrain(province_id))
    return moved


CONSOLIDATION_ACTIONS = (
    "propose",
    "confirm_all",
    "confirm",
    "unconfirm",
    "merge",
    "split",
    "edit",
    "classify",
)


@transaction.atomic
def consolidation_act(
    *,
    actor: User,
    round: Round,
    action: str,
    petition_ids: Sequence[int] = (),
    opinion_ids: Sequence[int] = (),
    target_id: int | None = None,
    text: str = "",
    field: str = "",
    level: str = "",
) -> Any:
    """One action of the consolidation screen on the ticked petitions and opinions of a round:
    one transaction. A merge goes into the petition chosen as its target (`target_id`, which
    need not be ticked too); a split takes the ticked opinions out of their petition (one
    petition: the opinions say which); an edit rewords the one petition ticked."""
    require(get_access(actor), CHANGE, round.province_id)
    if action == "propose":
        return consolidate_round(actor=actor, round=round)
    if action == "confirm_all":
        return round_confirm_all(actor=actor, round=round)
    if action not in CONSOLIDATION_ACTIONS:
        raise _invalid(_("Unknown action."), PetitionError.UNKNOWN_ACTION)
    if action == "split":
        return _split_ticked(actor, round, petition_ids, opinion_ids)
    if action == "merge":
        if target_id is None:
            raise _invalid(
                _("Choose the petition to merge into (“Merge into this one” on its card)."),
                PetitionError.CHOOSE_TARGET,
                "target",
            )
        chosen = selectors.petitions_of_round(round, [target_id, *petition_ids])
        if len(chosen) < 2:
            raise _invalid(
                _("Tick the petitions to merge into the chosen one."),
                PetitionError.CHOOSE_PETITIONS,
                "petition",
            )
        return petition_merge(actor=actor, target=chosen[0], sources=chosen[1:])
    chosen = selectors.petitions_of_round(round, petition_ids)
    if not chosen:
        raise _invalid(_("Choose a petition."), PetitionError.CHOOSE_PETITIONS, "petition")
    if action in ("confirm", "unconfirm"):
        return petitions_transition(actor=actor, petitions=chosen, action=action)
    if action == "edit":
        return petition_edit(actor=actor, petition=chosen[0], text=text)
    return petitions_classify(actor=actor, petitions=chosen, field=field, level=level)


def _split_ticked(
    actor: User, round: Round, petition_ids: Sequence[int], opinion_ids: Sequence[int]
) -> Petition:
    """Split by the ticked opinions: their petition is the one split (a ticked petition, if
    any, must be that one)."""
    if not opinion_ids:
        raise _invalid(
            _("Tick the opinions to take out of their petition."), PetitionError.CHOOSE_OPINIONS, "opinion"
        )
    owners = set(
        VoterOpinion.objects.filter(pk__in=opinion_ids, meeting__round=round).values_list(
            "petition_id", flat=True
        )
    )
    owners.discard(None)
    if not owners:
        raise _invalid(
            _("The ticked opinions do not belong to a petition of this round."),
            PetitionError.CHOOSE_OPINIONS,
            "opinion",
        )
    if len(owners) > 1:
        raise _invalid(
            _("The ticked opinions belong to different petitions: split one petition at a time."),
            PetitionError.CHOOSE_OPINIONS,
            "opinion",
        )
    (owner_id,) = owners
    if petition_ids and set(petition_ids) != {owner_id}:
        raise _invalid(
            _("The ticked opinions do not belong to the ticked petition."),
            PetitionError.CHOOSE_OPINIONS,
            "opinion",
        )
    (petition,) = selectors.petitions_of_round(round, [owner_id])
    return petition_split(actor=actor, petition=petition, opinion_ids=opinion_ids)


# -- Forwarding and answers ---------------------------------------------------------------------


def _rule_level(agency: Body) -> str:
    return agency.level if agency.level in ("central", "commune") else "province"


@transaction.atomic
def batch_create(
    *,
    actor: User,
    round: Round,
    agency: Body,
    petitions: Sequence[Petition],
    dispatch_number: str,
    dispatch_date: datetime.date,
) -> ForwardingBatch:
    """Forward confirmed petitions to one agency, all of them or none; the due date comes from
    the rule in force on the dispatch date for the agency's level (60 days for central bodies)
    and is stored. The agency becomes each petition's agency."""
    require(get_access(actor), FORWARD, round.province_id)
    code = PetitionError.BATCH_INVALID
    if agency.province_id != round.province_id:
        raise _invalid(_("The agency must be a body of the province."), code, "agency")
    if not petitions:
        raise _invalid(_("Choose the petitions to forward."), PetitionError.CHOOSE_PETITIONS, "petition")
    if not dispatch_number.strip():
        raise _invalid(_("The dispatch number is required."), code, "dispatch_number")
    if any(p.round_id != round.pk for p in petitions):
        raise _invalid(_("Every petition must belong to the round."), PetitionError.WRONG_ROUND, "petition")
    locked = _locked(petitions)
    for p in locked:
        if not PETITION_FLOW.can_move(p.status, "forward"):
            raise Conflict(
                _("Petition %(code)s is not confirmed.") % {"code": p.code},
                code=PetitionError.NOT_FORWARDABLE,
                details={"field": "petition"},
            )
    rule = rule_for(_rule_level(agency), dispatch_date)
    batch = ForwardingBatch.objects.create(
        province_id=round.province_id,
        round=round,
        agency=agency,
        dispatch_number=dispatch_number.strip(),
        dispatch_date=dispatch_date,
        due_date=add_days(dispatch_date, rule.answer_days),
        rule=rule,
    )
    ForwardingBatch.petitions.through.objects.bulk_create(
        [ForwardingBatch.petitions.through(forwardingbatch=batch, petition=p) for p in locked]
    )
    reassigned = {
        p.code: {"before": p.agency_id, "after": agency.pk} for p in locked if p.agency_id != agency.pk
    }
    if reassigned:
        # Recorded in the batch's audit entry below.
        Petition.objects.filter(pk__in=[p.pk for p in locked]).update(agency=agency, agency_confidence=1.0)
    _move_all(actor, locked, "forward")
    _audit(
        actor,
        "petitions.batch_create",
        batch,
        round.province.code,
        f"{batch.dispatch_number} ({len(locked)})",
        {"petitions": [p.code for p in locked], "agency": reassigned},
    )
    _notify_batch(batch, len(locked))
    return batch


def _notify_batch(batch: ForwardingBatch, count: int) -> None:
    """Petitions sent to an agency: its answering users are told (after commit, dancu.notifications)."""
    from django.urls import reverse

    from dancu.notifications import services as notifications

    agency_id = batch.agency_id
    notifications.notify_after_commit(
        event=notifications.EVENT_SENT_TO_AGENCY,
        recipients=lambda: notifications.users_with(ANSWER, None, body_ids=[agency_id]),
        title=_("%(n)s voters' petitions were forwarded to your agency (%(number)s)")
        % {"n": count, "number": batch.dispatch_number},
        body=_("Answer by %(due)s.") % {"due": f"{batch.due_date:%d/%m/%Y}"},
        url=reverse("petitions:agency_batch", args=[batch.pk]),
        dedupe_key=f"petitions.batch:{batch.pk}",
        province_id=batch.province_id,
    )


# What an agency may attach to an answer: documents and scans (checked by content, see
# core.files), 10 MB at most.
ANSWER_FILE_KINDS = (PDF, DOCX, JPEG, PNG)
MAX_ANSWER_FILE = 10 * 1024 * 1024


@transaction.atomic
def answer_submit(
    *,
    actor: User,
    batch: ForwardingBatch,
    petition: Petition,
    text: str,
    status: str,
    file: Any = None,
    document_number: str = "",
    document_date: datetime.date | None = None,
) -> Answer:
    """An agency's user answers a petition forwarded to its own body. An attachment is checked
    by content (PDF, DOCX, JPEG, PNG; no web page, script or polyglot; 10 MB) before anything
    is written, and stored under a safe name with the checked kind's extension."""
    if not can_answer_batch(get_access(actor), batch):
        raise PermissionDenied(
            _("Only the agency the petition was forwarded to may answer it."),
            code=PetitionError.NOT_OWN_AGENCY,
        )
    if not batch.petitions.filter(pk=petition.pk).exists():
        raise NotFound(
            _("This petition was not forwarded in this batch."), code=PetitionError.PETITION_NOT_FOUND
        )
    code = PetitionError.ANSWER_INVALID
    if status not in AnswerStatus.values:
        raise _invalid(_("Choose the result of the answer."), code, "status")
    text = clean_text(text).strip()
    if not text:
        raise _invalid(_("The answer is empty."), code, "text")
    document_number = " ".join(clean_text(document_number).split())[:50]
    if document_date is not None and document_date < batch.dispatch_date:
        raise _invalid(
            _("The reply document cannot be dated before the petitions were forwarded (%(date)s).")
            % {"date": f"{batch.dispatch_date:%d/%m/%Y}"},
            code,
            "document_date",
        )
    if document_date is not None and document_date > timezone.localdate():
        raise _invalid(_("The reply document cannot be dated in the future."), code, "document_date")
    kind = check_file(file, kinds=ANSWER_FILE_KINDS, max_bytes=MAX_ANSWER_FILE) if file is not None else None
    moved = petition_transition(actor=actor, petition=petition, action="answer")
    answer = Answer(
        petition=moved,
        batch=batch,
        text=text,
        status=status,
        answered_by=actor,
        document_number=document_number,
        document_date=document_date,
    )
    changes: dict[str, Any] = {}
    if file is not None and kind is not None:
        answer.file.save(stored_name(str(getattr(file, "name", "") or ""), kind), file, save=False)
        changes = {"file": answer.file.name, "kind": kind.key}
    try:
        answer.save()
        _audit(
            actor, "petitions.answer_submit", answer, moved.province.code, f"{moved.code}: {status}", changes
        )
    except BaseException:
        if answer.file:  # the answer is not written: its file must not stay behind
            answer.file.storage.delete(answer.file.name)
        raise
    _notify_answer(answer, moved)
    return answer


def _notify_answer(answer: Answer, petition: Petition) -> None:
    """An agency's answer arrived: the Office's users who review answers are told (after commit)."""
    from django.urls import reverse

    from dancu.notifications import services as notifications

    province_id = petition.province_id
    notifications.notify_after_commit(
        event=notifications.EVENT_ANSWER_ARRIVED,
        recipients=lambda: notifications.users_with(FORWARD, province_id),
        title=_("An agency answered petition %(code)s") % {"code": petition.code},
        body=answer.text[:500],
        url=reverse("petitions:petition_detail", args=[petition.pk]),
        dedupe_key=f"petitions.answer:{answer.pk}",
        province_id=petition.province_id,
    )


def answer_file_problem(answer: Answer) -> str:
    """Why a stored attachment would be refused today ("" when it is accepted): files stored
    before uploads were checked may be pages, scripts or too large."""
    if not answer.file:
        return ""
    try:
        with answer.file.open("rb") as handle:
            check_file(handle, kinds=ANSWER_FILE_KINDS, max_bytes=MAX_ANSWER_FILE)
    except FileRejected as exc:
        return exc.message
    except OSError:
        return _("The file is missing from the storage.")
    if answer.file.name.rsplit(".", 1)[-1].lower() not in {k.extension for k in ANSWER_FILE_KINDS}:
        return _("The stored name does not have the extension of its kind.")
    return ""


@transaction.atomic
def answer_file_remove_refused(*, answer: Answer, reason: str) -> Answer:
    """Remove an attachment that would be refused today (the answer's text stays); audited,
    the file deleted from the storage once the removal is committed. The system acts."""
    name = answer.file.name
    storage = answer.file.storage
    answer.file = ""  # type: ignore[assignment]
    answer.save(update_fields=["file", "updated_at"])
    audit_record(
        actor=None,
        action="petitions.answer.file_removed",
        target=answer,
        province_code=answer.petition.province.code,
        summary=f"{answer.petition.code}: {reason}"[:300],
        changes={"name": name, "reason": reason},
    )
    transaction.on_commit(lambda: storage.delete(name) if name and storage.exists(name) else None)
    return answer


@transaction.atomic
def answer_review(*, actor: User, answer: Answer, accepted: bool, reason: str = "") -> Answer:
    """The office accepts an answer (the petition closes) or does not (it is re-opened)."""
    if not can_forward(get_access(actor), answer.petition):
        raise PermissionDenied(_("You do not have permission to do this."), code=PetitionError.FORBIDDEN)
    if answer.accepted is not None:
        raise Conflict(_("This answer has already been reviewed."), code=PetitionError.ALREADY_REVIEWED)
    reason = clean_text(reason).strip()
    if not accepted and not reason:
        raise _invalid(_("Say why the answer is not accepted."), PetitionError.REASON_MISSING, "reason")
    moved = petition_transition(
        actor=actor, petition=answer.petition, action="accept" if accepted else "reopen"
    )
    answer.accepted = accepted
    answer.rejection_reason = "" if accepted else reason
    answer.save(update_fields=["accepted", "rejection_reason", "updated_at"])
    _audit(actor, "petitions.answer_review", answer, moved.province.code, f"{moved.code}: {accepted}")
    return answer


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Record a reminder for each batch nearing its due date or overdue with unanswered
    petitions; the unique (batch, kind) row makes a second run on the same day a no-op.
    The system acts (the audit entries have no user)."""
    today = today or timezone.localdate()
    sent = 0
    open_batches = ForwardingBatch.objects.filter(petitions__status=Petition.Status.FORWARDED).distinct()
    for batch in open_batches.select_related("rule", "province"):
        kind = ""
        if batch.due_date < today:
            kind = "overdue"
        elif (batch.due_date - today).days <= batch.rule.remind_days_before:
            kind = "before"
        if not kind:
            continue
        with transaction.atomic():
            _obj, created = ReminderLog.objects.get_or_create(
                batch=batch, kind=kind, defaults={"sent_on": today}
            )
            if created:
                audit_record(
                    actor=None,
                    action=f"petitions.reminder_{kind}",
                    target=batch,
                    province_code=batch.province.code,
                    summary=f"{batch.dispatch_number} due {batch.due_date:%d/%m/%Y}",
                )
                sent += 1
    return sent
