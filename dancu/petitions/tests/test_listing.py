"""The petition list: capped count, cached rows, and no stale page after a write."""

import pytest
from django.urls import reverse

from dancu.petitions import listing, services
from dancu.petitions.models import Petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def consolidated(pworld):
    return sorted(
        services.consolidate_round(actor=pworld["specialist"], round=pworld["round"]), key=lambda p: p.pk
    )


def test_rows_are_cached_and_a_write_shows_at_once(
    client, pworld, consolidated, django_assert_max_num_queries
):
    client.force_login(pworld["specialist"])
    url = reverse("petitions:petition_list")
    first = client.get(url).content.decode()
    assert consolidated[0].code in first
    # Served again from the cache: session, user, second-factor device and roles only, no
    # petition query.
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
    # A user's edit (through the service, which audits) shows at once: the audit bumps the
    # petitions' data version.
    petition = Petition.objects.get(pk=consolidated[0].pk)
    services.petition_edit(
        actor=pworld["specialist"], petition=petition, text="Đề nghị lắp đèn chiếu sáng đường trục xã (sửa)"
    )
    assert "lắp đèn chiếu sáng đường trục xã (sửa)" in client.get(url).content.decode()
    # So does a removal: a merge deletes the petitions merged into another.
    merged = Petition.objects.get(pk=consolidated[1].pk)
    services.petition_merge(actor=pworld["specialist"], target=petition, sources=[merged])
    assert merged.code not in client.get(url).content.decode()


def test_count_is_capped(client, pworld, consolidated, monkeypatch):
    monkeypatch.setattr(listing.PetitionPaginator, "cap", 1)
    client.force_login(pworld["specialist"])
    page = client.get(reverse("petitions:petition_list")).content.decode()
    assert "Hơn 1 kết quả" in page
    monkeypatch.setattr(listing.PetitionPaginator, "cap", 100)
    page = client.get(reverse("petitions:petition_list") + "?x=1").content.decode()
    assert f"{len(consolidated)} kết quả" in page


def test_htmx_asks_for_the_rows_only(client, pworld, consolidated):
    client.force_login(pworld["specialist"])
    rows = client.get(reverse("petitions:petition_list"), HTTP_HX_REQUEST="true").content.decode()
    assert rows.lstrip().startswith('<div class="table-responsive">') and "<html" not in rows
