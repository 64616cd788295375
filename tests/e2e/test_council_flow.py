"""In a real browser: one thematic session from planning to a numbered, published resolution,
with a review report, the draft's file (a disguised page refused by its field, a PDF accepted
and downloaded as an attachment, then offered on the public session page), attendance
(quorum), a vote and the resolution DOCX checked."""

import datetime
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, base, username, password):
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def submit(page, form_selector="main form[method=post]"):
    page.locator(form_selector).last.locator("button[type=submit], button:not([type])").last.click()


def step(page, action, status):
    """Press the button of a workflow step and wait for the status it leads to."""
    page.locator(f"form:has(input[name=action][value={action}]) button").click()
    page.wait_for_selector(f"[data-session-status={status}]")


def test_thematic_session_to_published_resolution(page, live_server, demo):
    from dancu.core.documents import docx_text, vn_date_line
    from dancu.directory.demo import DEMO_PASSWORD, HT_AGRI, HT_COUNCIL
    from dancu.directory.models import Body, Term

    base = live_server.url
    council = Body.objects.get(name=HT_COUNCIL)
    term = Term.objects.filter(body=council).order_by("-start_date").first()
    ubnd = Body.objects.get(province=council.province, kind="PEOPLES_COMMITTEE")
    committee = Body.objects.get(
        province=council.province, kind="COMMITTEE", short_name="Ban Kinh tế - Ngân sách"
    )
    agency = Body.objects.get(name=HT_AGRI)
    today = datetime.date.today()

    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    login(page, base, "vanphong", DEMO_PASSWORD)
    page.wait_for_url(f"{base}/")

    # 1. Plan the thematic session.
    page.goto(f"{base}/ky-hop/tao/")
    page.locator("select[name=body]").select_option(str(council.pk))
    page.locator("select[name=term]").select_option(str(term.pk))
    page.locator("select[name=kind]").select_option("thematic")
    page.locator("input[name=title]").fill("Kỳ họp chuyên đề về phát triển rừng")
    page.locator("input[name=start_date]").fill(today.strftime("%d/%m/%Y"))
    page.locator("input[name=end_date]").fill(today.strftime("%d/%m/%Y"))
    page.locator("input[name=venue]").fill("Hội trường HĐND tỉnh")
    submit(page)
    page.wait_for_url(re.compile(r".*/ky-hop/\d+/$"))
    session_url = page.url
    assert page.locator("[data-session-status=planning]").is_visible()

    # 2. A draft resolution for the committee to review.
    page.goto(session_url + "to-trinh/tao/")
    page.locator("select[name=kind]").select_option("draft_resolution")
    page.locator("input[name=title]").fill("Nghị quyết về chính sách hỗ trợ trồng rừng gỗ lớn")
    page.locator("select[name=submitter]").select_option(str(ubnd.pk))
    page.locator("select[name=reviewing_committee]").select_option(str(committee.pk))
    submit(page)
    page.wait_for_url(re.compile(r".*/ky-hop/tai-lieu/\d+/$"))
    submission_url = page.url

    # 3. The committee's review report.
    page.locator("summary", has_text=re.compile("review report|thẩm tra", re.I)).click()
    review_form = page.locator("form[action$='/tham-tra/']")
    review_form.locator("select[name=committee]").select_option(str(committee.pk))
    review_form.locator("input[name=reported_on]").fill(today.strftime("%d/%m/%Y"))
    review_form.locator("textarea[name=conclusion]").fill("Đủ điều kiện trình kỳ họp.")
    review_form.locator("button:not([type=button])").click()
    page.wait_for_url(submission_url)
    assert "Đủ điều kiện trình kỳ họp." in page.locator("#reviews").inner_text()

    # 3b. The draft's file: a page renamed .pdf is refused next to the field, with the note kept;
    # a real PDF is accepted and downloaded as an attachment.
    files_summary = page.locator("summary", has_text=re.compile("phiên bản|version", re.I))
    files_summary.click()
    file_form = page.locator("form[action$='/tep/']")
    file_form.locator("input[name=file]").set_input_files(
        {"name": "du-thao.pdf", "mimeType": "application/pdf", "buffer": b"<html><script>alert(1)</script>"}
    )
    file_form.locator("input[name=note]").fill("Bản trình kỳ họp")
    file_form.locator("button:not([type=button])").click()
    page.wait_for_selector("form[action$='/tep/'] .text-danger")
    assert page.locator("form[action$='/tep/'] input[name=note]").input_value() == "Bản trình kỳ họp"
    assert page.locator("#files a").count() == 0
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    file_form = page.locator("form[action$='/tep/']")
    file_form.locator("input[name=file]").set_input_files(
        {"name": "Dự thảo nghị quyết.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    file_form.locator("button:not([type=button])").click()
    page.wait_for_url(submission_url)
    with page.expect_download() as info:
        page.locator("#files a").first.click()
    assert Path(info.value.path()).read_bytes() == pdf
    assert info.value.suggested_filename.endswith(".pdf")

    # 4. Convene and open the session; attendance with one absence; the quorum is shown.
    page.goto(session_url)
    step(page, "convene", "convened")
    step(page, "open", "in_progress")
    page.goto(session_url + "diem-danh/")
    page.locator("tbody input[type=checkbox]").first.check()
    page.locator("tbody input[name^=reason_]").first.fill("Đi công tác")
    submit(page)
    page.wait_for_selector("[data-quorum=yes]")
    assert re.search(r"59\D+60", page.locator("#quorum").inner_text())

    # 5. The vote, counted against all 60 delegates: passed.
    page.goto(submission_url + "bieu-quyet/")
    page.locator("input[name=held_on]").fill(today.strftime("%d/%m/%Y"))
    page.locator("input[name=yes]").fill("55")
    page.locator("input[name=no]").fill("1")
    page.locator("input[name=abstain]").fill("2")
    page.locator("input[name=not_voting]").fill("1")
    submit(page)
    page.wait_for_url(submission_url)
    assert page.locator("#votes .text-bg-success").count() == 1

    # 6. Adopt: the resolution takes the next number of the "other" series.
    page.locator("#votes a[href$='/thong-qua/']").click()
    page.locator("select[name=implementing_agency]").select_option(str(agency.pk))
    submit(page)
    page.wait_for_url(re.compile(r".*/ky-hop/nghi-quyet/\d+/$"))
    number = page.locator("[data-number]").inner_text().strip()
    assert re.fullmatch(r"\d{2}/NQ-HĐND", number), number

    # 7. The DOCX: Decree-30 header, the number line and the date line.
    with page.expect_download() as info:
        page.locator("a[href$='van-ban.docx']").click()
    text = docx_text(Path(info.value.path()).read_bytes())
    assert "HỘI ĐỒNG NHÂN DÂN" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert f"Số: {number}" in text
    place = council.province.short_name or council.province.name
    assert vn_date_line(place, today) in text
    # Under "NGHỊ QUYẾT" its summary; no "Dự thảo", the effective-date article, the chair's name.
    assert "Về chính sách hỗ trợ trồng rừng gỗ lớn" in text.splitlines()
    assert "Dự thảo" not in text and "Nghị quyết này có hiệu lực từ" in text
    assert text.rstrip().splitlines()[-1] not in {"", "CHỦ TỊCH"}

    # 8. Publish, then find it on the public pages (folded search, no sign-in needed).
    page.locator("form[action$='/cong-bo/'] button").click()
    page.wait_for_selector("[data-resolution-status=published]")
    page.goto(f"{base}/cong-khai/ky-hop/nghi-quyet/?q=ho+tro+trong+rung")
    assert page.get_by_role("link", name=number).is_visible()
    page.get_by_role("link", name=number).click()
    assert page.locator("[data-number]").inner_text().strip() == number

    # 9. The public session page offers the draft's current file (no sign-in needed).
    public = page.context.browser.new_context(locale="vi-VN").new_page()
    public.goto(f"{base}/cong-khai/ky-hop/{session_url.rstrip('/').split('/')[-1]}/")
    with public.expect_download() as info:
        public.locator("#documents a").first.click()
    assert Path(info.value.path()).read_bytes() == pdf
    public.context.close()
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
