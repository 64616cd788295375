"""The Vietnamese reader's checklist, as code: what a page must never show.

docs/vietnamese-wording.md is the checklist a person reads; this module is the part of it a
machine can check on every page (dancu/web/tests/test_wording.py crawls the demo as each role).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

# An ISO date shown to a reader ("2026-12-16"): Vietnamese pages write dd/mm/yyyy.
ISO_DATE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")
# A code name shown as text ("council.confidence.transition", "reception_answer").
CODE_NAME = re.compile(
    r"\b(petitions|letters|council|directory|accounts|web|core|supervision|scheduling|coordination|"
    r"consultations|notifications)\.[a-z_]+\b|\b[a-z]+_[a-z_]+\b"
)
# Words an Office does not use for these things (wrong -> right); see the checklist.
WRONG_WORDS = {
    "Dãy số": "Sổ văn bản / Loại văn bản",
    "số ngày)": "ngày",
    "tín nhiệm 0,": "độ tin cậy / mức giống (consolidation), never 'tín nhiệm'",
    "ông/bà L.": "the citizen's full name in a letter to them",
}
# Visible text that may legitimately look like a code name (file names, e-mail, URLs).
_ALLOWED_CODE_CONTEXT = re.compile(r"[\w.-]+@[\w.-]+|https?://\S+|\S+\.(docx|xlsx|pdf|csv|ics|json|png)\b")


@dataclass(frozen=True)
class Finding:
    rule: str
    text: str


class _TextCollector(HTMLParser):
    """Visible text nodes of a page (not scripts, styles, templates or hidden inputs)."""

    SKIP = {"script", "style", "template", "noscript", "code", "pre", "textarea"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = _TextCollector()
    parser.feed(html)
    return parser.texts


@cache
def untranslated_sources() -> frozenset[str]:
    """English source strings of the catalog that have a different Vietnamese translation: seen
    as a whole text node on a Vietnamese page, they mean a string was not run through gettext
    or a translation is missing."""
    from pathlib import Path

    import polib

    po = polib.pofile(str(Path(__file__).resolve().parent.parent / "locale/vi/LC_MESSAGES/django.po"))
    return frozenset(
        e.msgid for e in po if e.msgstr and e.msgstr != e.msgid and " " in e.msgid and "%" not in e.msgid
    )


def check_page(html: str) -> list[Finding]:
    findings: list[Finding] = []
    sources = untranslated_sources()
    for text in visible_texts(html):
        if ISO_DATE.search(text):
            findings.append(Finding("iso-date", text))
        cleaned = _ALLOWED_CODE_CONTEXT.sub("", text)
        match = CODE_NAME.search(cleaned)
        if match:
            findings.append(Finding("code-name", text))
        if text in sources:
            findings.append(Finding("english", text))
        for wrong in WRONG_WORDS:
            if wrong in text:
                findings.append(Finding("wrong-word", text))
    return findings
