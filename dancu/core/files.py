"""Uploaded files: checked by content on the way in, served only through permission-checked
views on the way out.

- `check_file(upload, kinds=..., max_bytes=...)` accepts a file only when its bytes are one of
  the allowed kinds (PDF, DOCX, XLSX, JPEG, PNG: by signature, and for the Office formats by
  the zip parts they must contain), refuses anything that also looks like HTML, SVG or script
  (a polyglot a browser could run), and bounds the size (`settings.DANCU_MAX_UPLOAD_MB`).
  The stored name is the kind's extension, never the uploader's (no `.html` on disk).
- `file_response(...)` sends a file as a download (`Content-Disposition: attachment`,
  `X-Content-Type-Options: nosniff`, a private cache, a sandboxing CSP) with the content type
  of its checked kind. The caller has already checked that the user may see the record the
  file belongs to; `audit_download` records the download of a file that is personal data.
- Nothing is served from `/media/`: no URL pattern serves MEDIA_ROOT in any settings module.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import FileResponse
from django.utils.translation import gettext as _

from .errors import ValidationFailed
from .text import fold


@dataclass(frozen=True)
class Kind:
    key: str
    extension: str
    content_type: str
    label: str


PDF = Kind("pdf", "pdf", "application/pdf", "PDF")
DOCX = Kind(
    "docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)"
)
XLSX = Kind(
    "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (.xlsx)"
)
JPEG = Kind("jpeg", "jpg", "image/jpeg", "JPEG")
PNG = Kind("png", "png", "image/png", "PNG")
DOCUMENTS = (PDF, DOCX, XLSX, JPEG, PNG)
KINDS = {k.key: k for k in DOCUMENTS}

# Bytes that make a browser (or a viewer) treat content as active: refused in any file, so a
# PDF or PNG that is also an HTML page cannot be uploaded.
_ACTIVE = re.compile(rb"<\s*(html|script|svg|iframe|object|embed|body|meta)\b|javascript:", re.IGNORECASE)
_OFFICE_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


class FileRejected(ValidationFailed):
    code = "file_rejected"


def max_upload_bytes() -> int:
    return int(getattr(settings, "DANCU_MAX_UPLOAD_MB", 10)) * 1024 * 1024


def sniff(data: bytes) -> Kind | None:
    """The kind of `data` by its content, or None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        for key, part in _OFFICE_PART.items():
            if part in names and "[Content_Types].xml" in names:
                return KINDS[key]
    return None


def check_file(upload: Any, *, kinds: tuple[Kind, ...] = DOCUMENTS, max_bytes: int | None = None) -> Kind:
    """The checked kind of an uploaded file; FileRejected with a Vietnamese message otherwise."""
    limit = max_bytes or max_upload_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise FileRejected(
            _("The file is too large: at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
            details={"field": "file"},
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise FileRejected(
            _("The file is too large: at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
            details={"field": "file"},
        )
    if not data:
        raise FileRejected(_("The file is empty."), details={"field": "file"})
    kind = sniff(data)
    allowed = ", ".join(k.label for k in kinds)
    if kind is None or kind not in kinds:
        raise FileRejected(
            _("This kind of file is not accepted. Accepted: %(kinds)s.") % {"kinds": allowed},
            details={"field": "file"},
        )
    if kind in (PDF, JPEG, PNG) and _ACTIVE.search(data):
        raise FileRejected(
            _("The file contains web page or script content and was refused."), details={"field": "file"}
        )
    return kind


def stored_name(original: str, kind: Kind) -> str:
    """A safe name for storage and download: the original's words folded to ASCII, the checked
    kind's extension (never the uploader's)."""
    stem = original.rsplit(".", 1)[0] if "." in original else original
    stem = re.sub(r"[^a-z0-9_-]+", "", fold(stem).replace(" ", "_"))[:80].strip("_-") or "tep"
    return f"{stem}.{kind.extension}"


def kind_of_name(name: str) -> Kind:
    """The kind of a stored file from its (checked) extension; unknown means a plain download."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    for kind in DOCUMENTS:
        if kind.extension == extension:
            return kind
    return Kind("bin", extension, "application/octet-stream", extension)


def file_response(content: Any, *, filename: str) -> FileResponse:
    """A download, never shown inline: a browser cannot run it in the app's origin."""
    kind = kind_of_name(filename)
    if isinstance(content, bytes):
        content = io.BytesIO(content)
    response = FileResponse(content, as_attachment=True, filename=filename, content_type=kind.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def audit_download(*, actor: Any, target: Any, province_code: str, filename: str) -> None:
    """Record that `actor` downloaded a file holding personal data."""
    from django.db import transaction

    from .audit import audit_record

    with transaction.atomic():
        audit_record(
            actor=actor,
            action=f"{target._meta.app_label}.file.download",
            target=target,
            province_code=province_code,
            summary=filename,
        )
