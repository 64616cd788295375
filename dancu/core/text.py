"""Vietnamese text folding.

Search must find "Đặng" from "dang" and "Nguyễn Văn" from "nguyen van": we store a folded
copy of searchable text (lower case, diacritics removed, đ→d) and fold the query the same way,
so both databases compare the same strings.
"""

import re
import unicodedata

_COMBINING = re.compile(r"[\u0300-\u036f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


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
