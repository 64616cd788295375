from django.core.management.base import BaseCommand, CommandError

from dancu.core.audit import verify_chain
from dancu.core.models import AuditEntry


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; exits non-zero when any entry was altered or removed."

    def handle(self, *args, **options):
        problems = list(verify_chain())
        total = AuditEntry.objects.count()
        if problems:
            for p in problems[:50]:
                where = f"entry #{p.entry_id}" if p.entry_id else "chain"
                self.stderr.write(f"{where}: {p.problem}")
            raise CommandError(f"Audit log broken: {len(problems)} problem(s) in {total} entries.")
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {total} entries."))
