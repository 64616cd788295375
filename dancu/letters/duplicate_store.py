"""What the duplicate engine keeps per letter: its profile (`Letter.match_profile`, keyed
hashes of the writer) and its blocking keys (`LetterMatchKey`, keyed hashes), and how a stored
letter becomes a profile again for a comparison.

Every value is an HMAC with the seal-derived key (`crypto.keyed_hash`); the matter's part of
a profile (words, numbers, hamlets, target) is computed from the columns the register keeps in
clear already (`content_folded`, `target_key`). A profile made with another key than the one in
force (a seal key rotation ran since) is rebuilt from the sealed identity for the comparison,
in memory; the stored one and the keys are recomputed by the key rotation, in the same batch
as the re-sealing (rotation.py), and by `refresh_letter`.
"""

from __future__ import annotations

from typing import Any

from . import crypto
from .matching import Profile, blocking_keys, profile_of
from .models import Letter, LetterMatchKey


def _hint(letter: Letter) -> str:
    province = getattr(letter, "province", None) if letter.province_id else None
    return getattr(province, "name", "") or ""


def profile_for(letter: Letter, identity: dict[str, Any], *, secret: bytes | None = None) -> Profile:
    """The profile of `letter` with the writer's identity in clear (at intake or correction;
    the clear text is not kept), made with `secret` (the key in force when None)."""
    return profile_of(
        name=identity.get("name", ""),
        id_number=identity.get("id_number", ""),
        phone=identity.get("phone", ""),
        address=identity.get("address", ""),
        birth_year=identity.get("birth_year", ""),
        content=f"{letter.subject} {letter.content}",
        target=letter.target,
        province_hint=_hint(letter),
        secret=secret,
    )


def stored_profile(letter: Letter) -> Profile:
    """The profile of a registered letter for a comparison: the stored hashes when they were
    made with the key in force, else rebuilt from the sealed identity (in memory)."""
    data = letter.match_profile or {}
    if data and data.get("key") == crypto.key_id():
        return Profile.from_stored(data, content=letter.content_folded, target=letter.target_key)
    identity: dict[str, Any] = {}
    if letter.sealed_identity:
        try:
            identity = crypto.unseal(letter.sealed_identity, sealed_with=letter.seal_key)
        except crypto.SealError:
            identity = {}
    profile = profile_of(
        name=identity.get("name", ""),
        id_number=identity.get("id_number", ""),
        phone=identity.get("phone", ""),
        address=identity.get("address", ""),
        birth_year=identity.get("birth_year", ""),
        content=letter.content_folded,
        target=letter.target_key,
    )
    return profile


def save_keys(letter: Letter, profile: Profile | None = None, *, new: bool = False) -> list[str]:
    """Replace the letter's blocking keys (after it was saved; `new`: it has none yet)."""
    if profile is None:
        profile = Profile.from_stored(
            letter.match_profile or {}, content=letter.content_folded, target=letter.target_key
        )
    keys = blocking_keys(profile)
    if not new:
        LetterMatchKey.objects.filter(letter_id=letter.pk).delete()
    if keys:
        LetterMatchKey.objects.bulk_create([LetterMatchKey(letter_id=letter.pk, key=k) for k in keys])
    return keys


def refresh_letter(letter: Letter, identity: dict[str, str] | None = None) -> None:
    """Recompute and store the profile and keys of a saved letter (after a correction, a key
    rotation, a backfill). Without `identity`, the sealed one is read."""
    if identity is None:
        identity = (
            crypto.unseal(letter.sealed_identity, sealed_with=letter.seal_key)
            if letter.sealed_identity
            else {}
        )
    profile = profile_for(letter, identity)
    letter.match_profile = profile.stored()
    Letter.objects.filter(pk=letter.pk).update(match_profile=letter.match_profile)
    save_keys(letter, profile)


def forget(letter: Letter) -> None:
    """Remove a letter's blocking keys (hashes of the writer): when its destruction is approved
    (with `match_profile`), and by the key rotation for a letter already destroyed."""
    LetterMatchKey.objects.filter(letter_id=letter.pk).delete()
