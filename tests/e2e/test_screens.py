"""Issue 11: every page at 1366 x 900 (an Office's laptop) and 390 x 844 (a phone): nothing
scrolls sideways, and on the phone every form field fits the screen."""

import pytest

from dancu.directory.demo import DEMO_PASSWORD
from dancu.web.tests.test_wording import crawl

pytestmark = pytest.mark.browser

SCREENS = {"laptop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
ROLES = ["chuyenvien", "coquan", "daibieu"]

OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = document.documentElement.scrollWidth > width + 1;
  const fields = Array.from(document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button'))
    .filter(el => el.offsetParent !== null)
    .filter(el => { const r = el.getBoundingClientRect(); return r.right > width + 1 || r.left < -1; })
    .map(el => el.name || el.id || el.textContent.trim().slice(0, 30));
  return {wide, fields};
}"""


def _login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(f"{base}/")


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_page_fits_the_screen(browser, live_server, demo, screen):
    urls = {}
    for username in ROLES:
        seen: list[str] = []
        crawl(username, limit=120, per_route_max=1, pages_out=seen)
        urls[username] = seen
    context = browser.new_context(locale="vi-VN", viewport=SCREENS[screen])
    page = context.new_page()
    page.set_default_timeout(15000)
    problems = []
    try:
        for username, seen in urls.items():
            _login(page, live_server.url, username)
            for url in seen:
                page.goto(live_server.url + url)
                found = page.evaluate(OVERFLOW)
                if found["wide"]:
                    problems.append(f"{username} {url}: the page scrolls sideways")
                if found["fields"]:
                    problems.append(f"{username} {url}: fields off the screen: {found['fields'][:5]}")
        assert sum(len(s) for s in urls.values()) >= 40
    finally:
        context.close()
    assert not problems, "\n".join(problems)
