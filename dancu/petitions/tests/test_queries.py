"""Query counts of the list pages and of the most used writes, asserted so that a new N+1 (one
query per row, per agency, per petition) fails here. Counts include the session, user,
second-factor and roles queries of a signed-in request, and the savepoints of a service's
transaction (the tests run inside one)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dancu.core.access import get_access
from dancu.core.calendar import current_calendar
from dancu.directory.models import BodyKind
from dancu.directory.tests.factories import BodyFactory
from dancu.petitions import engine, services
from dancu.petitions.models import Petition, VoterOpinion

from .factories import forward

pytestmark = pytest.mark.django_db

# A signed-in request before the view runs: session, user, second-factor device, roles.
REQUEST = 4


def _one_group_per_opinion(items, *, classifier=None, **kwargs):
    """The engine's result shape, one group per opinion: the count under test is the service's."""
    return [
        engine.ConsolidationResult(
            id=str(it["id"]),
            cluster=f"C{i:05d}",
            cluster_confidence=1.0,
            field="khac",
            field_confidence=1.0,
            level="province",
            level_confidence=1.0,
            similar=[],
        )
        for i, it in enumerate(items)
    ]


def _round_with_opinions(w, code, start, n):
    rnd = services.round_create(
        actor=w["specialist"], province=w["province"], name=f"Đợt {code}", code=code, start_date=start
    )
    meeting = services.meeting_create(
        actor=w["specialist"], round=rnd, kind="before_na", date=start, place=w["m1"].place
    )
    services.opinions_add(
        actor=w["specialist"],
        meeting=meeting,
        rows=[{"text": f"Đề nghị sửa chữa tuyến đường liên thôn số {i} bị hư hỏng nặng."} for i in range(n)],
    )
    return rnd


def _agencies(w, n):
    for i in range(n):
        BodyFactory(kind=BodyKind.AGENCY, name=f"Sở thử nghiệm số {i}", province=w["province"])


def _count(fn):
    with CaptureQueriesContext(connection) as ctx:
        result = fn()
    return len(ctx), result


def test_consolidate_round_cost_does_not_grow_with_the_agencies(
    pworld, monkeypatch, django_assert_max_num_queries
):
    """50 groups: the province's bodies are read once (3 agencies or 30, the same count), the
    earlier petitions once, the petitions inserted in bulk; each petition then costs only its
    audit entry."""
    w = pworld
    monkeypatch.setattr(engine, "consolidate", _one_group_per_opinion)
    _agencies(w, 1)  # 3 agencies with the fixture's two
    first = _round_with_opinions(w, "r1", datetime.date(2025, 11, 1), 50)
    services.classifier()  # the seed classifier, trained once per process
    with django_assert_max_num_queries(3 * 50 + 12):
        few, petitions = _count(lambda: services.consolidate_round(actor=w["specialist"], round=first))
    assert len(petitions) == 50
    _agencies(w, 27)  # 30 agencies
    second = _round_with_opinions(w, "r2", datetime.date(2026, 2, 1), 50)
    with django_assert_max_num_queries(3 * 50 + 12):
        many, petitions = _count(lambda: services.consolidate_round(actor=w["specialist"], round=second))
    assert len(petitions) == 50 and many == few
    # The second round's groups were linked to the first round's petitions, in memory.
    assert Petition.objects.filter(round=second, previous__round=first).count() == 50
    assert set(Petition.objects.filter(round=second).values_list("rounds_raised", flat=True)) == {2}
    assert not VoterOpinion.objects.filter(petition__isnull=True).exclude(meeting__round=w["round"]).exists()


def test_petition_create_costs_a_fixed_number_of_queries(pworld, django_assert_num_queries):
    w = pworld
    opinions = list(VoterOpinion.objects.filter(meeting=w["m1"]).select_related("meeting"))
    services.classifier()
    # savepoint, bodies, classifier stamp, insert, code, opinions, audit (3), release
    with django_assert_num_queries(10):
        petition = services.petition_create(
            actor=w["specialist"], round=w["round"], text="Sửa đường", opinions=opinions
        )
    assert petition.group_count == 1 and petition.code.startswith("KN25-")
    assert petition.opinions.count() == 2


def test_writes_on_several_petitions_cost_per_petition_not_more(pworld, django_assert_num_queries):
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    assert len(petitions) == 2
    # savepoints (2 + 2), lock, per petition save and audit (4 each)
    with django_assert_num_queries(13):
        services.petitions_transition(actor=w["specialist"], petitions=petitions, action="confirm")
    ready = list(Petition.objects.filter(pk__in=[p.pk for p in petitions]))
    current_calendar()  # the holidays, loaded once per process (then one stamp query)
    # savepoints (2 + 2), lock, rule, holidays' stamp, batch, links, agency, per petition save
    # and audit (4 each), the batch's audit (3)
    with django_assert_num_queries(21):
        batch = forward(w, w["agri"], ready)
    land = next(p for p in ready if "8A" not in p.text)
    get_access(w["responder"])  # the roles, once per request
    # savepoints (2 + 2), in the batch?, lock, batches (the rule), save and audit (4), answer and audit (4)
    with django_assert_num_queries(15):
        services.answer_submit(
            actor=w["responder"], batch=batch, petition=land, text="Đã cấp.", status="resolved"
        )


@pytest.fixture
def busy(pworld):
    """The round consolidated, confirmed and forwarded in two batches, with an answer."""
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    for number, p in enumerate(petitions, start=15):
        forward(w, w["agri"], [Petition.objects.get(pk=p.pk)], f"{number}/VP-TH")
    return w


def _more(w):
    """More rows of every kind: a round, petitions of the round, a batch of them."""
    _round_with_opinions(w, "r9", datetime.date(2026, 3, 1), 3)
    services.opinions_add(
        actor=w["specialist"],
        meeting=w["m1"],
        rows=[{"text": "Trạm y tế xã thiếu thuốc BHYT."}, {"text": "Khai thác cát trái phép trên sông."}],
    )
    fresh = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    forward(w, w["agri"], Petition.objects.filter(pk__in=[p.pk for p in fresh]), "30/VP-TH")


PAGES = [
    ("petitions:round_list", (), "specialist", 2),
    ("petitions:petition_list", (), "specialist", 2),
    ("petitions:batch_list", ("round_id",), "specialist", 4),
    ("petitions:agency_inbox", (), "responder", 1),
    ("petitions:dashboard", (), "specialist", 7),
    ("petitions:round_detail", ("round_id",), "specialist", 6),
    ("petitions:batch_detail", ("batch_id",), "specialist", 4),
    ("petitions:agency_batch", ("batch_id",), "responder", 4),
]


@pytest.mark.parametrize(("name", "keys", "who", "queries"), PAGES)
def test_list_pages(client, busy, name, keys, who, queries, django_assert_num_queries):
    """Each list page costs a fixed number of queries, whatever the number of rows."""
    w = busy
    ids = {"round_id": w["round"].pk, "batch_id": w["round"].batches.order_by("pk").first().pk}
    client.force_login(w[who])
    url = reverse(name, kwargs={k: ids[k] for k in keys})
    with django_assert_num_queries(REQUEST + queries):
        assert client.get(url + "?page=1").status_code == 200
    _more(w)
    with django_assert_num_queries(REQUEST + queries):
        assert client.get(url + "?page=2").status_code == 200


def test_consolidation_screen(client, pworld, django_assert_num_queries):
    """The groups with their opinions and the moves each allows: a fixed count, 2 groups or 4."""
    w = pworld
    services.consolidate_round(actor=w["specialist"], round=w["round"])
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation", kwargs={"round_id": w["round"].pk})
    # round, groups, their opinions (with meeting and place), opinions not yet grouped
    with django_assert_num_queries(REQUEST + 4):
        assert client.get(url).status_code == 200
    services.opinions_add(
        actor=w["specialist"],
        meeting=w["m2"],
        rows=[{"text": "Trạm y tế xã thiếu thuốc BHYT."}, {"text": "Khai thác cát trái phép trên sông."}],
    )
    services.consolidate_round(actor=w["specialist"], round=w["round"])
    assert w["round"].petitions.count() == 4
    with django_assert_num_queries(REQUEST + 4):
        assert client.get(url).status_code == 200
