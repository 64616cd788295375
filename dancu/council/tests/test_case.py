"""Issue 11, items 16 and 27: a page offers only what the user may do now (what is not possible
says why, before anything is typed), and a session's page is its case: status and the next
legal step with its date, one primary action and a menu, a timeline in words, the files."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.council import case, services
from dancu.council.models import Vote
from dancu.council.tests.factories import make_draft, make_session, make_vote

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_specialist_is_not_offered_adoption(client, world, session_in_progress, make_user, office):
    draft = make_draft(world["admin"], world, session_in_progress)
    vote = make_vote(world["admin"], draft, yes=9)
    adopt_url = reverse("council:resolution_adopt", args=[vote.pk])
    client.force_login(make_user("specialist", office))
    for url in (
        reverse("council:session_detail", args=[session_in_progress.pk]),
        reverse("council:submission_detail", args=[draft.pk]),
    ):
        page = client.get(url).content.decode()
        assert adopt_url not in page and "data-awaiting-adoption" in page, url
    assert client.get(adopt_url).status_code == 403
    client.force_login(make_user("leader", office))
    assert adopt_url in client.get(reverse("council:submission_detail", args=[draft.pk])).content.decode()


def test_no_vote_form_on_a_planning_session_but_the_reason(client, world):
    planning = make_session(world["admin"], world, steps=(), day=D(2027, 1, 12))
    draft = make_draft(world["admin"], world, planning)
    reason = _("Votes are recorded while the session is in progress.")
    client.force_login(world["admin"])
    page = client.get(reverse("council:submission_detail", args=[draft.pk])).content.decode()
    assert 'data-action="vote" data-disabled' in page and reason in page
    url = reverse("council:vote_create", args=[draft.pk])
    page = client.get(url).content.decode()
    assert reason in page and 'name="yes"' not in page
    r = client.post(url, {"held_on": "2027-01-12", "yes": 9, "no": 0, "abstain": 0, "not_voting": 0})
    assert r.status_code == 400 and reason in r.content.decode() and not Vote.objects.exists()


def test_a_planning_session_shows_the_convening_notice_due(client, world):
    thematic = make_session(world["admin"], world, steps=(), day=D(2027, 1, 12))
    regular = make_session(
        world["admin"], world, steps=(), day=D(2027, 7, 10), kind="regular", title="Thường lệ"
    )
    assert case.next_deadline(case.deadlines(thematic, [])).date == D(2027, 1, 5)  # 7 days (rule)
    assert case.next_deadline(case.deadlines(regular, [])).date == D(2027, 6, 20)  # 20 days (rule)
    client.force_login(world["admin"])
    page = client.get(reverse("council:session_detail", args=[thematic.pk])).content.decode()
    assert 'data-next-step="convene"' in page and 'data-next-date="2027-01-05"' in page
    assert 'data-primary="convene"' in page  # the one primary action
    assert 'data-action="edit"' in page and 'data-action="delete"' in page  # the menu
    services.session_transition(actor=world["admin"], session=thematic, action="convene")
    page = client.get(reverse("council:session_detail", args=[thematic.pk])).content.decode()
    assert 'data-primary="open"' in page and 'data-action="back_to_planning"' in page
    # Convened: the delete entry is disabled with its reason.
    assert _("Only a session still in planning can be deleted.") in page


def test_the_timeline_reads_the_audit_log_in_words(client, world, session_in_progress):
    make_draft(world["admin"], world, session_in_progress, title="Dự thảo về rừng")
    events = case.timeline(session_in_progress)
    words = [e.words for e in events]
    assert (
        words[-1] == _("Session planned") and _("Session convened") in words and _("Session opened") in words
    )
    assert _("Submission registered") in words
    assert all("council." not in w for w in words)
    assert any(e.summary == "Dự thảo về rừng" for e in events)
    client.force_login(world["admin"])
    page = client.get(reverse("council:session_detail", args=[session_in_progress.pk])).content.decode()
    assert page.count("data-event") == len(events) and "council.session" not in page


def test_the_case_page_lists_the_files(client, world, session_in_progress, settings, tmp_path):
    from django.core.files.base import ContentFile

    from dancu.council.tests.factories import PDF_BYTES

    settings.MEDIA_ROOT = tmp_path
    admin = world["admin"]
    draft = make_draft(admin, world, session_in_progress)
    services.submission_file_add(actor=admin, submission=draft, uploaded=ContentFile(PDF_BYTES, name="a.pdf"))
    resolution = services.resolution_adopt(actor=admin, vote=make_vote(admin, draft, yes=9))
    client.force_login(admin)
    page = client.get(reverse("council:session_detail", args=[session_in_progress.pk])).content.decode()
    for url in (
        reverse("council:agenda_docx", args=[session_in_progress.pk]),
        reverse("council:file_download", args=[draft.pk, 1]),
        reverse("council:resolution_docx", args=[resolution.pk]),
    ):
        assert f'href="{url}"' in page, url
    assert client.get(reverse("council:file_download", args=[draft.pk, 1])).status_code == 200


def test_a_leader_sees_no_office_actions(client, world, session_in_progress, make_user, office):
    client.force_login(make_user("leader", office))
    page = client.get(reverse("council:session_detail", args=[session_in_progress.pk])).content.decode()
    assert 'id="actions"' not in page and 'name="action"' not in page
    assert reverse("council:session_edit", args=[session_in_progress.pk]) not in page


def test_a_passed_draft_is_not_voted_on_again(client, world, session_in_progress):
    from dancu.core.errors import Conflict
    from dancu.council.errors import CouncilError

    draft = make_draft(world["admin"], world, session_in_progress)
    failed = make_vote(world["admin"], draft, yes=2)
    assert not failed.passed
    make_vote(world["admin"], draft, yes=9)  # a draft that failed is voted on again
    with pytest.raises(Conflict) as refused:
        make_vote(world["admin"], draft, yes=9)
    assert refused.value.code == CouncilError.ALREADY_PASSED
    client.force_login(world["admin"])
    page = client.get(reverse("council:submission_detail", args=[draft.pk])).content.decode()
    assert (
        'data-action="vote" data-disabled' in page and _("The draft has passed: it awaits adoption.") in page
    )
