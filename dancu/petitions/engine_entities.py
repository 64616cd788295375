"""What makes a petition specific: the places, works and documents it names.

`extract(text, area)` returns an `Entities` record of typed keys (folded, canonical):

- administrative units named in the text or the area: communes, districts, provinces, resolved
  against the project's own unit tables (`dancu.directory.units_loader`'s data files: the units
  before and after the 1 July 2025 reform and their successions), so that an old commune and the
  merged commune that succeeded it give the same key;
- hamlets and residential groups (thôn, xóm, bản, ấp, buôn, làng, khóm, tổ dân phố, khu phố,
  tổ + number);
- roads: QL / ĐT / ĐH / TL / tỉnh lộ / huyện lộ + number, "đường 781", named streets
  ("đường Nguyễn Cửu Vân");
- facilities and projects: trường, trạm y tế, bệnh viện, cầu, đập, hồ, chợ, nhà văn hóa, khu tái
  định cư, khu/cụm công nghiệp, nhà máy, công ty, dự án, kênh, trạm bơm, đê, kè, cảng, bến + name;
- waters: sông, suối, kênh, cửa + name;
- documents: decision and decree numbers (1766/QĐ-TTg, 34/2019/NĐ-CP, "Quyết định 1880");
- amounts and years (weak evidence);
- `national`: the demand is about a national policy or law and names no specific site.

No database: the unit tables are read from the data files of the installed packages, once per
process; when they cannot be read the units fall back to their folded names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from dancu.core.text import fold

# --- the unit gazetteer ------------------------------------------------------------------------


@dataclass
class Gazetteer:
    # folded short name -> province keys (today's key; an old province maps to its successor)
    provinces: dict[str, set[str]] = field(default_factory=dict)
    # folded short name -> [(district key, today's province key)]
    districts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # folded short name -> [(canonical commune key, district key or "", today's province key)]
    communes: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    def province_keys(self, name: str) -> set[str]:
        return self.provinces.get(name, set())


def _units_data_dir():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("vietnamadminunits")  # locate only: its __init__ is heavy
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The units of Vietnam, old and new, keyed by folded short name (cached per process).

    Read from the data files that `dancu.directory.units_loader` loads into the unit tables
    (vietnamadminunits' dataset.db and converter_2025.json), so the engine needs no database:
    a commune is identified by today's commune (an old commune by the one that succeeded it,
    the default one when it was divided), a province by today's province.
    """
    import json
    import sqlite3

    gaz = Gazetteer()
    data = _units_data_dir()
    if data is None or not (data / "dataset.db").exists():
        return gaz
    try:
        converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
        db = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    except (OSError, ValueError, sqlite3.Error):
        return gaz
    new_of_province = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    successor: dict[str, str] = {}
    for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in wards.items():
            for old in olds:
                successor[old] = f"{new_p}/{new_w}"
    for new_p, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in olds.items():
            target = next((t for t in targets if t.get("isDefaultNewWard")), targets[0] if targets else None)
            if target:
                successor.setdefault(old, f"{new_p}/{target['newWardKey']}")
    provinces: dict[str, set[str]] = defaultdict(set)
    districts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    communes: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    try:
        for p_short, p_key, w_short, w_key in db.execute(
            "SELECT provinceShort, provinceKey, wardShort, wardKey FROM admin_units"
        ):
            provinces[fold(p_short)].add(p_key)
            communes[fold(w_short)].append((f"{p_key}/{w_key}", "", p_key))
        seen_d: set[str] = set()
        for p_short, p_key, d_short, d_key, w_short, w_key in db.execute(
            "SELECT provinceShort, provinceKey, districtShort, districtKey, wardShort, wardKey "
            "FROM admin_units_legacy"
        ):
            new_p = new_of_province.get(p_key, p_key)
            provinces[fold(p_short)].add(new_p)
            district = f"{p_key}_{d_key}"
            if district not in seen_d:
                seen_d.add(district)
                districts[fold(d_short)].append((district, new_p))
            if w_short:
                key = successor.get(f"{district}_{w_key}", f"old:{district}_{w_key}")
                communes[fold(w_short)].append((key, district, new_p))
    except sqlite3.Error:
        return Gazetteer()
    finally:
        db.close()
    # "Thừa Thiên Huế" is written "Huế" and "TP. Hồ Chí Minh" as "TP.HCM".
    for alias, target in (("hue", "thua thien hue"), ("hcm", "ho chi minh"), ("tphcm", "ho chi minh")):
        if target in provinces:
            provinces[alias] |= provinces[target]
    gaz.provinces, gaz.districts, gaz.communes = dict(provinces), dict(districts), dict(communes)
    return gaz


# --- patterns ----------------------------------------------------------------------------------

_W = r"[^\W\d_]"  # a letter
_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())
# A name: capitalised syllables or a number, e.g. "Thạch Điền", "3", "Nà Vàng", "22B".
_NAME = rf"(?:(?:[{_UPPER}]{_W}*|\d+[A-Za-z]?)(?:[ \-](?:[{_UPPER}]{_W}*|\d+[A-Za-z]?)){{0,3}})"
_UNIT_MARK = r"(?:thị trấn|thị xã|thành phố|tp\.?|xã|phường|huyện|quận|tỉnh|đặc khu)"
_UNIT = re.compile(
    rf"(?i:(?<!\w)(các\s+)?({_UNIT_MARK}))\s+({_NAME}(?:\s*(?:,|và)\s*(?!(?i:{_UNIT_MARK})\s){_NAME})*)"
)
_HAMLET = re.compile(
    rf"(?i:(?<!\w)(thôn|xóm|bản|ấp|buôn|làng|khóm|tổ dân phố|khu phố|tổ|khối|khu dân cư))\s+({_NAME})"
)
_ROAD_NUM = re.compile(
    r"(?i:(?<!\w)(ql|quốc lộ|đt|đường tỉnh|tỉnh lộ|tl|đh|đường huyện|huyện lộ|hl|đường|tuyến|dt))"
    # "ĐT.542E", "QL 1A", and the lettered routes of new towns and plans ("tuyến N2", "đường D1")
    r"[\s.\-]*((?:[NDT]\.?)?\d+[A-Za-z]?)(?!\w)",
)
_STREET = re.compile(rf"(?i:(?<!\w)(đường|phố|tuyến đường))\s+((?!(?:Quốc|Tỉnh|Huyện)\b){_NAME})")
_FACILITY_MARK = (
    "trường mầm non|trường tiểu học|trường trung học cơ sở|trường trung học phổ thông|trường thcs|"
    "trường thpt|trường mn|trường th|trường|điểm trường|trạm y tế|bệnh viện|trung tâm y tế|cầu treo|cầu|"
    "đập|hồ chứa|hồ|chợ|nhà văn hóa|khu tái định cư|điểm tái định cư|khu công nghiệp|cụm công nghiệp|"
    "khu kinh tế|nhà máy|công ty|dự án|trạm bơm|đê|kè|cảng|bến|bãi rác|nghĩa trang|khu du lịch|"
    "thủy điện|khu đô thị|khu dân cư|sân vận động|di tích|đình|chùa|đền|cánh đồng"
)
# The name may start with another facility's mark: "dự án Bệnh viện Ung bướu", "dự án cầu Hà
# Tiên 2" (the site is the hospital, the bridge; see `facility_key`).
_FACILITY = re.compile(
    rf"(?i:(?<!\w)({_FACILITY_MARK}))\s+((?:(?i:xã|thôn|phường|bản)\s+)?(?:(?i:{_FACILITY_MARK})\s+)?{_NAME})"
)
_FOLDED_MARK = re.compile(rf"^(?:{fold(_FACILITY_MARK)})\s+")
_WATER = re.compile(rf"(?i:(?<!\w)(sông|suối|kênh|rạch|cửa|đầm|vịnh|biển))\s+({_NAME})")
_WATER_WORDS = {"song", "suoi", "kenh", "rach", "cua", "dam", "vinh", "bien"}
_DOC = re.compile(
    r"(?<![\w/])(\d{1,5})/(\d{4}/)?([A-ZĐ][A-Za-zĐđ]{0,4}(?:-[A-ZĐ][A-Za-zĐđ]{0,5}){0,3})", re.UNICODE
)
_DOC_NAMED = re.compile(
    r"(?i:(?<!\w)(quyết định|nghị định|thông tư|nghị quyết|chỉ thị|công văn|kế hoạch|đề án|chương trình))"
    r"\s+(?:số\s+)?(\d{1,5})(?!\w)"
)
_AMOUNT = re.compile(r"(?i:(\d+(?:[.,]\d+)*)\s*(tỷ|triệu|nghìn|ngàn|đồng|usd|%|m2|m²|ha|hộ|km|m)(?!\w))")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")

# Cues of a national policy or law (folded).
NATIONAL_CUES = re.compile(
    r"\b(quoc hoi|chinh phu|thu tuong|trung uong|luat|nghi dinh|thong tu|toan quoc|ca nuoc|nha nuoc|"
    r"cac bo|bo nganh|bo (?:noi vu|tai chinh|y te|giao duc|cong an|quoc phong|xay dung|cong thuong|"
    r"nong nghiep|lao dong|tu phap|giao thong|tai nguyen|ke hoach|van hoa|thong tin)|luong co so|"
    r"luong huu|bao hiem xa hoi|cai cach tien luong|chinh sach chung|sua doi|ban hanh|phap luat)\b"
)
PROVINCE_CUES = re.compile(
    r"\b(ubnd tinh|uy ban nhan dan tinh|cap tinh|toan tinh|tinh lo|duong tinh|hdnd tinh|"
    # a provincial department ("sở ..."), not "hệ số", "so với" (folded alike)
    r"so (?:giao thong|tai nguyen|nong nghiep|y te|giao duc|lao dong|xay dung|cong thuong|noi vu|tai chinh|"
    r"ke hoach|tu phap|van hoa|thong tin|khoa hoc|ngoai vu|du lich|dan toc)|"
    r"ngan sach tinh|benh vien (?:tinh|da khoa tinh)|dien luc|khu kinh te|khu cong nghiep)\b"
)
COMMUNE_CUES = re.compile(
    r"\b(thon|xom|ban|to dan pho|khom|lien thon|noi dong|nha van hoa thon|truong thon|ubnd xa|"
    r"uy ban nhan dan xa|cong an xa|nghia trang|duong ngo|duong lang|ngo xom|hem|kiet)\b"
)

# Whom a national demand is for (folded phrase -> group): the same policy for two groups is two
# demands ("BHYT cho công an viên" and "BHYT cho y tế thôn bản"); hamlet officials and the
# commune's part-time staff are one group (one national fund pays them).
BENEFICIARIES = {
    "cuu chien binh": "ccb",
    "xuat ngu": "xuatngu",
    "thanh nien xung phong": "tnxp",
    "nguoi co cong": "cocong",
    "thuong binh": "cocong",
    "liet si": "cocong",
    "chat doc": "dacam",
    "nguoi cao tuoi": "caotuoi",
    "giao vien": "giaovien",
    "cong an vien": "congan",
    "cong an xa": "congan",
    "y te thon": "ytethon",
    "y ta thon": "ytethon",
    "dan phong": "danphong",
    "bao ve dan pho": "danphong",
    "khong chuyen trach": "kct",
    "ban chuyen trach": "kct",
    "can bo co so": "kct",
    "chi hoi truong": "kct",
    # the officials of every kind of hamlet: "trưởng thôn", "phó ấp", "cán bộ khóm" ...
    **{
        f"{role} {hamlet}": "kct"
        for role in ("truong", "pho", "can bo")
        for hamlet in ("thon", "ap", "ban", "xom", "khom", "to dan pho", "khu pho", "buon", "lang")
    },
    "hoc sinh": "hocsinh",
    "sinh vien": "hocsinh",
    "khuyet tat": "khuyettat",
    "ho ngheo": "ngheo",
    "can ngheo": "ngheo",
    "cong chuc": "ccvc",
    "vien chuc": "ccvc",
    "cong nhan": "laodong",
    "nguoi lao dong": "laodong",
}
_BENEFICIARY = re.compile(r"\b(" + "|".join(sorted(BENEFICIARIES, key=len, reverse=True)) + r")\b")

# Works that make a site: these keys decide agreement and conflict.
SITE_KINDS = ("hamlet", "road", "facility", "water", "street")


@dataclass(frozen=True)
class Entities:
    communes: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    provinces: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()  # "kind:name" for hamlets, roads, streets, facilities, waters
    docs: frozenset[str] = frozenset()
    amounts: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    national: bool = False
    level_cues: tuple[int, int, int] = (0, 0, 0)  # national, province, commune cue counts
    beneficiaries: frozenset[str] = frozenset()  # whom the demand is for (BENEFICIARIES)

    def describe(self) -> list[str]:
        """Human-readable keys (for explanations)."""
        return sorted(self.sites | self.docs)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _names(run: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\bvà\b)\s*", run)
    return [fold(p).strip() for p in parts if p.strip()]


@lru_cache(maxsize=32768)
def _mentions(text: str, bare_provinces: bool) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Province keys, district names and commune names written in `text` (cached: an area is
    shared by every opinion of a meeting). `bare_provinces`: also a province name alone in a
    comma-separated part ("..., Nghệ An"), as areas are written."""
    gaz = gazetteer()
    provinces: set[str] = set()
    district_names: list[str] = []
    commune_names: list[str] = []
    for m in _UNIT.finditer(text):
        mark = fold(m.group(2)).rstrip(".")
        for position, name in enumerate(_names(m.group(3))):
            if position and name in gaz.provinces and mark != "tinh":
                provinces |= gaz.provinces[name]  # "xã Bến Cầu, Tây Ninh": the list ends at the province
                continue
            if mark == "tinh" and name[:1].isdigit():
                continue  # "đường tỉnh 917": a provincial road, not a province
            if mark == "tinh":
                provinces |= gaz.province_keys(name) or {f"name:{name}"}
            elif mark in ("huyen", "quan", "thi xa"):
                district_names.append(name)
            elif mark in ("thanh pho", "tp"):
                keys = gaz.province_keys(name)
                if keys:
                    provinces |= keys
                else:
                    district_names.append(name)
            else:
                commune_names.append(name)
    if bare_provinces:
        for part in re.split(r"[,;()]", text):
            name = fold(part).strip().removeprefix("tinh ").strip()
            if name in gaz.provinces:
                provinces |= gaz.provinces[name]
    return frozenset(provinces), tuple(district_names), tuple(commune_names)


def _resolve_units(text: str, area: str = "") -> tuple[set[str], set[str], set[str]]:
    gaz = gazetteer()
    p1, d1, c1 = _mentions(text, False)
    p2, d2, c2 = _mentions(area, True) if area else (frozenset(), (), ())
    provinces = set(p1 | p2)
    district_names = [*d1, *d2]
    commune_names = [*c1, *c2]
    real_provinces = {p for p in provinces if not p.startswith("name:")}
    districts: set[str] = set()
    district_keys: set[str] = set()
    for name in district_names:
        cands = gaz.districts.get(name, [])
        if real_provinces:
            cands = [c for c in cands if c[1] in real_provinces] or cands
        if len(cands) == 1:
            districts.add(cands[0][0])
            district_keys.add(cands[0][0])
            if not real_provinces:
                provinces.add(cands[0][1])
        else:
            districts.add(f"name:{name}")
    real_provinces = {p for p in provinces if not p.startswith("name:")}
    communes: set[str] = set()
    for name in commune_names:
        found = gaz.communes.get(name, [])
        if real_provinces:
            found = [c for c in found if c[2] in real_provinces]
        if district_keys:
            found = [c for c in found if not c[1] or c[1] in district_keys] or found
        keys = {c[0] for c in found}
        if len(keys) == 1:
            communes |= keys
        else:
            scope = ",".join(sorted(real_provinces)) if real_provinces else ""
            communes.add(f"name:{name}@{scope}")
    return communes, districts, provinces


def _sites(text: str) -> set[str]:
    sites: set[str] = set()
    hamlet_names: list[tuple[int, int]] = []  # spans of hamlet names ("bản Sông Ia")
    for m in _HAMLET.finditer(text):
        sites.add(f"hamlet:{fold(m.group(2))}")
        hamlet_names.append(m.span(2))
    for m in _ROAD_NUM.finditer(text):
        mark = fold(m.group(1))
        kind = {
            "ql": "ql",
            "quoc lo": "ql",
            "dt": "dt",
            "duong tinh": "dt",
            "tinh lo": "dt",
            "tl": "dt",
            "dh": "dh",
            "duong huyen": "dh",
            "huyen lo": "dh",
            "hl": "dh",
        }.get(mark, "road")
        number = fold(m.group(2)).replace(".", "")
        if kind == "ql" and number == "1a":
            number = "1"  # Quốc lộ 1A is the old name of Quốc lộ 1; both are written
        sites.add(f"road:{kind} {number}")
    for m in _STREET.finditer(text):
        name = fold(m.group(2))
        if not name.replace(" ", "").isdigit():  # "đường 781" is a numbered road, above
            sites.add(f"street:{name}")
    for m in _FACILITY.finditer(text):
        sites.add(f"facility:{fold(m.group(1))} {fold(m.group(2))}")
    waters = list(_WATER.finditer(text))
    if waters:  # a river in a place's name ("bản Sông Ia", "xã Sông Cầu") is no river
        named = hamlet_names + [m.span(3) for m in _UNIT.finditer(text)]
        for m in waters:
            if not any(a <= m.start() < b for a, b in named):
                name = fold(m.group(2))
                # "bờ biển Cửa Lở" and "cửa Lở": the inner water's name is the place
                inner = name.split(" ", 1)
                key = name if len(inner) == 2 and inner[0] in _WATER_WORDS else f"{fold(m.group(1))} {name}"
                sites.add(f"water:{key}")
    return sites


def _docs(text: str) -> set[str]:
    docs = {f"doc:{m.group(1)}/{fold(m.group(3))}" for m in _DOC.finditer(text)}
    for m in _DOC_NAMED.finditer(text):
        kind = fold(m.group(1))
        code = {"quyet dinh": "qd", "nghi dinh": "nd", "thong tu": "tt", "nghi quyet": "nq"}.get(kind, kind)
        docs.add(f"docnum:{m.group(2)}")
        docs.add(f"doc:{m.group(2)}/{code}")
    # "1766/QĐ-TTg" also counts as the number alone, so "Quyết định 1766" meets it.
    docs |= {f"docnum:{d.split(':', 1)[1].split('/')[0]}" for d in list(docs) if d.startswith("doc:")}
    return {d for d in docs if not d.startswith("doc:") or "/" in d}


def extract(text: str, area: str = "") -> Entities:
    """The specific entities of a petition (its text and, if given, its area)."""
    text = _nfc(text)
    area = _nfc(area)
    communes, districts, provinces = _resolve_units(text, area)
    sites = _sites(text)
    docs = _docs(text)
    amounts = {f"{fold(m.group(1))} {fold(m.group(2))}" for m in _AMOUNT.finditer(text)}
    years = set(_YEAR.findall(text))
    folded = fold(text)
    national_cues = len(NATIONAL_CUES.findall(folded))
    province_cues = len(PROVINCE_CUES.findall(folded))
    commune_cues = len(COMMUNE_CUES.findall(folded))
    local_sites = {s for s in sites if not s.startswith("road:ql")}
    national = national_cues > 0 and not local_sites
    return Entities(
        communes=frozenset(communes),
        districts=frozenset(districts),
        provinces=frozenset(provinces),
        sites=frozenset(sites),
        docs=frozenset(docs),
        amounts=frozenset(amounts),
        years=frozenset(years),
        national=national,
        level_cues=(national_cues, province_cues, commune_cues),
        beneficiaries=frozenset(BENEFICIARIES[m] for m in _BENEFICIARY.findall(folded)),
    )


def _site_match(a: frozenset[str], b: frozenset[str]) -> set[str]:
    """Sites named in both (a facility named "trường Kim Đồng" and "trường tiểu học Kim Đồng"
    meet on the name)."""
    shared = set(a & b)
    if len(shared) < min(len(a), len(b)):
        keys_a = {facility_key(s) for s in a if s.startswith("facility:")}
        roads_a = {road_number(s) for s in a if s.startswith("road:")}
        for s in b:
            if (s.startswith("facility:") and facility_key(s) in keys_a) or (
                s.startswith("road:") and road_number(s) in roads_a
            ):
                shared.add(s)
    return shared


def road_number(site: str) -> str:
    """The number of a road key: "đường 786" and "ĐT.786" meet on it (a national and a
    provincial road of one number in one batch of petitions are rare; a road written without
    its kind is common)."""
    return site.split(" ", 1)[-1]


@lru_cache(maxsize=65536)
def facility_key(site: str) -> tuple[str, str]:
    """(first word of the innermost mark, name): "trường tiểu học Kim Đồng" and "trường Kim Đồng"
    give ("truong", "kim dong"); "dự án bệnh viện Ung" and "bệnh viện Ung" give ("benh", "ung")."""
    rest, mark = site.removeprefix("facility:"), ""
    while m := _FOLDED_MARK.match(rest):
        mark, rest = m.group(0), rest[m.end() :]
    return (mark.split(" ", 1)[0], rest)


PAIR_FEATURES = (
    "cos",
    "cos_word",
    "cos_sq",
    "both_central",
    "cos_x_both_central",
    "shared_site",
    "cos_x_shared_site",
    "shared_place_only",
    "cos_x_shared_place_only",
    "site_conflict",
    "cos_x_site_conflict",
    "cos_x_same_commune",
    "local_commune_conflict",
    "cos_x_local_commune_conflict",
    "local_province_conflict",
    "cos_x_local_province_conflict",
    "shared_doc",
    "central_beneficiary_conflict",
)


def pair_features(
    a: Entities,
    b: Entities,
    cos: float,
    same_field: bool,
    cos_word: float | None = None,
    central_a: bool | None = None,
    central_b: bool | None = None,
) -> list[float]:
    """The features of a pair (order of PAIR_FEATURES). `same_field` (the classifier's guesses
    agree) is accepted but not used: it measured worse on held-out folds, the field distribution
    already weighs in the cosine.

    A national demand (competent level central) groups by its theme wherever it was raised; a
    local matter groups by its site: there a conflict of sites, communes or provinces counts
    against, mostly through its interaction with theme similarity (two opinions of one meeting
    share a commune whatever they ask)."""
    cos_word = cos if cos_word is None else cos_word
    ca = a.national if central_a is None else central_a
    cb = b.national if central_b is None else central_b
    both_central = float(ca and cb)
    local = float(not ca and not cb)
    real_a = {p for p in a.provinces if not p.startswith("name:")}
    real_b = {p for p in b.provinces if not p.startswith("name:")}
    provinces_apart = bool(real_a and real_b and not (real_a & real_b))
    shared = _site_match(a.sites, b.sites)
    if provinces_apart and shared and all(x.startswith("road:") for x in shared):
        # A road number in two provinces is two roads, or two sections of a national road
        # that two provinces answer for: not one site.
        shared = set()
    # A shared hamlet or residential group is where both petitions come from, not what they
    # are about (one meeting in bản Sông Ia asks for power, water and a road): it counts apart
    # from a shared road, facility, street or river.
    objects = {x for x in shared if not x.startswith("hamlet:")}
    n_shared = float(bool(objects))
    place_only = float(bool(shared) and not objects)
    site_conflict = float(bool(a.sites and b.sites and not shared))
    same_commune = float(bool(a.communes & b.communes))
    commune_conflict = float(bool(a.communes and b.communes and not same_commune)) * local
    province_conflict = float(provinces_apart) * local
    shared_doc = float(bool({d for d in a.docs & b.docs if d.startswith("doc:")}))
    # one policy for two groups of people is two demands (LOFO F1 0.716 -> 0.727, 6 December)
    beneficiary_conflict = float(bool(a.beneficiaries and b.beneficiaries and not (a.beneficiaries & b.beneficiaries)))
    return [
        cos,
        cos_word,
        cos * cos,
        both_central,
        cos * both_central,
        n_shared,
        cos * n_shared,
        place_only,
        cos * place_only,
        site_conflict,
        cos * site_conflict,
        cos * same_commune,
        commune_conflict,
        cos * commune_conflict,
        province_conflict,
        cos * province_conflict,
        shared_doc,
        both_central * beneficiary_conflict,
    ]


def explain(a: Entities, b: Entities) -> dict[str, list[str]]:
    """Why two petitions were (or were not) put together: the shared and the conflicting keys."""
    shared = sorted(_site_match(a.sites, b.sites) | (a.docs & b.docs) | (a.communes & b.communes))
    conflicts: list[str] = []
    if a.sites and b.sites and not _site_match(a.sites, b.sites):
        conflicts = sorted(a.sites ^ b.sites)
    return {"shared": [_label(s) for s in shared], "conflicts": [_label(s) for s in conflicts]}


def _label(key: str) -> str:
    kind, _, value = key.partition(":")
    if kind in ("doc", "docnum"):
        return value
    if value.startswith("name:"):
        value = value[5:].split("@")[0]
    return value
