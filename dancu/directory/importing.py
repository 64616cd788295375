"""Importing delegates (people and their posts in bodies) from an Excel file.

Every row is parsed and cross-checked against the directory of the importing province before
anything is written; then all rows are written in one transaction through the directory
services, so an import is all or nothing and every record has its audit entry.

A person is recognised by full name and date of birth: two rows (or a row and an existing
person of the province) with the same name and birth date are the same person holding two
posts. Without a birth date a row always creates a new person.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.audit import audit_record
from dancu.core.errors import ApplicationError, ValidationFailed
from dancu.core.excel import (
    Boolean,
    Choice,
    Column,
    Date,
    Email,
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

from .models import AdministrativeUnit, Body, Constituency, Gender, Membership, Person, Post, Term
from .services import membership_create, person_create

IMPORT_KIND = "delegates"  # ImportJob.kind
MAX_ROWS = 5000
# The post given when the column is empty: looked up by code, then by (folded) name.
DEFAULT_POST_CODES = ("dai-bieu",)
DEFAULT_POST_FOLDED_NAME = "dai bieu"


def delegate_columns() -> list[Column]:
    return [
        Column("full_name", gettext_lazy("Full name"), required=True, parser=Text(200), width=28),
        Column("gender", gettext_lazy("Gender"), parser=Choice(Gender.choices), width=10),
        Column("birth_date", gettext_lazy("Date of birth"), parser=Date(), width=14),
        Column("ethnicity", gettext_lazy("Ethnicity"), parser=Text(50), width=12),
        Column("phone", gettext_lazy("Phone"), parser=Text(30), width=16),
        Column("email", gettext_lazy("E-mail"), parser=Email(), width=26),
        Column("workplace", gettext_lazy("Workplace"), parser=Text(300), width=36),
        Column(
            "body",
            gettext_lazy("Body"),
            required=True,
            parser=Text(300),
            width=40,
            help=gettext_lazy("The name or short name of a body of this province, as in the directory."),
        ),
        Column(
            "post",
            gettext_lazy("Post"),
            parser=Text(100),
            width=18,
            help=gettext_lazy("A post of the directory; empty means Delegate."),
        ),
        Column(
            "term",
            gettext_lazy("Term"),
            parser=Integer(1, 99),
            width=8,
            help=gettext_lazy("The number of the term of the body (or of its council)."),
        ),
        Column(
            "constituency",
            gettext_lazy("Constituency"),
            parser=Integer(1, 999),
            width=12,
            help=gettext_lazy("The number of the constituency in that term; requires the term."),
        ),
        Column("start_date", gettext_lazy("Start date"), parser=Date(), width=14),
        Column("is_full_time", gettext_lazy("Full-time"), parser=Boolean(), width=12, default=False),
    ]


def delegate_template() -> bytes:
    """The Excel template offered for download, with two example rows."""
    examples = [
        {
            "full_name": "Nguyễn Văn An",
            "gender": Gender.MALE,
            "birth_date": datetime.date(1975, 3, 12),
            "ethnicity": "Kinh",
            "phone": "0912345678",
            "email": "nvan@hatinh.gov.vn",
            "workplace": "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
            "body": "Hội đồng nhân dân tỉnh Hà Tĩnh",
            "post": "Đại biểu",
            "term": 18,
            "constituency": 1,
            "start_date": datetime.date(2021, 6, 25),
            "is_full_time": True,
        },
        {
            "full_name": "Trần Thị Bình",
            "gender": Gender.FEMALE,
            "birth_date": datetime.date(1982, 11, 4),
            "ethnicity": "Kinh",
            "body": "Ban Pháp chế HĐND tỉnh Hà Tĩnh",
            "post": "Ủy viên",
            "term": 18,
            "is_full_time": False,
        },
    ]
    notes = [
        _("Replace the two example rows with your own before uploading."),
        _("A person with the same full name and date of birth as an existing one is not created twice."),
    ]
    return build_template(delegate_columns(), _("Delegates"), examples, notes=notes, max_rows=MAX_ROWS)


@dataclass
class _Directory:
    """What the cross-checks need from the database, loaded once per file."""

    bodies: dict[str, list[Body]]
    posts: dict[str, Post]
    default_post: Post | None
    terms: dict[tuple[int, int], Term]
    constituencies: dict[tuple[int, int], Constituency]
    existing: dict[tuple[str, datetime.date | None], Person]
    current_memberships: set[tuple[int, int, int]]  # (person, body, post)


def _load_directory(province: AdministrativeUnit) -> _Directory:
    bodies: dict[str, list[Body]] = {}
    province_bodies = list(Body.objects.filter(province=province).select_related("parent", "province"))
    for body in province_bodies:
        for name in {fold(body.name), fold(body.short_name)} - {""}:
            bodies.setdefault(name, []).append(body)
    posts: dict[str, Post] = {}
    for post in Post.objects.all():
        posts.setdefault(fold(post.name), post)
        posts.setdefault(fold(post.code), post)
    default_post = next((p for p in Post.objects.filter(code__in=DEFAULT_POST_CODES)), None)
    default_post = default_post or posts.get(DEFAULT_POST_FOLDED_NAME)
    body_ids = {b.pk for b in province_bodies}
    terms = {(t.body_id, t.number): t for t in Term.objects.filter(body_id__in=body_ids)}
    constituencies = {
        (c.term_id, c.number): c for c in Constituency.objects.filter(term__body_id__in=body_ids)
    }
    existing = {
        (fold(p.full_name), p.birth_date): p
        for p in Person.objects.filter(province=province, birth_date__isnull=False)
    }
    current = set(
        Membership.objects.filter(body_id__in=body_ids, end_date__isnull=True).values_list(
            "person_id", "body_id", "post_id"
        )
    )
    return _Directory(bodies, posts, default_post, terms, constituencies, existing, current)


class _RowChecker:
    """Resolves names in a parsed row to directory objects and reports what does not fit."""

    def __init__(self, directory: _Directory) -> None:
        self.directory = directory
        self.seen: dict[tuple[str, datetime.date | None, int], int] = {}

    def __call__(self, row: Row) -> list[tuple[str, str]]:
        errors: list[tuple[str, str]] = []
        values = row.values
        birth = values.get("birth_date")
        if birth and (birth > timezone.localdate() or birth.year < 1900):
            errors.append(("birth_date", _("The date of birth is not plausible.")))
        if len(values["full_name"]) < 2:
            errors.append(("full_name", _("The full name is required.")))

        body = self._body(values["body"], errors)
        post = self._post(values.get("post"), errors)
        term = self._term(body, values.get("term"), errors) if body else None
        constituency = self._constituency(term, values.get("constituency"), values.get("term"), errors)
        if body is None:
            return errors
        values.update(body=body, post=post, term=term, constituency=constituency)

        key = (fold(values["full_name"]), birth, body.pk)
        if key in self.seen:
            errors.append(
                (
                    "full_name",
                    _("Same person and body as row %(row)d (full name, date of birth and body).")
                    % {"row": self.seen[key]},
                )
            )
        else:
            self.seen[key] = row.number
        person = self.directory.existing.get((key[0], birth)) if birth else None
        values["existing_person"] = person
        if person and post and (person.pk, body.pk, post.pk) in self.directory.current_memberships:
            errors.append(
                ("full_name", _("This person already holds this post in this body in the directory."))
            )
        return errors

    def _body(self, name: str, errors: list) -> Body | None:
        matches = self.directory.bodies.get(fold(name), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(("body", _("Several bodies of the province have this name: use the full name.")))
        else:
            errors.append(("body", _("No body of this province is named “%(name)s”.") % {"name": name}))
        return None

    def _post(self, name: str | None, errors: list) -> Post | None:
        if not name:
            if self.directory.default_post is None:
                errors.append(("post", _("This column is required.")))
            return self.directory.default_post
        post = self.directory.posts.get(fold(name))
        if post is None:
            errors.append(("post", _("Unknown post “%(name)s”.") % {"name": name}))
        return post

    def _term(self, body: Body, number: int | None, errors: list) -> Term | None:
        if number is None:
            return None
        # A committee or delegate group serves in the term of its council.
        for owner in (body.pk, body.parent_id):
            term = self.directory.terms.get((owner, number)) if owner else None
            if term is not None:
                return term
        errors.append(("term", _("This body has no term number %(number)d.") % {"number": number}))
        return None

    def _constituency(self, term: Term | None, number: int | None, term_number, errors: list):
        if number is None:
            return None
        if term is None:
            if term_number is None:
                errors.append(("term", _("A constituency requires the term.")))
            return None
        constituency = self.directory.constituencies.get((term.pk, number))
        if constituency is None:
            errors.append(
                ("constituency", _("The term has no constituency number %(number)d.") % {"number": number})
            )
        return constituency


def validate_delegate_file(
    file, province: AdministrativeUnit, progress: Progress | None = None
) -> tuple[list[Row], list[RowError]]:
    """Parse and check every row; (rows ready for `import_delegates`, errors). Never raises
    for a bad file: its problem is returned as an error of row 0."""
    checker = _RowChecker(_load_directory(province))
    try:
        return read_rows(
            file, delegate_columns(), max_rows=MAX_ROWS, progress=progress, progress_every=25, check=checker
        )
    except SpreadsheetRejected as exc:
        return [], [RowError(0, "", exc.message)]


_PERSON_KEYS = ("gender", "birth_date", "ethnicity", "phone", "email", "workplace")


@transaction.atomic
def import_delegates(
    *, actor, province: AdministrativeUnit, rows: Sequence[Row], source: str = ""
) -> dict[str, Any]:
    """Create the people and memberships of validated rows, all or nothing.

    A service error on any row rolls everything back and is reported with the row number.
    """
    get_access(actor).require(Perm.DIRECTORY_IMPORT, province.pk)
    people: dict[tuple[str, datetime.date], Person] = {}
    counts = {"rows": len(rows), "people_created": 0, "people_existing": 0, "memberships_created": 0}
    for row in rows:
        values = row.values
        try:
            person = _person_for(actor, province, values, people, counts)
            membership_create(
                actor=actor,
                person=person,
                body=values["body"],
                post=values["post"],
                term=values.get("term"),
                constituency=values.get("constituency"),
                start_date=values.get("start_date"),
                is_full_time=bool(values.get("is_full_time")),
            )
        except ApplicationError as exc:
            message = _("Row %(row)d: %(message)s") % {"row": row.number, "message": exc.message}
            raise ValidationFailed(
                message, code=exc.code, details=[RowError(row.number, "", exc.message)]
            ) from exc
        counts["memberships_created"] += 1
    audit_record(
        actor=actor,
        action="directory.delegates.import",
        target_type="directory.import",
        province_code=province.code,
        summary=source or _("Import of delegates"),
        changes=counts,
    )
    return counts


def _person_for(actor, province, values: dict[str, Any], people: dict, counts: dict) -> Person:
    birth = values.get("birth_date")
    key = (fold(values["full_name"]), birth)
    if birth and key in people:
        return people[key]
    person = values.get("existing_person")
    if person is not None:
        counts["people_existing"] += 1
    else:
        fields = {k: values[k] for k in _PERSON_KEYS if values.get(k) not in (None, "")}
        person = person_create(actor=actor, province=province, full_name=values["full_name"], **fields)
        counts["people_created"] += 1
    if birth:
        people[key] = person
    return person
