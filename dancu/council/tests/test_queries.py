"""Query counts of the list pages and of the most used writes, asserted exactly: a new N+1
(a query per row) or a lost select_related fails here.

A page's count includes the 4 queries of every signed-in request (session, user, the
second-factor device, the roles of the access) and is the same with 2 rows as with 5.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.core.access import get_access
from dancu.council import services
from dancu.council.tests.factories import DAY, make_draft, make_question, make_session, make_vote

pytestmark = pytest.mark.django_db

# route -> queries of the page (with rows on it)
LIST_PAGES = {
    "council:session_list": 6,  # + count, rows (with council and term)
    "council:resolution_list": 6,  # + count, rows (with session and agency)
    "council:question_list": 7,  # + count, rows, the open commitments (with their bodies)
    "council:meeting_list": 11,  # + count, rows (task counts), matters, hearings, sessions, 2 body choices
    "council:figures": 11,  # + 7 aggregates, whatever the number of rows
}


@pytest.fixture
def add_rows(world, session_in_progress):
    """Add `n` of everything the list pages show: sessions, adopted resolutions, questions with
    a commitment, Standing Committee meetings with tasks, interim matters and hearings."""
    admin, session = world["admin"], session_in_progress
    made = {"n": 0}

    def add(n: int) -> None:
        for _ in range(n):
            i = made["n"] = made["n"] + 1
            make_session(admin, world, steps=("convene",), title=f"Kỳ họp {i}", day=DAY.replace(day=11 + i))
            vote = make_vote(admin, make_draft(admin, world, session, title=f"Dự thảo {i}"), yes=6)
            services.resolution_adopt(actor=admin, vote=vote, implementing_agency=world["agency"])
            question = make_question(
                admin, world, session, delegate=world["people"][i % 9], content=f"Câu hỏi {i}"
            )
            services.commitment_add(actor=admin, question=question, content=f"Lời hứa {i}", due_date=DAY)
            meeting = services.standing_meeting_record(
                actor=admin, body=world["standing"], held_on=DAY, title=f"Phiên họp {i}"
            )
            services.standing_task_add(
                actor=admin, meeting=meeting, content="Việc", assignee=world["committee"]
            )
            services.interim_matter_record(actor=admin, meeting=meeting, decided_on=DAY, title=f"Việc {i}")
            services.hearing_record(actor=admin, body=world["standing"], topic=f"Giải trình {i}", held_on=DAY)

    return add


@pytest.mark.parametrize("name", sorted(LIST_PAGES))
def test_list_pages_have_a_fixed_number_of_queries(client, world, add_rows, django_assert_num_queries, name):
    client.force_login(world["admin"])
    url = reverse(name) + ("?year=2026" if name == "council:figures" else "")
    add_rows(2)
    with django_assert_num_queries(LIST_PAGES[name]):
        assert client.get(url).status_code == 200
    add_rows(3)
    with django_assert_num_queries(LIST_PAGES[name]):
        assert client.get(url).status_code == 200


def test_session_create_queries(world, session_in_progress, django_assert_num_queries):
    admin = world["admin"]
    get_access(admin)  # loaded once per request, not the service's
    # savepoint, next number, delegates of the term, insert, audit (head, entry, head), release
    with django_assert_num_queries(8):
        services.session_create(
            actor=admin,
            body=world["council"],
            term=world["term"],
            kind="regular",
            title="Kỳ họp",
            start_date=DAY,
            end_date=DAY,
        )


def test_vote_record_queries(world, draft, django_assert_num_queries):
    get_access(world["admin"])
    # savepoint, the session (fresh status), adopted already?, the rule in force, insert,
    # audit (3), release
    with django_assert_num_queries(9):
        make_vote(world["admin"], draft, yes=6)


def test_resolution_adoption_queries(world, session_in_progress, django_assert_num_queries):
    admin = world["admin"]
    votes = [
        make_vote(admin, make_draft(admin, world, session_in_progress, title=f"D{i}"), yes=6)
        for i in range(2)
    ]
    get_access(admin)
    # The first of a series and year creates its counter: savepoint, vote (locked, with draft,
    # session, province and council), already adopted?, counter (none), savepoint, insert
    # counter, release, counter locked, number taken, insert, audit (3), release.
    with django_assert_num_queries(14):
        first = services.resolution_adopt(actor=admin, vote=votes[0])
    # Then the locked counter costs two queries (lock, update).
    with django_assert_num_queries(10):
        second = services.resolution_adopt(actor=admin, vote=votes[1])
    assert (first.number, second.number) == (1, 2)


def test_confidence_count_queries(world, session_in_progress, django_assert_num_queries):
    admin = world["admin"]
    cv = services.confidence_vote_create(actor=admin, session=session_in_progress, held_on=DAY)
    for person in world["people"][:5]:
        subject = services.confidence_subject_add(actor=admin, vote=cv, person=person, post="Ủy viên")
        services.confidence_tally_record(actor=admin, subject=subject, high=5, medium=2, low=2)
    services.confidence_ballots_record(
        actor=admin, vote=cv, ballots_issued=9, ballots_cast=9, counting_head=world["people"][6]
    )
    get_access(admin)
    # savepoint, the vote locked (with province and session), every figure in?, update,
    # audit (3), release: the same for 5 people as for 50.
    with django_assert_num_queries(8):
        cv = services.confidence_vote_transition(actor=admin, vote=cv, action="count")
    assert cv.status == "counted"


def test_attendance_record_queries(world, session_in_progress, django_assert_num_queries):
    get_access(world["admin"])
    absent = {p.pk: "Ốm" for p in world["people"][:2]}
    # savepoint, delegates, delete the roll, one insert for all, summary (counts, quorum rule),
    # audit (3), release: one insert whatever the number of delegates.
    with django_assert_num_queries(10):
        services.attendance_record(actor=world["admin"], session=session_in_progress, absences=absent)
