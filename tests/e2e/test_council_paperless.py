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
    session = make_session(secretary, world, title="Kỳ họp chuyên đề không giấy")
    services.agenda_item_add(
        actor=secretary, session=session, day=session.start_date, title="Thảo luận dự thảo"
    )
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
