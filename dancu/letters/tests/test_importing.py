import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from dancu.core.models import ImportJob
from dancu.letters.importing import import_letters, letter_columns, validate_letter_file
from dancu.letters.models import Letter

pytestmark = pytest.mark.django_db


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append([str(c.header) for c in letter_columns()])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = [
    "02/03/2026",
    "Đoàn ĐBQH tỉnh Hà Tĩnh",
    "post",
    "complaint",
    "land",
    "Khiếu nại bồi thường",
    "",
    "",
    "Lê Văn Một",
]


def test_import_all_or_nothing(province, delegation, specialist):
    bad = [*GOOD[:4], "land", "", "", "", "Lê Văn Hai"]  # subject missing
    rows, errors = validate_letter_file(_xlsx([GOOD, bad, ["01/01/2099", "Không có", "post", "x"]]), province)
    assert {e.row for e in errors} == {3, 4}
    assert Letter.objects.count() == 0
    rows, errors = validate_letter_file(_xlsx([GOOD, GOOD]), province)
    assert not errors
    assert import_letters(actor=specialist, province=province, rows=rows) == {"rows": 2}
    assert Letter.objects.count() == 2
    assert Letter.objects.first().deadlines["accept"] == "2026-03-16"
    rows, errors = validate_letter_file(b"not an xlsx file", province)
    assert errors and errors[0].row == 0


def test_import_through_the_pages(
    client, province, delegation, specialist, django_capture_on_commit_callbacks
):
    client.force_login(specialist)
    assert client.get(reverse("letters:import_template")).status_code == 200
    bad = io.BytesIO(b"%PDF-1.4 not excel")
    bad.name = "so.xlsx"
    response = client.post(reverse("letters:import_page"), {"file": bad})
    assert response.status_code == 400
    good = io.BytesIO(_xlsx([GOOD, [*GOOD[:5], ""]]))
    good.name = "so.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("letters:import_page"), {"file": good})
    job = ImportJob.objects.get(kind="letters")
    assert response.status_code == 302
    page = client.get(reverse("letters:import_job", kwargs={"job_id": job.pk}))
    assert page.status_code == 200
    job.refresh_from_db()
    assert job.status == "failed" and Letter.objects.count() == 0
