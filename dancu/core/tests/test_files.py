"""Uploads checked by content (allow-list, size, polyglots); downloads always attachments."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook

from dancu.core.files import (
    DOCUMENTS,
    JPEG,
    PDF,
    PNG,
    XLSX,
    FileRejected,
    check_file,
    file_response,
    stored_name,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def office_bytes(kind: str) -> bytes:
    out = io.BytesIO()
    (Document() if kind == "docx" else Workbook()).save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("a.pdf", PDF_BYTES, "pdf"),
        ("b.png", PNG_BYTES, "png"),
        ("c.jpg", JPEG_BYTES, "jpeg"),
        ("d.docx", office_bytes("docx"), "docx"),
        ("e.xlsx", office_bytes("xlsx"), "xlsx"),
    ],
)
def test_allowed_kinds_by_content(name, data, key):
    assert check_file(SimpleUploadedFile(name, data)).key == key


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("evil.html", b"<html><script>alert(1)</script></html>"),
        ("x.js", b"fetch('/api/v1/me')"),
        ("p.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("renamed.pdf", b"<html>not a pdf</html>"),
        ("polyglot.pdf", PDF_BYTES + b"<html><body><script>alert(1)</script>"),
        ("polyglot.png", PNG_BYTES + b"<svg onload=alert(1)>"),
        ("fake.docx", b"PK\x03\x04 not a zip"),
        ("empty.pdf", b""),
    ],
)
def test_refused(name, data):
    with pytest.raises(FileRejected):
        check_file(SimpleUploadedFile(name, data))


def test_kinds_per_use_and_size(settings):
    with pytest.raises(FileRejected):
        check_file(SimpleUploadedFile("a.png", PNG_BYTES), kinds=(PDF,))
    settings.DANCU_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (1024 * 1024 + 1))
    with pytest.raises(FileRejected, match="MB"):
        check_file(big)
    assert check_file(SimpleUploadedFile("ok.pdf", PDF_BYTES), kinds=DOCUMENTS) == PDF


def test_stored_name_takes_the_checked_extension():
    assert stored_name("Báo cáo trả lời.html", PDF) == "bao_cao_tra_loi.pdf"
    assert stored_name("ảnh", JPEG) == "anh.jpg"
    assert stored_name("...", PNG).endswith(".png")
    assert stored_name("bang.xlsx", XLSX) == "bang.xlsx"


def test_downloads_are_attachments_never_inline():
    response = file_response(PDF_BYTES, filename="tra_loi.pdf")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "sandbox" in response["Content-Security-Policy"]
    unknown = file_response(b"<html>", filename="x.html")
    assert unknown["Content-Type"] == "application/octet-stream"
