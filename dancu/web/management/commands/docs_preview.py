"""`manage.py docs_preview [DIR]`: every kind of document the modules generate, built from the
demo data, written to DIR (default var/previews) as .docx and page 1 as .png, with the
Decree-30 layout checked. `make docs-preview` runs it on a fresh demo database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dancu.accounts.models import User
from dancu.core.documents import first_page_png
from dancu.core.modules import hooks


class Command(BaseCommand):
    help = "Render page 1 of every generated document (from the demo data) to PNG, and check its layout."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default="var/previews")

    def handle(self, *args, **options):
        out = Path(options["directory"])
        out.mkdir(parents=True, exist_ok=True)
        user = User.objects.filter(is_national_admin=True).first()
        if user is None:
            raise CommandError("Load the demo first (manage.py load_demo).")
        failures = 0
        for manifest, samples in hooks("documents"):
            for sample in samples(user):
                (out / f"{sample.slug}.docx").write_bytes(sample.data)
                png = first_page_png(sample.data)
                if png is not None:
                    (out / f"{sample.slug}.png").write_bytes(png)
                problems = sample.problems()
                failures += bool(problems)
                state = "ok" if not problems else "; ".join(problems)
                self.stdout.write(
                    f"{manifest.name:10} {sample.slug:34} {'png' if png else 'no png':6} {state}"
                )
        if failures:
            raise CommandError(f"{failures} document(s) depart from the Decree-30 layout.")
