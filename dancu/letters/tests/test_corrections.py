"""Issue 11, item 20: reception days, visits and letters are corrected (audited) and deleted
where the law allows: a letter registered by mistake, before any step, with a reason and a
confirmation; anything else is not deletable, and the page says why. Corrections never unseal
a sealed identity and never put one in a form or an audit entry."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.letters import crypto, services
from dancu.letters.models import Letter, LetterAttachment, ReceptionDay, ReceptionVisit

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _edit_data(letter, **changes):
    data = {
        "received_date": f"{letter.received_date:%Y-%m-%d}",
        "channel": letter.channel,
        "reception_day": "",
        "kind": letter.kind,
        "letter_field": letter.field,
        "subject": letter.subject,
        "content": letter.content,
        "target": letter.target,
        "signer_count": letter.signer_count,
        "representative_count": letter.representative_count,
        "competence": letter.competence,
        "in_vietnamese": "on",
        "has_date": "on",
        "has_name_address": "on",
        "has_signature": "on",
        "has_required_content": "on",
    }
    data.update(changes)
    return data


def test_a_letter_is_corrected_audited_and_its_deadlines_recomputed(client, make_letter, specialist):
    letter = make_letter(kind="complaint", received_date=datetime.date(2026, 2, 13))
    before = dict(letter.deadlines)
    client.force_login(specialist)
    url = reverse("letters:letter_edit", kwargs={"letter_id": letter.pk})
    page = client.get(url).content.decode()
    assert 'value="Tố cáo cán bộ địa chính xã lấn chiếm đất rừng"' in page and SECRET_NAME not in page
    response = client.post(url, _edit_data(letter, received_date="2026-03-02", subject="Khiếu nại đã sửa"))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.subject == "Khiếu nại đã sửa" and letter.received_date == datetime.date(2026, 3, 2)
    assert letter.deadlines != before and letter.deadlines["accept"] > before["accept"]
    entry = AuditEntry.objects.get(action="letters.letter_update")
    assert set(entry.changes["fields"]) == {"received_date", "subject"}
    assert entry.changes["before"]["received_date"] == "2026-02-13"
    assert entry.changes["after"]["subject"] == "Khiếu nại đã sửa"
    # A refused correction comes back with what was typed, next to the field.
    response = client.post(url, _edit_data(letter, received_date="2099-01-01", subject="Sửa nữa"))
    assert response.status_code == 400 and 'value="Sửa nữa"' in response.content.decode()
    # Nothing changed: nothing audited.
    client.post(url, _edit_data(letter))
    assert AuditEntry.objects.filter(action="letters.letter_update").count() == 1


def test_corrections_follow_the_seal(make_letter, specialist, office_admin):
    complaint = make_letter(
        kind="complaint",
        identity=services.Identity(name="Lê Văn Rõ", phone="0911222333"),
        attachments=[services.Upload("don.png", PNG)],
    )
    assert complaint.redacted_name and not complaint.identity_sealed
    # Becoming a denunciation seals the writer, the initials and the files.
    sealed = services.letter_update(
        actor=specialist,
        letter=complaint,
        received_date=complaint.received_date,
        channel=complaint.channel,
        kind="denunciation",
        subject=complaint.subject,
    )
    assert sealed.identity_sealed and sealed.redacted_name == ""
    assert LetterAttachment.objects.get(letter=complaint).is_sealed
    # And stays sealed when its kind changes back.
    back = services.letter_update(
        actor=specialist,
        letter=sealed,
        received_date=complaint.received_date,
        channel=complaint.channel,
        kind="complaint",
        subject=complaint.subject,
    )
    assert back.identity_sealed and back.redacted_name == ""
    # Only who may reveal corrects a sealed writer's details (the specialist may not).
    with pytest.raises(PermissionDenied):
        services.letter_update(
            actor=specialist,
            letter=back,
            received_date=back.received_date,
            channel=back.channel,
            kind=back.kind,
            subject=back.subject,
            identity=services.Identity(name="Lê Văn Rõ Ràng"),
        )
    fixed = services.letter_update(
        actor=office_admin,
        letter=back,
        received_date=back.received_date,
        channel=back.channel,
        kind=back.kind,
        subject=back.subject,
        identity=services.Identity(name="Lê Văn Rõ Ràng"),
    )
    data = crypto.unseal(fixed.sealed_identity, sealed_with=fixed.seal_key)
    assert data["name"] == "Lê Văn Rõ Ràng" and data["phone"] == "0911222333"  # the phone was kept
    entry = AuditEntry.objects.filter(action="letters.letter_update").latest("id")
    assert "identity" in entry.changes["fields"] and "Rõ Ràng" not in str(entry.changes)


def test_a_letter_registered_by_mistake_is_deleted_with_a_reason(client, make_letter, specialist, delegation):
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 4))
    visit = services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="petition",
        citizens=services.Citizens(names=["Người Thử"]),
        content="Kiến nghị",
    )
    letter = services.visit_create_letter(actor=specialist, visit=visit)
    client.force_login(specialist)
    url = reverse("letters:letter_delete", kwargs={"letter_id": letter.pk})
    page = client.get(url).content.decode()
    assert 'id="delete-form"' in page
    response = client.post(url, {"reason": "nhầm", "confirm": "on"})
    assert response.status_code == 400 and Letter.objects.filter(pk=letter.pk).exists()
    response = client.post(url, {"reason": "Vào sổ nhầm hai lần"})
    assert response.status_code == 400 and Letter.objects.filter(pk=letter.pk).exists()
    response = client.post(url, {"reason": "Vào sổ nhầm hai lần", "confirm": "on"})
    assert response.status_code == 302 and not Letter.objects.filter(pk=letter.pk).exists()
    entry = AuditEntry.objects.get(action="letters.letter_delete")
    assert entry.changes["reason"] == "Vào sổ nhầm hai lần" and entry.changes["number"] == letter.number
    # The visit may have its letter registered again.
    assert ReceptionVisit.objects.get(pk=visit.pk).letter_id is None


def test_a_letter_acted_on_is_not_deletable_and_the_page_says_why(client, make_letter, specialist, agency):
    letter = services.letter_forward(actor=specialist, letter=make_letter(), to_body=agency)
    client.force_login(specialist)
    url = reverse("letters:letter_delete", kwargs={"letter_id": letter.pk})
    page = client.get(url).content.decode()
    assert 'id="not-deletable"' in page and 'id="delete-form"' not in page
    response = client.post(url, {"reason": "Muốn xóa đơn này", "confirm": "on"})
    assert response.status_code == 409 and Letter.objects.filter(pk=letter.pk).exists()
    with pytest.raises(Conflict):
        services.letter_delete(actor=specialist, letter=letter, reason="Muốn xóa đơn này")
    assert not AuditEntry.objects.filter(action="letters.letter_delete").exists()


def test_a_letter_sent_online_or_split_is_not_deletable(make_letter, specialist, delegation):
    sent = services.letter_submit_public(
        receiving_body_id=delegation.pk,
        kind="petition",
        subject="Kiến nghị trực tuyến",
        content="Nội dung",
        identity=services.Identity(name="Công Dân", address="Hà Tĩnh", phone="0977123456"),
    ).letter
    with pytest.raises(Conflict):
        services.letter_delete(actor=specialist, letter=sent, reason="Không cần xử lý")
    mixed = make_letter(kind="complaint")
    services.letter_split(actor=specialist, letter=mixed, kinds=["complaint", "petition"])
    with pytest.raises(Conflict):
        services.letter_delete(actor=specialist, letter=mixed, reason="Vào sổ nhầm")


def test_reception_days_are_corrected_and_deleted_when_empty(client, specialist, delegation):
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 16))
    client.force_login(specialist)
    url = reverse("letters:reception_day_edit", kwargs={"day_id": day.pk})
    response = client.post(
        url,
        {
            "body": delegation.pk,
            "date": "2026-03-18",
            "place": "Trụ sở tiếp công dân",
            "posted_on": "2026-03-01",
        },
    )
    assert response.status_code == 302
    day.refresh_from_db()
    assert day.date == datetime.date(2026, 3, 18) and day.place == "Trụ sở tiếp công dân"
    assert len(day.warnings) == 1  # the deputy was not told; the schedule was posted in time
    entry = AuditEntry.objects.get(action="letters.reception_day_update")
    assert set(entry.changes["fields"]) == {"date", "place", "posted_on"}
    delete = reverse("letters:reception_day_delete", kwargs={"day_id": day.pk})
    assert client.post(delete, {"reason": "Lên lịch nhầm", "confirm": "on"}).status_code == 302
    assert not ReceptionDay.objects.filter(pk=day.pk).exists()
    assert AuditEntry.objects.filter(action="letters.reception_day_delete").count() == 1


def test_a_day_with_visits_keeps_them(specialist, delegation):
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 16))
    services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="petition",
        citizens=services.Citizens(names=["Người Thử"]),
        content="Kiến nghị",
    )
    with pytest.raises(Conflict):
        services.reception_day_delete(actor=specialist, day=day, reason="Lên lịch nhầm")
    with pytest.raises(ValidationFailed):
        services.reception_day_update(
            actor=specialist, day=day, body=delegation, date=datetime.date(2099, 1, 1)
        )


def test_a_sealed_visit_is_corrected_without_showing_its_names(client, specialist, delegation):
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 16))
    visit = services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="denunciation",
        citizens=services.Citizens(names=[SECRET_NAME], id_number="042199001111"),
        content="Tố cáo tại buổi tiếp",
    )
    client.force_login(specialist)
    url = reverse("letters:visit_edit", kwargs={"visit_id": visit.pk})
    page = client.get(url).content.decode()
    assert SECRET_NAME not in page and "042199001111" not in page
    data = {
        "kind": "denunciation",
        "citizens": "",
        "citizen_count": 2,
        "content": "Tố cáo tại buổi tiếp (sửa)",
    }
    assert client.post(url, data).status_code == 302
    visit.refresh_from_db()
    assert services.visit_citizens(visit).names == [SECRET_NAME]  # kept, still sealed
    assert visit.citizens == "" and visit.citizens_redacted == "" and visit.citizen_count == 2
    # The seal follows the person: the kind cannot change to one that is not sealed.
    response = client.post(url, {**data, "kind": "petition"})
    assert response.status_code == 400
    entry = AuditEntry.objects.get(action="letters.visit_update")
    assert SECRET_NAME not in str(entry.changes) and set(entry.changes["fields"]) == {
        "citizen_count",
        "content",
    }
    # A visit with a letter is not deleted; one without is, audited.
    services.visit_create_letter(actor=specialist, visit=visit)
    with pytest.raises(Conflict):
        services.visit_delete(actor=specialist, visit=visit, reason="Ghi nhầm lượt tiếp")
    other = services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="petition",
        citizens=services.Citizens(names=["Người Thử"]),
        content="Kiến nghị",
    )
    response = client.post(
        reverse("letters:visit_delete", kwargs={"visit_id": other.pk}),
        {"reason": "Ghi nhầm lượt tiếp", "confirm": "on"},
    )
    assert response.status_code == 302 and not ReceptionVisit.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("role", ["leader", "delegate", "viewer"])
def test_only_the_handlers_correct_or_delete(
    client, make_letter, make_user, office, delegation, specialist, role
):
    letter = make_letter(kind="petition")
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 16))
    client.force_login(make_user(role, office))
    posts = [
        (reverse("letters:letter_edit", kwargs={"letter_id": letter.pk}), _edit_data(letter, subject="Đổi")),
        (
            reverse("letters:letter_delete", kwargs={"letter_id": letter.pk}),
            {"reason": "Xóa thử đi", "confirm": "on"},
        ),
        (
            reverse("letters:reception_day_edit", kwargs={"day_id": day.pk}),
            {"body": delegation.pk, "date": "2026-03-17"},
        ),
        (
            reverse("letters:reception_day_delete", kwargs={"day_id": day.pk}),
            {"reason": "Xóa thử đi", "confirm": "on"},
        ),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert (
        Letter.objects.get(pk=letter.pk).subject != "Đổi" and ReceptionDay.objects.filter(pk=day.pk).exists()
    )
