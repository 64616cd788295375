"""Append-only audit log, chained by hash.

Services call `audit_record` inside their own transaction, so a change and its audit entry
commit or roll back together. Each entry's hash covers its content and the previous entry's
hash: editing or deleting any row breaks the chain, which `manage.py audit_verify` detects.
"""

from __future__ import annotations

import hashlib
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
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


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
    return {k: {"before": before.get(k), "after": after.get(k)} for k in sorted(keys) if before.get(k) != after.get(k)}


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
            yield ChainProblem(entry.id, "previous hash does not match: an entry before it was removed or altered")
        if entry_digest(entry) != entry.hash:
            yield ChainProblem(entry.id, "content does not match its hash: the entry was altered")
        previous = entry.hash
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        if count:
            yield ChainProblem(None, "the chain head is missing")
        return
    if head.last_hash != previous or head.count != count:
        yield ChainProblem(None, f"the chain head expects {head.count} entries ending in {head.last_hash[:12]}…, found {count}")
