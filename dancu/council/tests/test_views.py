"""The management pages through HTTP, as an Office administrator: each form reaches its service."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.documents import docx_text
from dancu.council import services
from dancu.council.models import (
    Answer,
    Commitment,
    ConfidenceSubject,
    ExplanationHearing,
    InterimMatter,
    Question,
    Session,
    StandingMeeting,
    StandingTask,
    Vote,
)
from dancu.council.tests.factories import docx_bytes, make_session

pytestmark = pytest.mark.django_db
D = datetime.date


def test_management_forms(client, world, session_in_progress, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world["admin"])
    s = session_in_progress
    ok = {302}

    r = client.post(
        reverse("council:agenda_add", args=[s.pk]),
        {"day": "2026-12-10", "title": "Khai mạc", "time": "07:30", "urgent_reason": "Bổ sung"},
    )  # the session sits: an item added now is urgent, with the reason (issue 16, item 5)
    assert r.status_code in ok
    r = client.post(
        reverse("council:conference_record", args=[s.pk]), {"held_on": "2026-11-20", "programme": "Một ngày"}
    )
    assert r.status_code in ok
    r = client.get(reverse("council:agenda_docx", args=[s.pk]))
    assert "Khai mạc" in docx_text(r.content)

    upload = SimpleUploadedFile("du-thao.docx", docx_bytes("v1"))
    assert client.post(reverse("council:file_add", args=[draft.pk]), {"file": upload}).status_code in ok
    assert client.get(reverse("council:file_download", args=[draft.pk, 1])).status_code == 200
    r = client.post(
        reverse("council:discussion_add", args=[draft.pk]),
        {"group": world["group"].pk, "held_on": "2026-12-01", "notes": "Đồng ý"},
    )
    assert r.status_code in ok

    person = world["people"][0]
    r = client.post(
        reverse("council:question_create", args=[s.pk]),
        {
            "delegate": person.pk,
            "addressee": "Giám đốc Sở",
            "addressee_body": world["agency"].pk,
            "content": "Vì sao?",
            "asked_on": "2026-12-10",
        },
    )
    question = Question.objects.get()
    assert r.status_code in ok and question.written_answer_due == D(2026, 12, 30)
    client.post(
        reverse("council:answer_add", args=[question.pk]),
        {"mode": "at_session", "answered_on": "2026-12-10", "content": "Sẽ làm"},
    )
    client.post(
        reverse("council:commitment_add", args=[question.pk]),
        {"content": "Xong trong quý I", "due_date": "2027-03-31"},
    )
    commitment = Commitment.objects.get()
    client.post(
        reverse("council:commitment_update", args=[commitment.pk]), {"action": "keep", "follow_up": "Đã xong"}
    )
    commitment.refresh_from_db()
    assert Answer.objects.count() == 1 and commitment.status == "kept"

    r = client.post(
        reverse("council:confidence_create", args=[s.pk]),
        {"held_on": "2026-12-10", "denominator_kind": "total"},
    )
    cv_id = int(r["Location"].rstrip("/").split("/")[-1])
    client.post(
        reverse("council:confidence_subject_add", args=[cv_id]), {"person": person.pk, "post": "Phó Chủ tịch"}
    )
    subject = ConfidenceSubject.objects.get()
    client.post(
        reverse("council:confidence_tally", args=[cv_id, subject.pk]), {"high": 2, "medium": 2, "low": 5}
    )
    subject.refresh_from_db()
    assert subject.outcome == "may_resign"
    page = client.get(reverse("council:confidence_detail", args=[cv_id])).content.decode()
    assert "55.56" in page or "55,56" in page
    r = client.post(
        reverse("council:confidence_ballots", args=[cv_id]),
        {"ballots_issued": 9, "ballots_cast": 9, "counting_head": world["people"][1].pk},
    )
    assert r.status_code == 302
    for step in ("count", "announce"):
        r = client.post(reverse("council:confidence_transition", args=[cv_id]), {"action": step})
        assert r.status_code == 302, step
    assert client.get(reverse("council_public:confidence_detail", args=[cv_id])).status_code == 200

    r = client.post(
        reverse("council:meeting_create"),
        {"body": world["standing"].pk, "held_on": "2026-11-05", "title": "Phiên họp tháng 11"},
    )
    meeting = StandingMeeting.objects.get()
    client.post(
        reverse("council:task_add", args=[meeting.pk]),
        {"content": "Thẩm tra", "assignee": world["committee"].pk},
    )
    client.post(
        reverse("council:interim_add", args=[meeting.pk]),
        {"decided_on": "2026-11-05", "title": "Điều chỉnh vốn"},
    )
    matter = InterimMatter.objects.get()
    client.post(reverse("council:interim_report", args=[matter.pk]), {"session": s.pk})
    matter.refresh_from_db()
    client.post(
        reverse("council:hearing_create"),
        {"body": world["standing"].pk, "held_on": "2026-11-10", "topic": "Giải phóng mặt bằng"},
    )
    assert (
        StandingTask.objects.count() == 1
        and matter.reported_at == s
        and ExplanationHearing.objects.count() == 1
    )
    assert client.get(reverse("council:meeting_detail", args=[meeting.pk])).status_code == 200
    figures = client.get(reverse("council:figures") + "?year=2026").content.decode()
    assert 'data-figure="sessions">1<' in figures

    r = client.post(
        reverse("council:vote_create", args=[draft.pk]),
        {"held_on": "2026-12-10", "yes": 20, "no": 0, "abstain": 0, "not_voting": 0},
    )
    # More votes than the 9 delegates: the same form again, with what was typed and the
    # message next to the field; nothing written.
    assert r.status_code == 400 and not Vote.objects.exists()
    assert 'name="yes" value="20"' in r.content.decode()
    assert r.context["form"].errors["yes"]


def test_a_refused_form_is_shown_again_with_the_input(client, world):
    """The service refuses (a session closing before it opens): status 400, the same form with
    the title typed and the message by the field, never an error page that loses the input."""
    client.force_login(world["admin"])
    r = client.post(
        reverse("council:session_create"),
        {
            "body": world["council"].pk,
            "term": world["term"].pk,
            "kind": "regular",
            "title": "Kỳ họp thứ năm",
            "start_date": "2026-12-20",
            "end_date": "2026-12-19",
        },
    )
    assert r.status_code == 400 and not Session.objects.exists()
    assert "Kỳ họp thứ năm" in r.content.decode()
    assert r.context["form"].errors["end_date"] == [str(_("A session cannot close before it opens."))]


def test_a_refused_step_reshows_the_page_with_the_reason(client, world, session_in_progress):
    client.force_login(world["admin"])
    cv = services.confidence_vote_create(
        actor=world["admin"], session=session_in_progress, held_on=D(2026, 12, 10)
    )
    services.confidence_subject_add(actor=world["admin"], vote=cv, person=world["people"][0], post="Chủ tịch")
    services.confidence_ballots_record(
        actor=world["admin"], vote=cv, ballots_issued=9, ballots_cast=9, counting_head=world["people"][1]
    )
    page = client.get(reverse("council:confidence_detail", args=[cv.pk])).content.decode()
    # The button is there but disabled, with the reason beside it.
    assert 'value="count"' in page and str(_("Enter the figures of every person first.")) in page
    r = client.post(reverse("council:confidence_transition", args=[cv.pk]), {"action": "count"})
    assert r.status_code == 400 and "data-step-error" in r.content.decode()
    cv.refresh_from_db()
    assert cv.status == "open"
    r = client.post(reverse("council:confidence_transition", args=[cv.pk]), {"action": "no-such-step"})
    assert r.status_code == 400


def test_session_page_shows_only_the_steps_of_its_state(client, world, make_user, office):
    session = make_session(world["admin"], world, steps=(), day=D(2027, 1, 5))
    url = reverse("council:session_detail", args=[session.pk])
    client.force_login(world["admin"])
    page = client.get(url).content.decode()
    assert 'name="action" value="convene"' in page and 'value="close"' not in page
    client.force_login(make_user("leader", office))  # sees the session, may not move it
    assert 'name="action"' not in client.get(url).content.decode()
    client.force_login(world["admin"])
    assert (
        client.post(
            reverse("council:session_transition", args=[session.pk]), {"action": "convene"}
        ).status_code
        == 302
    )
    page = client.get(url).content.decode()
    assert 'value="open"' in page and 'value="back_to_planning"' in page and 'value="convene"' not in page


def test_attendance_form_records_the_roll(client, world, session_in_progress):
    client.force_login(world["admin"])
    url = reverse("council:attendance", args=[session_in_progress.pk])
    absent = world["people"][0]
    r = client.post(url, {f"absent_{absent.pk}": "on", f"reason_{absent.pk}": "Đi công tác"})
    assert r.status_code == 302
    row = session_in_progress.attendance.get(person=absent)
    assert (row.present, row.reason) == (False, "Đi công tác")
    assert session_in_progress.attendance.filter(present=True).count() == 8
    page = client.get(url).content.decode()
    assert 'value="Đi công tác"' in page


def test_a_refused_report_of_an_interim_matter_is_shown_by_its_row(client, world, session_in_progress):
    admin = world["admin"]
    meeting = services.standing_meeting_record(
        actor=admin, body=world["standing"], held_on=D(2027, 1, 5), title="P"
    )
    matter = services.interim_matter_record(
        actor=admin, meeting=meeting, decided_on=D(2027, 1, 5), title="Việc sau"
    )
    client.force_login(admin)
    r = client.post(reverse("council:interim_report", args=[matter.pk]), {"session": session_in_progress.pk})
    assert r.status_code == 400
    assert str(_("Report the matter at a later session of the same council.")) in r.content.decode()
    matter.refresh_from_db()
    assert matter.reported_at is None
