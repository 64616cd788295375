"""Issue 10, finding 4 (and issue 11 item 7): uploads of the petitions module are checked by
content on the way in — answer attachments PDF, DOCX, JPEG, PNG (10 MB), opinion imports a real
.xlsx or UTF-8 CSV (5 MB); pages, scripts, SVG and polyglots refused with the message on the
form and the input kept — stored under a safe name, and served only as attachments through
permission-checked views (the Office roles of the province and the agency that answered; the
public only for a published answer), linked from every page that shows the answer."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils.translation import gettext as _
from docx import Document

from dancu.core.files import FileRejected
from dancu.core.models import AuditEntry, ImportJob
from dancu.petitions import services
from dancu.petitions.models import Answer, Petition, VoterOpinion

from .factories import PDF_BYTES, forward

pytestmark = pytest.mark.django_db

TYPED = "Sở đã làm việc với chủ đầu tư, dự kiến hoàn thành trong quý II."  # kept when refused
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17


def docx_bytes(text: str = "Trả lời kiến nghị") -> bytes:
    out = io.BytesIO()
    document = Document()
    document.add_paragraph(text)
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def not_office_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("index.html", "<html><script>alert(1)</script></html>")
    return out.getvalue()


REFUSED = {
    "evil.html": b"<html><body><script>alert(document.cookie)</script></body></html>",
    "x.js": b"fetch('/api/v1/me').then(r => r.text()).then(alert)",
    "p.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
    "renamed.pdf": b"<html>not a pdf</html>",
    "polyglot.pdf": PDF_BYTES + b"<html><body><script>alert(1)</script></body></html>",
    "polyglot.png": PNG_BYTES + b"<script>alert(1)</script>",
    "fake.docx": b"PK\x03\x04 not a zip",
    "site.docx": not_office_zip(),
    "bang.xlsx": xlsx_bytes(),  # a spreadsheet is no answer document
}
ACCEPTED = [
    ("Công văn trả lời.pdf", PDF_BYTES, "pdf", "application/pdf"),
    ("tra_loi.html", PDF_BYTES, "pdf", "application/pdf"),  # the content decides, not the name
    (
        "Báo cáo.docx",
        docx_bytes(),
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("ảnh chụp.jpg", JPEG_BYTES, "jpg", "image/jpeg"),
    ("scan.png", PNG_BYTES, "png", "image/png"),
]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _stored(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.fixture
def forwarded(pworld, make_user):
    """The round consolidated and confirmed; the land petition forwarded to the responder's
    agency; a leader and a delegate of the province."""
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    land = Petition.objects.get(pk=next(p.pk for p in petitions if "8A" not in p.text))
    batch = forward(w, w["agri"], [land])
    return {
        **w,
        "land": Petition.objects.get(pk=land.pk),
        "batch": batch,
        "leader": make_user("leader", w["office"]),
        "delegate": make_user("delegate", w["office"]),
    }


def _answer_page(w):
    return reverse("petitions:agency_batch", kwargs={"batch_id": w["batch"].pk})


def _post_answer(client, w, upload, *, status="in_progress"):
    client.force_login(w["responder"])
    return client.post(
        _answer_page(w), {"petition": w["land"].pk, "text": TYPED, "status": status, "file": upload}
    )


def _answer(w, data=PDF_BYTES, name="tra_loi.pdf") -> Answer:
    return services.answer_submit(
        actor=w["responder"],
        batch=w["batch"],
        petition=Petition.objects.get(pk=w["land"].pk),
        text="Đã giải quyết.",
        status="resolved",
        file=SimpleUploadedFile(name, data),
    )


# -- Answer attachments: in -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_attachments_show_the_message_on_the_form_with_the_input_kept(client, forwarded, media, name):
    w = forwarded
    audits = AuditEntry.objects.count()
    response = _post_answer(client, w, SimpleUploadedFile(name, REFUSED[name]))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["file"], form.errors  # by the file field, not an error page
    page = response.content.decode()
    assert form.errors["file"][0] in page
    assert TYPED in page and '<option value="in_progress" selected>' in page  # what was typed
    assert not Answer.objects.exists() and AuditEntry.objects.count() == audits
    assert Petition.objects.get(pk=w["land"].pk).status == "forwarded"
    assert _stored(media) == []


def test_a_25_mb_attachment_is_refused(client, forwarded, media):
    w = forwarded
    big = SimpleUploadedFile("cong_van.pdf", PDF_BYTES + b"0" * (25 * 1024 * 1024))
    response = _post_answer(client, w, big)
    assert response.status_code == 400
    message = _("The file is too large: at most %(mb)d MB.") % {"mb": 10}
    assert response.context["form"].errors["file"] == [message]
    assert message in response.content.decode() and TYPED in response.content.decode()
    assert not Answer.objects.exists() and _stored(media) == []


def test_the_service_checks_the_attachment_whoever_calls_it(forwarded, media):
    w = forwarded
    with pytest.raises(FileRejected) as refused:
        _answer(w, REFUSED["evil.html"], "evil.html")
    assert refused.value.details == {"field": "file"}
    assert not Answer.objects.exists() and _stored(media) == []


@pytest.mark.parametrize(("name", "data", "extension", "content_type"), ACCEPTED)
def test_accepted_attachments_are_stored_safely_and_downloaded_as_attachments(
    client, forwarded, media, name, data, extension, content_type
):
    w = forwarded
    response = _post_answer(client, w, SimpleUploadedFile(name, data))
    assert response.status_code == 302
    answer = Answer.objects.get()
    stored = Path(answer.file.name).name
    assert stored.endswith(f".{extension}") and stored.isascii() and " " not in stored
    assert answer.file.name.startswith("petitions/answers/") and ".html" not in answer.file.name
    entry = AuditEntry.objects.get(action="petitions.answer_submit")
    assert entry.changes["kind"] in ("pdf", "docx", "jpeg", "png")
    # The agency's page links the file; the download is an attachment, never inline.
    page = client.get(_answer_page(w)).content.decode()
    url = reverse("petitions:answer_file", kwargs={"answer_id": answer.pk})
    assert f'href="{url}"' in page
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"].startswith("attachment")
    assert f"tra_loi_{w['land'].code}" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert b"".join(download.streaming_content) == data


@pytest.mark.parametrize("name", [("Công văn " * 60) + "\x08\x01.pdf", "..\\..\\../../etc/passwd.html", ""])
def test_a_long_or_odd_file_name_is_stored_safely(forwarded, media, name):
    w = forwarded
    answer = services.answer_submit(
        actor=w["responder"],
        batch=w["batch"],
        petition=w["land"],
        text="Đã giải quyết.",
        status="resolved",
        file=ContentFile(PDF_BYTES, name=name),
    )
    assert answer.file.name.startswith("petitions/answers/") and answer.file.name.endswith(".pdf")
    assert len(answer.file.name) <= 100 and ".." not in answer.file.name and "\x08" not in answer.file.name
    assert Path(answer.file.path).resolve().is_relative_to(media.resolve())


# -- Answer attachments: out ----------------------------------------------------------------


def test_who_may_download_an_attachment_and_which_pages_link_it(
    client, forwarded, media, make_user, other_office
):
    """The Office roles of the province and the agency that answered; not a delegate (the
    text only), another agency, another province; every page that shows the answer links it
    for those who may download it."""
    w = forwarded
    answer = _answer(w)
    url = reverse("petitions:answer_file", kwargs={"answer_id": answer.pk})
    link = f'href="{url}"'
    detail = reverse("petitions:petition_detail", kwargs={"petition_id": w["land"].pk})
    batch = reverse("petitions:batch_detail", kwargs={"batch_id": w["batch"].pk})
    for who in ("specialist", "leader"):
        client.force_login(w[who])
        assert client.get(url).status_code == 200, who
        assert link in client.get(detail).content.decode(), who
        assert link in client.get(batch).content.decode(), who
    client.force_login(w["delegate"])
    assert client.get(url).status_code == 403
    assert w["land"].code in client.get(detail).content.decode()  # the answer's page, no link
    assert link not in client.get(detail).content.decode() and link not in client.get(batch).content.decode()
    other_agency = make_user("agency_responder", w["ministry"])
    for user in (other_agency, make_user("office_admin", other_office), make_user()):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # sign in first


def test_the_public_gets_the_file_of_a_published_answer_only(client, forwarded, media):
    """Published means accepted by the Office in a round the Office published: an answer it has
    not reviewed, or sent back, is never public (neither its text nor its file)."""
    w = forwarded
    answer = _answer(w)
    url = reverse("petitions_public:answer_file", kwargs={"answer_id": answer.pk})
    lookup = reverse("petitions_public:lookup") + f"?code={w['land'].code}"
    round_page = reverse("petitions_public:round_detail", kwargs={"round_id": w["round"].pk})
    assert client.get(url).status_code == 404  # the round is not published
    services.round_publish(actor=w["specialist"], round=w["round"], public=True)
    assert client.get(url).status_code == 404  # not accepted by the Office yet
    body = client.get(lookup).content.decode()
    assert f'href="{url}"' not in body and answer.text not in body
    assert 'data-public-state="forwarded"' in body  # only what is true: forwarded, answer due
    # Sent back and answered again: the first answer never becomes public; the new one once
    # the Office accepts it.
    services.answer_review(actor=w["specialist"], answer=answer, accepted=False, reason="Chưa rõ tiến độ.")
    second = docx_bytes("Trả lời lần hai")
    newer = _answer(w, second, "lan2.docx")
    newer_url = reverse("petitions_public:answer_file", kwargs={"answer_id": newer.pk})
    assert client.get(newer_url).status_code == 404
    services.answer_review(actor=w["specialist"], answer=newer, accepted=True)
    assert f'href="{newer_url}"' in client.get(lookup).content.decode()
    assert f'href="{newer_url}"' in client.get(round_page).content.decode()
    staff_url = reverse("petitions:answer_file", kwargs={"answer_id": newer.pk})
    assert f'href="{staff_url}"' not in client.get(lookup).content.decode()  # the public view only
    response = client.get(newer_url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == second
    assert client.get(url).status_code == 404  # the answer sent back
    services.round_publish(actor=w["specialist"], round=w["round"], public=False)
    assert client.get(newer_url).status_code == 404
    assert (
        client.get(reverse("petitions_public:answer_file", kwargs={"answer_id": 10**17})).status_code == 404
    )


def test_an_answer_without_a_file_or_a_file_missing_from_the_storage_is_404(client, forwarded, media):
    w = forwarded
    plain = services.answer_submit(
        actor=w["responder"], batch=w["batch"], petition=w["land"], text="Đang xử lý.", status="in_progress"
    )
    client.force_login(w["specialist"])
    assert client.get(reverse("petitions:answer_file", kwargs={"answer_id": plain.pk})).status_code == 404
    services.answer_review(actor=w["specialist"], answer=plain, accepted=False, reason="Thiếu văn bản.")
    answer = _answer(w)
    Path(answer.file.path).unlink()
    assert client.get(reverse("petitions:answer_file", kwargs={"answer_id": answer.pk})).status_code == 404


def test_legacy_attachments_are_listed_and_removed_by_the_check_command(forwarded, media):
    """Attachments stored before uploads were checked (evil.html...) are found and, on request,
    removed with an audit entry; the answer and accepted files stay."""
    w = forwarded
    good = _answer(w)
    services.answer_review(actor=w["specialist"], answer=good, accepted=False, reason="Bổ sung.")
    legacy = _answer(w, PDF_BYTES, "b.pdf")
    legacy.file.save("evil.html", ContentFile(REFUSED["evil.html"]), save=True)  # as stored before
    out = io.StringIO()
    call_command("petitions_check_files", stdout=out)
    assert "evil" in out.getvalue() and "1 file(s) refused." in out.getvalue()
    assert Answer.objects.exclude(file="").count() == 2
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("petitions_check_files", "--remove", stdout=io.StringIO())
    legacy.refresh_from_db()
    assert not legacy.file and legacy.text == "Đã giải quyết."
    assert not list(Path(media).rglob("evil*"))
    good.refresh_from_db()
    assert good.file and Path(good.file.path).exists()
    entry = AuditEntry.objects.get(action="petitions.answer.file_removed")
    assert "evil" in entry.changes["name"] and entry.target_id == str(legacy.pk)


# -- Opinion imports --------------------------------------------------------------------------


def _import(client, w, upload):
    client.force_login(w["specialist"])
    return client.post(
        reverse("petitions:opinion_import", kwargs={"meeting_id": w["m1"].pk}), {"file": upload}
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("evil.html", REFUSED["evil.html"]),
        ("y_kien.xlsx", REFUSED["evil.html"]),  # not a workbook
        ("y_kien.xlsx", not_office_zip()),  # a zip, no workbook in it
        ("y_kien.xlsx", docx_bytes()),  # an Office file, not a workbook
        ("y_kien.csv", PDF_BYTES),  # a PDF named .csv
        ("y_kien.csv", b"text\n\xff\xfe\x00b\x00a\x00d\x00"),  # not UTF-8 text
        ("y_kien.csv", b""),
    ],
)
def test_refused_opinion_files_show_the_message_on_the_form(client, pworld, media, name, data):
    w = pworld
    before = (ImportJob.objects.count(), VoterOpinion.objects.count(), AuditEntry.objects.count())
    response = _import(client, w, SimpleUploadedFile(name, data))
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert response.context["form"].errors["file"][0] in response.content.decode()
    assert (ImportJob.objects.count(), VoterOpinion.objects.count(), AuditEntry.objects.count()) == before
    assert _stored(media) == []


@pytest.mark.parametrize("name", ["y_kien.xlsx", "y_kien.csv"])
def test_a_25_mb_opinion_file_is_refused(client, pworld, media, name):
    data = (b"text\n" if name.endswith(".csv") else b"PK\x03\x04") + b"a" * (25 * 1024 * 1024)
    response = _import(client, pworld, SimpleUploadedFile(name, data))
    assert response.status_code == 400 and response.context["form"].errors["file"]
    assert not ImportJob.objects.exists() and _stored(media) == []


@pytest.mark.parametrize(
    ("name", "data", "extension"),
    [
        ("Ý kiến cử tri xã Sơn Kim.csv", "text,area\nĐề nghị sửa cầu treo thôn 3,Thôn 3\n".encode(), "csv"),
        ("../../Ý kiến.html.xlsx", None, "xlsx"),
    ],
)
def test_opinion_files_are_stored_under_a_safe_name(
    client, pworld, media, django_capture_on_commit_callbacks, name, data, extension
):
    from dancu.petitions.importing import opinion_template

    w = pworld
    with django_capture_on_commit_callbacks(execute=False):
        response = _import(client, w, SimpleUploadedFile(name, data or opinion_template()))
    assert response.status_code == 302
    job = ImportJob.objects.get()
    stored = Path(job.file.name).name
    assert (
        stored.endswith(f".{extension}")
        and stored.isascii()
        and " " not in stored
        and ".." not in job.file.name
    )
    assert job.original_name == stored and ".html" not in job.file.name
    assert AuditEntry.objects.filter(action="core.import_job.create").count() == 1
