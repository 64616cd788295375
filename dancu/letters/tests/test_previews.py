"""Issue 11, item 12 and the acceptance of the issue: every document the letters module
generates (its manifest's samples, from the demo data) follows Decree 30's layout, names a
signer from the directory, and opens in LibreOffice. The same samples are checked with every
module's by tests/test_document_previews.py; this test needs only the directory's and the
letters' demo."""

from __future__ import annotations

import pytest

from dancu.core.documents import docx_text, layout, libreoffice_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def samples():
    from dancu.accounts.models import User
    from dancu.directory.demo import load as load_directory
    from dancu.letters.demo import load as load_letters
    from dancu.letters.previews import samples

    load_directory()
    load_letters()
    return samples(User.objects.get(username="vanphong"))


def test_every_letters_document_follows_decree_30_and_is_signed_by_name(samples):
    assert {s.slug for s in samples} == {
        "letters-transfer-slip",
        "letters-guidance",
        "letters-six-month-report",
    }
    for sample in samples:
        assert sample.problems() == [], sample.slug
        shape = layout(sample.data)
        assert shape.header_left[:2] == ["ĐOÀN ĐBQH VÀ HĐND TỈNH HÀ TĨNH", "VĂN PHÒNG"], sample.slug
        assert shape.signer[-1] == "Nguyễn Văn Hải", sample.slug  # the Office's head in the directory
        assert shape.recipients[-1].startswith("- Lưu: VT"), sample.slug
    guidance = next(s for s in samples if s.slug == "letters-guidance")
    text = docx_text(guidance.data)
    assert "Kính gửi: Bà Lê Thị Bình." in text and "Ủy ban nhân dân tỉnh Hà Tĩnh" in text


def test_every_letters_document_opens_in_libreoffice(samples, libreoffice):
    for sample in samples:
        text = libreoffice_text(sample.data)
        assert text is not None and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, sample.slug
