"""Issue 11, item 21: the council's part of the global search: sessions by name or number,
resolutions by number and title words, questions by words; scoped to the user."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dancu.council import services
from dancu.council.search import global_search, session_number
from dancu.council.tests.factories import make_draft, make_question, make_session, make_vote

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def records(world):
    admin = world["admin"]
    sessions = [make_session(admin, world, title=f"Kỳ họp {i}", day=D(2026, 12, i)) for i in range(1, 11)]
    tenth = sessions[-1]
    assert tenth.number == 10
    normative = make_draft(
        admin, world, tenth, title="Dự thảo nghị quyết quy định mức hỗ trợ trồng rừng", is_normative=True
    )
    other = make_draft(admin, world, tenth, title="Dự thảo nghị quyết về kế hoạch đầu tư công")
    first = services.resolution_adopt(actor=admin, vote=make_vote(admin, normative, yes=9))
    second = services.resolution_adopt(actor=admin, vote=make_vote(admin, other, yes=9))
    question = make_question(admin, world, tenth, content="Vì sao chậm giải phóng mặt bằng dự án cao tốc?")
    return {"tenth": tenth, "normative": first, "other": second, "question": question}


def _hits(user, query: str) -> dict[str, list[str]]:
    return {group.key: [hit.url for hit in group.hits] for group in global_search(user, query)}


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("kỳ họp thứ 10", 10),
        ("ky hop thu 10", 10),
        ("Kỳ họp thứ ba", 3),
        ("thứ mười", 10),
        ("10", 10),
        ("ba", None),
    ],
)
def test_session_numbers_in_words_or_figures(query, number):
    assert session_number(query) == number


def test_sessions_by_number_and_name(world, records):
    url = reverse("council:session_detail", args=[records["tenth"].pk])
    admin = world["admin"]
    assert url in _hits(admin, "kỳ họp thứ 10")["council_sessions"]
    assert _hits(admin, "ky hop thu muoi")["council_sessions"] == [url]
    assert url in _hits(admin, "Kỳ họp 10")["council_sessions"]


def test_resolutions_by_number_and_title_words(world, records):
    admin = world["admin"]
    normative = reverse("council:resolution_detail", args=[records["normative"].pk])
    other = reverse("council:resolution_detail", args=[records["other"].pk])
    assert records["normative"].number_label == "01/2026/NQ-HĐND"
    for query in ("01/2026/NQ-HĐND", "1/2026/nq-hdnd", "01/2026"):
        assert _hits(admin, query)["council_resolutions"] == [normative], query
    assert _hits(admin, "01/NQ-HĐND")["council_resolutions"] == [other]
    assert _hits(admin, "trong rung")["council_resolutions"] == [normative]
    assert _hits(admin, "02/2026/NQ-HĐND")["council_resolutions"] == []


def test_questions_by_words(world, records):
    url = reverse("council:question_detail", args=[records["question"].pk])
    assert _hits(world["admin"], "giai phong mat bang")["council_questions"] == [url]


def test_search_is_scoped_to_the_user(world, records, make_user, other_office, office):
    stranger = make_user("office_admin", other_office)
    assert all(not urls for urls in _hits(stranger, "ky hop thu 10").values())
    assert all(not urls for urls in _hits(stranger, "01/2026/NQ-HĐND").values())
    # An agency sees only the resolutions it implements, and no session or question.
    responder = make_user("agency_responder", world["agency"])
    assert set(_hits(responder, "trong rung")) == {"council_resolutions"}
    assert _hits(responder, "trong rung")["council_resolutions"] == []
    assert global_search(make_user(), "ky hop") == []  # no role: nothing
    # Through the search page of the shell.
    from django.test import Client

    client = Client()
    client.force_login(make_user("viewer", office))
    page = client.get(reverse("web:search") + "?q=01/2026/NQ-HĐND").content.decode()
    assert reverse("council:resolution_detail", args=[records["normative"].pk]) in page
