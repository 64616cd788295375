"""Issue 10, finding 4: submission files are checked by content on the way in (PDF, DOCX,
XLSX; size bound; pages, scripts and polyglots refused), stored under a safe name, and served
only as attachments through permission-checked views (staff: `council.view` in the province;
public: only files of sessions out of planning)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from dancu.core.files import FileRejected
from dancu.core.models import AuditEntry
from dancu.council import services
from dancu.council.models import Submission, SubmissionFile
from dancu.council.tests.factories import PDF_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

NOTE = "Bản sửa theo ý kiến thẩm tra"  # typed by the user: kept when the file is refused
REFUSED = {
    "x.js": b"fetch('/api/v1/me').then(r => r.text()).then(alert)",
    "p.html": b"<html><body><script>alert(document.cookie)</script></body></html>",
    "p.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
    "renamed.pdf": b"<html>not a pdf</html>",
    "polyglot.pdf": PDF_BYTES + b"<html><body><script>alert(1)</script>",
    "photo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,  # an image: not a document of a session
    "fake.docx": b"PK\x03\x04 not a zip",
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _xlsx() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def _stored(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_kinds_show_the_message_on_the_form_with_the_input_kept(client, world, draft, media, name):
    client.force_login(world["admin"])
    audits = AuditEntry.objects.count()
    response = client.post(
        reverse("council:file_add", args=[draft.pk]),
        {"file": SimpleUploadedFile(name, REFUSED[name]), "note": NOTE},
    )
    assert response.status_code == 400
    form = response.context["file_form"]
    assert form.errors["file"], form.errors  # next to the field, not an error page
    page = response.content.decode()
    assert f'value="{NOTE}"' in page and '<details class="mb-3" open>' in page
    assert not SubmissionFile.objects.exists() and AuditEntry.objects.count() == audits
    assert _stored(media) == []
    draft.refresh_from_db()
    assert draft.received_on is None


def test_a_25_mb_upload_is_refused(client, world, draft, media):
    client.force_login(world["admin"])
    big = SimpleUploadedFile("du-thao-lon.pdf", PDF_BYTES + b"0" * (25 * 1024 * 1024))
    response = client.post(reverse("council:file_add", args=[draft.pk]), {"file": big, "note": NOTE})
    assert response.status_code == 400
    message = _("The file is too large: at most %(mb)d MB.") % {"mb": 10}
    assert response.context["file_form"].errors["file"] == [message]
    assert message in response.content.decode() and f'value="{NOTE}"' in response.content.decode()
    assert not SubmissionFile.objects.exists() and _stored(media) == []


def test_the_service_checks_the_file_whoever_calls_it(world, draft, media):
    """Not only the form: a script or the API calling the service gets the same refusal."""
    with pytest.raises(FileRejected) as refused:
        services.submission_file_add(
            actor=world["admin"], submission=draft, uploaded=ContentFile(REFUSED["p.html"], name="p.html")
        )
    assert refused.value.details == {"field": "file"}
    assert not SubmissionFile.objects.exists() and _stored(media) == []


@pytest.mark.parametrize(
    ("name", "data", "extension", "content_type"),
    [
        ("Dự thảo nghị quyết.pdf", PDF_BYTES, "pdf", "application/pdf"),
        ("Tờ trình.html", PDF_BYTES, "pdf", "application/pdf"),  # the content decides, not the name
        (
            "Báo cáo.docx",
            docx_bytes(),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "Phụ lục số liệu.xlsx",
            _xlsx(),
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_accepted_files_are_stored_under_a_safe_name_and_downloaded_as_attachments(
    client, world, draft, media, name, data, extension, content_type
):
    client.force_login(world["admin"])
    response = client.post(
        reverse("council:file_add", args=[draft.pk]), {"file": SimpleUploadedFile(name, data), "note": NOTE}
    )
    assert response.status_code == 302
    item = SubmissionFile.objects.get()
    stored = Path(item.file.name).name
    assert stored.endswith(f".{extension}") and stored.isascii() and " " not in stored
    assert item.original_name.endswith(f".{extension}") and ".html" not in item.original_name
    entry = AuditEntry.objects.filter(action="council.submission.file").get()
    assert entry.changes["kind"] in ("pdf", "docx", "xlsx")
    download = client.get(reverse("council:file_download", args=[draft.pk, 1]))
    assert download.status_code == 200
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content) == data


@pytest.mark.parametrize("name", [("Tờ trình " * 60) + "\x08\x01.pdf", "..\\..\\../../etc/passwd.html", ""])
def test_a_long_or_odd_file_name_is_stored_safely(world, draft, media, name):
    item = services.submission_file_add(
        actor=world["admin"], submission=draft, uploaded=ContentFile(PDF_BYTES, name=name)
    )
    assert len(item.file.name) <= 100 and item.file.name.startswith("council/submissions/")
    assert item.file.name.endswith(".pdf") and ".." not in item.file.name
    assert (
        "\x08" not in item.original_name and "/" not in item.original_name and "\\" not in item.original_name
    )
    assert item.original_name.endswith(".pdf") and len(item.original_name) <= 255
    assert Path(item.file.path).resolve().is_relative_to(media.resolve())


def test_a_file_missing_from_the_storage_is_404(client, world, draft, media):
    item = services.submission_file_add(
        actor=world["admin"], submission=draft, uploaded=ContentFile(PDF_BYTES, name="a.pdf")
    )
    Path(item.file.path).unlink()
    client.force_login(world["admin"])
    assert client.get(reverse("council:file_download", args=[draft.pk, 1])).status_code == 404


def test_the_public_gets_the_current_version_of_a_public_session_only(client, world, draft, media):
    admin = world["admin"]
    current = docx_bytes("v2")
    for data in (PDF_BYTES, current):
        services.submission_file_add(
            actor=admin, submission=draft, uploaded=ContentFile(data, name="du-thao")
        )
    url = reverse("council_public:file_download", args=[draft.pk])
    response = client.get(url)  # the session is in progress: public
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == current
    assert "du-thao" not in response["Content-Disposition"]  # named after the title, not the upload
    planning = services.session_create(
        actor=admin,
        body=world["council"],
        term=world["term"],
        kind="regular",
        title="Kỳ họp chưa công khai",
        start_date=draft.session.start_date,
        end_date=draft.session.end_date,
    )
    hidden = services.submission_create(
        actor=admin, session=planning, kind="report", title="Báo cáo chưa công khai", submitter=world["ubnd"]
    )
    services.submission_file_add(
        actor=admin, submission=hidden, uploaded=ContentFile(PDF_BYTES, name="b.pdf")
    )
    assert client.get(reverse("council_public:file_download", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("council_public:file_download", args=[10**17])).status_code == 404
    no_file = services.submission_create(
        actor=admin, session=draft.session, kind="report", title="Chưa có tệp", submitter=world["ubnd"]
    )
    assert client.get(reverse("council_public:file_download", args=[no_file.pk])).status_code == 404


def test_legacy_files_are_listed_and_removed_by_the_check_command(world, draft, media):
    """Files stored before uploads were checked (x.js, p.html...) are found and, on request,
    removed with an audit entry; accepted files stay."""
    good = services.submission_file_add(
        actor=world["admin"], submission=draft, uploaded=ContentFile(PDF_BYTES, name="tot.pdf")
    )
    legacy = SubmissionFile(submission=draft, version=2, original_name="p.html")
    legacy.file.save("p.html", ContentFile(REFUSED["p.html"]), save=False)
    legacy.save()
    out = io.StringIO()
    call_command("council_check_files", stdout=out)
    assert "p.html" in out.getvalue() and "tot" not in out.getvalue()
    assert SubmissionFile.objects.count() == 2
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("council_check_files", "--remove", stdout=io.StringIO())
    assert list(SubmissionFile.objects.all()) == [good]
    assert not Path(media, legacy.file.name).exists() and Path(good.file.path).exists()
    entry = AuditEntry.objects.get(action="council.submission.file_removed")
    assert entry.changes["name"] == "p.html" and entry.target_id == str(draft.pk)
    assert Submission.objects.filter(pk=draft.pk).exists()
