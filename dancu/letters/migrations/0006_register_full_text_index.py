"""PostgreSQL only: the register's text filter becomes a full-text match over the folded
content and target (one GIN index) instead of two trigram LIKE scans.

Why: at a million letters the trigram LIKE '%xa so 7833%' costs ~15 ms per index (its common
trigrams have huge posting lists), and the planner misjudges its selectivity, so after ANALYZE
it sometimes walked the whole register in date order filtering every row (4 s). A tsquery has
real statistics (most common words) and GIN reads only the posting lists of the rare words.
"""

from django.db import migrations

from dancu.letters.search import FTS_DOCUMENT, FTS_STATISTICS

OLD = [
    ("letters_letter_content_trgm", "content_folded gin_trgm_ops"),
    ("letters_letter_target_trgm", "target_key gin_trgm_ops"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS letters_letter_fts ON letters_letter USING gin ({FTS_DOCUMENT})"
        )
        schema_editor.execute(
            f"ALTER INDEX letters_letter_fts ALTER COLUMN 1 SET STATISTICS {FTS_STATISTICS}"
        )
        for name, _expr in OLD:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS letters_letter_fts")
        for name, expr in OLD:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON letters_letter USING gin ({expr})")


class Migration(migrations.Migration):
    dependencies = [("letters", "0005_register_indexes")]
    operations = [migrations.RunPython(forwards, backwards)]
