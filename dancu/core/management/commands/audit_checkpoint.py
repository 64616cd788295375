"""`manage.py audit_checkpoint [--append FILE]`: print (and append) the signed head of the audit
chain, for a witness outside the database; `audit_verify --checkpoint FILE` checks against it."""

from pathlib import Path

from django.core.management.base import BaseCommand

from dancu.core.audit import checkpoint


class Command(BaseCommand):
    help = "Print the signed head of the audit chain (one JSON line); --append FILE also appends it."

    def add_arguments(self, parser):
        parser.add_argument("--append", metavar="FILE", help="append the checkpoint line to FILE")

    def handle(self, *args, **options):
        line = checkpoint().to_json()
        if options["append"]:
            with Path(options["append"]).open("a", encoding="utf-8") as f:
                f.write(line + "\n")
        self.stdout.write(line)
