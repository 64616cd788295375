"""Rotation of the seal key (`manage.py letters_rotate_seal_key`).

The operator sets DANCU_SEAL_KEY_OLD to the key in use and DANCU_SEAL_KEY to the new one, then
runs the command. Every sealed row (a letter's identity, with its keyed hashes and public
look-up hash; a visit's citizens; a sealed attachment) is unsealed with the old key, sealed
again with the new one, and marked with the new key's id (`seal_key`), in batches: each batch
is one transaction with one audit entry, so the command can be stopped at any time and run
again; it resumes with the rows still marked with another key. While it runs the app keeps
working (`crypto` tries the old key for rows not yet rotated). When it reports nothing left,
remove DANCU_SEAL_KEY_OLD.

A row that neither key opens stops the run (its batch is rolled back): nothing is skipped
silently.

The duplicate engine's keyed hashes go in the same batch: each letter's profile
(`match_profile`) is recomputed from the opened identity with the new key and its blocking keys
(`LetterMatchKey`) are replaced, so a batch leaves no letter half on one key. While the
rotation runs, the intake check probes with both keys (duplicates.py), so a letter not yet
rotated is still found. A destroyed letter keeps no keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from dancu.core.audit import audit_record

from . import crypto
from .matching import blocking_keys, profile_of
from .models import Letter, LetterAttachment, LetterMatchKey, ReceptionVisit

ROTATION_ACTOR = "system (seal key rotation)"
BATCH_SIZE = 200
ATTACHMENT_BATCH_SIZE = 20  # files are up to 10 MB each: fewer per batch


@dataclass
class Keys:
    old: bytes
    new: bytes
    old_id: str = field(init=False)
    new_id: str = field(init=False)

    def __post_init__(self) -> None:
        self.old_id = crypto.key_id(self.old)
        self.new_id = crypto.key_id(self.new)


def keys_from_environment() -> Keys:
    new = crypto.current_secret()
    old = crypto.old_secret()
    if old is None:
        raise CommandError("Set DANCU_SEAL_KEY_OLD to the key in use and DANCU_SEAL_KEY to the new key.")
    if old == new:
        raise CommandError("DANCU_SEAL_KEY_OLD and DANCU_SEAL_KEY are the same key.")
    return Keys(old=old, new=new)


def _check_sealed_with(row: Any, keys: Keys) -> None:
    if row.seal_key not in ("", keys.old_id):
        raise CommandError(
            f"{row._meta.label} #{row.pk} was sealed with a key that is neither DANCU_SEAL_KEY_OLD "
            f"nor DANCU_SEAL_KEY (key id {row.seal_key}): set DANCU_SEAL_KEY_OLD to that key first."
        )


def _unseal(token: str, row: Any, keys: Keys) -> dict[str, Any]:
    try:
        return crypto.unseal(token, secret=keys.old)
    except crypto.SealError as exc:
        raise CommandError(f"{row._meta.label} #{row.pk} does not open with DANCU_SEAL_KEY_OLD.") from exc


def _rotate_letter(letter: Letter, keys: Keys) -> list[str]:
    """Re-seal the identity and recompute every keyed hash of one letter."""
    _check_sealed_with(letter, keys)
    fields = ["seal_key", "name_hash", "id_hash", "phone_hash", "address_hash", "lookup_hash"]
    identity = _unseal(letter.sealed_identity, letter, keys) if letter.sealed_identity else {}
    if letter.sealed_identity:
        letter.sealed_identity = crypto.seal(identity, secret=keys.new)
        fields.append("sealed_identity")
    hashes = crypto.identity_hashes(
        name=identity.get("name", ""),
        id_number=identity.get("id_number", ""),
        phone=identity.get("phone", ""),
        address=identity.get("address", ""),
        secret=keys.new,
    )
    for column, value in hashes.items():
        setattr(letter, column, value)
    # The look-up hash: the receipt code with the phone's last 4 digits (or the birth year).
    digits = crypto.normalize_phone(identity.get("phone", ""))
    factor = digits[-4:] if len(digits) >= 4 else crypto.normalize_digits(identity.get("birth_year", ""))
    letter.lookup_hash = (
        crypto.lookup_hash(letter.receipt_code, factor, secret=keys.new)
        if letter.receipt_code and factor
        else ""
    )
    letter.seal_key = keys.new_id
    # The duplicate engine's profile and blocking keys, with the new key (written by
    # `_replace_match_keys` in the same transaction).
    if letter.destruction_approved_on:
        letter.match_profile = {}
        letter._rotated_keys = []  # type: ignore[attr-defined]
    else:
        profile = profile_of(
            name=identity.get("name", ""),
            id_number=identity.get("id_number", ""),
            phone=identity.get("phone", ""),
            address=identity.get("address", ""),
            birth_year=identity.get("birth_year", ""),
            content=f"{letter.subject} {letter.content}",
            target=letter.target,
            province_hint=getattr(letter, "_province_name", ""),
            secret=keys.new,
        )
        letter.match_profile = profile.stored()
        letter._rotated_keys = blocking_keys(profile, secret=keys.new)  # type: ignore[attr-defined]
    fields.append("match_profile")
    return fields


def _prepare_letters(rows: list[Letter]) -> None:
    from dancu.directory.models import AdministrativeUnit

    names = dict(
        AdministrativeUnit.objects.filter(pk__in={r.province_id for r in rows}).values_list("pk", "name")
    )
    for row in rows:
        row._province_name = names.get(row.province_id, "")  # type: ignore[attr-defined]


def _replace_match_keys(rows: list[Letter]) -> dict[str, int]:
    ids = [r.pk for r in rows]
    removed, _ = LetterMatchKey.objects.filter(letter_id__in=ids).delete()
    new = [LetterMatchKey(letter_id=r.pk, key=k) for r in rows for k in getattr(r, "_rotated_keys", [])]
    LetterMatchKey.objects.bulk_create(new, batch_size=5000)
    return {"match_keys_removed": removed, "match_keys_written": len(new)}


def _rotate_visit(visit: ReceptionVisit, keys: Keys) -> list[str]:
    _check_sealed_with(visit, keys)
    if visit.sealed_citizens:
        visit.sealed_citizens = crypto.seal(_unseal(visit.sealed_citizens, visit, keys), secret=keys.new)
    visit.seal_key = keys.new_id
    return ["sealed_citizens", "seal_key"]


def _rotate_attachment(attachment: LetterAttachment, keys: Keys) -> list[str]:
    _check_sealed_with(attachment, keys)
    try:
        data = crypto.unseal_bytes(bytes(attachment.data), secret=keys.old)
    except crypto.SealError as exc:
        raise CommandError(
            f"letters.LetterAttachment #{attachment.pk} does not open with DANCU_SEAL_KEY_OLD."
        ) from exc
    attachment.data = crypto.seal_bytes(data, secret=keys.new)
    if attachment.sealed_name:
        attachment.sealed_name = crypto.seal(
            _unseal(attachment.sealed_name, attachment, keys), secret=keys.new
        )
    attachment.seal_key = keys.new_id
    return ["data", "sealed_name", "seal_key"]


@dataclass(frozen=True)
class Target:
    model: type[Model]
    rotate: Callable[[Any, Keys], list[str]]
    batch_size: int
    pending: Callable[[Keys], Any]
    prepare: Callable[[list[Any]], None] | None = None
    after: Callable[[list[Any]], dict[str, int]] | None = None


def _targets(batch_size: int, attachment_batch_size: int) -> list[Target]:
    return [
        Target(
            Letter,
            _rotate_letter,
            batch_size,
            lambda k: Letter.objects.exclude(seal_key=k.new_id),
            prepare=_prepare_letters,
            after=_replace_match_keys,
        ),
        Target(
            ReceptionVisit,
            _rotate_visit,
            batch_size,
            lambda k: ReceptionVisit.objects.exclude(seal_key=k.new_id),
        ),
        Target(
            LetterAttachment,
            _rotate_attachment,
            attachment_batch_size,
            lambda k: LetterAttachment.objects.filter(is_sealed=True).exclude(seal_key=k.new_id),
        ),
    ]


def _one_batch(target: Target, keys: Keys) -> int:
    """Rotate the next batch of `target` in one transaction with its audit entry; 0 when done."""
    with transaction.atomic():
        rows = list(target.pending(keys).select_for_update().order_by("pk")[: target.batch_size])
        if not rows:
            return 0
        if target.prepare:
            target.prepare(rows)
        fields: set[str] = set()
        for row in rows:
            fields.update(target.rotate(row, keys))
        target.model._default_manager.bulk_update(rows, sorted(fields))
        extra = target.after(rows) if target.after else {}
        audit_record(
            actor=ROTATION_ACTOR,
            action="letters.seal_key_rotate",
            target_type=target.model._meta.label_lower,
            summary=_("%(n)s %(what)s re-sealed with the new seal key")
            % {"n": len(rows), "what": target.model._meta.verbose_name_plural},
            changes={
                "count": len(rows),
                "first_id": rows[0].pk,
                "last_id": rows[-1].pk,
                "from_key": keys.old_id,
                "to_key": keys.new_id,
                **extra,
            },
        )
        return len(rows)


def rotate_seal_key(
    *,
    batch_size: int = BATCH_SIZE,
    attachment_batch_size: int = ATTACHMENT_BATCH_SIZE,
    max_batches: int | None = None,
    report: Callable[[str], None] = lambda line: None,
) -> dict[str, int]:
    """Rotate up to `max_batches` batches (all when None); returns the rows rotated per model
    and "left", the rows still to rotate."""
    keys = keys_from_environment()
    done: dict[str, int] = {}
    batches = 0
    for target in _targets(batch_size, attachment_batch_size):
        label = target.model._meta.label_lower
        done[label] = 0
        while max_batches is None or batches < max_batches:
            n = _one_batch(target, keys)
            if not n:
                break
            batches += 1
            done[label] += n
            report(f"{label}: {done[label]} re-sealed")
    done["left"] = sum(t.pending(keys).count() for t in _targets(batch_size, attachment_batch_size))
    return done
