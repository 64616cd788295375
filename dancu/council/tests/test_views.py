"""The management pages through HTTP, as an Office administrator: each form reaches its service."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dancu.core.documents import docx_text
from dancu.council import services
from dancu.council.models import (
    Answer,
    Commitment,
    ConfidenceSubject,
    ExplanationHearing,
    InterimMatter,
    Question,
    StandingMeeting,
    StandingTask,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_management_forms(client, world, session_in_progress, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world["admin"])
    s = session_in_progress
    ok = {302}

    r = client.post(
        reverse("council:agenda_add", args=[s.pk]),
        {"day": "2026-12-10", "title": "Khai mạc", "time": "07:30"},
    )
    assert r.status_code in ok
    r = client.post(
        reverse("council:conference_record", args=[s.pk]), {"held_on": "2026-11-20", "programme": "Một ngày"}
    )
    assert r.status_code in ok
    r = client.get(reverse("council:agenda_docx", args=[s.pk]))
    assert "Khai mạc" in docx_text(r.content)

    upload = SimpleUploadedFile("du-thao.docx", b"v1")
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
        reverse("council:commitment_update", args=[commitment.pk]), {"status": "kept", "follow_up": "Đã xong"}
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
    client.post(reverse("council:confidence_transition", args=[cv_id]), {"to": "counted"})
    client.post(reverse("council:confidence_transition", args=[cv_id]), {"to": "announced"})
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
    assert r.status_code == 422  # more votes than the 9 delegates: a clear error, nothing written


def test_list_pages_do_not_grow_queries_with_rows(client, world, session_in_progress):
    client.force_login(world["admin"])
    url = reverse("council:session_list")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(5):
        services.session_create(
            actor=world["admin"],
            body=world["council"],
            term=world["term"],
            kind="regular",
            title=f"Kỳ họp {i}",
            start_date=D(2027, 1, 1 + i),
            end_date=D(2027, 1, 1 + i),
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
