import datetime

from django.db import migrations

from dancu.core.search import InstallPostgresExtensions


class AuditAppendOnlyGuard(migrations.operations.base.Operation):
    """Refuse changes to audit rows in the database itself (defence in depth: whoever can drop
    the guard can still alter rows, and then `audit_verify` shows it).

    PostgreSQL refuses UPDATE and DELETE (TRUNCATE, a maintenance privilege, stays possible).
    SQLite refuses UPDATE only: it empties tables with DELETE, which test isolation and
    `flush` need; a deleted row still breaks the chain."""

    reduces_to_sql = True
    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            schema_editor.execute(
                "CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
                "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END"
            )
        elif vendor == "postgresql":
            schema_editor.execute(
                "CREATE OR REPLACE FUNCTION core_audit_append_only() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql"
            )
            schema_editor.execute(
                "CREATE TRIGGER core_auditentry_append_only BEFORE UPDATE OR DELETE ON core_auditentry "
                "FOR EACH ROW EXECUTE FUNCTION core_audit_append_only()"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            schema_editor.execute("DROP TRIGGER IF EXISTS core_auditentry_no_update")
        elif vendor == "postgresql":
            schema_editor.execute("DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry")

    def describe(self):
        return "Append-only guard on core_auditentry"


def seed_holidays(apps, schema_editor):
    from dancu.core.data.holidays import HOLIDAYS

    Holiday = apps.get_model("core", "Holiday")
    for day, kind, name, source in HOLIDAYS:
        Holiday.objects.update_or_create(
            date=datetime.date.fromisoformat(day), defaults={"kind": kind, "name": name, "source": source}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        InstallPostgresExtensions(),
        AuditAppendOnlyGuard(),
        migrations.RunPython(seed_holidays, migrations.RunPython.noop),
    ]
