"""Issue 11, items 6 and 18: the report of a period the user chooses (first or last six months,
a year, from-to), issued by the Office ("ĐOÀN ĐBQH VÀ HĐND TỈNH X" over "VĂN PHÒNG", the
province as place, the head named from the directory, "Nơi nhận"), with the reception figures;
statistics count each matter once, linked duplicates apart."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dancu.core.documents import docx_text, layout_problems
from dancu.directory.tests.factories import MembershipFactory, PersonFactory, post
from dancu.letters import selectors, services

pytestmark = pytest.mark.django_db


def _report(client, **params) -> tuple[int, str, bytes]:
    response = client.get(reverse("letters:report_docx"), params)
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, response.get("Content-Disposition", ""), data


@pytest.fixture
def head(office, province):
    person = PersonFactory(full_name="Nguyễn Văn Hải", province=province)
    MembershipFactory(person=person, body=office, post=post("chanh-van-phong"))
    return person


@pytest.fixture
def year_of_letters(make_letter, specialist, delegation, standing):
    """Two letters in the first half of 2026 (one a duplicate of the other, in the sister
    body), one in the second half; a reception day with two visits."""
    first = make_letter(kind="complaint", received_date=datetime.date(2026, 3, 2), subject="Khiếu nại A")
    copy = make_letter(
        kind="complaint",
        received_date=datetime.date(2026, 3, 5),
        subject="Khiếu nại A",
        receiving_body=standing,
    )
    services.letter_link_duplicate(actor=specialist, letter=copy, other=first)
    make_letter(kind="petition", received_date=datetime.date(2026, 9, 1), subject="Kiến nghị B")
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 4, 15))
    services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="complaint",
        citizens=services.Citizens(names=["Người Một", "Người Hai"]),
        citizen_count=3,
        content="Khiếu nại đền bù",
    )
    services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="denunciation",
        citizens=services.Citizens(names=["Người Ba"]),
        content="Tố cáo cán bộ",
    )
    return first, copy


def test_the_report_is_the_offices_with_its_header_place_signer_and_recipients(
    client, specialist, year_of_letters, head
):
    client.force_login(specialist)
    status, disposition, data = _report(client, year="2026", half="1")
    assert status == 200 and "6-thang-dau" in disposition
    assert layout_problems(data, dispatch=False) == []
    text = docx_text(data)
    lines = text.splitlines()
    assert lines[0] == "ĐOÀN ĐBQH VÀ HĐND TỈNH HÀ TĨNH" and lines[1] == "VĂN PHÒNG"
    assert "Hà Tĩnh, ngày" in text and ", ngày" not in text.replace("Hà Tĩnh, ngày", "")
    assert "6 tháng đầu năm 2026" in text
    assert "CHÁNH VĂN PHÒNG" in text and head.full_name in text
    assert "Nơi nhận:" in text and "Đoàn ĐBQH tỉnh Hà Tĩnh (để báo cáo)" in text and text.count("- Lưu:") == 1
    # Reception: one day held, two visits, four citizens; by kind.
    assert "đã tổ chức 1 buổi tiếp công dân; tiếp 2 lượt với 4 người" in text
    # Letters: two received, one of them a duplicate: one matter.
    assert "Tổng số đơn tiếp nhận: 2 đơn, trong đó 1 đơn trùng" in text and "1 vụ việc" in text
    assert "Kiến nghị B" not in text


def test_the_period_is_the_one_asked(client, specialist, year_of_letters):
    client.force_login(specialist)
    status, disposition, data = _report(client, year="2026", half="2")
    text = docx_text(data)
    assert status == 200 and "6 tháng cuối năm 2026" in text and "Tổng số đơn tiếp nhận: 1 đơn" in text
    status, disposition, data = _report(client, date_from="2026-03-01", date_to="2026-03-03")
    text = docx_text(data)
    assert (
        "từ ngày 01/03/2026 đến ngày 03/03/2026" in text
        and "Tổng số đơn tiếp nhận: 1 đơn, trong đó 0" in text
    )
    status, _d, data = _report(client, year="2026")
    assert status == 200 and "năm 2026" in docx_text(data)


def test_a_bad_period_comes_back_on_the_statistics_page(client, specialist, year_of_letters):
    client.force_login(specialist)
    status, _d, data = _report(client, date_from="2026-05-01", date_to="2026-03-01")
    assert status == 400 and b'id="period-error"' in data
    status, _d, data = _report(client, date_from="2026-05-01")
    assert status == 400
    status, _d, data = _report(client, year="3000")
    assert status == 400


def test_statistics_count_each_matter_once(client, specialist, year_of_letters):
    stats = selectors.statistics(specialist, year=2026)
    assert stats["received"] == 3 and stats["duplicates"] == 1 and stats["total"] == 2
    assert dict(stats["kind"]) == {"complaint": 1, "petition": 1}
    assert stats["reception"] == {
        "days": 1,
        "visits": 2,
        "citizens": 4,
        "by_kind": [("complaint", 1, 3), ("denunciation", 1, 1)],
    }
    client.force_login(specialist)
    html = client.get(reverse("letters:statistics"), {"year": 2026}).content.decode()
    assert (
        'id="stat-matters">2<' in html
        and 'id="stat-duplicates">1<' in html
        and 'id="stat-received">3<' in html
    )
    assert 'id="stat-visits">2<' in html and 'id="stat-citizens">4<' in html


def test_a_user_of_every_province_chooses_the_province_of_the_report(
    client, national_admin, year_of_letters, province, other_province
):
    client.force_login(national_admin)
    status, _d, data = _report(client, year="2026", half="1")
    assert status == 400 and b'id="period-province"' in data
    status, _d, data = _report(client, year="2026", half="1", province=province.pk)
    assert status == 200 and "ĐOÀN ĐBQH VÀ HĐND TỈNH HÀ TĨNH" in docx_text(data)
    status, _d, data = _report(client, year="2026", half="1", province=other_province.pk)
    assert status == 200 and "Tổng số đơn tiếp nhận: 0 đơn" in docx_text(data)
