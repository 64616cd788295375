"""Writes of the consultations module: each checks the permission, validates, writes and audits
in one transaction (`audit_record`), and refuses with a typed error (errors.py codes)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.audit import audit_record, diff, model_snapshot
from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.files import DOCX, PDF, check_file
from dancu.core.text import clean_text
from dancu.directory.models import AdministrativeUnit, Body

from . import outline, rules
from .errors import ConsultationError as E
from .models import (
    Comment,
    CommentSource,
    Conference,
    Dispatch,
    Draft,
    DraftVersion,
    Position,
    Provision,
    Recipient,
    Speech,
)
from .permissions import MANAGE, can_respond
from .workflow import COMMENT_FLOW, DRAFT_FLOW, CommentStatus, DraftStatus

MAX_TEXT = 20_000
DRAFT_FIELDS = [
    "name",
    "session",
    "session_start",
    "consideration",
    "drafting_body",
    "vetting_committee",
    "synthesis_due",
    "lead_delegate",
    "online",
    "note",
]


def _code(draft: Draft) -> str:
    return draft.province.code if draft.province_id else ""


def _require_manage(actor, draft: Draft) -> None:
    get_access(actor).require(MANAGE, draft.province_id)


def _require_open(draft: Draft) -> None:
    if draft.status == DraftStatus.SENT:
        raise Conflict(
            _("The synthesis of this draft has been sent: bring it back to synthesis first."), code=E.LOCKED
        )


def _text(value: str, field: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    text = clean_text(value or "").strip()
    if required and not text:
        raise ValidationFailed(_("This field is required."), code=E.EMPTY, details={"field": field})
    if len(text) > limit:
        raise ValidationFailed(_("This text is too long."), code=E.TOO_MANY, details={"field": field})
    return text


# -- drafts ------------------------------------------------------------------------------


@transaction.atomic
def draft_create(
    *,
    actor,
    province: AdministrativeUnit,
    name: str,
    session: str,
    session_start: datetime.date | None = None,
    consideration: str = "first",
    drafting_body: str = "",
    vetting_committee: str = "",
    synthesis_due: datetime.date | None = None,
    lead_delegate=None,
    online: bool = False,
    note: str = "",
) -> Draft:
    """A draft law put to consultation; the synthesis is due the set number of days before the
    session opens (ConsultationRule) unless a date is given."""
    get_access(actor).require(MANAGE, province.pk)
    if synthesis_due is None and session_start is not None:
        synthesis_due = rules.synthesis_due(session_start)
    draft = Draft.objects.create(
        province=province,
        name=_text(name, "name", limit=300),
        session=_text(session, "session", limit=200),
        session_start=session_start,
        consideration=consideration,
        drafting_body=drafting_body.strip(),
        vetting_committee=vetting_committee.strip(),
        synthesis_due=synthesis_due,
        lead_delegate=lead_delegate,
        online=online,
        note=note.strip(),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="consultations.draft.create",
        target=draft,
        province_code=province.code,
        summary=draft.name,
    )
    return draft


@transaction.atomic
def drafts_import(*, actor, province: AdministrativeUnit, rows: list[dict[str, Any]]) -> list[Draft]:
    """The draft laws of a session from a list (importing.read_drafts): all or nothing."""
    get_access(actor).require(MANAGE, province.pk)
    drafts = [
        draft_create(actor=actor, province=province, **{k: v for k, v in row.items() if v is not None})
        for row in rows
    ]
    audit_record(
        actor=actor,
        action="consultations.draft.import",
        target_type="consultations.draft",
        target_id="",
        province_code=province.code,
        summary=_("%(n)d drafts imported") % {"n": len(drafts)},
        changes={"count": len(drafts)},
    )
    return drafts


@transaction.atomic
def draft_update(*, actor, draft: Draft, **values: Any) -> Draft:
    _require_manage(actor, draft)
    before = model_snapshot(draft, DRAFT_FIELDS)
    for key in DRAFT_FIELDS:
        if key in values:
            setattr(draft, key, values[key])
    draft.name = _text(draft.name, "name", limit=300)
    draft.session = _text(draft.session, "session", limit=200)
    if "synthesis_due" in values and values["synthesis_due"] is None and draft.session_start:
        draft.synthesis_due = rules.synthesis_due(draft.session_start)
    draft.save()
    audit_record(
        actor=actor,
        action="consultations.draft.update",
        target=draft,
        province_code=_code(draft),
        summary=draft.name,
        changes=diff(before, model_snapshot(draft, DRAFT_FIELDS)),
    )
    return draft


@transaction.atomic
def draft_delete(*, actor, draft: Draft) -> None:
    _require_manage(actor, draft)
    _require_open(draft)
    summary = {"name": draft.name, "versions": draft.versions.count(), "comments": draft.comments.count()}
    audit_record(
        actor=actor,
        action="consultations.draft.delete",
        target=draft,
        province_code=_code(draft),
        summary=draft.name,
        changes=summary,
    )
    stored = [(v.file.storage, v.file.name) for v in draft.versions.all() if v.file]
    draft.delete()

    def remove() -> None:
        for storage, name in stored:
            storage.delete(name)

    transaction.on_commit(remove)


@transaction.atomic
def draft_transition(*, actor, draft: Draft, action: str) -> Draft:
    if action == "send":
        raise Conflict(
            _("Record the dispatch (number, date, recipients) to send the synthesis."),
            code="invalid_transition",
        )
    DRAFT_FLOW.apply(
        actor=actor, access=get_access(actor), obj=draft, action=action, province_code=_code(draft)
    )
    return draft


# -- versions ---------------------------------------------------------------------------


def parse_upload(upload=None, text: str = "") -> tuple[dict[str, Any], str, bytes]:
    """(outline, kind key, bytes) from an uploaded .docx/.pdf or a pasted text."""
    if upload is not None:
        kind = check_file(upload, kinds=(DOCX, PDF))
        upload.seek(0)
        data = upload.read()
        try:
            parsed = outline.parse_docx(data) if kind is DOCX else outline.parse_text(outline.pdf_text(data))
        except Exception as exc:  # a .docx python-docx cannot read (broken XML inside the zip)
            raise ValidationFailed(
                _("This file cannot be read as a draft law."), code=E.BAD_FILE, details={"field": "file"}
            ) from exc
        return parsed, kind.key, data
    if text and text.strip():
        return outline.parse_text(clean_text(text)), "text", b""
    raise ValidationFailed(
        _("Upload the draft as .docx or .pdf, or paste its text."), code=E.EMPTY, details={"field": "file"}
    )


@transaction.atomic
def version_add(
    *,
    actor,
    draft: Draft,
    upload=None,
    text: str = "",
    label: str = "",
    received_on: datetime.date | None = None,
) -> DraftVersion:
    """A version of the draft from its file: parsed into the outline and Provision rows. A later
    version may arrive after the synthesis was sent (the follow-through compares it)."""
    _require_manage(actor, draft)
    parsed, kind, data = parse_upload(upload, text)
    found = outline.counts(parsed)
    if not found["articles"]:
        raise ValidationFailed(
            _("No article (“Điều 1.”) was found in this file."),
            code=E.NO_STRUCTURE,
            details={"field": "file"},
        )
    Draft.objects.select_for_update().filter(pk=draft.pk).first()
    number = (draft.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = DraftVersion(
        draft=draft,
        number=number,
        label=label.strip()[:200],
        outline=parsed,
        article_count=found["articles"],
        clause_count=found["clauses"],
        point_count=found["points"],
        received_on=received_on or timezone.localdate(),
        uploaded_by=actor,
        original_name=(getattr(upload, "name", "") or "")[:255],
    )
    if upload is not None:
        from django.core.files.base import ContentFile

        version.file.save(f"v{number}.{'docx' if kind == 'docx' else 'pdf'}", ContentFile(data), save=False)
    version.save()
    Provision.objects.bulk_create(
        [
            Provision(
                version=version,
                path=p.path,
                kind=p.kind,
                label=p.label,
                number=p.number,
                title=p.title,
                text=p.text,
                parent_path=p.parent,
                order=p.order,
            )
            for p in outline.flatten(parsed)
        ],
        batch_size=500,
    )
    audit_record(
        actor=actor,
        action="consultations.version.add",
        target=version,
        province_code=_code(draft),
        summary=f"{draft.name} v{number}",
        changes=found,
    )
    return version


@transaction.atomic
def version_delete(*, actor, version: DraftVersion) -> None:
    draft = version.draft
    _require_manage(actor, draft)
    _require_open(draft)
    if version.comments.exists():
        raise Conflict(_("Comments refer to this version: it cannot be deleted."), code=E.HAS_COMMENTS)
    audit_record(
        actor=actor,
        action="consultations.version.delete",
        target=version,
        province_code=_code(draft),
        summary=f"{draft.name} v{version.number}",
    )
    stored = version.file.name if version.file else ""
    storage = version.file.storage if version.file else None
    version.delete()
    if stored and storage is not None:
        transaction.on_commit(lambda: storage.delete(stored))


def _check_path(draft: Draft, path: str) -> tuple[DraftVersion | None, str]:
    """The latest version and the path, refused when the path is not one of its provisions."""
    version = draft.versions.order_by("-number").first()
    path = (path or "").strip()
    if not path:
        return version, ""
    if (
        version is None
        or not version.provisions.filter(path=path).exclude(kind__in=["part", "chapter", "section"]).exists()
    ):
        raise ValidationFailed(
            _("This article, clause or point is not in the latest version of the draft."),
            code=E.BAD_PROVISION,
            details={"field": "path"},
        )
    return version, path


def _article_of(path: str) -> str:
    return path.split(".")[0] if path else ""


# -- the plan -------------------------------------------------------------------------------


@transaction.atomic
def recipients_add(
    *,
    actor,
    draft: Draft,
    bodies: list[Body],
    requested_on: datetime.date,
    due_on: datetime.date | None = None,
    request_number: str = "",
) -> list[Recipient]:
    """Ask bodies of the province for comments, each by the same due date (the rule's period
    after the request when none is given)."""
    _require_manage(actor, draft)
    _require_open(draft)
    if not bodies:
        raise ValidationFailed(
            _("Choose at least one body."), code=E.NO_RECIPIENTS, details={"field": "bodies"}
        )
    due = due_on or rules.answer_due(requested_on)
    if due < requested_on:
        raise ValidationFailed(
            _("The due date cannot be before the request."),
            code=E.DUE_BEFORE_REQUEST,
            details={"field": "due_on"},
        )
    existing = set(draft.recipients.values_list("body_id", flat=True))
    created = []
    for body in bodies:
        if body.province_id != draft.province_id:
            raise ValidationFailed(
                _("This body is not in the draft's province."),
                code=E.BODY_ELSEWHERE,
                details={"field": "bodies"},
            )
        if body.pk in existing:
            raise Conflict(
                _("%(body)s is already asked about this draft.") % {"body": body.name},
                code=E.RECIPIENT_EXISTS,
                details={"field": "bodies"},
            )
        created.append(
            Recipient.objects.create(
                draft=draft,
                body=body,
                requested_on=requested_on,
                due_on=due,
                request_number=request_number.strip()[:60],
            )
        )
    audit_record(
        actor=actor,
        action="consultations.recipient.add",
        target=draft,
        province_code=_code(draft),
        summary=", ".join(b.name for b in bodies)[:400],
        changes={"bodies": [b.pk for b in bodies], "due_on": due},
    )
    return created


@transaction.atomic
def recipient_update(
    *, actor, recipient: Recipient, due_on: datetime.date, answered_on: datetime.date | None
) -> Recipient:
    _require_manage(actor, recipient.draft)
    if due_on < recipient.requested_on:
        raise ValidationFailed(
            _("The due date cannot be before the request."),
            code=E.DUE_BEFORE_REQUEST,
            details={"field": "due_on"},
        )
    before = model_snapshot(recipient, ["due_on", "answered_on"])
    recipient.due_on, recipient.answered_on = due_on, answered_on
    recipient.save(update_fields=["due_on", "answered_on", "updated_at"])
    audit_record(
        actor=actor,
        action="consultations.recipient.update",
        target=recipient,
        province_code=_code(recipient.draft),
        summary=recipient.body.name,
        changes=diff(before, model_snapshot(recipient, ["due_on", "answered_on"])),
    )
    return recipient


@transaction.atomic
def recipient_delete(*, actor, recipient: Recipient) -> None:
    _require_manage(actor, recipient.draft)
    _require_open(recipient.draft)
    if recipient.comments.exists():
        raise Conflict(_("This body has already sent comments: it cannot be removed."), code=E.HAS_COMMENTS)
    audit_record(
        actor=actor,
        action="consultations.recipient.delete",
        target=recipient,
        province_code=_code(recipient.draft),
        summary=recipient.body.name,
    )
    recipient.delete()


@transaction.atomic
def conference_add(
    *,
    actor,
    draft: Draft,
    format: str,
    held_on: datetime.date,
    place: str,
    participants: str = "",
    participant_count: int = 0,
    linked_kind: str = "",
    linked_id: int | None = None,
) -> Conference:  # noqa: A002
    _require_manage(actor, draft)
    _require_open(draft)
    conference = Conference.objects.create(
        draft=draft,
        format=format,
        held_on=held_on,
        place=_text(place, "place", limit=300),
        participants=participants.strip(),
        participant_count=participant_count or 0,
        linked_kind=linked_kind if linked_id else "",
        linked_id=linked_id,
    )
    audit_record(
        actor=actor,
        action="consultations.conference.add",
        target=conference,
        province_code=_code(draft),
        summary=f"{conference.place} {held_on:%d/%m/%Y}",
    )
    return conference


@transaction.atomic
def conference_delete(*, actor, conference: Conference) -> None:
    _require_manage(actor, conference.draft)
    _require_open(conference.draft)
    if conference.comments.exists():
        raise Conflict(
            _("Comments were recorded from this conference: it cannot be deleted."), code=E.HAS_COMMENTS
        )
    audit_record(
        actor=actor,
        action="consultations.conference.delete",
        target=conference,
        province_code=_code(conference.draft),
        summary=conference.place,
    )
    conference.delete()


# -- comments ---------------------------------------------------------------------------


def _new_comment(
    *, actor, draft: Draft, path: str, text: str, proposal: str, source: str, status: str, **links: Any
) -> Comment:
    version, path = _check_path(draft, path)
    comment = Comment.objects.create(
        draft=draft,
        version=version,
        path=path,
        article_key=_article_of(path),
        source=source,
        text=_text(text, "text"),
        proposal=_text(proposal, "proposal", required=False),
        status=status,
        created_by=actor if getattr(actor, "pk", None) else None,
        **links,
    )
    return comment


@transaction.atomic
def comment_record(
    *,
    actor,
    draft: Draft,
    path: str,
    text: str,
    proposal: str = "",
    recipient: Recipient | None = None,
    conference: Conference | None = None,
    source_name: str = "",
) -> Comment:
    """A comment the Office records: a recipient's letter, what was said at a conference, or
    its own; accepted at once."""
    _require_manage(actor, draft)
    _require_open(draft)
    if (
        recipient is not None
        and recipient.draft_id != draft.pk
        or conference is not None
        and conference.draft_id != draft.pk
    ):
        raise ValidationFailed(_("This source belongs to another draft."), code=E.BAD_PROVISION)
    source = (
        CommentSource.RECIPIENT
        if recipient
        else CommentSource.CONFERENCE
        if conference
        else CommentSource.OFFICE
    )
    comment = _new_comment(
        actor=actor,
        draft=draft,
        path=path,
        text=text,
        proposal=proposal,
        source=source,
        status=CommentStatus.PUBLISHED,
        recipient=recipient,
        conference=conference,
        body=recipient.body if recipient else None,
        source_name=source_name.strip()[:300],
    )
    if recipient is not None and recipient.answered_on is None:
        recipient.answered_on = timezone.localdate()
        recipient.save(update_fields=["answered_on", "updated_at"])
    audit_record(
        actor=actor,
        action="consultations.comment.record",
        target=comment,
        province_code=_code(draft),
        summary=comment.text[:200],
        changes={"path": comment.path, "source": source},
    )
    return comment


@transaction.atomic
def comment_respond(*, actor, recipient: Recipient, path: str, text: str, proposal: str = "") -> Comment:
    """A comment given by the recipient body's own user; the request counts as answered on the
    first one."""
    access = get_access(actor)
    if not can_respond(access, recipient):
        if recipient.draft.status != DraftStatus.COLLECTING and recipient.body_id in access.bodies_with_role(
            "agency_responder"
        ):
            raise Conflict(_("Comments on this draft are closed."), code=E.NOT_COLLECTING)
        raise PermissionDenied(_("You do not have permission to do this."))
    comment = _new_comment(
        actor=actor,
        draft=recipient.draft,
        path=path,
        text=text,
        proposal=proposal,
        source=CommentSource.RECIPIENT,
        status=CommentStatus.PUBLISHED,
        recipient=recipient,
        body=recipient.body,
    )
    if recipient.answered_on is None:
        recipient.answered_on = timezone.localdate()
        recipient.save(update_fields=["answered_on", "updated_at"])
    audit_record(
        actor=actor,
        action="consultations.comment.respond",
        target=comment,
        province_code=_code(recipient.draft),
        summary=comment.text[:200],
        changes={"path": comment.path, "body": recipient.body_id},
    )
    return comment


@transaction.atomic
def comment_public(*, draft: Draft, path: str, text: str, proposal: str = "", area: str = "") -> Comment:
    """A voter's comment from the public page: no sign-in, no personal data asked or stored (an
    optional place, e.g. a commune, only); it waits for moderation before it counts."""
    if not draft.online or draft.status != DraftStatus.COLLECTING:
        raise Conflict(_("This draft is not open for comments."), code=E.NOT_ONLINE)
    comment = _new_comment(
        actor=None,
        draft=draft,
        path=path,
        text=_text(text, "text", limit=5000),
        proposal=_text(proposal, "proposal", required=False, limit=5000),
        source=CommentSource.VOTER,
        status=CommentStatus.PENDING,
        source_name=_text(area, "area", required=False, limit=120),
    )
    audit_record(
        actor=None,
        action="consultations.comment.public",
        target=comment,
        province_code=_code(draft),
        summary=comment.path or "-",
    )
    return comment


@transaction.atomic
def comment_transition(*, actor, comment: Comment, action: str) -> Comment:
    COMMENT_FLOW.apply(
        actor=actor, access=get_access(actor), obj=comment, action=action, province_code=_code(comment.draft)
    )
    return comment


@transaction.atomic
def comment_delete(*, actor, comment: Comment) -> None:
    _require_manage(actor, comment.draft)
    _require_open(comment.draft)
    audit_record(
        actor=actor,
        action="consultations.comment.delete",
        target=comment,
        province_code=_code(comment.draft),
        summary=comment.text[:200],
        changes={"path": comment.path, "source": comment.source},
    )
    comment.delete()


@transaction.atomic
def comments_import(*, actor, draft: Draft, rows: list[dict[str, Any]]) -> list[Comment]:
    """Rows already read from the Excel template (importing.py): all or nothing."""
    _require_manage(actor, draft)
    _require_open(draft)
    created = []
    for row in rows:
        comment = _new_comment(
            actor=actor,
            draft=draft,
            path=row["path"],
            text=row["text"],
            proposal=row.get("proposal") or "",
            source=CommentSource.IMPORT,
            status=CommentStatus.PUBLISHED,
            body=row.get("body"),
            source_name=(row.get("source") or "")[:300],
        )
        created.append(comment)
    audit_record(
        actor=actor,
        action="consultations.comment.import",
        target=draft,
        province_code=_code(draft),
        summary=_("%(n)d comments imported") % {"n": len(created)},
        changes={"count": len(created)},
    )
    return created


# -- synthesis and dispatch ------------------------------------------------------------------


@transaction.atomic
def position_save(*, actor, draft: Draft, article_key: str, text: str, proposal: str = "") -> Position | None:
    """The delegation's position on an article (an empty text removes it)."""
    _require_manage(actor, draft)
    _require_open(draft)
    key = (article_key or "").strip()
    if (
        key
        and not draft.versions.filter(provisions__path=key, provisions__kind=Provision.Kind.ARTICLE).exists()
    ):
        raise ValidationFailed(
            _("This article, clause or point is not in the latest version of the draft."),
            code=E.BAD_PROVISION,
            details={"field": "article_key"},
        )
    text = _text(text, "text", required=False)
    existing = draft.positions.filter(article_key=key).first()
    if not text:
        if existing is not None:
            audit_record(
                actor=actor,
                action="consultations.position.delete",
                target=existing,
                province_code=_code(draft),
                summary=key,
            )
            existing.delete()
        return None
    before = model_snapshot(existing, ["text", "proposal"]) if existing else {}
    position, _created = Position.objects.update_or_create(
        draft=draft,
        article_key=key,
        defaults={"text": text, "proposal": _text(proposal, "proposal", required=False), "updated_by": actor},
    )
    audit_record(
        actor=actor,
        action="consultations.position.save",
        target=position,
        province_code=_code(draft),
        summary=key or "-",
        changes=diff(before, model_snapshot(position, ["text", "proposal"])),
    )
    return position


@transaction.atomic
def dispatch_record(
    *, actor, draft: Draft, number: str, sent_on: datetime.date, recipients: list[str]
) -> Dispatch:
    """The synthesis sent: its number, date and recipients; the draft moves to "sent"."""
    _require_manage(actor, draft)
    if not draft.positions.exists():
        raise Conflict(
            _("Write the delegation's position on at least one article first."), code=E.NO_POSITION
        )
    names = [r.strip()[:300] for r in recipients if r and r.strip()]
    if not names:
        raise ValidationFailed(
            _("Name at least one recipient."), code=E.NO_RECIPIENTS, details={"field": "recipients"}
        )
    dispatch = Dispatch.objects.create(
        draft=draft,
        number=_text(number, "number", limit=60),
        sent_on=sent_on,
        recipients=names,
        version=draft.versions.order_by("-number").first(),
        sent_by=actor,
    )
    DRAFT_FLOW.apply(
        actor=actor,
        access=get_access(actor),
        obj=draft,
        action="send",
        province_code=_code(draft),
        summary=f"{dispatch.number} {sent_on:%d/%m/%Y}",
        changes={"dispatch": dispatch.pk, "recipients": names},
    )
    return dispatch


@transaction.atomic
def speech_add(
    *,
    actor,
    draft: Draft,
    spoken_on: datetime.date,
    summary: str,
    speaker=None,
    speaker_name: str = "",
    article_key: str = "",
    link: str = "",
) -> Speech:
    _require_manage(actor, draft)
    speech = Speech.objects.create(
        draft=draft,
        spoken_on=spoken_on,
        summary=_text(summary, "summary"),
        speaker=speaker,
        speaker_name=speaker_name.strip()[:200],
        article_key=article_key.strip()[:20],
        link=link,
    )
    audit_record(
        actor=actor,
        action="consultations.speech.add",
        target=speech,
        province_code=_code(draft),
        summary=speech.summary[:200],
    )
    return speech
