"""The Vietnamese reader's checklist (docs/vietnamese-wording.md), checked on every page a role
reaches in the demo: no ISO dates, no code names, no English source strings, none of the words
the checklist forbids."""

from __future__ import annotations

import collections
import re
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

from dancu.accounts.models import User
from dancu.core.audit import audit_record
from dancu.web.audit_text import action_words, target_words
from dancu.web.wording import Finding, check_page

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"#]*)"')
# Files and actions are not pages to read (downloads are checked by the document tests).
NOT_PAGES = re.compile(
    r"\.(docx|xlsx|pdf|ics|csv|png|zip|json)$|/tai-|/xuat|download|export|/tep/|dang-xuat|logout"
)
ROLES = ["vanphong", "chuyenvien", "lanhdao", "daibieu", "coquan"]


@pytest.fixture
def demo_db(db):
    from dancu.web.demo import load_demo

    return load_demo()


def crawl(
    username: str, limit: int = 250, per_route_max: int = 2, pages_out: list[str] | None = None
) -> tuple[int, list[tuple[str, Finding]]]:
    """Visit every page reachable from the dashboard by links, each route at most twice (the
    URLs of the HTML pages seen go to `pages_out`: the screen-size browser test reuses them)."""
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(User.objects.get(username=username))
    per_route: collections.Counter = collections.Counter()
    queue, visited, findings = ["/"], set(), []
    while queue and len(visited) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path
        if url in visited or path.startswith(("/api/", "/admin/", "/static/")) or NOT_PAGES.search(url):
            continue
        try:
            match = resolve(path)
        except Resolver404:
            continue
        key = (match.view_name, tuple(sorted(match.kwargs)))
        if per_route[key] >= per_route_max:
            continue
        per_route[key] += 1
        visited.add(url)
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if pages_out is not None:
            pages_out.append(url)
        findings += [(url, f) for f in check_page(html)]
        queue += [h.replace("&amp;", "&") for h in HREF.findall(html)]
    return len(visited), findings


def test_every_page_reads_as_vietnamese(demo_db):
    # One demo for every role (loading it takes longer than crawling it).
    report = []
    for username in ROLES:
        with translation.override("vi"):
            pages, findings = crawl(username)
        assert pages >= 20, f"{username}: the crawl reached only {pages} pages"
        report += [f"{username} {url}: {f.rule}: {f.text}" for url, f in findings]
    assert not report, "\n".join(report)


def test_checker_flags_what_the_checklist_forbids():
    html = (
        "<p>reception_answer: 2026-12-16</p><p>council.confidence.transition</p>"
        "<p>Mức giống</p><p>(30 số ngày)</p><script>var a_b = '2026-01-01'</script>"
    )
    rules = sorted({f.rule for f in check_page(html)})
    assert rules == ["code-name", "iso-date", "wrong-word"]
    assert check_page("<p>Hạn trả lời: 16/12/2026 (còn 5 ngày)</p><p>bao-cao.docx</p>") == []


def test_audit_page_speaks_in_words(client, office_admin, office):
    with translation.override("vi"):
        assert action_words("council.session.convene") != "council.session.convene"
        assert target_words("council.session", "3").endswith("#3")
        assert target_words("council.session", "3") != "council.session #3"
        # An action no module words is still said generically, never as code.
        assert action_words("directory.person.delete") == str(translation.gettext("Deleted"))
    with transaction.atomic():
        audit_record(
            actor=None,
            action="directory.person.delete",
            target_type="directory.person",
            target_id="9",
            province_code=office.province.code,
            summary="x",
        )
    client.force_login(office_admin)
    response = client.get("/nhat-ky/", HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()
    assert "directory.person #9" not in html and "#9" in html
    assert not [f for f in check_page(html) if f.rule == "code-name"]
