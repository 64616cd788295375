"""What modules publish to each other (calendar events, work items, provided capabilities),
checked for every installed module on the demo: the shape, stable ids, and the scope (a user
of another province sees none of Hà Tĩnh's)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from dancu.accounts.models import User
from dancu.core.events import CalendarEvent, WorkItem
from dancu.core.modules import hooks, manifests, provided

pytestmark = pytest.mark.django_db

HA_TINH = "42"


@pytest.fixture
def demo(db):
    from dancu.web.demo import load_demo

    return load_demo()


def _window():
    now = timezone.now()
    return now - datetime.timedelta(days=800), now + datetime.timedelta(days=400)


def _province_code(province_id):
    from dancu.directory.models import AdministrativeUnit

    return AdministrativeUnit.objects.get(pk=province_id).code


def test_calendar_events_have_stable_uids_and_are_scoped(demo):
    start, end = _window()
    office, other = User.objects.get(username="vanphong"), User.objects.get(username="vanphong.nghean")
    seen_kinds = set()
    for manifest, events in hooks("calendar_events"):
        mine = events(office, start, end)
        again = events(office, start, end)
        assert [e.uid for e in mine] == [e.uid for e in again], manifest.name
        assert len({e.uid for e in mine}) == len(mine), manifest.name
        for e in mine:
            assert isinstance(e, CalendarEvent) and e.module == manifest.name
            assert timezone.is_aware(e.start) and timezone.is_aware(e.end) and e.start <= e.end
            assert e.uid.startswith(f"{manifest.name}.") and e.url.startswith("/")
            seen_kinds.add(e.kind)
        theirs = events(other, start, end)
        assert not [e for e in theirs if e.province_id and _province_code(e.province_id) == HA_TINH]
    assert {"voter_meeting", "reception_day"} <= seen_kinds


def test_work_items_are_scoped_and_dated(demo):
    today = timezone.localdate()
    for username in ("vanphong", "chuyenvien", "coquan", "daibieu"):
        user = User.objects.get(username=username)
        for manifest, items in hooks("work_items"):
            for item in items(user):
                assert isinstance(item, WorkItem) and item.module == manifest.name
                assert item.url.startswith("/") and item.title
                assert item.due is None or isinstance(item.days_left(today), int)
    other = User.objects.get(username="vanphong.nghean")
    for _m, items in hooks("work_items"):
        assert not [i for i in items(other) if i.province_id and _province_code(i.province_id) == HA_TINH]


def test_an_agency_sees_the_answers_it_owes(demo):
    agency = User.objects.get(username="coquan")
    petitions_items = next(items for m, items in hooks("work_items") if m.name == "petitions")
    owed = [i for i in petitions_items(agency) if i.kind == "petition_answer"]
    from dancu.petitions.models import ForwardingBatch, Petition

    expected = (
        ForwardingBatch.objects.filter(agency__in=agency.roles.values("body"))
        .filter(petitions__status=Petition.Status.FORWARDED)
        .distinct()
        .count()
    )
    assert len(owed) == expected


def test_every_provided_capability_resolves(demo):
    names = [name for m in manifests() for name in m.provides]
    assert "petitions.recurring_unresolved" in names
    for name in names:
        assert callable(provided(name)), name
    with pytest.raises(LookupError):
        provided("nobody.provides_this")


def test_recurring_unresolved_lists_only_open_petitions_raised_twice(demo):
    from dancu.directory.models import AdministrativeUnit
    from dancu.petitions.models import Petition

    office = User.objects.get(username="vanphong")
    province = AdministrativeUnit.objects.get(code=HA_TINH, valid_to__isnull=True)
    # The demo's petitions are raised in one round: make one a continuation of an earlier one.
    some = Petition.objects.filter(province=province, status=Petition.Status.CONFIRMED).first()
    Petition.objects.filter(pk=some.pk).update(rounds_raised=2)
    rows = provided("petitions.recurring_unresolved")(office, province.pk)
    assert [r["id"] for r in rows] == [some.pk]
    for row in rows:
        petition = Petition.objects.get(pk=row["id"])
        assert petition.rounds_raised >= 2 and row["rounds"] == petition.rounds_raised
        assert petition.status not in (Petition.Status.CLOSED,)
    nghe_an = User.objects.get(username="vanphong.nghean")
    assert provided("petitions.recurring_unresolved")(nghe_an, province.pk) == []


def test_coordination_counts_are_numbers(demo):
    from dancu.directory.models import AdministrativeUnit

    province = AdministrativeUnit.objects.get(code=HA_TINH, valid_to__isnull=True)
    from dancu.petitions.models import VoterMeeting

    year = VoterMeeting.objects.filter(province=province).first().date.year
    for name in [n for m in manifests() for n in m.provides if n.endswith(".coordination_counts")]:
        counts = provided(name)(province.pk, year)
        assert counts and all(isinstance(v, int) and v >= 0 for v in counts.values()), name
    assert provided("petitions.coordination_counts")(province.pk, year)["voter_meetings"] > 0
