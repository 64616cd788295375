"""Every kind of document the modules generate (their manifests' `documents` samples, built
from the demo data) follows Decree 30's layout, opens in LibreOffice, and has page 1 rendered
to PNG in var/previews/ so a person can look at it (make docs-preview does the same)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dancu.core.documents import first_page_png, libreoffice_text
from dancu.core.modules import hooks

pytestmark = pytest.mark.django_db(transaction=True)
PREVIEWS = Path(__file__).resolve().parent.parent / "var" / "previews"


@pytest.fixture
def samples(demo_data):
    from dancu.accounts.models import User

    admin = User.objects.get(username="admin")
    found = [(manifest.name, sample) for manifest, make in hooks("documents") for sample in make(admin)]
    assert {name for name, _s in found} == {m.name for m, _h in hooks("documents")}, "every module has samples"
    return found


@pytest.fixture
def demo_data(transactional_db):
    from dancu.petitions.tests.factories import seed_rules
    from dancu.web.demo import load_demo

    seed_rules()  # a transactional test's flush empties the rule tables the migrations seed
    return load_demo()


def test_every_generated_document_follows_decree_30(samples):
    problems = {sample.slug: sample.problems() for _name, sample in samples}
    assert not {slug: p for slug, p in problems.items() if p}, problems


def test_every_generated_document_opens_in_libreoffice_and_renders(samples, libreoffice):
    PREVIEWS.mkdir(parents=True, exist_ok=True)
    for _name, sample in samples:
        text = libreoffice_text(sample.data)
        assert text is not None and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, sample.slug
        png = first_page_png(sample.data)
        assert png is not None and png.startswith(b"\x89PNG"), sample.slug
        (PREVIEWS / f"{sample.slug}.png").write_bytes(png)
