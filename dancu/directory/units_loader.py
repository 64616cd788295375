"""Load Vietnam's administrative units, before and after the 1 July 2025 reform, and their successions.

Sources (both pinned in pyproject.toml, read as data files so nothing heavy is imported):

- `vietnam_provinces`: today's 34 provinces and 3,321 communes, with the official codes.
- `vietnamadminunits/data/dataset.db` (SQLite): the 63 provinces, 696 districts and 10,040
  communes that existed until 30 June 2025 (`admin_units_legacy`), and a table of today's
  communes (`admin_units`) that gives the folded keys used by the conversion table.
- `vietnamadminunits/data/converter_2025.json`: which old unit went into which new one.

We do not import `vietnamadminunits` itself: its package __init__ pulls in shapely and the
parser, which we do not need. Old and new units are distinct rows (see AdministrativeUnit);
their keys carry a prefix because an old and a new commune may share an official code.

Loading is idempotent: rows are matched on `key`, created or updated in bulk, and successions
are matched on (predecessor, successor).
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import sqlite3
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from django.db import transaction

from dancu.core.text import normalize_spaces, search_tokens

from .models import REFORM_DATE, AdministrativeUnit, UnitLevel, UnitSuccession

OLD_VALID_TO = REFORM_DATE - datetime.timedelta(days=1)
BATCH_SIZE = 1000

# Unit types are stored lower case, as vietnam_provinces writes them ("tỉnh", "xã", "đặc khu").
CENTRAL_CITY = "thành phố trung ương"
PROVINCE = "tỉnh"


def new_province_key(code: str) -> str:
    return f"p2025:{code}"


def new_commune_key(code: str) -> str:
    return f"c2025:{code}"


def old_province_key(code: str) -> str:
    return f"p1976:{code}"


def old_district_key(code: str) -> str:
    return f"d1976:{code}"


def old_commune_key(code: str) -> str:
    return f"c1976:{code}"


@dataclass
class UnitRow:
    key: str
    code: str
    name: str
    short_name: str
    level: str
    unit_type: str
    parent_key: str | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None


@dataclass
class SourceData:
    units: list[UnitRow] = field(default_factory=list)
    # (predecessor key, successor key) -> is_default
    successions: dict[tuple[str, str], bool] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")  # locates without importing __init__
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("The package vietnamadminunits is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _nfc(text: str) -> str:
    return normalize_spaces(unicodedata.normalize("NFC", text))


def _name_key(name: str) -> str:
    return "".join(search_tokens(name, max_tokens=64))


def _strip_prefix(name: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if name.lower().startswith(prefix.lower() + " "):
            return name[len(prefix) + 1 :].strip()
    return name


COMMUNE_PREFIXES = ("Đặc khu", "Thị trấn", "Phường", "Xã")
DISTRICT_PREFIXES = ("Thành phố", "Thị xã", "Huyện", "Quận")
PROVINCE_PREFIXES = ("Thành phố", "Tỉnh")


# --- today's units -----------------------------------------------------------------------


def _new_units(province_codes: set[str] | None) -> tuple[list[UnitRow], dict[str, list[UnitRow]]]:
    from vietnam_provinces import Province, Ward

    rows: list[UnitRow] = []
    communes_by_province: dict[str, list[UnitRow]] = defaultdict(list)
    for p in Province.iter_all():
        code = f"{int(p.code):02d}"
        if province_codes is not None and code not in province_codes:
            continue
        unit_type = p.division_type.value
        short = _strip_prefix(_nfc(p.name), PROVINCE_PREFIXES)
        name = f"Thành phố {short}" if unit_type == CENTRAL_CITY else f"Tỉnh {short}"
        rows.append(
            UnitRow(
                new_province_key(code),
                code,
                name,
                short,
                UnitLevel.PROVINCE,
                unit_type,
                None,
                REFORM_DATE,
                None,
            )
        )
    for w in Ward.iter_all():
        province = f"{int(w.province_code):02d}"
        if province_codes is not None and province not in province_codes:
            continue
        code = f"{int(w.code):05d}"
        name = _nfc(w.name)
        row = UnitRow(
            new_commune_key(code),
            code,
            name,
            _strip_prefix(name, COMMUNE_PREFIXES),
            UnitLevel.COMMUNE,
            w.division_type.value,
            new_province_key(province),
            REFORM_DATE,
            None,
        )
        rows.append(row)
        communes_by_province[province].append(row)
    return rows, communes_by_province


def _match_new_commune(candidates: list[UnitRow], name: str, code: str) -> UnitRow | None:
    """Find the vietnam_provinces commune for a row of vietnamadminunits' `admin_units`.

    The two packages disagree on about 150 codes and on tone placement ("Thuỷ"/"Thủy"), so
    match on the exact name first, then on the folded name when it is unique in the province
    (two communes may fold alike: "Văn Lang"/"Văn Lăng"), then on the code. The folded key
    keeps letters and digits only, since one writes "Chân Mây - Lăng Cô" and the other "–".
    """
    name = _nfc(name)
    exact = [c for c in candidates if c.name == name]
    if len(exact) == 1:
        return exact[0]
    folded = [c for c in candidates if _name_key(c.name) == _name_key(name)]
    if len(folded) == 1:
        return folded[0]
    by_code = [c for c in candidates if c.code == code]
    return by_code[0] if by_code else None


# --- units before the reform -------------------------------------------------------------


def _old_units(
    db: sqlite3.Connection, province_codes: set[str] | None
) -> tuple[list[UnitRow], dict[str, str]]:
    """Old provinces, districts and communes, and a map from the converter's keys to unit keys."""
    rows: list[UnitRow] = []
    key_map: dict[str, str] = {}
    seen: set[str] = set()
    query = (
        "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort, districtType, "
        "districtCode, districtKey, ward, wardShort, wardType, wardCode, wardKey FROM admin_units_legacy "
        "ORDER BY provinceCode, districtCode, wardCode"
    )
    for r in db.execute(query):
        (
            p_name,
            p_short,
            p_code,
            p_key,
            d_name,
            d_short,
            d_type,
            d_code,
            d_key,
            w_name,
            w_short,
            w_type,
            w_code,
            w_key,
        ) = r
        if province_codes is not None and p_code not in province_codes:
            continue
        pk, dk = old_province_key(p_code), old_district_key(d_code)
        if pk not in seen:
            seen.add(pk)
            p_type = CENTRAL_CITY if p_name.startswith("Thành phố") else PROVINCE
            rows.append(
                UnitRow(
                    pk,
                    p_code,
                    _nfc(p_name),
                    _nfc(p_short),
                    UnitLevel.PROVINCE,
                    p_type,
                    None,
                    None,
                    OLD_VALID_TO,
                )
            )
        if dk not in seen:
            seen.add(dk)
            rows.append(
                UnitRow(
                    dk,
                    d_code,
                    _nfc(d_name),
                    _nfc(d_short),
                    UnitLevel.DISTRICT,
                    d_type.lower(),
                    pk,
                    None,
                    OLD_VALID_TO,
                )
            )
        converter_key = f"{p_key}_{d_key}_{w_key or ''}"
        if not w_code:
            # Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, ...) convert as a whole.
            key_map[converter_key] = dk
            continue
        ck = old_commune_key(w_code)
        rows.append(
            UnitRow(
                ck,
                w_code,
                _nfc(w_name),
                _nfc(w_short),
                UnitLevel.COMMUNE,
                w_type.lower(),
                dk,
                None,
                OLD_VALID_TO,
            )
        )
        key_map[converter_key] = ck
    return rows, key_map


# --- successions -------------------------------------------------------------------------


def read_sources(province_codes: list[str] | None = None) -> SourceData:
    """Everything to load, as plain rows; `province_codes` (today's or old codes) narrows it."""
    data_dir = _data_dir()
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(f"file:{data_dir / 'dataset.db'}?mode=ro", uri=True)
    try:
        new_province_by_key = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units"))
        old_province_by_key = dict(
            db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy")
        )
        wanted_new: set[str] | None = None
        wanted_old: set[str] | None = None
        if province_codes is not None:
            codes = {c.zfill(2) for c in province_codes}
            wanted_new = codes & set(new_province_by_key.values())
            wanted_old = codes & set(old_province_by_key.values())
            for new_key, old_keys in converter["DICT_PROVINCE"].items():
                if new_province_by_key.get(new_key) in wanted_new:
                    wanted_old |= {old_province_by_key[k] for k in old_keys if k in old_province_by_key}

        new_rows, communes_by_province = _new_units(wanted_new)
        old_rows, old_key_map = _old_units(db, wanted_old)
        source = SourceData(units=old_rows + new_rows)

        # Converter keys of today's communes -> our keys, through admin_units.
        new_key_map: dict[tuple[str, str], str] = {}
        for p_key, w_key, name, code, p_code in db.execute(
            "SELECT provinceKey, wardKey, ward, wardCode, provinceCode FROM admin_units"
        ):
            if wanted_new is not None and p_code not in wanted_new:
                continue
            match = _match_new_commune(communes_by_province.get(p_code, []), name, code)
            if match is None:
                source.unresolved.append(f"{p_key}/{w_key}")
            else:
                new_key_map[(p_key, w_key)] = match.key
    finally:
        db.close()

    def add(old: str, new_province: str, new_ward: str | None, is_default: bool) -> None:
        old_key = old_key_map.get(old)
        if new_ward is None:
            new_key = new_province_key(new_province_by_key[new_province])
        else:
            new_key = new_key_map.get((new_province, new_ward))  # type: ignore[assignment]
        if old_key and new_key:
            source.successions[(old_key, new_key)] = is_default
        elif old_key or new_key:
            # One end is in the loaded scope but the other cannot be found: worth reporting.
            source.unresolved.append(f"{old} -> {new_province}/{new_ward}")

    in_scope_new = (
        set(new_province_by_key)
        if wanted_new is None
        else {k for k, v in new_province_by_key.items() if v in wanted_new}
    )
    for new_p, old_ps in converter["DICT_PROVINCE"].items():
        if new_p not in in_scope_new:
            continue
        for old_p in old_ps:
            code = old_province_by_key.get(old_p)
            if code is not None and (wanted_old is None or code in wanted_old):
                source.successions[(old_province_key(code), new_province_key(new_province_by_key[new_p]))] = (
                    True
                )
    for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        if new_p not in in_scope_new:
            continue
        for new_w, olds in wards.items():
            for old in olds:
                add(old, new_p, new_w, True)
    for new_p, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        if new_p not in in_scope_new:
            continue
        for old, targets in olds.items():
            for target in targets:
                add(old, new_p, target["newWardKey"], bool(target.get("isDefaultNewWard")))
    return source


# --- writing -----------------------------------------------------------------------------

UNIT_FIELDS = ("code", "name", "short_name", "level", "unit_type", "valid_from", "valid_to")


def _save_units(rows: list[UnitRow]) -> tuple[int, int]:
    """Create or update the rows, parents before children; returns (created, updated)."""
    keys = [r.key for r in rows]
    existing: dict[str, AdministrativeUnit] = {}
    for start in range(0, len(keys), BATCH_SIZE):
        for unit in AdministrativeUnit.objects.filter(key__in=keys[start : start + BATCH_SIZE]):
            existing[unit.key] = unit
    parent_ids: dict[str, int] = {k: u.pk for k, u in existing.items()}
    created = updated = 0
    # Parents first so that children can point at their ids.
    for level in (UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE):
        to_create: list[AdministrativeUnit] = []
        to_update: list[AdministrativeUnit] = []
        for row in (r for r in rows if r.level == level):
            parent_id = parent_ids.get(row.parent_key) if row.parent_key else None
            values: dict[str, Any] = {f: getattr(row, f) for f in UNIT_FIELDS}
            unit = existing.get(row.key)  # type: ignore[assignment]
            if unit is None:
                unit = AdministrativeUnit(key=row.key, parent_id=parent_id, **values)
                unit.search_text = unit.build_search_text()  # bulk_create skips save()
                unit.sort_key = unit.build_sort_key()
                to_create.append(unit)
                continue
            if unit.parent_id != parent_id or any(getattr(unit, f) != v for f, v in values.items()):
                for f, v in values.items():
                    setattr(unit, f, v)
                unit.parent_id = parent_id
                unit.search_text = unit.build_search_text()
                unit.sort_key = unit.build_sort_key()
                to_update.append(unit)
        # PostgreSQL and SQLite both return primary keys from bulk_create.
        for unit in AdministrativeUnit.objects.bulk_create(to_create, batch_size=BATCH_SIZE):
            parent_ids[unit.key] = unit.pk
        if to_update:
            AdministrativeUnit.objects.bulk_update(
                to_update, [*UNIT_FIELDS, "parent", "search_text", "sort_key"], batch_size=BATCH_SIZE
            )
        created += len(to_create)
        updated += len(to_update)
    return created, updated


def _save_successions(successions: dict[tuple[str, str], bool]) -> tuple[int, int]:
    keys = sorted({k for pair in successions for k in pair})
    ids: dict[str, int] = {}
    for start in range(0, len(keys), BATCH_SIZE):
        ids.update(
            AdministrativeUnit.objects.filter(key__in=keys[start : start + BATCH_SIZE]).values_list(
                "key", "id"
            )
        )
    wanted = {(ids[a], ids[b]): d for (a, b), d in successions.items() if a in ids and b in ids}
    predecessor_ids = sorted({a for a, _ in wanted})
    existing: dict[tuple[int, int], UnitSuccession] = {}
    for start in range(0, len(predecessor_ids), BATCH_SIZE):
        for s in UnitSuccession.objects.filter(
            predecessor_id__in=predecessor_ids[start : start + BATCH_SIZE]
        ):
            existing[(s.predecessor_id, s.successor_id)] = s
    to_create = [
        UnitSuccession(predecessor_id=a, successor_id=b, is_default=d, effective=REFORM_DATE)
        for (a, b), d in wanted.items()
        if (a, b) not in existing
    ]
    to_update = []
    for pair, s in existing.items():
        if pair in wanted and s.is_default != wanted[pair]:
            s.is_default = wanted[pair]
            to_update.append(s)
    UnitSuccession.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        UnitSuccession.objects.bulk_update(to_update, ["is_default"], batch_size=BATCH_SIZE)
    return len(to_create), len(to_update)


def load_units(
    province_codes: list[str] | None = None, stdout: SupportsWrite[str] | None = None
) -> dict[str, Any]:
    """Load (or refresh) units and successions; `province_codes` limits it to some provinces."""
    started = time.monotonic()
    source = read_sources(province_codes)
    with transaction.atomic():
        units_created, units_updated = _save_units(source.units)
        succ_created, succ_updated = _save_successions(source.successions)
    counts: dict[str, int] = defaultdict(int)
    for row in source.units:
        counts[f"{row.level}_{'new' if row.valid_to is None else 'old'}"] += 1
    result: dict[str, Any] = {
        **counts,
        "units": len(source.units),
        "units_created": units_created,
        "units_updated": units_updated,
        "successions": len(source.successions),
        "successions_created": succ_created,
        "successions_updated": succ_updated,
        "unresolved": len(source.unresolved),
        "unresolved_examples": source.unresolved[:10],
        "seconds": round(time.monotonic() - started, 2),
    }
    if stdout is not None:
        c = defaultdict(int, result)
        stdout.write(
            f"Units: {c['units']} ({c['units_created']} created, {c['units_updated']} updated)\n"
            f"  from 1 July 2025: {c['province_new']} provinces, {c['commune_new']} communes\n"
            f"  until 30 June 2025: {c['province_old']} provinces, {c['district_old']} districts, "
            f"{c['commune_old']} communes\n"
            f"Successions: {c['successions']} ({c['successions_created']} created, "
            f"{c['successions_updated']} updated); unresolved mappings: {c['unresolved']}\n"
            f"Time: {c['seconds']} s\n"
        )
        for example in source.unresolved[:10]:
            stdout.write(f"  unresolved: {example}\n")
    return result


def current_unit_for(unit: AdministrativeUnit) -> AdministrativeUnit:
    """Today's unit for `unit`, following default successions (the unit itself if current).

    A unit with no successor (a district: districts were abolished, not merged) maps to
    today's unit of its parent, so a record always lands somewhere in today's map.
    """
    seen: set[int] = set()
    while unit.valid_to is not None and unit.pk not in seen:
        seen.add(unit.pk)
        step = (
            UnitSuccession.objects.filter(predecessor=unit)
            .select_related("successor")
            .order_by("-is_default", "successor__code")
            .first()
        )
        if step is not None:
            unit = step.successor
        elif unit.parent_id is not None:
            unit = unit.parent  # type: ignore[assignment]
        else:
            break
    return unit
