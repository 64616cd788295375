"""Issue 11, items 28, 21 and 14: what each role finds on the home dashboard (manifest
`dashboard_cards`), what the global search finds (manifest `search`), scoped like the pages,
and the delegates a meeting form offers (those in office, not everyone in the directory)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dancu.core.modules import hooks
from dancu.directory.models import BodyKind, Constituency
from dancu.directory.tests.factories import BodyFactory, MembershipFactory, PersonFactory, TermFactory
from dancu.petitions import dashboard, search, selectors, services
from dancu.petitions.forms import MeetingForm
from dancu.petitions.models import Petition

from .factories import forward

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(pworld):
    """The province's council with today's term; the world's delegate sits in it for the second
    meeting's commune, a second delegate sat only in the term that ended."""
    w = pworld
    body = BodyFactory(kind=BodyKind.PEOPLES_COUNCIL, name="Hội đồng nhân dân tỉnh", province=w["province"])
    old = TermFactory(
        body=body, number=18, start_date=datetime.date(2021, 6, 1), end_date=datetime.date(2026, 3, 24)
    )
    today = TermFactory(body=body, number=19, name="Khóa XIX", start_date=datetime.date(2026, 3, 25))
    constituency = Constituency.objects.create(term=today, number=1, name="Đơn vị bầu cử số 1")
    constituency.units.set([w["m2"].place])
    MembershipFactory(
        person=w["delegate"], body=body, term=today, constituency=constituency, start_date=today.start_date
    )
    former = PersonFactory(full_name="Lê Văn Nhiệm Kỳ Trước", province=w["province"])
    MembershipFactory(person=former, body=body, term=old, start_date=old.start_date, end_date=old.end_date)
    PersonFactory(full_name="Ngô Thị Không Phải Đại Biểu", province=w["province"])
    return {"body": body, "former": former}


@pytest.fixture
def busy(pworld, council, make_user):
    """Consolidated and confirmed (a health petition raised at the first meeting only); the land
    petition forwarded to the responder's agency (due in a few days); the road petition
    forwarded to the ministry long ago (overdue)."""
    w = pworld
    services.opinions_add(
        actor=w["specialist"], meeting=w["m1"], rows=[{"text": "Trạm y tế xã thiếu thuốc bảo hiểm y tế."}]
    )
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    road = next(p for p in petitions if "8A" in p.text)
    land = next(p for p in petitions if "đất" in p.text)
    today = timezone.localdate()
    own = forward(
        w, w["agri"], [Petition.objects.get(pk=land.pk)], "16/VP-TH", when=today - datetime.timedelta(days=1)
    )
    forward(w, w["ministry"], [Petition.objects.get(pk=road.pk)], "15/VP-TH", when=datetime.date(2025, 10, 1))
    delegate_user = make_user("delegate", w["office"])
    delegate_user.person = w["delegate"]
    delegate_user.save(update_fields=["person"])
    return {
        **w,
        "road": road,
        "land": land,
        "own": own,
        "leader": make_user("leader", w["office"]),
        "viewer": make_user("viewer", w["office"]),
        "delegate_user": delegate_user,
    }


def _by_url(cards):
    out: dict[str, list[dict]] = {}
    for c in cards:
        out.setdefault(c["url"], []).append(c)
    return out



@pytest.fixture(autouse=True)
def source_language():
    """The cards are matched by words of their English source labels."""
    from django.utils import translation

    with translation.override("en"):
        yield


def _value(cards, label_part: str) -> int:
    (card,) = [c for c in cards if label_part in c["label"]]
    return card["value"]


def test_the_manifest_names_the_hooks():
    assert any(m.name == "petitions" for m, _f in hooks("dashboard_cards"))
    assert any(m.name == "petitions" for m, _f in hooks("search"))


def test_the_specialist_sees_what_is_due_or_overdue_this_week_and_what_is_new(busy):
    w = busy
    cards = dashboard.cards(w["specialist"])
    assert {c["group"] for c in cards} == {"due", "new"}
    assert _value(cards, "overdue") == 1  # the road petition, forwarded in 2025
    assert _value(cards, "to review") == 0
    services.answer_submit(
        actor=w["responder"],
        batch=w["own"],
        petition=Petition.objects.get(pk=w["land"].pk),
        text="Đã xử lý.",
        status="resolved",
    )
    cards = dashboard.cards(w["specialist"])
    assert _value(cards, "to review") == 1
    assert _value(cards, "not grouped") == 0
    services.opinions_add(actor=w["specialist"], meeting=w["m1"], rows=[{"text": "Thiếu nước sạch."}])
    assert _value(dashboard.cards(w["specialist"]), "not grouped") == 1


def test_due_this_week_counts_what_falls_due_by_sunday(busy, monkeypatch):
    w = busy
    due = w["own"].due_date
    monkeypatch.setattr(
        timezone, "localdate", lambda: due - datetime.timedelta(days=due.weekday())
    )  # its Monday
    assert _value(dashboard.cards(w["specialist"]), "due this week") == 1


def test_the_leader_sees_what_awaits_approval_and_figures(busy):
    w = busy
    cards = dashboard.cards(w["leader"])
    groups = {c.get("group", "") for c in cards}
    assert "approve" in groups and "due" not in groups and "new" not in groups
    services.answer_submit(
        actor=w["responder"],
        batch=w["own"],
        petition=Petition.objects.get(pk=w["land"].pk),
        text="Đã xử lý.",
        status="resolved",
    )
    assert _value(dashboard.cards(w["leader"]), "your review") == 1


def test_the_delegate_sees_their_own_meetings_and_constituency(busy):
    w = busy
    cards = dashboard.cards(w["delegate_user"])
    assert {c["group"] for c in cards} == {"mine"}
    assert _value(cards, "raised at my meetings") == 3  # both meetings were theirs
    assert _value(cards, "my constituency") == 2  # the second meeting's commune: road and land
    assert _value(cards, "meetings ahead") == 0  # the meetings were in 2025
    url = next(c["url"] for c in cards if "constituency" in c["label"])
    assert url == reverse("petitions:petition_list") + "?mine=constituency"
    # The list behind the card counts the same.
    assert selectors.petitions_visible(w["delegate_user"], mine="constituency").count() == 2
    # A delegate account without a person has no "mine" cards.
    w["delegate_user"].person = None
    assert all(c.get("group") != "mine" for c in dashboard.cards(w["delegate_user"]))


def test_the_agency_sees_what_was_sent_to_it_with_the_due_date(busy):
    w = busy
    cards = dashboard.cards(w["responder"])
    assert {c["group"] for c in cards} == {"agency"}
    first = cards[0]
    assert first["value"] == 1 and w["own"].due_date.strftime("%d/%m/%Y") in first["label"]
    assert first["url"] == reverse("petitions:agency_inbox")
    assert _value(cards, "overdue") == 0  # the overdue road petition went to another agency
    services.answer_submit(
        actor=w["responder"],
        batch=w["own"],
        petition=Petition.objects.get(pk=w["land"].pk),
        text="Đã xử lý.",
        status="resolved",
    )
    assert dashboard.cards(w["responder"])[0]["value"] == 0


def test_other_provinces_see_nothing_of_it(busy, make_user, other_office):
    stranger = make_user("office_admin", other_office)
    assert all(c["value"] == 0 for c in dashboard.cards(stranger))
    assert all(not g.hits for g in search.global_search(stranger, "8A"))


def test_the_web_dashboard_shows_the_cards(client, busy):
    client.force_login(busy["specialist"])
    response = client.get(reverse("web:dashboard"))
    body = response.content.decode()
    assert f'href="{reverse("petitions:petition_list")}?status=forwarded"' in body, (
        response.status_code,
        response.context and response.context.get("no_role"),
        response.context and response.context.get("module_cards"),
    )


# -- global search ------------------------------------------------------------------------------


def test_search_finds_petitions_by_code_and_words_and_rounds_by_name(busy):
    w = busy
    road = Petition.objects.get(pk=w["road"].pk)
    groups = {g.key: g for g in search.global_search(w["viewer"], road.code)}
    assert [h.label.split()[0] for h in groups["petitions"].hits] == [road.code]
    short = road.code.split("-")[0] + "-" + str(int(road.code.split("-")[1]))  # "KN25-1"
    assert [
        h.label.split()[0]
        for h in {g.key: g for g in search.global_search(w["viewer"], short)}["petitions"].hits
    ] == [road.code]
    by_words = {g.key: g for g in search.global_search(w["viewer"], "o ga")}  # "ổ gà", folded
    assert road.code in [h.label.split()[0] for h in by_words["petitions"].hits]
    rounds = {g.key: g for g in search.global_search(w["viewer"], "ky hop thu 10")}["petition_rounds"]
    assert [h.url for h in rounds.hits] == [reverse("petitions:round_detail", args=[w["round"].pk])]


def test_search_finds_a_merged_petition_by_its_old_code(busy):
    w = busy
    a = services.petition_create(
        actor=w["specialist"], round=w["round"], text="Đề nghị lắp đèn đường thôn 3."
    )
    b = services.petition_create(actor=w["specialist"], round=w["round"], text="Lắp đèn chiếu sáng thôn 3.")
    services.petition_merge(actor=w["specialist"], target=b, sources=[a])
    (hit,) = {g.key: g for g in search.global_search(w["viewer"], a.code)}["petitions"].hits
    assert hit.url == reverse("petitions:petition_detail", args=[b.pk])


def test_the_agency_finds_only_what_was_forwarded_to_it(busy):
    w = busy
    groups = search.global_search(w["responder"], "giấy chứng nhận")
    assert [g.key for g in groups] == ["petitions_agency"]
    (hit,) = groups[0].hits
    assert hit.url.startswith(reverse("petitions:agency_batch", args=[w["own"].pk]))
    assert search.global_search(w["responder"], "8A")[0].hits == []  # forwarded to the ministry


def test_the_search_page_shows_petitions(client, busy):
    client.force_login(busy["viewer"])
    body = client.get(reverse("web:search"), {"q": "ổ gà"}).content.decode()
    assert Petition.objects.get(pk=busy["road"].pk).code in body


# -- delegate pickers ---------------------------------------------------------------------------


def test_meeting_forms_offer_only_the_delegates_in_office(pworld, council):
    w = pworld
    offered = list(MeetingForm(round=w["round"]).fields["delegates"].queryset)
    assert offered == [w["delegate"]]
    assert council["former"] not in offered
    data = {
        "kind": "before_na",
        "date": "2026-04-01",
        "place": w["m1"].place.pk,
        "voter_count": 10,
        "delegates": [council["former"].pk],
    }
    form = MeetingForm(data, round=w["round"])
    assert not form.is_valid() and "delegates" in form.errors
