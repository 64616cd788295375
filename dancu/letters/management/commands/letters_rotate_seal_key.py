"""Re-seal every sealed identity, visit and attachment with a new seal key, in batches.

    DANCU_SEAL_KEY_OLD=<key in use> DANCU_SEAL_KEY=<new key> python manage.py letters_rotate_seal_key

Resumable: stop it at any time and run it again; each batch is one transaction and one audit
entry (`letters.seal_key_rotate`). When it says nothing is left, remove DANCU_SEAL_KEY_OLD.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from dancu.letters.rotation import ATTACHMENT_BATCH_SIZE, BATCH_SIZE, rotate_seal_key


class Command(BaseCommand):
    help = "Re-seal the letters' sealed data with DANCU_SEAL_KEY (the old key in DANCU_SEAL_KEY_OLD)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="rows per batch")
        parser.add_argument(
            "--attachment-batch-size", type=int, default=ATTACHMENT_BATCH_SIZE, help="files per batch"
        )
        parser.add_argument("--max-batches", type=int, default=None, help="stop after this many batches")

    def handle(self, *args, **options):
        done = rotate_seal_key(
            batch_size=max(1, options["batch_size"]),
            attachment_batch_size=max(1, options["attachment_batch_size"]),
            max_batches=options["max_batches"],
            report=lambda line: self.stdout.write(line),
        )
        left = done.pop("left")
        summary = ", ".join(f"{label}: {n}" for label, n in done.items())
        self.stdout.write(f"Re-sealed {summary}. Left: {left}.")
        if left == 0:
            self.stdout.write("Done: every sealed row uses the new key. Remove DANCU_SEAL_KEY_OLD.")
