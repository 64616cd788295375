"""Writes of the petitions module: each service checks permission, validates, writes and audits."""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.audit import audit_record, model_snapshot
from dancu.core.calendar import add_days
from dancu.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Person, UnitLevel

from . import engine, listing, workflow
from .fields import FIELD_CODES, FIELDS, LEVEL_CODES
from .models import (
    Answer,
    AnswerStatus,
    ClassificationOverride,
    DelegateLevel,
    ForwardingBatch,
    MeetingKind,
    Petition,
    PetitionRule,
    ReminderLog,
    Round,
    VoterMeeting,
    VoterOpinion,
)
from .permissions import ANSWER, CHANGE, FORWARD

DEFAULT_RULES = [
    ("central", datetime.date(2017, 1, 1), 60, 10, "QĐ 33/2017/QĐ-TTg Art. 12, amended by QĐ 30/2020"),
    ("province", datetime.date(2017, 1, 1), 30, 7, "provincial regulation (editable)"),
    ("commune", datetime.date(2017, 1, 1), 30, 7, "provincial regulation (editable)"),
]


def ensure_rules() -> None:
    """The seeded rule rows (the data migration seeds them; transactional tests flush them)."""
    for level, start, days, remind, source in DEFAULT_RULES:
        PetitionRule.objects.get_or_create(
            level=level,
            effective_from=start,
            defaults={"answer_days": days, "remind_days_before": remind, "source": source},
        )


def rule_for(level: str, on: datetime.date) -> PetitionRule:
    """The rule in force on `on` for answers at `level` (the latest effective_from ≤ on)."""
    rule = (
        PetitionRule.objects.filter(level=level, effective_from__lte=on).order_by("-effective_from").first()
    )
    if rule is None:
        ensure_rules()
        rule = (
            PetitionRule.objects.filter(level=level, effective_from__lte=on)
            .order_by("-effective_from")
            .first()
        )
    if rule is None:
        raise ValidationFailed(_("No deadline rule is in force for this date."))
    return rule


def _require(actor, perm: str, province_id: int) -> None:
    get_access(actor).require(perm, province_id)


def _audit(actor, action: str, target, province: AdministrativeUnit, summary: str, changes=None) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=target,
        province_code=province.code,
        summary=summary,
        changes=changes or {},
    )


# -- Rounds and meetings ----------------------------------------------------------------------


@transaction.atomic
def round_create(
    *, actor, province: AdministrativeUnit, name: str, code: str, start_date: datetime.date, end_date=None
) -> Round:
    _require(actor, CHANGE, province.pk)
    name, code = name.strip(), code.strip()
    if not name or not code:
        raise ValidationFailed(_("A round needs a name and a code."))
    if Round.objects.filter(province=province, code=code).exists():
        raise Conflict(_("A round with this code already exists."))
    obj = Round.objects.create(
        province=province, name=name, code=code, start_date=start_date, end_date=end_date
    )
    _audit(actor, "petitions.round_create", obj, province, name)
    return obj


@transaction.atomic
def round_publish(*, actor, round: Round, public: bool) -> Round:
    _require(actor, FORWARD, round.province_id)
    round.is_public = public
    round.save(update_fields=["is_public", "updated_at"])
    _audit(actor, "petitions.round_publish", round, round.province, f"public={public}")
    return round


@transaction.atomic
def meeting_create(
    *,
    actor,
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
    _require(actor, CHANGE, round.province_id)
    if kind not in MeetingKind.values:
        raise ValidationFailed(_("Unknown kind of meeting."))
    if kind == MeetingKind.THEMATIC and not sector.strip():
        raise ValidationFailed(_("A thematic meeting needs its sector."))
    bad_levels = set(levels) - set(DelegateLevel.values)
    if bad_levels:
        raise ValidationFailed(_("Unknown level of delegates."))
    if place.level != UnitLevel.COMMUNE or not _in_province(place, round.province_id):
        raise ValidationFailed(_("The place must be a commune of the province."))
    organisers, delegates = list(organisers), list(delegates)
    if any(b.province_id != round.province_id for b in organisers):
        raise ValidationFailed(_("Organisers must be bodies of the province."))
    if any(p.province_id != round.province_id for p in delegates):
        raise ValidationFailed(_("Delegates must be people of the province."))
    if voter_count < 0:
        raise ValidationFailed(_("The number of voters cannot be negative."))
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
    _audit(actor, "petitions.meeting_create", meeting, round.province, str(meeting))
    return meeting


def _in_province(unit: AdministrativeUnit, province_id: int) -> bool:
    seen = 0
    while unit is not None and seen < 5:
        if unit.pk == province_id:
            return True
        unit = unit.parent  # type: ignore[assignment]
        seen += 1
    return False


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
    *, actor, meeting: VoterMeeting, rows: Sequence[dict[str, Any]], source: str = "form"
) -> list[VoterOpinion]:
    """Record opinions ({"text", "voter_label"?, "area"?}) of a meeting."""
    _require(actor, CHANGE, meeting.province_id)
    clean = []
    for i, row in enumerate(rows, start=1):
        text = " ".join(str(row.get("text") or "").split())
        if not text:
            raise ValidationFailed(_("Opinion %(n)d is empty.") % {"n": i})
        if len(text) > 5000:
            raise ValidationFailed(_("Opinion %(n)d is too long.") % {"n": i})
        clean.append((text, str(row.get("voter_label") or "")[:200], str(row.get("area") or "")[:200]))
    if not clean:
        raise ValidationFailed(_("No opinion to record."))
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
        meeting.province,
        _("%(n)d opinions recorded (%(source)s)") % {"n": len(created), "source": source},
    )
    return created


# -- Consolidation -----------------------------------------------------------------------------


def _next_code(petition: Petition) -> str:
    return f"KN{petition.round.start_date:%y}-{petition.pk:06d}"


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


def _classify_text(text: str) -> dict[str, Any]:
    (field_pred, level_pred) = classifier().predict([text])[0]
    return {
        "field": field_pred.code if field_pred.code in FIELD_CODES else "khac",
        "field_confidence": field_pred.confidence,
        "level": level_pred.code if level_pred.code in LEVEL_CODES else "province",
        "level_confidence": level_pred.confidence,
    }


def _default_committee(province_id: int, field: str) -> Body | None:
    wanted = engine.fold(FIELDS.get(field, FIELDS["khac"])[2])
    for body in Body.objects.filter(province_id=province_id, kind=BodyKind.COMMITTEE, active_to__isnull=True):
        if wanted in engine.fold(body.name):
            return body
    return None


def _suggest_agency(province_id: int, field: str, level: str) -> tuple[Body | None, float]:
    """A default agency: the provincial department whose name matches the field, else the
    People's Committee of the province (central petitions go through the delegation)."""
    keywords = {
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
    agencies = list(
        Body.objects.filter(province_id=province_id, kind=BodyKind.AGENCY, active_to__isnull=True)
    )
    key = keywords.get(field)
    if key:
        for body in agencies:
            if key in engine.fold(body.name):
                return body, 0.7
    committee = Body.objects.filter(
        province_id=province_id, kind=BodyKind.PEOPLES_COMMITTEE, unit_id=province_id
    ).first()
    return committee, 0.4 if committee else 0.0


def _refresh_provenance(petition: Petition) -> None:
    ops = petition.opinions.all()
    stats = ops.aggregate(groups=Count("meeting", distinct=True), first=Min("meeting__date"))
    rounds = set(ops.values_list("meeting__round_id", flat=True).distinct())
    prev = petition.previous
    seen = 0
    while prev is not None and seen < 20:
        rounds.add(prev.round_id)
        first = prev.first_raised
        if first and (stats["first"] is None or first < stats["first"]):
            stats["first"] = first
        prev = prev.previous
        seen += 1
    petition.group_count = stats["groups"] or 0
    petition.first_raised = stats["first"]
    petition.rounds_raised = max(1, len(rounds))
    petition.save(update_fields=["group_count", "first_raised", "rounds_raised", "updated_at", "search_text"])


@transaction.atomic
def petition_create(
    *,
    actor,
    round: Round,
    text: str,
    opinions: Sequence[VoterOpinion] = (),
    previous: Petition | None = None,
    group_confidence: float = 1.0,
) -> Petition:
    """A new petition (proposed) grouping `opinions`, classified automatically."""
    _require(actor, CHANGE, round.province_id)
    text = " ".join(text.split())
    if not text:
        raise ValidationFailed(_("The consolidated wording is empty."))
    if any(o.province_id != round.province_id or o.meeting.round_id != round.pk for o in opinions):
        raise ValidationFailed(_("Opinions must come from meetings of this round."))
    if previous is not None and previous.province_id != round.province_id:
        raise ValidationFailed(_("The earlier petition belongs to another province."))
    cls = _classify_text(text)
    agency, agency_conf = _suggest_agency(round.province_id, cls["field"], cls["level"])
    committee = _default_committee(round.province_id, cls["field"])
    petition = Petition.objects.create(
        province_id=round.province_id,
        round=round,
        code=f"tmp-{uuid.uuid4().hex[:24]}",
        text=text,
        group_confidence=group_confidence,
        agency=agency,
        agency_confidence=agency_conf,
        committee=committee,
        committee_confidence=0.8 if committee else 0.0,
        previous=previous,
        **cls,
    )
    petition.code = _next_code(petition)
    petition.save(update_fields=["code"])
    if opinions:
        VoterOpinion.objects.filter(pk__in=[o.pk for o in opinions]).update(petition=petition)
    _refresh_provenance(petition)
    _audit(actor, "petitions.petition_create", petition, round.province, petition.code)
    return petition


def _editable(petition: Petition) -> None:
    if petition.status not in workflow.EDITABLE:
        raise Conflict(_("This petition has been forwarded and can no longer be regrouped."))


@transaction.atomic
def petition_edit(*, actor, petition: Petition, text: str) -> Petition:
    _require(actor, CHANGE, petition.province_id)
    _editable(petition)
    text = " ".join(text.split())
    if not text:
        raise ValidationFailed(_("The consolidated wording is empty."))
    before = model_snapshot(petition, ["text"])
    petition.text = text
    petition.save(update_fields=["text", "search_text", "updated_at"])
    _audit(
        actor, "petitions.petition_edit", petition, petition.province, petition.code, {"text": before["text"]}
    )
    return petition


@transaction.atomic
def petition_attach(*, actor, petition: Petition, opinions: Sequence[VoterOpinion]) -> Petition:
    """Attach opinions (of any round of the province) to an existing petition."""
    _require(actor, CHANGE, petition.province_id)
    if petition.status == Petition.Status.CLOSED:
        raise Conflict(_("This petition is closed."))
    if any(o.province_id != petition.province_id for o in opinions):
        raise ValidationFailed(_("Opinions must come from the same province."))
    old = {o.petition_id for o in opinions if o.petition_id and o.petition_id != petition.pk}
    VoterOpinion.objects.filter(pk__in=[o.pk for o in opinions]).update(petition=petition)
    _refresh_provenance(petition)
    for p in Petition.objects.filter(pk__in=old):
        _refresh_provenance(p)
    _audit(actor, "petitions.petition_attach", petition, petition.province, f"{len(opinions)} opinions")
    return petition


@transaction.atomic
def petition_merge(*, actor, target: Petition, sources: Sequence[Petition]) -> Petition:
    """Move every opinion of `sources` into `target` and delete the emptied proposals."""
    _require(actor, CHANGE, target.province_id)
    _editable(target)
    for s in sources:
        if s.pk == target.pk:
            continue
        if s.province_id != target.province_id or s.round_id != target.round_id:
            raise ValidationFailed(_("Only petitions of the same round can be merged."))
        _editable(s)
        if s.batches.exists():
            raise Conflict(_("A forwarded petition cannot be merged."))
    ids = [s.pk for s in sources if s.pk != target.pk]
    VoterOpinion.objects.filter(petition_id__in=ids).update(petition=target)
    Petition.objects.filter(pk__in=ids).delete()
    _refresh_provenance(target)
    _audit(actor, "petitions.petition_merge", target, target.province, f"merged {ids}", {"merged": ids})
    return target


@transaction.atomic
def petition_split(*, actor, petition: Petition, opinion_ids: Sequence[int], text: str = "") -> Petition:
    """Move some opinions out of `petition` into a new proposed petition."""
    _require(actor, CHANGE, petition.province_id)
    _editable(petition)
    moving = list(petition.opinions.filter(pk__in=opinion_ids).select_related("meeting"))
    if not moving:
        raise ValidationFailed(_("Choose the opinions to split off."))
    if len(moving) == petition.opinions.count():
        raise ValidationFailed(_("At least one opinion must stay in the petition."))
    new = petition_create(actor=actor, round=petition.round, text=text or moving[0].text, opinions=moving)
    _refresh_provenance(petition)
    return new


@transaction.atomic
def petition_classify(
    *,
    actor,
    petition: Petition,
    field: str,
    level: str,
    agency: Body | None = None,
    committee: Body | None = None,
) -> Petition:
    """Set field, competent level, agency and committee; a change of the automatic field or
    level is kept as an override (training data for the classifier)."""
    _require(actor, CHANGE, petition.province_id)
    if field not in FIELD_CODES or level not in LEVEL_CODES:
        raise ValidationFailed(_("Unknown field or level."))
    for body in (agency, committee):
        if body is not None and body.province_id != petition.province_id:
            raise ValidationFailed(_("The agency and the committee must be bodies of the province."))
    if committee is not None and committee.kind != BodyKind.COMMITTEE:
        raise ValidationFailed(_("The responsible committee must be a committee of the council."))
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
        actor, "petitions.petition_classify", petition, petition.province, petition.code, _diff(before, after)
    )
    return petition


def _diff(before: dict, after: dict) -> dict:
    return {
        k: {"before": before.get(k), "after": after.get(k)} for k in after if before.get(k) != after.get(k)
    }


@transaction.atomic
def petition_transition(*, actor, petition: Petition, action: str, perm: str = CHANGE) -> Petition:
    """The one place where a petition's status changes (workflow.TRANSITIONS)."""
    _require(actor, perm, petition.province_id)
    if action not in workflow.TRANSITIONS:
        raise ValidationFailed(_("Unknown action."))
    locked = Petition.objects.select_for_update().get(pk=petition.pk)
    if not workflow.can(action, locked.status):
        raise Conflict(_("This action is not possible in the petition's current state."))
    before = locked.status
    locked.status = workflow.target(action)
    locked.save(update_fields=["status", "updated_at"])
    petition.status = locked.status
    _audit(
        actor,
        f"petitions.petition_{action}",
        locked,
        locked.province,
        locked.code,
        {"status": {"before": before, "after": locked.status}},
    )
    return petition


@transaction.atomic
def round_confirm_all(*, actor, round: Round) -> int:
    """Accept every proposed grouping of the round (each petition moves to confirmed)."""
    _require(actor, CHANGE, round.province_id)
    count = 0
    for p in Petition.objects.filter(round=round, status=Petition.Status.DRAFT):
        petition_transition(actor=actor, petition=p, action="confirm")
        count += 1
    return count


# Similarity above which a new group is linked to a petition of an earlier round.
LINK_THRESHOLD = 0.45


@transaction.atomic
def consolidate_round(*, actor, round: Round, link_earlier: bool = True) -> list[Petition]:
    """Group the round's unassigned opinions into proposed petitions with the engine.

    Each group becomes a petition in the proposed state, worded as its longest opinion, with
    the group's confidence; when a petition of an earlier round of the province asks for the
    same thing (similarity above the grouping threshold), the new one is linked to it so that
    "raised in N rounds" counts it.
    """
    _require(actor, CHANGE, round.province_id)
    opinions = list(
        VoterOpinion.objects.filter(meeting__round=round, petition__isnull=True)
        .select_related("meeting")
        .order_by("id")
    )
    if not opinions:
        return []
    items = [{"id": str(o.pk), "text": o.text, "area": o.area} for o in opinions]
    results = engine.consolidate(items, classifier=classifier())
    by_id = {o.pk: o for o in opinions}
    groups: dict[str, list[VoterOpinion]] = {}
    confidence: dict[str, float] = {}
    for r in results:
        groups.setdefault(r.cluster, []).append(by_id[int(r.id)])
        confidence[r.cluster] = r.cluster_confidence
    earlier_index = None
    if link_earlier:
        earlier = list(
            Petition.objects.filter(
                province_id=round.province_id, round__start_date__lt=round.start_date
            ).values_list("id", "text")
        )
        if earlier:
            earlier_index = engine.SuggestIndex([(str(i), t) for i, t in earlier])
    created = []
    for cluster, members in groups.items():
        text = max((m.text for m in members), key=len)
        previous = None
        if earlier_index is not None:
            best = earlier_index.query(text, k=1)
            if best and best[0][1] >= LINK_THRESHOLD:
                previous = Petition.objects.get(pk=int(best[0][0]))
        created.append(
            petition_create(
                actor=actor,
                round=round,
                text=text,
                opinions=members,
                previous=previous,
                group_confidence=confidence[cluster],
            )
        )
    return created


# -- Forwarding and answers ---------------------------------------------------------------------


@transaction.atomic
def batch_create(
    *,
    actor,
    round: Round,
    agency: Body,
    petitions: Sequence[Petition],
    dispatch_number: str,
    dispatch_date: datetime.date,
) -> ForwardingBatch:
    """Forward confirmed petitions to one agency; the due date comes from the rule in force on
    the dispatch date for the agency's level (60 days for central bodies) and is stored."""
    _require(actor, FORWARD, round.province_id)
    if agency.province_id != round.province_id:
        raise ValidationFailed(_("The agency must be a body of the province."))
    if not petitions:
        raise ValidationFailed(_("Choose the petitions to forward."))
    if not dispatch_number.strip():
        raise ValidationFailed(_("The dispatch number is required."))
    for p in petitions:
        if p.round_id != round.pk:
            raise ValidationFailed(_("Every petition must belong to the round."))
        if not workflow.can("forward", p.status):
            raise Conflict(_("Petition %(code)s is not confirmed.") % {"code": p.code})
    level = (
        "central" if agency.level == "central" else ("commune" if agency.level == "commune" else "province")
    )
    rule = rule_for(level, dispatch_date)
    batch = ForwardingBatch.objects.create(
        province_id=round.province_id,
        round=round,
        agency=agency,
        dispatch_number=dispatch_number.strip(),
        dispatch_date=dispatch_date,
        due_date=add_days(dispatch_date, rule.answer_days),
        rule=rule,
    )
    batch.petitions.set(petitions)
    for p in petitions:
        if p.agency_id != agency.pk:
            Petition.objects.filter(pk=p.pk).update(agency=agency, agency_confidence=1.0)
            listing.VERSION.bump_now_and_on_commit()  # update() sends no signal
        petition_transition(actor=actor, petition=p, action="forward", perm=FORWARD)
    _audit(
        actor, "petitions.batch_create", batch, round.province, f"{batch.dispatch_number} ({len(petitions)})"
    )
    return batch


def responder_can_answer(actor, batch: ForwardingBatch) -> bool:
    access = get_access(actor)
    return access.has(ANSWER, batch.province_id) and batch.agency_id in access.bodies_with_role(
        "agency_responder"
    )


@transaction.atomic
def answer_submit(
    *, actor, batch: ForwardingBatch, petition: Petition, text: str, status: str, file=None
) -> Answer:
    """An agency's user answers a petition forwarded to its own body."""
    if not responder_can_answer(actor, batch):
        raise PermissionDenied(_("Only the agency the petition was forwarded to may answer it."))
    if not batch.petitions.filter(pk=petition.pk).exists():
        raise NotFound("")
    if status not in AnswerStatus.values:
        raise ValidationFailed(_("Choose the result of the answer."))
    text = text.strip()
    if not text:
        raise ValidationFailed(_("The answer is empty."))
    if file is not None and getattr(file, "size", 0) > 10 * 1024 * 1024:
        raise ValidationFailed(_("The attachment is larger than 10 MB."))
    answer = Answer.objects.create(
        petition=petition, batch=batch, text=text, status=status, answered_by=actor
    )
    if file is not None:
        answer.file.save(getattr(file, "name", "answer"), file, save=True)
    petition_transition(actor=actor, petition=petition, action="answer", perm=ANSWER)
    _audit(actor, "petitions.answer_submit", answer, batch.province, f"{petition.code}: {status}")
    return answer


@transaction.atomic
def answer_review(*, actor, answer: Answer, accepted: bool, reason: str = "") -> Answer:
    """The office accepts an answer (the petition closes) or does not (it is re-opened)."""
    petition = answer.petition
    _require(actor, FORWARD, petition.province_id)
    if answer.accepted is not None:
        raise Conflict(_("This answer has already been reviewed."))
    if not accepted and not reason.strip():
        raise ValidationFailed(_("Say why the answer is not accepted."))
    answer.accepted = accepted
    answer.rejection_reason = "" if accepted else reason.strip()
    answer.save(update_fields=["accepted", "rejection_reason", "updated_at"])
    petition_transition(
        actor=actor, petition=petition, action="accept" if accepted else "reopen", perm=FORWARD
    )
    _audit(actor, "petitions.answer_review", answer, petition.province, f"{petition.code}: {accepted}")
    return answer


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Record a reminder for each batch nearing its due date or overdue with unanswered
    petitions; the unique (batch, kind) row makes a second run on the same day a no-op."""
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
