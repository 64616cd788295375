"""Issue 10, finding 4 (and issue 11 item 30): the letters' files.

Every file is checked by content (core.files.check_file: PDF, Word, JPEG, PNG; no web page or
script inside; the size of settings.DANCU_MAX_UPLOAD_MB), stored under a safe name, sealed
(encrypted, its name too) when the letter's writer is sealed, and served only by the
permission-checked, audited download view, as an attachment with nosniff. The public letter
form takes files with the same checks.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from dancu.core.models import AuditEntry
from dancu.letters import crypto, services
from dancu.letters.models import Letter, LetterAttachment

from .conftest import solved_challenge

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x01" * 40
SIGNATURE_NAME = "Chữ ký Trần Thị Bí Ẩn.png"
SIGNATURE_STORED = "chu_ky_tran_thi_bi_an.png"


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def _raw(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def sealed_letter(make_letter):
    return make_letter(attachments=[services.Upload(SIGNATURE_NAME, PNG)])


def _url(letter, attachment):
    return reverse(
        "letters:letter_attachment", kwargs={"letter_id": letter.pk, "attachment_id": attachment.pk}
    )


def test_a_denunciations_files_are_sealed_at_rest(sealed_letter):
    (attachment,) = sealed_letter.attachments.all()
    assert attachment.is_sealed and attachment.seal_key == crypto.key_id()
    assert PNG not in bytes(attachment.data) and attachment.filename == "tep_dinh_kem_1.png"
    assert crypto.unseal_bytes(bytes(attachment.data)) == PNG
    out = io.StringIO()
    call_command("dumpdata", "letters", stdout=out)
    for secret in (SIGNATURE_NAME, SIGNATURE_STORED, "Trần Thị"):
        assert secret not in out.getvalue()


def test_only_who_may_reveal_downloads_a_sealed_file_audited(
    client, sealed_letter, make_letter, specialist, office_admin, make_user, office, other_office, agency
):
    services.letter_forward(actor=specialist, letter=sealed_letter, to_body=agency)
    (attachment,) = sealed_letter.attachments.all()
    url = _url(sealed_letter, attachment)
    refused = {
        "specialist": specialist,
        "delegate": make_user("delegate", office),
        "viewer": make_user("viewer", office),
        "agency": make_user("agency_responder", agency),
        "other province": make_user("office_admin", other_office),
    }
    for who, user in refused.items():
        client.force_login(user)
        response = client.get(url)
        assert response.status_code in (403, 404), who
        assert PNG not in _raw(response), who
        page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": sealed_letter.pk}))
        assert SIGNATURE_STORED not in page.content.decode() and url not in page.content.decode(), who
    assert not AuditEntry.objects.filter(action="letters.file.download").exists()
    for user in (office_admin, make_user("leader", office)):
        client.force_login(user)
        page = client.get(
            reverse("letters:letter_detail", kwargs={"letter_id": sealed_letter.pk})
        ).content.decode()
        assert SIGNATURE_STORED in page and url in page  # the staff page links to the file
        response = client.get(url)
        assert response.status_code == 200 and _raw(response) == PNG
        assert (
            response["Content-Disposition"].startswith("attachment")
            and SIGNATURE_STORED in response["Content-Disposition"]
        )
        assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Type"] == "image/png"
        entry = AuditEntry.objects.filter(action="letters.file.download").latest("id")
        assert entry.actor == user and entry.target_id == str(attachment.pk)
    assert client.post(url).status_code == 405  # downloads are GETs only
    other = make_letter(kind="complaint", attachments=[services.Upload("khac.pdf", PDF)])
    assert client.get(_url(sealed_letter, other.attachments.get())).status_code == 404  # not its file


def test_a_complaints_files_for_its_handlers_not_for_delegates(
    client, make_letter, specialist, make_user, office
):
    letter = make_letter(kind="complaint", attachments=[services.Upload("Đơn khiếu nại.pdf", PDF)])
    (attachment,) = letter.attachments.all()
    assert not attachment.is_sealed and attachment.filename == "don_khieu_nai.pdf"
    client.force_login(specialist)
    response = client.get(_url(letter, attachment))
    assert response.status_code == 200 and _raw(response) == PDF
    delegate = make_user("delegate", office)
    client.force_login(delegate)
    assert client.get(_url(letter, attachment)).status_code == 403
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": letter.pk})).content.decode()
    assert "don_khieu_nai.pdf" not in page and 'id="attachments-hidden"' in page


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("anh.png", b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script>"),  # a polyglot
        ("don.pdf", b"%PDF-1.4 <svg onload=alert(1)>"),
        ("trang.pdf", b"<html><body>not a pdf</body></html>"),
        ("bang.xlsx", None),  # a spreadsheet is not a letter's file
        ("chuong-trinh.exe", b"MZ\x90\x00"),
        ("rong.pdf", b""),
    ],
)
def test_files_are_checked_by_content_on_the_staff_form(client, delegation, specialist, name, data):
    if data is None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
        data = out.getvalue()
    client.force_login(specialist)
    response = client.post(
        reverse("letters:letter_create"),
        {**_intake(delegation), "attachments": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 400, name
    assert Letter.objects.count() == 0 and LetterAttachment.objects.count() == 0


def _intake(delegation):
    return {
        "receiving_body": delegation.pk,
        "received_date": "2026-03-04",
        "channel": "post",
        "kind": "complaint",
        "letter_field": "land",
        "subject": "Khiếu nại có tệp đính kèm",
        "signer_count": 1,
        "representative_count": 0,
        "competence": "unknown",
    }


def test_accepted_kinds_safe_names_and_the_size_of_the_settings(client, delegation, specialist, settings):
    client.force_login(specialist)
    files = [
        SimpleUploadedFile("Đơn <khiếu nại>.html.pdf", PDF),
        SimpleUploadedFile("van ban.docx", _docx()),
        SimpleUploadedFile("ảnh chụp.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 40),
        SimpleUploadedFile("so-do.png", PNG),
    ]
    response = client.post(reverse("letters:letter_create"), {**_intake(delegation), "attachments": files})
    assert response.status_code == 302
    names = sorted(LetterAttachment.objects.values_list("filename", flat=True))
    assert names == ["anh_chup.jpg", "don_khieu_naihtml.pdf", "so-do.png", "van_ban.docx"]
    settings.DANCU_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024))
    response = client.post(reverse("letters:letter_create"), {**_intake(delegation), "attachments": big})
    assert response.status_code == 400 and Letter.objects.count() == 1


def test_the_public_form_takes_files_with_the_same_checks(client, delegation):
    data = {
        "receiving_body": delegation.pk,
        "kind": "denunciation",
        "subject": "Tố cáo có bằng chứng",
        "content": "Kèm theo ảnh chụp và bản scan đơn",
        "name": "Người Tố Cáo Trực Tuyến",
        "address": "Hà Tĩnh",
        "phone": "0977 000 111",
    }
    bad = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n<script>alert(1)</script>")
    response = client.post(
        reverse("letters_public:submit"), {**data, **solved_challenge(client), "attachments": bad}
    )
    assert response.status_code == 400 and Letter.objects.count() == 0
    files = [SimpleUploadedFile("Đơn tố cáo.pdf", PDF), SimpleUploadedFile("ảnh.png", PNG)]
    response = client.post(
        reverse("letters_public:submit"), {**data, **solved_challenge(client), "attachments": files}
    )
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.identity_sealed and letter.attachments.count() == 2
    assert all(a.is_sealed and a.filename.startswith("tep_dinh_kem_") for a in letter.attachments.all())
