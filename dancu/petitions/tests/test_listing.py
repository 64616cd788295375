"""The petition list: capped count, cached rows, and no stale page after a write."""

import pytest
from django.urls import reverse

from dancu.petitions import listing, services
from dancu.petitions.models import Petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def consolidated(pworld):
    return sorted(
        services.consolidate_round(actor=pworld["specialist"], round=pworld["round"]), key=lambda p: p.pk
    )


def test_rows_are_cached_and_a_write_shows_at_once(
    client, pworld, consolidated, django_assert_max_num_queries
):
    client.force_login(pworld["specialist"])
    url = reverse("petitions:petition_list")
    first = client.get(url).content.decode()
    assert consolidated[0].code in first
    # Served again from the cache: session, user, second-factor device and roles only, no
    # petition query.
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
    # A user's edit (through the service, which audits) shows at once: the audit bumps the
    # petitions' data version.
    petition = Petition.objects.get(pk=consolidated[0].pk)
    services.petition_edit(
        actor=pworld["specialist"], petition=petition, text="Đề nghị lắp đèn chiếu sáng đường trục xã (sửa)"
    )
    assert "lắp đèn chiếu sáng đường trục xã (sửa)" in client.get(url).content.decode()
    # So does a removal: a merge deletes the petitions merged into another.
    merged = Petition.objects.get(pk=consolidated[1].pk)
    services.petition_merge(actor=pworld["specialist"], target=petition, sources=[merged])
    assert merged.code not in client.get(url).content.decode()


def test_count_is_capped(client, pworld, consolidated, monkeypatch):
    monkeypatch.setattr(listing.PetitionPaginator, "cap", 1)
    client.force_login(pworld["specialist"])
    page = client.get(reverse("petitions:petition_list")).content.decode()
    assert "Hơn 1 kết quả" in page
    monkeypatch.setattr(listing.PetitionPaginator, "cap", 100)
    page = client.get(reverse("petitions:petition_list") + "?x=1").content.decode()
    assert f"{len(consolidated)} kết quả" in page


def test_htmx_asks_for_the_rows_only(client, pworld, consolidated):
    client.force_login(pworld["specialist"])
    rows = client.get(reverse("petitions:petition_list"), HTTP_HX_REQUEST="true").content.decode()
    assert rows.lstrip().startswith('<div class="table-responsive">') and "<html" not in rows


def test_keyset_pages_walk_the_whole_list_both_ways(client, pworld, consolidated, settings):
    """`?after=` / `?before=` cursors (no OFFSET): forward through every petition once, newest
    first, then back to the first page; a junk cursor is the first page."""
    settings.PAGE_SIZE = 1
    for i in range(3):  # more rows of the same province (test data, not through the services)
        copy = Petition.objects.get(pk=consolidated[0].pk)
        copy.pk, copy.code = None, f"KN-T{i:05d}"
        copy.save()
    client.force_login(pworld["specialist"])
    url = reverse("petitions:petition_list")
    codes = list(Petition.objects.order_by("-pk").values_list("code", flat=True))
    assert len(codes) == 5
    seen, pages, query = [], [], ""
    while True:
        page = client.get(url + query, HTTP_HX_REQUEST="true").content.decode()  # the rows only
        pages.append(page)
        seen += [c for c in codes if c in page]
        pager = page.split("<nav", 1)[-1].split("</nav>", 1)[0] if "<nav" in page else ""
        if "after=" not in pager:
            break
        cursor = pager.split("after=", 1)[1].split('"', 1)[0]
        query = f"?after={cursor}"
    assert seen == codes
    last = pages[-1].split("<nav", 1)[-1]
    assert "before=" in last
    back = last.split("before=", 1)[1].split('"', 1)[0]
    previous = client.get(url + f"?before={back}", HTTP_HX_REQUEST="true").content.decode()
    assert codes[-2] in previous and codes[-1] not in previous
    for junk in ("abc", "0", "9" * 30):
        assert codes[0] in client.get(url + f"?after={junk}").content.decode()


# The loop `_petition_rows.html` had before the rows were written in Python (issue 17): the
# Python rows must give the same HTML, escaping included.
OLD_ROWS = (
    "{% for p in page %}<tr><td><a href=\"{% url 'petitions:petition_detail' p.pk %}\">{{ p.code }}</a></td>"
    "<td>{{ p.text|truncatechars:160 }}</td><td>{{ p.get_field_display }}</td><td>{{ p.get_level_display }}</td>"
    '<td>{{ p.agency.name|default:"" }}</td><td>{{ p.rounds_raised }}</td><td>{{ p.get_status_display }}</td></tr>'
    "\n{% endfor %}"
)


def test_python_rows_match_the_template_they_replace(pworld, consolidated):
    from django.template import Context, Template

    first, second = consolidated[0], consolidated[1]
    Petition.objects.filter(pk=first.pk).update(text="Đường <b>\"thôn 3\"</b> & cầu 'Khe Lau' " + "x" * 200)
    Petition.objects.filter(pk=second.pk).update(agency=None, text="Ngắn")
    page = list(
        Petition.objects.filter(pk__in=[p.pk for p in consolidated]).select_related("agency").order_by("-id")
    )
    assert any(p.agency_id for p in page) and any(not p.agency_id for p in page)
    expected = Template(OLD_ROWS).render(Context({"page": page})).rstrip("\n")
    got = listing.table_rows(page)
    assert got == expected
    assert "&lt;b&gt;&quot;thôn 3&quot;&lt;/b&gt; &amp; cầu &#x27;Khe Lau&#x27;" in got and "<b>" not in got
    assert "…" in got  # the long text is cut at 160 characters


def _pager_query(html: str, name: str) -> str:
    """The query string of a pager link ("after" for Next, "before" for Previous), unescaped."""
    import html as html_lib
    import re

    found = re.search(rf'href="\?({name}=[^"]+)"', html)
    assert found, f"no {name} link"
    return html_lib.unescape(found.group(1))


def _more_petitions(consolidated, n: int) -> None:
    for i in range(n):  # more rows of the same province (test data, not through the services)
        copy = Petition.objects.get(pk=consolidated[0].pk)
        copy.pk, copy.code = None, f"KN-C{i:05d}"
        copy.save()


def test_the_pager_carries_the_count_signed(client, pworld, consolidated, settings, make_user, office):
    """The count is computed once: Next and Previous links carry it (`n=`, signed), so the next
    pages run no count; a forged, another list's or another user's token is not believed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_SIZE = 1
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    _more_petitions(consolidated, 3)
    total = Petition.objects.count()
    client.force_login(pworld["specialist"])
    url = reverse("petitions:petition_list")
    first = client.get(url).content.decode()
    assert f"{total} kết quả" in first
    nxt = _pager_query(first, "after")
    assert "&n=" in nxt
    with CaptureQueriesContext(connection) as queries:
        second = client.get(f"{url}?{nxt}").content.decode()
    assert f"{total} kết quả" in second
    petition_sql = [q["sql"] for q in queries.captured_queries if "petitions_petition" in q["sql"]]
    assert len(petition_sql) == 1 and "COUNT" not in petition_sql[0].upper()  # the rows only
    # Previous carries it too.
    assert "&n=" in _pager_query(second, "before")
    cursor, _sep, token = nxt.partition("&n=")
    count, _dash, signature = token.partition("-")
    forged = [
        f"{cursor}&n=1-{signature}",  # another number, the old signature
        f"{cursor}&n={count}-{'0' * 16}",  # a made-up signature
        f"{cursor}&n=abc",
        f"{cursor}&n={'9' * 40}-{signature}",
        f"{cursor}&field=dat_dai&n={token}",  # another list's question
    ]
    for query in forged:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200
        expected = Petition.objects.filter(field="dat_dai").count() if "field=" in query else total
        assert f"{expected} kết quả" in response.content.decode(), query
    # Another user of the same office: the token is not theirs, so they count for themselves.
    client.force_login(make_user("specialist", office))
    with CaptureQueriesContext(connection) as queries:
        assert f"{total} kết quả" in client.get(f"{url}?{nxt}").content.decode()
    assert any("COUNT" in q["sql"].upper() for q in queries.captured_queries)


def test_no_cache_key_is_computed_without_a_cache(client, pworld, consolidated, settings, monkeypatch):
    """With DummyCache (`DANCU_CACHE=off`) the page is rendered and no SQL is compiled for a key."""
    from dancu.core import paging

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    def refuse(*args, **kwargs):
        raise AssertionError("a cache key was computed with no cache")

    monkeypatch.setattr(paging, "sql_digest", refuse)
    client.force_login(pworld["specialist"])
    page = client.get(reverse("petitions:petition_list") + "?field=giao_thong_xay_dung").content.decode()
    assert "kết quả" in page
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with pytest.raises(AssertionError, match="cache key"):
        client.get(reverse("petitions:petition_list"))


def test_the_filter_form_keeps_the_choices_and_escapes_the_search(client, pworld, consolidated):
    client.force_login(pworld["specialist"])
    url = reverse("petitions:petition_list")
    page = client.get(url + '?q="><script>x</script>&field=y_te&status=forwarded&repeated=1').content.decode()
    start = page.index('<form method="get"')
    form = page[start : page.index("</form>", start)]
    assert "<script>x" not in form and 'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in form
    assert '<option value="y_te" selected>' in form and '<option value="forwarded" selected>' in form
    assert 'id="repeated" checked' in form
    plain = client.get(url).content.decode()
    start = plain.index('<form method="get"')
    plain_form = plain[start : plain.index("</form>", start)]
    assert " selected>" not in plain_form and 'value=""' in plain_form and "checked" not in plain_form
