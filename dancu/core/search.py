"""Vietnamese-aware search over a folded text column, on SQLite and PostgreSQL.

Models keep `search_text` (see SearchableModel): the folded words of their searchable fields,
with a leading space. A query is folded the same way; its words must match the starts of
consecutive words of the record, in order ("nguyen van" finds "Nguyễn Văn An" but not "Trần
Văn Nguyên"; "dang" finds "Đặng Thị Hoa"; "ng va" finds "Nguyễn Văn An").

- SQLite: an FTS5 index over the folded column (external content, kept by triggers), queried
  with a sequence of prefix terms ("nguyen"* + "van"*).
- PostgreSQL: a trigram GIN index over the folded column, queried with a regular expression
  (which the index serves); the extensions unaccent and pg_trgm are installed by core's
  migrations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.migrations.operations.base import Operation
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from .text import search_tokens


def fts_table_name(table: str) -> str:
    return f"{table}_fts"


def search_queryset(queryset: QuerySet, query: str | None) -> QuerySet:
    """Filter `queryset` (of a SearchableModel) to the records matching every word of `query`."""
    tokens = search_tokens(query)
    if not tokens:
        return queryset
    model = queryset.model
    if connection.vendor == "sqlite":
        table = fts_table_name(model._meta.db_table)
        expression = " + ".join(f'"{t}"*' for t in tokens)
        # Table names come from model metadata, never from user input; the query is a parameter.
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH %s"  # noqa: S608
        return queryset.filter(pk__in=RawSQL(sql, [expression]))  # noqa: S611
    # Each word as LIKE '% word%' (cheap, served by the trigram index); the order of several
    # words is then checked with a regular expression on the rows left. Tokens are [0-9a-z]+
    # (search_tokens), so they are safe inside the pattern.
    for token in tokens:
        queryset = queryset.filter(search_text__contains=f" {token}")
    if len(tokens) > 1:
        queryset = queryset.filter(search_text__regex=" " + "[0-9a-z]* ".join(tokens))
    return queryset


class CreateSearchIndex(Operation):
    """Migration operation: the search index of one table, in the form its database needs."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, table: str, column: str = "search_text") -> None:
        self.table = table
        self.column = column

    def state_forwards(self, app_label, state):
        pass

    def _sqlite_statements(self) -> list[str]:
        # Identifiers come from migrations, never from users.
        t, c, f = self.table, self.column, fts_table_name(self.table)
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {f} USING fts5({c}, content='{t}', content_rowid='id', tokenize='unicode61')",
            f"CREATE TRIGGER IF NOT EXISTS {f}_ai AFTER INSERT ON {t} BEGIN "
            f"INSERT INTO {f}(rowid, {c}) VALUES (new.id, new.{c}); END",  # noqa: S608
            f"CREATE TRIGGER IF NOT EXISTS {f}_ad AFTER DELETE ON {t} BEGIN "
            f"INSERT INTO {f}({f}, rowid, {c}) VALUES ('delete', old.id, old.{c}); END",  # noqa: S608
            f"CREATE TRIGGER IF NOT EXISTS {f}_au AFTER UPDATE OF {c} ON {t} BEGIN "
            f"INSERT INTO {f}({f}, rowid, {c}) VALUES ('delete', old.id, old.{c}); "
            f"INSERT INTO {f}(rowid, {c}) VALUES (new.id, new.{c}); END",  # noqa: S608
            f"INSERT INTO {f}({f}) VALUES ('rebuild')",  # noqa: S608
        ]

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            for sql in self._sqlite_statements():
                schema_editor.execute(sql)
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {self.table}_{self.column}_trgm "
                f"ON {self.table} USING gin ({self.column} gin_trgm_ops)"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        vendor = schema_editor.connection.vendor
        f = fts_table_name(self.table)
        if vendor == "sqlite":
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {f}_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {f}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {self.table}_{self.column}_trgm")

    def describe(self):
        return f"Create the folded-text search index of {self.table}"


class InstallPostgresExtensions(Operation):
    """unaccent and pg_trgm on PostgreSQL; nothing elsewhere."""

    reduces_to_sql = True
    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return "Install unaccent and pg_trgm on PostgreSQL"


@dataclass(frozen=True)
class SearchHit:
    label: str
    url: str
    detail: str = ""
    badge: str = ""


@dataclass(frozen=True)
class SearchGroup:
    """One kind of result of the global search (a module's manifest `search` hook returns
    these, already scoped to the user)."""

    key: str
    label: str
    hits: list[SearchHit] = field(default_factory=list)
