"""Issue 11, items 8, 12 and 17: guiding the writer names the competent body (a field of the
guide step); the guidance letter is a công văn to the writer by full name, naming that body,
signed by the Office's head named from the directory; the transfer slip is addressed
("Kính gửi") to the competent body with the same signer; bodies that no longer exist are not
offered, nor accepted, for new work. Every document passes Decree 30's layout check."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dancu.core.documents import docx_text, layout_problems, libreoffice_text
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.directory.models import BodyKind, BodyLevel
from dancu.directory.tests.factories import (
    BodyFactory,
    CommuneFactory,
    MembershipFactory,
    PersonFactory,
    post,
)
from dancu.letters import documents, services
from dancu.letters.models import Letter

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(office, province):
    """The Office's head in the directory: the documents' signer."""
    person = PersonFactory(full_name="Nguyễn Văn Hải", province=province)
    MembershipFactory(
        person=person, body=office, post=post("chanh-van-phong"), start_date=datetime.date(2021, 7, 1)
    )
    return person


@pytest.fixture
def committee(province):
    return BodyFactory(
        kind=BodyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân tỉnh Hà Tĩnh", province=province
    )


@pytest.fixture
def abolished(province):
    """A district council that ended with the reform of 1 July 2025."""
    district = CommuneFactory(
        name="Huyện Đức Thọ", parent=province, level="district", valid_to=datetime.date(2025, 6, 30)
    )
    return BodyFactory(
        kind=BodyKind.PEOPLES_COUNCIL,
        name="Hội đồng nhân dân huyện Đức Thọ",
        level=BodyLevel.DISTRICT,
        province=province,
        unit=district,
        active_to=datetime.date(2025, 6, 30),
    )


def test_guiding_names_the_competent_body(client, make_letter, specialist, committee):
    letter = make_letter(kind="complaint")
    client.force_login(specialist)
    url = reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "guide"})
    response = client.post(url, {"guided_to": "", "guided_to_name": ""})
    assert response.status_code == 400 and Letter.objects.get(pk=letter.pk).status == "received"
    assert client.post(url, {"guided_to": committee.pk}).status_code == 302
    letter.refresh_from_db()
    assert letter.status == "guided" and letter.guided_to == committee and letter.due_date is None
    entry = AuditEntry.objects.get(action="letters.letter.guide")
    assert entry.changes["to"] == committee.pk
    # A body that is not in the directory is typed.
    other = make_letter(kind="petition", subject="Kiến nghị về tranh chấp hợp đồng")
    services.letter_guide(actor=specialist, letter=other, to_name="Tòa án nhân dân khu vực 1 - Hà Tĩnh")
    other.refresh_from_db()
    assert other.guided_to is None and other.guided_to_name == "Tòa án nhân dân khu vực 1 - Hà Tĩnh"


def test_an_anonymous_letter_has_no_writer_to_guide(make_letter, specialist, committee):
    letter = make_letter(kind="petition", is_anonymous=True)
    with pytest.raises(Conflict):
        services.letter_guide(actor=specialist, letter=letter, to_body=committee)


def test_the_guidance_letter_is_addressed_to_the_writer_and_names_the_body(
    make_letter, specialist, committee, head, libreoffice
):
    letter = make_letter(
        kind="complaint",
        identity=services.Identity(
            name="Lê Thị Bình", address="Thôn Đông, xã Cẩm Xuyên", phone="0912000999", salutation="Bà"
        ),
    )
    services.letter_guide(actor=specialist, letter=letter, to_body=committee)
    letter = Letter.objects.select_related("guided_to", "receiving_body", "province").get(pk=letter.pk)
    data = services.letter_guidance_document(actor=specialist, letter=letter)
    assert layout_problems(data, dispatch=True) == []
    text = docx_text(data)
    assert "Kính gửi: Bà Lê Thị Bình." in text and "Địa chỉ: Thôn Đông, xã Cẩm Xuyên." in text
    assert "L. T. B." not in text and "ông/bà" not in text
    assert text.count(committee.name) >= 2  # competent, and where to send the letter
    assert "V/v hướng dẫn công dân gửi đơn" in text
    # The header and the signer: the Office, its head by name from the directory.
    assert "ĐOÀN ĐBQH VÀ HĐND TỈNH HÀ TĨNH" in text and "VĂN PHÒNG" in text
    assert "Hà Tĩnh, ngày" in text and "CHÁNH VĂN PHÒNG" in text and head.full_name in text
    assert "Nơi nhận:" in text and text.strip().count("- Lưu:") == 1
    assert (
        AuditEntry.objects.filter(action="letters.document_guidance", target_id=str(letter.pk)).count() == 1
    )
    opened = libreoffice_text(data)
    assert opened is not None and "Lê Thị Bình" in opened


def test_a_sealed_writers_guidance_only_for_the_reveal_right_and_audited(
    client, make_letter, specialist, office_admin, committee
):
    letter = make_letter(kind="denunciation")
    services.letter_guide(actor=specialist, letter=letter, to_body=committee)
    url = reverse("letters:letter_document", kwargs={"letter_id": letter.pk, "doc": "huong-dan"})
    client.force_login(specialist)
    response = client.get(url)
    assert response.status_code == 403 and SECRET_NAME not in response.content.decode()
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": letter.pk})).content.decode()
    assert url not in page
    client.force_login(office_admin)
    response = client.get(url)
    assert response.status_code == 200
    text = docx_text(b"".join(response.streaming_content))
    assert SECRET_NAME in text  # the writer is the recipient
    entry = AuditEntry.objects.get(action="letters.document_guidance")
    assert entry.actor == office_admin and entry.changes == {"sealed": True}
    assert SECRET_NAME not in str(entry.changes) + entry.summary


def test_the_transfer_slip_is_addressed_to_the_competent_body_and_signed(
    make_letter, specialist, agency, standing, head
):
    letter = make_letter()
    letter = services.letter_forward(actor=specialist, letter=letter, to_body=agency)
    data = documents.transfer_slip(letter)
    assert layout_problems(data, dispatch=False, addressed=True) == []
    text = docx_text(data)
    assert f"Kính gửi: {agency.name}." in text and "PHIẾU CHUYỂN ĐƠN" in text
    assert head.full_name in text and "CHÁNH VĂN PHÒNG" in text
    assert standing.name in text and text.count("- Lưu:") == 1
    assert SECRET_NAME not in text and documents.SEALED_WRITER in text


def test_the_deputy_signs_for_the_head_when_there_is_no_head(
    make_letter, specialist, agency, office, province
):
    deputy = PersonFactory(full_name="Trần Thị Hồng Nhung", province=province)
    MembershipFactory(person=deputy, body=office, post=post("pho-chanh-van-phong"))
    letter = services.letter_forward(actor=specialist, letter=make_letter(), to_body=agency)
    data = documents.transfer_slip(letter)
    text = docx_text(data)
    assert "KT. CHÁNH VĂN PHÒNG" in text and "PHÓ CHÁNH VĂN PHÒNG" in text and deputy.full_name in text
    assert layout_problems(data, dispatch=False, addressed=True) == []


def test_bodies_that_no_longer_exist_are_not_offered_nor_accepted(
    client, make_letter, specialist, agency, abolished, committee
):
    letter = make_letter(kind="complaint")
    client.force_login(specialist)
    page = client.get(reverse("letters:letter_detail", kwargs={"letter_id": letter.pk})).content.decode()
    assert agency.name in page and committee.name in page
    assert abolished.name not in page
    forward = reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "forward"})
    assert client.post(forward, {"to_body": abolished.pk}).status_code == 400
    guide = reverse("letters:letter_action", kwargs={"letter_id": letter.pk, "action": "guide"})
    assert client.post(guide, {"guided_to": abolished.pk}).status_code == 400
    assert Letter.objects.get(pk=letter.pk).status == "received"
    # The services refuse it too, whatever the caller.
    with pytest.raises(ValidationFailed) as refused:
        services.letter_forward(actor=specialist, letter=letter, to_body=abolished)
    assert refused.value.code == "body_no_longer_exists"
    dissolved = BodyFactory(
        kind=BodyKind.AGENCY,
        name="Sở cũ đã giải thể",
        province=agency.province,
        active_to=datetime.date(2025, 6, 30),
    )
    with pytest.raises(ValidationFailed):
        services.letter_guide(actor=specialist, letter=letter, to_body=dissolved)


def test_intake_offers_only_existing_receiving_bodies(client, specialist, delegation, province):
    old = BodyFactory(
        kind=BodyKind.NA_DELEGATION,
        name="Đoàn ĐBQH tỉnh cũ",
        province=province,
        active_to=datetime.date(2025, 6, 30),
    )
    client.force_login(specialist)
    page = client.get(reverse("letters:letter_create")).content.decode()
    assert delegation.name in page and old.name not in page


def test_the_guidance_needs_handle_and_is_refused_to_the_agency(make_letter, specialist, agency, make_user):
    letter = services.letter_forward(actor=specialist, letter=make_letter(kind="complaint"), to_body=agency)
    with pytest.raises(PermissionDenied):
        services.letter_guidance_document(actor=make_user("agency_responder", agency), letter=letter)
