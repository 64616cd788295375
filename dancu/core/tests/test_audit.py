import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from dancu.core.audit import audit_record, verify_chain
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


def _write(n=3):
    for i in range(n):
        with transaction.atomic():
            audit_record(actor=None, action="test.write", target_type="x", target_id=str(i), summary=f"Việc {i}",
                         changes={"after": {"tên": f"Nguyễn {i}"}})


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
