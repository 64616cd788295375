"""PostgreSQL only: a trigram index on the folded content, so that the register's text filter
(`content_folded LIKE '%…%'`) does not scan every letter. SQLite needs none at its scale."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS letters_letter_content_trgm ON letters_letter USING gin (content_folded gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS letters_letter_content_trgm")


class Migration(migrations.Migration):
    dependencies = [("letters", "0002_seed_rule_sets")]
    operations = [migrations.RunPython(forwards, backwards)]
