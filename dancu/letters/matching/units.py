"""Addresses as citizens write them, resolved to today's communes through the unit successions.

A writer may give the commune and district as they were before 1 July 2025 ("xã Cẩm Bình,
huyện Cẩm Xuyên") or the merged commune of today ("xã Cẩm Duệ"), with or without the hamlet
(thôn, xóm, tổ dân phố, bản, ấp, khối + name or number), with or without diacritics. The
gazetteer is the project's own unit tables read from their source files
(`dancu.directory.units_loader.read_sources`: no database), old commune -> today's commune(s).
An address resolves to the SET of today's communes it may mean (an old commune split in two
gives both; a name shared by two communes gives both unless the district or province says
which); two addresses agree when the sets meet, and conflict when both resolved and they do not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from dancu.core.text import fold

COMMUNE_WORDS = ("thi tran", "phuong", "xa", "dac khu", "tt")
DISTRICT_WORDS = ("thanh pho", "thi xa", "huyen", "quan", "tp", "tx")
PROVINCE_WORDS = ("tinh", "thanh pho", "tp")
HAMLET_WORDS = ("to dan pho", "tdp", "thon", "xom", "ban", "ap", "khoi", "khom", "to", "doi", "lang")
_SPLIT = re.compile(r"[,;/\n]|\s-\s")


def _key(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", fold(text)))


def _strip_word(text: str, words: tuple[str, ...]) -> tuple[str, str]:
    for w in words:
        if text == w:
            return w, ""
        if text.startswith(w + " "):
            return w, text[len(w) + 1 :].strip()
    return "", text


# Words that start a new part of an address typed without commas ("thôn 5 xã X huyện Y").
_PART_STARTS = (("to", "dan", "pho"), ("thi", "tran"), ("thi", "xa"), ("thanh", "pho"), ("xa",), ("phuong",),
                ("huyen",), ("quan",), ("tinh",), ("thon",), ("xom",))  # fmt: skip


def _split_types(text: str) -> list[str]:
    words = text.split()
    parts: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        for start in _PART_STARTS:
            n = len(start)
            if tuple(words[i : i + n]) == start and i + n < len(words) and parts[-1]:
                parts.append([])
                break
        else:
            n = 1
        parts[-1].extend(words[i : i + n])
        i += n
    return [" ".join(p) for p in parts if p]


@dataclass
class Gazetteer:
    # folded commune name -> [(commune key, district key or "", province key)]
    communes: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    # folded district / province name -> keys
    districts: dict[str, set[str]] = field(default_factory=dict)
    provinces: dict[str, set[str]] = field(default_factory=dict)
    # any commune key -> today's commune keys (itself for today's communes)
    today: dict[str, set[str]] = field(default_factory=dict)
    # today's / old province key -> today's province key
    province_today: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    from dancu.directory.units_loader import read_sources

    source = read_sources()
    g = Gazetteer()
    units = {u.key: u for u in source.units}
    communes: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    districts: dict[str, set[str]] = defaultdict(set)
    provinces: dict[str, set[str]] = defaultdict(set)
    for u in source.units:
        if u.level == "commune":
            parent = units.get(u.parent_key or "")
            district = parent.key if parent is not None and parent.level == "district" else ""
            province = (
                units[parent.parent_key].key if district and parent and parent.parent_key else u.parent_key
            ) or ""
            communes[_key(u.short_name)].append((u.key, district, province))
            if u.key.startswith("c2025:"):
                g.today.setdefault(u.key, set()).add(u.key)
        elif u.level == "district":
            districts[_key(u.short_name)].add(u.key)
        elif u.level == "province":
            provinces[_key(u.short_name)].add(u.key)
            if u.key.startswith("p2025:"):
                g.province_today[u.key] = u.key
    for (old, new), _default in source.successions.items():
        if old.startswith("c1976:") and new.startswith("c2025:"):
            g.today.setdefault(old, set()).add(new)
        elif old.startswith("p1976:") and new.startswith("p2025:"):
            g.province_today[old] = new
    g.communes, g.districts, g.provinces = dict(communes), dict(districts), dict(provinces)
    return g


@dataclass
class Address:
    communes: frozenset[str] = frozenset()  # today's commune keys it may mean
    hamlet: str = ""  # "thon 5", "xom dong", folded
    province: str = ""  # today's province key when known


def parse(address: str, *, province_hint: str = "") -> Address:
    """Resolve a written address. `province_hint` (a province name, e.g. from the receiving
    body) narrows a commune name shared by several provinces when the address names none."""
    g = gazetteer()
    parts = [q for p in _SPLIT.split(address or "") for q in _split_types(_key(p))]
    commune_names: list[str] = []
    district_keys: set[str] = set()
    province_keys: set[str] = set()
    hamlet = ""
    for part in parts:
        word, rest = _strip_word(part, HAMLET_WORDS)
        if word and rest and not hamlet:
            hamlet = f"{'tdp' if word == 'to dan pho' else word} {rest}"
            continue
        word, rest = _strip_word(part, COMMUNE_WORDS)
        if word and rest:
            commune_names.append(rest)
            continue
        word, rest = _strip_word(part, DISTRICT_WORDS)
        if word and rest:
            if rest in g.districts:
                district_keys |= g.districts[rest]
            if word in ("thanh pho", "tp") and rest in g.provinces:
                province_keys |= g.provinces[rest]
            continue
        word, rest = _strip_word(part, PROVINCE_WORDS)
        if word and rest and rest in g.provinces:
            province_keys |= g.provinces[rest]
            continue
        if part in g.provinces:
            province_keys |= g.provinces[part]
        elif part in g.communes and not commune_names:
            commune_names.append(part)  # "Cẩm Bình, Cẩm Xuyên": a bare commune name
        elif part in g.districts:
            district_keys |= g.districts[part]
    if not province_keys and province_hint:
        hint = _key(province_hint)
        for name, keys in g.provinces.items():
            if hint.endswith(name):
                province_keys |= keys
    today_provinces = {g.province_today.get(k, k) for k in province_keys}
    found: set[str] = set()
    for name in commune_names[:1]:
        candidates = g.communes.get(name, [])
        if district_keys:
            narrowed = [c for c in candidates if c[1] in district_keys]
            candidates = narrowed or candidates
        if today_provinces:
            narrowed = [c for c in candidates if g.province_today.get(c[2], c[2]) in today_provinces]
            candidates = narrowed or candidates
        for key, _d, _p in candidates:
            found |= g.today.get(key, set())
    province = next(iter(today_provinces)) if len(today_provinces) == 1 else ""
    return Address(frozenset(found), hamlet, province)
