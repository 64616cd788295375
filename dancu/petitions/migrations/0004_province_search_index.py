"""PostgreSQL: a trigram index per province (btree_gin), so a text search on a province's
petitions no longer visits every province's matches (see docs/performance-petitions.md)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS petitions_petition_province_trgm "
        "ON petitions_petition USING gin (province_id, search_text gin_trgm_ops)"
    )
    # A GIN index serves any subset of its columns: the single-column one is now redundant, and
    # the planner preferred it (visiting every province's matches).
    schema_editor.execute("DROP INDEX IF EXISTS petitions_petition_search_text_trgm")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS petitions_petition_search_text_trgm "
            "ON petitions_petition USING gin (search_text gin_trgm_ops)"
        )
        schema_editor.execute("DROP INDEX IF EXISTS petitions_petition_province_trgm")


class Migration(migrations.Migration):
    dependencies = [("petitions", "0003_petition_province_recent")]

    operations = [migrations.RunPython(forwards, backwards)]
