"""Import of an Excel letter register (sổ theo dõi đơn thư), all or nothing.

Every row is parsed and checked first (core.excel.read_rows); then all rows are written in
one transaction through `services.letter_create`, so a bad row leaves no record and every
letter has its audit entry, sealed identity and deadlines.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.access import get_access
from dancu.core.errors import ApplicationError, ValidationFailed
from dancu.core.excel import (
    Boolean,
    Choice,
    Column,
    Date,
    Integer,
    Progress,
    Row,
    RowError,
    SpreadsheetRejected,
    Text,
    build_template,
    read_rows,
)
from dancu.core.text import fold
from dancu.directory.models import AdministrativeUnit, Body

from . import services
from .errors import LetterError
from .models import Channel, Field, LetterKind
from .permissions import LetterPerm, require
from .selectors import RECEIVING_KINDS

if TYPE_CHECKING:
    from dancu.accounts.models import User

MAX_ROWS = 5000


@dataclass
class AliasedColumn(Column):
    """A column also found under other headers (folded): the Vietnamese header whatever the
    catalog says, and the English one of older templates."""

    aliases: tuple[str, ...] = ()

    def header_forms(self) -> set[str]:
        return super().header_forms() | {fold(a) for a in self.aliases}


# Old templates headed both the subject and the content "Nội dung": such a file is refused
# with a clear message (which column is which cannot be told), never read as subject twice.
AMBIGUOUS_OLD_HEADER = "noi dung"


def letter_columns() -> list[Column]:
    return [
        Column("received_date", gettext_lazy("Received"), required=True, parser=Date(), width=14),
        Column(
            "receiving_body",
            gettext_lazy("Receiving body"),
            required=True,
            parser=Text(300),
            width=36,
            help=gettext_lazy(
                "The National Assembly delegation or the Standing Committee, as named in the directory."
            ),
        ),
        Column("channel", gettext_lazy("Channel"), required=True, parser=Choice(Channel.choices), width=16),
        Column("kind", gettext_lazy("Kind"), required=True, parser=Choice(LetterKind.choices), width=14),
        Column("field", gettext_lazy("Field"), parser=Choice(Field.choices), width=18, default=Field.OTHER),
        AliasedColumn(
            "subject",
            gettext_lazy("Summary of the content"),
            required=True,
            parser=Text(300),
            width=40,
            help=gettext_lazy("What the letter is about, in one line (trích yếu)."),
            aliases=("Trích yếu nội dung", "Trích yếu", "Subject"),
        ),
        AliasedColumn(
            "content",
            gettext_lazy("Detailed content"),
            parser=Text(20000),
            width=50,
            help=gettext_lazy("The letter's content in full (optional)."),
            aliases=("Nội dung chi tiết", "Content"),
        ),
        Column("target", gettext_lazy("Complained of / denounced"), parser=Text(300), width=30),
        Column("name", gettext_lazy("Writer's name"), parser=Text(200), width=24),
        Column("address", gettext_lazy("Address"), parser=Text(300), width=30),
        Column("id_number", gettext_lazy("ID number"), parser=Text(20), width=16),
        Column("phone", gettext_lazy("Phone"), parser=Text(30), width=16),
        Column(
            "signer_count", gettext_lazy("Number of signers"), parser=Integer(1, 100000), width=10, default=1
        ),
        Column(
            "representative_count",
            gettext_lazy("Number of representatives"),
            parser=Integer(0, 5),
            width=10,
            default=0,
        ),
        Column("is_anonymous", gettext_lazy("Anonymous"), parser=Boolean(), width=10, default=False),
    ]


def letter_template() -> bytes:
    example = {
        "received_date": datetime.date(2026, 3, 2),
        "receiving_body": "Đoàn đại biểu Quốc hội tỉnh Hà Tĩnh",
        "channel": Channel.POST,
        "kind": LetterKind.COMPLAINT,
        "field": Field.LAND,
        "subject": "Khiếu nại về bồi thường khi thu hồi đất",
        "content": "Không đồng ý với mức bồi thường khi thu hồi đất làm đường.",
        "name": "Nguyễn Văn An",
        "address": "Xã Cẩm Bình",
        "signer_count": 1,
    }
    return build_template(
        letter_columns(),
        str(_("Letters")),
        [example],
        notes=[_("Replace the example row.")],
        max_rows=MAX_ROWS,
    )


class _RowChecker:
    def __init__(self, province: AdministrativeUnit) -> None:
        bodies = Body.objects.filter(province=province, kind__in=RECEIVING_KINDS)
        self.bodies: dict[str, Body] = {}
        for body in bodies:
            for name in (body.name, body.short_name):
                if name:
                    self.bodies[fold(name)] = body
        self.today = timezone.localdate()

    def __call__(self, row: Row) -> list[tuple[str, str]]:
        problems = []
        body = self.bodies.get(fold(row.get("receiving_body") or ""))
        if body is None:
            problems.append(("receiving_body", _("No receiving body of this province has this name.")))
        else:
            row.values["receiving_body"] = body
        received = row.get("received_date")
        if received and received > self.today:
            problems.append(("received_date", _("The received date cannot be in the future.")))
        try:
            services.check_representatives(row.get("signer_count") or 1, row.get("representative_count") or 0)
        except ValidationFailed as exc:
            problems.append(("representative_count", exc.message))
        return problems


def validate_letter_file(
    file, province: AdministrativeUnit, progress: Progress | None = None
) -> tuple[list[Row], list[RowError]]:
    if isinstance(file, bytes):
        file = io.BytesIO(file)
    try:
        return read_rows(
            file, letter_columns(), max_rows=MAX_ROWS, progress=progress, check=_RowChecker(province)
        )
    except SpreadsheetRejected as exc:
        if _missing_subject_only(exc) and _old_layout(file):
            return [], [
                RowError(
                    0,
                    "",
                    _(
                        "This file uses the old template, where the summary and the detailed content "
                        "had the same header: download the new template and copy the rows into it."
                    ),
                )
            ]
        return [], [RowError(0, "", exc.message)]


def _missing_subject_only(exc: SpreadsheetRejected) -> bool:
    """core.excel refused the file because the summary column is missing (and for nothing
    else: only then was the file already opened and found safe to read)."""
    subject = next(c for c in letter_columns() if c.key == "subject")
    expected = _("Columns missing from the header row: %(columns)s.") % {"columns": str(subject.header)}
    return exc.message == expected


def _old_layout(file: Any) -> bool:
    """True when the header row has the old template's ambiguous "Nội dung" header (the file
    was already opened and checked by core.excel, which refused it for a missing column)."""
    from openpyxl import load_workbook

    try:
        file.seek(0)
        sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
        header = next(sheet.iter_rows(max_row=1, values_only=True), ())
    except Exception:  # noqa: BLE001 - any unreadable file is simply not the old layout
        return False
    keys = [fold(str(c)).removesuffix("(*)").rstrip("* ").strip() for c in header if c]
    return AMBIGUOUS_OLD_HEADER in keys


@transaction.atomic
def import_letters(*, actor: User, province: AdministrativeUnit, rows: Sequence[Row]) -> dict[str, Any]:
    """Register every row through `services.letter_create` (the uploader needs the import and
    handle permissions in the province); one bad row refuses them all."""
    access = get_access(actor)
    require(access, LetterPerm.IMPORT, province.pk, code=LetterError.IMPORT_FORBIDDEN)
    require(access, LetterPerm.HANDLE, province.pk)
    for row in rows:
        v = row.values
        try:
            services.letter_create(
                actor=actor,
                receiving_body=v["receiving_body"],
                received_date=v["received_date"],
                channel=v["channel"],
                kind=v["kind"],
                letter_field=v.get("field") or Field.OTHER,
                subject=v["subject"],
                content=v.get("content") or "",
                target=v.get("target") or "",
                identity=services.Identity(
                    v.get("name") or "",
                    v.get("address") or "",
                    v.get("id_number") or "",
                    v.get("phone") or "",
                ),
                is_anonymous=bool(v.get("is_anonymous")),
                signer_count=v.get("signer_count") or 1,
                representative_count=v.get("representative_count") or 0,
            )
        except ApplicationError as exc:
            raise ValidationFailed(
                _("Row %(row)d: %(message)s") % {"row": row.number, "message": exc.message},
                code=LetterError.IMPORT_ROW,
                details=[RowError(row.number, "", exc.message)],
            ) from exc
    return {"rows": len(rows)}
