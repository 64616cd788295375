"""Duplicate detection: letters of the same person or with the same content and target.

Person: keyed hashes of the folded name (so "Nguyễn Văn An" = "Nguyen Van An"), ID number,
phone and address. A name alone is weak evidence (common names); it counts when another
signal agrees (address, or similar content). Content: folded word sets compared by Jaccard
similarity, stronger when the target (who is complained of / denounced) is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from dancu.core.text import fold

CONTENT_THRESHOLD = 0.5
CONTENT_SAME_TARGET_THRESHOLD = 0.3
MAX_CANDIDATES = 300


def words(text: str) -> set[str]:
    return {w for w in re.split(r"[^0-9a-z]+", fold(text)) if len(w) > 1}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class Signals:
    name_hash: str = ""
    id_hash: str = ""
    phone_hash: str = ""
    address_hash: str = ""
    target_key: str = ""
    content_folded: str = ""


def signals_of(letter: Any) -> Signals:
    """The signals of a stored letter (its hashes, folded target and content)."""
    return Signals(
        letter.name_hash,
        letter.id_hash,
        letter.phone_hash,
        letter.address_hash,
        letter.target_key,
        letter.content_folded,
    )


def compare(a: Signals, b: Signals) -> tuple[bool, bool, list[str]]:
    """(same person, same content, reasons) for two letters."""
    reasons: list[str] = []
    same_name = bool(a.name_hash) and a.name_hash == b.name_hash
    if a.id_hash and a.id_hash == b.id_hash:
        reasons.append("id_number")
    if a.phone_hash and a.phone_hash == b.phone_hash:
        reasons.append("phone")
    if same_name and a.address_hash and a.address_hash == b.address_hash:
        reasons.append("name_address")
    similarity = jaccard(words(a.content_folded), words(b.content_folded))
    same_target = bool(a.target_key) and a.target_key == b.target_key
    same_content = similarity >= CONTENT_THRESHOLD or (
        same_target and similarity >= CONTENT_SAME_TARGET_THRESHOLD
    )
    if same_name and same_content and "name_address" not in reasons:
        reasons.append("name_content")
    same_person = bool(reasons)
    if same_content:
        reasons.append("same_target_content" if same_target else "same_content")
    return same_person, same_content, reasons


def candidate_filter(sig: Signals) -> Q:
    q = Q(pk__in=[])
    for field in ("name_hash", "id_hash", "phone_hash", "address_hash", "target_key"):
        value = getattr(sig, field)
        if value:
            q |= Q(**{field: value})
    return q


def propose(
    queryset: Any, sig: Signals, *, exclude_id: int | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Letters in `queryset` (already scoped to the province, both bodies) that look like
    duplicates, best first: [{"letter": Letter, "person": bool, "content": bool, "reasons": [...]}]."""
    q = candidate_filter(sig)
    candidates = queryset.filter(q)
    if exclude_id:
        candidates = candidates.exclude(pk=exclude_id)
    candidates = candidates.select_related("receiving_body", "forwarded_to").order_by(
        "-received_date", "-id"
    )[:MAX_CANDIDATES]
    found = []
    for letter in candidates:
        person, content, reasons = compare(sig, signals_of(letter))
        if person or content:
            found.append({"letter": letter, "person": person, "content": content, "reasons": reasons})
    found.sort(key=lambda f: (f["person"] + f["content"], len(f["reasons"])), reverse=True)
    return found[:limit]
