"""In a real browser: an event creates a notification, the bell counts it, the user marks it as
read, the e-mail arrives at a real SMTP server on loopback and its absolute link opens the page;
after turning e-mail off for that event, the next one reaches the bell only."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Mat-khau-thu-2026"


def login(page, base, username, password):
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.fixture
def smtp_inbox(settings):
    from aiosmtpd.controller import Controller

    from dancu.notifications.tests.conftest import Inbox, free_port

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    try:
        yield inbox
    finally:
        controller.stop()


def bell_count(page, base) -> int:
    """The bell as the top bar shows it (its own fragment, which the top bar refreshes)."""
    page.goto(f"{base}/thong-bao/chuong/")
    return int(page.locator("[data-notification-bell]").get_attribute("data-count"))


def test_event_bell_mark_read_and_email(page, live_server, smtp_inbox, settings, office, make_user):
    from dancu.notifications import services
    from dancu.notifications.models import Event
    from dancu.notifications.tests.conftest import text_of

    base = live_server.url
    settings.DANCU_SITE_URL = base
    user = make_user("specialist", office)
    user.email = "chuyenvien@dancu.example.vn"
    user.full_name = "Lê Văn Tâm"
    user.save()

    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    login(page, base, user.username, PASSWORD)
    page.wait_for_url(f"{base}/")
    assert bell_count(page, base) == 0

    # A module's service tells the user that a task was assigned (committed at once here).
    services.notify(
        event=Event.TASK_ASSIGNED,
        recipients=[user],
        title="Được giao nhiệm vụ: tổng hợp ý kiến cử tri",
        body="Theo thông báo kết luận giao ban quý IV.",
        url="/thong-bao/viec-cua-toi/",
        dedupe_key="coordination.task:1",
        province_id=office.province_id,
    )
    assert bell_count(page, base) == 1

    # The list shows it unread; mark it as read.
    page.goto(f"{base}/thong-bao/")
    assert page.locator("[data-unread-count]").get_attribute("data-unread-count") == "1"
    item = page.locator("[data-notification]").first
    assert "Được giao nhiệm vụ: tổng hợp ý kiến cử tri" in item.inner_text()
    assert item.get_attribute("data-read") == "0"
    item.locator("[data-action=read]").click()
    page.wait_for_selector("[data-unread-count='0']")
    assert page.locator("[data-notification]").first.get_attribute("data-read") == "1"
    assert bell_count(page, base) == 0

    # The e-mail arrived at the loopback SMTP server, in Vietnamese, with an absolute link.
    (message,) = smtp_inbox.wait_for(1)
    assert message["To"] == user.email
    text = text_of(message)
    with translation.override("vi"):
        label = gettext("See the details")
    link = re.search(re.escape(label) + r": (\S+)", text)
    assert link and link.group(1) == f"{base}/thong-bao/viec-cua-toi/", text
    page.goto(link.group(1))
    assert page.url == f"{base}/thong-bao/viec-cua-toi/"
    assert page.locator("h1").first.is_visible()

    # Turn e-mail off for assigned tasks: the next one reaches the bell, not the mailbox.
    page.goto(f"{base}/thong-bao/cai-dat/")
    page.locator("input[name=task_assigned__email]").uncheck()
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(f"{base}/thong-bao/cai-dat/")
    assert not page.locator("input[name=task_assigned__email]").is_checked()
    assert page.locator("input[name=task_assigned__in_app]").is_checked()
    services.notify(
        event=Event.TASK_ASSIGNED,
        recipients=[user],
        title="Được giao nhiệm vụ thứ hai",
        url="/thong-bao/",
        dedupe_key="coordination.task:2",
    )
    assert bell_count(page, base) == 1
    page.goto(f"{base}/thong-bao/")
    page.locator("[data-action=read-all]").click()
    page.wait_for_selector("[data-unread-count='0']")
    import time

    time.sleep(0.5)
    assert len(smtp_inbox.messages) == 1
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
