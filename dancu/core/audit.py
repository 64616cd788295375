"""Append-only audit log, chained by a keyed hash.

Services call `audit_record` inside their own transaction, so a change and its audit entry
commit or roll back together. Each entry's hash is an HMAC-SHA-256, under a key that is not in
the database (`settings.DANCU_AUDIT_KEY`), of its content and the previous entry's hash:
editing, inserting or deleting any row breaks the chain, and someone who can write the
database but does not hold the key cannot recompute it (`manage.py audit_verify` detects it).

Removing the newest entries and rewinding the head row leaves a shorter chain that is still
valid; `checkpoint()` gives a signed statement of the head (`manage.py audit_checkpoint`) that
an outside witness keeps, and `verify_checkpoint` detects any truncation since it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.utils import timezone

from .models import AuditEntry, AuditHead
from .paging import DataVersion

GENESIS = "0" * 64


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def _key() -> bytes:
    from django.conf import settings

    return str(settings.DANCU_AUDIT_KEY).encode("utf-8")


def _mac(raw: str) -> str:
    return hmac.new(_key(), raw.encode("utf-8"), hashlib.sha256).hexdigest()


def entry_digest(entry: AuditEntry) -> str:
    payload = [
        entry.prev_hash,
        entry.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        entry.actor_id,
        entry.actor_label,
        entry.action,
        entry.target_type,
        entry.target_id,
        entry.province_code,
        entry.summary,
        entry.changes,
    ]
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return _mac(raw)


def model_snapshot(instance: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of an instance, JSON-ready, for before/after records."""
    data = {}
    for field in instance._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in {"search_text", "password"}:
            continue
        data[field.attname] = getattr(instance, field.attname)
    return _jsonable(data)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    keys = set(before) | set(after)
    return {
        k: {"before": before.get(k), "after": after.get(k)}
        for k in sorted(keys)
        if before.get(k) != after.get(k)
    }


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    province_code: str = "",
    summary: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain. Must run inside the caller's transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must be called inside transaction.atomic")
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or str(target.pk)
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = AuditHead.objects.create(pk=1, last_hash=GENESIS, count=0)
    user = actor if getattr(actor, "pk", None) else None
    entry = AuditEntry(
        at=timezone.now(),
        actor=user,
        actor_label=(actor.get_username() if user else str(actor or "system"))[:200],
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        province_code=province_code or "",
        summary=str(summary)[:500],
        changes=_jsonable(changes or {}),
        prev_hash=head.last_hash,
    )
    entry.hash = entry_digest(entry)
    entry.save(force_insert=True)
    AuditHead.objects.filter(pk=1).update(last_hash=entry.hash, count=models.F("count") + 1)
    # Every write audits, so this is where a module's cached pages go stale: the data version
    # of the module the entry belongs to ("petitions.petition" -> "petitions").
    namespace = (target_type or action).split(".", 1)[0]
    if namespace:
        DataVersion(namespace).bump_now_and_on_commit()
    return entry


@dataclass
class ChainProblem:
    entry_id: int | None
    problem: str


def verify_chain(chunk_size: int = 5000) -> Iterator[ChainProblem]:
    """Yield every place where the chain does not hold; nothing when it is intact."""
    previous = GENESIS
    count = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=chunk_size):
        count += 1
        if entry.prev_hash != previous:
            yield ChainProblem(
                entry.id, "previous hash does not match: an entry before it was removed or altered"
            )
        if entry_digest(entry) != entry.hash:
            yield ChainProblem(entry.id, "content does not match its hash: the entry was altered")
        previous = entry.hash
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        if count:
            yield ChainProblem(None, "the chain head is missing")
        return
    if head.last_hash != previous or head.count != count:
        yield ChainProblem(
            None,
            f"the chain head expects {head.count} entries ending in {head.last_hash[:12]}…, found {count}",
        )


@dataclass(frozen=True)
class Checkpoint:
    """A signed statement "the chain had `count` entries, the last being `last_id` with hash
    `last_hash`", for a witness outside the database (a file, a printed report, an e-mail)."""

    at: str
    count: int
    last_id: int
    last_hash: str
    mac: str

    @staticmethod
    def _statement(count: int, last_id: int, last_hash: str, at: str) -> str:
        return f"dancu-audit-checkpoint|{at}|{count}|{last_id}|{last_hash}"

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> Checkpoint:
        data = json.loads(line)
        return cls(
            at=str(data["at"]),
            count=int(data["count"]),
            last_id=int(data["last_id"]),
            last_hash=str(data["last_hash"]),
            mac=str(data["mac"]),
        )

    def signature_ok(self) -> bool:
        expected = _mac(self._statement(self.count, self.last_id, self.last_hash, self.at))
        return hmac.compare_digest(expected, self.mac)


def checkpoint() -> Checkpoint:
    """The signed head of the chain now."""
    last = AuditEntry.objects.order_by("-id").only("id", "hash").first()
    count = AuditEntry.objects.count()
    last_id, last_hash = (last.id, last.hash) if last else (0, GENESIS)
    at = timezone.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Checkpoint(
        at, count, last_id, last_hash, _mac(Checkpoint._statement(count, last_id, last_hash, at))
    )


def verify_checkpoint(point: Checkpoint) -> Iterator[ChainProblem]:
    """Problems between a checkpoint and the database: a forged checkpoint, or a chain that no
    longer holds what it held then (entries removed, the last one changed)."""
    if not point.signature_ok():
        yield ChainProblem(None, "the checkpoint's signature does not match: it was not made with this key")
        return
    if point.last_id == 0:
        return
    entry = AuditEntry.objects.filter(pk=point.last_id).only("hash").first()
    if entry is None:
        yield ChainProblem(
            point.last_id,
            f"entry #{point.last_id} of the checkpoint of {point.at} is gone: the log was truncated",
        )
    elif entry.hash != point.last_hash:
        yield ChainProblem(point.last_id, f"entry #{point.last_id} differs from the checkpoint of {point.at}")
    held = AuditEntry.objects.filter(pk__lte=point.last_id).count()
    if held != point.count:
        yield ChainProblem(
            None,
            f"the checkpoint of {point.at} counted {point.count} entries up to #{point.last_id}, the log has {held}",
        )
