"""Query counts of the letters pages and of the most used writes: a fixed number whatever the
number of rows (no N+1), asserted exactly so that a new query per row fails here.

A signed-in page costs 4 queries before the view runs (session, user, two-factor device,
roles); the counts below include them. A write inside the test's transaction opens and
releases one savepoint (2), and each audit entry costs 3 (chain head locked, entry, head)."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from dancu.letters import services
from dancu.letters.models import Letter, LetterMatchKey

pytestmark = pytest.mark.django_db

SIGNED_IN = 4  # session, user, two-factor device, roles
AUDIT = 3
SAVEPOINT = 2


@pytest.fixture(autouse=True)
def _cold_cache():
    cache.clear()
    yield
    cache.clear()


def _letters(make_letter, n: int, **kwargs) -> list[Letter]:
    return [
        make_letter(
            received_date=datetime.date(2026, 1, 5) + datetime.timedelta(days=i % 20),
            subject=f"Kiến nghị số {i}",
            kind="petition",
            **kwargs,
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("n", [1, 30])
def test_register_page_and_partial(client, make_letter, specialist, agency, django_assert_num_queries, n):
    letters = _letters(make_letter, n)
    services.letter_forward(actor=specialist, letter=letters[0], to_body=agency)
    client.force_login(specialist)
    url = reverse("letters:register")
    # A miss: the keys of the first page with the count, then the rows (two joins).
    with django_assert_num_queries(SIGNED_IN + 2):
        assert client.get(url).status_code == 200
    # A hit: rows and count come from the cache.
    with django_assert_num_queries(SIGNED_IN):
        assert client.get(url).status_code == 200
    cache.clear()
    with django_assert_num_queries(SIGNED_IN + 2):
        response = client.get(url + "?kind=petition", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "<html" not in response.content.decode()
    with django_assert_num_queries(SIGNED_IN):
        client.get(url + "?kind=petition", HTTP_HX_REQUEST="true")


@pytest.mark.parametrize("n", [1, 12])
def test_reception_days_page(client, delegation, specialist, make_letter, django_assert_num_queries, n):
    for i in range(n):
        day = services.reception_day_create(
            actor=specialist, body=delegation, date=datetime.date(2026, 1, 5) + datetime.timedelta(days=i)
        )
        make_letter(reception_day=day, channel="reception_day")
    client.force_login(specialist)
    # The receiving bodies, the count of days and one page of days with their letter counts.
    with django_assert_num_queries(SIGNED_IN + 3):
        html = client.get(reverse("letters:reception_days")).content.decode()
    assert html.count('href="/don-thu/tiep-nhan/?reception_day=') == n


@pytest.mark.parametrize("n", [1, 20])
def test_destruction_list(client, make_letter, make_user, office, specialist, django_assert_num_queries, n):
    for letter in _letters(make_letter, n):
        services.letter_transition(actor=specialist, letter=letter, action="file")
    Letter.objects.update(keep_until=datetime.date(2020, 1, 1))
    client.force_login(make_user("leader", office))
    with django_assert_num_queries(SIGNED_IN + 1):
        html = client.get(reverse("letters:destruction_list")).content.decode()
    assert html.count('name="letter"') == n


@pytest.mark.parametrize("n", [1, 20])
def test_statistics(client, make_letter, specialist, agency, django_assert_num_queries, n):
    letters = _letters(make_letter, n)
    services.letter_forward(actor=specialist, letter=letters[0], to_body=agency)
    client.force_login(specialist)
    # The totals (received, duplicates, overdue) in one aggregate; six breakdowns of the
    # matters (kind, field, channel, status, agency, month); the reception days held and the
    # visits by kind; the provinces of the period form.
    with django_assert_num_queries(SIGNED_IN + 10):
        assert client.get(reverse("letters:statistics")).status_code == 200


def test_letter_create(make_letter, delegation, standing, django_assert_num_queries):
    make_letter()  # the actor's access is loaded once (per request): load it here
    # rule set, calendar, receipt code, insert, number, sister body, same-content look-up, the
    # duplicate engine's blocking keys (insert) and its candidates (one query over the keys).
    with django_assert_num_queries(SAVEPOINT + 9 + AUDIT):
        make_letter(subject="Một lá đơn nữa", kind="complaint")


def test_letter_forward(make_letter, specialist, agency, django_assert_num_queries):
    letter = make_letter()
    # The locked row (with province, body, rule set), the group's forwarding, the body still
    # exists, the sister body (copied), the move.
    with django_assert_num_queries(SAVEPOINT + 5 + AUDIT):
        services.letter_forward(actor=specialist, letter=letter, to_body=agency)


def test_public_submit(make_letter, delegation, standing, django_assert_num_queries):
    make_letter()  # the audit chain has its head
    identity = services.Identity(name="Công Dân", address="Hà Tĩnh", phone="0912345678")
    # The form's token (already used?), the body, rule set, calendar, receipt code, insert,
    # number, sister body, same-content, the blocking keys and their candidates; the insert runs
    # in its own savepoint (a parallel request with the same token waits on it, then finds it).
    with django_assert_num_queries(SAVEPOINT + SAVEPOINT + 11 + AUDIT):
        sent = services.letter_submit_public(
            receiving_body_id=delegation.pk,
            kind="petition",
            subject="Kiến nghị",
            content="Nội dung",
            identity=identity,
            token="token-of-the-form",
        )
    assert sent.created
    # The same form again: one read, nothing written.
    with django_assert_num_queries(SAVEPOINT + 1):
        again = services.letter_submit_public(
            receiving_body_id=delegation.pk,
            kind="petition",
            subject="Kiến nghị",
            content="Nội dung",
            identity=identity,
            token="token-of-the-form",
        )
    assert not again.created and again.letter.pk == sent.letter.pk


def test_approve_destruction_reads_once_for_any_number(
    make_letter, make_user, office, specialist, django_assert_num_queries
):
    """The reads do not grow with the batch (no per-letter province query); each letter costs
    only its own write: one UPDATE and its audit entry."""
    letters = _letters(make_letter, 21)
    for letter in letters:
        services.letter_transition(actor=specialist, letter=letter, action="file")
    Letter.objects.update(keep_until=datetime.date(2020, 1, 1))
    leader = make_user("leader", office)
    services.letters_approve_destruction(actor=leader, letter_ids=[letters[0].pk])  # loads the access
    # One read of the chosen letters (with their provinces), one delete of their attachments and
    # one of their blocking keys.
    for batch in ([letters[1]], letters[2:]):
        with django_assert_num_queries(SAVEPOINT + 3 + len(batch) * (1 + AUDIT)) as ctx:
            services.letters_approve_destruction(actor=leader, letter_ids=[x.pk for x in batch])
        reads = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith('SELECT "letters_letter"')]
        assert len(reads) == 1, reads
    assert set(Letter.objects.values_list("status", flat=True)) == {"destroyed"}
    assert not LetterMatchKey.objects.filter(letter__in=letters).exists()
