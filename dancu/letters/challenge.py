"""A small self-hosted challenge for the public letter form (no external service, no image).

The form carries a signed token (`django.core.signing`, salted, time-stamped) naming two
small numbers and a random nonce; the page asks, in plain text (read by screen readers as it
is), how much their sum is. On the way back the token must be genuine, younger than
`MAX_AGE`, not yet spent, and the answer right.

Single use: a wrong answer spends the token at once (cache, best effort: with the cache down
it is simply not remembered), and the token's nonce is also the letter's `submission_token`
(unique in the database), so one form can create one letter whatever happens to the cache.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache

SALT = "dancu.letters.public-form"
MAX_AGE = 2 * 3600  # seconds: time enough to type a long letter
SPENT_PREFIX = "letters:challenge-spent:"


@dataclass(frozen=True)
class Challenge:
    a: int
    b: int
    nonce: str
    token: str

    @property
    def answer(self) -> int:
        return self.a + self.b


class ChallengeFailed(Exception):
    """The token is forged, too old or already spent, or the answer is wrong."""


def new_challenge() -> Challenge:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_urlsafe(24)
    token = signing.dumps({"a": a, "b": b, "n": nonce}, salt=SALT, compress=True)
    return Challenge(a, b, nonce, token)


def read(token: str) -> Challenge:
    """The challenge of a token (genuine and not expired), or ChallengeFailed."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
        a, b, nonce = int(data["a"]), int(data["b"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise ChallengeFailed from exc
    return Challenge(a, b, nonce, token)


def spent(nonce: str) -> bool:
    return cache.get(SPENT_PREFIX + nonce) is not None


def spend(nonce: str) -> None:
    cache.set(SPENT_PREFIX + nonce, 1, MAX_AGE)


def verify(token: str, answer: str) -> Challenge:
    """The challenge when `answer` solves `token`; a wrong answer spends the token."""
    challenge = read(token)
    if spent(challenge.nonce):
        raise ChallengeFailed
    given = (answer or "").strip()
    if not (given.isdigit() and len(given) <= 3 and int(given) == challenge.answer):
        spend(challenge.nonce)
        raise ChallengeFailed
    return challenge
