"""`manage.py load_demo`: demo bodies, people and one login per role (Hà Tĩnh, and Nghệ An for scoping)."""

from django.core.management.base import BaseCommand

from dancu.web.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo province Hà Tĩnh (and a little of Nghệ An) with one user per role. Safe to run again."
    )

    def handle(self, *args, **options):
        load_demo(stdout=self.stdout)
