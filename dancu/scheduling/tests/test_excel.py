"""The weekly Excel schedule: the template reads back, bad rows are listed by row and column
with nothing imported, and a re-import updates instead of adding twice."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from dancu.scheduling import excel_schedule
from dancu.scheduling.models import Event
from dancu.scheduling.tests.factories import MONDAY, at

pytestmark = pytest.mark.django_db


def _sheet(rows: list[list]) -> bytes:
    with translation.override("vi"):
        template = excel_schedule.template()
    book = load_workbook(io.BytesIO(template))
    sheet = book.worksheets[0]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _post(client, world, data: bytes):
    client.force_login(world["admin"])
    upload = SimpleUploadedFile(
        "lich-tuan.xlsx",
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    with translation.override("vi"):
        return client.post(
            reverse("scheduling:import"), {"which": "excel", "body": world["ubnd"].pk, "file": upload}
        )


def test_the_weekly_schedule_imports_and_reimports_without_duplicates(client, world):
    rows = [
        ["07/12/2026", "08:00", "11:00", "Họp UBND tỉnh thường kỳ", "Phòng họp 1", "Chủ tịch UBND tỉnh", ""],
        ["08/12/2026", "14h", "", "Làm việc với Sở Tài chính", "", "", "Giám đốc các sở"],
    ]
    response = _post(client, world, _sheet(rows))
    assert response.status_code == 200 and "data-result" in response.content.decode()
    first = Event.objects.get(title="Họp UBND tỉnh thường kỳ")
    assert (
        first.start == at(MONDAY, 8)
        and first.end == at(MONDAY, 11)
        and first.kind == "peoples_committee_meeting"
    )
    assert (
        Event.objects.get(title="Làm việc với Sở Tài chính").end.hour == 16 - 7
    )  # two hours by default (UTC)
    rows[0][2] = "11:30"
    _post(client, world, _sheet(rows))
    assert Event.objects.count() == 2
    first.refresh_from_db()
    assert first.end == at(MONDAY, 11, 30) and first.sequence == 1 and first.source == "excel"


def test_bad_rows_are_listed_and_nothing_is_imported(client, world):
    rows = [
        ["07/12/2026", "08:00", "11:00", "Đúng", "", "", ""],
        ["32/12/2026", "08:00", "", "Ngày sai", "", "", ""],
        ["08/12/2026", "25:00", "", "Giờ sai", "", "", ""],
        ["09/12/2026", "10:00", "09:00", "Kết thúc trước", "", "", ""],
    ]
    response = _post(client, world, _sheet(rows))
    assert response.status_code == 400
    body = response.content.decode()
    assert "data-row-errors" in body
    for number in (
        '<td class="dc-number">3</td>',
        '<td class="dc-number">4</td>',
        '<td class="dc-number">5</td>',
    ):
        assert number in body
    assert not Event.objects.exists()


def test_a_file_that_is_not_xlsx_is_refused(client, world):
    response = _post(client, world, b"not a workbook")
    assert response.status_code == 400 and not Event.objects.exists()
