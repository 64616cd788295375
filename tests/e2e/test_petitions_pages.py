"""Issue 11 in a real browser, for the voter petitions pages: one test per defect, each of which
failed on the code as it was. On the demo data (every module's demo, through the services) and,
where a test needs petitions of its own, petitions made through the services.

- item 1: the overview charts count as the list filters count (they gave every category 1);
- item 2: the public round page states only what is true (never "forwarded" for a petition that
  was not, never an answer the Office has not accepted);
- item 3: a merge goes into the petition chosen as its target, which keeps its wording, and the
  merged petition's old address leads to it;
- item 4: a split works from the ticked opinions alone, and the petition left behind is reworded
  when its wording was the opinion that left;
- item 24: the consolidation screen edits in place on the card, with labels, and has a keyboard
  (j/k, x, m, s, e, ?) with its help shown;
- item 27: the case page of a petition (next step and days left, timeline in words, one primary
  action and a menu, files);
- item 28: the dashboard cards of the specialist and of the agency;
- item 7 and 29: the answer's attachment is linked from the staff petition page, the batch page
  and the agency's page, the public page only once the Office accepted it; the agency records
  its reply document's number and date; the round page tells the Office a new answer came.
- the 390 x 844 screen: list pages never scroll sideways.

Elements are found by id, name and data attributes, not by label text, so the tests hold in any
language (the Vietnamese catalog is written separately)."""

from __future__ import annotations

import datetime
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PHONE = {"width": 390, "height": 844}


def login(page, base, username):
    from dancu.directory.demo import DEMO_PASSWORD

    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(f"{base}/")


@pytest.fixture
def petition_rules(transactional_db):
    from dancu.petitions.tests.factories import seed_rules

    return seed_rules()


@pytest.fixture
def world(petition_rules, demo):
    """The demo, and its round's petitions by state."""
    from dancu.petitions.demo import ROUND_CODE
    from dancu.petitions.models import Petition, Round

    rnd = Round.objects.get(code=ROUND_CODE)
    petitions = list(Petition.objects.filter(round=rnd).order_by("id"))
    return {
        "round": rnd,
        "answered": next(p for p in petitions if p.status == "answered"),
        "forwarded": next(p for p in petitions if p.status == "forwarded"),
        "confirmed": [p for p in petitions if p.status == "confirmed"],
    }


def _fresh_round(code: str, groups: list[list[str]]):
    """A new round of the demo province with one meeting and one proposed petition per group
    of opinions (worded as its longest opinion), made through the services."""
    from dancu.accounts.models import User
    from dancu.directory.models import AdministrativeUnit
    from dancu.petitions import selectors, services

    actor = User.objects.get(username="chuyenvien")
    province = AdministrativeUnit.objects.get(key="p2025:42")
    rnd = services.round_create(
        actor=actor,
        province=province,
        name=f"Đợt thử {code}",
        code=code,
        start_date=datetime.date(2026, 3, 1),
    )
    meeting = services.meeting_create(
        actor=actor,
        round=rnd,
        kind="before_na",
        date=datetime.date(2026, 3, 5),
        place=selectors.communes_of(province.pk).filter(valid_to__isnull=True).first(),
    )
    opinions = services.opinions_add(
        actor=actor, meeting=meeting, rows=[{"text": t} for group in groups for t in group]
    )
    petitions, at = [], 0
    for group in groups:
        mine = opinions[at : at + len(group)]
        at += len(group)
        petitions.append(
            services.petition_create(actor=actor, round=rnd, text=max(group, key=len), opinions=mine)
        )
    return rnd, petitions


def settled(page) -> None:
    """Wait until htmx has swapped, settled and wired the consolidation screen's new body."""
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
        " && !!(document.querySelector('#groups') || {})['htmx-internal-data']"
    )


def _result_count(page) -> int:
    """The count the list shows under its rows ("12 kết quả")."""
    text = page.locator("#rows p.small.text-muted").last.inner_text()
    return int(re.search(r"\d+", text.replace(".", "")).group())


# -- item 1 ---------------------------------------------------------------------------------------


def test_overview_charts_count_as_the_list_filters(page, live_server, world):
    from dancu.petitions.models import Petition

    base = live_server.url
    login(page, base, "chuyenvien")
    page.goto(f"{base}/kien-nghi/tong-quan/")
    page.wait_for_function("typeof Chart !== 'undefined' && Chart.getChart(document.querySelector('canvas'))")
    seen_more_than_one = False
    for key in ("field", "level", "status"):
        drawn = page.evaluate(
            "k => Chart.getChart(document.querySelector(`canvas[data-chart=${k}]`)).data.datasets[0].data",
            key,
        )
        links = page.locator(f"table[data-chart-table={key}] a[data-count]")
        figures = [
            (links.nth(i).get_attribute("href"), int(links.nth(i).inner_text())) for i in range(links.count())
        ]
        assert drawn == [n for _h, n in figures], key  # the chart draws the table's figures
        # Every petition of the province once (as many as the engine proposed from the opinions).
        assert sum(n for _h, n in figures) == Petition.objects.filter(round=world["round"]).count(), key
        seen_more_than_one |= any(n > 1 for _h, n in figures)
        for href, n in figures:
            page.goto(base + href)
            assert _result_count(page) == n, (key, href)
        page.goto(f"{base}/kien-nghi/tong-quan/")
        page.wait_for_function(
            "typeof Chart !== 'undefined' && Chart.getChart(document.querySelector('canvas'))"
        )
    assert seen_more_than_one  # a category with several petitions is counted as several
    # The axis reaches the largest figure (it stopped at 1).
    top = page.evaluate("Chart.getChart(document.querySelector('canvas[data-chart=field]')).scales.y.max")
    assert top >= max(
        page.evaluate(
            "Chart.getChart(document.querySelector('canvas[data-chart=field]')).data.datasets[0].data"
        )
    )


# -- item 2 ---------------------------------------------------------------------------------------


def test_public_round_page_states_only_what_is_true(page, live_server, world):
    from dancu.petitions.models import Answer

    base = live_server.url
    login(page, base, "chuyenvien")
    page.goto(f"{base}/kien-nghi/dot/{world['round'].pk}/")
    page.locator("form[action$='/cong-khai/'] button").click()
    page.wait_for_load_state()
    page.context.clear_cookies()
    public = f"{base}/cong-khai/kien-nghi/dot/{world['round'].pk}/"
    page.goto(public)
    for petition in world["confirmed"]:
        card = page.locator(f"article[data-petition='{petition.code}']")
        assert card.locator("[data-public-state=not_forwarded]").count() == 1, petition.code
        if petition.agency is not None:  # a suggestion, not a forwarding
            assert petition.agency.name not in card.inner_text(), petition.code
    forwarded = page.locator(
        f"article[data-petition='{world['forwarded'].code}'] [data-public-state=forwarded]"
    )
    batch = world["forwarded"].batches.get()
    assert batch.dispatch_date.strftime("%d/%m/%Y") in forwarded.inner_text()
    assert batch.due_date.strftime("%d/%m/%Y") in forwarded.inner_text()
    # The agency's answer is not public before the Office accepts it.
    answer = Answer.objects.get(petition=world["answered"])
    answered = page.locator(f"article[data-petition='{world['answered'].code}']")
    assert answer.text not in answered.inner_text()
    assert answered.locator("[data-public-state=forwarded]").count() == 1
    login(page, base, "chuyenvien")
    page.goto(f"{base}/kien-nghi/kien-nghi/{world['answered'].pk}/")
    page.locator("button[data-review=accept]").click()
    page.wait_for_load_state()
    page.context.clear_cookies()
    page.goto(public)
    answered = page.locator(f"article[data-petition='{world['answered'].code}'] [data-public-state=answered]")
    assert answer.text in answered.inner_text() and answer.document_number in answered.inner_text()


# -- item 3 ---------------------------------------------------------------------------------------


def test_merge_goes_into_the_chosen_petition_and_the_old_address_leads_there(page, live_server, world):
    from dancu.petitions.models import Petition

    rnd, (first, second, third) = _fresh_round(
        "gop",
        [
            ["Đề nghị nâng cấp đường liên xã đoạn qua thôn Đông, mặt đường hư hỏng nặng."],
            ["Đường liên xã qua thôn Đông xuống cấp, đề nghị sửa chữa sớm cho dân đi lại."],
            ["Trạm y tế xã thiếu thuốc bảo hiểm y tế."],
        ],
    )
    base = live_server.url
    login(page, base, "chuyenvien")
    page.goto(f"{base}/kien-nghi/dot/{rnd.pk}/tong-hop/")
    # Tick both, choose the SECOND as the one that stays; the first ticked used to win.
    page.locator(f"#p{first.pk}").check()
    page.locator(f"#p{second.pk}").check()
    page.locator(f"#t{second.pk}").check()
    page.locator("#merge-button").click()
    page.locator("#consolidation-message").wait_for()
    assert second.code in page.locator("#consolidation-message").inner_text()
    assert page.url.endswith("/tong-hop/")
    assert not Petition.objects.filter(pk=first.pk).exists()
    kept = Petition.objects.get(pk=second.pk)
    assert kept.text == second.text and kept.opinions.count() == 2
    assert page.locator(f"#card-{first.pk}").count() == 0 and page.locator(f"#card-{third.pk}").count() == 1
    # The merged petition's address leads to the one it went into (it was a bare 404).
    page.goto(f"{base}/kien-nghi/kien-nghi/{first.pk}/")
    assert page.url.endswith(f"/kien-nghi/kien-nghi/{second.pk}/")
    assert first.code in page.content()  # "merged into this petition: KN…"
    # Merging without choosing the target is refused in place, the ticks kept.
    page.goto(f"{base}/kien-nghi/dot/{rnd.pk}/tong-hop/")
    page.locator(f"#p{second.pk}").check()
    page.locator(f"#p{third.pk}").check()
    page.locator("#merge-button").click()
    page.locator("#consolidation-errors [data-field-error=target]").wait_for()
    assert page.locator(f"#p{second.pk}").is_checked() and page.locator(f"#p{third.pk}").is_checked()
    assert Petition.objects.filter(pk=third.pk).exists()


# -- item 4 ---------------------------------------------------------------------------------------


def test_split_works_from_the_ticked_opinions_and_rewords_what_is_left(page, live_server, world):
    from dancu.petitions.models import Petition, VoterOpinion

    longest = "Đề nghị đầu tư xây dựng cầu qua sông Ngàn Phố nối hai thôn, mùa mưa lũ người dân bị chia cắt."
    kept = "Cầu qua sông Ngàn Phố chưa có, đề nghị đầu tư."
    rnd, (petition,) = _fresh_round("tach", [[kept, longest]])
    assert petition.text == longest
    moving = VoterOpinion.objects.get(petition=petition, text=longest)
    base = live_server.url
    login(page, base, "chuyenvien")
    page.goto(f"{base}/kien-nghi/dot/{rnd.pk}/tong-hop/")
    page.locator(f"#o{moving.pk}").check()  # only the opinion, as the help says
    page.locator("#split-button").click()
    page.locator("#consolidation-message").wait_for()
    assert page.url.endswith("/tong-hop/") and page.locator("#consolidation-errors").count() == 0
    new = Petition.objects.exclude(pk=petition.pk).get(round=rnd)
    assert list(new.opinions.values_list("pk", flat=True)) == [moving.pk] and new.text == longest
    petition.refresh_from_db()
    assert petition.text == kept  # it no longer carries the wording of the opinion that left
    assert page.locator(f"#wording-{petition.pk}").inner_text() == kept
    assert page.locator(f"#card-{new.pk}").count() == 1


# -- item 24 --------------------------------------------------------------------------------------


def test_consolidation_edits_in_place_and_has_a_keyboard(page, live_server, world):
    from dancu.petitions.models import Petition

    rnd, (a, b) = _fresh_round(
        "phim",
        [["Đề nghị lắp đèn chiếu sáng đường trục thôn Bắc."], ["Đề nghị nạo vét kênh tưới tiêu thôn Nam."]],
    )
    base = live_server.url
    login(page, base, "chuyenvien")
    page.goto(f"{base}/kien-nghi/dot/{rnd.pk}/tong-hop/")
    assert page.locator("#consolidation-help").is_visible()
    assert not page.locator("#consolidation-keys").is_visible()
    page.keyboard.press("?")
    assert page.locator("#consolidation-keys").is_visible()
    page.keyboard.press("?")
    page.keyboard.press("j")
    assert page.locator(f"#card-{a.pk}").get_attribute("aria-current") == "true"
    page.keyboard.press("j")
    assert page.locator(f"#card-{b.pk}").get_attribute("aria-current") == "true"
    page.keyboard.press("x")
    assert page.locator(f"#p{b.pk}").is_checked()
    page.keyboard.press("x")
    assert not page.locator(f"#p{b.pk}").is_checked()
    # e: the wording is edited on its own card, in a labelled box, and saved in place.
    page.keyboard.press("e")
    box = page.locator(f"#card-{b.pk} textarea[name=text]")
    assert box.is_visible() and box.evaluate("el => el === document.activeElement")
    assert page.locator(f"#card-{b.pk} label[for=w{b.pk}]").is_visible()
    box.fill("Đề nghị nạo vét, kiên cố hóa kênh tưới tiêu thôn Nam trước vụ Đông Xuân.")
    page.locator(f"#card-{b.pk} details button.btn-primary").click()
    page.locator("#consolidation-message").wait_for()
    settled(page)
    assert "kiên cố hóa" in page.locator(f"#wording-{b.pk}").inner_text()
    assert Petition.objects.get(pk=b.pk).text.startswith("Đề nghị nạo vét, kiên cố hóa")
    # An empty wording is refused by its box, on its card, with the box open.
    page.keyboard.press("e")
    page.locator(f"#card-{b.pk} textarea[name=text]").fill("   ")
    page.locator(f"#card-{b.pk} details button.btn-primary").click()
    page.locator(f"#card-{b.pk} .invalid-feedback").wait_for()
    settled(page)
    page.keyboard.press("Escape")
    # k, x, j, m: tick the first card and merge it into the second (the current one).
    page.keyboard.press("k")
    assert page.locator(f"#card-{a.pk}").get_attribute("aria-current") == "true"
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("m")
    page.locator("#consolidation-message").wait_for()
    settled(page)
    assert not Petition.objects.filter(pk=a.pk).exists()
    assert Petition.objects.get(pk=b.pk).opinions.count() == 2
    # s: split the ticked opinion back out.
    opinion = Petition.objects.get(pk=b.pk).opinions.order_by("id").first()
    page.locator(f"#o{opinion.pk}").check()
    page.keyboard.press("s")
    page.wait_for_function("() => document.querySelectorAll('[data-card]').length === 2")
    assert Petition.objects.filter(round=rnd).count() == 2


# -- item 27 --------------------------------------------------------------------------------------


def test_the_case_page_of_a_petition(page, live_server, world):
    from dancu.petitions.models import Answer

    base = live_server.url
    login(page, base, "chuyenvien")
    forwarded = world["forwarded"]
    batch = forwarded.batches.get()
    page.goto(f"{base}/kien-nghi/kien-nghi/{forwarded.pk}/")
    step = page.locator("#next-step")
    assert batch.agency.name in step.inner_text() and batch.due_date.strftime("%d/%m/%Y") in step.inner_text()
    days = (batch.due_date - datetime.date.today()).days
    assert abs(int(step.locator("[data-days-left]").get_attribute("data-days-left")) - days) <= 1
    timeline = page.locator("#case-timeline li")
    assert timeline.count() >= 3  # proposed, confirmed, forwarded
    words = page.locator("#case-timeline").inner_text()
    assert not re.search(r"petitions\.|_create|_submit|\bconfirm\b|\bforward\b", words), words
    assert batch.dispatch_number in words
    cover = page.locator("#case-files a[data-file=cover-letter]")
    assert page.request.get(base + cover.get_attribute("href")).body()[:2] == b"PK"

    # An answer awaiting review: the primary action is to accept it; the rest are in the menu.
    answered = world["answered"]
    page.goto(f"{base}/kien-nghi/kien-nghi/{answered.pk}/")
    primary = page.locator("#case-actions > a.btn-primary, #case-actions > form .btn-primary")
    assert primary.count() == 1 and primary.get_attribute("data-action") == "accept"
    page.locator("#more-actions").click()
    assert page.locator("#case-actions .dropdown-menu [data-action=reopen]").is_visible()
    primary.click()
    assert page.url.endswith(f"#review-{Answer.objects.get(petition=answered).pk}")
    assert page.locator("[data-publish-note]").first.is_visible()

    # A confirmed petition: the primary action forwards it, on the batch page, already ticked.
    confirmed = world["confirmed"][0]
    page.goto(f"{base}/kien-nghi/kien-nghi/{confirmed.pk}/")
    page.locator("#case-actions a[data-action=forward]").click()
    page.wait_for_url(re.compile(r".*/chuyen/\?petition=\d+#new-batch$"))
    assert page.locator(f"#fp{confirmed.pk}").is_checked()


# -- item 28 --------------------------------------------------------------------------------------


def test_dashboard_cards_of_the_specialist_and_the_agency(page, live_server, world):
    from dancu.petitions.models import Petition

    base = live_server.url
    login(page, base, "chuyenvien")
    page.goto(f"{base}/")
    main = page.locator("main")
    review = main.locator("a[href='/kien-nghi/kien-nghi/?status=answered']")
    assert review.count() == 1 and re.search(r"\b1\b", review.inner_text())  # the demo's new answer
    to_forward = main.locator("a[href='/kien-nghi/kien-nghi/?status=confirmed']")
    assert str(len(world["confirmed"])) in to_forward.inner_text()
    due = main.locator("a[href='/kien-nghi/kien-nghi/?status=forwarded']")
    assert due.count() == 2  # due this week, overdue
    review.click()
    page.wait_for_url(re.compile(r".*status=answered$"))
    assert world["answered"].code in page.content()

    login(page, base, "coquan")
    page.goto(f"{base}/")
    cards = page.locator("main a[href='/kien-nghi/co-quan/']")
    assert cards.count() == 3  # waiting (with the next due date), overdue, sent back
    waiting = Petition.objects.filter(
        status="forwarded", batches__agency__name=world["forwarded"].agency.name
    )
    first = cards.first.inner_text()
    assert str(waiting.count()) in first
    assert world["forwarded"].batches.get().due_date.strftime("%d/%m/%Y") in first
    assert main_has_no_office_cards(page)


def main_has_no_office_cards(page) -> bool:
    return page.locator("main a[href^='/kien-nghi/kien-nghi/']").count() == 0


# -- items 7 and 29 -------------------------------------------------------------------------------


def test_the_answer_and_its_file_are_linked_wherever_the_answer_is_shown(page, live_server, world, tmp_path):
    from dancu.petitions.models import Answer

    petition = world["forwarded"]
    batch = petition.batches.get()
    base = live_server.url
    login(page, base, "coquan")
    page.goto(f"{base}/kien-nghi/co-quan/{batch.pk}/")
    assert page.locator("[data-publish-note]").is_visible()
    assert page.locator(f"#s{petition.pk}").input_value() == ""  # no result chosen for the agency
    page.locator(f"#t{petition.pk}").fill("Sở đã bố trí kinh phí, khởi công trong quý II.")
    page.locator(f"#s{petition.pk}").select_option("in_progress")
    page.locator(f"#n{petition.pk}").fill("318/SNNMT-KHTC")
    page.locator(f"#d{petition.pk}").fill(datetime.date.today().strftime("%d/%m/%Y"))
    pdf = tmp_path / "tra_loi.pdf"
    pdf.write_bytes(PDF)
    page.locator(f"#f{petition.pk}").set_input_files(str(pdf))
    page.locator(f"form:has(#t{petition.pk}) button.btn-primary").click()
    page.wait_for_load_state()
    answer = Answer.objects.get(petition=petition)
    assert (answer.document_number, answer.document_date) == ("318/SNNMT-KHTC", datetime.date.today())
    own = page.locator(f"a[data-answer-file='{answer.pk}']")
    assert page.request.get(base + own.get_attribute("href")).body() == PDF

    login(page, base, "chuyenvien")
    page.goto(f"{base}/kien-nghi/dot/{world['round'].pk}/")
    assert petition.code in page.locator("#new-answers").inner_text()  # the Office is told
    for url in (f"/kien-nghi/kien-nghi/{petition.pk}/", f"/kien-nghi/chuyen/{batch.pk}/"):
        page.goto(base + url)
        link = page.locator(f"a[data-answer-file='{answer.pk}']").first
        assert page.request.get(base + link.get_attribute("href")).body() == PDF, url
        assert "318/SNNMT-KHTC" in page.content(), url
    page.goto(f"{base}/kien-nghi/dot/{world['round'].pk}/")
    page.locator("form[action$='/cong-khai/'] button").click()
    page.wait_for_load_state()
    public = f"{base}/cong-khai/kien-nghi/tra-cuu/?code={petition.code}"
    page.goto(public)
    assert page.locator("a[data-answer-file]").count() == 0  # not accepted yet: not public
    page.goto(f"{base}/kien-nghi/kien-nghi/{petition.pk}/")
    page.locator("button[data-review=accept]").click()
    page.wait_for_load_state()
    page.context.clear_cookies()
    page.goto(public)
    link = page.locator(f"a[data-answer-file='{answer.pk}']")
    assert "/cong-khai/" in link.get_attribute("href")
    assert page.request.get(base + link.get_attribute("href")).body() == PDF


# -- the phone screen -----------------------------------------------------------------------------


def test_petitions_pages_fit_a_phone_screen(browser, live_server, world):
    base = live_server.url
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        rnd, answered = world["round"], world["answered"]
        batch = answered.batches.get()
        pages = {
            "chuyenvien": [
                "/kien-nghi/",
                f"/kien-nghi/dot/{rnd.pk}/",
                f"/kien-nghi/dot/{rnd.pk}/tong-hop/",
                f"/kien-nghi/dot/{rnd.pk}/chuyen/",
                f"/kien-nghi/dot/{rnd.pk}/bao-cao-ket-qua/",
                "/kien-nghi/kien-nghi/",
                f"/kien-nghi/kien-nghi/{answered.pk}/",
                f"/kien-nghi/chuyen/{batch.pk}/",
                "/kien-nghi/tong-quan/",
                "/",
            ],
            "coquan": ["/kien-nghi/co-quan/", f"/kien-nghi/co-quan/{batch.pk}/"],
        }
        for user, urls in pages.items():
            login(page, base, user)
            for url in urls:
                page.goto(base + url)
                assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (user, url)
    finally:
        context.close()
