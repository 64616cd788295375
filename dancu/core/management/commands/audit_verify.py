from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dancu.core.audit import Checkpoint, verify_chain, verify_checkpoint
from dancu.core.models import AuditEntry


class Command(BaseCommand):
    help = (
        "Verify the audit log's keyed hash chain; exits non-zero when any entry was altered, inserted "
        "or removed. With --checkpoint FILE, also checks every checkpoint in FILE (truncation since it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--checkpoint", metavar="FILE", help="a file of lines from audit_checkpoint")

    def handle(self, *args, **options):
        problems = list(verify_chain())
        if options["checkpoint"]:
            for line in Path(options["checkpoint"]).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    try:
                        point = Checkpoint.from_json(line)
                    except (ValueError, KeyError) as exc:
                        raise CommandError(f"Not a checkpoint line: {line[:80]!r}") from exc
                    problems.extend(verify_checkpoint(point))
        total = AuditEntry.objects.count()
        if problems:
            for p in problems[:50]:
                where = f"entry #{p.entry_id}" if p.entry_id else "chain"
                self.stderr.write(f"{where}: {p.problem}")
            raise CommandError(f"Audit log broken: {len(problems)} problem(s) in {total} entries.")
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {total} entries."))
