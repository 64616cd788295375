"""Workflows as data, and the one machine that moves a record from state to state.

A module declares, per model, its states (a TextChoices) and its actions: where each may
start, where it leads, the permission it needs in the record's province, and an optional
guard (a reason the move is not possible now). `Workflow.apply` is the only code that writes
a status: it checks the permission and the move, sets the status, saves, and writes the audit
entry (which bumps the module's data version) in the caller's transaction.
`tests/test_status_writes.py` fails on any other status write in the project.

Pages use `Workflow.available(access, obj)` to show only the buttons a user may press now,
and `blocked_reason` to say why an action is not available.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from .access import Access
from .errors import Conflict, PermissionDenied


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[str]
    target: str
    perm: str
    label: Any = ""
    # guard(obj) -> a Vietnamese reason when the move is not possible now, else None/"".
    guard: Callable[[Any], Any] | None = None
    # An object rule beyond the province permission: rule(access, obj) -> bool
    # (e.g. an agency may answer only what was forwarded to its own body).
    rule: Callable[[Access, Any], bool] | None = None


def act(
    name: str,
    sources: Iterable[str],
    target: str,
    perm: str,
    label: Any = "",
    *,
    guard: Callable[[Any], Any] | None = None,
    rule: Callable[[Access, Any], bool] | None = None,
) -> Action:
    return Action(name, frozenset(sources), target, perm, label, guard, rule)


def _province_of(obj: Any) -> int | None:
    return obj.province_id


@dataclass
class Workflow:
    """The states and actions of one model. `province` gives the province id a permission is
    checked in; `status_field` names the status field."""

    label: str  # "petitions.petition": the audit action prefix
    states: type[models.TextChoices]
    actions: list[Action]
    initial: str
    status_field: str = "status"
    province: Callable[[Any], int | None] = _province_of
    _by_name: dict[str, Action] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name = {a.name: a for a in self.actions}
        known = set(self.states.values)
        for a in self.actions:
            unknown = (set(a.sources) | {a.target}) - known
            if unknown:
                raise ValueError(f"{self.label}.{a.name}: unknown states {sorted(unknown)}")
        if self.initial not in known:
            raise ValueError(f"{self.label}: unknown initial state {self.initial}")

    # -- reading the declaration -------------------------------------------------------
    def action(self, name: str) -> Action:
        try:
            return self._by_name[name]
        except KeyError:
            raise Conflict(
                _("This step does not exist."), code="unknown_action", details={"action": name}
            ) from None

    def state_of(self, obj: Any) -> str:
        return getattr(obj, self.status_field)

    def label_of(self, state: str) -> str:
        try:
            return str(self.states(state).label)
        except ValueError:
            return state

    def can_move(self, state: str, action: str) -> bool:
        return state in self.action(action).sources

    def targets_from(self, state: str) -> set[str]:
        return {a.target for a in self.actions if state in a.sources}

    # -- what a user may do now -----------------------------------------------------------
    def _permitted(self, access: Access, obj: Any, a: Action) -> bool:
        return access.has(a.perm, self.province(obj)) and (a.rule is None or a.rule(access, obj))

    def _state_reason(self, obj: Any, a: Action) -> str:
        if self.state_of(obj) not in a.sources:
            return _("This step is not allowed while the record is “%(state)s”.") % {
                "state": self.label_of(self.state_of(obj))
            }
        if a.guard is not None:
            reason = a.guard(obj)
            if reason:
                return str(reason)
        return ""

    def permitted(self, access: Access, obj: Any, name: str) -> bool:
        """Whether `access` holds the right to take `name` on `obj` (whatever its state)."""
        return self._permitted(access, obj, self.action(name))

    def blocked_reason(self, access: Access, obj: Any, name: str) -> str:
        """Why `access` may not take action `name` on `obj` now ("" when it may)."""
        a = self.action(name)
        if not self._permitted(access, obj, a):
            return _("You do not have permission to do this.")
        return self._state_reason(obj, a)

    def available(self, access: Access, obj: Any) -> list[Action]:
        """The actions `access` may take on `obj` now, in declaration order."""
        return [a for a in self.actions if not self.blocked_reason(access, obj, a.name)]

    def check(self, access: Access, obj: Any, name: str) -> Action:
        """The action, or a typed refusal: PermissionDenied, then Conflict for the state/guard.
        The permission and the object rule are evaluated once."""
        a = self.action(name)
        if not self._permitted(access, obj, a):
            raise PermissionDenied(_("You do not have permission to do this."))
        reason = self._state_reason(obj, a)
        if reason:
            raise Conflict(
                reason,
                code="invalid_transition",
                details={"from": self.state_of(obj), "action": name, "to": a.target},
            )
        return a

    # -- the one writer -------------------------------------------------------------------
    def apply(
        self,
        *,
        actor: Any,
        access: Access,
        obj: models.Model,
        action: str,
        summary: str = "",
        changes: dict[str, Any] | None = None,
        also_save: Iterable[str] = (),
        province_code: str = "",
        check: bool = True,
    ) -> str:
        """Move `obj` by `action`: check, set the status, save it (and `also_save` fields the
        caller set), audit. Returns the former state. Runs in the caller's transaction.

        `check=False` is for moves the system makes on behalf of an action it already checked
        (a forwarding batch moving its petitions); the move itself is still validated."""
        from .audit import audit_record

        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("Workflow.apply must run inside transaction.atomic")
        a = self.check(access, obj, action) if check else self._validate_only(obj, action)
        before = self.state_of(obj)
        setattr(obj, self.status_field, a.target)
        fields = [self.status_field, *also_save]
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            fields.append("updated_at")
        obj.save(update_fields=list(dict.fromkeys(fields)))
        audit_record(
            actor=actor,
            action=f"{self.label}.{a.name}",
            target=obj,
            province_code=province_code,
            summary=summary,
            changes={self.status_field: {"before": before, "after": a.target}, **(changes or {})},
        )
        return before

    def apply_many(
        self,
        *,
        actor: Any,
        access: Access,
        objs: Iterable[models.Model],
        action: str,
        summary: Callable[[Any], str] = lambda obj: "",
        province_code: str = "",
    ) -> int:
        """The same action on several records, all or nothing: every record is checked
        before any is written, so one refusal leaves them all as they were."""
        objs = list(objs)
        for obj in objs:
            self.check(access, obj, action)
        with transaction.atomic():
            for obj in objs:
                self.apply(
                    actor=actor,
                    access=access,
                    obj=obj,
                    action=action,
                    summary=summary(obj),
                    province_code=province_code,
                    check=False,
                )
        return len(objs)

    def _validate_only(self, obj: Any, name: str) -> Action:
        a = self.action(name)
        reason = self._state_reason(obj, a)
        if reason:
            raise Conflict(
                reason,
                code="invalid_transition",
                details={"from": self.state_of(obj), "action": name, "to": a.target},
            )
        return a

    def claim(self, queryset: models.QuerySet, action: str, **also: Any) -> int:
        """Compare-and-set for system records (an import job claimed by one worker): move every
        row of `queryset` still in a source state, setting `also` fields with it; returns how
        many moved. Not audited: the caller audits the work the claim starts or ends."""
        a = self.action(action)
        moved = queryset.filter(**{f"{self.status_field}__in": sorted(a.sources)})
        return moved.update(**{self.status_field: a.target, **also})
