"""`manage.py backup FILE`: a consistent copy of the database (and uploaded files) while the app
runs. `manage.py restore FILE` loads one into an empty database. Keys are never in it."""

from pathlib import Path

from django.core.management.base import BaseCommand

from dancu.core.backup import backup


class Command(BaseCommand):
    help = "Back up the database to FILE (SQLite online backup or pg_dump), and MEDIA_ROOT to FILE.media/."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--no-media", action="store_true", help="do not copy uploaded files")

    def handle(self, *args, **options):
        target = backup(Path(options["file"]), media=not options["no_media"])
        self.stdout.write(self.style.SUCCESS(f"Backup written: {target} ({target.stat().st_size:,} bytes)"))
