from django.core.management.base import BaseCommand

from dancu.core.holidays import propose_days_in_lieu, propose_statutory_days
from dancu.core.models import Holiday


class Command(BaseCommand):
    help = "Print a year's statutory holidays and days off in lieu, beside what the calendar holds."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)

    def handle(self, *args, year, **options):
        stored = {h.date: h for h in Holiday.objects.filter(date__year=year)}
        for day, name in propose_statutory_days(year) + propose_days_in_lieu(year):
            mark = "ok " if day in stored else "NEW"
            self.stdout.write(f"{mark} {day:%d/%m/%Y} {day:%a} {name}")
