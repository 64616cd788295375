"""In a real browser, the whole path of voter petitions: plan a meeting, import 30 opinions,
accept the proposed grouping, classify, forward to two agencies, answer as the agency user
"coquan" with an attachment (a web page is refused first, the typed answer kept), download the
attachment from the pages that show the answer, generate both reports and the list export, accept
the answer, and find it and its attachment on the public page by its code.

Elements are found by id and name (not by label text) so the test holds in any language."""

import json
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[2] / "dancu/petitions/tests/data/eval.jsonl"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def login(page, base, username, password):
    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(f"{base}/")


@pytest.fixture
def petition_rules(transactional_db):
    """The deadline rules as migration 0002 seeds them: an earlier transactional test may have
    flushed them (rules are data, never created by the services)."""
    from dancu.petitions.tests.factories import seed_rules

    return seed_rules()


def test_petitions_end_to_end(page, live_server, demo, petition_rules, tmp_path):
    from dancu.core.documents import docx_text
    from dancu.directory.demo import DEMO_PASSWORD, HT_AGRI
    from dancu.petitions.models import Petition

    base = live_server.url
    login(page, base, "chuyenvien", DEMO_PASSWORD)

    # A new round and a meeting in a commune of Hà Tĩnh.
    page.goto(f"{base}/kien-nghi/dot/them/")
    page.locator("#id_name").fill("TXCT trước kỳ họp thứ 11 Quốc hội khóa XV")
    page.locator("#id_code").fill("e2e-qh15-11")
    page.locator("#id_start_date").fill("02/03/2026")  # dd/mm/yyyy in every browser (app.js)
    page.locator("main form button.btn-primary").click()
    page.wait_for_url(re.compile(r".*/kien-nghi/dot/\d+/$"))
    round_url = page.url
    page.locator("a[href$='/hoi-nghi/them/']").click()
    page.locator("#date").fill("10/03/2026")
    page.locator("#delegates").select_option(index=0)
    page.locator("#voter_count").fill("140")
    page.locator("main form button.btn-primary").click()
    page.wait_for_load_state()
    assert not page.locator(".alert-danger").count(), page.locator(".alert-danger").all_inner_texts()
    page.wait_for_url(re.compile(r".*/kien-nghi/hoi-nghi/\d+/$"))

    # Import 30 opinions from a CSV file; the job page shows the result.
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines()[:30]]
    csv_path = tmp_path / "y_kien.csv"
    csv_path.write_text("text,area\n" + "".join(f'"{r["text"]}",Hà Tĩnh\n' for r in rows), encoding="utf-8")
    page.locator("main a[href*='/hoi-nghi/'][href$='/nhap/']").first.click()
    page.locator("#id_file").set_input_files(str(csv_path))
    page.locator("main form button.btn-primary").click()
    page.wait_for_url(re.compile(r".*/kien-nghi/nhap/\d+/$"))
    for _ in range(50):
        if page.locator("#import-progress .alert-success").count():
            break
        page.wait_for_timeout(200)
        page.reload()
    assert page.locator("#import-progress .alert-success").count() == 1

    # Consolidation: propose groups, accept them all.
    page.goto(round_url + "tong-hop/")
    page.locator("button[accesskey=g]").click()
    page.locator("#consolidation-message").wait_for()  # swapped in place (htmx)
    assert page.locator("article[data-card]").count() >= 5
    proposed = page.locator("#consolidation-message").inner_text()
    page.locator("button[accesskey=a]").click()
    page.wait_for_function(
        "t => (document.querySelector('#consolidation-message') || {}).innerText !== t", arg=proposed
    )
    petitions = list(Petition.objects.filter(round__code="e2e-qh15-11").order_by("id"))
    assert len(petitions) < 30 and all(p.status == "confirmed" for p in petitions)
    assert sum(p.opinions.count() for p in petitions) == 30

    # Classify one petition by hand (kept as an override).
    first, second = petitions[0], petitions[1]
    page.goto(f"{base}/kien-nghi/kien-nghi/{first.pk}/")
    page.locator("#field").select_option("giao_thong_xay_dung")
    page.locator("#level").select_option("central")
    page.locator("form:has(#field) button").click()
    page.wait_for_load_state()
    first.refresh_from_db()
    assert (first.field, first.level) == ("giao_thong_xay_dung", "central")

    # Forward to two agencies: the agriculture department (user "coquan") and another one.
    for number, petition, agency in (("21/VP-TH", first, HT_AGRI), ("22/VP-TH", second, "Sở Y tế")):
        page.goto(round_url + "chuyen/")
        value = page.locator("#agency option", has_text=agency).first.get_attribute("value")
        page.locator("#agency").select_option(value)
        page.locator("#dispatch_number").fill(number)
        page.locator(f"#fp{petition.pk}").check()
        page.locator("form:has(#agency) button.btn-primary").click()
        page.wait_for_url(re.compile(r".*/kien-nghi/chuyen/\d+/$"))
    first.refresh_from_db()
    assert first.status == "forwarded"

    # The agency user answers; it sees only its own batch. A web page as attachment is refused
    # with the message by the field and the typed answer kept; a PDF is accepted.
    login(page, base, "coquan", DEMO_PASSWORD)
    page.goto(f"{base}/kien-nghi/co-quan/")
    assert "22/VP-TH" not in page.content()
    page.locator("a", has_text="21/VP-TH").click()
    batch_url = page.url
    typed = "Sở đã làm việc với chủ đầu tư; dự kiến sửa chữa xong trong quý II năm 2026."
    evil = tmp_path / "evil.html"
    evil.write_text("<html><body><script>alert(document.cookie)</script></body></html>")
    page.locator(f"#t{first.pk}").fill(typed)
    page.locator(f"#s{first.pk}").select_option("in_progress")
    page.locator(f"#f{first.pk}").set_input_files(str(evil))
    page.locator(f"form:has(#t{first.pk}) button.btn-primary").click()
    page.wait_for_load_state()
    assert page.locator(f"form:has(#t{first.pk}) .text-danger").count() >= 1
    assert page.locator(f"#t{first.pk}").input_value() == typed
    first.refresh_from_db()
    assert first.status == "forwarded"
    pdf = tmp_path / "Công văn trả lời.pdf"
    pdf.write_bytes(PDF)
    page.locator(f"#f{first.pk}").set_input_files(str(pdf))
    page.locator(f"form:has(#t{first.pk}) button.btn-primary").click()
    page.wait_for_url(batch_url)
    first.refresh_from_db()
    assert first.status == "answered"
    attachment = page.locator("a[data-answer-file]")
    assert attachment.count() == 1
    download = page.request.get(base + attachment.get_attribute("href"))
    assert download.ok and download.body() == PDF
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.headers["x-content-type-options"] == "nosniff"

    # Reports: the synthesis DOCX (Decree-30 header, number and date line) and its Excel version.
    login(page, base, "chuyenvien", DEMO_PASSWORD)
    page.goto(f"{base}/kien-nghi/kien-nghi/{first.pk}/")
    office_link = page.locator("a[data-answer-file]")
    assert office_link.count() == 1
    assert page.request.get(base + office_link.get_attribute("href")).body() == PDF
    page.goto(f"{base}/kien-nghi/kien-nghi/")
    export = page.request.get(base + page.locator("#export").get_attribute("href"))
    assert export.ok and export.body()[:2] == b"PK"
    docx = page.request.get(round_url + "bao-cao-tong-hop/")
    assert docx.ok
    text = docx_text(docx.body())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "/BC-VP" in text and re.search(r"Hà Tĩnh, ngày .+ tháng .+ năm", text)
    assert "TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI" in text.upper()
    xlsx = page.request.get(round_url + "bao-cao-tong-hop/?format=xlsx")
    assert xlsx.ok and xlsx.body()[:2] == b"PK"
    page.goto(round_url + "bao-cao-ket-qua/")
    assert HT_AGRI in page.content()

    # The Office accepts the answer (an answer is public only once accepted), publishes the
    # round, and the answer is found on the public page by its code.
    page.goto(f"{base}/kien-nghi/kien-nghi/{first.pk}/")
    page.locator("button[data-review=accept]").click()
    page.wait_for_load_state()
    first.refresh_from_db()
    assert first.status == "closed"
    page.goto(round_url)
    page.locator("form[action$='/cong-khai/'] button").click()
    page.wait_for_load_state()
    page.context.clear_cookies()
    page.goto(f"{base}/cong-khai/kien-nghi/tra-cuu/?code={first.code}")
    assert "dự kiến sửa chữa xong trong quý II" in page.content()
    public_link = page.locator("a[data-answer-file]")
    assert public_link.count() == 1 and "/cong-khai/" in public_link.get_attribute("href")
    public = page.request.get(base + public_link.get_attribute("href"))
    assert public.ok and public.body() == PDF
