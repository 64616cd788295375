"""What changed between two versions of a submission's file (issue 16, item 1).

The text of each version is extracted once — a DOCX with python-docx (paragraphs and table
rows in body order), a PDF with poppler's `pdftotext` — and cached (Django's cache, keyed by
the stored file: a version's file never changes, so the entry never goes stale). The two
lists of paragraphs are compared with difflib: equal runs, paragraphs added, removed, and
changed — a changed paragraph is a removed one paired with an added one similar enough to be
its new wording (word similarity at least `PAIR_RATIO`), shown with word-level marks.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import logging
import re
import shutil
import subprocess  # noqa: S404 - a fixed local tool, no shell
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache

from dancu.core import files

from .models import SubmissionFile

log = logging.getLogger(__name__)

CACHE_SECONDS = 30 * 24 * 3600
PAIR_RATIO = 0.5
# Unchanged paragraphs kept as context around a change; longer runs are folded.
CONTEXT = 1
PDFTOTEXT_TIMEOUT = 60
MAX_BYTES = 50 * 1024 * 1024

_SPACE = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)
# A line of a PDF that starts a new paragraph even without a blank line before it.
_STARTS = re.compile(r"^(?:Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d|Phần\s+|\d{1,3}\.\s|[a-zđ]\)\s|[-–•+]\s)")


class TextUnavailable(Exception):
    """The text of a version cannot be read (not a DOCX or PDF, a broken file, no pdftotext)."""


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def docx_paragraphs(data: bytes) -> list[str]:
    """The paragraphs of a DOCX body in order; a table row is one paragraph, cells by " | "."""
    from docx import Document
    from docx.oxml.ns import qn

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # a zip python-docx cannot read (broken XML, not a document)
        raise TextUnavailable(str(exc)) from exc
    w_p, w_tbl, w_tr, w_tc = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
    w_t, w_tab, w_br = qn("w:t"), qn("w:tab"), qn("w:br")

    def text_of(paragraph: Any) -> str:
        return "".join(
            (node.text or "") if node.tag == w_t else " " for node in paragraph.iter(w_t, w_tab, w_br)
        )

    out: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == w_p:
            text = _clean(text_of(child))
            if text:
                out.append(text)
        elif child.tag == w_tbl:
            for row in child.iter(w_tr):
                cells = [_clean(" ".join(text_of(p) for p in cell.iter(w_p))) for cell in row.iter(w_tc)]
                if any(cells):
                    out.append(" | ".join(cells))
    return out


def pdf_paragraphs(data: bytes) -> list[str]:
    """The paragraphs of a PDF's text (`pdftotext`): lines joined until a blank line or a line
    that starts an article, a clause or a point; page numbers dropped."""
    tool = shutil.which("pdftotext")
    if not tool:
        raise TextUnavailable("pdftotext is not installed")
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments, the data on stdin
            [tool, "-enc", "UTF-8", "-", "-"],
            input=data,
            capture_output=True,
            timeout=PDFTOTEXT_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise TextUnavailable("pdftotext took too long") from exc
    if done.returncode != 0:
        raise TextUnavailable(done.stderr.decode("utf-8", errors="replace")[:200])
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(_clean(" ".join(current)))
            current.clear()

    for raw in done.stdout.decode("utf-8", errors="replace").replace("\f", "\n\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif _PAGE_NUMBER.match(line):
            continue
        else:
            if _STARTS.match(line):
                flush()
            current.append(line)
    flush()
    return [p for p in out if p]


def extract(data: bytes) -> list[str]:
    """The paragraphs of a DOCX or PDF, told by content."""
    if data[:2] == b"PK":
        return docx_paragraphs(data)
    if data[:5] == b"%PDF-":
        return pdf_paragraphs(data)
    raise TextUnavailable("not a DOCX or PDF")


def cache_key(item: SubmissionFile) -> str:
    stored = hashlib.sha256(item.file.name.encode()).hexdigest()[:24]
    return f"council:version-text:v1:{item.pk}:{stored}"


def paragraphs_of(item: SubmissionFile) -> list[str]:
    """A version's paragraphs, extracted once and cached."""
    key = cache_key(item)
    cached = cache.get(key)
    if cached is not None:
        return list(cached)
    if item.kind not in (files.DOCX, files.PDF):
        raise TextUnavailable("not a DOCX or PDF")
    try:
        with item.file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise TextUnavailable("the stored file is missing") from exc
    if len(data) > MAX_BYTES:
        raise TextUnavailable("the file is too large to compare")
    paragraphs = extract(data)
    cache.set(key, paragraphs, CACHE_SECONDS)
    return paragraphs


# -- the comparison ------------------------------------------------------------------------------


@dataclass
class Row:
    """One paragraph of the comparison. kind: same | added | removed | changed. `parts` are
    (op, text) with op same | ins | del; for a changed paragraph, word-level."""

    kind: str
    old_no: int | None
    new_no: int | None
    parts: list[tuple[str, str]]


@dataclass
class Comparison:
    rows: list[Row] = field(default_factory=list)
    added: int = 0
    removed: int = 0
    changed: int = 0
    same: int = 0
    words_added: int = 0
    words_removed: int = 0

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def blocks(self, context: int = CONTEXT) -> list[dict[str, Any]]:
        """The rows for a page: changes with `context` unchanged paragraphs around them; longer
        unchanged runs folded ({"fold": [rows]})."""
        out: list[dict[str, Any]] = []
        run: list[Row] = []

        def flush(at_start: bool, at_end: bool) -> None:
            if not run:
                return
            head = 0 if at_start else context
            tail = 0 if at_end else context
            if len(run) <= head + tail + 1:
                out.extend({"row": r} for r in run)
            else:
                out.extend({"row": r} for r in run[:head])
                out.append({"fold": run[head : len(run) - tail]})
                out.extend({"row": r} for r in run[len(run) - tail :])
            run.clear()

        started = False
        for row in self.rows:
            if row.kind == "same":
                run.append(row)
                continue
            flush(at_start=not started, at_end=False)
            started = True
            out.append({"row": row})
        flush(at_start=not started, at_end=True)
        return out


def _words(text: str) -> list[str]:
    return text.split()


def word_parts(old: str, new: str) -> tuple[list[tuple[str, str]], int, int]:
    """The word-level marks of a changed paragraph: (parts, words added, words removed)."""
    a, b = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    parts: list[tuple[str, str]] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(("same", " ".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(("del", " ".join(a[i1:i2])))
            removed += i2 - i1
        if tag in ("insert", "replace"):
            parts.append(("ins", " ".join(b[j1:j2])))
            added += j2 - j1
    return parts, added, removed


def similarity(old: str, new: str) -> float:
    matcher = difflib.SequenceMatcher(None, _words(old), _words(new), autojunk=False)
    if matcher.real_quick_ratio() < PAIR_RATIO or matcher.quick_ratio() < PAIR_RATIO:
        return 0.0
    return matcher.ratio()


def compare(old: list[str], new: list[str]) -> Comparison:
    """Paragraph-level comparison of two versions, word-level inside changed paragraphs."""
    result = Comparison()

    def same(i: int, j: int) -> None:
        result.rows.append(Row("same", i + 1, j + 1, [("same", new[j])]))
        result.same += 1

    def removed(i: int) -> None:
        result.rows.append(Row("removed", i + 1, None, [("del", old[i])]))
        result.removed += 1
        result.words_removed += len(_words(old[i]))

    def added(j: int) -> None:
        result.rows.append(Row("added", None, j + 1, [("ins", new[j])]))
        result.added += 1
        result.words_added += len(_words(new[j]))

    def changed(i: int, j: int) -> None:
        parts, plus, minus = word_parts(old[i], new[j])
        result.rows.append(Row("changed", i + 1, j + 1, parts))
        result.changed += 1
        result.words_added += plus
        result.words_removed += minus

    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                same(i1 + k, j1 + k)
        elif tag == "delete":
            for i in range(i1, i2):
                removed(i)
        elif tag == "insert":
            for j in range(j1, j2):
                added(j)
        else:
            # Pair each old paragraph with the most similar new one after the last paired,
            # in order; the new ones skipped over are added, an old one without a pair removed.
            j = j1
            for i in range(i1, i2):
                best, best_ratio = None, PAIR_RATIO
                for candidate in range(j, j2):
                    ratio = similarity(old[i], new[candidate])
                    if ratio >= best_ratio:
                        best, best_ratio = candidate, ratio
                if best is None:
                    removed(i)
                    continue
                for skipped in range(j, best):
                    added(skipped)
                changed(i, best)
                j = best + 1
            for rest in range(j, j2):
                added(rest)
    return result


def compare_versions(old: SubmissionFile, new: SubmissionFile) -> Comparison:
    """What changed from version `old` to version `new` (TextUnavailable if one cannot be read)."""
    return compare(paragraphs_of(old), paragraphs_of(new))
