"""python manage.py calendar_import FILE.ics --body <body id or code> [--as <username>]

The same import as the page: new UIDs added, known ones updated, STATUS:CANCELLED cancels.
Written as the user given with --as (an Office administrator of the body's province), or as
the system when omitted; audited either way."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from dancu.core.errors import ApplicationError
from dancu.directory.models import Body


class Command(BaseCommand):
    help = "Import an ICS file into a body's events of the calendar (by UID: no duplicates)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the .ics file")
        parser.add_argument("--body", required=True, help="the body's id, or its short name or name")
        parser.add_argument(
            "--as", dest="username", default="", help="username to import as (default: the system)"
        )

    def handle(self, *args, **options):
        from dancu.accounts.models import User
        from dancu.scheduling import services

        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        key = str(options["body"]).strip()
        bodies = Body.objects.filter(active_to__isnull=True)
        found = (
            list(bodies.filter(pk=int(key)))
            if key.isdigit()
            else list(bodies.filter(Q(short_name__iexact=key) | Q(name__iexact=key))[:2])
        )
        if len(found) != 1:
            raise CommandError(f"No single body matches {key!r}: give its id")
        body = found[0]
        actor = None
        if options["username"]:
            actor = User.objects.filter(username=options["username"], is_active=True).first()
            if actor is None:
                raise CommandError(f"No active user {options['username']!r}")
        try:
            result = services.ics_import(
                actor=actor, body=body, data=path.read_bytes(), name=path.name, system=actor is None
            )
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{body}: {result.summary()}")
        for problem in result.problems:
            self.stdout.write(f"  - {problem}")
