"""Documents of the letters module: transfer slip and guidance letter (Decree 30 layout),
the register as Excel, and the six-monthly report. Documents carry at most the redacted name
of a writer whose identity is not sealed; of a sealed writer (a denouncer, or the writer of
an item split from a sealed letter) no part of the name, not even initials."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document
from dancu.core.excel import export_rows

from .models import Channel, Field, Letter, LetterKind
from .permissions import is_sealed
from .selectors import sister_body
from .workflow import Status


def writer_label(letter: Letter) -> str:
    """How a document or an export names the writer."""
    if letter.is_anonymous:
        return str(_("an anonymous writer"))
    if is_sealed(letter):
        return str(_("a citizen whose identity is kept confidential"))
    return letter.redacted_name or str(_("an anonymous writer"))


def _place(letter: Letter) -> str:
    return letter.province.short_name or letter.province.name


def _issuer(letter: Letter) -> tuple[str, str]:
    body = letter.receiving_body
    parent = body.parent.name.upper() if body.parent is not None else letter.province.name.upper()
    return parent, body.name.upper()


def transfer_slip(letter: Letter) -> bytes:
    """Phiếu chuyển đơn: to the competent body, copied to the sister body."""
    parent, issuer = _issuer(letter)
    sister = sister_body(letter.receiving_body)
    to = letter.forwarded_to.name if letter.forwarded_to else "…"
    recipients = [to]
    if sister:
        recipients.append(_("%(body)s (for information)") % {"body": sister.name})
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol="PC-ĐĐBQH" if letter.receiving_body.kind == "NA_DELEGATION" else "PC-TTHĐND",
        place=_place(letter),
        date=letter.forwarded_on or timezone.localdate(),
        doc_type=_("TRANSFER SLIP").upper(),
        summary=_("Transfer of a citizen's letter"),
        body=[
            _("Respectfully to: %(to)s.") % {"to": to},
            _(
                "On %(date)s, %(body)s received the %(kind)s of %(writer)s (letter %(number)s) about: %(subject)s."
            )
            % {
                "date": f"{letter.received_date:%d/%m/%Y}",
                "body": letter.receiving_body.name,
                "kind": LetterKind(letter.kind).label.lower(),
                "writer": writer_label(letter),
                "number": letter.number,
                "subject": letter.subject,
            },
            _(
                "Under the law this matter is within your competence. We transfer the letter for you to "
                "consider and resolve, and ask you to report the result within the time limit the law sets."
            ),
        ],
        signer=Signer(position=_("HEAD").upper(), name=""),
        recipients=recipients,
    )
    return build_document(spec)


def guidance_letter(letter: Letter) -> bytes:
    """Văn bản hướng dẫn: tells the citizen where to send the letter."""
    parent, issuer = _issuer(letter)
    spec = DocumentSpec(
        issuer_parent=parent,
        issuer=issuer,
        symbol="HD-VP",
        place=_place(letter),
        date=timezone.localdate(),
        doc_type=_("GUIDANCE").upper(),
        summary=_("Guidance on a citizen's letter"),
        body=[
            _("%(body)s received your letter %(number)s of %(date)s about: %(subject)s.")
            % {
                "body": letter.receiving_body.name,
                "number": letter.number,
                "date": f"{letter.received_date:%d/%m/%Y}",
                "subject": letter.subject,
            },
            _(
                "The matter is not within our competence; please send your letter to the competent body as the law provides."
            ),
        ],
        signer=Signer(position=_("HEAD").upper(), name=""),
        recipients=[_("The citizen") if is_sealed(letter) else letter.redacted_name or _("The citizen")],
    )
    return build_document(spec)


def register_xlsx(letters: Iterable[Letter]) -> bytes:
    headers = [
        _("Number"),
        _("Received"),
        _("Receiving body"),
        _("Channel"),
        _("Kind"),
        _("Field"),
        _("Writer (redacted)"),
        _("Subject"),
        _("Status"),
        _("Next due"),
        _("Forwarded to"),
        _("Result"),
    ]
    rows = (
        [
            letter.number,
            letter.received_date,
            letter.receiving_body.name,
            Channel(letter.channel).label,
            LetterKind(letter.kind).label,
            Field(letter.field).label,
            _("Identity kept confidential") if is_sealed(letter) else letter.redacted_name,
            letter.subject,
            Status(letter.status).label,
            letter.due_date,
            letter.forwarded_to.name if letter.forwarded_to else "",
            letter.result,
        ]
        for letter in letters
    )
    return export_rows(headers, rows, str(_("Letter register")))


def six_month_report(letters: Iterable[Letter], start: datetime.date, end: datetime.date) -> bytes:
    rows = list(letters)
    today = timezone.localdate()
    kinds = Counter(r.kind for r in rows)
    statuses = Counter(r.status for r in rows)
    overdue = sum(
        1
        for r in rows
        if r.due_date and r.due_date < today and r.status in ("received", "accepted", "forwarded")
    )
    spec = DocumentSpec(
        issuer_parent="",
        issuer=_("OFFICE").upper(),
        symbol="BC-VP",
        place="",
        date=today,
        doc_type=_("REPORT").upper(),
        summary=_("Citizen reception and letters from %(start)s to %(end)s")
        % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"},
        body=[
            _("Letters received in the period: %(n)s.") % {"n": len(rows)},
            Section(
                _("I. BY KIND"),
                [
                    Table(
                        [[_("Kind"), _("Letters")]]
                        + [[str(LetterKind(k).label), str(n)] for k, n in sorted(kinds.items())]
                    )
                ],
            ),
            Section(
                _("II. BY STATUS"),
                [
                    Table(
                        [[_("Status"), _("Letters")]]
                        + [[str(Status(k).label), str(n)] for k, n in sorted(statuses.items())]
                    )
                ],
            ),
            _("Overdue letters: %(n)s.") % {"n": overdue},
        ],
    )
    return build_document(spec)
