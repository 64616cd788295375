"""Pages with bad input: a clear 4xx, the user's input kept, the message next to its field,
nothing changed."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from dancu.coordination.models import Meeting, Task
from dancu.coordination.tests.factories import D, held_meeting, make_meeting
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _count():
    return AuditEntry.objects.count(), Meeting.objects.count(), Task.objects.count()


def test_meeting_form_refusal_keeps_the_input(client, admin, bodies):
    client.force_login(admin)
    before = _count()
    with translation.override("en"):
        response = client.post(
            reverse("coordination:meeting_create"),
            {
                "host": bodies["ubnd"].pk,
                "title": "Giao ban Giữ Lại",
                "period": "2026",
                "starts_at": "2026-12-01T08:00",
                "ends_at": "2026-12-01T10:00",
                "participants": [bodies["commune_a"].pk],
            },
        )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Giao ban Giữ Lại" in body  # kept
    assert _count() == before
    response = client.post(
        reverse("coordination:meeting_create"),
        {
            "host": bodies["standing"].pk,
            "title": "Giao ban Giữ Lại",
            "period": "2026",
            "starts_at": "2026-12-01T08:00",
            "ends_at": "2026-12-01T07:00",
            "participants": [bodies["commune_a"].pk],
        },
    )
    assert response.status_code == 400 and _count() == before
    form = response.context["form"]
    assert "ends_at" in form.errors  # next to its field (core.forms.submit)


def test_step_refused_is_said_and_changes_nothing(client, admin, bodies):
    meeting = held_meeting(admin, bodies)
    client.force_login(admin)
    before = _count()
    url = reverse("coordination:meeting_transition", args=[meeting.pk])
    response = client.post(url, {"action": "conclude"})  # no conclusions written
    assert response.status_code == 400 and b"data-step-error" in response.content
    assert client.post(url, {"action": "fly"}).status_code == 400
    assert _count() == before
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_report_with_bad_figures_is_refused(client, admin, bodies):
    meeting = make_meeting(admin, bodies)
    client.force_login(admin)
    url = reverse("coordination:report_submit", args=[meeting.pk, bodies["commune_a"].pk])
    before = _count()
    response = client.post(
        url,
        {
            "sessions_held": "-1",
            "resolutions": "x",
            "supervisions": "0",
            "voter_meetings": "0",
            "letters_received": "1",
            "letters_handled": "2",
        },
    )
    assert response.status_code == 400 and _count() == before
    response = client.post(
        url,
        {
            "sessions_held": "1",
            "resolutions": "1",
            "supervisions": "0",
            "voter_meetings": "0",
            "letters_received": "1",
            "letters_handled": "2",
        },
    )  # more handled than received
    assert response.status_code == 400 and "letters_handled" in response.context["form"].errors
    assert _count() == before
    # A council that does not take part: 404
    assert (
        client.get(
            reverse("coordination:report_submit", args=[meeting.pk, bodies["district"].pk])
        ).status_code
        == 404
    )


def test_junk_query_and_api_input(client, admin, bodies):
    held_meeting(admin, bodies)
    client.force_login(admin)
    assert (
        client.get(reverse("coordination:meeting_list") + "?status=zzz&page=abc&q=" + "x" * 500).status_code
        == 200
    )
    assert client.get(reverse("coordination:task_list") + "?status=nope&overdue=2").status_code == 200
    assert client.get("/api/v1/coordination/meetings?status=nope").status_code == 422
    assert client.get("/api/v1/coordination/meetings/99999999999999999999").status_code in (404, 422)
    assert client.get("/api/v1/coordination/roles?province=1&area=letters&on=notadate").status_code == 422


def test_task_edit_and_delete(client, admin, bodies):
    meeting = held_meeting(admin, bodies)
    client.force_login(admin)
    response = client.post(
        reverse("coordination:task_add", args=[meeting.pk]),
        {"content": "Việc cần làm", "due_date": "2026-09-01"},
    )
    assert response.status_code == 400  # no owner
    response = client.post(
        reverse("coordination:task_add", args=[meeting.pk]),
        {"content": "Việc cần làm", "due_date": "2026-09-01", "owner_body": bodies["commune_b"].pk},
    )
    assert response.status_code == 302
    task = Task.objects.get()
    response = client.post(
        reverse("coordination:task_edit", args=[task.pk]),
        {"content": "Việc đã sửa", "due_date": "2026-10-01", "owner_body": bodies["commune_a"].pk},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.content, task.due_date, task.owner_body) == (
        "Việc đã sửa",
        D(2026, 10, 1),
        bodies["commune_a"],
    )
    assert client.post(reverse("coordination:task_delete", args=[task.pk])).status_code == 302
    assert not Task.objects.exists()
    assert AuditEntry.objects.filter(action="coordination.task.delete").count() == 1
