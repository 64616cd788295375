"""The list of the elected (Excel) for a new term: its columns, the template, and the check of
every row against the proposed structure of the term and the directory.

Nothing is written here: `term.term_confirm` writes, after every row passed. A person already
in the directory of the province is recognised by the folded full name and the date of birth
(both required here: the electoral commission's list always has them) and is not created again.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.excel import (
    Boolean,
    Choice,
    Column,
    Date,
    Integer,
    Row,
    RowError,
    SpreadsheetRejected,
    Text,
    build_template,
    read_rows,
)
from dancu.core.text import fold
from dancu.directory.models import AdministrativeUnit, BodyKind, BodyLevel, Gender, Person, Post

MAX_ROWS = 1000
LEVELS = [(BodyLevel.PROVINCE, gettext_lazy("Province")), (BodyLevel.COMMUNE, gettext_lazy("Commune"))]
DELEGATE_POST = "dai-bieu"
MEMBER_POST = "uy-vien"


def elected_columns() -> list[Column]:
    return [
        Column("full_name", gettext_lazy("Full name"), required=True, parser=Text(200), width=28),
        Column("birth_date", gettext_lazy("Date of birth"), required=True, parser=Date(), width=14),
        Column("gender", gettext_lazy("Gender"), parser=Choice(Gender.choices), width=10),
        Column("ethnicity", gettext_lazy("Ethnicity"), parser=Text(50), width=12),
        Column(
            "level",
            gettext_lazy("Level"),
            parser=Choice(LEVELS),
            width=10,
            help=gettext_lazy("The level of the council elected to: it must be the council of the import."),
        ),
        Column(
            "constituency",
            gettext_lazy("Electoral unit"),
            parser=Integer(1, 999),
            width=12,
            help=gettext_lazy(
                "The number of the electoral unit (constituency) where the person was elected."
            ),
        ),
        Column("workplace", gettext_lazy("Current post and workplace"), parser=Text(300), width=40),
        Column("is_full_time", gettext_lazy("Full-time delegate"), parser=Boolean(), width=12, default=False),
        Column(
            "body",
            gettext_lazy("Standing Committee or committee"),
            parser=Text(300),
            width=36,
            help=gettext_lazy("The name of a body of the new term's structure (as on the preview page)."),
        ),
        Column(
            "body_post",
            gettext_lazy("Post in that body"),
            parser=Text(100),
            width=18,
            help=gettext_lazy("A post of the directory; empty means Member."),
        ),
        Column(
            "group",
            gettext_lazy("Delegate group"),
            parser=Text(300),
            width=36,
            help=gettext_lazy("The name of a delegate group of the new term's structure."),
        ),
    ]


def elected_template(council_name: str = "Hội đồng nhân dân tỉnh Hà Tĩnh") -> bytes:
    examples = [
        {
            "full_name": "Nguyễn Văn An",
            "birth_date": datetime.date(1975, 3, 12),
            "gender": Gender.MALE,
            "ethnicity": "Kinh",
            "level": BodyLevel.PROVINCE,
            "constituency": 1,
            "workplace": "Phó Bí thư Tỉnh ủy",
            "is_full_time": False,
            "body": "Thường trực Hội đồng nhân dân tỉnh",
            "body_post": "Chủ tịch",
            "group": "Tổ đại biểu số 1",
        },
        {
            "full_name": "Trần Thị Bình",
            "birth_date": datetime.date(1982, 11, 4),
            "gender": Gender.FEMALE,
            "ethnicity": "Kinh",
            "level": BodyLevel.PROVINCE,
            "constituency": 2,
            "workplace": "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
            "is_full_time": True,
            "body": "Ban Pháp chế",
            "body_post": "Phó Trưởng ban",
            "group": "Tổ đại biểu số 2",
        },
    ]
    notes = [
        _("Replace the two example rows with the list of the elected (%(council)s).")
        % {"council": council_name},
        _("A person with the same full name and date of birth as one of the directory is not created twice."),
        _("Nothing is saved until the preview is confirmed; a file with a row in error saves nothing."),
    ]
    return build_template(elected_columns(), _("The elected"), examples, notes=notes, max_rows=MAX_ROWS)


@dataclass
class Checked:
    """The rows of a list, checked: the good ones with their directory matches, every error."""

    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        matched = sum(1 for r in self.rows if r.values.get("existing_person") is not None)
        return {
            "rows": len(self.rows),
            "people_existing": matched,
            "people_new": len(self.rows) - matched,
            "full_time": sum(1 for r in self.rows if r.values.get("is_full_time")),
            "constituencies": len(
                {r.values["constituency"] for r in self.rows if r.values.get("constituency")}
            ),
        }


def structure_names(structure: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The kept bodies of a proposed structure, by folded name (and short name)."""
    names: dict[str, dict[str, Any]] = {}
    for index, row in enumerate(structure):
        if row.get("action") == "end":
            continue
        for name in {fold(row.get("name", "")), fold(row.get("short_name", ""))} - {""}:
            names.setdefault(name, {**row, "index": index})
    return names


class _Checker:
    def __init__(self, province: AdministrativeUnit, level: str, structure: list[dict[str, Any]]) -> None:
        self.level = level
        self.bodies = structure_names(structure)
        self.posts: dict[str, Post] = {}
        for post in Post.objects.all():
            self.posts.setdefault(fold(post.name), post)
            self.posts.setdefault(fold(post.code), post)
        self.existing = {
            (fold(p.full_name), p.birth_date): p
            for p in Person.objects.filter(province=province, birth_date__isnull=False)
        }
        self.seen: dict[tuple[str, datetime.date], int] = {}

    def __call__(self, row: Row) -> list[tuple[str, str]]:
        errors: list[tuple[str, str]] = []
        values = row.values
        birth = values["birth_date"]
        if birth > timezone.localdate() or birth.year < 1900:
            errors.append(("birth_date", _("The date of birth is not plausible.")))
        elif (timezone.localdate() - birth).days < 21 * 365:
            errors.append(("birth_date", _("A delegate is at least 21 years old.")))
        if len(values["full_name"]) < 2:
            errors.append(("full_name", _("The full name is required.")))
        if values.get("level") and values["level"] != self.level:
            errors.append(("level", _("This list is for a council of another level.")))
        key = (fold(values["full_name"]), birth)
        if key in self.seen:
            errors.append(
                (
                    "full_name",
                    _("The same person as row %(row)d (full name and date of birth).")
                    % {"row": self.seen[key]},
                )
            )
        else:
            self.seen[key] = row.number
        values["existing_person"] = self.existing.get(key)
        values["body_row"] = self._body(
            values.get("body"), {BodyKind.STANDING_COMMITTEE, BodyKind.COMMITTEE}, "body", errors
        )
        values["group_row"] = self._body(values.get("group"), {BodyKind.DELEGATE_GROUP}, "group", errors)
        values["body_post_obj"] = None
        if values.get("body"):
            name = values.get("body_post") or MEMBER_POST
            post = self.posts.get(fold(name))
            if post is None:
                errors.append(("body_post", _("Unknown post “%(name)s”.") % {"name": name}))
            values["body_post_obj"] = post
        return errors

    def _body(self, name: str | None, kinds: set[str], column: str, errors: list) -> dict[str, Any] | None:
        if not name:
            return None
        row = self.bodies.get(fold(name))
        if row is None or row.get("kind") not in kinds:
            errors.append(
                (column, _("No body of the new term's structure is named “%(name)s”.") % {"name": name})
            )
            return None
        return row


def check_elected(
    data: bytes | memoryview, province: AdministrativeUnit, level: str, structure: list[dict[str, Any]]
) -> Checked:
    """Parse and check every row of the list (never raises for a bad file: its problem is an
    error of row 0)."""
    try:
        rows, errors = read_rows(
            io.BytesIO(bytes(data)),
            elected_columns(),
            max_rows=MAX_ROWS,
            check=_Checker(province, level, structure),
        )
    except SpreadsheetRejected as exc:
        return Checked([], [RowError(0, "", exc.message)])
    if not rows and not errors:
        errors = [RowError(0, "", _("The list has no rows."))]
    return Checked(rows, errors)
