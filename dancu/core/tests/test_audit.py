import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from dancu.core.audit import audit_record, verify_chain
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


def _write(n=3):
    for i in range(n):
        with transaction.atomic():
            audit_record(
                actor=None,
                action="test.write",
                target_type="x",
                target_id=str(i),
                summary=f"Việc {i}",
                changes={"after": {"tên": f"Nguyễn {i}"}},
            )


def _drop_guard():
    """What a database administrator could do; the chain must still reveal the change."""
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("DROP TRIGGER IF EXISTS core_auditentry_no_update")
        else:
            cur.execute("DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry")


def _restore_guard():
    from importlib import import_module

    migration = import_module("dancu.core.migrations.0002_extensions_audit_guard_holidays")
    with connection.schema_editor() as editor:
        migration.AuditAppendOnlyGuard().database_forwards("core", editor, None, None)


def test_intact_chain_verifies(capsys):
    _write()
    assert list(verify_chain()) == []
    call_command("audit_verify")
    assert "3 entries" in capsys.readouterr().out


def test_audit_record_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        audit_record(actor=None, action="x")


def test_database_refuses_update_and_delete():
    _write(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
        cur.execute("UPDATE core_auditentry SET summary = 'sửa'")
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute("DELETE FROM core_auditentry")
    with pytest.raises(RuntimeError):
        AuditEntry.objects.first().save()


def test_changed_row_is_detected():
    _write()
    _drop_guard()
    try:
        middle = AuditEntry.objects.order_by("id")[1]
        with connection.cursor() as cur:
            cur.execute("UPDATE core_auditentry SET summary = %s WHERE id = %s", ["đã sửa", middle.id])
        problems = list(verify_chain())
        assert [p.entry_id for p in problems] == [middle.id]
        with pytest.raises(CommandError):
            call_command("audit_verify")
    finally:
        _restore_guard()


@pytest.mark.parametrize("which", ["first", "last"])
def test_removed_row_is_detected(which):
    _write()
    _drop_guard()
    try:
        entry = AuditEntry.objects.order_by("id" if which == "first" else "-id").first()
        with connection.cursor() as cur:
            cur.execute("DELETE FROM core_auditentry WHERE id = %s", [entry.id])
        assert list(verify_chain())
        with pytest.raises(CommandError):
            call_command("audit_verify")
    finally:
        _restore_guard()


def _rewrite_as_attacker(entry_id, summary):
    """Someone with the database but not the key changes an entry and recomputes its hash the
    way the unkeyed chain was made (SHA-256 of the same payload), then rewinds the head."""
    import hashlib
    import json
    from datetime import UTC

    from dancu.core.models import AuditHead

    e = AuditEntry.objects.get(pk=entry_id)
    payload = [
        e.prev_hash,
        e.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        e.actor_id,
        e.actor_label,
        e.action,
        e.target_type,
        e.target_id,
        e.province_code,
        summary,
        e.changes,
    ]
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    forged = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    with connection.cursor() as cur:
        cur.execute(
            "UPDATE core_auditentry SET summary = %s, hash = %s WHERE id = %s", [summary, forged, entry_id]
        )
    AuditHead.objects.filter(pk=1).update(last_hash=forged)


def test_chain_is_keyed_a_rewrite_without_the_key_is_detected(settings):
    _write(2)
    _drop_guard()
    try:
        last = AuditEntry.objects.order_by("-id").first()
        _rewrite_as_attacker(last.id, "không có gì")
        assert [p.entry_id for p in verify_chain()] == [last.id]
    finally:
        _restore_guard()
    # The same chain checked with another key fails everywhere: the key is what the hash proves.
    settings.DANCU_AUDIT_KEY = "another key"
    assert len(list(verify_chain())) >= 2


def test_truncation_and_rewound_head_are_caught_by_a_checkpoint(tmp_path, capsys):
    from dancu.core.audit import Checkpoint, checkpoint, verify_checkpoint
    from dancu.core.models import AuditHead

    _write(3)
    witness = tmp_path / "checkpoints.txt"
    call_command("audit_checkpoint", append=str(witness))
    point = Checkpoint.from_json(witness.read_text().strip())
    assert point.count == 3 and point.signature_ok()
    call_command("audit_verify", checkpoint=str(witness))
    _drop_guard()
    try:
        newest, before = AuditEntry.objects.order_by("-id")[:2]
        with connection.cursor() as cur:
            cur.execute("DELETE FROM core_auditentry WHERE id = %s", [newest.id])
        AuditHead.objects.filter(pk=1).update(last_hash=before.hash, count=2)
        assert list(verify_chain()) == []  # the chain alone cannot tell
        assert list(verify_checkpoint(point))  # the witness can
        with pytest.raises(CommandError):
            call_command("audit_verify", checkpoint=str(witness))
    finally:
        _restore_guard()
    forged = Checkpoint(point.at, 2, before.id, before.hash, point.mac)
    assert not forged.signature_ok()
    assert "signature" in next(iter(verify_checkpoint(forged))).problem
    assert checkpoint().signature_ok()
