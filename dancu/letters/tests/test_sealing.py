"""Issue 10, findings 1, 5 and 15: the seal follows the person, not the item kind.

A specialist (no reveal right) may not read a denouncer's identity by any path: splitting the
letter, linking it, copying it from a visit, exporting it, printing a document, the API. No
part of a sealed name is shown to anyone without the reveal right, not even initials. The
duplicate detector does not confirm a sealed writer; its hint against a sealed letter says
only that, and is audited.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import load_workbook

from dancu.core.access import get_access
from dancu.core.documents import docx_text
from dancu.core.models import AuditEntry
from dancu.letters import documents, selectors, services
from dancu.letters.models import Letter
from dancu.letters.permissions import can_reveal

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db

SECRET_ID = "042190001234"
SECRET_PHONE = "0912 345 678"
SECRET_ADDRESS = "Thôn 3, xã Kỳ Tân"
INITIALS = "T. T. B."  # of SECRET_NAME ("Trần Thị Bí Ẩn")
SECRETS = (SECRET_NAME, SECRET_ID, SECRET_PHONE, "0912345678", SECRET_ADDRESS, INITIALS)


def _no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, (where, secret)


def _raw(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _xlsx_text(data: bytes) -> str:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(
        " ".join(str(v) for v in row if v is not None)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
    )


@pytest.fixture
def leader(make_user, office):
    return make_user("leader", office)


def _split(client, letter, kinds):
    url = reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "split"})
    response = client.post(url, {"kinds": kinds})
    assert response.status_code == 302, response.content[:300]
    return list(Letter.objects.filter(parent=letter).order_by("pk"))


def test_split_items_of_a_denunciation_stay_sealed(client, make_letter, specialist, leader):
    """The audit's path: the specialist splits the denunciation with kinds=complaint, then
    reads the complaint item. Every item stays sealed; the reveal is refused and writes
    nothing; the reveal right still works, and its audit names the letter split from."""
    letter = make_letter()
    client.force_login(specialist)
    (item,) = _split(client, letter, ["complaint"])
    assert item.kind == "complaint" and item.identity_sealed and item.redacted_name == ""
    assert not can_reveal(get_access(specialist), item)
    response = client.post(
        reverse("letters:letter_reveal", kwargs={"letter_id": item.pk}), {"reason": "cần xác minh"}
    )
    assert response.status_code == 403
    _no_secret(response.content.decode(), "reveal refused")
    assert not AuditEntry.objects.filter(action="letters.identity_reveal").exists()
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": item.pk})).content.decode()
    _no_secret(page, "item page")
    assert 'id="reveal-button"' not in page and 'id="writer-sealed"' in page
    # The reveal right unseals the item; the audit says it was split from the sealed letter.
    client.force_login(leader)
    response = client.post(
        reverse("letters:letter_reveal", kwargs={"letter_id": item.pk}), {"reason": "Xác minh theo chỉ đạo"}
    )
    assert response.status_code == 200 and SECRET_NAME in response.content.decode()
    entry = AuditEntry.objects.get(action="letters.identity_reveal")
    assert entry.target_id == str(item.pk) and entry.changes["split_from"] == letter.pk
    assert entry.changes["sealed"] is True


def test_a_letter_with_a_denunciation_item_becomes_sealed(client, make_letter, specialist):
    """A mixed letter whose items include a denunciation is a denouncer's: the letter and all
    its items are sealed (no initials kept), whatever their kinds."""
    letter = make_letter(kind="complaint")
    assert not letter.identity_sealed and letter.redacted_name
    client.force_login(specialist)
    items = _split(client, letter, ["complaint", "denunciation"])
    letter.refresh_from_db()
    assert letter.identity_sealed and letter.redacted_name == ""
    assert all(i.identity_sealed and i.redacted_name == "" for i in items)
    for target in (letter, *items):
        url = reverse("letters:letter_reveal", kwargs={"letter_id": target.pk})
        assert client.post(url, {"reason": "cần xác minh"}).status_code == 403
        _no_secret(
            client.get(reverse("letters:letter_detail", kwargs={"letter_id": target.pk})).content.decode(),
            "page",
        )
    assert AuditEntry.objects.get(action="letters.letter_split").changes["newly_sealed"] is True


def test_linking_unseals_nothing(client, make_letter, specialist, standing):
    """A complaint of the same person linked into the denunciation's group: the denunciation
    stays sealed for the specialist, and no page of the group shows its writer."""
    sealed = make_letter(receiving_body=standing)
    plain = make_letter(
        kind="complaint", subject="Khiếu nại khác", identity=services.Identity(name="Lê Văn Rõ")
    )
    client.force_login(specialist)
    url = reverse("letters:letter_action", kwargs={"letter_id": plain.pk, "action": "link"})
    assert client.post(url, {"other": sealed.pk}).status_code == 302
    assert Letter.objects.get(pk=plain.pk).duplicate_of_id == sealed.pk
    sealed.refresh_from_db()
    assert sealed.identity_sealed and not can_reveal(get_access(specialist), sealed)
    assert (
        client.post(
            reverse("letters:letter_reveal", kwargs={"letter_id": sealed.pk}), {"reason": "cần xác minh"}
        ).status_code
        == 403
    )
    for target in (sealed, plain):
        _no_secret(
            client.get(reverse("letters:letter_detail", kwargs={"letter_id": target.pk})).content.decode(),
            "group",
        )


def test_a_letter_copied_from_a_sealed_visit_is_sealed(client, delegation, specialist):
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 2))
    visit = services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="denunciation",
        citizens=services.Citizens(names=[SECRET_NAME], id_number=SECRET_ID, phone=SECRET_PHONE),
        content="Tố cáo tại buổi tiếp công dân",
    )
    client.force_login(specialist)
    page = client.get(reverse("letters:reception_day_detail", kwargs={"day_id": day.pk})).content.decode()
    _no_secret(page, "reception day")
    assert client.post(reverse("letters:visit_letter", kwargs={"visit_id": visit.pk})).status_code == 302
    letter = Letter.objects.get(visit=visit)
    assert letter.identity_sealed and letter.redacted_name == ""
    assert (
        client.post(
            reverse("letters:letter_reveal", kwargs={"letter_id": letter.pk}), {"reason": "xác minh"}
        ).status_code
        == 403
    )


def test_exports_documents_and_api_carry_no_part_of_a_sealed_name(
    client, make_letter, specialist, agency, make_user
):
    """Finding 15: the agency (and the specialist) see no initials of a sealed writer on the
    page, in the API, the export or the transfer slip; a complaint's writer keeps initials."""
    letter = make_letter()
    (item,) = services.letter_split(actor=specialist, letter=letter, kinds=["petition"])
    services.letter_forward(actor=specialist, letter=letter, to_body=agency)
    complaint = make_letter(
        kind="complaint", subject="Khiếu nại đất đai", identity=services.Identity(name="Lê Văn Rõ")
    )
    responder = make_user("agency_responder", agency)
    for user in (specialist, responder):
        client.force_login(user)
        export = _xlsx_text(_raw(client.get(reverse("letters:register_export"))))
        _no_secret(export, "export")
        listing = client.get(reverse("api:list_letters")).json()["items"]
        for row in listing:
            if row["id"] in (letter.pk, item.pk):
                assert row["redacted_name"] == "" and row["identity_sealed"] is True
        _no_secret(str(listing), "api list")
        detail = client.get(reverse("api:get_letter", kwargs={"letter_id": letter.pk}))
        assert detail.status_code == 200
        _no_secret(detail.content.decode(), "api detail")
        page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": letter.pk})).content.decode()
        _no_secret(page, "page")
    client.force_login(specialist)
    assert "L. V. R." in _xlsx_text(_raw(client.get(reverse("letters:register_export"))))
    for target in (letter, item):
        response = client.get(
            reverse("letters:letter_document", kwargs={"letter_id": target.pk, "doc": "chuyen-don"})
        )
        _no_secret(docx_text(_raw(response)), "chuyen-don")
        # The guidance letter is addressed to the writer by name: not for the specialist.
        response = client.get(
            reverse("letters:letter_document", kwargs={"letter_id": target.pk, "doc": "huong-dan"})
        )
        assert response.status_code == 403
        _no_secret(response.content.decode(), "huong-dan refused")
    slip = docx_text(documents.transfer_slip(Letter.objects.get(pk=letter.pk)))
    assert documents.SEALED_WRITER in slip
    assert "L. V. R." in docx_text(documents.transfer_slip(complaint))


def test_a_denunciation_cannot_be_stored_unsealed(make_letter):
    letter = make_letter()
    with pytest.raises(IntegrityError), transaction.atomic():
        Letter.objects.filter(pk=letter.pk).update(identity_sealed=False)


def test_duplicate_hint_against_a_sealed_letter_confirms_nothing_and_is_audited(
    client, make_letter, specialist, office_admin
):
    """Finding 5: a complaint entered with the denouncer's phone. The specialist is told only
    "possible duplicate of a sealed letter", the same as for a content-only match, and that
    check is audited; a handler with the reveal right sees why."""
    sealed = make_letter()
    probe = make_letter(
        kind="complaint",
        subject="Khiếu nại về tiền điện",
        content="Hóa đơn tiền điện tháng này tăng bất thường",
        target="Điện lực huyện",
        identity=services.Identity(name="Người Thử", phone=SECRET_PHONE),
    )
    assert not probe.identity_sealed
    (hint,) = selectors.duplicate_proposals(specialist, probe)
    assert hint["letter"] == sealed and hint["sealed"] and not hint["person"] and hint["reasons"] == []
    client.force_login(specialist)
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": probe.pk})).content.decode()
    row = page[page.index('class="sealed-hint"') :].split("</tr>", 1)[0]
    assert sealed.number in row
    assert gettext("same person") not in row and gettext("same content") not in row
    assert gettext("Possible duplicate involving a sealed letter: ask a person with the reveal right.") in row
    entry = AuditEntry.objects.get(action="letters.duplicate_check_sealed")
    assert entry.actor == specialist and entry.target_id == str(probe.pk)
    assert entry.changes == {"sealed_letters": [sealed.pk]}
    # Seen from the sealed letter, the known complainant is not confirmed as its writer either.
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": sealed.pk})).content.decode()
    row = page[page.index('class="sealed-hint"') :].split("</tr>", 1)[0]
    assert probe.number in row and gettext("same person") not in row
    # The Office administrator may reveal: the reason is shown, and nothing extra is audited.
    before = AuditEntry.objects.filter(action="letters.duplicate_check_sealed").count()
    (plain,) = selectors.duplicate_proposals(office_admin, probe)
    assert plain["person"] and not plain["sealed"] and "phone" in plain["reasons"]
    client.force_login(office_admin)
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": probe.pk})).content.decode()
    assert 'class="sealed-hint"' not in page and gettext("same person") in page
    assert AuditEntry.objects.filter(action="letters.duplicate_check_sealed").count() == before


def test_a_public_denunciation_splits_into_sealed_items(delegation, specialist):
    """The items of a letter sent online do not copy its one-time form token (unique) nor its
    look-up: the split works, and the items stay sealed."""
    sent = services.letter_submit_public(
        receiving_body_id=delegation.pk,
        kind="denunciation",
        subject="Tố cáo gửi trực tuyến",
        content="Nội dung tố cáo và khiếu nại",
        identity=services.Identity(name=SECRET_NAME, address=SECRET_ADDRESS, phone=SECRET_PHONE),
        token="form-token-1",
    ).letter
    items = services.letter_split(actor=specialist, letter=sent, kinds=["denunciation", "complaint"])
    assert all(i.identity_sealed and i.submission_token is None and i.lookup_hash == "" for i in items)
    assert Letter.objects.get(pk=sent.pk).submission_token == "form-token-1"
