"""In a real browser: a giao ban meeting of the provincial Standing Committee with the commune
councils, from its planning and invitation (the giấy mời DOCX) through a commune council's own
report (figures and file, submitted by that council's user), the opinions and the conclusions,
to the conclusions notice DOCX and its tasks done by their owner. The task assignment and the
reminder of a task due in 3 working days are e-mailed through Django's SMTP backend to a REAL
SMTP server on loopback (aiosmtpd), and read back from it."""

from __future__ import annotations

import datetime
import email
import socket
import threading
import time
from email import policy
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def wait_for(self, predicate, timeout: float = 20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                found = [m for m in self.messages if predicate(*m)]
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"no such message; received {[(r, m['Subject']) for r, m in self.messages]}")


@pytest.fixture
def smtp(settings):
    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DANCU_SITE_URL = "https://dancu.example.vn"
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def province_demo(transactional_db):
    """The directory's demo (bodies, people, users), and a user of a commune council."""
    from dancu.accounts.models import RoleAssignment, User
    from dancu.directory import demo
    from dancu.directory.models import Body

    demo.load()
    council = Body.objects.get(name="Hội đồng nhân dân phường Thành Sen")
    user = User.objects.create_user(
        username="xa.thanhsen", password=demo.DEMO_PASSWORD, email="xa@dancu.example"
    )
    user.full_name = "Võ Thị Hằng"
    user.save()
    RoleAssignment.objects.create(user=user, body=council, role="specialist")
    return {"council": council, "user": user}


def login(page, base, username, password):
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


def step(page, action, status):
    page.locator(f"form:has(input[name=action][value={action}]) button").click()
    page.wait_for_selector(f"[data-meeting-status={status}]")


def download(page, selector) -> bytes:
    with page.expect_download() as info:
        page.locator(selector).click()
    return Path(info.value.path()).read_bytes()


def test_giao_ban_from_invitation_to_tasks_done(
    browser, page, live_server, province_demo, smtp, tmp_path, settings
):
    from dancu.coordination.models import LowerReport, Meeting, Task
    from dancu.core.calendar import current_calendar
    from dancu.core.documents import docx_text, layout_problems
    from dancu.directory.demo import DEMO_PASSWORD, HT_STANDING
    from dancu.directory.models import Body
    from dancu.notifications.tasks import send_due_reminders

    settings.MEDIA_ROOT = tmp_path
    base = live_server.url
    council = province_demo["council"]
    other = Body.objects.get(name="Hội đồng nhân dân xã Đức Thọ")
    standing = Body.objects.get(name=HT_STANDING)
    today = datetime.date.today()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # 1. The Office plans the meeting with the two commune councils.
    login(page, base, "vanphong", DEMO_PASSWORD)
    page.goto(f"{base}/phoi-hop/giao-ban/tao/")
    page.locator("select[name=host]").select_option(str(standing.pk))
    page.locator("input[name=title]").fill("Hội nghị giao ban Thường trực HĐND tỉnh với các xã, phường")
    page.locator("input[name=period]").fill("6 tháng cuối năm 2026")
    page.locator("input[name=starts_at]").fill(f"{today:%Y-%m-%d}T08:00")
    page.locator("input[name=ends_at]").fill(f"{today:%Y-%m-%d}T11:30")
    page.locator("input[name=place]").fill("Hội trường HĐND tỉnh")
    page.locator(f"input[name=participants][value='{council.pk}']").check()
    page.locator(f"input[name=participants][value='{other.pk}']").check()
    page.locator("textarea[name=agenda]").fill("Đánh giá kết quả hoạt động năm 2026.")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_selector("[data-meeting-status=planned]")
    meeting = Meeting.objects.get()
    assert set(meeting.participants.values_list("pk", flat=True)) == {council.pk, other.pk}

    # 2. Invitations: the step, then the giấy mời as DOCX (Decree 30).
    step(page, "invite", "invited")
    invitation = download(page, "[data-download=invitation]")
    assert layout_problems(invitation, dispatch=False) == []
    text = docx_text(invitation)
    assert "GIẤY MỜI" in text and council.name in text and other.name in text and "08 giờ 00" in text

    # 3. The commune council's own user submits its report (figures and the file); it cannot
    #    submit the other council's.
    lower = browser.new_context(locale="vi-VN")
    lower_page = lower.new_page()
    lower_page.set_default_timeout(15000)
    try:
        login(lower_page, base, "xa.thanhsen", DEMO_PASSWORD)
        lower_page.goto(f"{base}/phoi-hop/giao-ban/{meeting.pk}/")
        assert lower_page.locator(f"[data-report-body='{other.pk}'] a").count() == 0
        lower_page.locator(f"[data-report-body='{council.pk}'] a").click()
        for name, value in (
            ("sessions_held", "3"),
            ("resolutions", "21"),
            ("supervisions", "2"),
            ("voter_meetings", "9"),
            ("letters_received", "14"),
            ("letters_handled", "12"),
        ):
            lower_page.locator(f"input[name={name}]").fill(value)
        lower_page.locator("textarea[name=notes]").fill("Đề nghị tập huấn nghiệp vụ giám sát.")
        lower_page.locator("input[name=file]").set_input_files(
            files=[{"name": "bao-cao.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
        )
        lower_page.locator("main form[method=post] button[type=submit]").first.click()
        lower_page.wait_for_selector(f"[data-report-body='{council.pk}'] >> text=21")
        response = lower_page.request.get(f"{base}/phoi-hop/giao-ban/{meeting.pk}/bao-cao/{other.pk}/")
        assert response.status == 403
    finally:
        lower.close()
    report = LowerReport.objects.get(meeting=meeting, body=council)
    assert (report.resolutions, report.letters_handled, report.file_name) == (21, 12, "bao-cao.pdf")

    # 4. Held; an opinion; a step refused with its reason; the conclusions; concluded.
    page.reload()
    step(page, "hold", "held")
    page.locator("#opinion-form").evaluate("f => f.closest('details').open = true")
    page.locator("#opinion-form select[name=body]").select_option(str(council.pk))
    page.locator("#opinion-form textarea[name=content]").fill("Đề nghị tỉnh hướng dẫn giám sát chuyên đề.")
    page.locator("#opinion-form button[type=submit]").click()
    page.wait_for_selector("#opinions >> text=hướng dẫn giám sát chuyên đề")
    assert page.locator("[data-reason=conclude]").count() == 1  # no conclusions yet: said why
    page.locator("#conclusions-form textarea[name=conclusions]").fill(
        "Tăng cường giám sát chuyên đề.\nTổ chức tập huấn cho đại biểu HĐND cấp xã."
    )
    page.locator("#conclusions-form button[type=submit]").click()
    page.wait_for_selector("#conclusions-form")
    step(page, "conclude", "concluded")

    # 5. A task for the commune council, due in two working days: assigned by e-mail.
    due = current_calendar().add_working_days(today, 2)
    page.locator("#task-form").evaluate("f => f.closest('details').open = true")
    page.locator("#task-form textarea[name=content]").fill("Xây dựng kế hoạch tập huấn nghiệp vụ")
    page.locator("#task-form select[name=owner_body]").select_option(str(council.pk))
    page.locator("#task-form input[name=due_date]").fill(due.strftime("%d/%m/%Y"))
    page.locator("#task-form button[type=submit]").click()
    page.wait_for_selector("[data-task-status=open]")
    task = Task.objects.get()
    assert task.owner_body == council and task.due_date == due
    assigned = smtp.wait_for(
        lambda to, m: "xa@dancu.example" in to and "Xây dựng kế hoạch" in str(m["Subject"])
    )
    assert (
        f"/phoi-hop/nhiem-vu/{task.pk}/" in assigned[0][1].get_body(preferencelist=("plain",)).get_content()
    )

    # 6. The conclusions notice: the report's figures, the opinion, the conclusions, the task.
    notice = download(page, "[data-download=conclusions]")
    assert layout_problems(notice, dispatch=False) == []
    text = docx_text(notice)
    for expected in (
        "THÔNG BÁO",
        "Tăng cường giám sát chuyên đề.",
        "hướng dẫn giám sát chuyên đề",
        "Xây dựng kế hoạch tập huấn nghiệp vụ",
        due.strftime("%d/%m/%Y"),
        council.name,
        "21",
    ):
        assert expected in text, expected

    # 7. The daily reminder run: the task due in 2 working days reaches its owner by e-mail.
    send_due_reminders()
    smtp.wait_for(lambda to, m: "xa@dancu.example" in to and due.strftime("%d/%m/%Y") in str(m["Subject"]))

    # 8. The owner starts and completes the task with its result.
    owner = browser.new_context(locale="vi-VN")
    owner_page = owner.new_page()
    owner_page.set_default_timeout(15000)
    try:
        login(owner_page, base, "xa.thanhsen", DEMO_PASSWORD)
        owner_page.goto(f"{base}/phoi-hop/nhiem-vu/{task.pk}/")
        owner_page.locator("form:has(input[name=action][value=start]) button").click()
        owner_page.wait_for_selector("[data-task-status=in_progress]")
        owner_page.locator("#complete-form textarea[name=result]").fill("Đã ban hành kế hoạch tập huấn.")
        owner_page.locator("#complete-form button[type=submit]").click()
        owner_page.wait_for_selector("[data-task-status=done]")
        assert owner_page.locator("form:has(input[name=action][value=cancel])").count() == 0
    finally:
        owner.close()
    task.refresh_from_db()
    assert task.status == "done" and task.result == "Đã ban hành kế hoạch tập huấn." and task.done_on == today

    # 9. The case page's timeline tells the story.
    page.goto(f"{base}/phoi-hop/giao-ban/{meeting.pk}/")
    assert page.locator("#timeline li").count() >= 8
    assert page.locator("[data-task-status=done]").count() == 1
    assert not errors, errors
