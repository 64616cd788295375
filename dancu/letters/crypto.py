"""Sealing of denouncers' identities (Denunciations Law 2018 Art. 8-9, 56).

The key comes from the environment variable DANCU_SEAL_KEY, read at call time (never from
settings at import). Without it, a deterministic DEVELOPMENT/TEST key is used: it is public,
so a production deployment MUST set DANCU_SEAL_KEY.

Encryption: Fernet (AES-128-CBC + HMAC-SHA256, authenticated) from `cryptography`, with a key
derived from the secret; the token's "f1:" prefix names the scheme so that a later one can be
added beside it.

Duplicate detection by person uses keyed hashes (HMAC-SHA256 with a key derived from the same
secret) of the folded name, ID number, phone and address: equal inputs give equal hashes, and
the clear text is never stored.
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

from dancu.core.text import fold

# DEVELOPMENT/TEST FALLBACK ONLY: a public, deterministic key. Production sets DANCU_SEAL_KEY.
DEV_FALLBACK_SECRET = "dancu-DEVELOPMENT-ONLY-seal-key-do-not-use-in-production"


class SealError(Exception):
    pass


def _secret() -> bytes:
    return (os.environ.get("DANCU_SEAL_KEY") or DEV_FALLBACK_SECRET).encode("utf-8")


def _derive(purpose: str) -> bytes:
    return hmac.new(_secret(), purpose.encode("ascii"), hashlib.sha256).digest()


def seal(data: dict[str, Any]) -> str:
    """Encrypt a JSON-able dict; returns an ASCII token."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    key = base64.urlsafe_b64encode(_derive("fernet"))
    return "f1:" + Fernet(key).encrypt(raw).decode("ascii")


def unseal(token: str) -> dict[str, Any]:
    """Decrypt a token made by `seal`; raises SealError when it was altered or the key differs."""
    if not token:
        return {}
    scheme, _, body = token.partition(":")
    if scheme != "f1":
        raise SealError("unknown scheme")
    try:
        raw = Fernet(base64.urlsafe_b64encode(_derive("fernet"))).decrypt(body.encode("ascii"))
    except InvalidToken as exc:
        raise SealError("invalid token") from exc
    return json.loads(raw.decode("utf-8"))


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


def keyed_hash(kind: str, normalized: str) -> str:
    """HMAC of an already-normalised value ("" for an empty value: no match on emptiness)."""
    if not normalized:
        return ""
    return hmac.new(_derive("hash"), f"{kind}:{normalized}".encode(), hashlib.sha256).hexdigest()[:40]


def identity_hashes(*, name: str, id_number: str, phone: str, address: str) -> dict[str, str]:
    """The keyed hashes duplicate detection compares (the letter's `*_hash` columns)."""
    return {
        "name_hash": keyed_hash("name", normalize_name(name)),
        "id_hash": keyed_hash("id", normalize_digits(id_number)),
        "phone_hash": keyed_hash("phone", normalize_phone(phone)),
        "address_hash": keyed_hash("address", normalize_name(address)),
    }


def redact_name(name: str) -> str:
    """ "Nguyễn Văn An" -> "N. V. A." (for agencies, documents and lists)."""
    parts = name.split()
    return " ".join(p[0].upper() + "." for p in parts) if parts else ""


def lookup_hash(receipt_code: str, second_factor: str) -> str:
    """What the public look-up compares: the receipt code with the last digits of the phone
    (or the birth year), keyed; the digits themselves are never stored."""
    return keyed_hash("lookup", f"{receipt_code.strip().upper()}|{normalize_digits(second_factor)}")


def lookup_matches(stored: str, receipt_code: str, second_factor: str) -> bool:
    """Constant-time comparison of a stored look-up hash with the one of the given pair."""
    return bool(stored) and hmac.compare_digest(stored, lookup_hash(receipt_code, second_factor))
