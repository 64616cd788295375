"""Dates read and typed as dd/mm/yyyy even in a browser set to English (issue 11, item 26):
the native date input shows mm/dd/yyyy there; app.js turns it into a dd/mm/yyyy field with a
calendar."""

from __future__ import annotations

import pytest

from dancu.directory.demo import DEMO_PASSWORD

from .test_foundation_flow import login

pytestmark = pytest.mark.browser


def test_date_fields_are_dd_mm_yyyy_in_an_english_browser(browser, live_server, demo):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        login(page, live_server.url, "chuyenvien", DEMO_PASSWORD)
        page.wait_for_url(f"{live_server.url}/")
        page.goto(f"{live_server.url}/ky-hop/tao/")
        field = page.locator('input[data-date="vi"]').first
        assert field.get_attribute("type") == "text"
        assert field.get_attribute("placeholder") == "dd/mm/yyyy"
        field.fill("")
        field.type("05012026")
        assert field.input_value() == "05/01/2026"
        page.locator(".dc-calendar-button").first.click()
        calendar = page.locator(".dc-calendar")
        assert "Tháng 1 2026" in calendar.inner_text()
        calendar.locator('[data-day="15"]').click()
        assert field.input_value() == "15/01/2026"
        assert page.locator(".dc-calendar").count() == 0
    finally:
        context.close()
