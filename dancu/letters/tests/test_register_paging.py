"""The register at scale: keyset pages, the capped count computed once, cached rows that a
write invalidates, and a constant number of queries whatever the number of rows."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _numbers(html: str) -> list[str]:
    return re.findall(r'href="/don-thu/\d+/">([^<]+)</a>', html)


def _make(make_letter, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        make_letter(
            received_date=datetime.date(2026, 1, 5) + datetime.timedelta(days=i % 20),
            subject=f"Kiến nghị số {i}",
            kind="petition",
        )


def test_keyset_pages_forward_and_back(client, make_letter, specialist, settings):
    settings.PAGE_SIZE = 10
    _make(make_letter, 23)
    client.force_login(specialist)
    url = reverse("letters:register")
    first = client.get(url).content.decode()
    page1 = _numbers(first)
    assert len(page1) == 10 and ("23 kết quả" in first or "23 results" in first)
    nxt = unescape(re.search(r'href="\?(after=[^"]+)"', first).group(1))
    assert "&n=" in nxt  # the count rides along, signed (core.paging.CountSeal)
    second = client.get(f"{url}?{nxt}").content.decode()
    page2 = _numbers(second)
    assert len(page2) == 10 and not set(page1) & set(page2)
    nxt = unescape(re.search(r'href="\?(after=[^"]+)"', second).group(1))
    third = client.get(f"{url}?{nxt}").content.decode()
    page3 = _numbers(third)
    assert len(page3) == 3 and 'href="?after=' not in third
    assert "23 kết quả" in third or "23 results" in third
    prev = unescape(re.search(r'href="\?(before=[^"]+)"', third).group(1))
    assert _numbers(client.get(f"{url}?{prev}").content.decode()) == page2
    # the order is the register's: newest received first, then newest id
    from dancu.letters.models import Letter

    expected = list(Letter.objects.order_by("-received_date", "-id").values_list("number", flat=True))
    assert page1 + page2 + page3 == expected
    # junk cursors fall back to the first page; old page-number links still work
    assert _numbers(client.get(f"{url}?after=junk").content.decode()) == page1
    assert _numbers(client.get(f"{url}?page=2").content.decode()) == page2


def test_constant_queries_and_cached_rows(client, make_letter, specialist, settings):
    settings.PAGE_SIZE = 25
    _make(make_letter, 3)
    client.force_login(specialist)
    url = reverse("letters:register") + "?kind=petition"
    with CaptureQueriesContext(connection) as few:
        client.get(url + "&q=kien")
    cache.clear()
    _make(make_letter, 27, start=3)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url + "&q=kien").content.decode()
    assert len(_numbers(html)) == 25
    assert len(many.captured_queries) == len(few.captured_queries) <= 8  # no per-row query
    with CaptureQueriesContext(connection) as hit:
        again = client.get(url + "&q=kien").content.decode()
    assert again.count("<tr>") == html.count("<tr>")
    letter_queries = [q for q in hit.captured_queries if "letters_letter" in q["sql"]]
    assert letter_queries == []  # rows and count came from the cache


def test_a_write_invalidates_the_cached_register(client, make_letter, specialist):
    _make(make_letter, 2)
    client.force_login(specialist)
    url = reverse("letters:register")
    assert "Kiến nghị mới nhất" not in client.get(url).content.decode()
    make_letter(received_date=datetime.date(2026, 3, 1), subject="Kiến nghị mới nhất", kind="petition")
    html = client.get(url).content.decode()
    assert "Kiến nghị mới nhất" in html and ("3 kết quả" in html or "3 results" in html)


def test_search_pages_and_agency_scope_are_cached_apart(client, make_letter, specialist, make_user, agency):
    from dancu.letters import services

    _make(make_letter, 3)
    forwarded = make_letter(subject="Tố cáo chuyển sở", kind="denunciation")
    services.letter_forward(actor=specialist, letter=forwarded, to_body=agency)
    client.force_login(specialist)
    url = reverse("letters:register")
    assert len(_numbers(client.get(url).content.decode())) == 4
    client.force_login(make_user("agency_responder", agency))
    html = client.get(url).content.decode()
    assert _numbers(html) == [forwarded.number]  # not the office's cached page
    client.force_login(specialist)
    found = client.get(url, {"q": "chuyen so"}).content.decode()
    assert _numbers(found) == [forwarded.number]
