"""Pure outcome logic of votes, quorums and confidence ratings (no database).

Shares are compared as exact fractions of integers, never floats: "more than 1/2" of 47 is 24,
and 2/3 of 60 is exactly 40. Thresholds come from `CouncilRule` rows (RULES.md).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from dancu.core.text import clean_text


@dataclass(frozen=True)
class Threshold:
    numerator: int
    denominator: int
    strict: bool  # True: the share must be greater than the fraction; False: at least it

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    def met(self, count: int, total: int) -> bool:
        if total <= 0:
            return False
        share = Fraction(count, total)
        return share > self.fraction if self.strict else share >= self.fraction


# The values in force (also seeded as rule rows); tests and defaults use them.
QUORUM = Threshold(2, 3, strict=False)  # at least 2/3 of delegates present
PASS = Threshold(1, 2, strict=True)  # more than 1/2 of the TOTAL number of delegates
CONFIDENCE_RESIGN = Threshold(1, 2, strict=True)  # more than 1/2 low confidence
CONFIDENCE_DISMISS = Threshold(2, 3, strict=False)  # 2/3 or more low confidence


class TallyError(ValueError):
    pass


def check_vote_tally(*, yes: int, no: int, abstain: int, not_voting: int, total: int) -> None:
    """Counts are non-negative and together at most the total (the rest were absent)."""
    counts = (yes, no, abstain, not_voting)
    if total <= 0:
        raise TallyError("total must be positive")
    if any(c < 0 for c in counts):
        raise TallyError("negative count")
    if sum(counts) > total:
        raise TallyError("more votes than delegates")


def vote_passes(*, yes: int, total: int, rule: Threshold = PASS) -> bool:
    """A draft passes on its YES votes counted against the TOTAL number of delegates:
    abstentions, votes against, delegates not voting and absent ones all count as not yes."""
    return rule.met(yes, total)


def quorum_met(*, present: int, total: int, rule: Threshold = QUORUM) -> bool:
    return rule.met(present, total)


def votes_needed(total: int, rule: Threshold = PASS) -> int:
    """The smallest count that meets the threshold."""
    for n in range(total + 1):
        if rule.met(n, total):
            return n
    return total + 1


class ConfidenceOutcome:
    NONE = "none"
    MAY_RESIGN = "may_resign"  # > 1/2 and < 2/3 low: may resign or face a no-confidence vote
    DISMISSAL = "dismissal"  # >= 2/3 low: the nominating body proposes dismissal


def check_confidence_tally(*, high: int, medium: int, low: int, denominator: int) -> None:
    if denominator <= 0:
        raise TallyError("denominator must be positive")
    if min(high, medium, low) < 0:
        raise TallyError("negative count")
    if high + medium + low > denominator:
        raise TallyError("more ratings than the denominator")


def confidence_outcome(
    *,
    low: int,
    denominator: int,
    resign: Threshold = CONFIDENCE_RESIGN,
    dismiss: Threshold = CONFIDENCE_DISMISS,
) -> str:
    if dismiss.met(low, denominator):
        return ConfidenceOutcome.DISMISSAL
    if resign.met(low, denominator):
        return ConfidenceOutcome.MAY_RESIGN
    return ConfidenceOutcome.NONE


def percent(count: int, denominator: int, places: int = 2) -> Decimal:
    """count/denominator in per cent, rounded half up exactly (25/47 -> 53.19)."""
    if denominator <= 0:
        return Decimal(0)
    exact = Fraction(100 * count, denominator)
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(quantum, rounding=ROUND_HALF_UP)


DRAFT_PREFIX = re.compile(r"^dự\s+thảo\s*[:\-–]?\s*", re.IGNORECASE)


def adopted_title(title: str) -> str:
    """The title of an adopted resolution: the draft's, without "Dự thảo" ("Dự thảo nghị quyết
    về X" -> "Nghị quyết về X")."""
    title = DRAFT_PREFIX.sub("", " ".join(unicodedata.normalize("NFC", clean_text(title or "")).split()))
    return f"{title[:1].upper()}{title[1:]}"
