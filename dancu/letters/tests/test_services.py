import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.letters import crypto, selectors, services
from dancu.letters.models import Letter, LetterAttachment, LetterReminder

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20


def _dump_all_tables() -> str:
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if "fts" in table.lower():
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
            for row in cursor.fetchall():
                parts.append(
                    " ".join(
                        bytes(v).decode("latin-1") if isinstance(v, bytes | memoryview) else str(v)
                        for v in row
                    )
                )
    return "\n".join(parts)


def test_identity_is_sealed_everywhere(make_letter):
    letter = make_letter(
        attachments=[services.Upload("chu-ky.png", PNG + SECRET_NAME.encode(), is_signature=True)]
    )
    assert letter.identity_sealed and letter.redacted_name == ""  # not even initials
    dump = _dump_all_tables()
    for secret in (SECRET_NAME, crypto.normalize_name(SECRET_NAME), "042190001234", "0912 345 678", "Thôn 3"):
        assert secret not in dump
    out = StringIO()
    call_command("dumpdata", "letters", "core.auditentry", stdout=out)
    assert SECRET_NAME not in out.getvalue()
    assert "042190001234" not in out.getvalue()
    assert crypto.unseal(Letter.objects.get(pk=letter.pk).sealed_identity)["name"] == SECRET_NAME


def test_seal_detects_tampering_and_wrong_key(monkeypatch):
    token = crypto.seal({"name": SECRET_NAME})
    broken = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    with pytest.raises(Exception):  # noqa: B017,PT011 - SealError or a decoding error
        crypto.unseal(broken)
    monkeypatch.setenv("DANCU_SEAL_KEY", "another key")
    with pytest.raises(crypto.SealError):
        crypto.unseal(token)


def test_reveal_needs_permission_reason_and_is_audited(make_letter, make_user, office, specialist):
    letter = make_letter()
    with pytest.raises(PermissionDenied):
        services.letter_reveal_identity(actor=specialist, letter=letter, reason="cần xác minh")
    leader = make_user("leader", office)
    with pytest.raises(ValidationFailed):
        services.letter_reveal_identity(actor=leader, letter=letter, reason="")
    before = AuditEntry.objects.filter(action="letters.identity_reveal").count()
    data = services.letter_reveal_identity(
        actor=leader, letter=letter, reason="Xác minh để giải quyết tố cáo"
    )
    assert data["name"] == SECRET_NAME
    entry = AuditEntry.objects.filter(action="letters.identity_reveal").latest("id")
    assert AuditEntry.objects.filter(action="letters.identity_reveal").count() == before + 1
    assert entry.changes["reason"] == "Xác minh để giải quyết tố cáo"
    assert SECRET_NAME not in str(entry.changes) + entry.summary


def test_deadlines_stored_on_letter(make_letter):
    letter = make_letter()
    assert letter.deadlines["transfer"] == "2026-02-27"
    assert letter.due_date == datetime.date(2026, 3, 3)  # initial processing
    assert letter.rule_set is not None


def test_bad_attachment_refused_without_partial_record(make_letter, settings):
    n = Letter.objects.count()
    with pytest.raises(ValidationFailed) as exc:
        make_letter(
            attachments=[services.Upload("a.pdf", PDF), services.Upload("virus.pdf", b"MZ\x90\x00evil")]
        )
    assert "virus.pdf" in exc.value.message
    assert Letter.objects.count() == n
    assert LetterAttachment.objects.count() == 0
    settings.DANCU_MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationFailed):
        make_letter(attachments=[services.Upload("big.pdf", PDF + b"0" * 1024 * 1024)])
    letter = make_letter(
        kind="complaint", attachments=[services.Upload("scan.pdf", PDF), services.Upload("x.png", PNG)]
    )
    assert sorted(letter.attachments.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]


def test_representatives_and_eligibility(make_letter):
    with pytest.raises(ValidationFailed):
        make_letter(signer_count=7, representative_count=3)
    with pytest.raises(ValidationFailed):
        make_letter(signer_count=12, representative_count=6)
    assert make_letter(signer_count=12, representative_count=5).signer_count == 12
    anonymous = make_letter(is_anonymous=True)
    assert not anonymous.eligible
    assert len(anonymous.ineligible_reasons) == 2
    assert anonymous.sealed_identity == ""


def test_duplicates_across_bodies_and_transfer_only_once(
    make_letter, standing, agency, specialist, make_user, office
):
    first = make_letter(receiving_body=standing, received_date=datetime.date(2026, 2, 2))
    services.letter_forward(actor=specialist, letter=first, to_body=agency)
    # Same person without diacritics, other phone format, at the sister body.
    second = make_letter(
        identity=services.Identity(name="TRAN THI BI AN", phone="+84 912345678"),
        content="Tố cáo ông Nguyễn Văn Địa chính xã Kỳ Tân lấn chiếm đất rừng phòng hộ",
    )
    # Both are denunciations: the specialist (no reveal right) is told only "a sealed letter".
    proposals = selectors.duplicate_proposals(specialist, second)
    assert proposals[0]["letter"] == first and proposals[0]["sealed"]
    assert not proposals[0]["person"] and not proposals[0]["reasons"]
    proposals = selectors.duplicate_proposals(make_user("leader", office), second)
    assert proposals[0]["letter"] == first
    assert proposals[0]["person"] and proposals[0]["content"]
    services.letter_link_duplicate(actor=specialist, letter=second, other=first)
    with pytest.raises(Conflict) as exc:
        services.letter_forward(actor=specialist, letter=second, to_body=agency)
    assert exc.value.code == "already_forwarded"
    # The result recorded on one is shared with the sister body's letter.
    services.letter_record_result(actor=specialist, letter=first, result="Đã xử lý, buộc tháo dỡ")
    second.refresh_from_db()
    assert second.result == "Đã xử lý, buộc tháo dỡ"
    assert second.status == "resolved"


def test_several_bodies_flag(make_letter, standing):
    a = make_letter(receiving_body=standing)
    b = make_letter()
    a.refresh_from_db()
    assert a.sent_to_several and b.sent_to_several


def test_unrelated_letter_is_not_proposed(make_letter, specialist):
    make_letter()
    other = make_letter(
        kind="petition",
        subject="Kiến nghị sửa đường liên thôn",
        content="Đường liên thôn xuống cấp",
        target="",
        identity=services.Identity(name="Lê Văn Khác", phone="0988000111"),
    )
    assert selectors.duplicate_proposals(specialist, other) == []


def test_actions_and_workflow(make_letter, specialist, make_user, office):
    letter = make_letter(kind="complaint")
    services.letter_transition(
        actor=specialist, letter=letter, action="accept", on=datetime.date(2026, 3, 31)
    )
    letter.refresh_from_db()
    assert letter.deadlines["resolve"] == "2026-05-04"
    assert letter.due_date == datetime.date(2026, 5, 4)
    with pytest.raises(Conflict) as refused:
        services.letter_transition(actor=specialist, letter=letter, action="file")
    assert refused.value.code == "invalid_transition"
    services.letter_record_result(actor=specialist, letter=letter, result="Giải quyết xong")
    services.letter_transition(actor=specialist, letter=letter, action="inform")
    assert Letter.objects.get(pk=letter.pk).status == "informed"
    # Every move is one audit entry named after the workflow action.
    moves = list(
        AuditEntry.objects.filter(target_id=str(letter.pk), action__startswith="letters.letter.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert moves == ["letters.letter.accept", "letters.letter.resolve", "letters.letter.inform"]
    filed = make_letter(kind="petition")
    services.letter_transition(actor=specialist, letter=filed, action="file")
    filed.refresh_from_db()
    assert filed.keep_until == filed.filed_on.replace(year=filed.filed_on.year + 1)
    leader = make_user("leader", office)
    # Retention not ended: the whole batch is refused, nothing is destroyed.
    with pytest.raises(Conflict):
        services.letters_approve_destruction(actor=leader, letter_ids=[filed.pk])
    assert Letter.objects.get(pk=filed.pk).status == "filed"
    Letter.objects.filter(pk=filed.pk).update(keep_until=datetime.date(2020, 1, 1))
    with pytest.raises(PermissionDenied):
        services.letters_approve_destruction(actor=specialist, letter_ids=[filed.pk])
    assert services.letters_approve_destruction(actor=leader, letter_ids=[filed.pk]) == 1
    destroyed = Letter.objects.get(pk=filed.pk)
    assert destroyed.status == "destroyed" and destroyed.sealed_identity == "" and destroyed.content == ""


def test_a_viewer_moves_nothing(make_letter, make_user, office, other_office, agency):
    letter = make_letter()
    for actor in (make_user("viewer", office), make_user("office_admin", other_office)):
        for action in ("accept", "guide", "file"):
            with pytest.raises(PermissionDenied):
                services.letter_transition(actor=actor, letter=letter, action=action)
    # An agency answers only what was forwarded to its own body.
    with pytest.raises(PermissionDenied):
        services.letter_record_result(actor=make_user("agency_responder", agency), letter=letter, result="x")
    with pytest.raises(Conflict):
        services.letter_transition(actor=make_user("specialist", office), letter=letter, action="fly")
    assert Letter.objects.get(pk=letter.pk).status == "received"


def test_destruction_is_all_or_nothing(make_letter, make_user, office, specialist):
    from dancu.letters.workflow import Status

    letters = [make_letter(kind="petition") for _i in range(3)]
    for letter in letters:
        services.letter_transition(actor=specialist, letter=letter, action="file")
    Letter.objects.filter(pk__in=[x.pk for x in letters[:2]]).update(keep_until=datetime.date(2020, 1, 1))
    leader = make_user("leader", office)
    with pytest.raises(Conflict):
        services.letters_approve_destruction(actor=leader, letter_ids=[x.pk for x in letters])
    assert set(Letter.objects.values_list("status", flat=True)) == {Status.FILED}
    with pytest.raises(ValidationFailed):
        services.letters_approve_destruction(actor=leader, letter_ids=[])


def test_extension_and_split(make_letter, specialist):
    letter = make_letter()
    letter = services.letter_extend(actor=specialist, letter=letter)
    assert letter.deadlines["resolve_extended"] == "2026-05-05"
    mixed = make_letter(kind="complaint")
    items = services.letter_split(actor=specialist, letter=mixed, kinds=["complaint", "petition"])
    assert [i.kind for i in items] == ["complaint", "petition"]
    assert items[1].deadlines == {"reception_answer": "2026-03-06"}
    assert items[0].name_hash == mixed.name_hash


def test_reminders_are_idempotent(make_letter):
    make_letter()
    today = datetime.date(2026, 3, 10)
    assert services.send_reminders(today=today) == 1
    assert services.send_reminders(today=today) == 0
    assert LetterReminder.objects.get().kind == "overdue"


def test_reception_day_warnings(delegation, specialist):
    day = services.reception_day_create(
        actor=specialist,
        body=delegation,
        date=datetime.date(2026, 2, 25),
        posted_on=datetime.date(2026, 2, 12),
        deputy_notified_on=datetime.date(2026, 2, 1),
    )
    assert len(day.warnings) == 1  # posted one day late


def test_beat_task_is_declared_and_idempotent(make_letter):
    from dancu.core.modules import beat_schedule
    from dancu.letters import tasks

    BEAT_SCHEDULE = beat_schedule()

    assert BEAT_SCHEDULE["letters-reminders"]["task"] == tasks.send_letter_reminders.name
    make_letter(received_date=datetime.date(2026, 1, 5))
    first = tasks.send_letter_reminders()
    assert first >= 1
    assert tasks.send_letter_reminders() == 0
