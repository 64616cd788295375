"""In a real browser: a denunciation received at a reception day is detected as a duplicate of
the letter the sister body (the Standing Committee) already forwarded; the second transfer is
refused; the result is recorded and the citizen's public status changes.

Selectors use element ids, not labels, so that the test holds before and after translation.
"""

import pytest

# serialized_rollback: the rows seeded by migrations come back after each test's flush.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(transactional_db):
    """The directory's and the letters' demo only (another module's demo cannot break these)."""
    from dancu.directory.demo import load as load_directory
    from dancu.letters.demo import load as load_letters

    load_directory()
    return load_letters()


def login(page, base, username, password):
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def _public_status(page, base, code, digits):
    page.goto(f"{base}/cong-khai/don-thu/tra-cuu/")
    page.locator("#id_receipt_code").fill(code)
    page.locator("#id_second_factor").fill(digits)
    page.locator("#lookup-button").click()
    return page.locator("#public-status").inner_text()


def test_duplicate_denunciation_refused_transfer_and_public_status(page, live_server, demo):
    from dancu.directory.demo import DEMO_PASSWORD
    from dancu.letters.demo import DEMO_SUBJECT
    from dancu.letters.models import Letter

    base = live_server.url
    original = Letter.objects.get(subject=DEMO_SUBJECT)
    assert original.forwarded_on is not None and original.receiving_body.kind == "STANDING_COMMITTEE"

    login(page, base, "chuyenvien", DEMO_PASSWORD)
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/don-thu/tiep-nhan/")
    page.locator("#id_receiving_body").select_option(label="Đoàn đại biểu Quốc hội tỉnh Hà Tĩnh")
    page.locator("#id_channel").select_option("reception_day")
    page.locator("#id_reception_day").select_option(index=1)
    page.locator("#id_kind").select_option("denunciation")
    page.locator("#id_subject").fill("Tố cáo san lấp đất lúa trái phép ở thôn Trung, Cẩm Bình")
    page.locator("#id_content").fill(
        "Hộ kinh doanh thôn Trung san lấp đất trồng lúa làm bãi tập kết vật liệu xây dựng không có giấy phép"
    )
    page.locator("#id_target").fill("Hộ kinh doanh vật liệu xây dựng thôn Trung, xã Cẩm Bình")
    page.locator("#id_name").fill("NGUYEN VAN TO")  # typed without diacritics
    page.locator("#id_phone").fill("+84 912 000 111")
    page.locator("#intake-submit").click()
    page.wait_for_url(f"{base}/don-thu/*/")
    code = page.locator("#receipt-code").inner_text().strip()

    # The sister body's forwarded letter is proposed; the specialist links it.
    row = page.locator("#duplicates tbody tr", has_text=original.number)
    assert row.count() == 1
    row.locator("button.link-duplicate").click()
    page.wait_for_load_state()

    # Transfer only once: the second transfer is refused with the first transfer named, next
    # to the same form, which keeps the body chosen.
    page.locator("#to_body").select_option(label="Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh")
    page.locator("#forward-button").click()
    page.wait_for_load_state()
    assert original.number in page.locator("#forward-error").inner_text()
    chosen = page.locator("#to_body option:checked").inner_text()
    assert chosen == "Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh"
    letter = Letter.objects.get(receipt_code=code)
    assert letter.forwarded_on is None and letter.duplicate_of_id == original.pk

    before = _public_status(page, base, code, "0111")
    page.goto(f"{base}/don-thu/{letter.pk}/")
    # Recording a result is in the menu of the other actions (forwarding comes first).
    page.locator("#more-actions").click()
    page.locator("#menu-result").click()
    page.locator("#result").fill("Sở đã kiểm tra, buộc khôi phục hiện trạng đất lúa")
    page.locator("#result-button").click()
    page.wait_for_load_state()
    assert page.locator("#letter-result").inner_text().startswith("Sở đã kiểm tra")
    after = _public_status(page, base, code, "0111")
    assert after and after != before
    # Status only: no name nor content on the public page.
    assert "NGUYEN VAN TO" not in page.content() and "san lấp" not in page.content()
    original.refresh_from_db()
    assert original.result.startswith("Sở đã kiểm tra")


def test_reveal_refused_on_the_same_form_then_audited(page, live_server, demo):
    """The Office administrator reveals a denouncer's identity: a reason too short is refused
    in place (the form comes back with the message), a real reason shows the identity."""
    from dancu.core.models import AuditEntry
    from dancu.directory.demo import DEMO_PASSWORD
    from dancu.letters.demo import DEMO_SUBJECT
    from dancu.letters.models import Letter

    base = live_server.url
    letter = Letter.objects.get(subject=DEMO_SUBJECT)
    login(page, base, "vanphong", DEMO_PASSWORD)
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/don-thu/{letter.pk}/")
    page.locator("#reason").fill("a    b")  # five characters for the browser, three words' worth for the rule
    page.locator("#reveal-button").click()
    page.locator("#identity-box .text-danger").wait_for()
    assert page.locator("#reason").input_value() == "a    b"
    assert not AuditEntry.objects.filter(action="letters.identity_reveal").exists()
    page.locator("#reason").fill("Xác minh theo yêu cầu của Trưởng đoàn")
    page.locator("#reveal-button").click()
    page.locator("#identity").wait_for()
    assert "Nguyễn Văn Tố" in page.locator("#identity").inner_text()
    assert AuditEntry.objects.filter(action="letters.identity_reveal").count() == 1


def test_public_letter_with_the_challenge_a_receipt_and_no_repost(page, live_server, demo):
    """A citizen sends a letter with a file: the page asks a sum in plain text; a wrong answer
    brings the form back with what was typed and a new question; the right one leads to the
    receipt page, whose reload sends nothing again; the status is looked up by POST (the code
    is never in the address bar)."""
    import re

    from dancu.letters.models import Letter

    base = live_server.url
    before = Letter.objects.count()
    page.goto(f"{base}/cong-khai/don-thu/gui-don/")
    page.locator("#id_receiving_body").select_option(index=0)
    page.locator("#id_kind").select_option("petition")
    page.locator("#id_subject").fill("Kiến nghị sửa cầu treo thôn Đông")
    page.locator("#id_content").fill("Cầu treo thôn Đông xuống cấp, nguy hiểm cho học sinh")
    page.locator("#id_name").fill("Công Dân Thử Nghiệm")
    page.locator("#id_address").fill("Thôn Đông, xã Cẩm Bình")
    page.locator("#id_phone").fill("0977 555 888")
    page.locator("#id_attachments").set_input_files(
        files=[{"name": "anh-cau.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
    )
    page.locator("#id_answer").fill("0")  # wrong
    page.locator("#public-submit").click()
    page.wait_for_load_state()
    assert page.locator("#id_subject").input_value() == "Kiến nghị sửa cầu treo thôn Đông"
    assert Letter.objects.count() == before
    a, b = map(int, re.findall(r"\d+", page.locator("#id_answer_helptext").inner_text())[:2])
    page.locator("#id_attachments").set_input_files(
        files=[{"name": "anh-cau.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
    )
    page.locator("#id_answer").fill(str(a + b))
    page.locator("#public-submit").click()
    page.wait_for_url(f"{base}/cong-khai/don-thu/gui-don/da-nhan/")
    code = page.locator("#receipt-code").inner_text().strip()
    page.reload()
    assert page.locator("#receipt-code").inner_text().strip() == code
    assert Letter.objects.count() == before + 1
    letter = Letter.objects.get(receipt_code=code)
    assert letter.attachments.count() == 1
    status = _public_status(page, base, code, "5888")
    assert status and code not in page.url
