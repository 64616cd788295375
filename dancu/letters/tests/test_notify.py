"""Notifications really sent (issue 14): a letter forwarded tells the agency, the agency's answer
tells the Office's letter staff, an online letter tells them too, read back from a real SMTP
server on loopback; a denouncer's name and the denunciation's subject are never in a message."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.letters import services
from dancu.notifications.models import Notification
from dancu.notifications.tests.conftest import smtp_server, text_of  # noqa: F401 (fixture)

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(specialist):
    specialist.email = "vanphong@dancu.example.vn"
    specialist.save()
    return specialist


@pytest.fixture
def responder(make_user, agency):
    user = make_user("agency_responder", agency)
    user.email = "soTN@dancu.example.vn"
    user.save()
    return user


def test_forwarded_then_answered(
    make_letter, staff, responder, agency, smtp_server, django_capture_on_commit_callbacks  # noqa: F811
):
    letter = make_letter(kind="complaint", subject="Khiếu nại về bồi thường đất")
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_forward(actor=staff, letter=letter, to_body=agency)
    (sent,) = smtp_server.wait_for(1)
    assert smtp_server.envelopes[0][1] == [responder.email]
    letter.refresh_from_db()
    assert f"Đơn thư {letter.number or '#' + str(letter.pk)} đã được chuyển đến cơ quan" in sent["Subject"].replace("\n", "")
    assert reverse("letters:letter_detail", args=[letter.pk]) in text_of(sent)
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_record_result(actor=responder, letter=letter, result="Đã giải quyết bồi thường bổ sung")
    messages = smtp_server.wait_for(2)
    assert smtp_server.envelopes[1][1] == [staff.email]
    assert "đã trả lời đơn thư" in messages[1]["Subject"].replace("\n", "")
    assert "Đã giải quyết bồi thường bổ sung" in text_of(messages[1])
    # Once each: the same step again would be a new result date, not a repeat of this one.
    assert Notification.objects.filter(recipient=responder).count() == 1
    assert Notification.objects.filter(recipient=staff).count() == 1


def test_an_online_letter_tells_the_office_without_the_sender(
    staff, delegation, smtp_server, django_capture_on_commit_callbacks  # noqa: F811
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.letter_submit_public(
            receiving_body_id=delegation.pk,
            kind="denunciation",
            subject="Tố cáo bí mật về cán bộ xã",
            content="Nội dung tố cáo",
            identity=services.Identity(name=SECRET_NAME, address="Hà Tĩnh", phone="0912345678"),
            token="form-1",
        )
    (message,) = smtp_server.wait_for(1)
    assert smtp_server.envelopes[0][1] == [staff.email]
    assert "Có đơn thư mới gửi trực tuyến" in message["Subject"].replace("\n", "")
    raw = message.as_string() + text_of(message)
    assert SECRET_NAME not in raw and "Tố cáo bí mật" not in raw
    note = Notification.objects.get(recipient=staff)
    assert note.url.endswith(f"/{sent.letter.pk}/") and SECRET_NAME not in note.title + note.body
    # The same form sent again (the same token) tells nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_submit_public(
            receiving_body_id=delegation.pk,
            kind="denunciation",
            subject="Tố cáo bí mật về cán bộ xã",
            content="Nội dung tố cáo",
            identity=services.Identity(name=SECRET_NAME, address="Hà Tĩnh", phone="0912345678"),
            token="form-1",
        )
    assert Notification.objects.filter(recipient=staff).count() == 1
