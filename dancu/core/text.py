"""Vietnamese text folding.

Search must find "Đặng" from "dang" and "Nguyễn Văn" from "nguyen van": we store a folded
copy of searchable text (lower case, diacritics removed, đ→d) and fold the query the same way,
so both databases compare the same strings.
"""

import re
import unicodedata

_COMBINING = re.compile(r"[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def phrase_pattern(phrases) -> re.Pattern[str]:
    """One regex matching any of `phrases` as whole words, the longest first (so "quản lý nhà
    nước" wins over "quản lý"): the engines' tables of folded phrases."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\b")


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics, map đ/Đ to d and collapse white space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", str(text)).lower().replace("đ", "d")
    text = _COMBINING.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def search_tokens(query: str | None, *, max_tokens: int = 8) -> list[str]:
    """Fold a user's query into plain alphanumeric tokens, safe for FTS5 and LIKE."""
    tokens = [t for t in _NON_WORD.split(fold(query)) if t]
    return tokens[:max_tokens]


def normalize_spaces(text: str | None) -> str:
    return " ".join((text or "").split())


# Control characters (C0 but tab and line breaks, DEL, C1) and lone surrogates: they carry no
# meaning in an Office's text, break XML documents (DOCX, XLSX) and terminals, and arrive by
# copy-paste from old software. Removed at input (core.middleware, Excel imports) and again at
# output (documents, exports), so one bad character never breaks a whole report.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` without control characters (tab, CR and LF are kept)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


# --- Vietnamese sort order -------------------------------------------------------------------
# Readers expect a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z for foreign
# words), letters first and tones only to break ties (ngang, huyền, hỏi, ngã, sắc, nặng). Code
# point order puts "Đ" after "Z" and "Nguyễn" before "Ngô". Rather than one collation per
# database (ICU on PostgreSQL, none on SQLite), models store a sort key made of lower-case ASCII
# letters only: every collation (C, en_US.UTF-8, SQLite BINARY) orders such strings the same way,
# so one index serves both databases and tests.
_ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_MARKS = {"\u0306": "ă", "\u0302": "^", "\u031b": "+"}  # breve, circumflex, horn: letters
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_WITH_MARK = {
    ("a", "ă"): "ă",
    ("a", "^"): "â",
    ("e", "^"): "ê",
    ("o", "^"): "ô",
    ("o", "+"): "ơ",
    ("u", "+"): "ư",
}


def _code(n: int) -> str:
    # Two letters per symbol, "aa" < "ab" < ... : 676 codes, fixed width.
    return chr(97 + n // 26) + chr(97 + n % 26)


_END, _SPACE = _code(0), _code(1)
_LETTER_CODE = {ch: _code(i + 2) for i, ch in enumerate(_ALPHABET)}
SORT_KEY_LENGTH = 600


def _letters(word: str) -> list[tuple[str, int]]:
    """(base letter, tone) per letter of a lower-case word; other characters are dropped."""
    out: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFC", word):
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        tone = 0
        for mark in marks:
            if mark in _MARKS:
                base = _WITH_MARK.get((base, _MARKS[mark]), base)
            elif mark in _TONES:
                tone = _TONES[mark]
        if base in _LETTER_CODE:
            out.append((base, tone))
    return out


def vi_sort_key(text: str | None, *, person: bool = False) -> str:
    """A key whose plain string order is Vietnamese alphabetical order.

    `person=True` orders a person's name as Vietnamese people lists do: by the given name (the
    last word), then the family name (the first), then the middle names ("Nguyễn Văn An" sorts
    as "An Nguyễn Văn").
    """
    words = (text or "").lower().split()
    if person and len(words) > 1:
        words = [words[-1], *words[:-1]]
    primary: list[str] = []
    tones: list[str] = []
    for word in words:
        letters = _letters(word)
        if not letters:
            continue
        if primary:
            primary.append(_SPACE)
        primary.extend(_LETTER_CODE[base] for base, _tone in letters)
        tones.extend(chr(97 + tone) for _base, tone in letters)
    # The end mark sorts below every letter, so "An" comes before "Anh" whatever the tones.
    return ("".join(primary) + _END + "".join(tones))[:SORT_KEY_LENGTH]
