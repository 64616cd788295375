"""Issue 10, findings 6, 12 and 9: bad input is a clear 4xx (or an empty result), never a 500.

- The register (page and htmx rows), the statistics and the API list with junk in the query
  string: a search of only punctuation, %, _, emoji, ß, NUL used to 500 (EmptyResultSet while
  digesting the SQL of an empty query); the national administrator sees every letter.
- Big numbers: a year outside 1900-2100, ids of 10^25 in POSTs and cursors, huge limits and
  offsets in the API.
- A control character in stored text does not break the export nor any document.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dancu.core.documents import docx_text
from dancu.letters import services
from dancu.letters.models import Letter, ReceptionVisit

pytestmark = pytest.mark.django_db

JUNK_QUERIES = [
    "!!!",
    "%",
    "_",
    "%_%",
    "😀",
    "ß",
    "\x00",
    "a\x00b",
    "'; --",
    "   ",
    "ạ!",
    "🇻🇳 ß %",
    "x" * 500,
]
BIG = str(10**25)


def _raw(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def letters(make_letter, specialist, agency):
    first = make_letter(kind="complaint", subject="Khiếu nại đất đai xã Kỳ Tân")
    second = make_letter()
    services.letter_forward(actor=specialist, letter=second, to_body=agency)
    return [first, second]


@pytest.mark.parametrize("q", JUNK_QUERIES)
def test_junk_searches_on_the_register(client, letters, specialist, national_admin, q):
    for user in (specialist, national_admin):
        client.force_login(user)
        page = client.get(reverse("letters:register"), {"q": q})
        assert page.status_code == 200, (q, user)
        rows = client.get(reverse("letters:register"), {"q": q}, HTTP_HX_REQUEST="true")
        assert rows.status_code == 200 and "<html" not in rows.content.decode()
        assert client.get(reverse("letters:register_export"), {"q": q}).status_code == 200
        api = client.get(reverse("api:list_letters"), {"q": q})
        assert api.status_code in (200, 422), (q, api.content[:200])


def test_the_national_administrator_sees_every_letter(client, letters, national_admin):
    client.force_login(national_admin)
    page = client.get(reverse("letters:register")).content.decode()
    assert all(x.number in page for x in letters)
    rows = client.get(
        reverse("letters:register"), {"kind": "complaint"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert letters[0].number in rows and letters[1].number not in rows
    assert {i["id"] for i in client.get(reverse("api:list_letters")).json()["items"]} == {
        x.pk for x in letters
    }
    assert client.get(reverse("letters:statistics")).context["stats"]["total"] == 2
    assert (
        client.get(reverse("letters:letter_detail", kwargs={"letter_id": letters[1].pk})).status_code == 200
    )


junk = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    # what breaks searches and numbers: punctuation only, LIKE wildcards, emoji, NUL, big ints
    st.text(alphabet="!%_ß😀\x00'\"-.*: ", min_size=1, max_size=12),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
REGISTER_PARAMS = [
    "q",
    "kind",
    "status",
    "channel",
    "field",
    "body",
    "overdue",
    "from",
    "to",
    "page",
    "after",
    "before",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from(["register", "rows", "statistics", "api"]),
    params=st.dictionaries(st.sampled_from([*REGISTER_PARAMS, "year", "limit", "offset"]), junk, max_size=4),
)
def test_junk_query_strings_never_500(client, letters, specialist, target, params):
    client.force_login(specialist)
    if target == "api":
        response = client.get(reverse("api:list_letters"), params)
        assert response.status_code in (200, 422), (params, response.content[:300])
        return
    url = reverse("letters:statistics" if target == "statistics" else "letters:register")
    extra = {"HTTP_HX_REQUEST": "true"} if target == "rows" else {}
    response = client.get(url, params, **extra)
    assert response.status_code in (200, 400), (target, params, response.status_code)


@pytest.mark.parametrize("year", ["99999", "1899", "2101", "0", "999999999"])
def test_a_year_out_of_range_is_a_400(client, letters, specialist, year):
    client.force_login(specialist)
    response = client.get(reverse("letters:statistics"), {"year": year})
    assert response.status_code == 400
    assert client.get(reverse("letters:statistics"), {"year": "2026"}).status_code == 200


@pytest.mark.parametrize(
    "query",
    [f"after=2026-01-01.{BIG}", f"before=2026-01-01.{BIG}", f"page={BIG}", f"body={BIG}", "from=99999-01-01"],
)
def test_big_numbers_in_the_register_query(client, letters, specialist, query):
    client.force_login(specialist)
    assert client.get(reverse("letters:register") + "?" + query).status_code == 200


@pytest.mark.parametrize("query", [f"limit={BIG}", f"offset={BIG}", "limit=100000", "offset=-1", "limit=0"])
def test_api_list_bounds_its_page(client, letters, specialist, query):
    client.force_login(specialist)
    response = client.get(reverse("api:list_letters") + "?" + query)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"
    response = client.get(f"/api/v1/letters/letters/{BIG}")
    assert response.status_code in (404, 422) and "error" in response.json()


def _state():
    return (
        list(Letter.objects.order_by("pk").values_list("status", "duplicate_of_id", "forwarded_to_id")),
        ReceptionVisit.objects.count(),
    )


def test_posts_with_an_id_of_ten_to_the_25(client, letters, delegation, specialist, make_user, office):
    letter = letters[0]
    client.force_login(specialist)
    before = _state()
    posts = [
        (reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "link"}), {"other": BIG}),
        (
            reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "forward"}),
            {"to_body": BIG},
        ),
        (reverse("letters:letter_create"), {"receiving_body": BIG, "subject": "x", "kind": "complaint"}),
        (reverse("letters:letter_create"), {"receiving_body": delegation.pk, "reception_day": BIG}),
        (reverse("letters:reception_days"), {"body": BIG, "date": "2026-03-02"}),
        (reverse("letters_public:submit"), {"receiving_body": BIG, "subject": "x"}),
    ]
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 2))
    posts.append(
        (
            reverse("letters:reception_day_detail", kwargs={"day_id": day.pk}),
            {"kind": "petition", "citizens": "A", "content": "x", "delegates": [BIG]},
        )
    )
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 400, (url, response.status_code)
    leader = make_user("leader", office)
    client.force_login(leader)
    assert client.post(reverse("letters:destruction_list"), {"letter": [BIG]}).status_code == 400
    assert _state() == before


def test_control_characters_in_stored_text_break_no_export_nor_document(
    client, make_letter, specialist, agency
):
    """Finding 9 (check): text written before input was cleaned (or by any other path)."""
    letter = make_letter(kind="complaint")
    services.letter_forward(actor=specialist, letter=letter, to_body=agency)
    bad = "Nội dung\x08\x01 có ký tự lạ"
    Letter.objects.filter(pk=letter.pk).update(
        subject=bad, content=bad, target=bad, result=bad, redacted_name="A.\x08"
    )
    client.force_login(specialist)
    export = client.get(reverse("letters:register_export"))
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(_raw(export))).active
    assert any("Nội dung có ký tự lạ" in str(c.value) for row in sheet.iter_rows() for c in row)
    for doc in ("chuyen-don", "huong-dan"):
        response = client.get(reverse("letters:letter_document", kwargs={"letter_id": letter.pk, "doc": doc}))
        assert response.status_code == 200
        assert "có ký tự lạ" in docx_text(_raw(response)), doc
    report = client.get(reverse("letters:report_docx"))
    assert report.status_code == 200 and docx_text(_raw(report))
    # New text is cleaned on the way in, whatever the caller.
    fresh = make_letter(kind="petition", subject="Kiến nghị\x08\x01 mới", content="a\x00b")
    assert fresh.subject == "Kiến nghị mới" and fresh.content == "ab"
