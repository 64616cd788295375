"""In a real browser, the acceptance of issue 13: proposals → programme adopted → the
coordination screen finds a planted overlap and the Office merges it into a joint team → plan
and outline DOCX → an agency's report received → results report → three recommendations →
the agency answers one, another goes overdue and escalates to an explanation hearing (created
in the council module, linked back) → the activity cannot close until all are closed."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")


@pytest.fixture
def province_demo(transactional_db):
    """The demo province: directory (bodies, people, users) and council (a session in
    preparation for the hearing); the supervision data is made in the test."""
    from dancu.council.demo import load as council_load
    from dancu.council.providers import next_session
    from dancu.directory.demo import HT_COUNCIL
    from dancu.directory.demo import load as directory_load
    from dancu.directory.models import Body
    from dancu.supervision.ruleset import seed_rules

    directory_load()
    council_load()
    seed_rules()
    council = Body.objects.get(name=HT_COUNCIL)
    if next_session(council.province_id) is None:
        from dancu.accounts.models import User
        from dancu.council import services as council_services
        from dancu.directory.models import Term

        start = datetime.date.today() + datetime.timedelta(days=30)
        council_services.session_create(
            actor=User.objects.get(username="vanphong"),
            body=council,
            term=Term.objects.filter(body=council).order_by("-start_date").first(),
            kind="regular",
            title="Kỳ họp thường lệ cuối năm",
            start_date=start,
            end_date=start,
        )
    return council


def _post_form(page, action_path):
    page.locator(f"form[action$='{action_path}'] button").first.click()


def test_proposals_to_an_activity_that_closes_only_when_all_recommendations_are(
    page, live_server, province_demo
):
    from dancu.core.documents import docx_text
    from dancu.directory.demo import DEMO_PASSWORD, HT_AGRI, HT_STANDING
    from dancu.directory.models import Body, BodyKind
    from dancu.supervision.models import Activity, EscalationStep, Programme, Recommendation

    base = live_server.url
    page.set_default_timeout(
        90000
    )  # a long flow on a shared machine: wait for the server, not for a fixed 15 s
    council = province_demo
    province = council.province
    year = datetime.date.today().year + 1
    standing = Body.objects.get(name=HT_STANDING)
    economy = Body.objects.get(
        province=province, kind=BodyKind.COMMITTEE, short_name="Ban Kinh tế - Ngân sách"
    )
    agri = Body.objects.get(name=HT_AGRI)
    finance = Body.objects.get(province=province, kind=BodyKind.AGENCY, short_name="Sở Tài chính")

    login(page, base, "vanphong", DEMO_PASSWORD)

    # 1. A proposal, and the council's yearly programme compiled and adopted.
    page.goto(f"{base}/giam-sat/chuong-trinh/tao/")
    page.locator("select[name=body]").select_option(str(council.pk))
    page.locator("input[name=year]").fill(str(year))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/chuong-trinh/*/")
    main = Programme.objects.get(body=council, year=year)
    page.goto(f"{base}/giam-sat/de-xuat/tao/")
    page.locator("input[name=year]").fill(str(year))
    page.locator("select[name=source]").select_option("committee")
    page.locator("select[name=source_body]").select_option(str(economy.pk))
    page.locator("input[name=topic]").fill("Việc quản lý, sử dụng đất công tại cấp xã")
    page.locator("textarea[name=need]").fill("Cử tri nhiều lần phản ánh")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("[data-proposal]")
    page.locator("[data-compile]").first.click()  # compiled into the programme: an activity to edit
    page.wait_for_url("**/sua/")
    page.locator("input[name=planned_start]").fill(f"02/03/{year}")
    page.locator("input[name=planned_end]").fill(f"20/03/{year}")
    page.locator("main form button[type=submit]").click()
    page.goto(f"{base}/giam-sat/chuong-trinh/{main.pk}/")
    page.locator("[data-step=compile]").click()
    page.wait_for_selector("[data-step=adopt]")
    page.locator("[data-step=adopt]").click()  # no resolution number yet: refused with the reason
    page.wait_for_selector(".alert-danger")
    page.locator("input[name=resolution_number]").fill("45/NQ-HĐND")
    page.locator("input[name=resolution_date]").fill(f"10/07/{year - 1}")
    page.locator("[data-step=adopt]").click()
    page.wait_for_selector("text=45/NQ-HĐND")
    main.refresh_from_db()
    assert main.status == "adopted"

    # 2. Two bodies' programmes with a planted overlap (broad ⊃ narrow at the same department).
    def programme(body):
        page.goto(f"{base}/giam-sat/chuong-trinh/tao/")
        page.locator("select[name=body]").select_option(str(body.pk))
        page.locator("input[name=year]").fill(str(year))
        page.locator("main form button[type=submit]").click()
        page.wait_for_url("**/chuong-trinh/*/")
        return Programme.objects.get(body=body, year=year)

    def activity(prog, topic, start, end, agencies):
        page.goto(f"{base}/giam-sat/chuong-trinh/{prog.pk}/hoat-dong/tao/")
        page.locator("input[name=topic]").fill(topic)
        page.locator("select[name=agencies]").select_option([str(a.pk) for a in agencies])
        page.locator("input[name=planned_start]").fill(start)
        page.locator("input[name=planned_end]").fill(end)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"**/chuong-trinh/{prog.pk}/")
        return Activity.objects.get(programme=prog, topic=topic)

    tt, kt = programme(standing), programme(economy)
    broad = activity(
        tt, "Giám sát công tác quản lý nhà nước về đất đai", f"04/05/{year}", f"29/05/{year}", [agri]
    )
    narrow = activity(
        kt, "Giám sát việc cấp giấy chứng nhận quyền sử dụng đất", f"08/06/{year}", f"19/06/{year}", [agri]
    )
    activity(
        kt, "Giám sát việc quản lý, sử dụng vốn đầu tư công", f"04/05/{year}", f"15/05/{year}", [finance]
    )

    # 3. The coordination screen finds it, with its reasons; the Office merges it.
    page.goto(f"{base}/giam-sat/dieu-hoa/?year={year}")
    card = page.locator(f"[data-overlap='{broad.pk}-{narrow.pk}']")
    assert card.count() == 1
    reasons = card.locator("[data-reasons]").inner_text()
    assert "Sở Nông nghiệp và Môi trường" in reasons
    card.locator("summary").click()
    card.locator("select[name=decision]").select_option("merge")
    card.locator("[data-resolve]").click()
    page.wait_for_selector(f"[data-overlap='{broad.pk}-{narrow.pk}'] [data-decision=merge]")
    narrow.refresh_from_db()
    assert narrow.status == "merged" and narrow.merged_into_id == broad.pk
    page.goto(f"{base}/giam-sat/hoat-dong/{broad.pk}/")
    page.wait_for_selector("[data-joint]")

    # 4. The team's decision and the plan and outline as DOCX (numbered in the yearly series).
    page.locator("details:has([data-save-team]) summary").click()
    page.locator("form[action$='/doan/'] input[name=decision_number]").fill("07/QĐ-HĐND")
    page.locator("form[action$='/doan/'] input[name=decision_date]").fill(f"10/04/{year}")
    page.locator("[data-save-team]").click()
    page.wait_for_selector("text=07/QĐ-HĐND")
    for kind in ("plan", "outline"):
        page.goto(f"{base}/giam-sat/hoat-dong/{broad.pk}/")
        page.locator("details:has([data-issue]) summary").click()
        page.locator("form[action$='/van-ban/'] select[name=kind]").select_option(kind)
        page.locator("form[action$='/van-ban/'] input[name=issued_on]").fill(f"12/04/{year}")
        page.locator("[data-issue]").click()
        page.wait_for_selector(f"[data-number={kind}]")
        with page.expect_download() as download:
            page.locator(f"[data-docx={kind}]").click()
        text = docx_text(Path(download.value.path()).read_bytes())
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Số: 01/" in text
        assert ("KẾ HOẠCH" if kind == "plan" else "ĐỀ CƯƠNG") in text

    # 5. Work starts; an agency's report received (late); the results report.
    page.locator("[data-step=start]").click()
    page.wait_for_selector("[data-step=report]")
    page.locator("details:has([data-receive]) summary").click()
    page.locator("form[action$='/bao-cao-doi-tuong/'] select[name=agency]").select_option(str(agri.pk))
    page.locator("form[action$='/bao-cao-doi-tuong/'] input[name=received_on]").fill(f"02/05/{year}")
    page.locator("[data-receive]").click()
    page.wait_for_selector("[data-agency-reports] .badge")
    page.locator("[data-step=report]").click()
    page.wait_for_selector("[data-step=follow_up]")
    page.locator("details:has([data-issue]) summary").click()
    page.locator("form[action$='/van-ban/'] select[name=kind]").select_option("report")
    page.locator("form[action$='/van-ban/'] textarea[name=text]").fill("Còn nhiều hồ sơ tồn đọng")
    page.locator("form[action$='/van-ban/'] input[name=draft]").check()  # the draft first
    page.locator("[data-issue]").click()
    page.wait_for_selector("[data-number=report]")
    assert page.locator("[data-state=report]").get_attribute("data-final") == "0"
    page.locator("[data-finalize=report]").click()  # the final version locks the draft
    page.wait_for_selector("[data-state=report][data-final='1']")
    page.locator("[data-step=follow_up]").click()
    page.wait_for_selector("[data-step=close]")

    # 6. Three recommendations: one due later, one overdue, one to the agency.
    for content, agency, due in (
        ("Đẩy nhanh cấp giấy chứng nhận lần đầu", agri, f"31/12/{year}"),
        ("Báo cáo việc xử lý hồ sơ tồn đọng", finance, "31/01/2020"),
        ("Rà soát quỹ đất công tại cấp xã", agri, f"31/10/{year}"),
    ):
        page.goto(f"{base}/giam-sat/hoat-dong/{broad.pk}/")
        page.locator("details:has([data-add-recommendation]) summary").click()
        form = page.locator("form[action$='/kien-nghi/']")
        form.locator("textarea[name=content]").fill(content)
        form.locator("select[name=lead_agency]").select_option(str(agency.pk))
        form.locator("input[name=due_on]").fill(due)
        page.locator("[data-add-recommendation]").click()
        page.wait_for_selector(f"text={content}")
    recs = {r.content: r for r in Recommendation.objects.filter(activity=broad)}
    assert len(recs) == 3

    # 7. The activity cannot close: the button says why.
    page.goto(f"{base}/giam-sat/hoat-dong/{broad.pk}/")
    assert page.locator("[data-step=close]").is_disabled()
    assert "3" in page.locator("[data-blocked=close]").inner_text()

    # 8. The agency answers its recommendation; it sees only those addressed to it.
    login(page, base, "coquan", DEMO_PASSWORD)
    page.goto(f"{base}/giam-sat/kien-nghi/")
    listed = page.locator("[data-recommendation]")
    assert listed.count() == 2 and "xử lý hồ sơ tồn đọng" not in page.content()
    mine = recs["Đẩy nhanh cấp giấy chứng nhận lần đầu"]
    page.goto(f"{base}/giam-sat/kien-nghi/{mine.pk}/")
    page.locator("textarea[name=text]").fill("Đã cấp 1.200 giấy chứng nhận")
    page.locator("select[name=proposed]").select_option("done")
    page.locator("[data-answer-submit]").click()
    page.wait_for_selector("[data-answer]")
    mine.refresh_from_db()
    assert mine.status == "answered"

    # 9. The Office accepts it; the overdue one escalates to an explanation hearing.
    login(page, base, "vanphong", DEMO_PASSWORD)
    page.goto(f"{base}/giam-sat/kien-nghi/{mine.pk}/")
    page.locator("select[name=accept]").select_option("1")
    page.locator("[data-decide]").click()
    page.wait_for_selector("[data-answer] .badge")
    mine.refresh_from_db()
    assert mine.status == "closed"
    late = recs["Báo cáo việc xử lý hồ sơ tồn đọng"]
    page.goto(f"{base}/giam-sat/kien-nghi/{late.pk}/")
    assert page.locator("[data-overdue]").count() == 1
    for level, then in (("reminder", "urging"), ("urging", "hearing"), ("hearing", "questioning")):
        page.locator(f"[data-escalate={level}]").click()
        page.wait_for_selector(f"[data-escalate={then}]")
    step = EscalationStep.objects.get(recommendation=late, level="hearing")
    assert step.link_kind == "council.hearing" and step.link_id
    link = page.locator("[data-link='council.hearing']")
    assert link.count() == 1 and link.get_attribute("href") == step.link_url

    # 10. Still not closable (two open); once all are closed, it closes.
    page.goto(f"{base}/giam-sat/hoat-dong/{broad.pk}/")
    assert page.locator("[data-step=close]").is_disabled()
    from dancu.accounts.models import User
    from dancu.supervision import services

    office = User.objects.get(username="vanphong")
    for rec in Recommendation.objects.filter(activity=broad).exclude(status="closed"):
        services.recommendation_answer(actor=office, recommendation=rec, text="Đã thực hiện", proposed="done")
        services.recommendation_decide(actor=office, recommendation=rec, accept=True)
    page.goto(f"{base}/giam-sat/hoat-dong/{broad.pk}/")
    page.locator("[data-step=close]").click()
    page.wait_for_selector("[data-step=close]", state="detached")
    broad.refresh_from_db()
    assert broad.status == "closed"
