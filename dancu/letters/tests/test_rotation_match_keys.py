"""Issue 12, item 5 (privacy) with issue 10's key rotation: the duplicate engine's keyed hashes
(`Letter.match_profile`, `LetterMatchKey`) are recomputed with the new seal key in the same
audited, resumable batches as the re-sealing, and the intake check keeps finding duplicates
before, during and after the rotation. Nothing of the writer is stored in clear.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import call_command

from dancu.core.models import AuditEntry
from dancu.core.text import fold
from dancu.letters import crypto, duplicates, rotation, selectors, services
from dancu.letters.duplicate_store import profile_for
from dancu.letters.matching import blocking_keys
from dancu.letters.models import Letter, LetterMatchKey

pytestmark = pytest.mark.django_db

OLD = "the-old-seal-key-of-the-office-0123456789"
NEW = "the-new-seal-key-of-the-office-9876543210"

WRITER = services.Identity(
    name="Nguyễn Văn Hùng",
    address="Thôn 3, xã Kỳ Tân, huyện Kỳ Anh, tỉnh Hà Tĩnh",
    id_number="042190001234",
    phone="0912 345 678",
)
MATTER = (
    "Năm 2019 UBND xã thu hồi 350 m2 đất vườn của gia đình tôi tại thửa 573, tờ bản đồ số 12 "
    "để làm đường liên thôn nhưng đến nay chưa bồi thường, chưa giao đất tái định cư."
)
# Clear text of the writer that must appear nowhere in the duplicate tables (folded).
CLEAR = ["nguyen", "hung", "ky tan", "ky anh", "thon 3", "912345678", "0912", "345678", "042190001234", "190001234"]


@pytest.fixture
def old_key(monkeypatch):
    monkeypatch.setenv("DANCU_SEAL_KEY", OLD)
    monkeypatch.delenv("DANCU_SEAL_KEY_OLD", raising=False)


@pytest.fixture
def registered(old_key, make_letter):
    """An unrelated letter, then the same writer's letters (one a denunciation, sealed), all
    sealed with the old key (the rotation goes by id: the complaint is rotated last)."""
    other = make_letter(
        kind="petition", subject="Kiến nghị sửa đường", content="Đường trục xã Cẩm Bình xuống cấp nặng.",
        target="UBND xã Cẩm Bình",
        identity=services.Identity(name="Trần Thị Lan", phone="0988 111 222", address="xã Cẩm Bình"),
    )  # fmt: skip
    denunciation = make_letter(
        kind="denunciation", subject="Tố cáo cán bộ địa chính", content="Cán bộ địa chính xã Kỳ Tân "
        "nhận tiền của các hộ để hợp thức hóa đất lấn chiếm tại thửa 881.", identity=WRITER,
    )  # fmt: skip
    complaint = make_letter(
        kind="complaint", subject="Khiếu nại chưa được bồi thường", content=MATTER,
        target="UBND xã Kỳ Tân", identity=WRITER,
    )  # fmt: skip
    return {"complaint": complaint, "denunciation": denunciation, "other": other}


def _rotate_env(monkeypatch):
    monkeypatch.setenv("DANCU_SEAL_KEY", NEW)
    monkeypatch.setenv("DANCU_SEAL_KEY_OLD", OLD)


def _typed_again(user, body):
    """The same writer's matter typed in months later, written differently: initials, no
    diacritics, the merged commune of 1 July 2025 instead of the old commune and district, no
    phone and no ID number (so no older exact hash can find it: only the blocking keys)."""
    return {
        "user": user,
        "receiving_body": body,
        "name": "Ng. Van Hung",
        "address": "thon 3, xa Ky Anh, Ha Tinh",  # Kỳ Tân was merged into Kỳ Anh commune
        "subject": "Đơn lần 3",
        "content": "Đơn lần 3. " + MATTER + " Nay UBND xã vẫn chưa trả lời.",
        "target": "UBND xã Kỳ Anh",
    }


def _hinted(hints) -> set[int]:
    return {h["letter"].pk for h in hints}


def _table_contents() -> str:
    keys = list(LetterMatchKey.objects.values_list("key", flat=True))
    profiles = [json.dumps(p) for p in Letter.objects.values_list("match_profile", flat=True)]
    return " ".join(keys + profiles)


def _legacy_candidates(typed: dict, scope) -> list[int]:
    hashes = crypto.identity_hashes(
        name=typed["name"], id_number="", phone="", address=typed["address"]
    )
    signals = duplicates.Signals(**hashes)
    return list(scope.filter(duplicates.candidate_filter(signals)).values_list("pk", flat=True))


def test_rotation_recomputes_the_match_keys_and_duplicates_are_found_across_it(
    monkeypatch, registered, delegation, specialist, office_admin
):
    complaint, denunciation, other = registered["complaint"], registered["denunciation"], registered["other"]
    typed = _typed_again(specialist, delegation)
    before_keys = set(LetterMatchKey.objects.values_list("letter_id", "key"))
    assert {letter for letter, _k in before_keys} == {complaint.pk, denunciation.pk, other.pk}
    # Before the rotation: found (the same person, the same matter), and only by the blocking
    # keys: the older exact hashes (name as typed, address as typed) do not find it.
    assert complaint.pk in _hinted(selectors.intake_duplicate_hints(**typed))
    assert _legacy_candidates(typed, Letter.objects.all()) == []

    _rotate_env(monkeypatch)
    old_id, new_id = crypto.key_id(OLD.encode()), crypto.key_id(NEW.encode())

    # During the rotation (one batch of one letter done, the complaint not yet): the intake
    # probe with the new key also looks under the old key's blocking keys.
    call_command("letters_rotate_seal_key", batch_size=1, max_batches=1)
    assert Letter.objects.get(pk=complaint.pk).seal_key == old_id
    assert complaint.pk in _hinted(selectors.intake_duplicate_hints(**typed))
    # ... and a letter registered now (profile on the new key) proposes the old one on its page.
    again = services.letter_create(
        actor=specialist, receiving_body=delegation, received_date=complaint.received_date,
        channel="post", kind="complaint", subject="Đơn lần 3", content=typed["content"],
        target=typed["target"], identity=services.Identity(name="Ng. Van Hung", address=typed["address"]),
    )  # fmt: skip
    assert complaint.pk in {p["letter"].pk for p in selectors.duplicate_proposals(office_admin, again)}

    # The rest of the rotation, in batches of two, each audited with its keys.
    call_command("letters_rotate_seal_key", batch_size=2)
    assert set(Letter.objects.values_list("seal_key", flat=True)) == {new_id}
    entries = AuditEntry.objects.filter(action="letters.seal_key_rotate", target_type="letters.letter")
    # (the letter registered during the rotation was indexed with the new key at intake)
    rotated_keys = LetterMatchKey.objects.exclude(letter_id=again.pk).count()
    assert sum(e.changes["match_keys_written"] for e in entries) == rotated_keys
    assert all(e.changes["match_keys_removed"] > 0 for e in entries)

    # Every key and profile is now the new key's: none of the old ones is left, and they are
    # exactly what the engine computes with the new key from the sealed identity.
    monkeypatch.delenv("DANCU_SEAL_KEY_OLD")
    after_keys = set(LetterMatchKey.objects.values_list("letter_id", "key"))
    assert not {k for _l, k in after_keys} & {k for _l, k in before_keys}
    for letter in Letter.objects.all():
        assert letter.match_profile["key"] == new_id
        identity = crypto.unseal(letter.sealed_identity) if letter.sealed_identity else {}
        expected = blocking_keys(profile_for(letter, identity))
        assert sorted(k for pk, k in after_keys if pk == letter.pk) == expected

    # After the rotation: the letters sealed before it are found for a new letter, by the new
    # key alone; the unrelated letter is not.
    monkeypatch.setattr(crypto, "old_secret", lambda: None)
    hints = selectors.intake_duplicate_hints(**typed)
    assert complaint.pk in _hinted(hints) and other.pk not in _hinted(hints)
    assert _legacy_candidates(typed, Letter.objects.exclude(pk=again.pk)) == []

    # No clear text of the writer anywhere in the duplicate tables, before or after.
    stored = fold(_table_contents())
    for clear in CLEAR:
        assert clear not in stored, clear
    assert all(re.fullmatch(r"[a-z][0-9a-f]{16}", k) for _l, k in after_keys)


def test_a_destroyed_letter_keeps_no_match_keys_after_a_rotation(monkeypatch, registered):
    other = registered["other"]
    Letter.objects.filter(pk=other.pk).update(
        destruction_approved_on=other.received_date, sealed_identity="", content="", match_profile={}
    )
    _rotate_env(monkeypatch)
    rotation.rotate_seal_key()
    assert not LetterMatchKey.objects.filter(letter_id=other.pk).exists()
    assert Letter.objects.get(pk=other.pk).match_profile == {}
    assert LetterMatchKey.objects.filter(letter_id=registered["complaint"].pk).exists()
