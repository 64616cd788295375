"""The coordination ("điều hòa") screen's data: the overlap engine run on a year's activities.

Reads only (scoped); the Office's resolutions are written by `services.coordination_resolve`.
Agencies and places are compared by id; a place of before the 2025 reform counts as its
default successor, so an old commune and the new one it merged into are the same place.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.directory.models import UnitSuccession

from . import selectors
from .models import Activity, Coordination
from .overlaps import CONCEPTS, Engine, Item
from .permissions import SupervisionPerm
from .ruleset import value_on


@dataclass
class OverlapRow:
    first: Activity
    second: Activity
    score: float
    reasons: list[dict[str, Any]]
    decision: Coordination | None = None
    past: bool = False
    texts: list[str] = field(default_factory=list)


def _successors(unit_ids: set[int]) -> dict[int, int]:
    if not unit_ids:
        return {}
    mapping: dict[int, int] = {}
    for row in UnitSuccession.objects.filter(predecessor_id__in=unit_ids, is_default=True).values_list(
        "predecessor_id", "successor_id"
    ):
        mapping[row[0]] = row[1]
    return mapping


def _items(activities: list[Activity], successor: dict[int, int]) -> list[Item]:
    return [
        Item(
            id=a.pk,
            body=a.programme.body_id,
            kind=a.kind,
            topic=a.topic,
            content=a.content,
            agencies=[pk for pk, _name in _related(a, "agencies")],
            places=[successor.get(pk, pk) for pk, _name in _related(a, "places")],
            start=a.planned_start,
            end=a.planned_end,
        )
        for a in activities
    ]


def _related(activity: Activity, name: str) -> list[tuple[int, str]]:
    """(id, name) of an activity's agencies or places, as `selectors._engine_rows` read them."""
    rows = getattr(activity, f"engine_{name}", None)
    if rows is None:  # an activity read another way
        return [(x.pk, x.name) for x in getattr(activity, name).all()]
    return rows


# -- the pair cache ---------------------------------------------------------------------------
# The engine's pairs of a year depend only on the activities (texts, agencies, places, dates,
# status) of that year and the past years, the unit successions and the rule rows. They are
# cached under a key made of a version counter, bumped by signals on every change of those
# (apps.py), and a fingerprint read in one query (count and last change of the activities), so
# a write by a process whose cache bump failed still changes the key.
VERSION_KEY = "supervision:overlaps:version"
CACHE_SECONDS = 6 * 3600


def bump_version(**_kwargs: Any) -> None:
    """(The cache degrades to nothing when Redis is down: core.cache.ResilientRedisCache.)"""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, 1, None)


def _fingerprint(provinces: list[int] | None, years: list[int]) -> str:
    qs = Activity.objects.filter(programme__year__in=years)
    if provinces is not None:
        qs = qs.filter(province_id__in=provinces)
    agg = qs.aggregate(n=Count("id"), last=Max("updated_at"))
    return f"{agg['n']}:{agg['last'].isoformat() if agg['last'] else '-'}"


def _pairs_key(provinces: list[int] | None, year: int, gap: int, past_years: int) -> str:
    version = cache.get(VERSION_KEY) or 0
    scope = "all" if provinces is None else ",".join(str(p) for p in sorted(provinces))
    years = list(range(year - past_years, year + 1))
    raw = f"{scope}|{year}|{gap}|{past_years}|{version}|{_fingerprint(provinces, years)}|{ENGINE_VERSION}"
    return "supervision:overlaps:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


# Bump when the engine's output changes for the same data (a new subject table, thresholds).
ENGINE_VERSION = "2026-12-02d"
PairTuple = tuple[int, int, float, list[dict[str, Any]]]


def _compute_pairs(
    provinces: list[int] | None, year: int, gap: int, past_years: int, current: list[Activity]
) -> tuple[list[PairTuple], list[PairTuple]]:
    """(this year's pairs, pairs of this year against the past years), as plain tuples."""
    past = selectors.active_activities(provinces, list(range(year - past_years, year))) if past_years else []
    successor = _successors({pk for a in [*current, *past] for pk, _name in _related(a, "places")})
    by_province: dict[int, list[Activity]] = {}
    for a in current:
        by_province.setdefault(a.province_id, []).append(a)
    engine = Engine(max_gap_days=gap)
    pairs: list[PairTuple] = []
    history: list[PairTuple] = []
    for activities in by_province.values():
        for pair in engine.pairs(_items(activities, successor)):
            pairs.append((pair.a, pair.b, pair.score, pair.reasons))
    if past:
        past_engine = Engine(max_gap_days=-1)  # any time: the subject and the agency decide
        for province_id, mine in by_province.items():
            theirs = [a for a in past if a.province_id == province_id]
            if not theirs:
                continue
            for pair in past_engine.pairs(_items(mine + theirs, successor), only_across={a.pk for a in theirs}):
                history.append((pair.a, pair.b, pair.score, pair.reasons))
    return pairs, history


def year_pairs(
    provinces: list[int] | None, year: int, gap: int, past_years: int, current: list[Activity] | None = None
) -> tuple[list[PairTuple], list[PairTuple]]:
    """The engine's pairs of the year (cached; `current`: this year's activities if already read)."""
    key = _pairs_key(provinces, year, gap, past_years)
    cached = cache.get(key)
    if cached is not None:
        return cached
    if current is None:
        current = selectors.active_activities(provinces, [year])
    result = _compute_pairs(provinces, year, gap, past_years, current)
    cache.set(key, result, CACHE_SECONDS)
    return result


def overlaps_for_year(user: Any, year: int, *, today: datetime.date | None = None) -> dict[str, Any]:
    """The ranked overlaps of `year` in the provinces the user may see, each with its reasons
    and the Office's decision if any, and the topics supervised in the past years."""
    access = get_access(user)
    access.require(SupervisionPerm.VIEW)
    provinces = access.province_ids(SupervisionPerm.VIEW)
    day = datetime.date(year, 1, 1)
    gap = value_on("overlap_gap_days", day, default=60)
    past_years = value_on("past_topic_years", day, default=2)
    current = selectors.active_activities(provinces, [year])
    pairs, past_pairs = year_pairs(provinces, year, gap, past_years, current)
    by_id = {a.pk: a for a in current}
    wanted_past = {x for a, b, _s, _r in past_pairs for x in (a, b)} - set(by_id)
    if wanted_past:
        by_id |= {a.pk: a for a in selectors.activities_by_id(wanted_past)}
    decisions = selectors.coordinations_of(provinces, year)
    # Activities resolved as merged or dropped leave the list; a pair decided stays with its decision.
    rows: list[OverlapRow] = [
        OverlapRow(by_id[a], by_id[b], score, reasons) for a, b, score, reasons in pairs if a in by_id and b in by_id
    ]
    listed = {frozenset((r.first.pk, r.second.pk)) for r in rows}
    for pair_key, decision in decisions.items():
        if pair_key not in listed:
            first, second = decision.first, decision.second
            rows.append(OverlapRow(first, second, decision.score, decision.reasons, decision))
    for row in rows:
        row.decision = row.decision or decisions.get(frozenset((row.first.pk, row.second.pk)))
    history: list[OverlapRow] = []
    for a, b, score, reasons in past_pairs:
        if a not in by_id or b not in by_id:
            continue
        first, second = by_id[a], by_id[b]
        if first.programme.year < second.programme.year:
            first, second = second, first
        history.append(OverlapRow(first, second, score, reasons, past=True))
    rows.sort(key=lambda r: (r.decision is not None, -r.score, r.first.pk, r.second.pk))
    history.sort(key=lambda r: -r.score)
    names = dict(pk_name for a in by_id.values() for pk_name in _related(a, "agencies"))
    units = dict(pk_name for a in by_id.values() for pk_name in _related(a, "places"))
    for row in rows + history:
        row.texts = describe(row.reasons, names, units)
    return {
        "year": year,
        "rows": rows,
        "open": sum(1 for r in rows if r.decision is None),
        "history": history,
        "activity_count": len(current),
        "gap_days": gap,
        "past_years": past_years,
    }


CONCEPT_LABELS = {cid: phrases[0] for cid, phrases in CONCEPTS.items()}


def describe(
    reasons: list[dict[str, Any]], agency_names: dict[int, str], unit_names: dict[int, str]
) -> list[str]:
    """The reasons of a pair in words, for the screen."""
    out = []
    for r in reasons:
        kind = r.get("kind")
        if kind == "subject":
            words = ", ".join(r.get("words") or [])
            out.append(
                _("Similar subject (%(percent)s%%): %(words)s")
                % {"percent": round(100 * float(r.get("similarity", 0))), "words": words or "—"}
            )
        elif kind == "agencies":
            out.append(
                _("Same agency: %(names)s")
                % {"names": ", ".join(agency_names.get(x, str(x)) for x in r["shared"])}
            )
        elif kind == "places":
            out.append(
                _("Same place: %(names)s")
                % {"names": ", ".join(unit_names.get(x, str(x)) for x in r["shared"])}
            )
        elif kind == "dates":
            gap = r.get("gap_days")
            out.append(_("Periods overlap") if not gap else _("%(days)s days apart") % {"days": gap})
        elif kind == "same_body":
            out.append(_("Both in the programme of the same body"))
    return out
