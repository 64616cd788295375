"""Issue 12, item 5 on the register: intake and the letter's page use the same engine as the
batch command, with keyed blocking keys stored per letter (never clear text)."""

import importlib
import json

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext

from dancu.letters import duplicate_store, selectors, services
from dancu.letters.matching import blocking_keys, compare
from dancu.letters.models import Letter, LetterMatchKey

pytestmark = pytest.mark.django_db
CONTENT = (
    "Năm 2019, Nhà nước thu hồi 450 m2 đất nông nghiệp của gia đình tôi tại thửa đất số 217, tờ bản đồ "
    "số 12 để làm dự án đường ven biển. Mức bồi thường chỉ 85 nghìn đồng/m2, thấp hơn giá thực tế."
)


@pytest.fixture
def complaint(make_letter):
    def make(**identity):
        defaults = {"name": "Nguyễn Văn Hùng", "address": "Thôn 5, xã Kỳ Hải, huyện Kỳ Anh, tỉnh Hà Tĩnh"}
        return make_letter(
            kind="complaint",
            subject="Khiếu nại bồi thường đất",
            content=identity.pop("content", CONTENT),
            target="Chủ tịch UBND xã Kỳ Hải",
            identity=services.Identity(**{**defaults, **identity}),
        )

    return make


def test_a_registered_letter_keeps_keyed_hashes_only(complaint):
    letter = complaint(phone="0912 345 678", id_number="183456789")
    stored = json.dumps(letter.match_profile).lower()
    assert letter.match_profile["person"]["given"] and letter.match_profile["communes"]
    for clear in ("hung", "nguyen", "0912345678", "183456789", "ky hai", "thon 5"):
        assert clear not in stored
    keys = set(LetterMatchKey.objects.filter(letter=letter).values_list("key", flat=True))
    assert keys == set(blocking_keys(duplicate_store.stored_profile(letter)))
    assert all(len(k) == 17 and k[1:].isalnum() for k in keys)


def test_the_page_proposes_the_variants_citizens_write(complaint, office_admin):
    first = complaint(phone="0912345678", id_number="183456789")
    # Initials, the merged commune, the CCCD instead of the CMND, the phone with +84.
    again = complaint(
        name="Ng. Văn Hùng",
        address="phường Hải Ninh, tỉnh Hà Tĩnh",
        id_number="042075001234",
        phone="+84912345678",
    )
    (proposal,) = selectors.duplicate_proposals(office_admin, again)
    assert proposal["letter"] == first and proposal["person"] and proposal["content"]
    assert "phone" in proposal["reasons"] and "commune" in proposal["reasons"]
    # Without the phone: initials and the old/new commune and the same matter still agree.
    third = complaint(name="NGUYEN VAN HUNG", address="thon 5 phuong Hai Ninh")
    found = {p["letter"]: p for p in selectors.duplicate_proposals(office_admin, third)}
    assert found[first]["person"] and found[first]["content"]


def test_a_namesake_with_another_matter_is_not_proposed(complaint, office_admin):
    complaint(phone="0912345678")
    other = complaint(
        address="Xóm 2, xã Cẩm Duệ, Hà Tĩnh",
        phone="0977111222",
        content="Trang trại nuôi 600 con lợn sát khu dân cư xóm 2 xả nước thải ra kênh tưới, mùi hôi thối.",
    )
    assert selectors.duplicate_proposals(office_admin, other) == []


def test_the_intake_hints_use_the_engine(client, complaint, specialist, delegation):
    first = complaint(phone="0912345678")
    client.force_login(specialist)
    response = client.post(
        reverse("letters:intake_duplicates"),
        {
            "receiving_body": delegation.pk,
            "name": "Ng. Van Hung",
            "address": "phường Hải Ninh",
            "phone": "84-912-345-678",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and first.number in html and gettext("same person") in html
    assert Letter.objects.count() == 1


def test_a_correction_of_the_writer_refreshes_the_keys(complaint, office_admin):
    letter = complaint(phone="0912345678")
    before = set(letter.match_keys.values_list("key", flat=True))
    services.letter_update(
        actor=office_admin,
        letter=letter,
        received_date=letter.received_date,
        channel=letter.channel,
        kind=letter.kind,
        subject=letter.subject,
        content=letter.content,
        target=letter.target,
        identity=services.Identity(phone="0988 777 666"),
    )
    letter.refresh_from_db()
    after = set(letter.match_keys.values_list("key", flat=True))
    assert before != after
    probe = services.Identity(name="Nguyễn Văn Hùng", phone="0988777666")
    assert compare(
        duplicate_store.profile_for(letter, probe.as_dict()), duplicate_store.stored_profile(letter)
    ).same_person


def test_the_migration_backfills_profiles_and_keys(complaint):
    letter = complaint(phone="0912345678")
    expected = set(letter.match_keys.values_list("key", flat=True))
    LetterMatchKey.objects.all().delete()
    Letter.objects.update(match_profile={})
    migration = importlib.import_module("dancu.letters.migrations.0011_match_keys")
    migration.backfill(apps, None)
    letter.refresh_from_db()
    assert letter.match_profile and set(letter.match_keys.values_list("key", flat=True)) == expected


def test_a_profile_made_with_an_older_key_is_rebuilt_for_the_comparison(complaint, monkeypatch):
    letter = complaint(phone="0912345678")
    monkeypatch.setenv("DANCU_SEAL_KEY_OLD", "dancu-DEVELOPMENT-ONLY-seal-key-do-not-use-in-production")
    monkeypatch.setenv("DANCU_SEAL_KEY", "a new key")
    # The row is still sealed with the old key and its profile made with it: the comparison
    # opens the identity (in memory) and hashes it again with the key in force.
    rebuilt = duplicate_store.stored_profile(Letter.objects.get(pk=letter.pk))
    assert rebuilt.key != letter.match_profile["key"]
    probe = duplicate_store.profile_for(letter, {"name": "Nguyễn Văn Hùng", "phone": "0912 345 678"})
    assert compare(probe, rebuilt).same_person


def test_split_items_are_indexed(complaint, office_admin):
    letter = complaint(phone="0912345678")
    items = services.letter_split(actor=office_admin, letter=letter, kinds=["complaint", "petition"])
    for item in items:
        assert item.match_keys.count() == letter.match_keys.count()
