"""Build and persist the suggestion index of one or more provinces (or of every province).

    python manage.py petitions_suggest_index --province 42 [--province 40 ...]
    python manage.py petitions_suggest_index --all [--min-petitions 20000]

The web workers load the file once and keep it current with the petitions created or edited
since the build (`selectors.suggest`), so nobody waits for a build on the request path. Rebuild
it after large imports or consolidation rounds (a Celery beat or cron job nightly).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count


class Command(BaseCommand):
    help = "Build the persisted suggestion index of provinces (files under VAR_DIR)."

    def add_arguments(self, parser):
        parser.add_argument("--province", type=int, action="append", default=[], help="province unit id")
        parser.add_argument("--all", action="store_true", help="every province holding petitions")
        parser.add_argument("--min-petitions", type=int, default=0, help="with --all: only provinces above this")

    def handle(self, *args, **options):
        from dancu.directory.models import AdministrativeUnit
        from dancu.petitions import selectors
        from dancu.petitions.models import Petition

        provinces = list(options["province"])
        if options["all"]:
            counts = Petition.objects.values("province_id").annotate(n=Count("id")).order_by("province_id")
            provinces += [c["province_id"] for c in counts if c["n"] > options["min_petitions"]]
        if not provinces:
            raise CommandError("give --province ID (repeatable) or --all")
        known = set(AdministrativeUnit.objects.filter(pk__in=provinces).values_list("pk", flat=True))
        missing = sorted(set(provinces) - known)
        if missing:
            raise CommandError(f"unknown province id(s): {missing}")
        for province_id in sorted(set(provinces)):
            stats = selectors.write_suggest_index(province_id)
            self.stdout.write(
                f"province {stats['province']}: {stats['petitions']} petitions indexed in {stats['seconds']} s "
                f"-> {selectors.suggest_index_file(province_id)}"
            )
