"""In real browsers (issue 16): three delegates' devices and the chair's secretary run a vote
without paper: check in (the quorum updates live), register to speak, the secretary opens a
vote, each delegate votes on their device (one changes their mind), the projector shows the
live tally, the secretary closes, the projector shows the result, and the result sheet (DOCX)
is downloaded and read."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Phien-hop-2026!"


def login(context, base, username):
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")
    return page


@pytest.fixture
def hall_world(province, office):
    from dancu.accounts.tests.factories import user_with_role
    from dancu.council import services
    from dancu.council.ruleset import seed_rules
    from dancu.council.tests.factories import make_council, make_draft, make_session

    seed_rules()
    world = make_council(province, delegates=5)
    secretary = user_with_role("specialist", office)
    secretary.username = "thuky"
    secretary.set_password(PASSWORD)
    secretary.save()
    session = make_session(secretary, world, title="Kỳ họp chuyên đề không giấy", steps=("convene",))
    services.agenda_item_add(
        actor=secretary, session=session, day=session.start_date, title="Thảo luận dự thảo"
    )
    session = services.session_transition(actor=secretary, session=session, action="open")
    draft = make_draft(secretary, world, session, title="Dự thảo nghị quyết về trồng rừng")
    delegates = []
    for i in range(3):
        user = user_with_role("delegate", world["council"])
        user.username = f"daibieu{i}"
        user.person = world["people"][i]
        user.set_password(PASSWORD)
        user.save()
        delegates.append(user)
    return {
        "world": world,
        "session": session,
        "draft": draft,
        "secretary": secretary,
        "delegates": delegates,
    }


def test_three_devices_and_the_secretary_run_a_vote(browser, live_server, hall_world, tmp_path):
    from dancu.core.documents import docx_text
    from dancu.council.models import Ballot, ElectronicVote, SpeakerRequest

    base = live_server.url
    session, draft = hall_world["session"], hall_world["draft"]
    contexts = [browser.new_context(locale="vi-VN", accept_downloads=True) for _ in range(5)]
    errors: list[str] = []
    try:
        secretary = login(contexts[0], base, "thuky")
        secretary.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        secretary.goto(f"{base}/ky-hop/{session.pk}/phong-hop/")
        projector = login(contexts[1], base, "thuky")
        projector.goto(f"{base}/ky-hop/{session.pk}/man-chieu/")
        assert projector.locator("form, button").count() == 0  # no controls on the projector

        devices = []
        for i, user in enumerate(hall_world["delegates"]):
            device = login(contexts[2 + i], base, user.username)
            device.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            device.goto(f"{base}/ky-hop/dai-bieu/{session.pk}/")
            device.locator("[data-check-in]").click()
            device.wait_for_selector("[data-checked-in]")
            devices.append(device)
        # three of five present: no quorum (it needs four) — the projector follows live
        projector.wait_for_selector("#projector-live #quorum:has-text('3/5') [data-quorum=no]")
        # the secretary marks the fourth present: quorum
        secretary.reload()
        assert secretary.locator("[data-roll] form").count() == 2
        secretary.locator("[data-roll] form").first.locator("button").click()
        projector.wait_for_selector("#projector-live [data-quorum=yes]")

        # delegate 1 registers to speak; the projector shows the queue
        devices[0].locator("details:has([data-speak-form]) summary").click()
        devices[0].locator("[data-speak-form] select[name=kind]").select_option("discussion")
        devices[0].locator("[data-speak-form] input[name=topic]").fill("Mức hỗ trợ cây giống")
        devices[0].locator("[data-speak-form] button").click()
        projector.wait_for_selector("#projector-live [data-queue] li:has-text('Mức hỗ trợ cây giống')")
        assert SpeakerRequest.objects.filter(session=session).count() == 1

        # the secretary opens the vote on the draft
        form = secretary.locator("[data-open-vote]")
        form.locator("select[name=matter]").select_option("draft")
        form.locator("select[name=submission]").select_option(str(draft.pk))
        form.locator("input[name=minutes]").fill("5")
        form.locator("button").click()
        secretary.wait_for_selector("[data-close-vote]")
        vote = ElectronicVote.objects.get(session=session)

        # each device votes; the third changes its mind (no, then yes)
        for device, choice in zip(devices, ["yes", "yes", "no"], strict=True):
            device.wait_for_selector("[data-ballot-form]")
            device.locator(f"[data-ballot-form] button[value={choice}]").click()
            device.wait_for_selector(f"[data-my-ballot={choice}]")
        projector.wait_for_selector("#projector-live [data-count=yes]:text-is('2')")
        projector.wait_for_selector("#projector-live [data-count=no]:text-is('1')")
        devices[2].locator("[data-ballot-form] button[value=yes]").click()
        devices[2].wait_for_selector("[data-my-ballot=yes]")
        projector.wait_for_selector("#projector-live [data-count=yes]:text-is('3')")
        assert Ballot.objects.filter(vote=vote).count() == 3

        # close: the projector shows the result, 3 of 5 delegates is more than half: passed
        secretary.locator("[data-close-vote]").click()
        projector.wait_for_selector("#projector-live [data-passed=yes]")
        vote.refresh_from_db()
        assert (vote.status, vote.yes, vote.no, vote.passed) == ("closed", 3, 0, True)
        # a device no longer offers the ballot
        devices[0].wait_for_selector("#delegate-live [data-passed=yes]")
        assert devices[0].locator("[data-ballot-form]").count() == 0

        with secretary.expect_download() as info:
            secretary.locator("[data-result-sheet]").click()
        path = Path(tmp_path) / "ket-qua.docx"
        info.value.save_as(path)
        text = docx_text(path.read_bytes())
        assert "Kết quả biểu quyết" in text and "ĐƯỢC THÔNG QUA" in text and "3/5" in text
        assert not [e for e in errors if "Content Security Policy" in e], errors
    finally:
        for context in contexts:
            context.close()


PHONE = {"width": 390, "height": 844}


def _fits_the_phone(page) -> None:
    """Nothing wider than the screen: the page never scrolls sideways."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def test_the_delegate_app_on_a_phone(browser, live_server, hall_world, tmp_path, settings):
    """A delegate's phone (390×844): the agenda, a document, what changed between two versions
    of the draft, the ballot; each page fits the screen (screenshots kept in tmp_path, or in
    $DANCU_SCREENSHOTS). A vote whose time is up closes itself: the phone shows the result
    without the secretary closing it."""
    import datetime
    import io
    import os

    from django.core.files.base import ContentFile
    from django.utils import timezone
    from docx import Document

    from dancu.council import hall, services
    from dancu.council.models import ElectronicVote

    settings.MEDIA_ROOT = tmp_path
    shots = Path(os.environ.get("DANCU_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    session, draft, secretary = hall_world["session"], hall_world["draft"], hall_world["secretary"]

    def docx(paragraphs):
        document, out = Document(), io.BytesIO()
        for text in paragraphs:
            document.add_paragraph(text)
        document.save(out)
        return out.getvalue()

    first = [
        "Điều 1. Phạm vi điều chỉnh: chính sách hỗ trợ trồng rừng sản xuất trên địa bàn tỉnh.",
        "Điều 2. Đối tượng áp dụng: hộ gia đình, cá nhân trồng rừng trên đất được giao.",
        "Điều 3. Mức hỗ trợ: 5 triệu đồng cho mỗi héc-ta rừng trồng mới.",
        "Điều 4. Nguồn kinh phí: ngân sách tỉnh bố trí hằng năm.",
    ]
    second = [first[0], first[1].replace("cá nhân", "cá nhân, cộng đồng dân cư"), first[2].replace("5 triệu", "8 triệu")]
    second += ["Điều 5. Hiệu lực thi hành: từ ngày 01 tháng 01 năm 2027."]
    for n, paragraphs in enumerate((first, second), 1):
        services.submission_file_add(
            actor=secretary, submission=draft, uploaded=ContentFile(docx(paragraphs), name=f"du-thao-{n}.docx")
        )
    user = hall_world["delegates"][0]
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    base = live_server.url
    try:
        phone = login(context, base, user.username)
        phone.set_default_timeout(60000)
        phone.goto(f"{base}/ky-hop/dai-bieu/{session.pk}/")
        phone.locator("[data-check-in]").click()
        phone.wait_for_selector("[data-checked-in]")
        _fits_the_phone(phone)
        phone.screenshot(path=str(shots / "1-agenda.png"), full_page=True)

        phone.locator(f"[data-document='{draft.pk}-2']").click()
        phone.wait_for_selector("[data-notes]")
        _fits_the_phone(phone)
        phone.screenshot(path=str(shots / "2-document.png"), full_page=True)

        phone.locator("[data-diff-link]").first.click()
        phone.wait_for_selector("[data-diff-counts]")
        assert phone.locator("[data-diff-counts]").get_attribute("data-diff-counts") == "1-1-2"
        assert phone.locator("ins.dc-ins", has_text="8").count() == 1
        _fits_the_phone(phone)
        phone.screenshot(path=str(shots / "3-diff.png"), full_page=True)

        vote = hall.e_vote_open(actor=secretary, session=session, submission=draft, minutes=2)
        phone.goto(f"{base}/ky-hop/dai-bieu/{session.pk}/")
        phone.locator("[data-ballot-form] button[value=yes]").click()
        phone.wait_for_selector("[data-my-ballot=yes]")
        _fits_the_phone(phone)
        phone.screenshot(path=str(shots / "4-vote.png"), full_page=True)

        # the time is up: the phone's next poll closes the vote and shows the result
        ElectronicVote.objects.filter(pk=vote.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
        phone.wait_for_selector("#delegate-live [data-passed]", timeout=10000)
        assert phone.locator("[data-ballot-form]").count() == 0
        vote.refresh_from_db()
        assert (vote.status, vote.yes) == ("closed", 1)
        phone.screenshot(path=str(shots / "5-vote-closed.png"), full_page=True)
    finally:
        context.close()
