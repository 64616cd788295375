"""`python manage.py consultations_parse FILE.docx [--output OUT.json]`: a draft law's outline.

Needs no database (DATABASE_URL may point nowhere): it reads the file, runs the same parser the
draft pages use (dancu.consultations.outline) and writes the outline as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dancu.consultations.outline import counts, parse_file


class Command(BaseCommand):
    help = "Parse a draft law (.docx, .pdf or its plain text) into Phần/Chương/Mục/Điều/Khoản/Điểm as JSON."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="the draft: .docx, .pdf (needs pdftotext) or UTF-8 text")
        parser.add_argument("--output", "-o", help="write the JSON here instead of standard output")
        parser.add_argument("--summary", action="store_true", help="also print the counts on standard error")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        try:
            outline = parse_file(path.name, data)
        except Exception as error:  # a broken .docx (not a zip, bad XML) is the user's input
            raise CommandError(f"cannot parse {path}: {error}") from error
        text = json.dumps(outline, ensure_ascii=False, indent=1)
        if options["output"]:
            Path(options["output"]).write_text(text + "\n", encoding="utf-8")
        else:
            self.stdout.write(text)
        if options["summary"] or options["output"]:
            c = counts(outline)
            self.stderr.write(
                f"{path.name}: {c['articles']} articles, {c['clauses']} clauses, {c['points']} points"
            )
