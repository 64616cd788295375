import io

import pytest
from django.urls import reverse
from django.utils.translation import gettext
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


def test_the_templates_headers_keep_subject_and_content_apart(province, delegation, specialist):
    """Issue 10, finding 11: "Nội dung (*)" (subject) and "Nội dung" (content) folded to the
    same key, so every imported letter's content was its subject. A file made from the
    template (in Vietnamese, as users download it) keeps both."""
    from django.utils import translation
    from openpyxl import load_workbook

    from dancu.letters.importing import letter_template

    with translation.override("vi"):
        book = load_workbook(io.BytesIO(letter_template()))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    row = {str(h).removesuffix(" (*)"): i for i, h in enumerate(headers) if h}
    subject_col = next(i for h, i in row.items() if h == str(_column("subject").header))
    content_col = next(i for h, i in row.items() if h == str(_column("content").header))
    assert subject_col != content_col
    sheet.cell(row=2, column=subject_col + 1, value="Khiếu nại về bồi thường")
    sheet.cell(row=2, column=content_col + 1, value="Chi tiết: mức bồi thường thấp hơn giá thị trường")
    sheet.cell(row=2, column=row[str(_column("receiving_body").header)] + 1, value=delegation.name)
    out = io.BytesIO()
    book.save(out)
    with translation.override("vi"):
        rows, errors = validate_letter_file(out.getvalue(), province)
    assert not errors, errors
    assert rows[0]["subject"] == "Khiếu nại về bồi thường"
    assert rows[0]["content"] == "Chi tiết: mức bồi thường thấp hơn giá thị trường"
    import_letters(actor=specialist, province=province, rows=rows)
    letter = Letter.objects.get()
    assert letter.subject == "Khiếu nại về bồi thường" and letter.content.startswith("Chi tiết")


def _column(key):
    return next(c for c in letter_columns() if c.key == key)


def test_no_two_columns_share_a_header_in_any_language():
    from django.conf import settings
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            forms = [c.header_forms() for c in letter_columns()]
        for i, a in enumerate(forms):
            for b in forms[i + 1 :]:
                assert not a & b, (code, a & b)


def test_vietnamese_and_english_headers_and_the_old_ambiguous_layout(province, delegation):
    headers = [
        "Đã nhận",
        "Cơ quan tiếp nhận",
        "Hình thức tiếp nhận",
        "Loại",
        "Trích yếu nội dung (*)",
        "Nội dung chi tiết",
    ]
    values = ["02/03/2026", delegation.name, "post", "complaint", "Trích yếu", "Chi tiết đầy đủ"]

    def book(head):
        wb = Workbook()
        wb.active.append([*head])
        wb.active.append(values)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    english = [*headers[:4], "Subject", "Content"]  # the English headers of older templates
    for head in (headers, english):
        rows, errors = validate_letter_file(book(head), province)
        assert not errors, (head, errors)
        assert (rows[0]["subject"], rows[0]["content"]) == ("Trích yếu", "Chi tiết đầy đủ")
    old = [*headers[:4], "Nội dung (*)", "Nội dung"]
    rows, errors = validate_letter_file(book(old), province)
    assert rows == [] and len(errors) == 1 and errors[0].row == 0
    assert errors[0].message == gettext(
        "This file uses the old template, where the summary and the detailed content "
        "had the same header: download the new template and copy the rows into it."
    )
