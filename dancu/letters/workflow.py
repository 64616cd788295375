"""The life of a letter, as data: its states and the actions that move it (`core.workflow`).

`services.letter_transition` is the one service that applies an action (it prepares what the
action writes besides the status, then `FLOW.apply` checks, moves, saves and audits).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dancu.core.workflow import Workflow, act

from .permissions import LetterPerm, can_answer


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted for handling")
    FORWARDED = "forwarded", _("Forwarded")
    GUIDED = "guided", _("Citizen guided")
    FILED = "filed", _("Filed")
    RESOLVED = "resolved", _("Result recorded")
    INFORMED = "informed", _("Citizen informed")
    DESTROYED = "destroyed", _("Destroyed")


S = Status


def retention_not_ended(letter: Any) -> str:
    """A filed letter is destroyed only once its retention period has ended."""
    if letter.keep_until is None or letter.keep_until > timezone.localdate():
        kept = f"{letter.keep_until:%d/%m/%Y}" if letter.keep_until else "—"
        return gettext("The retention of this letter has not ended (kept until %(d)s).") % {"d": kept}
    return ""


def anonymous_writer(letter: Any) -> str:
    """Guidance is a letter to the writer: an anonymous letter has nobody to send it to."""
    if letter.is_anonymous:
        return gettext("An anonymous letter has no writer to guide: put it on file instead.")
    return ""


# Recording a result: the Office of the province (resolve), or the agency the letter was
# forwarded to (answer). A result may be recorded again (corrected), which reopens "informed".
RESULT_SOURCES = {S.RECEIVED, S.ACCEPTED, S.FORWARDED, S.RESOLVED, S.INFORMED}

FLOW = Workflow(
    label="letters.letter",
    states=Status,
    initial=S.RECEIVED,
    actions=[
        act("accept", {S.RECEIVED}, S.ACCEPTED, LetterPerm.HANDLE, _("Accept")),
        act("forward", {S.RECEIVED, S.ACCEPTED}, S.FORWARDED, LetterPerm.HANDLE, _("Forward")),
        act(
            "guide",
            {S.RECEIVED},
            S.GUIDED,
            LetterPerm.HANDLE,
            _("Guide the citizen"),
            guard=anonymous_writer,
        ),
        # "File" alone is ambiguous (a computer file): the step puts the letter on file.
        act("file", {S.RECEIVED, S.GUIDED}, S.FILED, LetterPerm.HANDLE, _("Put on file")),
        act("resolve", RESULT_SOURCES, S.RESOLVED, LetterPerm.HANDLE, _("Record the result")),
        act(
            "answer",
            {S.FORWARDED, S.RESOLVED, S.INFORMED},
            S.RESOLVED,
            LetterPerm.RESPOND,
            _("Record the result"),
            rule=can_answer,
        ),
        act("inform", {S.RESOLVED}, S.INFORMED, LetterPerm.HANDLE, _("Citizen informed")),
        act(
            "destroy",
            {S.FILED},
            S.DESTROYED,
            LetterPerm.APPROVE_DESTRUCTION,
            _("Approve destruction"),
            guard=retention_not_ended,
        ),
    ],
)

# The actions a letter's page offers as one-click buttons (the others have their own forms).
BUTTONS = ("accept", "file", "inform")

OPEN_STATUSES = {Status.RECEIVED, Status.ACCEPTED, Status.FORWARDED}

# What the citizen sees on the public look-up page (status only).
PUBLIC_STATUS: dict[str, Any] = {
    Status.RECEIVED: _("Received, being examined"),
    Status.ACCEPTED: _("Accepted for handling"),
    Status.FORWARDED: _("Forwarded to the competent body"),
    Status.GUIDED: _("Guidance sent to you"),
    Status.FILED: _("Filed"),
    Status.RESOLVED: _("Result received"),
    Status.INFORMED: _("Result received, you have been informed"),
    Status.DESTROYED: _("Closed"),
}
