"""In a real browser: sign in, open the dashboard, search "nguyen van" and find "Nguyễn Văn …"."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, base, username, password):
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_sign_in_dashboard_and_search(page, live_server, demo):
    from dancu.directory.demo import DEMO_PASSWORD

    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    login(page, live_server.url, "chuyenvien", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", name="Bảng điều khiển").is_visible()
    people = int(page.locator("[data-count=people]").inner_text().replace(".", ""))
    assert people >= 60

    page.get_by_label("Tìm kiếm").first.fill("nguyen van")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/tim-kiem/\?q=nguyen\+van"))
    results = page.locator("#search-results section").first.locator("li a").all_inner_texts()
    assert results, "no person found"
    assert all(name.startswith("Nguyễn Văn") for name in results), results

    # The person page opens from the result; a specialist sees contact details.
    page.locator("#search-results section").first.locator("li a").first.click()
    assert page.get_by_role("heading", name=re.compile("^Nguyễn Văn")).is_visible()
    assert page.get_by_text("Lịch sử chức vụ").is_visible()
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors


def test_dang_search_on_people_list_with_htmx(page, live_server, demo):
    from dancu.directory.demo import DEMO_PASSWORD

    login(page, live_server.url, "xem", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/danh-ba/nhan-su/")
    page.get_by_label("Họ và tên").fill("dang")
    # htmx replaces the rows after a short delay; poll from Python (CSP forbids page-side eval).
    names: list[str] = []
    for _ in range(50):
        names = page.locator("#rows tbody tr a").all_inner_texts()
        if names and all(("Đặng" in n or "Đăng" in n) for n in names):
            break
        page.wait_for_timeout(200)
    assert "q=dang" in page.url  # hx-push-url keeps the filter in the address
    assert names and all(("Đặng" in n or "Đăng" in n) for n in names), names
    # A viewer does not see contact details.
    page.locator("#rows tbody tr a").first.click()
    assert page.locator("[data-private]").count() == 0


def test_other_province_sees_nothing_of_ha_tinh(page, live_server, demo):
    from dancu.directory.demo import DEMO_PASSWORD

    login(page, live_server.url, "vanphong.nghean", DEMO_PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/tim-kiem/?q=nguyen+van")
    assert page.locator("#search-results section").first.locator("li a").count() == 0
