"""What is due in letters for a user (manifest `work_items`: "Việc của tôi", reminders).

Only the register number, the kind and the deadline are shown: never the writer or the
content, which may be sealed (a denunciation)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.events import WorkItem

from .case import DEADLINES
from .models import Letter
from .permissions import LetterPerm
from .workflow import OPEN_STATUSES


def _next_key(letter: Letter) -> str:
    due = letter.due_date.isoformat() if letter.due_date else ""
    return next((key for key, iso in letter.deadlines.items() if iso == due), "")


def items(user: Any) -> list[WorkItem]:
    qs = (
        get_access(user)
        .scope(
            Letter.objects.filter(status__in=sorted(OPEN_STATUSES), due_date__isnull=False), LetterPerm.HANDLE
        )
        .only("id", "number", "kind", "province_id", "receiving_body_id", "due_date", "deadlines", "status")
        .order_by("due_date", "id")
    )
    out = []
    for letter in qs[:300]:
        key = _next_key(letter)
        label = DEADLINES[key][0] if key in DEADLINES else _("Next step")
        out.append(
            WorkItem(
                module="letters",
                kind="letter_deadline",
                kind_label=_("Letter deadline"),
                title=_("Letter %(number)s (%(kind)s): %(step)s")
                % {
                    "number": letter.number or f"#{letter.pk}",
                    "kind": letter.get_kind_display(),
                    "step": label,
                },
                due=letter.due_date,
                url=reverse("letters:letter_detail", args=[letter.pk]),
                body_ids=(letter.receiving_body_id,) if letter.receiving_body_id else (),
                province_id=letter.province_id,
            )
        )
    return out
