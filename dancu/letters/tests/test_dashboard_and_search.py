"""Issue 11, items 21 and 28: the letters' dashboard cards per role (scoped), and the global
search hook: letters by register number, receipt code and words, scoped, never matching nor
showing a sealed identity."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dancu.directory.tests.factories import PersonFactory
from dancu.letters import dashboard, services
from dancu.letters.search import global_search

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db


def _cards(user) -> dict[str, dict]:
    return {c["url"]: c for c in dashboard.cards(user)}


@pytest.fixture
def letters(make_letter, specialist, agency):
    """Open letters: one overdue, one due this week (a petition received about two weeks
    ago), one new; one forwarded to the agency."""
    today = timezone.localdate()
    overdue = make_letter(
        kind="petition", received_date=today - datetime.timedelta(days=40), subject="Quá hạn"
    )
    new = make_letter(kind="petition", received_date=today, subject="Mới nhận")
    forwarded = services.letter_forward(
        actor=specialist,
        letter=make_letter(kind="complaint", received_date=today - datetime.timedelta(days=3)),
        to_body=agency,
    )
    return {"overdue": overdue, "new": new, "forwarded": forwarded}


def test_the_specialist_sees_what_is_due_and_what_is_new(specialist, letters):
    cards = _cards(specialist)
    register = reverse("letters:register")
    overdue = cards[f"{register}?overdue=1"]
    assert overdue["group"] == "due" and overdue["value"] == 1
    assert cards[f"{register}?due=week"]["group"] == "due"
    new = cards[
        f"{register}?status=received&from={timezone.localdate() - datetime.timedelta(days=7):%Y-%m-%d}"
    ]
    assert new["group"] == "new" and new["value"] == 1  # received in the last 7 days, not yet handled
    assert reverse("letters:destruction_list") not in cards  # no approval right


def test_the_due_this_week_filter_matches_its_card(client, specialist, make_letter):
    today = timezone.localdate()
    week_end = today + datetime.timedelta(days=6 - today.weekday())
    letter = make_letter(kind="petition", received_date=today - datetime.timedelta(days=12))
    letter.refresh_from_db()
    client.force_login(specialist)
    html = client.get(reverse("letters:register"), {"due": "week"}).content.decode()
    value = _cards(specialist)[f"{reverse('letters:register')}?due=week"]["value"]
    assert (letter.number in html) == (today <= letter.due_date <= week_end) == (value == 1)


def test_the_leader_sees_figures_and_what_awaits_approval(make_user, office, letters, specialist):
    filed = letters["new"]
    services.letter_transition(actor=specialist, letter=filed, action="file")
    type(filed).objects.filter(pk=filed.pk).update(keep_until=datetime.date(2020, 1, 1))
    cards = _cards(make_user("leader", office))
    approve = cards[reverse("letters:destruction_list")]
    assert approve["group"] == "approve" and approve["value"] == 1
    year = timezone.localdate().year
    figures = cards[f"{reverse('letters:statistics')}?year={year}"]
    assert figures["value"] >= 2
    assert f"{reverse('letters:register')}?due=week" not in cards  # not a handler's list


def test_the_delegate_sees_their_own_reception_visits(make_user, office, province, delegation, specialist):
    person = PersonFactory(province=province)
    delegate = make_user("delegate", office)
    delegate.person = person
    delegate.save(update_fields=["person"])
    day = services.reception_day_create(actor=specialist, body=delegation, date=timezone.localdate())
    visit = services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="petition",
        citizens=services.Citizens(names=["Người Được Tiếp"]),
        content="Kiến nghị về đường",
        delegates=[person],
    )
    services.visit_create_letter(actor=specialist, visit=visit)
    cards = {c["label"]: c for c in dashboard.cards(delegate) if c["group"] == "mine"}
    assert sorted(c["value"] for c in cards.values()) == [1, 1]
    # A delegate's own: another delegate (without a person) has none.
    assert not [c for c in dashboard.cards(make_user("delegate", office)) if c["group"] == "mine"]


def test_the_agency_sees_what_was_sent_to_it_with_its_due_date(make_user, agency, letters):
    responder = make_user("agency_responder", agency)
    cards = list(dashboard.cards(responder))
    assert {c["group"] for c in cards} == {"agency"}
    waiting = next(c for c in cards if c["url"].endswith("?status=forwarded"))
    assert waiting["value"] == 1
    due = letters["forwarded"].due_date
    assert f"{due:%d/%m/%Y}" in waiting["label"]


def test_the_dashboard_page_shows_the_cards(client, specialist, letters):
    client.force_login(specialist)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert f'href="{reverse("letters:register")}?overdue=1"' in html


# -- global search ------------------------------------------------------------------------------


def _hits(user, query) -> list[str]:
    groups = global_search(user, query)
    return [h.label for g in groups for h in g.hits]


def test_search_by_number_receipt_code_and_words(specialist, letters):
    forwarded = letters["forwarded"]
    assert _hits(specialist, forwarded.number)[0].startswith(f"{forwarded.number} ·")
    assert _hits(specialist, forwarded.receipt_code.lower()) == [f"{forwarded.number} · {forwarded.subject}"]
    assert any("Quá hạn" in h for h in _hits(specialist, "qua han"))
    assert _hits(specialist, "!!!") == []


def test_search_never_matches_nor_shows_a_sealed_identity(specialist, make_letter, client):
    sealed = make_letter(kind="denunciation", subject="Tố cáo lấn chiếm")
    assert _hits(specialist, SECRET_NAME) == [] and _hits(specialist, "Bí Ẩn") == []
    assert _hits(specialist, "042190001234") == [] and _hits(specialist, "0912 345 678") == []
    labels = _hits(specialist, "lan chiem")
    assert labels == [f"{sealed.number} · {sealed.subject}"]
    client.force_login(specialist)
    html = client.get(reverse("web:search"), {"q": "lan chiem"}).content.decode()
    assert sealed.number in html and SECRET_NAME not in html


def test_search_is_scoped(make_user, other_office, agency, letters):
    assert _hits(make_user("office_admin", other_office), letters["overdue"].number) == []
    responder = make_user("agency_responder", agency)
    # The agency finds what was forwarded to it, never by its receipt code, nothing else.
    assert _hits(responder, letters["forwarded"].number) == [
        f"{letters['forwarded'].number} · {letters['forwarded'].subject}"
    ]
    assert _hits(responder, letters["forwarded"].receipt_code) == []
    assert _hits(responder, letters["overdue"].number) == []
    assert _hits(make_user(), "qua han") == []


def test_the_office_administrator_and_the_viewer(make_user, office, letters):
    admin = {c["group"] for c in dashboard.cards(make_user("office_admin", office))}
    assert admin == {"due", "new", "approve"}
    viewer = _cards(make_user("viewer", office))
    assert {c["group"] for c in viewer.values()} == {"new", "due"}
    assert reverse("letters:destruction_list") not in viewer
    assert f"{reverse('letters:register')}?due=week" not in viewer
    # Nothing for someone without a role in letters.
    assert dashboard.cards(make_user()) == []
