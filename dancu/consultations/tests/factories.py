"""Builders of consultation data for tests, written through the services."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from dancu.consultations import services
from dancu.directory.models import Body, BodyKind

D = datetime.date
DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "consultations"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def data_file(name: str) -> bytes:
    return (DATA / name).read_bytes()


def upload(data: bytes, name: str = "du-thao.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=DOCX_TYPE)


def docx_of(lines: list[str]) -> bytes:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def small_law(version: int = 1) -> bytes:
    """Twelve articles; version 2 inserts an article after Điều 3, rewrites Điều 5 (renumbered
    6) and follows a proposal on Điều 12 khoản 2 điểm b (renumbered 13)."""
    lines = ["LUẬT", "THỬ NGHIỆM", "Chương I", "QUY ĐỊNH CHUNG"]
    number = 0
    for a in range(1, 13):
        number += 1
        if a == 5:
            lines.append(f"Điều {number}. Thời hạn lấy ý kiến")
            lines.append(
                "1. Thời hạn lấy ý kiến là 30 ngày."
                if version == 1
                else "1. Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải dự thảo."
            )
            continue
        if a == 12:
            lines.append(f"Điều {number}. Trách nhiệm của cơ quan")
            lines.append("1. Cơ quan chủ trì tổ chức lấy ý kiến.")
            lines.append("2. Cơ quan phối hợp có trách nhiệm:")
            lines.append("a) Gửi ý kiến bằng văn bản;")
            lines.append(
                "b) Tham dự hội nghị."
                if version == 1
                else "b) Tham dự hội nghị và gửi báo cáo tổng hợp ý kiến của cử tri trên địa bàn."
            )
            continue
        lines.append(f"Điều {number}. Điều thứ {a} về nội dung {a}")
        lines.append(f"1. Nội dung khoản một của điều {a} quy định về việc số {a}.")
        lines.append(f"2. Nội dung khoản hai của điều {a} quy định về việc số {a} khác.")
        if version == 2 and a == 3:
            number += 1
            lines.append(f"Điều {number}. Chính sách mới được bổ sung")
            lines.append("1. Nhà nước khuyến khích người dân góp ý dự án luật trên môi trường điện tử.")
    return docx_of(lines)


def make_world(province, admin) -> dict[str, Any]:
    def body(kind, name):
        return Body.objects.create(
            kind=kind, name=f"{name} {province.code}", province=province, unit=province
        )

    return {
        "justice": body(BodyKind.AGENCY, "Sở Tư pháp"),
        "court": body(BodyKind.AGENCY, "Tòa án nhân dân tỉnh"),
        "front": body(BodyKind.FATHERLAND_FRONT, "Ủy ban MTTQ Việt Nam tỉnh"),
        "committee": body(BodyKind.COMMITTEE, "Ban Pháp chế HĐND tỉnh"),
        "delegation": body(BodyKind.NA_DELEGATION, "Đoàn đại biểu Quốc hội tỉnh"),
    }


def make_draft(admin, province, **kwargs) -> Any:
    values = {
        "name": "Dự án Luật Thử nghiệm",
        "session": "Kỳ họp thứ 10, Quốc hội khóa XV",
        "session_start": D(2026, 10, 20),
        "drafting_body": "Bộ Tư pháp",
        "vetting_committee": "Ủy ban Pháp luật và Tư pháp của Quốc hội",
        "online": True,
    }
    values.update(kwargs)
    return services.draft_create(actor=admin, province=province, **values)
