"""In a real browser, the letters pages of issue 11 (items 5, 6, 8, 22, 25, 27, 28): each test
fails on the code as it was before. Selectors are element ids and URLs, not labels, so the
tests hold before and after the catalog is translated; document text is Vietnamese (built in
code).

Only the directory's and the letters' demo are loaded (not every module's), so that another
module's demo cannot break these tests.
"""

from __future__ import annotations

import datetime
import re

import pytest

# serialized_rollback: the rows seeded by migrations (rule tables of every module, which the
# shared dashboard reads) come back after each test's flush.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(transactional_db):
    from dancu.directory.demo import load as load_directory
    from dancu.letters.demo import load as load_letters

    load_directory()
    return load_letters()


def login(page, base, username):
    from dancu.directory.demo import DEMO_PASSWORD

    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


def _docx_text(download) -> str:
    from dancu.core.documents import docx_text

    with open(download.path(), "rb") as f:
        return docx_text(f.read())


def _complaint():
    from dancu.letters.models import Letter

    return Letter.objects.get(subject="Khiếu nại quyết định thu hồi đất làm đường tỉnh lộ")


def test_item5_the_public_index_of_letters(page, live_server, demo):
    """/cong-khai/don-thu/ was a 404 (Django's English debug page): it is the letters' public
    index, reached from the portal's home."""
    from dancu.letters.models import ReceptionDay

    base = live_server.url
    page.goto(f"{base}/cong-khai/")
    page.locator('#public-links a[href="/cong-khai/don-thu/"]').click()
    page.wait_for_url(f"{base}/cong-khai/don-thu/")
    assert "Page not found" not in page.content()
    day = ReceptionDay.objects.get()
    days = page.locator("#public-reception-days li").all_inner_texts()
    assert any(day.place in text and f"{day.date:%d/%m/%Y}" in text for text in days), days
    assert "Phạm Thị Hỏi" not in page.content()  # the citizen of the visit
    page.locator("#public-send").click()
    page.wait_for_url(f"{base}/cong-khai/don-thu/gui-don/")
    page.go_back()
    page.locator("#public-lookup").click()
    page.wait_for_url(f"{base}/cong-khai/don-thu/tra-cuu/")


def test_item6_the_report_of_the_period_asked_downloaded(page, live_server, demo):
    """The report said only "VĂN PHÒNG", had no place, signer nor recipients, always covered
    01/07-31/12 and had no reception figures."""
    base = live_server.url
    year = datetime.date.today().year  # noqa: DTZ011
    login(page, base, "chuyenvien")
    page.goto(f"{base}/don-thu/thong-ke/")
    page.locator("#period-year").fill(str(year))
    page.locator("#period-half").select_option("1")
    with page.expect_download() as info:
        page.locator("#report-download").click()
    first = _docx_text(info.value)
    lines = first.splitlines()
    assert lines[:2] == ["ĐOÀN ĐBQH VÀ HĐND TỈNH HÀ TĨNH", "VĂN PHÒNG"], lines[:3]
    assert "Hà Tĩnh, ngày" in first and f"6 tháng đầu năm {year}" in first
    assert "Nơi nhận:" in first and "CHÁNH VĂN PHÒNG" in first and "Nguyễn Văn Hải" in first
    assert "I. CÔNG TÁC TIẾP CÔNG DÂN" in first
    # The second half of the year: the demo's reception day and its visit are in it.
    page.locator("#period-half").select_option("2")
    with page.expect_download() as info:
        page.locator("#report-download").click()
    second = _docx_text(info.value)
    assert f"6 tháng cuối năm {year}" in second
    assert "đã tổ chức 1 buổi tiếp công dân; tiếp 1 lượt với 1 người" in second
    assert re.search(r"Tổng số đơn tiếp nhận: \d+ đơn, trong đó 0 đơn trùng", second)
    # Or any dates, typed dd/mm/yyyy.
    page.locator("#period-date_from").fill(f"01/01/{year}")
    page.locator("#period-date_to").fill(f"31/03/{year}")
    with page.expect_download() as info:
        page.locator("#report-download").click()
    assert f"từ ngày 01/01/{year} đến ngày 31/03/{year}" in _docx_text(info.value)


def test_item8_the_guidance_letter_names_the_writer_and_the_competent_body(page, live_server, demo):
    """It read "đơn … của ông/bà", was addressed to "L. T. B." and never named the competent
    agency: the guide step now asks for it, and the letter goes to the writer by name."""
    base = live_server.url
    letter = _complaint()
    login(page, base, "chuyenvien")
    page.goto(f"{base}/don-thu/{letter.pk}/")
    page.locator("#more-actions").click()
    page.locator("#menu-guide").click()
    page.locator("#guide-button").click()  # no competent body named: refused in place
    page.locator("#guide-error").wait_for()
    assert page.locator("#panel-guide").is_visible()
    page.locator("#guided_to").select_option(label="Ủy ban nhân dân tỉnh Hà Tĩnh")
    page.locator("#guide-button").click()
    page.wait_for_load_state()
    assert "Ủy ban nhân dân tỉnh Hà Tĩnh" in page.locator("#guided-to").inner_text()
    page.locator("#more-actions").click()
    with page.expect_download() as info:
        page.locator("#doc-guidance").click()
    text = _docx_text(info.value)
    assert "Kính gửi: Ông/Bà Trần Thị Khiếu." in text and "T. T. K." not in text
    assert "V/v hướng dẫn công dân gửi đơn" in text
    assert text.count("Ủy ban nhân dân tỉnh Hà Tĩnh") >= 2
    assert "Nguyễn Văn Hải" in text and "- Lưu: VT" in text


def test_item22_the_intake_form_warns_of_a_duplicate_while_it_is_filled(page, live_server, demo):
    """The warning came only after saving: now it comes while typing, before registering; a
    sealed match says only that it is a sealed letter."""
    from dancu.letters.models import Letter

    base = live_server.url
    before = Letter.objects.count()
    complaint = _complaint()
    login(page, base, "chuyenvien")
    page.goto(f"{base}/don-thu/tiep-nhan/")
    page.locator("#id_receiving_body").select_option(label="Đoàn đại biểu Quốc hội tỉnh Hà Tĩnh")
    page.locator("#id_name").fill("Tran Thi Khieu")
    page.locator("#id_phone").fill("0913 222 333")
    hint = page.locator("#duplicate-hints .duplicate-hint", has_text=complaint.number)
    hint.wait_for()
    assert Letter.objects.count() == before  # nothing registered yet
    # The denouncer's phone: a sealed letter, and nothing more is said.
    page.locator("#id_name").fill("")
    page.locator("#id_phone").fill("0912 000 111")
    sealed = page.locator("#duplicate-hints .sealed-hint")
    sealed.wait_for()
    sealed_letter = Letter.objects.get(kind="denunciation")
    box = page.locator("#duplicate-hints").inner_text()
    assert sealed_letter.number not in box and "Nguyễn Văn Tố" not in box
    assert Letter.objects.count() == before


def test_item25_the_register_is_readable_on_a_phone(browser, live_server, demo):
    """At 390x844 the register's table overflowed sideways: its rows are stacked now."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        base = live_server.url
        login(page, base, "chuyenvien")
        for url in ("/don-thu/", "/don-thu/lich-tiep-cong-dan/", f"/don-thu/{_complaint().pk}/"):
            page.goto(base + url)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
            widths = page.evaluate(
                "Array.from(document.querySelectorAll('main table')).map(t => t.scrollWidth)"
            )
            assert all(w <= 390 for w in widths), (url, widths)
        page.goto(base + "/don-thu/")
        first = page.locator("#register-table tbody tr").first
        assert first.is_visible() and first.bounding_box()["width"] <= 390
    finally:
        context.close()


def test_item27_the_case_page(page, live_server, demo):
    """The case page: status and next legal step with its deadline and days left; the history
    in words; one primary action and a menu; the files with download links."""
    from dancu.accounts.models import User
    from dancu.letters import services
    from dancu.letters.models import Letter

    base = live_server.url
    complaint = _complaint()
    actor = User.objects.get(username="vanphong")
    with_file = services.letter_create(
        actor=actor,
        receiving_body=complaint.receiving_body,
        received_date=datetime.date.today(),  # noqa: DTZ011
        channel="post",
        kind="petition",
        subject="Kiến nghị kèm ảnh hiện trường",
        identity=services.Identity(name="Hồ Văn Ảnh", address="Xã Cẩm Bình"),
        attachments=[services.Upload("anh-hien-truong.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    login(page, base, "vanphong")
    page.goto(f"{base}/don-thu/{complaint.pk}/")
    step = page.locator("#next-step")
    assert re.search(r"\d{2}/\d{2}/\d{4}", page.locator("#next-step-date").inner_text())
    assert re.search(r"\d", page.locator("#next-step-when").inner_text())
    assert "reception_answer" not in step.inner_text() and "accept:" not in step.inner_text()
    assert page.locator("#letter-status").is_visible()
    # One primary action; the others wait in the menu.
    assert page.locator("#primary-action").count() == 1 and page.locator("#primary-action").is_visible()
    assert not page.locator("#menu-file").is_visible() and not page.locator("#panel-result").is_visible()
    page.locator("#more-actions").click()
    assert page.locator("#menu-file").is_visible() and page.locator("#menu-edit").is_visible()
    page.keyboard.press("Escape")
    # The history, in words.
    history = page.locator("#history").inner_text()
    assert "Nguyễn Thị Thu Hà" in history and "letters." not in history
    # The files, with their download links (opening one is audited).
    page.goto(f"{base}/don-thu/{with_file.pk}/")
    with page.expect_download() as info:
        page.locator("#attachments a").first.click()
    assert info.value.suggested_filename.endswith(".pdf")
    assert Letter.objects.get(pk=with_file.pk).attachments.count() == 1


def test_item28_dashboard_cards_of_the_specialist_and_the_agency(page, live_server, demo):
    """The dashboard showed no letters: the specialist sees what is overdue and due this week
    and what is new; the agency what was sent to it with its due date."""
    from dancu.letters.models import Letter

    base = live_server.url
    complaint = _complaint()
    login(page, base, "chuyenvien")
    overdue = page.locator('a[href="/don-thu/?overdue=1"]')
    assert overdue.count() == 1 and "1" in overdue.inner_text()
    assert page.locator('a[href="/don-thu/?due=week"]').count() == 1
    assert page.locator('a[href^="/don-thu/?status=received&from="]').count() == 1
    overdue.click()
    page.wait_for_url(re.compile(r".*/don-thu/\?overdue=1"))
    assert complaint.number in page.locator("#rows").inner_text()
    # The agency (Sở Nông nghiệp và Môi trường): the denunciation forwarded to it.
    page.context.clear_cookies()
    login(page, base, "coquan")
    forwarded = Letter.objects.get(kind="denunciation")
    card = page.locator('a[href="/don-thu/?status=forwarded"]')
    assert card.count() == 1
    text = card.inner_text()
    assert "1" in text and f"{forwarded.due_date:%d/%m/%Y}" in text
    card.click()
    page.wait_for_url(re.compile(r".*status=forwarded"))
    rows = page.locator("#rows").inner_text()
    assert forwarded.number in rows and complaint.number not in rows
