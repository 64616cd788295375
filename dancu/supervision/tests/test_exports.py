"""The draft / final results report (visible state, audited, final locks the draft; a draft is
never published) and the figures exports (Excel, and a Decree-30 DOCX that opens in LibreOffice)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from dancu.core.documents import docx_text, layout_problems, libreoffice_text
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.supervision import documents, services
from dancu.supervision.models import DocumentKind, SupervisionDocument
from dancu.supervision.tests.factories import YEAR, D, make_activity, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(w):
    admin = w["admin"]
    p = make_programme(admin, w["committee"])
    a = make_activity(admin, p, topic="Giám sát việc quản lý, sử dụng vốn đầu tư công", agencies=[w["land"]])
    services.recommendation_create(actor=admin, activity=a, content="Đẩy nhanh giải ngân", lead_agency=w["land"])
    return a


def test_draft_then_final_locks_and_only_final_is_published(w, activity):
    admin = w["admin"]
    report = services.document_issue(
        actor=admin, activity=activity, kind=DocumentKind.REPORT, issued_on=D(YEAR, 5, 2), text="Bản nháp", final=False
    )
    text = docx_text(documents.build(activity, DocumentKind.REPORT))
    assert "DỰ THẢO" in text and "Số:        /" in text  # a draft: marked, no number yet
    with pytest.raises(Conflict):
        services.document_publish(actor=admin, document=report)
    services.document_issue(actor=admin, activity=activity, kind=DocumentKind.REPORT, text="Bản sửa", final=False)
    with pytest.raises(PermissionDenied):
        services.document_finalize(actor=w["viewer"], document=report, final=True)
    services.document_finalize(actor=admin, document=report, final=True)
    report.refresh_from_db()
    assert report.final and report.text == "Bản sửa"
    final_text = docx_text(documents.build(activity, DocumentKind.REPORT))
    assert "DỰ THẢO" not in final_text and f"Số: {report.number:02d}/" in final_text
    with pytest.raises(Conflict):  # final locks the draft
        services.document_issue(actor=admin, activity=activity, kind=DocumentKind.REPORT, text="Sửa lén")
    assert SupervisionDocument.objects.get(pk=report.pk).text == "Bản sửa"
    with pytest.raises(ValidationFailed):  # back to draft needs a reason
        services.document_finalize(actor=admin, document=report, final=False)
    services.document_publish(actor=admin, document=report)
    with pytest.raises(Conflict):  # not while published
        services.document_finalize(actor=admin, document=report, final=False, reason="Bổ sung số liệu")
    services.document_publish(actor=admin, document=report, published=False)
    services.document_finalize(actor=admin, document=report, final=False, reason="Bổ sung số liệu")
    actions = list(AuditEntry.objects.filter(action__startswith="supervision.document.").values_list("action", flat=True))
    assert "supervision.document.finalize" in actions and "supervision.document.to_draft" in actions


def test_the_toggle_on_the_page(client, w, activity):
    admin = w["admin"]
    services.document_issue(actor=admin, activity=activity, kind=DocumentKind.REPORT, final=False)
    client.force_login(admin)
    url = f"/giam-sat/hoat-dong/{activity.pk}/"
    page = client.get(url).content.decode()
    assert 'data-state="report" data-final="0"' in page and "dự thảo" in page
    assert client.post(f"{url}van-ban/report/ban-chinh-thuc/", {"final": "1"}).status_code == 302
    page = client.get(url).content.decode()
    assert 'data-final="1"' in page and "bản chính thức" in page
    refused = client.post(f"{url}van-ban/report/ban-chinh-thuc/", {"final": "0", "reason": ""})
    assert refused.status_code == 422  # a clear 4xx; nothing changes
    assert SupervisionDocument.objects.get(activity=activity, kind="report").final


def test_figures_excel_and_docx(client, w, activity, libreoffice):
    admin = w["admin"]
    services.activity_transition(actor=admin, activity=activity, action="start")
    client.force_login(admin)
    xlsx = client.get(f"/giam-sat/so-lieu/so-lieu.xlsx?year={YEAR}")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["Số liệu", "Nội dung"]
    by_agency = [[str(v) for v in r] for r in rows if r[0] == "Kiến nghị theo cơ quan"]
    assert by_agency == [["Kiến nghị theo cơ quan", w["land"].name, "1", "0", "0", "0"]]
    thematic = [r for r in rows if r[0] == "Giám sát chuyên đề theo chủ thể"]
    assert thematic and thematic[0][1] == w["committee"].name
    docx = client.get(f"/giam-sat/so-lieu/bao-cao.docx?year={YEAR}")
    assert docx.status_code == 200
    assert layout_problems(docx.content, dispatch=False) == []
    text = docx_text(docx.content)
    assert f"Kết quả hoạt động giám sát năm {YEAR}" in text and w["land"].name in text
    opened = libreoffice_text(docx.content)
    assert opened is not None and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in opened


def test_figures_exports_are_scoped(client, w, activity, make_user, other_province):
    from dancu.directory.models import BodyKind
    from dancu.directory.tests.factories import BodyFactory

    outsider = make_user("office_admin", BodyFactory(kind=BodyKind.OFFICE, province=other_province))
    client.force_login(w["agency_user"])
    assert client.get(f"/giam-sat/so-lieu/so-lieu.xlsx?year={YEAR}").status_code == 403
    assert client.get(f"/giam-sat/so-lieu/bao-cao.docx?year={YEAR}").status_code == 403
    client.force_login(outsider)
    sheet = load_workbook(io.BytesIO(client.get(f"/giam-sat/so-lieu/so-lieu.xlsx?year={YEAR}").content)).active
    assert w["land"].name not in str([[c.value for c in r] for r in sheet.iter_rows()])
    assert w["land"].name not in docx_text(client.get(f"/giam-sat/so-lieu/bao-cao.docx?year={YEAR}").content)
