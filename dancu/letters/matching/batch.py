"""Duplicates among a batch of letters (`manage.py letters_duplicates`), with the intake engine.

Each record: {"id", "name", "id_number", "phone", "address", "target", "content", "kind",
"received", "body"} (any may be empty). Candidates are found as on intake: the records sharing
the most blocking keys with a record, at most `MAX_CANDIDATES` of them (a key shared by more
than `MAX_BUCKET` records, e.g. the MinHash band of a very common wording, is not counted: it
would only add time); each candidate pair is compared once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from .engine import Profile, blocking_keys, compare, profile_of

MAX_BUCKET = 500
MAX_CANDIDATES = 50
FIELDS = ("id", "name", "id_number", "phone", "address", "target", "content", "kind", "received", "body")


def record_profile(record: dict[str, Any], *, secret: bytes | None = None) -> Profile:
    def text(key: str) -> str:
        value = record.get(key)
        return "" if value is None else str(value)

    return profile_of(
        name=text("name"),
        id_number=text("id_number"),
        phone=text("phone"),
        address=text("address"),
        content=text("content"),
        target=text("target"),
        province_hint=text("body"),
        secret=secret,
    )


def find_duplicates(
    records: Iterable[dict[str, Any]], *, secret: bytes | None = None
) -> list[dict[str, Any]]:
    """[{"id", "duplicates": [{"id", "same_person", "same_content", "score"}]}] in input order,
    each list best first."""
    records = list(records)
    profiles = [record_profile(r, secret=secret) for r in records]
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in blocking_keys(p, secret=secret):
            buckets[key].append(i)
    keys_of: list[list[str]] = [[] for _ in records]
    for key, members in buckets.items():
        if 2 <= len(members) <= MAX_BUCKET:
            for i in members:
                keys_of[i].append(key)
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for i, keys in enumerate(keys_of):
        shared: Counter[int] = Counter()
        for key in keys:
            shared.update(buckets[key])
        del shared[i]
        for j, _n in shared.most_common(MAX_CANDIDATES):
            pair = (i, j) if i < j else (j, i)
            if pair in seen:
                continue
            seen.add(pair)
            m = compare(profiles[pair[0]], profiles[pair[1]])
            if not (m.same_person or m.same_content):
                continue
            for a, b in (pair, pair[::-1]):
                found[a].append(
                    {
                        "id": records[b].get("id"),
                        "same_person": m.same_person,
                        "same_content": m.same_content,
                        "score": m.score,
                    }
                )
    out = []
    for i, r in enumerate(records):
        dups = sorted(found.get(i, []), key=lambda d: (-d["score"], str(d["id"])))
        out.append({"id": r.get("id"), "duplicates": dups})
    return out
