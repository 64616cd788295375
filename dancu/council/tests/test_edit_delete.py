"""Issue 11, item 20: sessions and submissions are corrected after creation (audited, a refused
edit re-renders the form with the input) and deleted where the law allows (a session still in
planning with nothing held at it; a submission with no vote), after a confirmation, audited;
otherwise the page says why not, before anything is typed."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.council import services
from dancu.council.errors import CouncilError
from dancu.council.models import AgendaItem, ReviewReport, Session, Submission, SubmissionFile
from dancu.council.tests.factories import DAY, PDF_BYTES, make_draft, make_question, make_session, make_vote

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def planning(world):
    return make_session(world["admin"], world, steps=(), title="Kỳ họp dự kiến", day=D(2027, 1, 12))


def test_session_update_is_audited_and_moves_the_documents_due_date(world, planning):
    admin = world["admin"]
    draft = make_draft(admin, world, planning)
    assert draft.due_to_delegates == D(2027, 1, 5)
    services.session_update(
        actor=admin,
        session=planning,
        kind="regular",
        title="Kỳ họp thứ hai",
        start_date=D(2027, 1, 20),
        end_date=D(2027, 1, 21),
        venue="Hội trường",
    )
    planning.refresh_from_db()
    draft.refresh_from_db()
    assert (planning.title, planning.kind, planning.end_date) == ("Kỳ họp thứ hai", "regular", D(2027, 1, 21))
    assert draft.due_to_delegates == D(2027, 1, 13)  # 7 days before the new opening day
    entry = AuditEntry.objects.filter(action="council.session.update").get()
    assert entry.changes["title"] == {"before": "Kỳ họp dự kiến", "after": "Kỳ họp thứ hai"}
    assert entry.changes["start_date"] == {"before": "2027-01-12", "after": "2027-01-20"}


def test_session_update_refusals(world, planning, make_user, office):
    admin = world["admin"]
    services.agenda_item_add(actor=admin, session=planning, day=D(2027, 1, 12), title="Khai mạc")
    fields = {"kind": "thematic", "title": "X", "start_date": D(2027, 1, 13), "end_date": D(2027, 1, 13)}
    with pytest.raises(ValidationFailed) as refused:  # the agenda item would fall outside
        services.session_update(actor=admin, session=planning, **fields)
    assert refused.value.details == {"field": "start_date"}
    with pytest.raises(PermissionDenied):
        services.session_update(actor=make_user("leader", office), session=planning, **fields)
    closed = make_session(
        admin, world, steps=("convene", "open", "close"), title="Đã bế mạc", day=D(2027, 2, 1)
    )
    closed_fields = {"kind": "thematic", "title": "Y", "start_date": closed.start_date, "end_date": closed.end_date}
    with pytest.raises(Conflict) as refused:  # a closed session: corrections by an administrator only
        services.session_update(actor=make_user("specialist", office), session=closed, **closed_fields)
    assert refused.value.code == CouncilError.SESSION_CLOSED
    with pytest.raises(ValidationFailed) as refused:  # ... giving the reason
        services.session_update(actor=admin, session=closed, **closed_fields)
    assert refused.value.code == CouncilError.REASON_REQUIRED


def test_the_edit_page_reshows_a_refused_edit_with_the_input(client, world, planning):
    client.force_login(world["admin"])
    url = reverse("council:session_edit", args=[planning.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'value="Kỳ họp dự kiến"' in page.content.decode()
    r = client.post(
        url,
        {
            "kind": "thematic",
            "number": 1,
            "title": "Tên mới",
            "start_date": "2027-01-12",
            "end_date": "2027-01-11",
        },
    )
    assert r.status_code == 400 and 'value="Tên mới"' in r.content.decode()
    assert r.context["form"].errors["end_date"] == [_("A session cannot close before it opens.")]
    planning.refresh_from_db()
    assert planning.title == "Kỳ họp dự kiến"
    r = client.post(
        url,
        {
            "kind": "thematic",
            "number": 1,
            "title": "Tên mới",
            "start_date": "2027-01-12",
            "end_date": "2027-01-12",
        },
    )
    assert r.status_code == 302
    planning.refresh_from_db()
    assert planning.title == "Tên mới"


def test_a_closed_session_says_why_it_cannot_be_edited_before_any_input(client, world, make_user, office):
    closed = make_session(world["admin"], world, steps=("convene", "open", "close"), day=D(2027, 2, 1))
    client.force_login(make_user("specialist", office))  # the administrator may correct it (test_session_editing)
    page = client.get(reverse("council:session_edit", args=[closed.pk])).content.decode()
    refusal = _("The session is closed: only an administrator may correct it, giving the reason.")
    assert refusal in page and 'name="title"' not in page


def test_deleting_a_planning_session_takes_its_preparation_with_it(
    client, world, planning, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    admin = world["admin"]
    services.agenda_item_add(actor=admin, session=planning, day=D(2027, 1, 12), title="Khai mạc")
    draft = make_draft(admin, world, planning)
    services.submission_file_add(actor=admin, submission=draft, uploaded=ContentFile(PDF_BYTES, name="a.pdf"))
    stored = SubmissionFile.objects.get().file.name
    client.force_login(admin)
    url = reverse("council:session_delete", args=[planning.pk])
    page = client.get(url).content.decode()
    assert "data-confirm-delete" in page and "Kỳ họp dự kiến" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("council:session_list")
    assert not Session.objects.filter(pk=planning.pk).exists()
    assert not Submission.objects.exists() and not AgendaItem.objects.exists()
    assert not (tmp_path / stored).exists()
    entry = AuditEntry.objects.get(action="council.session.delete")
    assert entry.target_id == str(planning.pk) and entry.changes["submissions"] == [draft.title]


def test_a_session_held_or_with_questions_is_kept_and_the_page_says_why(client, world, planning):
    admin = world["admin"]
    held = make_session(admin, world, title="Đang họp", day=D(2027, 3, 1))
    make_question(admin, world, planning)
    client.force_login(admin)
    for session, reason in (
        (held, _("Only a session still in planning can be deleted.")),
        (planning, _("Questions or confidence votes are recorded for this session: it is kept.")),
    ):
        url = reverse("council:session_delete", args=[session.pk])
        page = client.get(url).content.decode()
        assert reason in page and "data-confirm-delete" not in page
        r = client.post(url)
        assert r.status_code == 400 and reason in r.content.decode()
        assert Session.objects.filter(pk=session.pk).exists()
        with pytest.raises(Conflict) as refused:
            services.session_delete(actor=admin, session=session)
        assert refused.value.code == CouncilError.NOT_DELETABLE


def test_submission_edit_and_delete_until_it_is_voted_on(
    client, world, session_in_progress, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    admin = world["admin"]
    draft = make_draft(admin, world, session_in_progress, title="Dự thảo A")
    services.review_report_record(
        actor=admin, submission=draft, committee=world["committee"], reported_on=DAY, conclusion="Đồng ý"
    )
    client.force_login(admin)
    edit = reverse("council:submission_edit", args=[draft.pk])
    r = client.post(
        edit, {"kind": "draft_resolution", "title": "Dự thảo A (sửa)", "submitter": world["ubnd"].pk}
    )
    assert r.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Dự thảo A (sửa)"
    assert (
        AuditEntry.objects.get(action="council.submission.update").changes["title"]["after"]
        == "Dự thảo A (sửa)"
    )
    r = client.post(edit, {"kind": "draft_resolution", "title": " ", "submitter": world["ubnd"].pk})
    assert r.status_code == 400  # a blank title: the same form again

    voted = make_draft(admin, world, session_in_progress, title="Dự thảo B")
    make_vote(admin, voted, yes=9)
    reason = _("This submission has been voted on: it can no longer be changed.")
    for name in ("council:submission_edit", "council:submission_delete"):
        page = client.get(reverse(name, args=[voted.pk])).content.decode()
        assert reason in page and 'name="title"' not in page and "data-confirm-delete" not in page
    page = client.get(reverse("council:submission_detail", args=[voted.pk])).content.decode()
    assert reason in page  # the menu shows the entries disabled, with the reason

    r = client.post(reverse("council:submission_delete", args=[draft.pk]))
    assert r.status_code == 400 and Submission.objects.filter(pk=draft.pk).exists()  # sitting: withdrawn, not deleted
    convened = make_session(admin, world, steps=("convene",), title="Kỳ họp sau", day=D(2027, 3, 1))
    draft = make_draft(admin, world, convened, title="Dự thảo C")
    services.review_report_record(
        actor=admin, submission=draft, committee=world["committee"], reported_on=DAY, conclusion="Đồng ý"
    )
    r = client.post(reverse("council:submission_delete", args=[draft.pk]))
    assert r.status_code == 302 and r["Location"] == reverse("council:session_detail", args=[convened.pk])
    assert not Submission.objects.filter(pk=draft.pk).exists() and ReviewReport.objects.count() == 1
    entry = AuditEntry.objects.get(action="council.submission.delete")
    assert entry.target_type == "council.session" and entry.changes["submission"] == draft.pk
    with pytest.raises(Conflict):
        services.submission_delete(actor=admin, submission=voted)
