"""In a real browser, issue 11 for the council (each test fails on the code before it):

- item 16: the specialist is offered no "Adopt" (and gets no 403 after a click); on a session
  still in planning the vote form is not offered, its reason is, before anything is typed;
- item 27: a session's page is its case: status, the next legal step with its date, one primary
  action and a menu, the timeline in words, the files with download links;
- item 28: the dashboard of the leader (what awaits adoption) and of the delegate (their
  questions and the commitments made to them), each card leading to the records;
- items 25 and 14, and the 390 x 844 screen: list pages never scroll sideways, a resolution's
  number stays on one line, the pickers list the delegates of the term.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def login(page, base, username):
    from dancu.directory.demo import DEMO_PASSWORD

    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


def _demo_world():
    """The demo's council, its sessions (the closed third, the fourth in planning) and actor."""
    from dancu.accounts.models import User
    from dancu.council.models import Session
    from dancu.directory.demo import HT_COUNCIL

    planning = Session.objects.get(body__name=HT_COUNCIL, number=4)
    return {"planning": planning, "admin": User.objects.get(username="vanphong")}


def _session_in_progress(admin, title="Kỳ họp bất thường tháng 12"):
    """A session of the demo council opened today, with a draft voted and passed, not adopted."""
    from django.utils import timezone

    from dancu.council import services
    from dancu.council.models import Session
    from dancu.directory.demo import HT_COUNCIL

    planning = Session.objects.get(body__name=HT_COUNCIL, number=4)
    today = timezone.localdate()
    session = services.session_create(
        actor=admin,
        body=planning.body,
        term=planning.term,
        kind="extraordinary",
        title=title,
        start_date=today,
        end_date=today,
    )
    for step in ("convene", "open"):
        session = services.session_transition(actor=admin, session=session, action=step)
    ubnd = planning.body.province.province_bodies.get(kind="PEOPLES_COMMITTEE")
    draft = services.submission_create(
        actor=admin,
        session=session,
        kind="draft_resolution",
        title="Dự thảo nghị quyết về hỗ trợ khắc phục hậu quả bão",
        submitter=ubnd,
    )
    vote = services.vote_record(
        actor=admin, submission=draft, held_on=today, yes=55, no=1, abstain=1, not_voting=3
    )
    return session, draft, vote


def test_the_specialist_sees_no_adopt_and_no_vote_form_on_a_planning_session(page, live_server, demo):
    from dancu.council import services

    base = live_server.url
    world = _demo_world()
    session, draft, vote = _session_in_progress(world["admin"])
    waiting = services.submission_create(
        actor=world["admin"],
        session=world["planning"],
        kind="draft_resolution",
        title="Dự thảo nghị quyết về phát triển rừng",
        submitter=draft.submitter,
    )
    login(page, base, "chuyenvien")

    # A passed draft: no "Adopt" anywhere, but who adopts it.
    page.goto(f"{base}/ky-hop/tai-lieu/{draft.pk}/")
    assert page.locator("a[href$='/thong-qua/']").count() == 0
    assert page.locator("[data-awaiting-adoption]").is_visible()
    page.goto(f"{base}/ky-hop/{session.pk}/")
    assert page.locator("a[href$='/thong-qua/']").count() == 0
    assert page.locator("#votes [data-awaiting-adoption]").is_visible()

    # A draft of the session still in planning: "Record the vote" is disabled with the reason.
    page.goto(f"{base}/ky-hop/tai-lieu/{waiting.pk}/")
    page.locator("#more-actions").click()
    disabled = page.locator("[data-action=vote][data-disabled]")
    assert disabled.is_visible()
    reason = disabled.locator("[data-reason]").inner_text().strip()
    assert reason
    assert page.locator("a[href$='/bieu-quyet/']").count() == 0
    # Even by its address: the reason, no form to fill in.
    page.goto(f"{base}/ky-hop/tai-lieu/{waiting.pk}/bieu-quyet/")
    assert page.locator("[data-blocked]").inner_text().strip() == reason
    assert page.locator("input[name=yes]").count() == 0


def test_the_case_page_of_a_session(page, live_server, demo):
    from dancu.council.models import Session

    base = live_server.url
    planning = _demo_world()["planning"]
    login(page, base, "vanphong")
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/ky-hop/{planning.pk}/")

    header = page.locator("#case-header")
    assert header.locator("[data-session-status=planning]").is_visible()
    # The next legal step with its date: the convening notice, 7 days before a thematic session.
    step = page.locator("#next-step")
    assert step.get_attribute("data-next-step") == "convene"
    due = planning.start_date - datetime.timedelta(days=7)
    assert step.locator("[data-next-date]").inner_text().strip() == due.strftime("%d/%m/%Y")

    # One primary action, the others in a menu (a disabled one says why).
    primary = page.locator("#actions [data-primary]")
    assert primary.count() == 1 and primary.get_attribute("data-primary") == "convene"
    page.locator("#more-actions").click()
    assert page.locator(".dropdown-menu [data-action=edit]").is_visible()
    assert page.locator(".dropdown-menu [data-action=delete]").is_visible()

    # The timeline in words, from the audit log.
    events = page.locator("#timeline [data-event]").all_inner_texts()
    assert events and not [e for e in events if re.search(r"council\.\w+", e)]

    # The files, downloadable.
    with page.expect_download() as info:
        page.locator("#files a[href$='/chuong-trinh.docx']").click()
    assert Path(info.value.path()).read_bytes()[:2] == b"PK"
    assert _no_sideways_scroll(page)

    # The primary action moves the session on; the next step is then the opening.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#actions [data-primary=convene]").click()
    page.wait_for_selector("[data-session-status=convened]")
    assert Session.objects.get(pk=planning.pk).status == "convened"
    assert page.locator("#actions [data-primary]").get_attribute("data-primary") == "open"
    assert page.locator("#timeline [data-event]").count() == len(events) + 1


def _card(page, href: str):
    return page.locator(f"main a[href='{href}']").first


def test_the_leader_dashboard_shows_what_awaits_adoption(page, live_server, demo):
    from django.utils.translation import gettext as _

    base = live_server.url
    session, _draft, vote = _session_in_progress(_demo_world()["admin"])
    login(page, base, "lanhdao")
    card = _card(page, f"/ky-hop/{session.pk}/")
    assert _("Drafts passed, awaiting adoption") in card.inner_text()
    assert re.search(r"\b1\b", card.inner_text())
    card.click()
    page.wait_for_url(f"{base}/ky-hop/{session.pk}/")
    page.locator(f"#votes a[href='/ky-hop/bieu-quyet/{vote.pk}/thong-qua/']").click()
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/ky-hop/nghi-quyet/\d+/$"))
    page.goto(f"{base}/")
    awaiting = [
        a.inner_text()
        for a in page.locator("main a.card").all()
        if _("Drafts passed, awaiting adoption") in a.inner_text()
    ]
    assert awaiting and re.search(r"\b0\b", awaiting[0])
    assert _("Resolutions awaiting publication") in page.locator("main").inner_text()


def test_the_delegate_dashboard_shows_their_questions_and_commitments(page, live_server, demo):
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from dancu.accounts.models import User
    from dancu.council import services

    base = live_server.url
    world = _demo_world()
    person = User.objects.get(username="daibieu").person
    assert person is not None
    session, draft, _vote = _session_in_progress(world["admin"])
    agency = draft.submitter
    question = services.question_ask(
        actor=world["admin"],
        session=session,
        delegate=person,
        addressee="Chủ tịch UBND tỉnh",
        addressee_body=agency,
        content="Khi nào hoàn thành sửa chữa đê biển sau bão?",
        asked_on=timezone.localdate(),
    )
    services.commitment_add(
        actor=world["admin"],
        question=question,
        content="Hoàn thành sửa chữa đê biển trước mùa mưa bão",
        due_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    login(page, base, "daibieu")
    main = page.locator("main").inner_text()
    assert _("My questions awaiting an answer") in main
    assert _("Commitments made to me, not kept yet") in main
    mine = page.locator("main a.card[href='/ky-hop/chat-van/?mine=1']")
    assert mine.count() == 2
    assert all(re.search(r"\b1\b", text) for text in mine.all_inner_texts())
    mine.first.click()
    page.wait_for_url(re.compile(r".*/ky-hop/chat-van/\?mine=1$"))
    assert page.get_by_text("Khi nào hoàn thành sửa chữa đê biển sau bão?").is_visible()
    assert page.get_by_text("Hoàn thành sửa chữa đê biển trước mùa mưa bão").is_visible()
    # Only their own: the demo's other questions are not listed.
    assert "Tiến độ giải ngân vốn đầu tư công?" not in page.locator("#rows").inner_text()


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_list_pages_fit_a_phone_and_numbers_stay_on_one_line(page, live_server, demo):
    from dancu.council.models import ConfidenceVote

    base = live_server.url
    login(page, base, "vanphong")
    page.set_viewport_size(PHONE)
    for path in (
        "/ky-hop/",
        "/ky-hop/nghi-quyet/",
        "/ky-hop/chat-van/",
        "/ky-hop/thuong-truc/",
        f"/ky-hop/tin-nhiem/{ConfidenceVote.objects.first().pk}/",
        "/cong-khai/ky-hop/",
        "/cong-khai/ky-hop/nghi-quyet/",
    ):
        page.goto(base + path)
        assert _no_sideways_scroll(page), path
    page.goto(base + "/ky-hop/nghi-quyet/")
    numbers = page.locator("#rows a.dc-number")
    assert numbers.count() >= 3
    for i in range(numbers.count()):
        lines = numbers.nth(i).evaluate("el => el.getClientRects().length")
        assert lines == 1, numbers.nth(i).inner_text()
    assert any("/2026/NQ-HĐND" in t for t in numbers.all_inner_texts())


def test_the_vote_subject_picker_lists_the_delegates_of_the_term(page, live_server, demo):
    from django.db.models import Q

    from dancu.council import services
    from dancu.directory.models import Membership, Person

    base = live_server.url
    world = _demo_world()
    session, _draft, _vote = _session_in_progress(world["admin"])
    cv = services.confidence_vote_create(actor=world["admin"], session=session, held_on=session.start_date)
    login(page, base, "vanphong")
    page.goto(f"{base}/ky-hop/tin-nhiem/{cv.pk}/")
    offered = {
        int(v)
        for v in page.locator("select[name=person] option").evaluate_all("os => os.map(o => o.value)")
        if v
    }
    # Who holds a post the council elects in this term (the council, its Standing Committee and
    # committees), or sits on the People's Committee: not the 90 people of the province.
    elected = set(
        Membership.objects.filter(
            Q(body=session.body, term=session.term)
            | Q(body__parent=session.body, term=session.term)
            | Q(body__kind="PEOPLES_COMMITTEE", body__province=session.province)
        )
        .filter(end_date__isnull=True)
        .values_list("person_id", flat=True)
    )
    assert offered and offered <= elected
    assert len(offered) < Person.objects.filter(province=session.province).count()
    former = Person.objects.filter(
        memberships__body=session.body, memberships__end_date__isnull=False
    ).exclude(pk__in=elected)
    assert former.exists() and not offered & set(former.values_list("pk", flat=True))
