"""Group, classify and link voter opinions from a JSON-lines file, without the database.

    python manage.py petitions_consolidate INPUT.jsonl --output OUT.jsonl

Input lines: {"id": "...", "text": "...", "area": "..."} (area optional). Output lines:
{"id", "cluster", "field", "level", "similar": [up to 5 other ids, most similar first]}
plus the confidences ("cluster_confidence", "field_confidence", "level_confidence").
"""

from __future__ import annotations

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Consolidate voter opinions from a JSON-lines file (no database access)."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("input")
        parser.add_argument("--output", "-o", default="-")
        parser.add_argument("--threshold", type=float, default=None)

    def handle(self, *args, **options):
        from dancu.petitions import engine

        items: list[dict] = []
        seen: set[str] = set()
        try:
            with open(options["input"], encoding="utf-8") as fh:
                for number, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise CommandError(f"line {number}: invalid JSON ({exc.msg})") from exc
                    if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
                        raise CommandError(f"line {number}: expected an object with 'id' and 'text'")
                    key = str(row["id"])
                    if key in seen:
                        raise CommandError(f"line {number}: duplicate id {key!r}")
                    seen.add(key)
                    items.append({"id": key, "text": row["text"], "area": row.get("area") or ""})
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        started = time.perf_counter()
        kwargs = {"threshold": options["threshold"]} if options["threshold"] is not None else {}
        results = engine.consolidate(items, **kwargs)
        out = sys.stdout if options["output"] == "-" else open(options["output"], "w", encoding="utf-8")  # noqa: SIM115
        try:
            for r in results:
                record = {
                    "id": r.id,
                    "cluster": r.cluster,
                    "field": r.field,
                    "level": r.level,
                    "similar": r.similar,
                    "cluster_confidence": r.cluster_confidence,
                    "field_confidence": r.field_confidence,
                    "level_confidence": r.level_confidence,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
        took = time.perf_counter() - started
        clusters = len({r.cluster for r in results})
        self.stderr.write(f"{len(results)} opinions, {clusters} groups, {took:.1f} s")
