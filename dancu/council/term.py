"""A new term of a council from the election results (issue 16, item 6).

1. `term_setup_create`: the Office uploads the list of the elected with the term's number, name
   and election day; every row is checked (`term_import.check_elected`) and a file with a row
   in error saves nothing. The structure of the previous term (its Standing Committee,
   committees and delegate groups) is copied as a proposal.
2. `term_structure_update`: the Office edits the proposal: each body continues (the same body,
   new memberships in the new term), is re-formed as a new body (the old one ends, its open
   items can move to the new one), or ends; new bodies are added.
3. `term_confirm`: creates the term, its electoral units, the bodies, the people not yet in the
   directory (a person is matched by folded full name and date of birth) and the memberships,
   all or nothing, through the directory services (audited).
4. `term_carry_over`: moves the open items of the previous term to the new term and its bodies,
   each module its own part through the `term.carry_over` capability (manifest `provides`),
   keeping their history; running it again moves nothing twice.

The first session must open within 45 days of the election (the `first_session_days` rule
row, Luật 72/2025 Art. 34): `services.first_session_check`.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.models import User
from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.audit import audit_record
from dancu.core.errors import ApplicationError, Conflict, ValidationFailed
from dancu.core.excel import RowError
from dancu.core.modules import manifests, resolve
from dancu.core.text import normalize_spaces
from dancu.directory.models import Body, BodyKind, Constituency, Post, Term
from dancu.directory.posts import ensure_posts
from dancu.directory.services import membership_create, person_create

from .errors import CouncilError as E
from .models import Commitment, TermSetup
from .permissions import can_set_up_term, require
from .ruleset import rule_on
from .term_import import DELEGATE_POST, check_elected
from .workflow import CommitmentStatus

STRUCTURE_KINDS = (BodyKind.STANDING_COMMITTEE, BodyKind.COMMITTEE, BodyKind.DELEGATE_GROUP)
ACTIONS = ("continue", "new", "end")
CAPABILITY = "term.carry_over"


def _require(actor: User, obj: Any) -> None:
    access = get_access(actor)
    require(can_set_up_term(access, obj))
    access.require(Perm.DIRECTORY_CHANGE, obj.province_id)


def previous_term(council: Body) -> Term | None:
    return Term.objects.filter(body=council).order_by("-start_date", "-number").first()


def proposed_structure(council: Body, on: datetime.date) -> list[dict[str, Any]]:
    """The bodies of the council in office on `on` (Standing Committee, committees, delegate
    groups), each proposed to continue in the new term."""
    bodies = (
        Body.objects.filter(parent=council, kind__in=STRUCTURE_KINDS)
        .filter(Q(active_to__isnull=True) | Q(active_to__gte=on))
        .order_by("kind", "sort_key")
    )
    order = {k: i for i, k in enumerate(STRUCTURE_KINDS)}
    rows = [
        {"old": b.pk, "kind": b.kind, "name": b.name, "short_name": b.short_name, "action": "continue"}
        for b in bodies
    ]
    return sorted(rows, key=lambda r: order[r["kind"]])


def latest_first_session(setup: TermSetup) -> tuple[datetime.date, Any]:
    """The last day the first session may open, and the rule row it comes from."""
    rule = rule_on("first_session_days", setup.election_date)
    return setup.election_date + datetime.timedelta(days=rule.days or 0), rule


def _bad_rows(errors: list[RowError]) -> ValidationFailed:
    return ValidationFailed(
        _("The list has %(count)d rows in error: nothing was saved.")
        % {"count": len({e.row for e in errors})},
        code=E.BAD_ROWS,
        details={"rows": [e.as_dict() for e in errors]},
    )


@transaction.atomic
def term_setup_create(
    *,
    actor: User,
    council: Body,
    number: int,
    name: str,
    election_date: datetime.date,
    start_date: datetime.date,
    end_date: datetime.date | None,
    data: bytes,
    file_name: str,
) -> TermSetup:
    """Check the list of the elected and keep it, with the proposed structure, for the preview
    (nothing of the term is created yet)."""
    _require(actor, council)
    if council.kind != BodyKind.PEOPLES_COUNCIL:
        raise ValidationFailed(
            _("Choose a People's Council."), code=E.INVALID_BODY, details={"field": "council"}
        )
    name = normalize_spaces(name or "")
    if not name:
        raise ValidationFailed(_("The name is required."), code=E.REQUIRED, details={"field": "name"})
    if start_date < election_date or (end_date is not None and end_date <= start_date):
        raise ValidationFailed(
            _("The term starts on or after the election day and ends after it starts."),
            code=E.INVALID_DATES,
            details={"field": "start_date"},
        )
    if Term.objects.filter(body=council, number=number).exists():
        raise Conflict(
            _("The council already has a term number %(number)d.") % {"number": number},
            code=E.TERM_EXISTS,
            details={"field": "number"},
        )
    rule_on("first_session_days", election_date)  # a rule must be in force on the election day
    previous = previous_term(council)
    structure = proposed_structure(council, election_date)
    checked = check_elected(data, council.province, council.level, structure)
    if not checked.ok:
        raise _bad_rows(checked.errors)
    setup = TermSetup.objects.create(
        province_id=council.province_id,
        council=council,
        previous_term=previous,
        number=number,
        name=name,
        election_date=election_date,
        start_date=start_date,
        end_date=end_date,
        source_name=(file_name or "")[:255],
        source=bytes(data),
        structure=structure,
        counts=checked.counts(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit_record(
        actor=actor,
        action="council.term.upload",
        target=setup,
        province_code=council.province.code,
        summary=f"{council.name} · {name}",
        changes={"file": setup.source_name, **setup.counts},
    )
    return setup


def _locked(setup: TermSetup) -> TermSetup:
    setup = (
        TermSetup.objects.select_for_update(of=("self",)).select_related("council__province").get(pk=setup.pk)
    )
    if setup.is_confirmed:
        raise Conflict(_("This new term has already been confirmed."), code=E.ALREADY_CONFIRMED)
    return setup


def _clean_structure(council: Body, rows: list[dict[str, Any]], original: list[dict[str, Any]]) -> list[dict]:
    olds = {r["old"]: r for r in original if r.get("old")}
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, row in enumerate(rows):
        action = row.get("action") or "continue"
        old = row.get("old")
        if action not in ACTIONS or (old and old not in olds) or (not old and action == "end"):
            raise ValidationFailed(_("The structure is not valid."), code=E.UNKNOWN_CHOICE)
        kind = olds[old]["kind"] if old else row.get("kind")
        if kind not in STRUCTURE_KINDS:
            raise ValidationFailed(
                _("Choose the kind of the new body."),
                code=E.UNKNOWN_CHOICE,
                details={"field": f"kind_{index}"},
            )
        name = normalize_spaces(row.get("name") or "")
        if action == "continue" and old:
            name = olds[old]["name"]  # a body that continues keeps its name
        if not name:
            raise ValidationFailed(
                _("The name is required."), code=E.REQUIRED, details={"field": f"name_{index}"}
            )
        if action != "end":
            if name.casefold() in seen:
                raise ValidationFailed(
                    _("Two bodies of the new term have the name “%(name)s”.") % {"name": name},
                    code=E.INVALID_BODY,
                    details={"field": f"name_{index}"},
                )
            seen.add(name.casefold())
        short = normalize_spaces(row.get("short_name") or "")[:100]
        cleaned.append({"old": old, "kind": kind, "name": name[:300], "short_name": short, "action": action})
    missing = set(olds) - {r["old"] for r in cleaned if r["old"]}
    if missing:
        raise ValidationFailed(_("The structure is not valid."), code=E.UNKNOWN_CHOICE)
    return cleaned


@transaction.atomic
def term_structure_update(*, actor: User, setup: TermSetup, rows: list[dict[str, Any]]) -> TermSetup:
    """Replace the proposed structure (before confirming); the list is checked again against
    it (a row naming a body no longer in it is refused, nothing saved)."""
    _require(actor, setup)
    setup = _locked(setup)
    original = proposed_structure(setup.council, setup.election_date)
    structure = _clean_structure(setup.council, rows, original)
    checked = check_elected(setup.source, setup.council.province, setup.council.level, structure)
    if not checked.ok:
        raise _bad_rows(checked.errors)
    before = setup.structure
    setup.structure = structure
    setup.save(update_fields=["structure", "updated_at"])
    audit_record(
        actor=actor,
        action="council.term.structure",
        target=setup,
        province_code=setup.council.province.code,
        summary=str(setup),
        changes={"before": before, "after": structure},
    )
    return setup


def _new_body(actor: User, council: Body, row: dict[str, Any], start: datetime.date) -> Body:
    body = Body(
        kind=row["kind"],
        level=council.level,
        name=row["name"],
        short_name=row.get("short_name", ""),
        parent=council,
        province_id=council.province_id,
        unit_id=council.unit_id,
        active_from=start,
    )
    body.full_clean(exclude=["search_text", "sort_key"])
    body.save()
    audit_record(
        actor=actor,
        action="directory.body.create",
        target=body,
        province_code=council.province.code,
        summary=body.name,
        changes={"kind": body.kind, "parent": council.pk, "active_from": start},
    )
    return body


def _end_body(actor: User, body: Body, last_day: datetime.date) -> None:
    if body.active_to is not None and body.active_to <= last_day:
        return
    before = body.active_to
    body.active_to = last_day
    body.save(update_fields=["active_to", "updated_at"])
    audit_record(
        actor=actor,
        action="directory.body.end",
        target=body,
        province_code=body.province.code,
        summary=body.name,
        changes={"active_to": {"before": before, "after": last_day}},
    )


@transaction.atomic
def term_confirm(*, actor: User, setup: TermSetup) -> TermSetup:
    """Create the term, its electoral units, bodies, people and memberships (all or nothing)."""
    _require(actor, setup)
    setup = _locked(setup)
    council = setup.council
    if Term.objects.filter(body=council, number=setup.number).exists():
        raise Conflict(
            _("The council already has a term number %(number)d.") % {"number": setup.number},
            code=E.TERM_EXISTS,
        )
    checked = check_elected(setup.source, council.province, council.level, setup.structure)
    if not checked.ok:
        raise _bad_rows(checked.errors)
    ensure_posts()
    start, last_day = setup.start_date, setup.start_date - datetime.timedelta(days=1)
    term = Term.objects.create(
        body=council, number=setup.number, name=setup.name, start_date=start, end_date=setup.end_date
    )
    audit_record(
        actor=actor,
        action="directory.term.create",
        target=term,
        province_code=council.province.code,
        summary=str(term),
        changes={"council": council.pk, "election_date": setup.election_date},
    )
    previous = setup.previous_term
    if previous is not None and (previous.end_date is None or previous.end_date >= start):
        before = previous.end_date
        previous.end_date = last_day
        previous.save(update_fields=["end_date"])
        audit_record(
            actor=actor,
            action="directory.term.end",
            target=previous,
            province_code=council.province.code,
            summary=str(previous),
            changes={"end_date": {"before": before, "after": last_day}},
        )
    # The bodies: by the index of their structure row.
    bodies: dict[int, Body] = {}
    body_map: dict[str, int | None] = {}
    olds = {b.pk: b for b in Body.objects.filter(pk__in=[r["old"] for r in setup.structure if r["old"]])}
    for index, row in enumerate(setup.structure):
        old = olds.get(row["old"]) if row["old"] else None
        if row["action"] == "continue" and old is not None:
            bodies[index] = old
            body_map[str(old.pk)] = old.pk
        elif row["action"] == "end" and old is not None:
            _end_body(actor, old, last_day)
            body_map[str(old.pk)] = None
        else:
            body = _new_body(actor, council, row, start)
            bodies[index] = body
            if old is not None:
                _end_body(actor, old, last_day)
                body_map[str(old.pk)] = body.pk
    body_map[str(council.pk)] = council.pk
    # The electoral units, with their seats.
    seats = Counter(r.values["constituency"] for r in checked.rows if r.values.get("constituency"))
    units = {
        n: Constituency.objects.create(term=term, number=n, name=f"Đơn vị bầu cử số {n}", seats=count)
        for n, count in sorted(seats.items())
    }
    posts = {p.code: p for p in Post.objects.filter(code__in=[DELEGATE_POST])}
    counts = {"people_created": 0, "people_existing": 0, "memberships": 0, "bodies_created": 0}
    counts["bodies_created"] = sum(1 for i, b in bodies.items() if b.pk not in olds)
    for row in checked.rows:
        values = row.values
        try:
            person = values.get("existing_person")
            if person is None:
                fields = {
                    k: values[k]
                    for k in ("gender", "birth_date", "ethnicity", "workplace")
                    if values.get(k) not in (None, "")
                }
                person = person_create(
                    actor=actor, province=council.province, full_name=values["full_name"], **fields
                )
                counts["people_created"] += 1
            else:
                counts["people_existing"] += 1
            membership_create(
                actor=actor,
                person=person,
                body=council,
                post=posts[DELEGATE_POST],
                term=term,
                constituency=units.get(values.get("constituency")),
                start_date=start,
                is_full_time=bool(values.get("is_full_time")),
            )
            counts["memberships"] += 1
            for key, post in (("body_row", values.get("body_post_obj")), ("group_row", posts[DELEGATE_POST])):
                if values.get(key) is None or post is None:
                    continue
                membership_create(
                    actor=actor,
                    person=person,
                    body=bodies[values[key]["index"]],
                    post=post,
                    term=term,
                    start_date=start,
                )
                counts["memberships"] += 1
        except ApplicationError as exc:
            raise ValidationFailed(
                _("Row %(row)d: %(message)s") % {"row": row.number, "message": exc.message},
                code=exc.code,
                details={"rows": [RowError(row.number, "", exc.message).as_dict()]},
            ) from exc
    counts["constituencies"] = len(units)
    setup.term = term
    setup.body_map = body_map
    setup.counts = {**setup.counts, **counts}
    setup.confirmed_at = timezone.now()
    setup.save(update_fields=["term", "body_map", "counts", "confirmed_at", "updated_at"])
    audit_record(
        actor=actor,
        action="council.term.confirm",
        target=setup,
        province_code=council.province.code,
        summary=str(setup),
        changes={"term": term.pk, "body_map": body_map, **counts},
    )
    return setup


# -- carrying open items over ---------------------------------------------------------------------


def carry_over_commitments(
    province_id: int, old_term_id: int, new_term_id: int, body_map: dict[int, int], user: Any, dry_run: bool
) -> dict[str, int]:
    """The council's part: commitments made at questioning in the old term and not fulfilled
    are followed up in the new term (`Commitment.followed_in_term`; the question and its answers
    stay on the old session). Audited one by one, with the term before and after."""
    open_ = Commitment.objects.filter(province_id=province_id, status=CommitmentStatus.OPEN)
    in_old = open_.filter(
        Q(followed_in_term_id=old_term_id)
        | Q(followed_in_term__isnull=True, question__session__term_id=old_term_id)
    )
    counts = {"commitments": in_old.count()}
    if dry_run:
        return counts
    new_term = Term.objects.get(pk=new_term_id)
    for commitment in in_old.select_for_update(of=("self",)).select_related("province", "question__session"):
        before = commitment.followed_in_term_id or commitment.question.session.term_id
        commitment.followed_in_term = new_term
        commitment.save(update_fields=["followed_in_term", "updated_at"])
        audit_record(
            actor=user,
            action="council.commitment.carry_over",
            target=commitment,
            province_code=commitment.province.code,
            summary=commitment.content[:200],
            changes={"term": {"before": before, "after": new_term_id}, "question": commitment.question_id},
        )
    return counts


def carry_over_providers() -> list[tuple[str, Any]]:
    """Every module's `term.carry_over` (the council's own first)."""
    found: list[tuple[str, Any]] = [("council", carry_over_commitments)]
    for manifest in manifests():
        if CAPABILITY in manifest.provides:
            found.append((manifest.name, resolve(manifest.provides[CAPABILITY])))
    return found


def _moving_map(setup: TermSetup) -> dict[int, int]:
    """The bodies whose open items move: re-formed ones (old -> new); a body that continues
    keeps its items, an ended one has no successor."""
    return {int(old): new for old, new in setup.body_map.items() if new and int(old) != new}


def carry_over_preview(setup: TermSetup) -> dict[str, int]:
    if not setup.is_confirmed or setup.previous_term_id is None:
        return {}
    counts: dict[str, int] = {}
    for _name, provider in carry_over_providers():
        counts |= provider(
            setup.province_id, setup.previous_term_id, setup.term_id, _moving_map(setup), None, True
        )
    return counts


@transaction.atomic
def term_carry_over(*, actor: User, setup: TermSetup) -> dict[str, int]:
    """Move the previous term's open items to the new term and its bodies (every module's
    part, in one transaction); idempotent: what was moved is no longer the old term's."""
    _require(actor, setup)
    setup = (
        TermSetup.objects.select_for_update(of=("self",)).select_related("council__province").get(pk=setup.pk)
    )
    if not setup.is_confirmed:
        raise Conflict(_("Confirm the new term first."), code=E.NOT_CONFIRMED)
    if setup.previous_term_id is None:
        raise Conflict(
            _("The council had no previous term: there is nothing to carry over."), code=E.NOT_CONFIRMED
        )
    body_map = _moving_map(setup)
    counts: dict[str, int] = {}
    for _name, provider in carry_over_providers():
        counts |= provider(setup.province_id, setup.previous_term_id, setup.term_id, body_map, actor, False)
    total = dict(setup.carried_counts or {})
    for key, value in counts.items():
        if not key.endswith("_staying"):  # open items of bodies that continue: not moved
            total[key] = total.get(key, 0) + value
    setup.carried_counts = total
    setup.carried_at = timezone.now()
    setup.save(update_fields=["carried_counts", "carried_at", "updated_at"])
    audit_record(
        actor=actor,
        action="council.term.carry_over",
        target=setup,
        province_code=setup.council.province.code,
        summary=str(setup),
        changes={"moved": counts, "body_map": body_map},
    )
    return counts
