"""Duplicates among the letters of a JSON Lines file, with the engine of the intake check.

    python manage.py letters_duplicates IN.jsonl --output OUT.jsonl

Input lines: {"id", "name", "id_number", "phone", "address", "target", "content", "kind",
"received", "body"} (any may be empty or missing but "id"). Output lines, in input order:
{"id", "duplicates": [{"id", "same_person", "same_content", "score"}]}, best first.

No database is used. The keyed hashes are made with a key drawn at random for this run (they
never leave the process), so the command needs no seal key either.
"""

from __future__ import annotations

import json
import secrets
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from dancu.letters.matching.batch import find_duplicates


def read_records(lines: Any, source: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{source}:{number}: not a JSON line ({exc.msg}).") from exc
        if not isinstance(record, dict):
            raise CommandError(f"{source}:{number}: a line must be a JSON object.")
        if record.get("id") in (None, ""):
            raise CommandError(f'{source}:{number}: "id" is missing.')
        key = json.dumps(record["id"])
        if key in seen:
            raise CommandError(f"{source}:{number}: the id {record['id']!r} appears twice.")
        seen.add(key)
        records.append(record)
    return records


class Command(BaseCommand):
    help = "Find the duplicates among the letters of a JSON Lines file (no database needed)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("input", help="letters, one JSON object a line ('-' for standard input)")
        parser.add_argument(
            "--output", required=True, help="where to write the results ('-' for standard output)"
        )

    def handle(self, *args, **options):
        source = options["input"]
        try:
            if source == "-":
                records = read_records(sys.stdin, "<stdin>")
            else:
                with Path(source).open(encoding="utf-8") as f:
                    records = read_records(f, source)
        except OSError as exc:
            raise CommandError(f"{source}: {exc.strerror}.") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{source}: not UTF-8 text.") from exc
        results = find_duplicates(records, secret=secrets.token_bytes(32))
        lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in results]
        if options["output"] == "-":
            self.stdout.write("".join(lines), ending="")
        else:
            try:
                with Path(options["output"]).open("w", encoding="utf-8") as f:
                    f.writelines(lines)
            except OSError as exc:
                raise CommandError(f"{options['output']}: {exc.strerror}.") from exc
        found = sum(1 for row in results if row["duplicates"])
        self.stderr.write(f"{len(records)} letters, {found} with duplicates.")
