"""The letters duplicate engine: one code path for the intake check, the proposals of a letter's
page and `manage.py letters_duplicates` (pure Python; no database).

A letter gives a `Profile`:
- the person, as KEYED HASHES only (HMAC with the seal-derived key, `crypto.keyed_hash`): the
  folded full name, the given name and its one-letter deletions (typos), the initials
  ("Ng. Văn Hùng" = "Nguyễn Văn Hùng" = "nvh"), the surname, the canonical phone, the ID
  number and its kind (CMND/CCCD), the birth year (given, or read from a CCCD), today's
  commune(s) of the address (through the unit successions) and the hamlet. A profile can be
  built from clear text (intake, batch) and stored: comparing two profiles needs no clear text,
  so it works on sealed letters;
- the matter, from the content and target, which the register keeps in clear already
  (`content_folded`, `target_key`): words and word pairs without boilerplate, and numbers.

`compare(a, b)` scores the person (evidence for and against, in log-odds-like points) and the
matter (containment and Jaccard of words, agreement of numbers, same target), and decides
same person / same content; "same letter" is both. `blocking_keys(profile)` are the keyed
hashes under which a letter is indexed so that candidates are found without a full scan.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from dancu.core.text import fold

from .. import crypto
from . import content as matter
from . import normalize, units

HASH_CHARS = 16  # 64 bits of an HMAC-SHA256: collisions negligible at a province's scale

# Decision thresholds, tuned on the dev pairs only (tests/data/letters/dup_pairs_dev.jsonl).
PERSON_THRESHOLD = 3.0
CONTENT_THRESHOLD = 0.42
CONTENT_SAME_PERSON_THRESHOLD = 0.30

AGENCY_WORDS = (
    "ban ", "van phong", "thanh tra", "uy ban", "ubnd", "so ", "doan ", "mat tran", "toa an", "vien kiem sat",
    "cong an", "hoi dong", "bao ", "tong cong ty", "cong ty", "truong ", "phong ", "chi cuc", "cuc ",
)  # fmt: skip
_CONTENT_NAME = re.compile(
    r"(?:\b[Ôô]ng|\b[Bb]à|[Cc]ông dân|[Tt]ôi tên là|đơn của)\s+((?:[^\W\d_][\w]*\.?\s*){2,5})", re.UNICODE
)
_CONTENT_ADDRESS = re.compile(
    r"(?:trú tại|cư trú tại|ở tại|địa chỉ:?|\bở(?=\s+(?:thôn|xóm|bản|ấp|tổ|khối|xã|phường|thị trấn)\b))"
    r"\s+([^.:;]+?)"
    r"(?:,?\s*(?:nội dung|về việc|phản ánh|đề nghị|khiếu nại|tố cáo|kiến nghị)\b|[.:;]|$)",
    re.I,
)


_YEAR = re.compile(r"(19|20)\d\d")


@lru_cache(maxsize=8)
def _hash_key(secret: bytes) -> bytes:
    return crypto._derive("hash", secret)


def _h(kind: str, value: str, secret: bytes | None) -> str:
    """`crypto.keyed_hash(kind, value)[:HASH_CHARS]` (the same HMAC), with the derived key
    computed once per seal key instead of once per hash."""
    if not value:
        return ""
    key = _hash_key(secret or crypto.current_secret())
    return hmac.digest(key, f"{kind}:{value}".encode(), "sha256").hex()[:HASH_CHARS]


@dataclass
class Person:
    """A writer, as keyed hashes (never clear text)."""

    full: str = ""
    given: str = ""
    given_del: list[str] = field(default_factory=list)
    initials: str = ""
    surname: str = ""
    tokens: int = 0
    from_content: bool = False

    @property
    def present(self) -> bool:
        return bool(self.given)


@dataclass
class Profile:
    person: Person = field(default_factory=Person)
    phone: str = ""
    id_number: str = ""
    id_kind: str = ""
    birth: str = ""
    communes: list[str] = field(default_factory=list)
    hamlet: str = ""
    key: str = ""  # the id of the key that made these hashes (crypto.key_id)
    # The matter (from the clear content and target; not stored).
    words: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()

    def stored(self) -> dict[str, Any]:
        """What the database keeps per letter (hashes only)."""
        data = asdict(self)
        for name in ("words", "numbers", "sites", "target"):
            data.pop(name)
        return data

    @classmethod
    def from_stored(cls, data: dict[str, Any], *, content: str = "", target: str = "") -> Profile:
        p = cls(**{k: v for k, v in data.items() if k in PROFILE_FIELDS and k != "person"})
        p.person = Person(**(data.get("person") or {}))
        p.words, p.numbers, p.sites = matter.features(content)
        p.target = matter.target_words(target)
        return p


PROFILE_FIELDS = {"person", "phone", "id_number", "id_kind", "birth", "communes", "hamlet", "key"}


# Agency words that are also surnames once folded ("Trương", "Đoàn", "Bảo"...): told apart by
# their diacritics (Trường, Báo) or by the word after them (Đoàn ĐBQH, Đoàn thanh tra).
_AGENCY_ACCENTED = ("trường ", "báo ", "phòng ", "sở ", "cục ", "ban ")
_DELEGATION = re.compile(
    r"^đoàn\s+(?:đại biểu|đbqh|đb\b|thanh (?:tra|niên)|kiểm tra|giám sát|công tác|luật sư|liên ngành|tncs)",
    re.I,
)
_SURNAME_LIKE = ("doan ", "truong ", "bao ", "phong ", "so ", "cuc ", "ban ")


def _is_agency(name: str) -> bool:
    folded = fold(name) + " "
    if not folded.startswith(AGENCY_WORDS):
        return False
    if not folded.startswith(_SURNAME_LIKE):
        return True
    lowered = " ".join(name.lower().split()) + " "
    if lowered == folded:  # written without diacritics: the word after it tells
        words = folded.split() + ["", ""]
        if words[1] == "thanh":
            return words[2] in ("tra", "nien")  # Đoàn thanh tra, Đoàn thanh niên; Đoàn Thanh Hải
        return words[1] in _AGENCY_NEXT
    if folded.startswith("doan "):
        return bool(_DELEGATION.match(lowered))
    return lowered.startswith(_AGENCY_ACCENTED)


_AGENCY_WORDS_NEXT = """
    dai dbqh db kiem giam luat lien tncs thcs thpt tieu mam trung cao pt mn th
    nghe tinh tai noi giao lao y tu kinh ke nong xay dan tiep
"""
_AGENCY_NEXT = frozenset(_AGENCY_WORDS_NEXT.split())


def person_of(name: str, *, secret: bytes | None = None, from_content: bool = False) -> Person:
    tokens = normalize.name_tokens(name)
    if not tokens:
        return Person()
    given = tokens[-1][0]
    full_words = [t for t, abbr in tokens]
    surname = tokens[0][0] if len(tokens) > 1 and not tokens[0][1] else ""
    return Person(
        full=_h("m:full", " ".join(full_words), secret) if not any(a for _t, a in tokens) else "",
        given=_h("m:given", given, secret),
        given_del=sorted(_h("m:gdel", d, secret) for d in normalize.deletions(given)),
        initials=_h("m:init", normalize.initials(tokens), secret),
        surname=_h("m:sur", surname, secret),
        tokens=len(tokens),
        from_content=from_content,
    )


def profile_of(
    *,
    name: str = "",
    id_number: str = "",
    phone: str = "",
    address: str = "",
    birth_year: str = "",
    content: str = "",
    target: str = "",
    province_hint: str = "",
    secret: bytes | None = None,
) -> Profile:
    """The profile of a letter from what was typed in (clear text, never stored)."""
    person = Person()
    if name and not _is_agency(name):
        person = person_of(name, secret=secret)
    if not person.present and content:
        # A cover letter of another agency (or a letter typed in without the writer's name):
        # the citizen it names ("đơn của ông Nguyễn Văn Hùng, trú tại ...").
        for found in _CONTENT_NAME.finditer(content):
            candidate = " ".join(w for w in found.group(1).split() if w[:1].isupper())
            if len(normalize.name_tokens(candidate)) >= 2:
                person = person_of(candidate, secret=secret, from_content=True)
                break
    if not address and content:
        written = _CONTENT_ADDRESS.search(content)
        if written:
            address = written.group(1)
    digits = normalize.id_digits(id_number)
    kind = normalize.id_kind(digits)
    birth = normalize.birth_year_of_cccd(digits) or normalize.id_digits(birth_year)
    place = units.parse(address, province_hint=province_hint) if address else units.Address()
    words, numbers, sites = matter.features(content)
    return Profile(
        person=person,
        phone=_h("m:phone", normalize.canonical_phone(phone), secret),
        id_number=_h("m:id", digits, secret),
        id_kind=kind,
        birth=_h("m:birth", birth, secret),
        communes=sorted(_h("m:commune", c, secret) for c in place.communes),
        hamlet=_h("m:hamlet", place.hamlet, secret),
        key=crypto.key_id(secret),
        words=words,
        numbers=numbers,
        sites=sites,
        target=matter.target_words(target),
    )


@dataclass
class Match:
    same_person: bool
    same_content: bool
    score: float
    person_points: float
    content_score: float
    reasons: list[str]

    @property
    def same_letter(self) -> bool:
        return self.same_person and self.same_content


def _name_points(a: Person, b: Person, reasons: list[str]) -> float:
    if not a.present or not b.present:
        return 0.0
    weight = 0.8 if a.from_content or b.from_content else 1.0
    if a.full and a.full == b.full:
        reasons.append("name")
        return 1.5 * weight
    initials_agree = a.initials == b.initials
    if a.given == b.given:
        if initials_agree:
            reasons.append("name_variant")
            return 1.3 * weight
        reasons.append("given_name")
        return 0.3 * weight
    if set(a.given_del) & set(b.given_del) and initials_agree:
        reasons.append("name_typo")
        return 1.0 * weight
    return -2.5


def compare(a: Profile, b: Profile) -> Match:
    reasons: list[str] = []
    points = _name_points(a.person, b.person, reasons)
    # Decisive: the same ID number, or the same phone (the writer, or the household writing
    # through one phone: the Office wants the hint) unless two ID numbers of one series differ.
    decisive = False
    id_conflict = False
    if a.id_number and b.id_number:
        if a.id_number == b.id_number:
            points += 3.0
            decisive = True
            reasons.append("id_number")
        elif a.id_kind == b.id_kind and a.id_kind in ("cccd", "cmnd"):
            points -= 2.0  # two different numbers of one series: two people
            id_conflict = True
        # a CMND and a CCCD: different series, neither for nor against
    if a.birth and b.birth:
        points += 0.3 if a.birth == b.birth else -1.5
    if a.phone and b.phone:
        if a.phone == b.phone:
            points += 2.5
            decisive = decisive or not id_conflict
            reasons.append("phone")
        else:
            points -= 0.3  # people change phones
    same_commune = bool(set(a.communes) & set(b.communes))
    if a.communes and b.communes:
        if same_commune:
            points += 1.0
            reasons.append("commune")
            if a.hamlet and a.hamlet == b.hamlet:
                points += 0.3
                reasons.append("hamlet")
        else:
            points -= 1.5

    containment, jaccard = matter.similarity(a.words, b.words)
    numbers = 0.0
    if a.numbers and b.numbers:
        numbers = len(a.numbers & b.numbers) / min(len(a.numbers), len(b.numbers))
    content_score = 0.55 * containment + 0.25 * jaccard + 0.2 * numbers
    if min(len(a.numbers), len(b.numbers)) >= 2 and numbers < 0.34:
        content_score *= 0.5  # other plots, amounts, years: another matter of the same kind
        reasons.append("numbers_differ")
    if a.sites and b.sites and not a.sites & b.sites:
        content_score *= 0.6  # the same kind of problem in another hamlet
        reasons.append("sites_differ")
    target_agree = (
        bool(a.target) and bool(b.target) and len(a.target & b.target) / len(a.target | b.target) >= 0.6
    )
    threshold = CONTENT_THRESHOLD
    if target_agree:
        threshold -= 0.06
    if a.communes and b.communes:
        # Neighbours write alike about their hamlet's matter (a group letter); the same words
        # from another commune are more likely the same kind of problem elsewhere.
        threshold += -0.06 if same_commune else 0.25
    person_known = decisive or points >= PERSON_THRESHOLD
    if person_known:
        threshold = min(threshold, CONTENT_SAME_PERSON_THRESHOLD)
    same_content = content_score >= threshold
    if same_content and not person_known:
        # Two writers: the same words are the same matter only when a specific agrees (two
        # numbers of the matter other than years, or the commune; a target such as "Sở Nội vụ"
        # is not one) and none conflicts.
        shared = [n for n in a.numbers & b.numbers if not _YEAR.fullmatch(n)]
        specific = len(shared) >= 2 or same_commune
        conflict = "numbers_differ" in reasons or "sites_differ" in reasons
        same_content = specific and not conflict
    if same_content:
        reasons.append("same_target_content" if target_agree else "same_content")
        if a.person.present and b.person.present and points > 0:
            points += 1.0  # the same matter from a person of that name
    same_person = decisive or points >= PERSON_THRESHOLD
    person_p = 1 / (
        1
        + pow(2.718281828, -(max(points, PERSON_THRESHOLD if decisive else points) - PERSON_THRESHOLD + 0.5))
    )
    content_p = min(1.0, content_score / (2 * CONTENT_THRESHOLD))
    score = round(0.5 * person_p + 0.5 * content_p, 4)
    return Match(same_person, same_content, score, round(points, 2), round(content_score, 3), reasons)


def blocking_keys(p: Profile, *, secret: bytes | None = None) -> list[str]:
    """Keyed hashes a letter is indexed under (candidates share at least one). Built from the
    profile's hashes (so from sealed data) and from the matter's words (MinHash bands)."""
    keys: set[str] = set()
    if p.phone:
        keys.add("p" + p.phone)
    if p.id_number:
        keys.add("i" + p.id_number)
    person = p.person
    if person.present:
        keys.add("g" + _h("b:gi", person.given + person.initials, secret))
        for d in person.given_del:
            keys.add("d" + _h("b:gd", d + person.initials, secret))
        for c in p.communes:
            keys.add("c" + _h("b:gc", person.given + c, secret))
    for number in p.numbers:
        # The numbers of a matter (plot 573, 763 m2, decision 45/QĐ): specific; years are not.
        if len(number) >= 3 and not _YEAR.fullmatch(number):
            keys.add("n" + _h("b:num", number, secret))
    for band in minhash_bands(p.words):
        keys.add("w" + _h("b:mh", band, secret))
    return sorted(keys)


BANDS, ROWS = 20, 2


_SEEDS = None


def _seeds() -> Any:
    global _SEEDS
    if _SEEDS is None:
        import numpy as np

        _SEEDS = np.array(
            [(i * 0x9E3779B97F4A7C15 + 1) & 0xFFFFFFFFFFFFFFFF for i in range(BANDS * ROWS)], dtype=np.uint64
        )
    return _SEEDS


def minhash_bands(words: frozenset[str]) -> list[str]:
    """LSH bands of the matter's words: two letters whose word sets have a Jaccard similarity s
    share a band with probability 1-(1-s^2)^20 (0.56 at s = 0.2, 0.86 at s = 0.3).

    Row r of band b is min over the words of ((h(w) XOR seed) * C) mod 2^64, computed for all
    rows at once with numpy (uint64 arithmetic wraps modulo 2^64, as the masked Python product
    of `_minhash_bands_python` does; a test keeps the two equal)."""
    import hashlib

    import numpy as np

    if len(words) < 3:
        return []
    hashed = np.array(
        [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big") for w in words],
        dtype=np.uint64,
    )
    with np.errstate(over="ignore"):
        mins = ((hashed[:, None] ^ _seeds()[None, :]) * np.uint64(0xBF58476D1CE4E5B9)).min(axis=0)
    values = [int(m) for m in mins]
    return [
        f"{band}:" + ".".join(f"{m:x}" for m in values[band * ROWS : (band + 1) * ROWS]) for band in range(BANDS)
    ]


def _minhash_bands_python(words: frozenset[str]) -> list[str]:
    """The reference (pure Python) of `minhash_bands`."""
    import hashlib

    if len(words) < 3:
        return []
    hashed = [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big") for w in words]
    out = []
    for band in range(BANDS):
        row_mins = []
        for row in range(ROWS):
            seed = (band * ROWS + row) * 0x9E3779B97F4A7C15 + 1
            row_mins.append(min(((h ^ seed) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF for h in hashed))
        out.append(f"{band}:" + ".".join(f"{m:x}" for m in row_mins))
    return out
