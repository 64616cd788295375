"""Check every stored submission file as an upload is checked today (core.files.check_file):
files uploaded before issue 10 may be pages, scripts or too large. Lists them; `--remove`
removes them (audited). They are never served inline in any case (downloads are attachments
through permission-checked views)."""

from django.core.management.base import BaseCommand

from dancu.council import services
from dancu.council.models import SubmissionFile


class Command(BaseCommand):
    help = "List stored council submission files that would be refused today; --remove removes them."

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true", help="remove the refused files (audited)")

    def handle(self, *args, remove=False, **options):
        refused = 0
        for item in SubmissionFile.objects.select_related("submission").order_by("pk").iterator():
            problem = services.submission_file_problem(item)
            if not problem:
                continue
            refused += 1
            self.stdout.write(f"{item.submission_id} v{item.version} {item.file.name}: {problem}")
            if remove:
                services.submission_file_remove_refused(item=item, reason=problem)
        verb = "removed" if remove else "refused"
        self.stdout.write(f"{refused} file(s) {verb}.")
