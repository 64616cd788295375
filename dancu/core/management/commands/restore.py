from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dancu.core.backup import restore
from dancu.core.models import AuditEntry


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an EMPTY database (migrate nothing first)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        source = Path(options["file"])
        if not source.is_file():
            raise CommandError(f"No such backup: {source}")
        restore(source)
        self.stdout.write(
            self.style.SUCCESS(f"Restored {AuditEntry.objects.count():,} audit entries; run audit_verify.")
        )
