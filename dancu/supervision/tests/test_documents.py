"""Every supervision document follows Decree 30's layout, carries its number in the yearly
series once issued, and opens in LibreOffice."""

from __future__ import annotations

import pytest

from dancu.core.documents import docx_text, layout_problems, libreoffice_text
from dancu.directory.models import Person
from dancu.supervision import documents, services
from dancu.supervision.models import DocumentKind
from dancu.supervision.tests.factories import YEAR, D, make_activity, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(w):
    admin = w["admin"]
    p = make_programme(admin, w["committee"])
    a = make_activity(
        admin, p, topic="Giám sát việc quản lý, sử dụng vốn đầu tư công", agencies=[w["land"], w["health"]]
    )
    services.team_save(actor=admin, activity=a, decision_number="12/QĐ-BKTNS", decision_date=D(YEAR, 2, 10))
    services.member_add(
        actor=admin,
        activity=a,
        person=Person.objects.create(full_name="Nguyễn Văn Trưởng", province=w["province"]),
        role="leader",
        body=w["committee"],
    )
    services.agency_report_expect(actor=admin, activity=a, agency=w["land"], due_on=D(YEAR, 3, 25))
    services.work_session_add(
        actor=admin, activity=a, held_on=D(YEAR, 4, 2), place="Sở Nông nghiệp và Môi trường"
    )
    services.recommendation_create(
        actor=admin, activity=a, content="Đẩy nhanh giải ngân", lead_agency=w["land"]
    )
    return a


@pytest.mark.parametrize("kind", DocumentKind.values)
def test_layout_and_number(w, activity, kind):
    draft = documents.build(activity, kind)
    assert layout_problems(draft, dispatch=False) == [], kind
    assert "Số:        /" in docx_text(draft)  # not issued: the number left to fill in
    services.document_issue(actor=w["admin"], activity=activity, kind=kind, issued_on=D(YEAR, 4, 20))
    issued = documents.build(activity, kind)
    text = docx_text(issued)
    assert layout_problems(issued, dispatch=False) == [], kind
    assert "Số: 01/" in text and "ngày 20 tháng 4 năm" in text
    assert "Nguyễn Văn Trưởng" in text  # the leader signs
    if kind == DocumentKind.OUTLINE:
        assert "25/03/" in text  # the agency's report due date
    if kind in (DocumentKind.REPORT, DocumentKind.CONCLUSIONS):
        assert "Đẩy nhanh giải ngân" in text


def test_documents_open_in_libreoffice(activity, libreoffice):
    for kind in DocumentKind.values:
        text = libreoffice_text(documents.build(activity, kind))
        assert text is not None and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, kind
