"""Writes on letters: intake (staff and public), identity reveal, duplicates, the workflow
steps, reception days and visits, reminders.

Every function checks permission, validates, writes, and records an audit entry in one
transaction (the audit entry also invalidates the module's cached pages). Every status change
goes through `letter_transition` (and `workflow.FLOW.apply`). Identities are sealed before they
reach the database and never appear in audit entries.

`actor` is the signed-in `User` doing the work; the public intake has no actor (its audit
entries name the online form) and the reminder task writes as the system.
"""

from __future__ import annotations

import datetime
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dancu.core.access import Access, get_access
from dancu.core.audit import audit_record
from dancu.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dancu.core.files import DOCX, JPEG, PDF, PNG, FileRejected, Kind, check_file, stored_name
from dancu.core.text import clean_text, fold, normalize_spaces
from dancu.directory.models import Body

from . import crypto, duplicate_store, duplicates
from .errors import LetterError
from .models import (
    Channel,
    Competence,
    Field,
    Letter,
    LetterAttachment,
    LetterKind,
    LetterMatchKey,
    LetterReminder,
    ReceptionDay,
    ReceptionVisit,
)
from .permissions import LetterPerm, can_download_attachments, can_reveal, is_sealed, require
from .rules import compute_deadlines, retention_until, rule_set_for, schedule_deadlines
from .selectors import (
    RECEIVING_KINDS,
    existing_bodies,
    group_already_forwarded,
    letter_deletion_blocker,
    letter_group,
    public_receiving_bodies,
    reception_day_deletion_blocker,
    sister_body,
    visit_deletion_blocker,
)
from .workflow import FLOW, OPEN_STATUSES, Status

if TYPE_CHECKING:
    from dancu.accounts.models import User

MAX_ATTACHMENTS = 10
# The kinds of file a letter may carry (scans, photos, a typed letter): checked by content.
ATTACHMENT_KINDS = (PDF, DOCX, JPEG, PNG)
# A second letter with the same content reaching the sister body within this many days is
# taken as "sent to several bodies at once".
SEVERAL_BODIES_WINDOW_DAYS = 15
# Who the audit names for a letter sent through the public form (no signed-in user) and for
# the reminder task: written in the language of the request (the audit's actor name), so the
# catalog can say "Công dân (qua cổng gửi đơn trực tuyến)", "Hệ thống (nhắc hạn)".
PUBLIC_ACTOR = gettext_lazy("A citizen, through the online letter form")
SYSTEM_ACTOR = gettext_lazy("The system (deadline reminders)")


@dataclass
class Identity:
    name: str = ""
    address: str = ""
    id_number: str = ""
    phone: str = ""
    birth_year: str = ""
    # "Ông" / "Bà" as the writer signs (empty: unknown); how a letter to the writer addresses them.
    salutation: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned().__dict__.items() if v}

    def cleaned(self) -> Identity:
        """Without control characters nor surrounding spaces (whatever the caller)."""
        return Identity(**{k: clean_text(v or "").strip() for k, v in self.__dict__.items()})


@dataclass
class Upload:
    filename: str
    data: bytes
    is_signature: bool = False


@dataclass
class Eligibility:
    in_vietnamese: bool = True
    has_date: bool = True
    has_name_address: bool = True
    has_signature: bool = True
    has_required_content: bool = True
    extra: list[str] = field(default_factory=list)


def _invalid(message: str, code: LetterError, field_name: str | None = None) -> ValidationFailed:
    return ValidationFailed(message, code=code, details={"field": field_name} if field_name else None)


def _today() -> datetime.date:
    return timezone.localdate()


# -- intake ------------------------------------------------------------------------------------


def _validate_uploads(uploads: list[Upload]) -> list[tuple[Upload, Kind]]:
    """Every file checked by content (core.files.check_file: PDF, DOCX, JPEG or PNG, no web
    page or script inside, the size of settings.DANCU_MAX_UPLOAD_MB) before anything is written."""
    if len(uploads) > MAX_ATTACHMENTS:
        raise _invalid(
            _("At most %(n)s attachments per letter.") % {"n": MAX_ATTACHMENTS},
            LetterError.TOO_MANY_ATTACHMENTS,
            "attachments",
        )
    checked = []
    for upload in uploads:
        try:
            kind = check_file(io.BytesIO(upload.data), kinds=ATTACHMENT_KINDS)
        except FileRejected as exc:
            raise _invalid(
                f"{upload.filename}: {exc.message}", LetterError.ATTACHMENT_TYPE, "attachments"
            ) from exc
        checked.append((upload, kind))
    return checked


def eligibility_reasons(kind: str, is_anonymous: bool, e: Eligibility) -> list[str]:
    """Why a letter is not eligible under Circular 05/2021 Art. 6(2) (empty: eligible)."""
    reasons = []
    if not e.in_vietnamese:
        reasons.append(_("Not written in Vietnamese and no notarised translation."))
    if not e.has_date:
        reasons.append(_("The letter is not dated."))
    if not e.has_name_address or is_anonymous:
        reasons.append(_("The writer's name and address are missing."))
    if not e.has_signature:
        reasons.append(_("The letter is neither signed nor fingerprinted."))
    if not e.has_required_content:
        reasons.append(_("The letter lacks the content its kind requires."))
    if is_anonymous and kind == LetterKind.DENUNCIATION:
        reasons.append(
            _("An anonymous letter is not processed as a denunciation (Denunciations Law Art. 25).")
        )
    reasons.extend(e.extra)
    return reasons


def check_representatives(signer_count: int, representative_count: int) -> None:
    """Citizen Reception Law Art. 29: 5-10 signers choose 1-2 representatives, more than 10 up to 5."""
    if signer_count < 1:
        raise _invalid(_("A letter has at least one signer."), LetterError.SIGNERS, "signer_count")
    if 5 <= signer_count <= 10 and not 1 <= representative_count <= 2:
        raise _invalid(
            _("A letter signed by 5 to 10 people has 1 or 2 representatives."),
            LetterError.REPRESENTATIVES,
            "representative_count",
        )
    if signer_count > 10 and not 1 <= representative_count <= 5:
        raise _invalid(
            _("A letter signed by more than 10 people has up to 5 representatives."),
            LetterError.REPRESENTATIVES,
            "representative_count",
        )


def _check_intake(
    *, receiving_body: Body, kind: str, channel: str, subject: str, received_date: datetime.date
) -> str:
    """The checks every letter passes, staff or public; returns the cleaned subject."""
    if receiving_body.kind not in RECEIVING_KINDS:
        raise _invalid(
            _("Letters are received by the National Assembly delegation or the Standing Committee."),
            LetterError.NOT_A_RECEIVING_BODY,
            "receiving_body",
        )
    if kind not in LetterKind.values:
        raise _invalid(_("Unknown letter kind."), LetterError.UNKNOWN_KIND, "kind")
    if channel not in Channel.values:
        raise _invalid(_("Unknown channel."), LetterError.UNKNOWN_CHANNEL, "channel")
    subject = normalize_spaces(clean_text(subject or ""))
    if not subject:
        raise _invalid(_("The subject is required."), LetterError.SUBJECT_REQUIRED, "subject")
    if received_date > _today():
        raise _invalid(
            _("The received date cannot be in the future."), LetterError.FUTURE_DATE, "received_date"
        )
    return subject


def _apply_identity(letter: Letter, identity: Identity, *, sealed: bool) -> None:
    """Seal the identity and compute its keyed hashes. A sealed writer (a denouncer) keeps no
    part of the name in clear, not even initials: `redacted_name` stays empty."""
    identity = identity.cleaned()
    letter.identity_sealed = sealed
    letter.sealed_identity = crypto.seal(identity.as_dict()) if identity.as_dict() else ""
    letter.seal_key = crypto.key_id()
    letter.redacted_name = "" if sealed else crypto.redact_name(identity.name)
    hashes = crypto.identity_hashes(
        name=identity.name, id_number=identity.id_number, phone=identity.phone, address=identity.address
    )
    for column, value in hashes.items():
        setattr(letter, column, value)
    letter.match_profile = duplicate_store.profile_for(letter, identity.as_dict()).stored()


# Which deadline matters in each state (the first of these the letter has).
DUE_BY_STATUS: dict[str, tuple[str, ...]] = {
    Status.RECEIVED: ("initial_processing", "transfer", "accept", "reception_answer"),
    Status.ACCEPTED: ("resolve_extended", "resolve", "reception_answer"),
    Status.FORWARDED: ("resolve_extended", "resolve", "reception_answer"),
    Status.RESOLVED: ("citizen_inform",),
}


def next_due(letter: Letter, status: str | None = None) -> datetime.date | None:
    """The next due date of `letter` in `status` (by default its current status)."""
    for name in DUE_BY_STATUS.get(status or letter.status, ()):
        if name in letter.deadlines:
            return datetime.date.fromisoformat(letter.deadlines[name])
    return None


def _recompute(letter: Letter, status: str | None = None) -> list[str]:
    """Compute every deadline of the letter (rule set of its received date) and its next due
    date in `status`; returns the fields written."""
    rs = letter.rule_set or rule_set_for(letter.received_date)
    letter.rule_set = rs
    deadlines = compute_deadlines(
        kind=letter.kind,
        received=letter.received_date,
        remote=letter.is_remote,
        complex_case=letter.is_complex,
        extensions=letter.extensions,
        accepted=letter.accepted_on,
        resolved=letter.result_on,
        rule_set=rs,
    )
    letter.deadlines = {name: day.isoformat() for name, day in deadlines.items()}
    letter.due_date = next_due(letter, status)
    return ["rule_set", "deadlines", "due_date"]


def _new_receipt_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        code = "TD-" + "".join(secrets.choice(alphabet) for _ in range(8))
        if not Letter.objects.filter(receipt_code=code).exists():
            return code


def second_factor_of(identity: Identity) -> str:
    digits = crypto.normalize_phone(identity.phone)
    return digits[-4:] if len(digits) >= 4 else crypto.normalize_digits(identity.birth_year)


def _new_letter(
    *,
    receiving_body: Body,
    received_date: datetime.date,
    channel: str,
    kind: str,
    subject: str,
    content: str,
    target: str,
    reasons: list[str],
    **more: Any,
) -> Letter:
    """An unsaved letter in the workflow's initial state, with the fields every intake sets."""
    content = clean_text(content or "")
    target = normalize_spaces(clean_text(target or ""))
    return Letter(
        province=receiving_body.province,
        receiving_body=receiving_body,
        received_date=received_date,
        channel=channel,
        kind=kind,
        subject=subject,
        content=content,
        target=target,
        content_folded=fold(f"{subject} {content}"),
        target_key=fold(target)[:300],
        eligible=not reasons,
        ineligible_reasons=reasons,
        status=FLOW.initial,
        **more,
    )


def _store_attachment(letter: Letter, upload: Upload, kind: Kind, number: int) -> LetterAttachment:
    """Store one checked file under a safe name; sealed (encrypted, with a neutral visible
    name) when the letter's identity is sealed or the file is a signature scan."""
    name = stored_name(upload.filename, kind)
    sealed = letter.identity_sealed or upload.is_signature
    attachment = LetterAttachment(
        letter=letter,
        content_type=kind.content_type,
        size=len(upload.data),
        is_sealed=sealed,
        seal_key=crypto.key_id() if sealed else "",
    )
    if sealed:
        attachment.filename = f"tep_dinh_kem_{number}.{kind.extension}"
        attachment.sealed_name = crypto.seal({"name": name})
        attachment.data = crypto.seal_bytes(upload.data)
    else:
        attachment.filename = name
        attachment.data = upload.data
    attachment.save()
    return attachment


def _save_new(
    actor: Any,
    letter: Letter,
    identity: Identity,
    attachments: list[tuple[Upload, Kind]],
    *,
    sealed: bool,
) -> Letter:
    """Seal the identity, compute the deadlines, give the receipt code and the register
    number, store the attachments, flag a letter sent to both bodies, audit."""
    _apply_identity(letter, identity, sealed=sealed)
    _recompute(letter)
    letter.receipt_code = _new_receipt_code()
    factor = second_factor_of(identity.cleaned())
    letter.lookup_hash = crypto.lookup_hash(letter.receipt_code, factor) if factor else ""
    letter.save()
    letter.number = f"{letter.received_date:%Y}/{letter.pk}"
    letter.save(update_fields=["number"])
    duplicate_store.save_keys(letter, new=True)
    for number, (upload, kind) in enumerate(attachments, start=1):
        _store_attachment(letter, upload, kind, number)
    several_with = _flag_several_bodies(letter)
    audit_record(
        actor=actor,
        action="letters.letter_create",
        target=letter,
        province_code=letter.province.code,
        summary=_("Letter %(number)s received") % {"number": letter.number},
        changes={
            "kind": letter.kind,
            "channel": letter.channel,
            "receiving_body": letter.receiving_body_id,
            "eligible": letter.eligible,
            "identity_sealed": letter.identity_sealed,
            "attachments": len(attachments),
            "sent_to_several_with": several_with,
        },
    )
    return letter


@transaction.atomic
def letter_create(
    *,
    actor: User,
    receiving_body: Body,
    received_date: datetime.date,
    channel: str,
    kind: str,
    subject: str,
    content: str = "",
    target: str = "",
    letter_field: str = Field.OTHER,
    identity: Identity | None = None,
    is_anonymous: bool = False,
    signer_count: int = 1,
    representative_count: int = 0,
    eligibility: Eligibility | None = None,
    competence: str = Competence.UNKNOWN,
    is_remote: bool = False,
    is_complex: bool = False,
    reception_day: ReceptionDay | None = None,
    attachments: list[Upload] | None = None,
    parent: Letter | None = None,
    sealed: bool = False,
) -> Letter:
    """Register a letter received by the delegation or the Standing Committee (Office staff
    with `letters.handle` in the body's province).

    Computes the deadlines of the rule set in force on the received date, seals the identity,
    and flags the letter when the same content reached the sister body at about the same time.
    A denunciation's writer is always sealed (also `sealed=True`: a letter of a sealed person).
    Attachments are checked before anything is written: a bad file leaves no record.
    """
    require(get_access(actor), LetterPerm.HANDLE, receiving_body.province_id)
    subject = _check_intake(
        receiving_body=receiving_body,
        kind=kind,
        channel=channel,
        subject=subject,
        received_date=received_date,
    )
    check_representatives(signer_count, representative_count)
    identity = Identity() if is_anonymous else identity or Identity()
    checked = _validate_uploads(attachments or [])
    e = eligibility or Eligibility()
    letter = _new_letter(
        receiving_body=receiving_body,
        received_date=received_date,
        channel=channel,
        kind=kind,
        subject=subject,
        content=content,
        target=target,
        reasons=eligibility_reasons(kind, is_anonymous, e),
        reception_day=reception_day,
        field=letter_field,
        parent=parent,
        is_anonymous=is_anonymous,
        signer_count=signer_count,
        representative_count=representative_count,
        in_vietnamese=e.in_vietnamese,
        has_date=e.has_date,
        has_name_address=e.has_name_address,
        has_signature=e.has_signature,
        has_required_content=e.has_required_content,
        competence=competence,
        is_remote=is_remote,
        is_complex=is_complex,
    )
    sealed = sealed or kind == LetterKind.DENUNCIATION or (parent is not None and is_sealed(parent))
    return _save_new(actor, letter, identity, checked, sealed=sealed)


@dataclass
class Submitted:
    """What the public form's service returns: the letter, and whether this request made it
    (False: the same form was already sent, and this is that letter)."""

    letter: Letter
    created: bool


@transaction.atomic
def letter_submit_public(
    *,
    receiving_body_id: int,
    kind: str,
    subject: str,
    content: str,
    target: str = "",
    identity: Identity,
    attachments: list[Upload] | None = None,
    token: str = "",
) -> Submitted:
    """A letter sent by a citizen through the public form (no sign-in): to an active receiving
    body of any province, received today, online; the writer's name, address and a phone
    number (whose last digits open the status look-up) are required; attachments are checked
    like the staff's. `token` is the form's one-time token: the same form sent twice (a double
    click, two tabs, parallel requests) gives one letter. The caller limits how often one
    address may submit, and checks the form's challenge."""
    token = (token or "")[:64]
    if token:
        existing = Letter.objects.filter(submission_token=token).first()
        if existing is not None:
            return Submitted(existing, created=False)
    body = _public_body(receiving_body_id)
    subject = _check_intake(
        receiving_body=body, kind=kind, channel=Channel.ONLINE, subject=subject, received_date=_today()
    )
    content = clean_text(content or "").strip()
    if not content:
        raise _invalid(_("The content is required."), LetterError.CONTENT_REQUIRED, "content")
    identity = identity.cleaned()
    for value, name in ((identity.name, "name"), (identity.address, "address")):
        if not normalize_spaces(value):
            raise _invalid(
                _("The writer's name and address are missing."), LetterError.IDENTITY_REQUIRED, name
            )
    if len(crypto.normalize_phone(identity.phone)) < 8:
        raise _invalid(
            _("Enter a phone number: its last 4 digits let you look up your letter."),
            LetterError.IDENTITY_REQUIRED,
            "phone",
        )
    checked = _validate_uploads(attachments or [])
    letter = _new_letter(
        receiving_body=body,
        received_date=_today(),
        channel=Channel.ONLINE,
        kind=kind,
        subject=subject,
        content=content,
        target=target,
        reasons=eligibility_reasons(kind, False, Eligibility()),
        submission_token=token or None,
    )
    try:
        with transaction.atomic():  # a parallel request with the same token waits here, then fails
            _save_new(PUBLIC_ACTOR, letter, identity, checked, sealed=kind == LetterKind.DENUNCIATION)
            _notify_online(letter)
    except IntegrityError:
        existing = Letter.objects.filter(submission_token=token).first() if token else None
        if existing is None:
            raise
        return Submitted(existing, created=False)
    return Submitted(letter, created=True)


def _notify_online(letter: Letter) -> None:
    """A citizen's online letter arrived: the Office's letter staff are told (in-app, e-mail
    after commit), by number only: never the sender, nor the subject of a denunciation."""
    from django.urls import reverse

    from dancu.notifications import services as notifications

    title = _("A new online letter arrived: %(n)s") % {"n": letter.number or f"#{letter.pk}"}
    province_id = letter.province_id
    notifications.notify_after_commit(
        event=notifications.EVENT_ONLINE_LETTER,
        recipients=lambda: notifications.users_with(LetterPerm.HANDLE, province_id),
        title=title,
        body="" if letter.kind == LetterKind.DENUNCIATION else letter.subject[:300],
        url=reverse("letters:letter_detail", args=[letter.pk]),
        dedupe_key=f"letters.online:{letter.pk}",
        province_id=letter.province_id,
    )


def _public_body(body_id: int) -> Body:
    body = public_receiving_bodies().filter(pk=body_id).first()
    if body is None:
        raise _invalid(
            _("Letters are received by the National Assembly delegation or the Standing Committee."),
            LetterError.NOT_A_RECEIVING_BODY,
            "receiving_body",
        )
    return body


def _flag_several_bodies(letter: Letter) -> int | None:
    """Flag `letter` and the sister body's letter of the same person and content received
    about the same time; returns that letter's id."""
    sister = sister_body(letter.receiving_body)
    if sister is None:
        return None
    window = datetime.timedelta(days=SEVERAL_BODIES_WINDOW_DAYS)
    scope = Letter.objects.filter(
        receiving_body=sister,
        received_date__gte=letter.received_date - window,
        received_date__lte=letter.received_date + window,
    )
    for found in duplicates.propose(scope, duplicates.signals_of(letter), exclude_id=letter.pk):
        if found["person"] and found["content"]:
            letter.sent_to_several = True
            Letter.objects.filter(pk__in=[letter.pk, found["letter"].pk]).update(sent_to_several=True)
            return found["letter"].pk
    return None


# -- changes that are not status moves ---------------------------------------------------------


def _locked(letter: Letter) -> Letter:
    """The letter's row, locked for this transaction, with what the steps and audit read."""
    return (
        Letter.objects.select_for_update(of=("self",))
        .select_related("province", "receiving_body", "rule_set")
        .get(pk=letter.pk)
    )


def _handled(actor: User, letter: Letter) -> Letter:
    """Check `letters.handle` in the letter's province, then lock the letter."""
    require(get_access(actor), LetterPerm.HANDLE, letter.province_id)
    return _locked(letter)


def _save_audited(
    actor: Any,
    letter: Letter,
    fields: list[str],
    action: str,
    summary: str,
    changes: dict[str, Any] | None = None,
) -> Letter:
    letter.save(update_fields=[*fields, "updated_at"])
    audit_record(
        actor=actor,
        action=action,
        target=letter,
        province_code=letter.province.code,
        summary=summary,
        changes=changes or {},
    )
    return letter


# Fields an item split from a letter does not inherit.
SPLIT_RESET = {
    "id",
    "kind",
    "parent_id",
    "receipt_code",
    "lookup_hash",
    "submission_token",
    "rule_set_id",
    "status",
    "number",
    "created_at",
    "updated_at",
}


@transaction.atomic
def letter_split(*, actor: User, letter: Letter, kinds: list[str]) -> list[Letter]:
    """Split a mixed letter into one item per kind (Citizen Reception Law Art. 25(3)); the
    items share the sealed identity and hashes of the letter.

    The seal follows the person: every item of a sealed letter stays sealed whatever its kind,
    and a letter with a denunciation among its items is a denouncer's, so the letter and all
    its items become sealed (no initials kept)."""
    source = _handled(actor, letter)
    if not kinds or any(k not in LetterKind.values for k in kinds):
        raise _invalid(_("Choose the kinds of the items."), LetterError.SPLIT_KINDS, "kinds")
    sealed = is_sealed(source) or LetterKind.DENUNCIATION in kinds
    newly_sealed = sealed and not source.identity_sealed
    if newly_sealed:
        source.identity_sealed = True
        source.redacted_name = ""
        source.save(update_fields=["identity_sealed", "redacted_name", "updated_at"])
        _seal_attachments_of(source)
    inherited = {
        f.attname: getattr(source, f.attname)
        for f in Letter._meta.concrete_fields
        if f.attname not in SPLIT_RESET
    }
    items: list[Letter] = []
    for i, kind in enumerate(kinds, start=1):
        item = Letter(
            **inherited, kind=kind, parent=source, status=FLOW.initial, number=f"{source.number}.{i}"
        )
        item.identity_sealed = sealed
        if sealed:
            item.redacted_name = ""
        _recompute(item)
        item.save()
        duplicate_store.save_keys(item, new=True)
        items.append(item)
    audit_record(
        actor=actor,
        action="letters.letter_split",
        target=source,
        province_code=source.province.code,
        summary=_("Letter split into %(n)s items") % {"n": len(items)},
        changes={
            "kinds": kinds,
            "items": [i.pk for i in items],
            "identity_sealed": sealed,
            "newly_sealed": newly_sealed,
        },
    )
    return items


def _seal_attachments_of(letter: Letter) -> None:
    """Seal the files of a letter whose writer has just become sealed."""
    for attachment in letter.attachments.filter(is_sealed=False):
        attachment.sealed_name = crypto.seal({"name": attachment.filename})
        extension = attachment.filename.rsplit(".", 1)[-1] if "." in attachment.filename else "bin"
        attachment.filename = f"tep_dinh_kem_{attachment.pk}.{extension}"
        attachment.data = crypto.seal_bytes(bytes(attachment.data))
        attachment.is_sealed = True
        attachment.seal_key = crypto.key_id()
        attachment.save(update_fields=["filename", "sealed_name", "data", "is_sealed", "seal_key"])


@transaction.atomic
def letter_reveal_identity(*, actor: User, letter: Letter, reason: str) -> dict[str, str]:
    """Unseal the writer's identity for a designated handler; the reason is audited (and,
    for an item split from another letter, the letter it comes from)."""
    if not can_reveal(get_access(actor), letter):
        raise PermissionDenied(
            _("Only designated handlers may reveal a sealed identity."), code=LetterError.REVEAL_FORBIDDEN
        )
    reason = normalize_spaces(reason)
    if len(reason) < 5:
        raise _invalid(_("Give the reason for revealing the identity."), LetterError.REVEAL_REASON, "reason")
    data = crypto.unseal(letter.sealed_identity, sealed_with=letter.seal_key)
    audit_record(
        actor=actor,
        action="letters.identity_reveal",
        target=letter,
        province_code=letter.province.code,
        summary=_("Identity of letter %(n)s revealed") % {"n": letter.number},
        changes={"reason": reason, "sealed": is_sealed(letter), "split_from": letter.parent_id},
    )
    return data


@dataclass
class Download:
    content: bytes
    filename: str


@transaction.atomic
def attachment_download(*, actor: User, letter: Letter, attachment_id: int) -> Download:
    """One file of a letter, for a user who may reveal its writer's identity (the files carry
    it): unsealed when sealed, and the download audited (personal data)."""
    if not can_download_attachments(get_access(actor), letter):
        raise PermissionDenied(
            _("Only the handlers who may see the writer's identity may open the letter's files."),
            code=LetterError.ATTACHMENT_FORBIDDEN,
        )
    attachment = LetterAttachment.objects.filter(pk=attachment_id, letter_id=letter.pk).first()
    if attachment is None:
        raise NotFound(_("File not found."), code=LetterError.ATTACHMENT_NOT_FOUND)
    if attachment.is_sealed:
        content = crypto.unseal_bytes(bytes(attachment.data), sealed_with=attachment.seal_key)
        name = crypto.unseal(attachment.sealed_name, sealed_with=attachment.seal_key).get("name") or ""
        filename = name or attachment.filename
    else:
        content, filename = bytes(attachment.data), attachment.filename
    audit_record(
        actor=actor,
        action="letters.file.download",
        target=attachment,
        province_code=letter.province.code,
        summary=_("File of letter %(n)s downloaded") % {"n": letter.number},
        changes={"letter": letter.pk, "sealed": attachment.is_sealed},
    )
    return Download(content, filename)


@transaction.atomic
def duplicate_hints_sealed_record(*, actor: User, letter: Letter, sealed_ids: list[int]) -> None:
    """Record that `actor` was told a letter may duplicate sealed letters (without being told
    why): checking a person against sealed letters is itself audited."""
    if not sealed_ids:
        return
    audit_record(
        actor=actor,
        action="letters.duplicate_check_sealed",
        target=letter,
        province_code=letter.province.code,
        summary=_("Possible duplicates of sealed letters shown for letter %(n)s") % {"n": letter.number},
        changes={"sealed_letters": sorted(sealed_ids)},
    )


@transaction.atomic
def letter_link_duplicate(*, actor: User, letter: Letter, other: Letter) -> Letter:
    """Put `letter` into the duplicate group of `other` (both bodies of one province)."""
    letter = _handled(actor, letter)
    if other.province_id != letter.province_id or other.pk == letter.pk:
        raise _invalid(_("These letters cannot be linked."), LetterError.CANNOT_LINK, "other")
    root_id = other.group_root_id
    if letter.group_root_id == root_id:
        return letter
    # Members of the letter's own group follow it.
    followers = list(Letter.objects.filter(duplicate_of_id=letter.pk).values_list("pk", flat=True))
    Letter.objects.filter(pk__in=followers).update(duplicate_of_id=root_id)
    letter.duplicate_of_id = root_id
    if other.receiving_body_id != letter.receiving_body_id:
        window = abs((other.received_date - letter.received_date).days)
        if window <= SEVERAL_BODIES_WINDOW_DAYS and not other.forwarded_on:
            letter.sent_to_several = True
    root = Letter.objects.only("pk", "number", "result", "result_on").get(pk=root_id)
    _save_audited(
        actor,
        letter,
        ["duplicate_of", "sent_to_several"],
        "letters.duplicate_link",
        _("Linked as a duplicate of %(n)s") % {"n": root.number},
        {"root": root_id, "followers": followers},
    )
    # A result already recorded in the group is shared with the new member.
    if root.result and not letter.result:
        m = Move(actor=actor, access=get_access(actor))
        _share_result(m, letter, root.result, root.result_on or _today(), source=root)
    return letter


@transaction.atomic
def letter_extend(*, actor: User, letter: Letter) -> Letter:
    """One more extension of a denunciation's resolution time (Denunciations Law Art. 30)."""
    letter = _handled(actor, letter)
    if letter.kind != LetterKind.DENUNCIATION:
        raise _invalid(
            _("Only a denunciation's resolution time can be extended."), LetterError.NOT_A_DENUNCIATION
        )
    letter.extensions += 1
    fields = ["extensions", *_recompute(letter)]
    return _save_audited(
        actor,
        letter,
        fields,
        "letters.letter_extend",
        _("Resolution time extended"),
        {"extensions": letter.extensions},
    )


@transaction.atomic
def letter_urge(*, actor: User, letter: Letter) -> Letter:
    """Urge the body a letter was forwarded to."""
    letter = _handled(actor, letter)
    if letter.status != Status.FORWARDED:
        raise Conflict(_("Only a forwarded letter can be urged."), code=LetterError.NOT_FORWARDED)
    letter.urge_count += 1
    letter.last_urged_on = _today()
    return _save_audited(
        actor,
        letter,
        ["urge_count", "last_urged_on"],
        "letters.letter_urge",
        _("Urged"),
        {"urge_count": letter.urge_count},
    )


# -- the workflow: every status change -----------------------------------------------------------


@dataclass
class Move:
    """One request to move letters: who asks, and the action's input."""

    actor: Any
    access: Access
    on: datetime.date | None = None
    to_body: Body | None = None
    result: str = ""
    to_name: str = ""  # guidance: a competent body that is not in the directory


@dataclass
class Step:
    """What an action writes besides the status, what the audit says, and what follows."""

    fields: list[str]
    summary: str
    changes: dict[str, Any] = field(default_factory=dict)
    then: Callable[[], None] | None = None


def _accept(letter: Letter, target: str, m: Move) -> Step:
    letter.accepted_on = m.on or _today()
    letter.competence = Competence.OURS  # the deadlines run from the acceptance date
    fields = ["accepted_on", "competence", *_recompute(letter, target)]
    return Step(fields, _("Letter %(n)s accepted") % {"n": letter.number})


def _forward(letter: Letter, target: str, m: Move) -> Step:
    """Circular 05/2021 Art. 14: the same content is transferred only once: when this letter
    or a duplicate of it (in either body) was already forwarded, the transfer is refused."""
    to_body = m.to_body
    if to_body is None:
        raise _invalid(_("Choose the body to forward to."), LetterError.FORWARD_BODY, "to_body")
    done = group_already_forwarded(letter)
    if done is not None:
        raise Conflict(
            _(
                "This content was already forwarded by %(body)s to %(to)s on %(date)s (letter %(n)s): "
                "a letter is transferred only once."
            )
            % {
                "body": done.receiving_body.name,
                "to": done.forwarded_to.name if done.forwarded_to else "",
                "date": f"{done.forwarded_on:%d/%m/%Y}",
                "n": done.number,
            },
            code=LetterError.ALREADY_FORWARDED,
            details={"field": "to_body", "letter": done.pk},
        )
    if to_body.province_id != letter.province_id and not m.access.is_national_admin:
        raise _invalid(_("Choose a body of the province."), LetterError.FORWARD_BODY, "to_body")
    _require_existing(to_body, "to_body")
    letter.forwarded_to = to_body
    letter.forwarded_on = m.on or _today()
    letter.competence = Competence.OTHER
    letter.due_date = next_due(letter, target)
    sister = sister_body(letter.receiving_body)
    return Step(
        ["forwarded_to", "forwarded_on", "competence", "due_date"],
        _("Letter %(n)s forwarded to %(to)s") % {"n": letter.number, "to": to_body.name},
        {"to": to_body.pk, "copy_to": sister.pk if sister else None},
    )


def _require_existing(body: Body, field_name: str) -> None:
    """A body that no longer exists (dissolved, or its unit ended) receives no new work."""
    if not Body.objects.filter(existing_bodies(), pk=body.pk).exists():
        raise _invalid(
            _("%(body)s no longer exists: choose a body that exists today.") % {"body": body.name},
            LetterError.BODY_NO_LONGER_EXISTS,
            field_name,
        )


def _guide(letter: Letter, target: str, m: Move) -> Step:
    """Guidance (Circular 05/2021 Art. 8): the citizen is told which body is competent; that
    body is named (from the directory, or typed when it is not there)."""
    to_name = normalize_spaces(clean_text(m.to_name or ""))[:300]
    if m.to_body is None and not to_name:
        raise _invalid(
            _("Name the competent body the citizen is guided to."), LetterError.GUIDE_BODY, "guided_to"
        )
    if m.to_body is not None:
        if m.to_body.province_id != letter.province_id and not m.access.is_national_admin:
            raise _invalid(_("Choose a body of the province."), LetterError.GUIDE_BODY, "guided_to")
        _require_existing(m.to_body, "guided_to")
    letter.guided_to = m.to_body
    letter.guided_to_name = "" if m.to_body is not None else to_name
    letter.guided_on = m.on or _today()
    letter.due_date = None
    name = m.to_body.name if m.to_body is not None else to_name
    return Step(
        ["guided_to", "guided_to_name", "guided_on", "due_date"],
        _("Citizen guided to %(body)s") % {"body": name},
        {"to": m.to_body.pk if m.to_body is not None else None, "to_name": letter.guided_to_name},
    )


def _closing(date_field: str, summary: Any) -> Callable[[Letter, str, Move], Step]:
    """A step that dates the move and ends the letter's running deadline (guide, inform)."""

    def step(letter: Letter, target: str, m: Move) -> Step:
        setattr(letter, date_field, _today())
        letter.due_date = None
        return Step([date_field, "due_date"], str(summary))

    return step


def _file(letter: Letter, target: str, m: Move) -> Step:
    """File the letter (lưu đơn): kept for the retention period of the rule set."""
    letter.filed_on = _today()
    letter.keep_until = retention_until(
        letter.filed_on, letter.rule_set or rule_set_for(letter.received_date)
    )
    letter.due_date = None
    return Step(
        ["filed_on", "keep_until", "due_date"],
        _("Letter filed until %(d)s") % {"d": f"{letter.keep_until:%d/%m/%Y}"},
    )


def _result(letter: Letter, target: str, m: Move) -> Step:
    """Record the result; it is shared with every duplicate of the letter in both bodies."""
    result = clean_text(m.result or "").strip()
    if not result:
        raise _invalid(_("Describe the result."), LetterError.RESULT_REQUIRED, "result")
    letter.result = result
    letter.result_on = m.on or _today()
    on = letter.result_on
    members = list(
        letter_group(letter)
        .exclude(pk=letter.pk)
        .select_related(None)
        .select_related("province", "rule_set")
        .select_for_update(of=("self",))
        .order_by("pk")
    )

    def share() -> None:
        for member in members:
            _share_result(m, member, result, on, source=letter)

    return Step(
        ["result", "result_on", *_recompute(letter, target)],
        _("Result recorded"),
        {"shared_with": [x.pk for x in members]},
        share,
    )


def _destroy(letter: Letter, target: str, m: Move) -> Step:
    letter.destruction_approved_on = _today()
    letter.sealed_identity = ""
    letter.content = ""
    letter.match_profile = {}  # the writer's keyed hashes go with the identity (and the blocking
    # keys, deleted for the whole batch by letters_approve_destruction)
    return Step(
        ["destruction_approved_on", "sealed_identity", "content", "match_profile"], _("Destruction approved")
    )


STEPS: dict[str, Callable[[Letter, str, Move], Step]] = {
    "accept": _accept,
    "forward": _forward,
    "guide": _guide,
    "file": _file,
    "resolve": _result,
    "answer": _result,
    "inform": _closing("informed_on", gettext_lazy("Citizen informed")),
    "destroy": _destroy,
}
assert set(STEPS) == {a.name for a in FLOW.actions}, "every workflow action has its step"


def _move(m: Move, letter: Letter, action: str, *, check: bool = True) -> Letter:
    """Check the action (permission in the letter's province, object rule, state, guard),
    prepare what it writes, then let the workflow move, save and audit the letter."""
    a = FLOW.check(m.access, letter, action) if check else FLOW.action(action)
    step = STEPS[action](letter, a.target, m)
    FLOW.apply(
        actor=m.actor,
        access=m.access,
        obj=letter,
        action=action,
        summary=step.summary,
        changes=step.changes,
        also_save=step.fields,
        province_code=letter.province.code,
        check=check,
    )
    if step.then is not None:
        step.then()
    return letter


def _share_result(m: Move, member: Letter, result: str, on: datetime.date, *, source: Letter) -> None:
    """Write a result recorded on `source` on another letter of its group: an open letter
    moves to "result recorded" (on behalf of the action already checked on `source`)."""
    member.result = result
    member.result_on = on
    changes = {"shared_from": source.pk}
    if member.status in OPEN_STATUSES:
        FLOW.apply(
            actor=m.actor,
            access=m.access,
            obj=member,
            action="resolve",
            summary=_("Result shared from letter %(n)s") % {"n": source.number},
            changes=changes,
            also_save=["result", "result_on", *_recompute(member, Status.RESOLVED)],
            province_code=member.province.code,
            check=False,
        )
        return
    fields = ["result", "result_on"]
    if member.status == Status.RESOLVED:
        fields += _recompute(member)
    _save_audited(
        m.actor,
        member,
        fields,
        "letters.letter_result_shared",
        _("Result shared from letter %(n)s") % {"n": source.number},
        changes,
    )


@transaction.atomic
def letter_transition(
    *,
    actor: User,
    letter: Letter,
    action: str,
    on: datetime.date | None = None,
    to_body: Body | None = None,
    result: str = "",
    to_name: str = "",
) -> Letter:
    """The one service that moves a letter (workflow.FLOW): accept, forward (`to_body`),
    guide (`to_body` or `to_name`: the competent body), file, resolve / answer (`result`),
    inform, destroy. `on` dates the step (today by default). Returns the letter as saved."""
    FLOW.action(action)  # an unknown action is refused before anything is read
    if action == "destroy":  # destruction is approved as a batch, of one letter here
        letters_approve_destruction(actor=actor, letter_ids=[letter.pk])
        return Letter.objects.get(pk=letter.pk)
    m = Move(actor=actor, access=get_access(actor), on=on, to_body=to_body, result=result, to_name=to_name)
    moved = _move(m, _locked(letter), action)
    if action in ("forward", "answer"):
        _notify_moved(moved, action)
    return moved


def _notify_moved(letter: Letter, action: str) -> None:
    """In-app and e-mail (dancu.notifications, after commit: no query in this transaction): a letter forwarded tells the
    agency's responders; an agency's answer tells the Office's letter staff. No identity."""
    from django.urls import reverse

    from dancu.notifications import services as notifications

    url = reverse("letters:letter_detail", args=[letter.pk])
    if action == "forward" and letter.forwarded_to_id:
        agency_id = letter.forwarded_to_id
        notifications.notify_after_commit(
            event=notifications.EVENT_SENT_TO_AGENCY,
            recipients=lambda: notifications.users_with(LetterPerm.RESPOND, None, body_ids=[agency_id]),
            title=_("Letter %(n)s was forwarded to your agency") % {"n": letter.number or f"#{letter.pk}"},
            body=_("Due %(due)s.") % {"due": f"{letter.due_date:%d/%m/%Y}"} if letter.due_date else "",
            url=url,
            dedupe_key=f"letters.forwarded:{letter.pk}:{letter.forwarded_to_id}",
            province_id=letter.province_id,
        )
    elif action == "answer":
        province_id = letter.province_id
        notifications.notify_after_commit(
            event=notifications.EVENT_ANSWER_ARRIVED,
            recipients=lambda: notifications.users_with(LetterPerm.HANDLE, province_id),
            title=_("An agency answered letter %(n)s") % {"n": letter.number or f"#{letter.pk}"},
            body=letter.result[:500],
            url=url,
            dedupe_key=f"letters.answer:{letter.pk}:{letter.result_on}",
            province_id=letter.province_id,
        )


def letter_forward(*, actor: User, letter: Letter, to_body: Body, on: datetime.date | None = None) -> Letter:
    """Transfer the letter to the competent body, copying the sister body (see `_forward`)."""
    return letter_transition(actor=actor, letter=letter, action="forward", to_body=to_body, on=on)


def letter_guide(
    *,
    actor: User,
    letter: Letter,
    to_body: Body | None = None,
    to_name: str = "",
    on: datetime.date | None = None,
) -> Letter:
    """Guide the citizen to the competent body (`to_body` of the directory, or `to_name`)."""
    return letter_transition(
        actor=actor, letter=letter, action="guide", to_body=to_body, to_name=to_name, on=on
    )


def letter_record_result(
    *, actor: User, letter: Letter, result: str, on: datetime.date | None = None
) -> Letter:
    """The Office records the result (resolve), or the agency the letter was forwarded to
    (answer); it is shared with every duplicate of the letter in both bodies."""
    action = "resolve" if get_access(actor).has(LetterPerm.HANDLE, letter.province_id) else "answer"
    return letter_transition(actor=actor, letter=letter, action=action, result=result, on=on)


@transaction.atomic
def letters_approve_destruction(*, actor: User, letter_ids: list[int]) -> int:
    """The head of the Office approves destroying filed letters whose retention has ended:
    all the chosen letters or none (every one is checked before any is written)."""
    access = get_access(actor)
    require(access, LetterPerm.APPROVE_DESTRUCTION)
    ids = sorted(set(letter_ids))
    if not ids:
        raise _invalid(_("Choose the letters to destroy."), LetterError.NOTHING_SELECTED, "letter")
    qs = Letter.objects.select_for_update(of=("self",)).select_related("province").filter(pk__in=ids)
    letters = list(access.scope(qs, LetterPerm.APPROVE_DESTRUCTION).order_by("pk"))
    if len(letters) != len(ids):
        raise NotFound(_("Letter not found."), code=LetterError.LETTER_NOT_FOUND)
    for letter in letters:
        FLOW.check(access, letter, "destroy")
    m = Move(actor=actor, access=access)
    for letter in letters:
        _move(m, letter, "destroy", check=False)
    LetterAttachment.objects.filter(letter_id__in=ids).delete()
    LetterMatchKey.objects.filter(letter_id__in=ids).delete()
    return len(letters)


# -- reception days and visits -------------------------------------------------------------------


@transaction.atomic
def reception_day_create(
    *,
    actor: User,
    body: Body,
    date: datetime.date,
    place: str = "",
    receiving_delegates: str = "",
    posted_on: datetime.date | None = None,
    deputy_notified_on: datetime.date | None = None,
) -> ReceptionDay:
    """Schedule a reception day; warns when posting or telling the deputy came too late."""
    require(get_access(actor), LetterPerm.HANDLE, body.province_id)
    rs = rule_set_for(date)
    post_due, notify_due = schedule_deadlines(date, rs)
    day = ReceptionDay(
        province_id=body.province_id,
        body=body,
        date=date,
        place=normalize_spaces(clean_text(place)),
        receiving_delegates=normalize_spaces(clean_text(receiving_delegates)),
        posted_on=posted_on,
        deputy_notified_on=deputy_notified_on,
        post_due=post_due,
        notify_due=notify_due,
    )
    day.warnings = _schedule_warnings(day)
    day.save()
    audit_record(
        actor=actor,
        action="letters.reception_day_create",
        target=day,
        province_code=body.province.code,
        summary=str(day),
    )
    return day


def _schedule_warnings(day: ReceptionDay) -> list[str]:
    """Posting the schedule or telling the deputy too late (or not yet)."""
    warnings = []
    if day.post_due and (day.posted_on is None or day.posted_on > day.post_due):
        warnings.append(_("The schedule must be posted by %(d)s.") % {"d": f"{day.post_due:%d/%m/%Y}"})
    if day.notify_due and (day.deputy_notified_on is None or day.deputy_notified_on > day.notify_due):
        warnings.append(_("The deputy must be told by %(d)s.") % {"d": f"{day.notify_due:%d/%m/%Y}"})
    return warnings


@dataclass
class Citizens:
    """The citizens received in one visit: names (the first is the representative) and the
    representative's contact details (always sealed)."""

    names: list[str] = field(default_factory=list)
    address: str = ""
    id_number: str = ""
    phone: str = ""


def _clean_names(names: list[str]) -> list[str]:
    return [n for n in (normalize_spaces(clean_text(x)) for x in names) if n][:50]


def _visit_fields(
    *,
    province_id: int,
    kind: str,
    citizens: Citizens,
    content: str,
    citizen_count: int | None,
    delegates: list[Any] | None,
    result: str,
    follow_up: str,
) -> tuple[dict[str, Any], list[Any]]:
    """The checked columns of a visit (recorded or corrected) and its delegates."""
    if kind not in LetterKind.values:
        raise _invalid(_("Unknown letter kind."), LetterError.UNKNOWN_KIND, "kind")
    content = clean_text(content).strip()
    if not content:
        raise _invalid(_("The content is required."), LetterError.CONTENT_REQUIRED, "content")
    names = _clean_names(citizens.names)
    if not names:
        raise _invalid(_("Enter at least one citizen received."), LetterError.CITIZENS_REQUIRED, "citizens")
    count = citizen_count or len(names)
    if count < len(names):
        raise _invalid(
            _("The number of citizens is smaller than the names entered."),
            LetterError.CITIZEN_COUNT,
            "citizen_count",
        )
    delegates = list(delegates or [])
    if any(p.province_id != province_id for p in delegates):
        raise _invalid(
            _("The delegates must belong to the province."), LetterError.DELEGATES_PROVINCE, "delegates"
        )
    sealed = kind == LetterKind.DENUNCIATION
    details = {
        "names": names,
        "address": clean_text(citizens.address).strip(),
        "id_number": clean_text(citizens.id_number).strip(),
        "phone": clean_text(citizens.phone).strip(),
    }
    fields = {
        "kind": kind,
        "citizens": "" if sealed else "\n".join(names),
        "sealed_citizens": crypto.seal({k: v for k, v in details.items() if v}),
        "seal_key": crypto.key_id(),
        # A denunciation's citizens show no part of their names, not even initials.
        "citizens_redacted": "" if sealed else ", ".join(crypto.redact_name(n) for n in names)[:300],
        "citizen_count": count,
        "content": content,
        "result": clean_text(result).strip(),
        "follow_up": clean_text(follow_up).strip(),
    }
    return fields, delegates


@transaction.atomic
def visit_record(
    *,
    actor: User,
    reception_day: ReceptionDay,
    kind: str,
    citizens: Citizens,
    content: str,
    citizen_count: int | None = None,
    delegates: list[Any] | None = None,
    result: str = "",
    follow_up: str = "",
) -> ReceptionVisit:
    """Record a visit at a reception day. A denunciation's citizens are sealed (encrypted,
    redacted in lists); otherwise their names are kept for the Office, never published."""
    require(get_access(actor), LetterPerm.HANDLE, reception_day.province_id)
    if kind not in LetterKind.values:
        raise _invalid(_("Unknown letter kind."), LetterError.UNKNOWN_KIND, "kind")
    if reception_day.date > _today():
        raise _invalid(_("Visits are recorded on or after the reception day."), LetterError.VISIT_BEFORE_DAY)
    fields, delegates = _visit_fields(
        province_id=reception_day.province_id,
        kind=kind,
        citizens=citizens,
        content=content,
        citizen_count=citizen_count,
        delegates=delegates,
        result=result,
        follow_up=follow_up,
    )
    visit = ReceptionVisit.objects.create(
        province_id=reception_day.province_id, reception_day=reception_day, **fields
    )
    visit.delegates.set(delegates)
    audit_record(
        actor=actor,
        action="letters.visit_record",
        target=visit,
        province_code=reception_day.province.code,
        summary=_("Visit recorded at the reception day %(d)s") % {"d": f"{reception_day.date:%d/%m/%Y}"},
        changes={
            "kind": kind,
            "citizen_count": fields["citizen_count"],
            "delegates": [p.pk for p in delegates],
        },
    )
    return visit


def visit_citizens(visit: ReceptionVisit) -> Citizens:
    data = crypto.unseal(visit.sealed_citizens, sealed_with=visit.seal_key) if visit.sealed_citizens else {}
    return Citizens(
        names=list(data.get("names", [])),
        address=data.get("address", ""),
        id_number=data.get("id_number", ""),
        phone=data.get("phone", ""),
    )


@transaction.atomic
def visit_create_letter(*, actor: User, visit: ReceptionVisit) -> Letter:
    """Register the letter of a visit in one step: prefilled from the visit (kind, content,
    receiving body, date, the representative's sealed identity, signers) and linked to it."""
    visit = (
        ReceptionVisit.objects.select_for_update(of=("self",))
        .select_related("reception_day__body__province")
        .get(pk=visit.pk)
    )
    require(get_access(actor), LetterPerm.HANDLE, visit.province_id)
    if visit.letter_id:
        raise Conflict(
            _("A letter was already registered for this visit."), code=LetterError.VISIT_HAS_LETTER
        )
    day = visit.reception_day
    citizens = visit_citizens(visit)
    count = visit.citizen_count
    representatives = 0
    if count >= 5:
        representatives = max(1, min(len(citizens.names), 2 if count <= 10 else 5))
    first_line = visit.content.strip().splitlines()[0]
    letter = letter_create(
        actor=actor,
        receiving_body=day.body,
        received_date=day.date,
        channel=Channel.RECEPTION_DAY,
        kind=visit.kind,
        subject=first_line[:300],
        content=visit.content,
        identity=Identity(
            name=citizens.names[0] if citizens.names else "",
            address=citizens.address,
            id_number=citizens.id_number,
            phone=citizens.phone,
        ),
        signer_count=count,
        representative_count=representatives,
        reception_day=day,
        sealed=visit.is_sealed,
    )
    visit.letter = letter
    visit.save(update_fields=["letter", "updated_at"])
    audit_record(
        actor=actor,
        action="letters.visit_create_letter",
        target=visit,
        province_code=letter.province.code,
        summary=_("Letter %(n)s registered from a visit") % {"n": letter.number},
        changes={"letter": letter.pk},
    )
    return letter


# -- corrections and deletions (issue 11, item 20) -----------------------------------------------

# The registration data a correction may change (the receiving body, the writer's anonymity
# and the workflow's dates are not corrected here: they follow from the steps taken).
LETTER_EDITABLE = (
    "received_date",
    "channel",
    "reception_day_id",
    "kind",
    "field",
    "subject",
    "content",
    "target",
    "signer_count",
    "representative_count",
    "competence",
    "is_remote",
    "is_complex",
    "in_vietnamese",
    "has_date",
    "has_name_address",
    "has_signature",
    "has_required_content",
)
# Their values are written in the audit entry (never the content, the target nor the identity).
LETTER_AUDITED_VALUES = (
    "received_date",
    "channel",
    "reception_day_id",
    "kind",
    "field",
    "subject",
    "signer_count",
    "representative_count",
    "competence",
    "is_remote",
    "is_complex",
)
# A change of these recomputes the deadlines (the rule set of the received date).
DEADLINE_INPUTS = ("received_date", "kind", "is_remote", "is_complex")


def _reason(reason: str) -> str:
    reason = normalize_spaces(clean_text(reason or ""))
    if len(reason) < 5:
        raise _invalid(_("Say why (at least 5 characters)."), LetterError.DELETE_REASON, "reason")
    return reason[:500]


@transaction.atomic
def letter_update(
    *,
    actor: User,
    letter: Letter,
    received_date: datetime.date,
    channel: str,
    kind: str,
    subject: str,
    content: str = "",
    target: str = "",
    letter_field: str = Field.OTHER,
    signer_count: int = 1,
    representative_count: int = 0,
    eligibility: Eligibility | None = None,
    competence: str = Competence.UNKNOWN,
    is_remote: bool = False,
    is_complex: bool = False,
    reception_day: ReceptionDay | None = None,
    identity: Identity | None = None,
) -> Letter:
    """Correct a registered letter (audited: which fields changed, and the old and new values
    of those that are not personal). The writer's details are corrected only by whoever may
    see them (`can_reveal`); an empty detail keeps the one recorded. The seal follows the
    person: a letter becoming a denunciation is sealed, and a sealed writer stays sealed
    whatever the new kind. Deadlines are recomputed when their inputs change."""
    access = get_access(actor)
    letter = _handled(actor, letter)
    if letter.status == Status.DESTROYED:
        raise Conflict(_("A destroyed letter cannot be corrected."), code=LetterError.LETTER_DESTROYED)
    subject = _check_intake(
        receiving_body=letter.receiving_body,
        kind=kind,
        channel=channel,
        subject=subject,
        received_date=received_date,
    )
    check_representatives(signer_count, representative_count)
    if reception_day is not None and reception_day.province_id != letter.province_id:
        raise _invalid(
            _("Choose a reception day of the province."), LetterError.FORWARD_BODY, "reception_day"
        )
    before = {f: getattr(letter, f) for f in LETTER_EDITABLE}
    e = eligibility or Eligibility(
        letter.in_vietnamese,
        letter.has_date,
        letter.has_name_address,
        letter.has_signature,
        letter.has_required_content,
    )
    content = clean_text(content or "")
    target = normalize_spaces(clean_text(target or ""))
    values = {
        "received_date": received_date,
        "channel": channel,
        "reception_day_id": reception_day.pk if reception_day is not None else None,
        "kind": kind,
        "field": letter_field,
        "subject": subject,
        "content": content,
        "target": target,
        "signer_count": signer_count,
        "representative_count": representative_count,
        "competence": competence,
        "is_remote": is_remote,
        "is_complex": is_complex,
        "in_vietnamese": e.in_vietnamese,
        "has_date": e.has_date,
        "has_name_address": e.has_name_address,
        "has_signature": e.has_signature,
        "has_required_content": e.has_required_content,
    }
    for name, value in values.items():
        setattr(letter, name, value)
    changed = [f for f in LETTER_EDITABLE if getattr(letter, f) != before[f]]
    fields = list(LETTER_EDITABLE)
    letter.content_folded = fold(f"{subject} {content}")
    letter.target_key = fold(target)[:300]
    reasons = eligibility_reasons(kind, letter.is_anonymous, e)
    letter.eligible, letter.ineligible_reasons = not reasons, reasons
    fields += ["content_folded", "target_key", "eligible", "ineligible_reasons"]
    newly_sealed = kind == LetterKind.DENUNCIATION and not letter.identity_sealed
    typed = identity.cleaned().as_dict() if identity is not None else {}
    if typed and letter.is_anonymous:
        raise _invalid(
            _("An anonymous letter has no writer's details."), LetterError.ANONYMOUS_WRITER, "name"
        )
    if typed and not can_reveal(access, letter):
        raise PermissionDenied(
            _("Only the handlers who may see the writer's identity may correct it."),
            code=LetterError.REVEAL_FORBIDDEN,
        )
    if typed or newly_sealed:
        current = (
            crypto.unseal(letter.sealed_identity, sealed_with=letter.seal_key)
            if letter.sealed_identity
            else {}
        )
        merged = Identity(**{k: typed.get(k) or current.get(k, "") for k in Identity.__dataclass_fields__})
        _apply_identity(letter, merged, sealed=letter.identity_sealed or newly_sealed)
        fields += ["identity_sealed", "sealed_identity", "seal_key", "redacted_name"]
        fields += ["name_hash", "id_hash", "phone_hash", "address_hash", "match_profile"]
        if typed:
            changed.append("identity")
        if letter.receipt_code and typed.get("phone"):
            factor = second_factor_of(merged.cleaned())
            letter.lookup_hash = crypto.lookup_hash(letter.receipt_code, factor) if factor else ""
            fields.append("lookup_hash")
    if newly_sealed:
        _seal_attachments_of(letter)
    if not changed and not newly_sealed:
        return letter
    if set(changed) & set(DEADLINE_INPUTS):
        letter.rule_set = None  # the rule set in force on the (new) received date
        fields += _recompute(letter)
        if letter.status not in OPEN_STATUSES | {Status.RESOLVED}:
            letter.due_date = None
    _save_audited(
        actor,
        letter,
        fields,
        "letters.letter_update",
        _("Letter %(n)s corrected") % {"n": letter.number},
        {
            "fields": changed,
            "before": {f: before[f] for f in LETTER_AUDITED_VALUES if f in changed},
            "after": {f: getattr(letter, f) for f in LETTER_AUDITED_VALUES if f in changed},
            "newly_sealed": newly_sealed,
        },
    )
    duplicate_store.save_keys(letter)  # the matter's words and the writer may have changed
    return letter


@transaction.atomic
def letter_delete(*, actor: User, letter: Letter, reason: str) -> None:
    """Delete a letter registered by mistake, before any step was taken on it (with the reason,
    audited); any other letter stays in the register (`selectors.letter_deletion_blocker`
    says why)."""
    letter = _handled(actor, letter)
    blocker = letter_deletion_blocker(letter)
    if blocker:
        raise Conflict(blocker, code=LetterError.NOT_DELETABLE)
    reason = _reason(reason)
    audit_record(
        actor=actor,
        action="letters.letter_delete",
        target=letter,
        province_code=letter.province.code,
        summary=_("Letter %(n)s deleted (registered by mistake)") % {"n": letter.number},
        changes={
            "number": letter.number,
            "kind": letter.kind,
            "received_date": letter.received_date,
            "receiving_body": letter.receiving_body_id,
            "reason": reason,
        },
    )
    letter.delete()


@transaction.atomic
def reception_day_update(
    *,
    actor: User,
    day: ReceptionDay,
    body: Body,
    date: datetime.date,
    place: str = "",
    receiving_delegates: str = "",
    posted_on: datetime.date | None = None,
    deputy_notified_on: datetime.date | None = None,
) -> ReceptionDay:
    """Correct a reception day (audited); its posting and notice deadlines are recomputed. A day
    with visits or letters keeps its body, and cannot move after today."""
    require(get_access(actor), LetterPerm.HANDLE, day.province_id)
    day = ReceptionDay.objects.select_for_update(of=("self",)).select_related("province").get(pk=day.pk)
    require(get_access(actor), LetterPerm.HANDLE, body.province_id)
    used = day.visits.exists() or day.letters.exists()
    if used and body.pk != day.body_id:
        raise _invalid(
            _("Visits or letters were recorded at this reception day: its body cannot change."),
            LetterError.RECEPTION_DAY_CHANGE,
            "body",
        )
    if used and date > _today():
        raise _invalid(
            _(
                "Visits or letters were recorded at this reception day: it cannot move to a later date than today."
            ),
            LetterError.RECEPTION_DAY_CHANGE,
            "date",
        )
    if body.kind not in RECEIVING_KINDS:
        raise _invalid(
            _("Letters are received by the National Assembly delegation or the Standing Committee."),
            LetterError.NOT_A_RECEIVING_BODY,
            "body",
        )
    editable = ("body_id", "date", "place", "receiving_delegates", "posted_on", "deputy_notified_on")
    before = {f: getattr(day, f) for f in editable}
    day.body_id = body.pk
    day.date = date
    day.place = normalize_spaces(clean_text(place))
    day.receiving_delegates = normalize_spaces(clean_text(receiving_delegates))
    day.posted_on, day.deputy_notified_on = posted_on, deputy_notified_on
    changed = [f for f in editable if getattr(day, f) != before[f]]
    if not changed:
        return day
    day.post_due, day.notify_due = schedule_deadlines(date, rule_set_for(date))
    day.warnings = _schedule_warnings(day)
    day.save()
    audit_record(
        actor=actor,
        action="letters.reception_day_update",
        target=day,
        province_code=day.province.code,
        summary=_("Reception day %(d)s corrected") % {"d": f"{day.date:%d/%m/%Y}"},
        changes={
            "fields": changed,
            "before": {f: before[f] for f in changed},
            "after": {f: getattr(day, f) for f in changed},
        },
    )
    return day


@transaction.atomic
def reception_day_delete(*, actor: User, day: ReceptionDay, reason: str) -> None:
    """Delete a reception day scheduled by mistake (none of its visits or letters recorded)."""
    require(get_access(actor), LetterPerm.HANDLE, day.province_id)
    day = ReceptionDay.objects.select_for_update(of=("self",)).select_related("province").get(pk=day.pk)
    blocker = reception_day_deletion_blocker(day)
    if blocker:
        raise Conflict(blocker, code=LetterError.NOT_DELETABLE)
    reason = _reason(reason)
    audit_record(
        actor=actor,
        action="letters.reception_day_delete",
        target=day,
        province_code=day.province.code,
        summary=_("Reception day %(d)s deleted") % {"d": f"{day.date:%d/%m/%Y}"},
        changes={"date": day.date, "body": day.body_id, "place": day.place, "reason": reason},
    )
    day.delete()


@transaction.atomic
def visit_update(
    *,
    actor: User,
    visit: ReceptionVisit,
    kind: str,
    citizens: Citizens,
    content: str,
    citizen_count: int | None = None,
    delegates: list[Any] | None = None,
    result: str = "",
    follow_up: str = "",
) -> ReceptionVisit:
    """Correct a visit (audited, without the citizens' names). Names and contact details left
    empty keep those recorded (a sealed visit's are never shown in the form). A
    denunciation's citizens stay sealed: its kind cannot change to one that is not sealed."""
    require(get_access(actor), LetterPerm.HANDLE, visit.province_id)
    visit = (
        ReceptionVisit.objects.select_for_update(of=("self",))
        .select_related("reception_day__province")
        .get(pk=visit.pk)
    )
    if visit.is_sealed and kind != LetterKind.DENUNCIATION:
        raise _invalid(
            _("The citizens of a denunciation stay sealed: the kind of this visit cannot change."),
            LetterError.VISIT_KIND_SEALED,
            "kind",
        )
    current = visit_citizens(visit)
    merged = Citizens(
        names=_clean_names(citizens.names) or current.names,
        address=citizens.address.strip() or current.address,
        id_number=citizens.id_number.strip() or current.id_number,
        phone=citizens.phone.strip() or current.phone,
    )
    fields, delegates = _visit_fields(
        province_id=visit.province_id,
        kind=kind,
        citizens=merged,
        content=content,
        citizen_count=citizen_count,
        delegates=delegates,
        result=result,
        follow_up=follow_up,
    )
    changed = [
        f
        for f in ("kind", "citizen_count", "content", "result", "follow_up")
        if getattr(visit, f) != fields[f]
    ]
    if merged != current:
        changed.append("citizens")
    old_delegates = set(visit.delegates.values_list("pk", flat=True))
    if old_delegates != {p.pk for p in delegates}:
        changed.append("delegates")
    if not changed:
        return visit
    for name, value in fields.items():
        setattr(visit, name, value)
    visit.save()
    visit.delegates.set(delegates)
    audit_record(
        actor=actor,
        action="letters.visit_update",
        target=visit,
        province_code=visit.reception_day.province.code,
        summary=_("Visit at the reception day %(d)s corrected")
        % {"d": f"{visit.reception_day.date:%d/%m/%Y}"},
        changes={"fields": changed, "kind": kind, "citizen_count": fields["citizen_count"]},
    )
    return visit


@transaction.atomic
def visit_delete(*, actor: User, visit: ReceptionVisit, reason: str) -> None:
    """Delete a visit recorded by mistake (no letter was registered from it)."""
    require(get_access(actor), LetterPerm.HANDLE, visit.province_id)
    visit = (
        ReceptionVisit.objects.select_for_update(of=("self",))
        .select_related("reception_day__province")
        .get(pk=visit.pk)
    )
    blocker = visit_deletion_blocker(visit)
    if blocker:
        raise Conflict(blocker, code=LetterError.NOT_DELETABLE)
    reason = _reason(reason)
    audit_record(
        actor=actor,
        action="letters.visit_delete",
        target=visit,
        province_code=visit.reception_day.province.code,
        summary=_("Visit at the reception day %(d)s deleted") % {"d": f"{visit.reception_day.date:%d/%m/%Y}"},
        changes={"reception_day": visit.reception_day_id, "kind": visit.kind, "reason": reason},
    )
    visit.delete()


# -- documents that carry personal data ------------------------------------------------------------


@transaction.atomic
def letter_guidance_document(*, actor: User, letter: Letter) -> bytes:
    """The guidance letter to the writer (addressed to them by name): only for the handlers who
    may see the writer's identity (a sealed writer: `letters.reveal_identity`), audited."""
    from .documents import guidance_letter

    access = get_access(actor)
    require(access, LetterPerm.HANDLE, letter.province_id)
    if letter.is_anonymous:
        raise Conflict(
            _("An anonymous letter has no writer to send a guidance letter to."),
            code=LetterError.ANONYMOUS_WRITER,
        )
    if not can_reveal(access, letter):
        raise PermissionDenied(
            _("The guidance letter names the writer: only a person who may see this identity may issue it."),
            code=LetterError.DOCUMENT_FORBIDDEN,
        )
    identity = (
        crypto.unseal(letter.sealed_identity, sealed_with=letter.seal_key) if letter.sealed_identity else {}
    )
    data = guidance_letter(letter, identity)
    audit_record(
        actor=actor,
        action="letters.document_guidance",
        target=letter,
        province_code=letter.province.code,
        summary=_("Guidance letter of letter %(n)s issued") % {"n": letter.number},
        changes={"sealed": is_sealed(letter)},
    )
    return data


@transaction.atomic
def intake_hints_sealed_record(*, actor: User, province_code: str, sealed_ids: list[int]) -> None:
    """Record that `actor`, typing a new letter in, was told it may duplicate sealed letters
    (not why): like the hints on a letter's page, checking a person is audited."""
    if not sealed_ids:
        return
    audit_record(
        actor=actor,
        action="letters.duplicate_check_sealed",
        target_type="letters.letter",
        province_code=province_code,
        summary=_("Possible duplicates of sealed letters shown while a letter was typed in"),
        changes={"sealed_letters": sorted(sealed_ids), "during_intake": True},
    )


# -- reminders -------------------------------------------------------------------------------------


@transaction.atomic
def send_reminders(*, today: datetime.date | None = None) -> int:
    """Create a reminder for each open letter due within the rule set's warning period or
    overdue; idempotent (one reminder per letter, deadline, due date and kind). The system
    writes them; one audit entry says how many."""
    today = today or _today()
    created = 0
    open_letters = Letter.objects.filter(status__in=OPEN_STATUSES | {Status.RESOLVED}).exclude(due_date=None)
    for letter in (
        open_letters.select_related("rule_set").only("id", "status", "due_date", "rule_set").iterator()
    ):
        before = letter.rule_set.reminder_days_before if letter.rule_set else 3
        if letter.due_date is None:
            continue
        if letter.due_date < today:
            kind = LetterReminder.Kind.OVERDUE
        elif letter.due_date <= today + datetime.timedelta(days=before):
            kind = LetterReminder.Kind.DUE_SOON
        else:
            continue
        _reminder, made = LetterReminder.objects.get_or_create(
            letter=letter, deadline=letter.status, due=letter.due_date, kind=kind
        )
        created += made
    if created:
        audit_record(
            actor=SYSTEM_ACTOR,
            action="letters.reminders_send",
            target_type="letters.letterreminder",
            summary=_("%(n)s reminders created") % {"n": created},
            changes={"created": created, "on": today.isoformat()},
        )
    return created
