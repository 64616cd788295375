"""The Excel template for comments and its reading (dancu.core.excel): one row per comment,
the provision written as an Office writes it ("Điều 12 khoản 2 điểm b", "Điều 5", or empty for
the whole draft), the body by its name in the directory or any organisation's name."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.excel import Choice, Column, Date, Row, SpreadsheetRejected, Text, build_template, read_rows
from dancu.core.text import fold
from dancu.directory.models import Body

from .models import Consideration, Draft, Provision

COLUMNS = [
    Column(
        "provision",
        gettext_lazy("Article / clause / point"),
        parser=Text(max_length=80),
        help=gettext_lazy("e.g. Điều 12 khoản 2 điểm b; empty: the whole draft"),
        width=26,
    ),
    Column(
        "source", gettext_lazy("Body or organisation"), required=True, parser=Text(max_length=300), width=34
    ),
    Column("text", gettext_lazy("Comment"), required=True, parser=Text(max_length=20000), width=70),
    Column("proposal", gettext_lazy("Proposed wording"), parser=Text(max_length=20000), width=50),
]

_REF = re.compile(r"(điều|khoản|điểm|d|k)\s*\.?\s*(\d+[a-zđ]?|[a-zđ])(?=\b|\s|$|,|\.)", re.I)


def reference_path(text: str) -> str | None:
    """ "Điều 12 khoản 2 điểm b" / "điểm b khoản 2 Điều 12" / "d12.k2.b" -> "d12.k2.b"; "" -> "";
    None when it names no article."""
    text = (text or "").strip()
    if not text:
        return ""
    if re.fullmatch(r"d\d+[a-zđ]?(\.k\d+)?(\.[a-zđ])?", text):
        return text
    article = clause = point = None
    for word, value in _REF.findall(text):
        w = word.lower()
        if w in ("điều", "d"):
            article = value.lower()
        elif w in ("khoản", "k") and value.isdigit():
            clause = value
        elif w == "điểm":
            point = value.lower()
    if article is None:
        return None
    path = f"d{article}"
    if clause:
        path += f".k{clause}"
    if point:
        path += f".{point}"
    return path


def template() -> bytes:
    return build_template(
        COLUMNS,
        _("Comments"),
        [
            {
                "provision": "Điều 5 khoản 2",
                "source": "Sở Tư pháp",
                "text": "Đề nghị làm rõ thời hạn.",
                "proposal": "",
            }
        ],
        notes=[
            _("Write the article as in the draft: “Điều 12”, “Điều 12 khoản 2”, “Điều 12 khoản 2 điểm b”.")
        ],
    )


def read(draft: Draft, file) -> tuple[list[dict[str, Any]], list[Any]]:
    """The rows to import and the errors found (nothing is imported while there is one)."""
    version = draft.versions.order_by("-number").first()
    paths = (
        set(
            version.provisions.exclude(
                kind__in=[Provision.Kind.PART, Provision.Kind.CHAPTER, Provision.Kind.SECTION]
            ).values_list("path", flat=True)
        )
        if version
        else set()
    )
    bodies = {fold(b.name): b for b in Body.objects.filter(province_id=draft.province_id)}

    def check(row: Row):
        path = reference_path(row.get("provision") or "")
        if path is None:
            yield (
                "provision",
                _("Write the article as “Điều 12”, “Điều 12 khoản 2” or “Điều 12 khoản 2 điểm b”."),
            )
        elif path and path not in paths:
            yield "provision", _("This article, clause or point is not in the latest version of the draft.")

    try:
        rows, errors = read_rows(file, COLUMNS, check=check)
    except SpreadsheetRejected:
        raise
    result = []
    for row in rows:
        source = row.get("source") or ""
        result.append(
            {
                "path": reference_path(row.get("provision") or "") or "",
                "text": row["text"],
                "proposal": row.get("proposal") or "",
                "source": source,
                "body": bodies.get(fold(source)),
            }
        )
    return result, errors


# -- the list of draft laws of a session (from the Standing Committee's or the NA Office's list)

DRAFT_COLUMNS = [
    Column("name", gettext_lazy("Draft name"), required=True, parser=Text(max_length=300), width=50),
    Column(
        "session",
        gettext_lazy("National Assembly session"),
        required=True,
        parser=Text(max_length=200),
        width=34,
    ),
    Column("session_start", gettext_lazy("Session opens on"), parser=Date(), width=16),
    Column(
        "consideration",
        gettext_lazy("Consideration"),
        parser=Choice(choices=Consideration.choices),
        default="first",
        width=30,
    ),
    Column("drafting_body", gettext_lazy("Drafting body"), parser=Text(max_length=300), width=34),
    Column("vetting_committee", gettext_lazy("Vetting committee"), parser=Text(max_length=300), width=40),
    Column("synthesis_due", gettext_lazy("Synthesis due"), parser=Date(), width=16),
]


def drafts_template() -> bytes:
    return build_template(
        DRAFT_COLUMNS,
        _("Draft laws"),
        [
            {
                "name": "Dự án Luật Đất đai (sửa đổi)",
                "session": "Kỳ họp thứ hai, Quốc hội khóa XVI",
                "consideration": "first",
                "drafting_body": "Bộ Nông nghiệp và Môi trường",
                "vetting_committee": "Ủy ban Kinh tế và Tài chính",
            }
        ],
    )


def read_drafts(file) -> tuple[list[dict[str, Any]], list[Any]]:
    rows, errors = read_rows(file, DRAFT_COLUMNS)
    return [dict(r.values) for r in rows], errors
