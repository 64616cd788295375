"""The register's rows as HTML, written in Python rather than by a template loop
(`dancu.core.rows`: at a million letters the loop was the largest part of a register page)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from dancu.core.rows import choice_labels, date_vn, esc, label, url_template

from .models import Letter
from .workflow import Status


def register_table_rows(page: Any, today: datetime.date) -> SafeString:
    head, tail = url_template("letters:letter_detail")
    kinds = choice_labels(Letter, "kind")
    # The states are declared in workflow.py, not as field choices (Letter.get_status_display).
    statuses = {str(value): str(name) for value, name in Status.choices}
    # The column names again on each cell: a phone shows the table as stacked cards.
    number, received, body, kind = (esc(_(t)) for t in ("Number", "Received", "Receiving body", "Kind"))
    summary, status, due, forwarded = (
        esc(_(t)) for t in ("Summary of the content", "Status", "Next due", "Forwarded to")
    )
    several = f' <span class="badge text-bg-warning">{esc(_("sent to several bodies"))}</span>'
    duplicate = f' <span class="badge text-bg-info">{esc(_("duplicate"))}</span>'
    out = []
    for letter in page:
        late = ' class="text-danger fw-bold"' if letter.due_date and letter.due_date < today else ' class=""'
        due_cell = f"<span{late}>{date_vn(letter.due_date)}</span>" if letter.due_date else ""
        out.append(
            f'<tr class="register-row"><td data-label="{number}"><a href="{head}{letter.pk}{tail}">'
            f"{esc(letter.number)}</a></td>"
            f'<td data-label="{received}">{date_vn(letter.received_date)}</td>'
            f'<td data-label="{body}">{esc(letter.receiving_body.name)}</td>'
            f'<td data-label="{kind}">{label(kinds, letter.kind)}</td>'
            f'<td data-label="{summary}" class="text-break">{esc(letter.subject)}'
            f"{several if letter.sent_to_several else ''}{duplicate if letter.duplicate_of_id else ''}</td>"
            f'<td data-label="{status}">{label(statuses, letter.status)}</td>'
            f'<td data-label="{due}">{due_cell}</td>'
            f'<td data-label="{forwarded}">{esc(letter.forwarded_to.name if letter.forwarded_to_id else "")}</td></tr>'
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every value escaped above
