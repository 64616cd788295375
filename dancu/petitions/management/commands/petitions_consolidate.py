"""Group, classify and link voter opinions from a JSON-lines file, without the database.

    python manage.py petitions_consolidate INPUT.jsonl --output OUT.jsonl

Input lines: {"id": "...", "text": "...", "area": "..."} (area optional). Output lines:
{"id", "cluster", "field", "level", "similar": [up to 5 other ids, most likely first]}
plus the confidences ("cluster_confidence", "field_confidence", "level_confidence") and the
"reasons" of the grouping (shared entities and words, conflicting sites). The work is done by
`dancu.petitions.engine_batch.run`, the same engine as the consolidation screen.
"""

from __future__ import annotations

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
        from dancu.petitions import engine_batch

        try:
            stats = engine_batch.run(options["input"], options["output"], threshold=options["threshold"])
        except engine_batch.BatchError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(f"{stats['opinions']} opinions, {stats['groups']} groups, {stats['seconds']:.1f} s")
