"""Check every stored answer attachment as an upload is checked today (core.files.check_file:
PDF, DOCX, JPEG, PNG; no web page, script or polyglot; 10 MB): attachments stored before issue
10 may be pages or scripts. Lists them; `--remove` removes them (audited; the answer's text
stays). They are never served inline in any case: downloads are attachments through
permission-checked views."""

from django.core.management.base import BaseCommand

from dancu.petitions import services
from dancu.petitions.models import Answer


class Command(BaseCommand):
    help = "List stored answer attachments that would be refused today; --remove removes them."

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true", help="remove the refused files (audited)")

    def handle(self, *args, remove=False, **options):
        refused = 0
        answers = Answer.objects.exclude(file="").select_related("petition__province").order_by("pk")
        for answer in answers.iterator():
            problem = services.answer_file_problem(answer)
            if not problem:
                continue
            refused += 1
            self.stdout.write(f"{answer.petition.code} #{answer.pk} {answer.file.name}: {problem}")
            if remove:
                services.answer_file_remove_refused(answer=answer, reason=problem)
        verb = "removed" if remove else "refused"
        self.stdout.write(f"{refused} file(s) {verb}.")
