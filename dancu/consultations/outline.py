"""The structure of a draft law from its file: Phần / Chương / Mục / Điều / Khoản / Điểm.

Pure Python, no database: `python manage.py consultations_parse FILE --output OUT.json` and the
draft pages use the same `parse_docx` / `parse_text`. The outline is a plain dict, always nested
the same way (a level the law does not use is one entry with a null number):

    {"title": "Luật Đất đai", "preamble": "...", "closing": "...", "warnings": [...],
     "parts": [{"part": null, "title": "", "chapters": [
        {"chapter": "I", "title": "QUY ĐỊNH CHUNG", "sections": [
           {"section": null, "title": "", "articles": [
              {"article": 12, "suffix": "", "title": "...", "text": "...", "points": [],
               "clauses": [{"number": 1, "text": "...",
                            "points": [{"letter": "a", "text": "..."}]}]}]}]}]}]}

How the text is read (docs/consultations.md has the why):
- an article starts at "Điều N." / "Điều N:" / "Điều N Title" (the title then starts with a
  capital), numbered upwards; "Điều 5 được sửa đổi như sau:" or a reference that wraps to the
  start of a line is text;
- a clause is "N." and a point "a)" ... "đ)" ... in the Vietnamese order (a b c d đ e g h i k l m
  n o p q r s t u v x y), each only when it is the next one expected, so a table row "1. ..." or
  a stray "c)" stays text;
- a quoted block (an amending law's “Điều 5a. ...”, “1. ...”) is text of the clause that quotes
  it, until its quotes close;
- tables are kept, row by row, as text of the clause (or article) they sit in; pages do not
  matter (page numbers of a PDF's text are dropped), so an article may span pages;
- Word's automatic numbering ("1." / "a)" drawn by a list style) is rendered back into the text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

POINT_LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
]
# Word's own letters (a list drawn by Word's numbering gives these).
_LATIN_LETTERS = list("abcdefghijklmnopqrstuvwxyz")

_ROMAN = r"[IVXLC]+"
_ORDINAL_VALUE = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14,
    "mười lăm": 15, "mười sáu": 16, "mười bảy": 17, "mười tám": 18, "mười chín": 19, "hai mươi": 20,
}  # fmt: skip

_SEP = r"(\s*[.:\-–—]?\s*)"
_PART = re.compile(
    rf"^phần\s+(thứ\s+[^\s.:]+(?:\s+(?:một|hai|ba|tư|bốn|lăm|năm|sáu|bảy|tám|chín|mươi))?|{_ROMAN}\b|\d+\b){_SEP}(.*)$",
    re.I,
)
_CHAPTER = re.compile(rf"^chương\s+({_ROMAN}[a-z]?|\d+[a-z]?)\b{_SEP}(.*)$", re.I)
_SECTION = re.compile(rf"^mục\s+(\d+|{_ROMAN})\b{_SEP}(.*)$", re.I)
_SUBSECTION = re.compile(rf"^tiểu\s+mục\s+(\d+)\b{_SEP}(.*)$", re.I)
_ARTICLE = re.compile(r"^điều\s+(\d+)([a-zđ]?)(\s*[.:]\s*|\s+|$)(.*)$", re.I)
_CLAUSE = re.compile(r"^(\d+)\s*\.(?:\s+|$)(.*)$")
_POINT = re.compile(r"^([a-zđ])\s*\)\s*(.*)$")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_CLOSING = re.compile(
    r"^((bộ\s+)?luật|nghị\s+quyết|pháp\s+lệnh)\s+này\s+(đã\s+)?được\s+(quốc\s+hội|ủy\s+ban\s+thường\s+vụ)"
    r"|^(tm\.|t/m\s)|^chủ\s+tịch\s+quốc\s+hội\s*$|^nơi\s+nhận\s*:",
    re.I,
)
_OPEN_QUOTES = '“"«„'
_CLOSE_QUOTES = '”"»'


@dataclass
class Block:
    """One paragraph of the source, or one table (`rows`)."""

    text: str = ""
    rows: list[list[str]] | None = None


def roman_value(token: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    token = token.upper()
    if not token or any(c not in values for c in token):
        return None
    total = 0
    for i, c in enumerate(token):
        v = values[c]
        total += -v if i + 1 < len(token) and values[token[i + 1]] > v else v
    return total


def ordinal_value(label: str | None) -> int | None:
    """ "II" -> 2, "3" -> 3, "THỨ NHẤT" -> 1, "IVa" -> 4; None when unknown."""
    if not label:
        return None
    text = label.strip()
    if text.isdigit():
        return int(text)
    match = re.match(r"^([IVXLC]+)[a-z]?$", text)
    if match:
        return roman_value(match.group(1))
    low = text.lower()
    if low.startswith("thứ "):
        return _ORDINAL_VALUE.get(low[4:].strip())
    return None


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _quote_delta(text: str) -> int:
    """Curly quotes opened minus closed in `text`."""
    return text.count("“") + text.count("«") - text.count("”") - text.count("»")


class _Builder:
    def __init__(self) -> None:
        self.head: list[str] = []
        self.closing: list[str] = []
        self.warnings: list[str] = []
        self.parts: list[dict[str, Any]] = []
        self.part: dict[str, Any] | None = None
        self.chapter: dict[str, Any] | None = None
        self.section: dict[str, Any] | None = None
        self.article: dict[str, Any] | None = None
        self.clause: dict[str, Any] | None = None
        self.point: dict[str, Any] | None = None
        # Which heading waits for its title on the next line ("Chương I" / "QUY ĐỊNH CHUNG").
        self.pending_title: dict[str, Any] | None = None
        self.title_open = False  # the article's title may continue (PDF text wraps)
        self.quote_depth = 0
        self.straight_quote = False
        self.last_article = 0
        self.ended = False
        self.index = -1  # the paragraph being read
        self.quote_opened: int | None = None
        self.force_close: set[int] = set()

    # -- containers ---------------------------------------------------------------------
    def _new_part(self, number: str | None, title: str) -> dict[str, Any]:
        part: dict[str, Any] = {"part": number, "title": title, "chapters": []}
        self.parts.append(part)
        self.part, self.chapter, self.section = part, None, None
        return part

    def _new_chapter(self, number: str | None, title: str) -> dict[str, Any]:
        if self.part is None:
            self._new_part(None, "")
        assert self.part is not None
        chapter: dict[str, Any] = {"chapter": number, "title": title, "sections": []}
        self.part["chapters"].append(chapter)
        self.chapter, self.section = chapter, None
        return chapter

    def _new_section(self, number: int | str | None, title: str) -> dict[str, Any]:
        if self.chapter is None:
            self._new_chapter(None, "")
        assert self.chapter is not None
        section: dict[str, Any] = {"section": number, "title": title, "articles": []}
        self.chapter["sections"].append(section)
        self.section = section
        return section

    def _close_article(self) -> None:
        self.article = self.clause = self.point = None
        self.title_open = False

    # -- text ---------------------------------------------------------------------------
    def _append(self, text: str, *, to_clause: bool = False) -> None:
        """Continuation text: to the innermost open element (a table: to the clause)."""
        target: dict[str, Any] | None
        target = self.clause or self.article if to_clause else self.point or self.clause or self.article
        if target is None:
            (self.closing if self.ended else self.head).append(text)
            return
        key = "text"
        target[key] = f"{target[key]}\n{text}" if target[key] else text

    def _continue_line(self, text: str) -> None:
        """A line of a PDF's text that continues the paragraph above (joined with a space)."""
        target = self.point or self.clause or self.article
        if target is None:
            (self.closing if self.ended else self.head).append(text)
            return
        target["text"] = f"{target['text']} {text}" if target["text"] else text

    # -- one paragraph --------------------------------------------------------------------
    def feed(self, text: str, *, wrapped: bool = False) -> None:
        self.index += 1
        text = " ".join(text.replace("\u00a0", " ").split())
        if not text:
            return
        if self.ended:
            self.closing.append(text)
            return
        if self.quote_depth > 0 or self.straight_quote:
            self._in_quote(text, wrapped=wrapped)
            return
        if self.article is not None and text[0] in _OPEN_QUOTES:
            self._in_quote(text, wrapped=False, opening=True)
            return
        if self._heading(text):
            return
        if self.article is None and self.last_article and _CLOSING.match(text):
            self.ended = True
            self.closing.append(text)
            return
        if self.article is not None and _CLOSING.match(text):
            self._close_article()
            self.ended = True
            self.closing.append(text)
            return
        match = _ARTICLE.match(text)
        if match and self._is_article(match):
            self._start_article(match)
            return
        if self.article is not None:
            if self._clause_or_point(text):
                self._open_inline_quote(text)
                return
            if self.title_open and wrapped and _starts_lower(text) and not self.article["text"]:
                self.article["title"] = f"{self.article['title']} {text}"
                return
            self.title_open = False
            if wrapped:
                self._continue_line(text)
            else:
                self._append(text)
            self._open_inline_quote(text)
            return
        if self.pending_title is not None:
            holder = self.pending_title
            holder["title"] = f"{holder['title']} {text}".strip() if holder["title"] else text
            if not _mostly_upper(text):
                self.pending_title = None
            return
        self.head.append(text)

    def _open_inline_quote(self, text: str) -> None:
        """A clause or paragraph that opens a quote it does not close ("... như sau: “Điều 5a.
        Tên điều"): what follows is quoted text until the quote closes."""
        depth = _quote_delta(text)
        straight = text.count('"') % 2 == 1
        if (depth > 0 or straight) and self.index not in self.force_close:
            self.quote_depth = max(depth, 0)
            self.straight_quote = straight
            self.quote_opened = self.index

    def _in_quote(self, text: str, *, wrapped: bool, opening: bool = False) -> None:
        if opening or not wrapped:
            self._append(text)
        else:
            self._continue_line(text)
        self.quote_depth = max(0, self.quote_depth + _quote_delta(text))
        if text.count('"') % 2 == 1:
            self.straight_quote = not self.straight_quote
        if (self.quote_depth or self.straight_quote) and self.index in self.force_close:
            # This quote never closes (a missing ”): keep it to its own paragraph.
            self.quote_depth, self.straight_quote = 0, False
        elif self.quote_depth or self.straight_quote:
            if self.quote_opened is None:
                self.quote_opened = self.index
        else:
            self.quote_opened = None

    def _heading(self, text: str) -> bool:
        match = _PART.match(text)
        if match and self._heading_rest_ok(match.group(2), match.group(3)):
            label = " ".join(match.group(1).split()).upper()
            self._close_article()
            part = self._new_part(label, match.group(3).strip())
            self.pending_title = part if not part["title"] else None
            return True
        match = _CHAPTER.match(text)
        if (
            match
            and not match.group(1)[0].islower()
            and self._heading_rest_ok(match.group(2), match.group(3))
        ):
            self._close_article()
            chapter = self._new_chapter(match.group(1), match.group(3).strip())
            self.pending_title = chapter if not chapter["title"] else None
            return True
        match = _SUBSECTION.match(text)
        if match and self._heading_rest_ok(match.group(2), match.group(3)) and self.section is not None:
            # Tiểu mục (Law 64/2025 Art. 7.3 allows it): a section "<Mục>.<n>" of the chapter.
            parent = self.section["section"] if self.section["section"] is not None else 0
            parent = str(parent).split(".")[0]
            self._close_article()
            section = self._new_section(f"{parent}.{match.group(1)}", match.group(3).strip())
            self.pending_title = section if not section["title"] else None
            return True
        match = _SECTION.match(text)
        if (
            match
            and self._heading_rest_ok(match.group(2), match.group(3))
            and (self.chapter is not None or self.last_article)
        ):
            number: int | str = int(match.group(1)) if match.group(1).isdigit() else match.group(1)
            self._close_article()
            section = self._new_section(number, match.group(3).strip())
            self.pending_title = section if not section["title"] else None
            return True
        if self.pending_title is not None and self.article is None and not _ARTICLE.match(text):
            holder = self.pending_title
            holder["title"] = f"{holder['title']} {text}".strip() if holder["title"] else text
            if not _mostly_upper(text):
                self.pending_title = None
            return True
        return False

    @staticmethod
    def _heading_rest_ok(sep: str, rest: str) -> bool:
        # "Chương I của Luật này ...", "Mục 2 Chương này" are references, not headings: after
        # the number comes nothing, a separator ("Chương I. ..."), or a title in capitals.
        rest = rest.strip()
        if not rest:
            return True
        if len(rest) > 300 or _starts_lower(rest):
            return False
        return bool(sep.strip()) or _mostly_upper(rest)

    def _is_article(self, match: re.Match[str]) -> bool:
        number, suffix, sep, rest = int(match.group(1)), match.group(2), match.group(3), match.group(4)
        if sep.strip() == "" and rest and not rest[0].isupper():
            return False  # "Điều 5 được sửa đổi như sau:", "Điều 12 của Luật này"
        if sep.strip() == "" and not rest and suffix:
            return False
        if suffix:
            return number == self.last_article
        if self.last_article == 0:
            return True
        return self.last_article < number <= self.last_article + 10

    def _start_article(self, match: re.Match[str]) -> None:
        number, suffix = int(match.group(1)), match.group(2).lower()
        if self.section is None:
            self._new_section(None, "")
        assert self.section is not None
        if self.last_article and number > self.last_article + 1 and not suffix:
            self.warnings.append(f"Điều {self.last_article + 1}-{number - 1}: missing")
        article: dict[str, Any] = {
            "article": number,
            "suffix": suffix,
            "title": match.group(4).strip(),
            "text": "",
            "clauses": [],
            "points": [],
        }
        self.section["articles"].append(article)
        self.article, self.clause, self.point = article, None, None
        self.pending_title = None
        self.title_open = True
        self.last_article = number

    def _clause_or_point(self, text: str) -> bool:
        assert self.article is not None
        match = _CLAUSE.match(text)
        if match:
            number = int(match.group(1))
            expected = (self.article["clauses"][-1]["number"] + 1) if self.article["clauses"] else 1
            if number == expected:
                clause: dict[str, Any] = {"number": number, "text": match.group(2).strip(), "points": []}
                self.article["clauses"].append(clause)
                self.clause, self.point = clause, None
                self.title_open = False
                return True
        match = _POINT.match(text)
        if match:
            letter = match.group(1).lower()
            holder = self.clause if self.clause is not None else self.article
            points = holder["points"]
            if self._next_letter_ok(points, letter):
                point = {"letter": letter, "text": match.group(2).strip()}
                points.append(point)
                self.point = point
                self.title_open = False
                return True
        return False

    @staticmethod
    def _next_letter_ok(points: list[dict[str, Any]], letter: str) -> bool:
        if not points:
            return letter == "a"
        last = points[-1]["letter"]
        for alphabet in (POINT_LETTERS, _LATIN_LETTERS):
            if last in alphabet and letter in alphabet:
                i, j = alphabet.index(last), alphabet.index(letter)
                if 0 < j - i <= 2:
                    return True
        return False

    def table(self, rows: list[list[str]]) -> None:
        lines = [" | ".join(" ".join(c.split()) for c in row) for row in rows if any(c.strip() for c in row)]
        if not lines:
            return
        text = "\n".join(lines)
        if self.article is None:
            (self.closing if self.ended else self.head).append(text)
        else:
            self._append(text, to_clause=True)

    def result(self) -> dict[str, Any]:
        head = self.head
        return {
            "title": _title_of(head),
            "preamble": "\n".join(head),
            "parts": self.parts,
            "closing": "\n".join(self.closing),
            "warnings": self.warnings,
        }


_DOC_KINDS = ("BỘ LUẬT", "LUẬT", "NGHỊ QUYẾT", "PHÁP LỆNH")


def _sentence_case(text: str) -> str:
    """ "ĐẤT ĐAI SỐ 31/2024/QH15" -> "Đất đai số 31/2024/QH15" (numbers and symbols stay)."""
    words = [w if any(c.isdigit() for c in w) else w.lower() for w in text.split()]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _title_of(head: list[str]) -> str:
    """ "LUẬT" + "ĐẤT ĐAI" -> "Luật Đất đai" (the name as an Office writes it)."""
    for i, line in enumerate(head):
        upper = line.strip().upper()
        if upper in _DOC_KINDS and i + 1 < len(head):
            name_lines = []
            for nxt in head[i + 1 :]:
                if not _mostly_upper(nxt):
                    break
                name_lines.append(nxt.strip())
            name = " ".join(name_lines)
            if name:
                kind = "Bộ luật" if upper == "BỘ LUẬT" else upper.capitalize()
                return f"{kind} {_sentence_case(name)}"
        for kind in _DOC_KINDS:
            if upper.startswith(kind + " ") and _mostly_upper(line):
                rest = line.strip()[len(kind) + 1 :]
                return f"{kind.capitalize()} {_sentence_case(rest)}"
    return ""


# -- sources ------------------------------------------------------------------------------


def _run(items: list[tuple[str, Any]], *, wrapped: bool) -> dict[str, Any]:
    """Feed paragraphs ("p", text) and tables ("t", rows); a quote left open at the end is
    closed where it opened and the text read again (one missing ” must not eat the law)."""
    force: set[int] = set()
    for _attempt in range(20):
        builder = _Builder()
        builder.force_close = force
        for kind, value in items:
            if kind == "t":
                builder.table(value)
            else:
                builder.feed(value, wrapped=wrapped)
        if builder.quote_opened is None or builder.quote_opened in force:
            break
        force = force | {builder.quote_opened}
        builder.warnings.append("unclosed quote")
    result = builder.result()
    if force:
        result["warnings"].append(f"{len(force)} quoted block(s) without a closing quote")
    return result


def parse_blocks(blocks: Iterable[Block]) -> dict[str, Any]:
    items: list[tuple[str, Any]] = []
    for block in blocks:
        if block.rows is not None:
            items.append(("t", block.rows))
        else:
            items.extend(("p", line) for line in block.text.split("\n"))
    return _run(items, wrapped=False)


def parse_text(text: str) -> dict[str, Any]:
    """The outline of a law from plain text (e.g. `pdftotext` output of a PDF).

    A PDF's text wraps long paragraphs; a line that does not start an element continues the
    paragraph above. Page numbers between pages are dropped."""
    items: list[tuple[str, Any]] = []
    for raw in text.replace("\r\n", "\n").replace("\f", "\n").split("\n"):
        line = raw.strip()
        if line and not _PAGE_NUMBER.match(line):
            items.append(("p", line))
    return _run(items, wrapped=True)


def docx_blocks(data: bytes) -> Iterator[Block]:
    """The paragraphs and tables of a .docx body, in order, with Word's list numbers drawn."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(data))
    numbering = _Numbering(document)
    body = document.element.body
    w_t, w_tab, w_br, w_cr, w_type = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:type")
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            pieces = []
            for node in child.iter(w_t, w_tab, w_br, w_cr):
                if node.tag == w_t:
                    pieces.append(node.text or "")
                elif node.tag == w_tab:
                    pieces.append(" ")
                elif node.get(w_type) in (None, "textWrapping"):
                    pieces.append("\n")  # a line break inside a paragraph (not a page break)
            text = "".join(pieces)
            label = numbering.label(child)
            if label:
                text = f"{label} {text.lstrip()}"
            yield Block(text=text)
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iter(qn("w:tr")):
                cells = [
                    " ".join("".join(t.text or "" for t in p.iter(w_t)) for p in tc.iter(qn("w:p"))).strip()
                    for tc in tr.iter(qn("w:tc"))
                ]
                rows.append(cells)
            yield Block(rows=rows)


class _Numbering:
    """Word's automatic list numbers ("%1." decimal, "%1)" lowerLetter), counted as Word does."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in an.iter(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl")) or 0)
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[ilvl] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(qn("w:val")), {}).items():
                self.formats[(num.get(qn("w:numId")), ilvl)] = spec
        for style in document.styles:
            element = getattr(style, "element", None)
            if element is None:
                continue
            num_pr = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                num_id = num_pr.find(qn("w:numId"))
                ilvl = num_pr.find(qn("w:ilvl"))
                if num_id is not None:
                    self.style_num[style.style_id] = (
                        num_id.get(qn("w:val")),
                        int(ilvl.get(qn("w:val"))) if ilvl is not None else 0,
                    )

    def label(self, paragraph: Any) -> str:
        if not self.formats:
            return ""
        qn = self.qn
        num_pr = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        ref: tuple[str, int] | None = None
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId"))
            ilvl = num_pr.find(qn("w:ilvl"))
            if num_id is not None:
                ref = (num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0)
        else:
            style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None:
                ref = self.style_num.get(style.get(qn("w:val")))
        if ref is None or ref[0] == "0" or ref not in self.formats:
            return ""
        num_id, ilvl = ref
        counters = self.counters.setdefault(num_id, [0] * 10)
        fmt, text, start = self.formats[ref]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return ""

        def render(level: int) -> str:
            spec = self.formats.get((num_id, level), ("decimal", "", 1))
            value = counters[level] or spec[2]
            if spec[0] == "lowerLetter":
                return _LATIN_LETTERS[(value - 1) % 26]
            if spec[0] == "upperLetter":
                return _LATIN_LETTERS[(value - 1) % 26].upper()
            if spec[0] == "upperRoman":
                return _to_roman(value)
            if spec[0] == "lowerRoman":
                return _to_roman(value).lower()
            return str(value)

        return re.sub(r"%(\d)", lambda m: render(int(m.group(1)) - 1), text)


def _to_roman(value: int) -> str:
    out = ""
    for v, s in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= v:
            out += s
            value -= v
    return out


def parse_docx(data: bytes) -> dict[str, Any]:
    return parse_blocks(docx_blocks(data))


def parse_file(name: str, data: bytes) -> dict[str, Any]:
    """.docx by its content (a zip), anything else as UTF-8 text (the text of a PDF)."""
    if data[:2] == b"PK":
        return parse_docx(data)
    if data[:5] == b"%PDF-":
        return parse_text(pdf_text(data))
    return parse_text(data.decode("utf-8-sig", errors="replace"))


def pdf_text(data: bytes, *, timeout: int = 60) -> str:
    """A PDF's text through poppler's `pdftotext` when installed ("" otherwise)."""
    import shutil
    import subprocess  # noqa: S404 - a fixed local tool, no shell

    tool = shutil.which("pdftotext")
    if not tool:
        return ""
    done = subprocess.run(
        [tool, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, timeout=timeout, check=False
    )  # noqa: S603
    return done.stdout.decode("utf-8", errors="replace")


# -- reading an outline -----------------------------------------------------------------


def articles(outline: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for part in outline.get("parts", []):
        for chapter in part["chapters"]:
            for section in chapter["sections"]:
                yield from section["articles"]


def article_key(article: dict[str, Any]) -> str:
    return f"d{article['article']}{article.get('suffix', '')}"


def counts(outline: dict[str, Any]) -> dict[str, int]:
    result = {"parts": 0, "chapters": 0, "sections": 0, "articles": 0, "clauses": 0, "points": 0}
    for part in outline.get("parts", []):
        result["parts"] += part["part"] is not None
        for chapter in part["chapters"]:
            result["chapters"] += chapter["chapter"] is not None
            for section in chapter["sections"]:
                result["sections"] += section["section"] is not None
                for article in section["articles"]:
                    result["articles"] += 1
                    result["points"] += len(article.get("points", []))
                    for clause in article["clauses"]:
                        result["clauses"] += 1
                        result["points"] += len(clause["points"])
    return result


def article_text(article: dict[str, Any]) -> str:
    """The whole article as lines ("1. ...", "a) ..."), for diffs and similarity."""
    lines = [article["text"]] if article.get("text") else []
    lines += [f"{p['letter']}) {p['text']}" for p in article.get("points", [])]
    for clause in article["clauses"]:
        lines.append(f"{clause['number']}. {clause['text']}")
        lines += [f"{p['letter']}) {p['text']}" for p in clause["points"]]
    return "\n".join(lines)


@dataclass(frozen=True)
class FlatProvision:
    path: str  # "d12", "d12.k2", "d12.k2.b"
    kind: str  # part, chapter, section, article, clause, point
    label: str  # "Phần thứ nhất", "Chương II", "Mục 1", "Điều 12", "Khoản 2", "Điểm b"
    number: str
    title: str
    text: str
    parent: str
    order: int


def flatten(outline: dict[str, Any]) -> list[FlatProvision]:
    """Every provision with a stable path, in document order (the Provision rows)."""
    rows: list[FlatProvision] = []
    order = 0

    def add(path: str, kind: str, label: str, number: str, title: str, text: str, parent: str) -> None:
        nonlocal order
        order += 1
        rows.append(FlatProvision(path, kind, label, number, title, text, parent, order))

    for pi, part in enumerate(outline.get("parts", []), 1):
        ppath = ""
        if part["part"] is not None:
            ppath = f"p{ordinal_value(part['part']) or pi}"
            add(ppath, "part", f"Phần {part['part'].lower()}", part["part"], part["title"], "", "")
        for ci, chapter in enumerate(part["chapters"], 1):
            cpath = ppath
            if chapter["chapter"] is not None:
                cpath = f"c{chapter['chapter']}"
                add(
                    cpath,
                    "chapter",
                    f"Chương {chapter['chapter']}",
                    chapter["chapter"],
                    chapter["title"],
                    "",
                    ppath,
                )
            for section in chapter["sections"]:
                spath = cpath
                if section["section"] is not None:
                    spath = f"{cpath}.m{section['section']}" if cpath else f"m{section['section']}"
                    add(
                        spath,
                        "section",
                        f"Mục {section['section']}",
                        str(section["section"]),
                        section["title"],
                        "",
                        cpath,
                    )
                for article in section["articles"]:
                    apath = article_key(article)
                    add(
                        apath,
                        "article",
                        f"Điều {article['article']}{article.get('suffix', '')}",
                        f"{article['article']}{article.get('suffix', '')}",
                        article["title"],
                        article["text"],
                        spath,
                    )
                    for point in article.get("points", []):
                        add(
                            f"{apath}.{point['letter']}",
                            "point",
                            f"Điểm {point['letter']}",
                            point["letter"],
                            "",
                            point["text"],
                            apath,
                        )
                    for clause in article["clauses"]:
                        kpath = f"{apath}.k{clause['number']}"
                        add(
                            kpath,
                            "clause",
                            f"Khoản {clause['number']}",
                            str(clause["number"]),
                            "",
                            clause["text"],
                            apath,
                        )
                        for point in clause["points"]:
                            add(
                                f"{kpath}.{point['letter']}",
                                "point",
                                f"Điểm {point['letter']}",
                                point["letter"],
                                "",
                                point["text"],
                                kpath,
                            )
            del ci
    return rows
