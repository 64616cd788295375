"""Issue 10, finding 3: rotating the seal key.

`manage.py letters_rotate_seal_key` re-seals every sealed identity, visit and attachment and
recomputes the keyed hashes (duplicate detection, public look-up) with the new key, in audited
batches, and resumes where it stopped. Afterwards everything opens with the new key only and
duplicates still match. Without DANCU_SEAL_KEY and outside development, sealing refuses to
run instead of using the public development key.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError

from dancu.core.models import AuditEntry
from dancu.letters import crypto, rotation, selectors, services
from dancu.letters.models import Letter, LetterAttachment, ReceptionVisit

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db

OLD = "the-old-seal-key-of-the-office-0123456789"
NEW = "the-new-seal-key-of-the-office-9876543210"
PNG = b"\x89PNG\r\n\x1a\n" + b"signature" * 8


@pytest.fixture
def old_key(monkeypatch):
    monkeypatch.setenv("DANCU_SEAL_KEY", OLD)
    monkeypatch.delenv("DANCU_SEAL_KEY_OLD", raising=False)


def _rotate_env(monkeypatch):
    monkeypatch.setenv("DANCU_SEAL_KEY", NEW)
    monkeypatch.setenv("DANCU_SEAL_KEY_OLD", OLD)


@pytest.fixture
def sealed_rows(old_key, make_letter, delegation, specialist):
    """Letters of every shape, sealed with the old key."""
    denunciation = make_letter(attachments=[services.Upload("chu-ky.png", PNG, is_signature=True)])
    complaints = [
        make_letter(
            kind="complaint",
            subject=f"Khiếu nại số {i}",
            identity=services.Identity(name=f"Người Khiếu Nại {i}", phone=f"09130000{i:02d}"),
        )
        for i in range(4)
    ]
    anonymous = make_letter(kind="petition", is_anonymous=True, subject="Kiến nghị không tên")
    public = services.letter_submit_public(
        receiving_body_id=delegation.pk,
        kind="petition",
        subject="Kiến nghị trực tuyến",
        content="Nội dung kiến nghị",
        identity=services.Identity(name="Công Dân Mạng", address="Hà Tĩnh", phone="0977 123 456"),
    ).letter
    day = services.reception_day_create(actor=specialist, body=delegation, date=datetime.date(2026, 3, 2))
    visit = services.visit_record(
        actor=specialist,
        reception_day=day,
        kind="denunciation",
        citizens=services.Citizens(names=[SECRET_NAME], phone="0912 345 678"),
        content="Tố cáo tại buổi tiếp",
    )
    return {
        "denunciation": denunciation,
        "complaints": complaints,
        "anonymous": anonymous,
        "public": public,
        "visit": visit,
    }


def test_rotation_resumes_and_leaves_everything_on_the_new_key(
    monkeypatch, sealed_rows, make_letter, office_admin
):
    old_id = crypto.key_id(OLD.encode())
    assert set(Letter.objects.values_list("seal_key", flat=True)) == {old_id}
    _rotate_env(monkeypatch)
    new_id = crypto.key_id(NEW.encode())

    # Two batches of two letters, then stop (as if interrupted by the operator).
    call_command("letters_rotate_seal_key", batch_size=2, max_batches=2)
    assert Letter.objects.filter(seal_key=new_id).count() == 4
    assert AuditEntry.objects.filter(action="letters.seal_key_rotate").count() == 2

    # A crash in the middle of the third batch: that batch is rolled back, the others stay.
    real = rotation._rotate_letter
    calls = {"n": 0}

    def crash(letter, keys):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real(letter, keys)

    monkeypatch.setattr(rotation, "_rotate_letter", crash)
    with pytest.raises(RuntimeError):
        call_command("letters_rotate_seal_key", batch_size=2)
    assert Letter.objects.filter(seal_key=new_id).count() == 4
    assert AuditEntry.objects.filter(action="letters.seal_key_rotate").count() == 2
    monkeypatch.setattr(rotation, "_rotate_letter", real)

    # Run again: it resumes with the rows still on the old key, one audit entry per batch.
    call_command("letters_rotate_seal_key", batch_size=2)
    letters = Letter.objects.count()
    batches = -(-(letters - 4) // 2) + 1 + 1  # the remaining letters, the visit, the attachment
    assert AuditEntry.objects.filter(action="letters.seal_key_rotate").count() == 2 + batches
    assert set(Letter.objects.values_list("seal_key", flat=True)) == {new_id}
    assert set(ReceptionVisit.objects.values_list("seal_key", flat=True)) == {new_id}
    assert set(LetterAttachment.objects.values_list("seal_key", flat=True)) == {new_id}
    entry = AuditEntry.objects.filter(action="letters.seal_key_rotate").latest("id")
    assert entry.changes["from_key"] == old_id and entry.changes["to_key"] == new_id
    assert OLD not in str(entry.changes) and NEW not in str(entry.changes)

    # The old key is removed: everything opens with the new key only.
    monkeypatch.delenv("DANCU_SEAL_KEY_OLD")
    denunciation = Letter.objects.get(pk=sealed_rows["denunciation"].pk)
    assert crypto.unseal(denunciation.sealed_identity)["name"] == SECRET_NAME
    with pytest.raises(crypto.SealError):
        crypto.unseal(denunciation.sealed_identity, secret=OLD.encode())
    revealed = services.letter_reveal_identity(
        actor=office_admin, letter=denunciation, reason="Xác minh sau đổi khóa"
    )
    assert revealed["id_number"] == "042190001234"
    visit = ReceptionVisit.objects.get(pk=sealed_rows["visit"].pk)
    assert services.visit_citizens(visit).names == [SECRET_NAME]
    (attachment,) = denunciation.attachments.all()
    download = services.attachment_download(
        actor=office_admin, letter=denunciation, attachment_id=attachment.pk
    )
    assert download.content == PNG and download.filename == "chu-ky.png"
    with pytest.raises(crypto.SealError):
        crypto.unseal_bytes(bytes(attachment.data), secret=OLD.encode())
    # The keyed hashes were recomputed: a new letter of the same person still matches.
    complaint = sealed_rows["complaints"][2]
    again = make_letter(
        kind="complaint",
        subject="Khiếu nại lần hai",
        content="Nội dung hoàn toàn khác",
        target="",
        identity=services.Identity(name="Người Khác Tên", phone="0913 0000 02"),
    )
    proposals = selectors.duplicate_proposals(office_admin, again)
    assert any(p["letter"] == complaint and "phone" in p["reasons"] for p in proposals)
    # ... and the public look-up still opens with the receipt code and the phone's digits.
    public = Letter.objects.get(pk=sealed_rows["public"].pk)
    assert selectors.letter_public_status(receipt_code=public.receipt_code, second_factor="3456")
    # Nothing left: running again does nothing.
    before = AuditEntry.objects.count()
    monkeypatch.setenv("DANCU_SEAL_KEY_OLD", OLD)
    assert rotation.rotate_seal_key()["left"] == 0
    assert AuditEntry.objects.count() == before


def test_the_app_keeps_working_during_a_rotation(monkeypatch, sealed_rows, office_admin):
    """Rows not yet rotated still open (the old key is tried), and the look-up still works."""
    _rotate_env(monkeypatch)
    denunciation = Letter.objects.get(pk=sealed_rows["denunciation"].pk)
    assert services.letter_reveal_identity(
        actor=office_admin, letter=denunciation, reason="Xác minh giữa chừng"
    )
    public = sealed_rows["public"]
    assert selectors.letter_public_status(receipt_code=public.receipt_code, second_factor="3456")


def test_rotation_needs_both_keys_and_refuses_an_unknown_key(monkeypatch, sealed_rows):
    with pytest.raises(CommandError):
        call_command("letters_rotate_seal_key")  # no DANCU_SEAL_KEY_OLD
    monkeypatch.setenv("DANCU_SEAL_KEY_OLD", OLD)
    with pytest.raises(CommandError):
        call_command("letters_rotate_seal_key")  # the same key twice
    # A row sealed with a third key stops the run; its batch writes nothing.
    third = sealed_rows["complaints"][0]
    Letter.objects.filter(pk=third.pk).update(
        seal_key=crypto.key_id(b"a third key"),
        sealed_identity=crypto.seal({"name": "X"}, secret=b"a third key"),
    )
    _rotate_env(monkeypatch)
    with pytest.raises(CommandError):
        call_command("letters_rotate_seal_key", batch_size=500)
    assert not Letter.objects.filter(seal_key=crypto.key_id(NEW.encode())).exists()
    assert not AuditEntry.objects.filter(action="letters.seal_key_rotate").exists()


def test_no_development_key_outside_development(monkeypatch, settings):
    """Without DANCU_SEAL_KEY, a server (DEBUG off, not the test settings) refuses to seal or
    unseal rather than use the public development key."""
    monkeypatch.delenv("DANCU_SEAL_KEY", raising=False)
    token = crypto.seal({"name": SECRET_NAME})  # the test settings allow the development key
    del settings.DANCU_SEAL_ALLOW_DEV_KEY  # a server's settings do not say so
    settings.DEBUG = False
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings.production")
    with pytest.raises(ImproperlyConfigured):
        crypto.seal({"name": SECRET_NAME})
    with pytest.raises(ImproperlyConfigured):
        crypto.unseal(token)
    with pytest.raises(ImproperlyConfigured):
        crypto.keyed_hash("phone", "0912345678")
    settings.DANCU_SEAL_ALLOW_DEV_KEY = False  # explicit, whatever the settings module
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings.test")
    with pytest.raises(ImproperlyConfigured):
        crypto.seal({"name": SECRET_NAME})
    del settings.DANCU_SEAL_ALLOW_DEV_KEY
    settings.DEBUG = True  # a developer's machine
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings.production")
    assert crypto.unseal(crypto.seal({"name": SECRET_NAME}))["name"] == SECRET_NAME
    settings.DEBUG = False
    monkeypatch.setenv("DANCU_SEAL_KEY", NEW)
    assert crypto.unseal(crypto.seal({"name": SECRET_NAME}))["name"] == SECRET_NAME
