"""What changed between two versions of a draft (dancu.council.versions_diff and the page
`council:document_diff`): two real DOCX versions built here, a PDF read by pdftotext, the
extracted text cached, the page in Vietnamese and scoped like the document itself."""

import io
import os

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from docx import Document

from dancu.council import services, versions_diff
from dancu.council.models import SubmissionFile
from dancu.council.tests.factories import make_delegate_user

pytestmark = pytest.mark.django_db

V1 = [
    "NGHỊ QUYẾT về phát triển rừng bền vững giai đoạn 2026-2030",
    "Điều 1. Phạm vi điều chỉnh",
    "Nghị quyết này quy định chính sách hỗ trợ trồng rừng sản xuất trên địa bàn tỉnh.",
    "Điều 2. Đối tượng áp dụng",
    "Hộ gia đình, cá nhân trồng rừng trên đất được giao.",
    "Điều 3. Mức hỗ trợ",
    "Hỗ trợ 5 triệu đồng cho mỗi héc-ta rừng trồng mới.",
    "Điều 4. Nguồn kinh phí",
    "Ngân sách tỉnh bố trí hằng năm.",
    "Điều 5. Tổ chức thực hiện",
    "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
]
# Version 2: clause of art. 2 widened, the amount of art. 3 changed, art. 4's text removed,
# a new article 6 added; the rest as it was.
V2 = [
    "NGHỊ QUYẾT về phát triển rừng bền vững giai đoạn 2026-2030",
    "Điều 1. Phạm vi điều chỉnh",
    "Nghị quyết này quy định chính sách hỗ trợ trồng rừng sản xuất trên địa bàn tỉnh.",
    "Điều 2. Đối tượng áp dụng",
    "Hộ gia đình, cá nhân và cộng đồng dân cư trồng rừng trên đất được giao.",
    "Điều 3. Mức hỗ trợ",
    "Hỗ trợ 8 triệu đồng cho mỗi héc-ta rừng trồng mới.",
    "Điều 4. Nguồn kinh phí",
    "Điều 5. Tổ chức thực hiện",
    "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
    "Điều 6. Hiệu lực thi hành: Nghị quyết có hiệu lực từ ngày 01 tháng 01 năm 2027.",
]


def docx_of(paragraphs, table=None) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_of(paragraphs) -> bytes:
    """A one-page PDF (Helvetica, ASCII text) whose paragraphs pdftotext separates by blank lines."""
    ops = ["BT /F1 12 Tf 72 760 Td 14 TL"]
    for para in paragraphs:
        escaped = para.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T* T* T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield
    cache.clear()


def add(world, draft, data: bytes, name: str) -> SubmissionFile:
    return services.submission_file_add(actor=world["admin"], submission=draft, uploaded=ContentFile(data, name=name))


# -- the comparison itself --------------------------------------------------------------------


def test_compare_counts_and_word_marks():
    result = versions_diff.compare(V1, V2)
    assert (result.changed, result.added, result.removed, result.same) == (2, 1, 1, 8)
    kinds = [r.kind for r in result.rows]
    assert kinds.count("same") == 8
    changed = [r for r in result.rows if r.kind == "changed"]
    assert [(r.old_no, r.new_no) for r in changed] == [(5, 5), (7, 7)]
    assert ("ins", "và cộng đồng dân cư") in changed[0].parts
    assert ("del", "5") in changed[1].parts and ("ins", "8") in changed[1].parts
    removed = next(r for r in result.rows if r.kind == "removed")
    assert removed.old_no == 9 and removed.parts == [("del", "Ngân sách tỉnh bố trí hằng năm.")]
    added = next(r for r in result.rows if r.kind == "added")
    assert added.new_no == 11 and added.parts[0][1].startswith("Điều 6.")
    assert result.words_added == 5 + 1 + len(V2[-1].split()) and result.words_removed == 1 + 7
    # every word of both versions is in the rows: the old text and the new text rebuild
    old_text = " ".join(t for r in result.rows for op, t in r.parts if op in ("same", "del") and r.kind != "added")
    new_text = " ".join(t for r in result.rows for op, t in r.parts if op in ("same", "ins") and r.kind != "removed")
    assert old_text.split() == " ".join(V1).split() and new_text.split() == " ".join(V2).split()


def test_identical_and_a_rewritten_paragraph_is_removed_plus_added():
    assert versions_diff.compare(V1, V1).identical
    result = versions_diff.compare(["Điều 1. Phạm vi"], ["Một nội dung hoàn toàn khác hẳn về mọi mặt"])
    assert (result.changed, result.added, result.removed) == (0, 1, 1)


def test_long_unchanged_runs_are_folded_around_the_changes():
    old = [f"Khoản {i} giữ nguyên nội dung" for i in range(1, 21)]
    new = list(old)
    new[10] = "Khoản 11 sửa lại nội dung mới"
    blocks = versions_diff.compare(old, new).blocks(context=1)
    shown = [b["row"].kind for b in blocks if "row" in b]
    folds = [len(b["fold"]) for b in blocks if "fold" in b]
    assert shown == ["same", "changed", "same"] and folds == [9, 8]


# -- extraction and its cache -------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order():
    data = docx_of(["Điều 1.   Phạm vi", "", "Điều 2. Bảng"], table=[["Hạng mục", "Mức"], ["Rừng", "5"]])
    assert versions_diff.extract(data) == ["Điều 1. Phạm vi", "Điều 2. Bảng", "Hạng mục | Mức", "Rừng | 5"]


def test_pdf_paragraphs_through_pdftotext():
    data = pdf_of(["Dieu 1. Pham vi dieu chinh", "Dieu 2. Doi tuong", "1"])
    assert versions_diff.extract(data) == ["Dieu 1. Pham vi dieu chinh", "Dieu 2. Doi tuong"]


def test_the_text_is_extracted_once_and_cached(world, draft):
    one, two = add(world, draft, docx_of(V1), "v1.docx"), add(world, draft, docx_of(V2), "v2.docx")
    first = versions_diff.compare_versions(one, two)
    assert cache.get(versions_diff.cache_key(one)) == V1
    os.remove(one.file.path)  # gone from the disk: the cached text still answers
    os.remove(two.file.path)
    again = versions_diff.compare_versions(one, two)
    assert [r.parts for r in again.rows] == [r.parts for r in first.rows]
    cache.clear()
    with pytest.raises(versions_diff.TextUnavailable):
        versions_diff.compare_versions(one, two)


# -- the page ------------------------------------------------------------------------------------


def test_diff_page_for_a_delegate_in_vietnamese(client, world, session_in_progress, draft):
    add(world, draft, docx_of(V1), "v1.docx")
    add(world, draft, docx_of(V2), "v2.docx")
    client.force_login(make_delegate_user(world, 0))
    url = reverse("council:document_diff", args=[draft.pk, 1, 2])
    session_page = client.get(reverse("council:delegate_session", args=[session_in_progress.pk])).content.decode()
    assert url in session_page and "Những điểm thay đổi (phiên bản 1 → 2)" in session_page
    view = client.get(reverse("council:document_view", args=[draft.pk, 2])).content.decode()
    assert url in view and "Những điểm thay đổi so với phiên bản 1" in view
    assert reverse("council:document_diff", args=[draft.pk, 0, 1]) not in client.get(
        reverse("council:document_view", args=[draft.pk, 1])
    ).content.decode()
    r = client.get(url)
    page = r.content.decode()
    assert r.status_code == 200
    assert "Những điểm thay đổi từ phiên bản 1 sang phiên bản 2" in page
    assert 'data-diff-counts="1-1-2"' in page  # added-removed-changed
    assert "đoạn được sửa đổi" in page and "Đoạn bổ sung" in page and "Đoạn lược bỏ" in page
    assert '<ins class="dc-ins">và cộng đồng dân cư</ins>' in page
    assert '<del class="dc-del">5</del>' in page and '<ins class="dc-ins">8</ins>' in page
    assert '<del class="dc-del">Ngân sách tỉnh bố trí hằng năm.</del>' in page
    assert "đoạn không thay đổi" in page  # the long unchanged run at the top is folded


def test_diff_of_a_pdf_and_a_docx_version(client, world, session_in_progress, draft):
    add(world, draft, pdf_of(["Dieu 1. Pham vi", "Ho tro 5 trieu dong moi hecta"]), "v1.pdf")
    add(world, draft, docx_of(["Dieu 1. Pham vi", "Ho tro 8 trieu dong moi hecta"]), "v2.docx")
    client.force_login(make_delegate_user(world, 0))
    page = client.get(reverse("council:document_diff", args=[draft.pk, 1, 2])).content.decode()
    assert 'data-diff-counts="0-0-1"' in page and '<ins class="dc-ins">8</ins>' in page


def test_same_text_unreadable_and_bad_requests(client, world, session_in_progress, draft, make_user, other_office):
    add(world, draft, docx_of(V1), "v1.docx")
    add(world, draft, docx_of(V1), "v1-lai.docx")
    from openpyxl import Workbook

    book, out = Workbook(), io.BytesIO()
    book.active.append(["Hạng mục", "Mức"])
    book.save(out)
    add(world, draft, out.getvalue(), "bang.xlsx")
    client.force_login(make_delegate_user(world, 0))
    same = client.get(reverse("council:document_diff", args=[draft.pk, 1, 2])).content.decode()
    assert "data-diff-identical" in same and "Hai phiên bản có nội dung giống nhau." in same
    sheet = client.get(reverse("council:document_diff", args=[draft.pk, 2, 3]))
    assert sheet.status_code == 200 and "data-diff-unreadable" in sheet.content.decode()
    assert client.get(reverse("council:document_diff", args=[draft.pk, 1, 1])).status_code == 422
    assert client.get(reverse("council:document_diff", args=[draft.pk, 1, 9])).status_code == 404
    client.force_login(make_user("office_admin", other_office))
    assert client.get(reverse("council:document_diff", args=[draft.pk, 1, 2])).status_code == 404
    client.logout()
    assert client.get(reverse("council:document_diff", args=[draft.pk, 1, 2])).status_code == 302


# -- the API (the delegate app) ------------------------------------------------------------------


def test_diff_through_the_api_with_a_delegate_token(client, world, session_in_progress, draft, make_user, other_office):
    from dancu.accounts.services import api_token_create

    add(world, draft, docx_of(V1), "v1.docx")
    add(world, draft, docx_of(V2), "v2.docx")
    _token, secret = api_token_create(actor=make_delegate_user(world, 0), name="máy tính bảng")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    url = f"/api/v1/council/submissions/{draft.pk}/diff"
    r = client.get(url, {"old": 1, "new": 2}, **auth)
    assert r.status_code == 200, r.content
    body = r.json()
    assert (body["added"], body["removed"], body["changed"], body["comparable"]) == (1, 1, 2, True)
    changed = [row for row in body["rows"] if row["kind"] == "changed"]
    assert {"op": "ins", "text": "8"} in changed[1]["parts"] and {"op": "del", "text": "5"} in changed[1]["parts"]
    assert client.get(url, {"old": 2, "new": 2}, **auth).status_code == 422
    assert client.get(url, {"old": 1, "new": 9}, **auth).status_code == 404
    assert client.get(url, {"old": "x", "new": 2}, **auth).status_code == 422
    _token, stranger = api_token_create(actor=make_user("office_admin", other_office), name="khác")
    assert client.get(url, {"old": 1, "new": 2}, HTTP_AUTHORIZATION=f"Bearer {stranger}").status_code == 404
    assert client.get(url, {"old": 1, "new": 2}).status_code == 401
    assert "/api/v1/council/submissions/{submission_id}/diff" in client.get("/api/v1/openapi.json").json()["paths"]
