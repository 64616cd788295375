"""Normalising what citizens write: names, phones, ID numbers (pure Python, no database).

Names: folded (case, diacritics, đ→d), titles dropped ("Ông", "Bà", "Cụ"...), an abbreviated
token ("Ng.", "Tr.", "H") keeps only its initial. Phones: one canonical 10-digit form
("0912 345 678", "+84912345678", "84-912-345-678" alike), and the 11-digit mobile numbers
renumbered in 2018 ("0168…" → "038…"). ID numbers: a 12-digit CCCD (or 12-digit CMND, the same
number) and an old 9-digit CMND are different number series: a CCCD's last digits are NOT the
CMND, so the two never match by digits; a CCCD tells the birth year (digits 5-6, century from
digit 4), which can be checked against a birth year given elsewhere.
"""

from __future__ import annotations

import re

from dancu.core.text import fold

TITLES = frozenset({"ong", "ba", "cu", "anh", "chi", "em", "co", "chu", "bac", "cong", "dan"})
# Written abbreviations of common surnames and middle names (without the dot).
ABBREVIATIONS = {"ng": "n", "tr": "t", "ph": "p", "th": "t", "nh": "n", "kh": "k", "ch": "c", "gi": "g"}
_WORD = re.compile(r"[0-9a-z]+\.?")


def name_tokens(name: str) -> list[tuple[str, bool]]:
    """[(folded token, is_abbreviation)] without the titles in front."""
    raw = _WORD.findall(fold(name))
    out: list[tuple[str, bool]] = []
    for i, token in enumerate(raw):
        word = token.rstrip(".")
        if not word or word.isdigit():
            continue
        if not out and word in TITLES and i < len(raw) - 1:
            continue  # "Ông Nguyễn Văn Hùng", "công dân Lê Thị Hoa"
        abbreviated = token.endswith(".") or (len(word) <= 2 and word in ABBREVIATIONS) or len(word) == 1
        out.append((word, abbreviated))
    # "Cong" / "Dan" are also names: a title is dropped only in front, and the given name stays.
    return out


def initials(tokens: list[tuple[str, bool]]) -> str:
    return "".join(ABBREVIATIONS.get(t, t[0]) if abbr else t[0] for t, abbr in tokens)


def deletions(word: str) -> set[str]:
    """The word and every word made by deleting one letter (a typo of one letter, a letter
    dropped or added, leaves two spellings sharing one of these)."""
    if len(word) < 3:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


OLD_MOBILE_PREFIXES = {
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037",
    "0168": "038", "0169": "039", "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip


def canonical_phone(value: str) -> str:
    """0xxxxxxxxx (10 digits) for a Vietnamese number, else its digits ("" when too short)."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("0084"):
        digits = digits[2:]
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    elif len(digits) in (9, 10) and not digits.startswith("0"):
        digits = "0" + digits
    if len(digits) == 11 and digits[:4] in OLD_MOBILE_PREFIXES:
        digits = OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:]
    return digits if len(digits) >= 8 else ""


def id_kind(digits: str) -> str:
    """ "cccd" (12 digits), "cmnd" (9 digits), "other" or ""."""
    if not digits:
        return ""
    return {12: "cccd", 9: "cmnd"}.get(len(digits), "other")


def birth_year_of_cccd(digits: str) -> str:
    """The birth year a 12-digit CCCD encodes (digit 4: sex and century, 5-6: the year)."""
    if len(digits) != 12 or not digits.isdigit():
        return ""
    century = {"0": 1900, "1": 1900, "2": 2000, "3": 2000, "4": 2100, "5": 2100}.get(digits[3])
    return str(century + int(digits[4:6])) if century else ""


def id_digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")
