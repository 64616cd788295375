"""Notifications really sent (issue 14): petitions forwarded tell the agency's answering users,
the agency's answer tells the Office's reviewers; read back from a real SMTP server on loopback."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.notifications.models import Notification
from dancu.notifications.tests.conftest import smtp_server, text_of  # noqa: F401 (fixture)
from dancu.petitions import services

from .factories import forward

pytestmark = pytest.mark.django_db


def test_forwarded_then_answered(pworld, smtp_server, django_capture_on_commit_callbacks):  # noqa: F811
    w = pworld
    w["specialist"].email = "vanphong@dancu.example.vn"
    w["specialist"].save()
    w["responder"].email = "sonn@dancu.example.vn"
    w["responder"].save()
    petitions = sorted(services.consolidate_round(actor=w["specialist"], round=w["round"]), key=lambda p: p.pk)
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    land = next(p for p in petitions if "8A" not in p.text)
    land.refresh_from_db()
    services.petition_classify(actor=w["specialist"], petition=land, field="khac", level="province")
    with django_capture_on_commit_callbacks(execute=True):
        batch = forward(w, w["agri"], [land], "16/VP-TH")
    (sent,) = smtp_server.wait_for(1)
    assert smtp_server.envelopes[0][1] == [w["responder"].email]
    assert "kiến nghị của cử tri đã được chuyển đến cơ quan" in sent["Subject"].replace("\n", "")
    assert "16/VP-TH" in sent["Subject"].replace("\n", "")
    assert reverse("petitions:agency_batch", args=[batch.pk]) in text_of(sent)
    assert f"{batch.due_date:%d/%m/%Y}" in text_of(sent)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_submit(
            actor=w["responder"], batch=batch, petition=land, text="Đã chỉ đạo cấp giấy trong quý IV.", status="in_progress"
        )
    messages = smtp_server.wait_for(2)
    assert smtp_server.envelopes[1][1] == [w["specialist"].email]
    land.refresh_from_db()
    assert f"đã trả lời kiến nghị {land.code}" in messages[1]["Subject"].replace("\n", "")
    assert "Đã chỉ đạo cấp giấy trong quý IV." in text_of(messages[1])
    assert Notification.objects.filter(recipient=w["responder"]).count() == 1
    assert Notification.objects.filter(recipient=w["specialist"]).count() == 1
