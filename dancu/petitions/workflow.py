"""The life of a petition, as data: states and the allowed moves (one service applies them)."""

from __future__ import annotations

from .models import Petition

S = Petition.Status

# action -> (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "confirm": (frozenset({S.DRAFT}), S.CONFIRMED),
    "unconfirm": (frozenset({S.CONFIRMED}), S.DRAFT),
    "forward": (frozenset({S.CONFIRMED, S.REOPENED}), S.FORWARDED),
    "answer": (frozenset({S.FORWARDED, S.REOPENED, S.ANSWERED}), S.ANSWERED),
    "accept": (frozenset({S.ANSWERED}), S.CLOSED),
    "reopen": (frozenset({S.ANSWERED, S.CLOSED}), S.REOPENED),
}

# States whose wording and grouping may still be edited by the office.
EDITABLE = frozenset({S.DRAFT, S.CONFIRMED})
# States that count as "still unresolved" for supervision of repeated petitions.
OPEN_STATES = frozenset({S.DRAFT, S.CONFIRMED, S.FORWARDED, S.REOPENED})


def can(action: str, state: str) -> bool:
    sources, _target = TRANSITIONS[action]
    return state in sources


def target(action: str) -> str:
    return TRANSITIONS[action][1]
