"""Letter states and the allowed moves (data; `services.letter_transition` applies them)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted for handling")
    FORWARDED = "forwarded", _("Forwarded")
    GUIDED = "guided", _("Citizen guided")
    FILED = "filed", _("Filed")
    RESOLVED = "resolved", _("Result recorded")
    INFORMED = "informed", _("Citizen informed")
    DESTROYED = "destroyed", _("Destroyed")


TRANSITIONS: dict[str, set[str]] = {
    Status.RECEIVED: {Status.ACCEPTED, Status.FORWARDED, Status.GUIDED, Status.FILED, Status.RESOLVED},
    Status.ACCEPTED: {Status.RESOLVED, Status.FORWARDED},
    Status.FORWARDED: {Status.RESOLVED},
    Status.GUIDED: {Status.FILED},
    Status.FILED: {Status.DESTROYED},
    Status.RESOLVED: {Status.INFORMED, Status.RESOLVED},
    Status.INFORMED: {Status.RESOLVED},
    Status.DESTROYED: set(),
}

OPEN_STATUSES = {Status.RECEIVED, Status.ACCEPTED, Status.FORWARDED}

# What the citizen sees on the public look-up page (status only).
PUBLIC_STATUS = {
    Status.RECEIVED: _("Received, being examined"),
    Status.ACCEPTED: _("Accepted for handling"),
    Status.FORWARDED: _("Forwarded to the competent body"),
    Status.GUIDED: _("Guidance sent to you"),
    Status.FILED: _("Filed"),
    Status.RESOLVED: _("Result received"),
    Status.INFORMED: _("Result received, you have been informed"),
    Status.DESTROYED: _("Closed"),
}


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())
