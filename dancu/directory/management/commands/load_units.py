"""`manage.py load_units [--province CODE ...]`: load administrative units and their successions."""

from django.core.management.base import BaseCommand

from dancu.directory.units_loader import load_units


class Command(BaseCommand):
    help = "Load provinces, districts and communes before and after 1 July 2025, and which merged into which."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="CODE",
            help="Only this province (official code, e.g. 42); repeat for several. Default: the whole country.",
        )

    def handle(self, *args, provinces=None, **options):
        load_units(provinces or None, stdout=self.stdout)
