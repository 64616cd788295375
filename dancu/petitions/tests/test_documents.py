"""Issue 11, documents: every document the module generates follows Decree 30 (core.documents
.layout_problems), from the demo data (directory and petitions demos, through the services).
The cover letter is a công văn: no title, "V/v chuyển kiến nghị của cử tri" under its number,
"Kính gửi: <agency>.", "Nơi nhận: Như trên; Lưu: VT, <unit>."; every document is signed by the
Office's head by name from the directory, or by the deputy for the head ("KT. CHÁNH VĂN
PHÒNG") when the head's post is vacant; never a blank name."""

from __future__ import annotations

import datetime

import pytest

from dancu.accounts.models import User
from dancu.core.documents import docx_text, layout, libreoffice_text
from dancu.directory.demo import HT_AGRI, OFFICE_STAFF
from dancu.directory.models import Membership
from dancu.petitions import previews, reports
from dancu.petitions.models import ForwardingBatch, PetitionRule

from .factories import seed_rules

pytestmark = pytest.mark.django_db

HEAD, DEPUTY = OFFICE_STAFF[0][0], OFFICE_STAFF[1][0]


@pytest.fixture
def demo(db):
    from dancu.directory.demo import load as directory_demo
    from dancu.petitions.demo import load as petitions_demo

    if not PetitionRule.objects.exists():
        seed_rules()
    directory_demo()
    petitions_demo()
    return User.objects.get(username="admin")


def test_the_demo_makes_every_kind_of_document_and_each_follows_decree_30(demo):
    samples = {s.slug: s for s in previews.samples(demo)}
    assert set(samples) == {"petitions-cover-letter", "petitions-synthesis", "petitions-results"}
    assert {slug: s.problems() for slug, s in samples.items()} == {slug: [] for slug in samples}
    for sample in samples.values():
        shape = layout(sample.data)
        assert shape.signer[-1] == HEAD and shape.signer[0] == "CHÁNH VĂN PHÒNG", sample.slug
        assert [line for line in shape.recipients if "Lưu" in line] == shape.recipients[-1:], sample.slug


def test_the_cover_letter_is_a_cong_van_addressed_to_the_agency(demo):
    batch = ForwardingBatch.objects.select_related("agency", "round__province").get()
    shape = layout(reports.cover_letter(batch))
    number_at = next(i for i, line in enumerate(shape.header_left) if line.startswith("Số:"))
    assert shape.header_left[number_at] == "Số: 15/VP-TH"
    assert shape.header_left[number_at + 1] == "V/v chuyển kiến nghị của cử tri"
    assert shape.title == []
    assert shape.addressees == [f"Kính gửi: {HT_AGRI}."]
    assert shape.recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TH."]
    assert shape.signer == ["CHÁNH VĂN PHÒNG", HEAD]


def test_the_deputy_signs_for_the_head_when_the_post_is_vacant(demo):
    Membership.objects.filter(person__full_name=HEAD, post__code="chanh-van-phong").update(
        end_date=datetime.date(2026, 1, 1)
    )
    batch = ForwardingBatch.objects.select_related("agency", "round__province").get()
    assert layout(reports.cover_letter(batch)).signer == [
        "KT. CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
        DEPUTY,
    ]


def test_every_document_opens_in_libreoffice(demo, libreoffice):
    for sample in previews.samples(demo):
        text = libreoffice_text(sample.data)
        assert text is not None and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, sample.slug
        assert HEAD in docx_text(sample.data), sample.slug
