import datetime

from django.core.management.base import BaseCommand, CommandError

from dancu.core.errors import ApplicationError
from dancu.letters.models import LetterKind
from dancu.letters.rules import compute_deadlines


class Command(BaseCommand):
    help = "Print every deadline the rule set in force gives a letter (name: YYYY-MM-DD)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=LetterKind.values)
        parser.add_argument("--received", required=True, help="YYYY-MM-DD")
        parser.add_argument("--remote", action="store_true")
        parser.add_argument("--complex", action="store_true")
        parser.add_argument("--extensions", type=int, default=0)

    def handle(self, *args, **options):
        try:
            received = datetime.date.fromisoformat(options["received"])
        except ValueError as exc:
            raise CommandError("--received must be YYYY-MM-DD") from exc
        try:
            deadlines = compute_deadlines(
                kind=options["kind"],
                received=received,
                remote=options["remote"],
                complex_case=options["complex"],
                extensions=options["extensions"],
            )
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        for name, day in deadlines.items():
            self.stdout.write(f"{name}: {day.isoformat()}")
