"""`manage.py supervision_overlaps IN.jsonl --output OUT.jsonl`: the overlap engine in batch.

Input lines: {"id", "group", "body", "kind", "topic", "content", "agencies": [...], "places": [...],
"start", "end"}; output lines {"a", "b", "score", "reasons": [...]} for the pairs the engine
considers overlapping, within each group, best first. Uses no database.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from dancu.supervision.overlaps import (
    MAX_GAP_DAYS,
    SUBJECT_THRESHOLD,
    Engine,
    items_from_records,
    overlaps_by_group,
)


class Command(BaseCommand):
    help = "Find overlapping supervision activities in a JSONL file (no database)."
    requires_system_checks: list[str] = []  # no database, no checks that could query one
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("input", help="JSONL file of activities ('-' for standard input)")
        parser.add_argument(
            "--output", "-o", default="-", help="JSONL file of overlapping pairs (default: stdout)"
        )
        parser.add_argument(
            "--threshold", type=float, default=SUBJECT_THRESHOLD, help="subject similarity needed"
        )
        parser.add_argument(
            "--max-gap-days", type=int, default=MAX_GAP_DAYS, help="days allowed between periods"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        records = self._read(options["input"])
        try:
            items = items_from_records(records)
        except (KeyError, ValueError, TypeError) as exc:  # pragma: no cover - checked line by line in _read
            raise CommandError(f"bad input: {exc}") from exc
        engine = Engine(subject_threshold=options["threshold"], max_gap_days=options["max_gap_days"])
        pairs = overlaps_by_group(items, engine)
        out = sys.stdout if options["output"] == "-" else open(options["output"], "w", encoding="utf-8")  # noqa: SIM115 - closed below
        try:
            for pair in pairs:
                out.write(json.dumps(pair.as_dict(), ensure_ascii=False) + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
        self.stderr.write(f"{len(items)} activities, {len(pairs)} overlapping pairs")

    def _read(self, path: str) -> list[dict[str, Any]]:
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed by `with`
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        records: list[dict[str, Any]] = []
        seen: set[tuple[Any, Any]] = set()
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CommandError(f"line {number}: not JSON ({exc.msg})") from exc
                if not isinstance(record, dict) or "id" not in record:
                    raise CommandError(f'line {number}: an object with an "id" is required')
                for key in ("agencies", "places"):
                    if record.get(key) is not None and not isinstance(record[key], list):
                        raise CommandError(f'line {number}: "{key}" must be a list')
                try:
                    items_from_records([record])
                except (ValueError, TypeError) as exc:
                    raise CommandError(f"line {number}: {exc}") from exc
                pair = (record.get("group", ""), record["id"])
                if pair in seen:
                    raise CommandError(f"line {number}: duplicate id {record['id']!r} in group {pair[0]!r}")
                seen.add(pair)
                records.append(record)
        return records
