"""Duplicate detection on the register: the letters of the province that may be the same
person's or about the same matter, for the intake check, a letter's page and the flag of a
letter sent to both bodies. The decision is the engine of `dancu.letters.matching` (the same
code as `manage.py letters_duplicates`); candidates come from the keyed blocking keys
(`LetterMatchKey`, duplicate_store.py) and, for rows whose keys were made with an older seal
key, from the keyed hashes that the key rotation recomputes (`name_hash`, `id_hash`,
`phone_hash`, `address_hash`) and the folded target.

`Signals` and `compare` are the rule before issue 12 (same when a name, phone, ID or address
hash matches; content by word Jaccard): kept as the baseline of the evaluations only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from typing import Any

from django.db.models import Case, Count, Q, Value, When
from django.utils.translation import gettext_lazy

from dancu.core.text import fold

from . import crypto
from .matching import Profile, blocking_keys, profile_of
from .matching import compare as engine_compare

CONTENT_THRESHOLD = 0.5
CONTENT_SAME_TARGET_THRESHOLD = 0.3
MAX_CANDIDATES = 50


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


@dataclass
class Probe:
    """What a letter (registered or being typed in) is looked up with: the engine's profile and
    the keyed hashes of the register's columns."""

    profile: Profile
    signals: Signals
    # While a seal key rotation runs (DANCU_SEAL_KEY_OLD set): the blocking keys of the same
    # letter made with the previous key, which the letters not rotated yet are indexed under.
    old_keys: list[str] = dc_field(default_factory=list)


def signals_of(letter: Any) -> Probe:
    """The probe of a registered letter (its stored hashes, folded target and content)."""
    from .duplicate_store import stored_profile

    legacy = Signals(
        letter.name_hash,
        letter.id_hash,
        letter.phone_hash,
        letter.address_hash,
        letter.target_key,
        letter.content_folded,
    )
    old_keys: list[str] = []
    old = crypto.old_secret()
    if old is not None and old != crypto.current_secret() and letter.sealed_identity:
        from .duplicate_store import profile_for

        try:
            identity = crypto.unseal(letter.sealed_identity, sealed_with=letter.seal_key)
        except crypto.SealError:
            identity = {}
        old_keys = blocking_keys(profile_for(letter, identity, secret=old), secret=old)
    return Probe(stored_profile(letter), legacy, old_keys)


def typed_probe(
    *,
    name: str = "",
    id_number: str = "",
    phone: str = "",
    address: str = "",
    subject: str = "",
    content: str = "",
    target: str = "",
    province_hint: str = "",
) -> Probe:
    """The probe of a letter being typed in (nothing is stored)."""
    hashes = crypto.identity_hashes(name=name, id_number=id_number, phone=phone, address=address)
    legacy = Signals(**hashes, target_key=fold(target)[:300], content_folded=fold(f"{subject} {content}"))
    typed: dict[str, Any] = {
        "name": name,
        "id_number": id_number,
        "phone": phone,
        "address": address,
        "content": f"{subject} {content}",
        "target": target,
        "province_hint": province_hint,
    }
    profile = profile_of(**typed)
    old_keys: list[str] = []
    old = crypto.old_secret()
    if old is not None and old != crypto.current_secret():
        old_keys = blocking_keys(profile_of(**typed, secret=old), secret=old)
    return Probe(profile, legacy, old_keys)


# At most this many letters per blocking key are counted (the newest): a key shared by thousands
# of letters (a MinHash band of a common wording, a common given name) costs no more than that.
POSTINGS_PER_KEY = 300


def _top_by_shared_keys(keys: list[str]) -> list[int]:
    from django.db import connection

    from .models import LetterMatchKey

    if connection.vendor == "postgresql":
        table = LetterMatchKey._meta.db_table
        sql = (
            f"SELECT p.letter_id FROM unnest(%s::varchar[]) AS k(key) CROSS JOIN LATERAL ("  # noqa: S608
            f"  SELECT letter_id FROM {table} WHERE {table}.key = k.key ORDER BY letter_id DESC LIMIT %s"
            ") AS p GROUP BY p.letter_id ORDER BY count(*) DESC, p.letter_id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [keys, POSTINGS_PER_KEY, MAX_CANDIDATES])
            return [row[0] for row in cursor.fetchall()]
    rows = (
        LetterMatchKey.objects.filter(key__in=keys)
        .values("letter_id")
        .annotate(n=Count("key"))
        .order_by("-n", "-letter_id")[:MAX_CANDIDATES]
    )
    return [row["letter_id"] for row in rows]


def _candidates(queryset: Any, probe: Probe, exclude_id: int | None) -> Any:
    """Two queries: the letters sharing the most blocking keys (an index scan of the keys,
    bounded per key), then those of them in the scope, with the letters sharing one of the older
    keyed hashes or the target (those after, newest first)."""
    keys = sorted(set(blocking_keys(probe.profile)) | set(probe.old_keys))
    top = _top_by_shared_keys(keys) if keys else []
    # The older keyed hashes (recomputed by a key rotation) find rows whose blocking keys are
    # stale or missing; the target alone is left to the matter's keys.
    q = candidate_filter(replace(probe.signals, target_key="")) | Q(pk__in=top)
    qs = queryset.filter(q)
    if exclude_id:
        qs = qs.exclude(pk=exclude_id)
    qs = qs.annotate(by_key=Case(When(pk__in=top, then=Value(0)), default=Value(1)))
    return qs.select_related("receiving_body", "forwarded_to").order_by("by_key", "-received_date", "-id")[
        : 2 * MAX_CANDIDATES
    ]


def propose(
    queryset: Any, sig: Probe, *, exclude_id: int | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Letters in `queryset` (already scoped to the province, both bodies) that look like
    duplicates, best first: [{"letter": Letter, "person": bool, "content": bool, "reasons": [...],
    "score": float}]."""
    from .duplicate_store import stored_profile

    found = []
    for letter in _candidates(queryset, sig, exclude_id):
        match = engine_compare(sig.profile, stored_profile(letter))
        if match.same_person or match.same_content:
            found.append(
                {
                    "letter": letter,
                    "person": match.same_person,
                    "content": match.same_content,
                    "reasons": match.reasons,
                    "score": match.score,
                }
            )
    found.sort(key=lambda f: (f["person"] + f["content"], f["score"], f["letter"].pk), reverse=True)
    return found[:limit]


# What a duplicate hint says, in words (engine and old-rule reason codes). Never shown for a
# sealed letter (selectors._classify_hints drops the reasons there).
REASON_WORDS: dict[str, Any] = {
    "id_number": gettext_lazy("same ID number"),
    "phone": gettext_lazy("same phone"),
    "name": gettext_lazy("same name"),
    "name_variant": gettext_lazy("same name, written differently"),
    "name_typo": gettext_lazy("same name but for a typo"),
    "given_name": gettext_lazy("same given name and initials"),
    "commune": gettext_lazy("same commune (old or merged)"),
    "hamlet": gettext_lazy("same hamlet"),
    "name_address": gettext_lazy("same name and address"),
    "name_content": gettext_lazy("same name and matter"),
    "same_content": gettext_lazy("same matter"),
    "same_target_content": gettext_lazy("same matter, against the same person or body"),
    "numbers_differ": gettext_lazy("but different numbers in the matter"),
    "sites_differ": gettext_lazy("but different places in the matter"),
}


def reason_words(codes: list[str]) -> list[str]:
    return [str(REASON_WORDS[c]) for c in codes if c in REASON_WORDS]
