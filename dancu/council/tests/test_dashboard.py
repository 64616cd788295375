"""The council's dashboard cards by role (issue 11, item 28): what each one sees, with its
value, its group and where it leads; scoped (another province sees zeros)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.council import dashboard, services
from dancu.council.tests.factories import make_draft, make_session, make_vote

pytestmark = pytest.mark.django_db


def _by_label(cards: list[dict]) -> dict[str, dict]:
    """Cards by their label without the "(next due …)" note."""
    note = f" ({_('next due')} "
    return {c["label"].split(note)[0]: c for c in cards}


@pytest.fixture
def busy(world):
    """A session in progress this week with a draft passed but not adopted, a resolution adopted
    but not published, a counted confidence vote; a question to the agency whose written answer
    is due, a commitment due, a document not received; a thematic session whose convening
    notice falls due this week."""
    admin = world["admin"]
    today = timezone.localdate()
    _monday, sunday = dashboard.week(today)
    session = make_session(admin, world, day=today, title="Kỳ họp tuần này")
    pending = make_vote(admin, make_draft(admin, world, session, title="Dự thảo chờ thông qua"), yes=9)
    adopted = make_vote(admin, make_draft(admin, world, session, title="Dự thảo đã thông qua"), yes=9)
    services.resolution_adopt(actor=admin, vote=adopted, implementing_agency=world["agency"])
    make_draft(admin, world, session, title="Tờ trình chưa nhận")  # due to delegates a week ago
    cv = services.confidence_vote_create(actor=admin, session=session, held_on=today)
    subject = services.confidence_subject_add(
        actor=admin, vote=cv, person=world["people"][4], post="Phó Chủ tịch"
    )
    services.confidence_tally_record(actor=admin, subject=subject, high=8, medium=1, low=0)
    services.confidence_ballots_record(
        actor=admin, vote=cv, ballots_issued=9, ballots_cast=9, counting_head=world["people"][5]
    )
    services.confidence_vote_transition(actor=admin, vote=cv, action="count")
    question = services.question_ask(
        actor=admin,
        session=session,
        delegate=world["people"][0],
        addressee="Giám đốc Sở",
        addressee_body=world["agency"],
        content="Vì sao chậm giải ngân?",
        asked_on=today - datetime.timedelta(days=25),  # the written answer is overdue
    )
    services.commitment_add(actor=admin, question=question, content="Xong trong tuần", due_date=today)
    make_session(
        admin,
        world,
        steps=(),
        day=sunday + datetime.timedelta(days=5),
        title="Kỳ họp chuyên đề tới",
        kind="thematic",
    )
    return {"session": session, "pending": pending, "question": question, "cv": cv}


def test_the_specialist_sees_what_is_due_this_week_and_what_is_new(world, busy, make_user, office):
    cards = _by_label(dashboard.cards(make_user("specialist", office)))
    due = {
        _("Sessions this week"): 1,
        _("Convening notices due this week"): 1,
        _("Documents due to delegates this week"): 3,  # three drafts, none received
        _("Written answers due this week"): 1,
        _("Commitments due this week"): 1,
    }
    for label, value in due.items():
        assert (cards[label]["value"], cards[label]["group"]) == (value, "due"), label
    assert (
        cards[_("New questions (7 days)")]["value"] == 1
        and cards[_("New questions (7 days)")]["group"] == "new"
    )
    assert cards[_("New submissions (7 days)")]["value"] == 3
    assert cards[_("Written answers due this week")]["url"] == reverse("council:question_list")
    # The specialist does not adopt: nothing of the leadership's.
    assert _("Drafts passed, awaiting adoption") not in cards


def test_the_leader_sees_what_awaits_adoption_publication_and_announcement(world, busy, make_user, office):
    cards = _by_label(dashboard.cards(make_user("leader", office)))
    awaiting = cards[_("Drafts passed, awaiting adoption")]
    assert (awaiting["value"], awaiting["group"]) == (1, "approve")
    assert awaiting["url"] == reverse("council:session_detail", args=[busy["session"].pk])
    unpublished = cards[_("Resolutions awaiting publication")]
    assert unpublished["value"] == 1 and unpublished["url"].endswith("?status=adopted")
    counted = cards[_("Confidence results awaiting announcement")]
    assert counted["value"] == 1 and counted["url"] == reverse(
        "council:confidence_detail", args=[busy["cv"].pk]
    )
    assert cards[_("Resolutions adopted this year")]["value"] == 1
    assert _("Written answers due this week") not in cards  # the Office's work, not the leader's


def test_the_delegate_sees_their_sessions_questions_and_commitments(world, busy, make_user):
    delegate = make_user("delegate", world["council"])
    delegate.person = world["people"][0]
    delegate.save()
    cards = _by_label(dashboard.cards(delegate))
    assert {c["group"] for c in cards.values()} == {"mine"}
    assert cards[_("My questions awaiting an answer")]["value"] == 1
    assert cards[_("My questions awaiting an answer")]["url"] == reverse("council:question_list") + "?mine=1"
    promised = [
        c
        for c in dashboard.cards(delegate)
        if c["label"].startswith(_("Commitments made to me, not kept yet"))
    ]
    assert promised[0]["value"] == 1 and timezone.localdate().strftime("%d/%m/%Y") in promised[0]["label"]
    assert cards[_("My council sessions ahead")]["value"] == 2
    # Another delegate asked nothing.
    other = make_user("delegate", world["council"])
    other.person = world["people"][1]
    other.save()
    assert _by_label(dashboard.cards(other))[_("My questions awaiting an answer")]["value"] == 0


def test_the_agency_sees_what_was_sent_to_it_with_due_dates(world, busy, make_user):
    responder = make_user("agency_responder", world["agency"])
    cards = dashboard.cards(responder)
    assert {c["group"] for c in cards} == {"agency"}
    by_label = _by_label(cards)
    questions = by_label[_("Questions to our agency to answer")]
    due = busy["question"].written_answer_due.strftime("%d/%m/%Y")
    assert questions["value"] == 1 and due in questions["label"]
    assert questions["url"] == reverse("council:agency_inbox")
    assert by_label[_("Our commitments not kept yet")]["value"] == 1
    assert by_label[_("Resolutions we implement")]["value"] == 1


def test_a_viewer_sees_figures_and_another_province_zeros(world, busy, make_user, office, other_office):
    cards = _by_label(dashboard.cards(make_user("viewer", office)))
    assert cards[_("Sessions being prepared or held")]["value"] == 2
    stranger = _by_label(dashboard.cards(make_user("office_admin", other_office)))
    assert all(card["value"] == 0 for card in stranger.values())


def test_the_dashboard_page_shows_the_cards_in_scope(client, world, busy, make_user, office):
    client.force_login(make_user("specialist", office))
    body = client.get("/").content.decode()
    assert _("Written answers due this week") in body
    client.force_login(make_user())
    assert _("Written answers due this week") not in client.get("/").content.decode()


def test_agency_inbox_lists_what_was_sent_to_the_agency(client, world, busy, make_user):
    client.force_login(make_user("agency_responder", world["agency"]))
    page = client.get(reverse("council:agency_inbox")).content.decode()
    assert "Vì sao chậm giải ngân?" in page and "Xong trong tuần" in page
    assert busy["question"].written_answer_due.strftime("%d/%m/%Y") in page
    assert world["people"][0].full_name not in page  # who asked is not the agency's business here
