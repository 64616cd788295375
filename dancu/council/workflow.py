"""Workflows as data: the states of sessions and resolutions and the moves allowed between them.

`transition(obj, to)` is the only way a status changes; services call it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from dancu.core.errors import Conflict


class SessionStatus:
    PLANNING = "planning"
    CONVENED = "convened"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"

    LABELS = {
        PLANNING: _("Planning"),
        CONVENED: _("Convened"),
        IN_PROGRESS: _("In progress"),
        CLOSED: _("Closed"),
    }


class ResolutionStatus:
    ADOPTED = "adopted"
    PUBLISHED = "published"

    LABELS = {ADOPTED: _("Adopted"), PUBLISHED: _("Published")}


class ConfidenceStatus:
    OPEN = "open"
    COUNTED = "counted"
    ANNOUNCED = "announced"

    LABELS = {OPEN: _("Open"), COUNTED: _("Counted"), ANNOUNCED: _("Announced")}


# model label -> {from: {to, ...}}
TRANSITIONS: dict[str, dict[str, set[str]]] = {
    "council.session": {
        SessionStatus.PLANNING: {SessionStatus.CONVENED},
        SessionStatus.CONVENED: {SessionStatus.IN_PROGRESS, SessionStatus.PLANNING},
        SessionStatus.IN_PROGRESS: {SessionStatus.CLOSED},
        SessionStatus.CLOSED: set(),
    },
    "council.resolution": {
        ResolutionStatus.ADOPTED: {ResolutionStatus.PUBLISHED},
        ResolutionStatus.PUBLISHED: set(),
    },
    "council.confidencevote": {
        ConfidenceStatus.OPEN: {ConfidenceStatus.COUNTED},
        ConfidenceStatus.COUNTED: {ConfidenceStatus.ANNOUNCED, ConfidenceStatus.OPEN},
        ConfidenceStatus.ANNOUNCED: set(),
    },
}

LABELS = {
    "council.session": SessionStatus.LABELS,
    "council.resolution": ResolutionStatus.LABELS,
    "council.confidencevote": ConfidenceStatus.LABELS,
}


def allowed(obj, to: str) -> bool:
    return to in TRANSITIONS[obj._meta.label_lower].get(obj.status, set())


def next_states(obj) -> list[str]:
    return sorted(TRANSITIONS[obj._meta.label_lower].get(obj.status, set()))


def status_label(obj) -> str:
    return str(LABELS[obj._meta.label_lower].get(obj.status, obj.status))


def transition(obj, to: str) -> str:
    """Move `obj` to `to` if the workflow allows it; returns the former status. Saves nothing."""
    if not allowed(obj, to):
        raise Conflict(
            str(_("This step is not allowed from the current status.")),
            code="invalid_transition",
            details={"from": obj.status, "to": to},
        )
    before = obj.status
    obj.status = to
    return before
