"""Sealing of denouncers' identities (Denunciations Law 2018 Art. 8-9, 56).

The key comes from the environment variable DANCU_SEAL_KEY, read at call time (never from
settings at import). Without it a deterministic DEVELOPMENT/TEST key is used, but only where
that is harmless: with `settings.DEBUG` on, or under the test settings (`config.settings.test`,
or any settings that set `DANCU_SEAL_ALLOW_DEV_KEY = True`). Anywhere else a missing key
raises ImproperlyConfigured at the first use: a server never seals with the public key.

Encryption: Fernet (AES-128-CBC + HMAC-SHA256, authenticated) from `cryptography`, with a key
derived from the secret; the token's prefix names the scheme ("f1:" a JSON dict, "b1:" raw
bytes, for attachments) so that a later one can be added beside it.

Duplicate detection by person uses keyed hashes (HMAC-SHA256 with a key derived from the same
secret) of the folded name, ID number, phone and address: equal inputs give equal hashes, and
the clear text is never stored.

Key rotation (`manage.py letters_rotate_seal_key`): every sealed row stores the id of the key
that sealed it (`key_id`, a keyed fingerprint, never the key). While a rotation runs,
DANCU_SEAL_KEY_OLD holds the previous key: rows not yet rotated still unseal with it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from dancu.core.text import fold

# DEVELOPMENT/TEST FALLBACK ONLY: a public, deterministic key. Production sets DANCU_SEAL_KEY.
DEV_FALLBACK_SECRET = "dancu-DEVELOPMENT-ONLY-seal-key-do-not-use-in-production"
# Settings modules where the public development key is acceptable even with DEBUG off.
DEV_KEY_SETTINGS = frozenset({"config.settings.test"})
KEY_ENV = "DANCU_SEAL_KEY"
OLD_KEY_ENV = "DANCU_SEAL_KEY_OLD"


class SealError(Exception):
    pass


def _dev_key_allowed() -> bool:
    if settings.DEBUG:
        return True
    explicit = getattr(settings, "DANCU_SEAL_ALLOW_DEV_KEY", None)
    if explicit is not None:
        return bool(explicit)
    # Under override_settings (tests) SETTINGS_MODULE reads None: the environment names it.
    module = getattr(settings, "SETTINGS_MODULE", None) or os.environ.get("DJANGO_SETTINGS_MODULE", "")
    return module in DEV_KEY_SETTINGS


def current_secret() -> bytes:
    """The seal key now in force (DANCU_SEAL_KEY)."""
    key = os.environ.get(KEY_ENV)
    if key:
        return key.encode("utf-8")
    if _dev_key_allowed():
        return DEV_FALLBACK_SECRET.encode("utf-8")
    raise ImproperlyConfigured(
        "DANCU_SEAL_KEY is not set: denouncers' identities cannot be sealed or read. Set it in the "
        "environment of the app servers and workers (docs/security.md, key custody)."
    )


def old_secret() -> bytes | None:
    """The previous seal key while a rotation runs (DANCU_SEAL_KEY_OLD), else None."""
    key = os.environ.get(OLD_KEY_ENV)
    return key.encode("utf-8") if key else None


def _secret() -> bytes:
    return current_secret()


def _derive(purpose: str, secret: bytes | None = None) -> bytes:
    return hmac.new(secret or current_secret(), purpose.encode("ascii"), hashlib.sha256).digest()


def key_id(secret: bytes | None = None) -> str:
    """A short public fingerprint of a key (which key sealed a row); reveals nothing of it."""
    return hmac.new(secret or current_secret(), b"dancu-seal-key-id", hashlib.sha256).hexdigest()[:12]


def _fernet(secret: bytes | None) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derive("fernet", secret)))


def _secrets_for(sealed_with: str | None) -> list[bytes]:
    """The keys to try for a row sealed with the key `sealed_with` (its key id; "" for rows
    sealed before key ids existed, None when unknown): that key first, then the other."""
    current = current_secret()
    old = old_secret()
    keys = [current] if old is None or old == current else [current, old]
    if sealed_with and old is not None and sealed_with == key_id(old):
        keys.reverse()
    elif sealed_with == "" and len(keys) == 2:
        keys.reverse()  # sealed before rotation started: most likely the previous key
    return keys


def seal(data: dict[str, Any], *, secret: bytes | None = None) -> str:
    """Encrypt a JSON-able dict; returns an ASCII token."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return "f1:" + _fernet(secret).encrypt(raw).decode("ascii")


def unseal(token: str, *, sealed_with: str | None = None, secret: bytes | None = None) -> dict[str, Any]:
    """Decrypt a token made by `seal`; raises SealError when it was altered or no key fits.
    `secret` forces one key; otherwise the current key (and the old one during a rotation)."""
    if not token:
        return {}
    scheme, _sep, body = token.partition(":")
    if scheme != "f1":
        raise SealError("unknown scheme")
    for key in [secret] if secret else _secrets_for(sealed_with):
        try:
            raw = _fernet(key).decrypt(body.encode("ascii"))
        except InvalidToken:
            continue
        return json.loads(raw.decode("utf-8"))
    raise SealError("invalid token")


def seal_bytes(data: bytes, *, secret: bytes | None = None) -> bytes:
    """Encrypt a file's bytes (a sealed attachment)."""
    return b"b1:" + _fernet(secret).encrypt(data)


def unseal_bytes(token: bytes, *, sealed_with: str | None = None, secret: bytes | None = None) -> bytes:
    """The bytes sealed by `seal_bytes` (or by the older dict scheme, {"b64": ...})."""
    token = bytes(token)
    if token.startswith(b"f1:"):
        return base64.b64decode(
            unseal(token.decode("ascii"), sealed_with=sealed_with, secret=secret).get("b64", "")
        )
    if not token.startswith(b"b1:"):
        raise SealError("unknown scheme")
    for key in [secret] if secret else _secrets_for(sealed_with):
        try:
            return _fernet(key).decrypt(token[3:])
        except InvalidToken:
            continue
    raise SealError("invalid token")


def normalize_name(name: str) -> str:
    """Folded words only: "Nguyễn  Văn-An" and "nguyen van an" normalise alike."""
    return " ".join(t for t in re.split(r"[^0-9a-z]+", fold(name)) if t)


def normalize_digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def normalize_phone(value: str) -> str:
    digits = normalize_digits(value)
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


def keyed_hash(kind: str, normalized: str, *, secret: bytes | None = None) -> str:
    """HMAC of an already-normalised value ("" for an empty value: no match on emptiness)."""
    if not normalized:
        return ""
    return hmac.new(_derive("hash", secret), f"{kind}:{normalized}".encode(), hashlib.sha256).hexdigest()[:40]


def identity_hashes(
    *, name: str, id_number: str, phone: str, address: str, secret: bytes | None = None
) -> dict[str, str]:
    """The keyed hashes duplicate detection compares (the letter's `*_hash` columns)."""
    return {
        "name_hash": keyed_hash("name", normalize_name(name), secret=secret),
        "id_hash": keyed_hash("id", normalize_digits(id_number), secret=secret),
        "phone_hash": keyed_hash("phone", normalize_phone(phone), secret=secret),
        "address_hash": keyed_hash("address", normalize_name(address), secret=secret),
    }


def redact_name(name: str) -> str:
    """ "Nguyễn Văn An" -> "N. V. A." (for a writer whose identity is not sealed; a sealed
    identity shows no part of the name, not even initials)."""
    parts = name.split()
    return " ".join(p[0].upper() + "." for p in parts) if parts else ""


def lookup_hash(receipt_code: str, second_factor: str, *, secret: bytes | None = None) -> str:
    """What the public look-up compares: the receipt code with the last digits of the phone
    (or the birth year), keyed; the digits themselves are never stored."""
    return keyed_hash(
        "lookup", f"{receipt_code.strip().upper()}|{normalize_digits(second_factor)}", secret=secret
    )


def lookup_matches(stored: str, receipt_code: str, second_factor: str) -> bool:
    """Constant-time comparison of a stored look-up hash with the one of the given pair (with
    the old key too while a rotation runs: rows not yet rotated keep their old hash)."""
    if not stored:
        return False
    keys = [current_secret(), *([old_secret()] if old_secret() else [])]
    matches = [hmac.compare_digest(stored, lookup_hash(receipt_code, second_factor, secret=k)) for k in keys]
    return any(matches)
