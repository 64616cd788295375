"""The three documents follow Decree 30's layout and say what the records hold."""

from __future__ import annotations

import pytest

from dancu.coordination import documents, selectors, services
from dancu.coordination.tests.factories import D, held_meeting, make_regulation
from dancu.core.documents import docx_text, layout_problems

pytestmark = pytest.mark.django_db


def test_invitation_and_conclusions(admin, bodies):
    w = bodies
    meeting = held_meeting(admin, w)
    services.report_submit(actor=admin, meeting=meeting, body=w["commune_a"], sessions_held=3, resolutions=11)
    services.opinion_add(
        actor=admin, meeting=meeting, body=w["commune_b"], content="Đề nghị tập huấn nghiệp vụ"
    )
    services.conclusions_set(actor=admin, meeting=meeting, conclusions="Tăng cường giám sát chuyên đề.")
    services.task_create(
        actor=admin,
        meeting=meeting,
        content="Xây dựng kế hoạch tập huấn",
        owner_body=w["commune_a"],
        due_date=D(2026, 9, 30),
    )
    invitation = documents.invitation_docx(meeting)
    assert layout_problems(invitation, dispatch=False) == []
    text = docx_text(invitation)
    assert "GIẤY MỜI" in text and w["commune_a"].name in text and "08 giờ 00" in text
    notice = documents.conclusions_docx(meeting)
    assert layout_problems(notice, dispatch=False) == []
    text = docx_text(notice)
    for expected in (
        "THÔNG BÁO",
        "Tăng cường giám sát chuyên đề.",
        "Xây dựng kế hoạch tập huấn",
        "30/09/2026",
        "Đề nghị tập huấn nghiệp vụ",
        "11",
    ):
        assert expected in text, expected
    assert documents.NOBODY in text  # no chair in the directory: said, never a blank


def test_review_report_shows_no_data_for_missing_modules(admin, province, bodies):
    regulation = make_regulation(admin, province, bodies)
    services.area_set(
        actor=admin,
        regulation=regulation,
        area="consultation",
        lead=[bodies["na"]],
        coordinate=[bodies["ubnd"]],
    )
    review = services.review_create(actor=admin, regulation=regulation, year=2025)
    services.review_update(
        actor=admin, review=review, results="Các bên phối hợp chặt chẽ.", limits="Báo cáo chậm."
    )
    groups = selectors.review_figures(province.pk, 2025)
    data = documents.review_docx(review, groups, bodies["standing"])
    assert layout_problems(data, dispatch=False) == []
    text = docx_text(data)
    assert "Sơ kết việc thực hiện Quy chế phối hợp số 379/QCPH" in text
    assert "Các bên phối hợp chặt chẽ." in text and "Báo cáo chậm." in text
    assert "chủ trì Đoàn ĐBQH tỉnh; phối hợp UBND tỉnh" in text
    missing = [g for g in groups if not g.available]
    assert (documents.NO_DATA in text) == bool(missing)
    assert "NHIỆM VỤ NĂM 2026" in text


def test_previews_from_the_demo_open_in_libreoffice(db, libreoffice):
    """The module's samples (manifest `documents`) built from its demo: Decree 30 layout, and
    LibreOffice opens each (the shared tests/test_document_previews.py does the same for all)."""
    from dancu.accounts.models import User
    from dancu.coordination import demo, previews
    from dancu.core.documents import libreoffice_text
    from dancu.directory import demo as directory_demo

    directory_demo.load()
    assert demo.load()["meetings"] == 2
    assert demo.load() == {"regulations": 1}  # idempotent
    found = previews.samples(User.objects.get(username="admin"))
    assert {s.slug for s in found} == {
        "coordination-invitation",
        "coordination-conclusions",
        "coordination-review",
    }
    for sample in found:
        assert sample.problems() == [], sample.slug
        text = libreoffice_text(sample.data)
        assert text is not None and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, sample.slug
