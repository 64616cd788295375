"""In a real browser, the acceptance of issue 15: create a draft, upload its DOCX, see the
outline, ask two agencies; one answers on Article 5, the other on Article 12 clause 2 point b; a
voter comments on the public page, the specialist moderates it, writes the delegation's
positions, generates the synthesis DOCX (Decree-30 layout) and records its dispatch; a second
version arrives and the alignment shows which proposals were taken up."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit], main form button:not([type])").last.click()
    page.wait_for_url(f"{base}/")


def submit(page, form_selector="main form[method=post]"):
    page.locator(form_selector).last.locator("button[type=submit], button:not([type])").last.click()


def comment_on(page, article: str, path: str, text: str, proposal: str = ""):
    block = page.locator(f"details[data-comment-on='{article}']")
    block.locator("summary").click()
    form = block.locator("form")
    form.locator("select[name=path]").select_option(path)
    form.locator("textarea[name=text]").fill(text)
    if proposal:
        form.locator("textarea[name=proposal]").fill(proposal)
    form.locator("button").click()


def test_consultation_from_draft_to_follow_through(page, live_server, demo, tmp_path):
    from dancu.accounts.models import RoleAssignment, User
    from dancu.consultations.models import Comment, Draft
    from dancu.consultations.tests.factories import small_law
    from dancu.core.documents import docx_text, layout_problems
    from dancu.directory.demo import DEMO_PASSWORD, HT_AGRI
    from dancu.directory.models import Body

    base = live_server.url
    agri = Body.objects.get(name=HT_AGRI)
    justice = Body.objects.filter(
        province=agri.province, kind="AGENCY", name__startswith="Sở Tư pháp"
    ).first()
    responder = User.objects.create_user(
        username="tuphap", password=DEMO_PASSWORD, full_name="Cán bộ Sở Tư pháp"
    )
    RoleAssignment.objects.create(user=responder, body=justice, role="agency_responder")
    v1 = tmp_path / "du-thao-1.docx"
    v1.write_bytes(small_law(1))
    v2 = tmp_path / "du-thao-2.docx"
    v2.write_bytes(small_law(2))
    today = datetime.date.today()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # 1. The specialist creates the draft (online collection on) and uploads its DOCX.
    login(page, base, "chuyenvien", DEMO_PASSWORD)
    page.goto(f"{base}/gop-y-luat/moi/")
    page.locator("input[name=name]").fill("Dự án Luật Thử nghiệm lấy ý kiến")
    page.locator("input[name=session]").fill("Kỳ họp thứ hai, Quốc hội khóa XVI")
    page.locator("input[name=session_start]").fill((today + datetime.timedelta(days=60)).strftime("%d/%m/%Y"))
    page.locator("input[name=vetting_committee]").fill("Ủy ban Pháp luật và Tư pháp của Quốc hội")
    page.locator("input[name=online]").check()
    submit(page)
    page.wait_for_url(re.compile(r".*/gop-y-luat/\d+/$"))
    draft_url = page.url
    draft = Draft.objects.get(name="Dự án Luật Thử nghiệm lấy ý kiến")
    page.locator("[data-add-version]").click()
    page.locator("input[name=file]").set_input_files(str(v1))
    submit(page)
    page.wait_for_url(re.compile(r".*/phien-ban/1/$"))

    # 2. The outline: twelve articles, the point b of clause 2 of Article 12 in place.
    assert page.locator("[data-article]").count() == 12
    assert "Tham dự hội nghị" in page.locator("[data-point='d12.k2.b']").inner_text()
    page.locator("nav a[href='#d12']").click()

    # 3. Ask two agencies, by the due date.
    page.goto(draft_url)
    page.locator("[data-add-recipients]").click()
    page.locator("select[name=bodies]").select_option([str(agri.pk), str(justice.pk)])
    page.locator("input[name=requested_on]").fill(today.strftime("%d/%m/%Y"))
    page.locator("input[name=due_on]").fill((today + datetime.timedelta(days=10)).strftime("%d/%m/%Y"))
    submit(page)
    page.wait_for_url(draft_url)
    assert page.locator("[data-recipient]").count() == 2

    # 4. Each agency answers for itself: Article 5, then Article 12 clause 2 point b.
    login(page, base, "coquan", DEMO_PASSWORD)
    page.goto(f"{base}/gop-y-luat/duoc-hoi/")
    page.locator(f"[data-request='{draft.pk}'] a").click()
    comment_on(
        page,
        "d5",
        "d5",
        "Thời hạn 30 ngày là quá ngắn đối với dự án luật.",
        "1. Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải dự thảo.",
    )
    page.wait_for_selector("[data-mine]")
    login(page, base, "tuphap", DEMO_PASSWORD)
    page.goto(f"{base}/gop-y-luat/duoc-hoi/{draft.pk}/")
    comment_on(page, "d12", "d12.k2.b", "Cơ quan phối hợp cần gửi cả báo cáo tổng hợp ý kiến cử tri.")
    page.wait_for_selector("[data-mine]")

    # 5. A voter on the public page (no sign-in, no name asked).
    page.context.clear_cookies()
    page.goto(f"{base}/cong-khai/gop-y-luat/")
    page.locator("[data-public-draft] a", has_text="Thử nghiệm lấy ý kiến").click()
    assert page.locator("input[name=name], input[name=phone], input[name=email]").count() == 0
    comment_on(page, "d5", "d5.k1", "Thời hạn 30 ngày quá ngắn, đề nghị kéo dài thời hạn lấy ý kiến.")
    page.wait_for_selector(".alert-success, [role=alert]")
    voter = Comment.objects.get(draft=draft, source="voter")
    assert voter.status == "pending"

    # 6. The specialist moderates the voter's comment, writes the positions.
    login(page, base, "chuyenvien", DEMO_PASSWORD)
    page.goto(draft_url)
    page.locator("[data-pending]").click()
    page.locator(f"[data-comment='{voter.pk}'] button[data-step=publish]").click()
    page.wait_for_url(re.compile(r".*/y-kien/\?status=pending$"))
    voter.refresh_from_db()
    assert voter.status == "published"
    page.goto(draft_url + "tong-hop/")
    assert page.locator("[data-synthesis-article='d5'] [data-group]").count() == 1  # two similar comments
    for key, text, proposal in [
        (
            "d5",
            "Đoàn đề nghị kéo dài thời hạn lấy ý kiến.",
            "1. Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải dự thảo.",
        ),
        (
            "d12",
            "Đoàn đề nghị bổ sung trách nhiệm báo cáo ý kiến cử tri.",
            "b) Tham dự hội nghị và gửi báo cáo tổng hợp ý kiến của cử tri trên địa bàn.",
        ),
    ]:
        form = page.locator(f"form[data-position-form='{key}']")
        form.locator("textarea[name=text]").fill(text)
        form.locator("textarea[name=proposal]").fill(proposal)
        form.locator("button").click()
        page.wait_for_url(re.compile(rf".*/tong-hop/#a-{key}$"))

    # 7. Close the collection, generate the synthesis DOCX, record its dispatch.
    page.goto(draft_url)
    page.locator("button[data-step=close]").click()
    page.wait_for_selector("[data-status=synthesis]")
    page.goto(draft_url + "tong-hop/")
    with page.expect_download() as info:
        page.locator("[data-docx]").click()
    data = Path(info.value.path()).read_bytes()
    assert layout_problems(data, dispatch=False) == []
    text = docx_text(data)
    assert "Tổng hợp ý kiến góp ý dự án Luật Thử nghiệm lấy ý kiến" in text
    assert "Đoàn đề nghị kéo dài thời hạn lấy ý kiến." in text and "Điều 12" in text
    page.goto(draft_url)
    page.locator("[data-dispatch]").click()
    page.locator("input[name=number]").fill("45/BC-ĐĐBQH")
    page.locator("input[name=sent_on]").fill(today.strftime("%d/%m/%Y"))
    submit(page)
    page.wait_for_selector("[data-status=sent]")
    assert page.locator("[data-dispatch-row]").count() == 1

    # 8. The second version arrives: the alignment shows the proposals taken up.
    page.locator("[data-add-version]").click()
    page.locator("input[name=file]").set_input_files(str(v2))
    submit(page)
    page.wait_for_url(re.compile(r".*/phien-ban/2/$"))
    page.goto(draft_url + "phien-ban/2/so-sanh/")
    assert page.locator("[data-match=new][data-new=d4]").count() == 1
    assert page.locator("[data-match=moved][data-old=d5][data-new=d6]").count() == 1
    assert page.locator("[data-proposal=d5][data-taken=yes]").count() == 1
    assert page.locator("[data-proposal=d12][data-taken=yes]").count() == 1
    assert not errors, errors
