import datetime

import pytest

from dancu.core.documents import docx_text
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.petitions import reports, selectors, services
from dancu.petitions.models import ClassificationOverride, Petition, ReminderLog

from .factories import forward

pytestmark = pytest.mark.django_db


def _consolidated(w):
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    return sorted(petitions, key=lambda p: p.pk)


def test_parse_numbered_list():
    text = "1. Đề nghị sửa đường\n   liên thôn 3\n2) Cấp sổ đỏ chậm\n\n3- Thiếu thuốc BHYT"
    assert services.parse_numbered_list(text) == [
        "Đề nghị sửa đường liên thôn 3",
        "Cấp sổ đỏ chậm",
        "Thiếu thuốc BHYT",
    ]
    assert services.parse_numbered_list("một\nhai") == ["một", "hai"]


def test_planning_shows_clash(pworld):
    plan = selectors.planning(pworld["specialist"], pworld["round"])
    assert len(plan["clashes"]) == 1
    assert plan["clashes"][0]["person"] == pworld["delegate"]


def test_meeting_place_must_be_commune_of_province(pworld, other_province):
    from dancu.directory.tests.factories import CommuneFactory

    with pytest.raises(ValidationFailed):
        services.meeting_create(
            actor=pworld["specialist"],
            round=pworld["round"],
            kind="before_na",
            date=datetime.date(2025, 9, 21),
            place=CommuneFactory(parent=other_province),
        )


def test_consolidate_groups_and_provenance(pworld):
    petitions = _consolidated(pworld)
    assert len(petitions) == 2
    road = next(p for p in petitions if "8A" in p.text)
    assert road.opinions.count() == 2 and road.group_count == 2
    assert road.first_raised == datetime.date(2025, 9, 20)
    assert road.field == "giao_thong_xay_dung"
    assert road.code.startswith("KN25-")


def test_full_flow_forward_answer_reopen(pworld):
    w = pworld
    petitions = _consolidated(w)
    assert services.round_confirm_all(actor=w["specialist"], round=w["round"]) == 2
    road, land = (
        next(p for p in petitions if "8A" in p.text),
        next(p for p in petitions if "8A" not in p.text),
    )
    road.refresh_from_db()
    land.refresh_from_db()
    services.petition_classify(
        actor=w["specialist"], petition=road, field="giao_thong_xay_dung", level="central"
    )
    if road.level != "central":
        assert ClassificationOverride.objects.filter(petition=road).exists()
    services.petition_classify(actor=w["specialist"], petition=land, field="khac", level="province")
    assert ClassificationOverride.objects.filter(petition=land, field_after="khac").exists()
    central = forward(w, w["ministry"], [road], "15/VP-TH")
    assert central.due_date == datetime.date(2025, 11, 30) + datetime.timedelta(
        days=1
    )  # 60 days, Sunday → Monday
    local = forward(w, w["agri"], [land], "16/VP-TH")
    assert local.rule.answer_days == 30
    with pytest.raises(Conflict):
        forward(w, w["agri"], [land], "17/VP-TH")
    # The agency answers only what was forwarded to it.
    with pytest.raises(PermissionDenied):
        services.answer_submit(
            actor=w["responder"], batch=central, petition=road, text="x", status="resolved"
        )
    answer = services.answer_submit(
        actor=w["responder"],
        batch=local,
        petition=land,
        text="Đã chỉ đạo cấp giấy trong quý IV.",
        status="in_progress",
    )
    land.refresh_from_db()
    assert land.status == Petition.Status.ANSWERED
    services.answer_review(
        actor=w["specialist"], answer=answer, accepted=False, reason="Chưa nêu thời hạn cụ thể."
    )
    land.refresh_from_db()
    assert land.status == Petition.Status.REOPENED
    services.answer_submit(
        actor=w["responder"], batch=local, petition=land, text="Hoàn thành 30/11.", status="resolved"
    )
    rows = selectors.results_by_agency(w["specialist"], w["round"], today=datetime.date(2026, 1, 10))
    by_agency = {r["agency"].pk: r for r in rows}
    assert by_agency[w["agri"].pk]["resolved_pct"] == 100.0
    assert by_agency[w["ministry"].pk]["overdue"] == 1
    # Reminders: once per batch and kind, however often the task runs.
    assert services.send_reminders(today=datetime.date(2026, 1, 10)) == 1
    assert services.send_reminders(today=datetime.date(2026, 1, 10)) == 0
    assert ReminderLog.objects.get().kind == "overdue"
    # Documents carry the Decree-30 header, number and date line.
    letter = docx_text(reports.cover_letter(central))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in letter and "Số: 15/VP-TH" in letter
    assert "ngày 01 tháng 10 năm 2025" in letter
    groups = selectors.synthesis(w["specialist"], w["round"])
    text = docx_text(reports.synthesis_docx(w["round"], groups, number=7, date=datetime.date(2025, 10, 5)))
    assert "BÁO CÁO" in text and "Số: 07/BC-VP" in text and "ngày 05 tháng 10 năm 2025" in text
    assert "THUỘC THẨM QUYỀN TRUNG ƯƠNG" in text
    assert "Bí Mật" not in text
    assert reports.synthesis_xlsx(w["round"], groups)[:2] == b"PK"


def test_merge_and_split(pworld):
    w = pworld
    a, b = _consolidated(w)
    services.petition_merge(actor=w["specialist"], target=a, sources=[b])
    assert a.opinions.count() == 4 and not Petition.objects.filter(pk=b.pk).exists()
    moving = list(a.opinions.values_list("pk", flat=True)[:1])
    new = services.petition_split(actor=w["specialist"], petition=a, opinion_ids=moving)
    assert new.opinions.count() == 1 and a.opinions.count() == 3


def test_only_office_roles_write(pworld, make_user, other_office):
    stranger = make_user("office_admin", other_office)
    with pytest.raises(PermissionDenied):
        services.opinions_add(actor=stranger, meeting=pworld["m1"], rows=[{"text": "x"}])
    with pytest.raises(PermissionDenied):
        services.consolidate_round(actor=pworld["responder"], round=pworld["round"])


def test_repeated_petitions_across_rounds(pworld):
    w = pworld
    _consolidated(w)
    later = services.round_create(
        actor=w["specialist"],
        province=w["province"],
        name="TXCT sau kỳ họp",
        code="qh15-10b",
        start_date=datetime.date(2026, 1, 5),
    )
    m = services.meeting_create(
        actor=w["specialist"],
        round=later,
        kind="after_na",
        date=datetime.date(2026, 1, 10),
        place=w["m1"].place,
    )
    services.opinions_add(
        actor=w["specialist"],
        meeting=m,
        rows=[{"text": "QL8A đoạn qua xã vẫn nhiều ổ gà, chưa được sửa chữa, đề nghị nâng cấp."}],
    )
    (again,) = services.consolidate_round(actor=w["specialist"], round=later)
    assert again.previous is not None and again.rounds_raised == 2
    assert again in selectors.repeated_unresolved(w["specialist"])


def _forwarded_with_answer(w):
    """Two petitions forwarded to two agencies, one answered as resolved."""
    road, land = _consolidated(w)
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    road.refresh_from_db()
    land.refresh_from_db()
    batches = [
        forward(w, agency, [petition], f"{n}/VP-TH")
        for n, agency, petition in ((15, w["ministry"], road), (16, w["agri"], land))
    ]
    services.answer_submit(
        actor=w["responder"], batch=batches[1], petition=land, text="Đã cấp giấy.", status="resolved"
    )
    return batches


def test_results_docx_counts_per_agency(pworld):
    w = pworld
    _forwarded_with_answer(w)
    rows = selectors.results_by_agency(w["specialist"], w["round"], today=datetime.date(2026, 1, 10))
    text = docx_text(reports.results_docx(w["round"], rows, number=9, date=datetime.date(2026, 1, 10)))
    assert "Số: 09/BC-VP" in text and "ngày 10 tháng 01 năm 2026" in text
    assert "KẾT QUẢ GIẢI QUYẾT, TRẢ LỜI KIẾN NGHỊ CỦA CỬ TRI" in text.upper()
    # Two received, one answered and resolved (50,0 %), the other overdue.
    assert "đã chuyển 2 kiến nghị" in text and "đã trả lời 1 kiến nghị" in text
    assert "(50,0%)" in text and "1 kiến nghị quá hạn" in text
    assert w["agri"].name in text and w["ministry"].name in text


def test_reports_open_in_libreoffice(pworld, libreoffice):
    """The acceptance point: every DOCX of the module opens in LibreOffice (not only python-docx)
    and carries the Decree-30 header, number and date line."""
    from dancu.core.documents import libreoffice_text

    w = pworld
    batches = _forwarded_with_answer(w)
    groups = selectors.synthesis(w["specialist"], w["round"])
    rows = selectors.results_by_agency(w["specialist"], w["round"], today=datetime.date(2026, 1, 10))
    documents = {
        "cover letter": (reports.cover_letter(batches[0]), "Số: 15/VP-TH", "ngày 01 tháng 10 năm 2025"),
        "synthesis": (
            reports.synthesis_docx(w["round"], groups, number=7, date=datetime.date(2025, 10, 5)),
            "Số: 07/BC-VP",
            "ngày 05 tháng 10 năm 2025",
        ),
        "results": (
            reports.results_docx(w["round"], rows, number=9, date=datetime.date(2026, 1, 10)),
            "Số: 09/BC-VP",
            "ngày 10 tháng 01 năm 2026",
        ),
    }
    for name, (data, number, date_line) in documents.items():
        text = libreoffice_text(data)
        assert text is not None, f"LibreOffice could not open the {name}"
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, name
        assert "Độc lập - Tự do - Hạnh phúc" in text, name
        assert number in text and date_line in text, name
