"""Writes on letters: intake, identity reveal, duplicates, actions, results, reminders.

Every function checks permission, validates, writes, and records an audit entry in one
transaction. Identities are sealed before they reach the database and never appear in audit
entries.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.accounts.roles import Role
from dancu.core.access import get_access
from dancu.core.audit import audit_record
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.text import fold, normalize_spaces
from dancu.directory.models import Body, BodyKind

from . import crypto, duplicates
from .models import (
    Channel,
    Competence,
    Letter,
    LetterAttachment,
    LetterKind,
    LetterReminder,
    ReceptionDay,
    ReceptionVisit,
)
from .permissions import LetterPerm
from .rules import compute_deadlines, retention_until, rule_set_for, schedule_deadlines
from .workflow import OPEN_STATUSES, Status, can_move

RECEIVING_KINDS = (BodyKind.NA_DELEGATION, BodyKind.STANDING_COMMITTEE)
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10
MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]
# A second letter with the same content reaching the sister body within this many days is
# taken as "sent to several bodies at once".
SEVERAL_BODIES_WINDOW_DAYS = 15


@dataclass
class Identity:
    name: str = ""
    address: str = ""
    id_number: str = ""
    phone: str = ""
    birth_year: str = ""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


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


def sniff_content_type(data: bytes) -> str | None:
    for magic, content_type in MAGIC:
        if data.startswith(magic):
            return content_type
    return None


def _validate_uploads(uploads: list[Upload]) -> list[tuple[Upload, str]]:
    if len(uploads) > MAX_ATTACHMENTS:
        raise ValidationFailed(_("At most %(n)s attachments per letter.") % {"n": MAX_ATTACHMENTS})
    checked = []
    for upload in uploads:
        if len(upload.data) > MAX_ATTACHMENT_BYTES:
            raise ValidationFailed(
                _("The file %(name)s is larger than %(mb)s MB.")
                % {"name": upload.filename, "mb": MAX_ATTACHMENT_BYTES // 1048576}
            )
        content_type = sniff_content_type(upload.data)
        if content_type is None:
            raise ValidationFailed(
                _("The file %(name)s is not a PDF, JPEG or PNG file.") % {"name": upload.filename}
            )
        checked.append((upload, content_type))
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
        raise ValidationFailed(_("A letter has at least one signer."))
    if 5 <= signer_count <= 10 and not 1 <= representative_count <= 2:
        raise ValidationFailed(_("A letter signed by 5 to 10 people has 1 or 2 representatives."))
    if signer_count > 10 and not 1 <= representative_count <= 5:
        raise ValidationFailed(_("A letter signed by more than 10 people has up to 5 representatives."))


def sister_body(body: Body) -> Body | None:
    """The other receiving body of the province (delegation <-> Standing Committee)."""
    if body.kind not in RECEIVING_KINDS:
        return None
    other = BodyKind.STANDING_COMMITTEE if body.kind == BodyKind.NA_DELEGATION else BodyKind.NA_DELEGATION
    return (
        Body.objects.filter(province_id=body.province_id, kind=other, level=body.level).order_by("id").first()
    )


def _signals(letter: Letter) -> duplicates.Signals:
    return duplicates.Signals(
        letter.name_hash,
        letter.id_hash,
        letter.phone_hash,
        letter.address_hash,
        letter.target_key,
        letter.content_folded,
    )


def _apply_identity(letter: Letter, identity: Identity) -> None:
    letter.sealed_identity = crypto.seal(identity.as_dict()) if identity.as_dict() else ""
    letter.redacted_name = crypto.redact_name(identity.name)
    letter.name_hash = crypto.keyed_hash("name", crypto.normalize_name(identity.name))
    letter.id_hash = crypto.keyed_hash("id", crypto.normalize_digits(identity.id_number))
    letter.phone_hash = crypto.keyed_hash("phone", crypto.normalize_phone(identity.phone))
    letter.address_hash = crypto.keyed_hash(
        "address", crypto.normalize_name(identity.address.replace(",", " "))
    )


def _compute(letter: Letter) -> None:
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
    letter.due_date = next_due(letter)


# Which deadline matters in each state (the first of these the letter has).
DUE_BY_STATUS: dict[str, tuple[str, ...]] = {
    Status.RECEIVED: ("initial_processing", "transfer", "accept", "reception_answer"),
    Status.ACCEPTED: ("resolve_extended", "resolve", "reception_answer"),
    Status.FORWARDED: ("resolve_extended", "resolve", "reception_answer"),
    Status.RESOLVED: ("citizen_inform",),
}


def next_due(letter: Letter) -> datetime.date | None:
    for name in DUE_BY_STATUS.get(letter.status, ()):
        if name in letter.deadlines:
            return datetime.date.fromisoformat(letter.deadlines[name])
    return None


def _require_handle(actor: Any, letter_or_province: Letter | int) -> None:
    province_id = (
        letter_or_province.province_id if isinstance(letter_or_province, Letter) else letter_or_province
    )
    get_access(actor).require(LetterPerm.HANDLE, province_id)


def _audit(
    actor: Any, action: str, letter: Letter, summary: str, changes: dict[str, Any] | None = None
) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=letter,
        province_code=letter.province.code,
        summary=summary,
        changes=changes or {},
    )


def _new_receipt_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        code = "TD-" + "".join(secrets.choice(alphabet) for _ in range(8))
        if not Letter.objects.filter(receipt_code=code).exists():
            return code


def lookup_hash(receipt_code: str, second_factor: str) -> str:
    return crypto.keyed_hash("lookup", f"{receipt_code.upper()}|{crypto.normalize_digits(second_factor)}")


def second_factor_of(identity: Identity) -> str:
    digits = crypto.normalize_phone(identity.phone)
    return digits[-4:] if len(digits) >= 4 else crypto.normalize_digits(identity.birth_year)


@transaction.atomic
def letter_create(
    *,
    actor: Any,
    receiving_body: Body,
    received_date: datetime.date,
    channel: str,
    kind: str,
    subject: str,
    content: str = "",
    target: str = "",
    letter_field: str = "other",
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
    public: bool = False,
) -> Letter:
    """Register a letter received by the delegation or the Standing Committee.

    Computes the deadlines of the rule set in force on the received date, seals the identity,
    and flags the letter when the same content reached the sister body at about the same time.
    Attachments are checked before anything is written: a bad file leaves no record.
    """
    if not public:
        _require_handle(actor, receiving_body.province_id)
    if receiving_body.kind not in RECEIVING_KINDS:
        raise ValidationFailed(
            _("Letters are received by the National Assembly delegation or the Standing Committee.")
        )
    if kind not in LetterKind.values:
        raise ValidationFailed(_("Unknown letter kind."))
    if channel not in Channel.values:
        raise ValidationFailed(_("Unknown channel."))
    subject = normalize_spaces(subject)
    if not subject:
        raise ValidationFailed(_("The subject is required."))
    if received_date > timezone.localdate():
        raise ValidationFailed(_("The received date cannot be in the future."))
    check_representatives(signer_count, representative_count)
    identity = identity or Identity()
    if is_anonymous:
        identity = Identity()
    checked = _validate_uploads(attachments or [])
    e = eligibility or Eligibility()
    reasons = eligibility_reasons(kind, is_anonymous, e)
    letter = Letter(
        province_id=receiving_body.province_id,
        receiving_body=receiving_body,
        received_date=received_date,
        channel=channel,
        reception_day=reception_day,
        kind=kind,
        field=letter_field,
        parent=parent,
        subject=subject,
        content=content,
        target=normalize_spaces(target),
        content_folded=fold(f"{subject} {content}"),
        target_key=fold(target)[:300],
        is_anonymous=is_anonymous,
        signer_count=signer_count,
        representative_count=representative_count,
        in_vietnamese=e.in_vietnamese,
        has_date=e.has_date,
        has_name_address=e.has_name_address,
        has_signature=e.has_signature,
        has_required_content=e.has_required_content,
        eligible=not reasons,
        ineligible_reasons=reasons,
        competence=competence,
        is_remote=is_remote,
        is_complex=is_complex,
        status=Status.RECEIVED,
    )
    _apply_identity(letter, identity)
    _compute(letter)
    letter.receipt_code = _new_receipt_code()
    factor = second_factor_of(identity)
    letter.lookup_hash = lookup_hash(letter.receipt_code, factor) if factor else ""
    letter.save()
    letter.number = f"{letter.received_date:%Y}/{letter.pk}"
    Letter.objects.filter(pk=letter.pk).update(number=letter.number)
    for upload, content_type in checked:
        data = upload.data
        if upload.is_signature:
            import base64

            data = crypto.seal({"b64": base64.b64encode(data).decode("ascii")}).encode("ascii")
        LetterAttachment.objects.create(
            letter=letter,
            filename=upload.filename[:200],
            content_type=content_type,
            size=len(upload.data),
            is_sealed=upload.is_signature,
            data=data,
        )
    _flag_several_bodies(letter)
    _audit(
        actor if not public else "citizen (online form)",
        "letters.letter_create",
        letter,
        _("Letter %(number)s received") % {"number": letter.number},
        {"kind": kind, "channel": channel, "receiving_body": receiving_body.pk, "eligible": letter.eligible},
    )
    return letter


def _flag_several_bodies(letter: Letter) -> None:
    sister = sister_body(letter.receiving_body)
    if sister is None:
        return
    window = datetime.timedelta(days=SEVERAL_BODIES_WINDOW_DAYS)
    scope = Letter.objects.filter(
        receiving_body=sister,
        received_date__gte=letter.received_date - window,
        received_date__lte=letter.received_date + window,
    )
    for found in duplicates.propose(scope, _signals(letter), exclude_id=letter.pk):
        if found["person"] and found["content"]:
            letter.sent_to_several = True
            Letter.objects.filter(pk=letter.pk).update(sent_to_several=True)
            Letter.objects.filter(pk=found["letter"].pk).update(sent_to_several=True)
            return


@transaction.atomic
def letter_split(*, actor: Any, letter: Letter, kinds: list[str]) -> list[Letter]:
    """Split a mixed letter into one item per kind (Citizen Reception Law Art. 25(3)); the
    items share the sealed identity and hashes of the letter."""
    _require_handle(actor, letter)
    if not kinds or any(k not in LetterKind.values for k in kinds):
        raise ValidationFailed(_("Choose the kinds of the items."))
    items: list[Letter] = []
    for kind in kinds:
        item = Letter.objects.get(pk=letter.pk)
        item.pk = None
        item.id = None
        item.kind = kind
        item.parent = letter
        item.receipt_code = None
        item.rule_set = None
        item.status = Status.RECEIVED
        _compute(item)
        item.save()
        item.number = f"{letter.number}.{len(items) + 1}"
        Letter.objects.filter(pk=item.pk).update(number=item.number)
        items.append(item)
    _audit(
        actor,
        "letters.letter_split",
        letter,
        _("Letter split into %(n)s items") % {"n": len(items)},
        {"kinds": kinds},
    )
    return items


def can_reveal(actor: Any, letter: Letter) -> bool:
    return get_access(actor).has(LetterPerm.REVEAL, letter.province_id)


def identity_visible_without_reveal(actor: Any, letter: Letter) -> bool:
    """Writers of complaints, petitions and reports are known to the Office staff handling
    them; a denouncer's identity is sealed and shown only through an audited reveal."""
    return letter.kind != LetterKind.DENUNCIATION and get_access(actor).has(
        LetterPerm.HANDLE, letter.province_id
    )


@transaction.atomic
def letter_reveal_identity(*, actor: Any, letter: Letter, reason: str) -> dict[str, str]:
    """Unseal the writer's identity for a designated handler; the reason is audited."""
    if not can_reveal(actor, letter) and not identity_visible_without_reveal(actor, letter):
        raise PermissionDenied(_("Only designated handlers may reveal a sealed identity."))
    reason = normalize_spaces(reason)
    if len(reason) < 5:
        raise ValidationFailed(_("Give the reason for revealing the identity."))
    data = crypto.unseal(letter.sealed_identity)
    _audit(
        actor,
        "letters.identity_reveal",
        letter,
        _("Identity of letter %(n)s revealed") % {"n": letter.number},
        {"reason": reason},
    )
    return data


@transaction.atomic
def letter_link_duplicate(*, actor: Any, letter: Letter, other: Letter) -> Letter:
    """Put `letter` into the duplicate group of `other` (both bodies of one province)."""
    _require_handle(actor, letter)
    if other.province_id != letter.province_id or other.pk == letter.pk:
        raise ValidationFailed(_("These letters cannot be linked."))
    root_id = other.group_root_id
    if letter.group_root_id == root_id:
        return letter
    # Members of the letter's own group follow it.
    Letter.objects.filter(duplicate_of_id=letter.pk).update(duplicate_of_id=root_id)
    letter.duplicate_of_id = root_id
    if other.receiving_body_id != letter.receiving_body_id:
        window = abs((other.received_date - letter.received_date).days)
        if window <= SEVERAL_BODIES_WINDOW_DAYS and not other.forwarded_on:
            letter.sent_to_several = True
    letter.save(update_fields=["duplicate_of", "sent_to_several", "updated_at"])
    root = Letter.objects.get(pk=root_id)
    # A result already recorded in the group is shared with the new member.
    if root.result and not letter.result:
        _share_result(letter, root.result, root.result_on)
    _audit(
        actor,
        "letters.duplicate_link",
        letter,
        _("Linked as a duplicate of %(n)s") % {"n": root.number},
        {"root": root_id},
    )
    return letter


def _transition(letter: Letter, target: str) -> None:
    if not can_move(letter.status, target):
        raise Conflict(
            _("A letter in state %(state)s cannot move to %(target)s.")
            % {"state": Status(letter.status).label, "target": Status(target).label}
        )
    letter.status = target


@transaction.atomic
def letter_transition(*, actor: Any, letter: Letter, target: str, summary: str = "") -> Letter:
    """The one place that moves a letter between states (workflow.TRANSITIONS)."""
    before = letter.status
    _transition(letter, target)
    letter.due_date = next_due(letter)
    letter.save()
    _audit(
        actor,
        "letters.letter_transition",
        letter,
        summary or target,
        {"status": {"before": before, "after": target}},
    )
    return letter


@transaction.atomic
def letter_accept(*, actor: Any, letter: Letter, on: datetime.date | None = None) -> Letter:
    _require_handle(actor, letter)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    letter.accepted_on = on or timezone.localdate()
    letter.competence = Competence.OURS
    letter.status = letter.status  # deadlines depend on the acceptance date
    _transition(letter, Status.ACCEPTED)
    _compute(letter)
    letter.save()
    _audit(actor, "letters.letter_accept", letter, _("Letter %(n)s accepted") % {"n": letter.number})
    return letter


@transaction.atomic
def letter_extend(*, actor: Any, letter: Letter) -> Letter:
    """One more extension of a denunciation's resolution time (Denunciations Law Art. 30)."""
    _require_handle(actor, letter)
    letter = Letter.objects.select_for_update().select_related("province").get(pk=letter.pk)
    if letter.kind != LetterKind.DENUNCIATION:
        raise ValidationFailed(_("Only a denunciation's resolution time can be extended."))
    letter.extensions += 1
    _compute(letter)
    letter.save()
    _audit(
        actor,
        "letters.letter_extend",
        letter,
        _("Resolution time extended"),
        {"extensions": letter.extensions},
    )
    return letter


def group_already_forwarded(letter: Letter) -> Letter | None:
    root = letter.group_root_id
    return (
        Letter.objects.filter(Q(pk=root) | Q(duplicate_of_id=root))
        .exclude(forwarded_on=None)
        .select_related("receiving_body", "forwarded_to")
        .first()
    )


@transaction.atomic
def letter_forward(*, actor: Any, letter: Letter, to_body: Body, on: datetime.date | None = None) -> Letter:
    """Transfer the letter to the competent body, copying the sister body.

    Circular 05/2021 Art. 14: the same content is transferred only once: when this letter or a
    duplicate of it (in either body) was already forwarded, the transfer is refused.
    """
    _require_handle(actor, letter)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
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
            code="already_forwarded",
        )
    if to_body.province_id != letter.province_id and not get_access(actor).is_national_admin:
        raise ValidationFailed(_("Choose a body of the province."))
    _transition(letter, Status.FORWARDED)
    letter.forwarded_to = to_body
    letter.forwarded_on = on or timezone.localdate()
    letter.competence = Competence.OTHER
    letter.due_date = next_due(letter)
    letter.save()
    sister = sister_body(letter.receiving_body)
    _audit(
        actor,
        "letters.letter_forward",
        letter,
        _("Letter %(n)s forwarded to %(to)s") % {"n": letter.number, "to": to_body.name},
        {"to": to_body.pk, "copy_to": sister.pk if sister else None},
    )
    return letter


@transaction.atomic
def letter_guide(*, actor: Any, letter: Letter) -> Letter:
    _require_handle(actor, letter)
    letter = Letter.objects.select_for_update().select_related("province").get(pk=letter.pk)
    _transition(letter, Status.GUIDED)
    letter.guided_on = timezone.localdate()
    letter.due_date = None
    letter.save()
    _audit(actor, "letters.letter_guide", letter, _("Citizen guided"))
    return letter


@transaction.atomic
def letter_file(*, actor: Any, letter: Letter) -> Letter:
    """File the letter (lưu đơn): kept for the retention period of the rule set."""
    _require_handle(actor, letter)
    letter = Letter.objects.select_for_update().select_related("province").get(pk=letter.pk)
    _transition(letter, Status.FILED)
    letter.filed_on = timezone.localdate()
    letter.keep_until = retention_until(
        letter.filed_on, letter.rule_set or rule_set_for(letter.received_date)
    )
    letter.due_date = None
    letter.save()
    _audit(
        actor,
        "letters.letter_file",
        letter,
        _("Letter filed until %(d)s") % {"d": f"{letter.keep_until:%d/%m/%Y}"},
    )
    return letter


@transaction.atomic
def letters_approve_destruction(*, actor: Any, province_id: int, letter_ids: list[int]) -> int:
    """The head of the Office approves destroying filed letters whose retention has ended."""
    get_access(actor).require(LetterPerm.APPROVE_DESTRUCTION, province_id)
    today = timezone.localdate()
    letters = list(
        Letter.objects.select_for_update().filter(
            pk__in=letter_ids, province_id=province_id, status=Status.FILED, keep_until__lte=today
        )
    )
    for letter in letters:
        _transition(letter, Status.DESTROYED)
        letter.destruction_approved_on = today
        letter.sealed_identity = ""
        letter.content = ""
        letter.save()
        LetterAttachment.objects.filter(letter=letter).delete()
        _audit(actor, "letters.letter_destroy", letter, _("Destruction approved"))
    return len(letters)


@transaction.atomic
def letter_urge(*, actor: Any, letter: Letter) -> Letter:
    _require_handle(actor, letter)
    letter = Letter.objects.select_for_update().select_related("province").get(pk=letter.pk)
    if letter.status != Status.FORWARDED:
        raise Conflict(_("Only a forwarded letter can be urged."))
    letter.urge_count += 1
    letter.last_urged_on = timezone.localdate()
    letter.save(update_fields=["urge_count", "last_urged_on", "updated_at"])
    _audit(actor, "letters.letter_urge", letter, _("Urged"), {"urge_count": letter.urge_count})
    return letter


def _share_result(letter: Letter, result: str, on: datetime.date | None) -> None:
    letter.result = result
    letter.result_on = on
    if can_move(letter.status, Status.RESOLVED) and letter.status not in (Status.RESOLVED, Status.INFORMED):
        letter.status = Status.RESOLVED
    if letter.status == Status.RESOLVED:
        _compute(letter)
    letter.save()


@transaction.atomic
def letter_record_result(
    *, actor: Any, letter: Letter, result: str, on: datetime.date | None = None
) -> Letter:
    """Record the result; it is shared with every duplicate of the letter in both bodies."""
    access = get_access(actor)
    allowed = access.has(LetterPerm.HANDLE, letter.province_id) or (
        access.has(LetterPerm.RESPOND)
        and letter.forwarded_to_id in access.bodies_with_role(Role.AGENCY_RESPONDER)
    )
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."))
    result = (result or "").strip()
    if not result:
        raise ValidationFailed(_("Describe the result."))
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    on = on or timezone.localdate()
    _transition(letter, Status.RESOLVED)
    shared = []
    root = letter.group_root_id
    for member in (
        Letter.objects.select_for_update()
        .filter(Q(pk=root) | Q(duplicate_of_id=root))
        .select_related("province")
    ):
        target = letter if member.pk == letter.pk else member
        _share_result(target, result, on)
        if member.pk != letter.pk:
            shared.append(member.pk)
    _audit(actor, "letters.letter_result", letter, _("Result recorded"), {"shared_with": shared})
    return letter


@transaction.atomic
def letter_inform(*, actor: Any, letter: Letter) -> Letter:
    _require_handle(actor, letter)
    letter = Letter.objects.select_for_update().select_related("province").get(pk=letter.pk)
    _transition(letter, Status.INFORMED)
    letter.informed_on = timezone.localdate()
    letter.due_date = None
    letter.save()
    _audit(actor, "letters.letter_inform", letter, _("Citizen informed"))
    return letter


@transaction.atomic
def reception_day_create(
    *,
    actor: Any,
    body: Body,
    date: datetime.date,
    place: str = "",
    receiving_delegates: str = "",
    posted_on: datetime.date | None = None,
    deputy_notified_on: datetime.date | None = None,
) -> ReceptionDay:
    """Schedule a reception day; warns when posting or telling the deputy came too late."""
    _require_handle(actor, body.province_id)
    rs = rule_set_for(date)
    post_due, notify_due = schedule_deadlines(date, rs)
    warnings = []
    if posted_on is None or posted_on > post_due:
        warnings.append(_("The schedule must be posted by %(d)s.") % {"d": f"{post_due:%d/%m/%Y}"})
    if deputy_notified_on is None or deputy_notified_on > notify_due:
        warnings.append(_("The deputy must be told by %(d)s.") % {"d": f"{notify_due:%d/%m/%Y}"})
    day = ReceptionDay.objects.create(
        province_id=body.province_id,
        body=body,
        date=date,
        place=place,
        receiving_delegates=receiving_delegates,
        posted_on=posted_on,
        deputy_notified_on=deputy_notified_on,
        post_due=post_due,
        notify_due=notify_due,
        warnings=warnings,
    )
    audit_record(
        actor=actor,
        action="letters.reception_day_create",
        target=day,
        province_code=body.province.code,
        summary=str(day),
    )
    return day


@dataclass
class Citizens:
    """The citizens received in one visit: names (the first is the representative) and the
    representative's contact details (always sealed)."""

    names: list[str] = field(default_factory=list)
    address: str = ""
    id_number: str = ""
    phone: str = ""


def _clean_names(names: list[str]) -> list[str]:
    return [n for n in (normalize_spaces(x) for x in names) if n][:50]


@transaction.atomic
def visit_record(
    *,
    actor: Any,
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
    _require_handle(actor, reception_day.province_id)
    if kind not in LetterKind.values:
        raise ValidationFailed(_("Unknown letter kind."))
    if reception_day.date > timezone.localdate():
        raise ValidationFailed(_("Visits are recorded on or after the reception day."))
    content = content.strip()
    if not content:
        raise ValidationFailed(_("The content is required."))
    names = _clean_names(citizens.names)
    if not names:
        raise ValidationFailed(_("Enter at least one citizen received."))
    count = citizen_count or len(names)
    if count < len(names):
        raise ValidationFailed(_("The number of citizens is smaller than the names entered."))
    delegates = list(delegates or [])
    if any(p.province_id != reception_day.province_id for p in delegates):
        raise ValidationFailed(_("The delegates must belong to the province."))
    sealed = kind == LetterKind.DENUNCIATION
    details = {"names": names, "address": citizens.address, "id_number": citizens.id_number}
    details["phone"] = citizens.phone
    visit = ReceptionVisit.objects.create(
        province_id=reception_day.province_id,
        reception_day=reception_day,
        kind=kind,
        citizens="" if sealed else "\n".join(names),
        sealed_citizens=crypto.seal({k: v for k, v in details.items() if v}),
        citizens_redacted=", ".join(crypto.redact_name(n) for n in names)[:300],
        citizen_count=count,
        content=content,
        result=result.strip(),
        follow_up=follow_up.strip(),
    )
    visit.delegates.set(delegates)
    audit_record(
        actor=actor,
        action="letters.visit_record",
        target=visit,
        province_code=reception_day.province.code,
        summary=_("Visit recorded at the reception day %(d)s") % {"d": f"{reception_day.date:%d/%m/%Y}"},
        changes={"kind": kind, "citizen_count": count, "delegates": [p.pk for p in delegates]},
    )
    return visit


def visit_citizens(visit: ReceptionVisit) -> Citizens:
    data = crypto.unseal(visit.sealed_citizens) if visit.sealed_citizens else {}
    return Citizens(
        names=list(data.get("names", [])),
        address=data.get("address", ""),
        id_number=data.get("id_number", ""),
        phone=data.get("phone", ""),
    )


@transaction.atomic
def visit_create_letter(*, actor: Any, visit: ReceptionVisit) -> Letter:
    """Register the letter of a visit in one step: prefilled from the visit (kind, content,
    receiving body, date, the representative's sealed identity, signers) and linked to it."""
    visit = ReceptionVisit.objects.select_for_update().select_related("reception_day__body").get(pk=visit.pk)
    _require_handle(actor, visit.province_id)
    if visit.letter_id:
        raise Conflict(_("A letter was already registered for this visit."))
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


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Create a reminder for each open letter due within the rule set's warning period or
    overdue; idempotent (one reminder per letter, deadline, due date and kind)."""
    today = today or timezone.localdate()
    created = 0
    open_letters = Letter.objects.filter(status__in=OPEN_STATUSES | {Status.RESOLVED}).exclude(due_date=None)
    for letter in open_letters.select_related("rule_set").iterator():
        before = letter.rule_set.reminder_days_before if letter.rule_set else 3
        if letter.due_date is None:
            continue
        if letter.due_date < today:
            kind = LetterReminder.Kind.OVERDUE
        elif letter.due_date <= today + datetime.timedelta(days=before):
            kind = LetterReminder.Kind.DUE_SOON
        else:
            continue
        _, made = LetterReminder.objects.get_or_create(
            letter=letter, deadline=letter.status, due=letter.due_date, kind=kind
        )
        created += made
    return created
