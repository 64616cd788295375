"""Pages of the consultations module: each maps input to one selector or one service call.

Refusals (`dancu.core.errors`) escape to the kernel's middleware (a 4xx page) or, on a form, are
put on the form by `core.forms.submit` so the user keeps what they typed.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dancu.core import files
from dancu.core.access import get_access
from dancu.core.errors import NotFound, PermissionDenied, ValidationFailed
from dancu.core.forms import Failed, SpreadsheetUploadForm, attach_error, form_status, submit
from dancu.core.htmx import clean_query, paginate

from . import documents, importing, selectors, services
from .errors import ConsultationError
from .forms import (
    CommentForm,
    ConferenceForm,
    DispatchForm,
    DraftEditForm,
    DraftForm,
    DraftsImportForm,
    PositionForm,
    RecipientEditForm,
    RecipientsForm,
    RespondForm,
    SpeechForm,
    TransitionForm,
    VersionForm,
)
from .models import Draft, DraftVersion
from .outline_view import article_options, enrich
from .permissions import MANAGE, MODERATE, RESPOND, VIEW, can_change_content, can_manage
from .workflow import COMMENT_FLOW, DRAFT_FLOW, DraftStatus

XLSX_TYPE = files.XLSX.content_type


def _require(request: HttpRequest, perm: str) -> None:
    if not get_access(request.user).has(perm):
        raise PermissionDenied(_("You do not have permission to do this."))


def _download(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _form_page(
    request,
    form,
    title: str,
    draft: Draft | None = None,
    *,
    status: int | None = None,
    help_text: str = "",
    multipart: bool = False,
) -> HttpResponse:
    context = {"form": form, "title": title, "draft": draft, "help": help_text, "multipart": multipart}
    return render(request, "consultations/form.html", context, status=status or form_status(form))


def _call(form, service, **kwargs: Any) -> Any:
    """`core.forms.submit`, with None when the service refused (its message is on the form)."""
    result = submit(form, service, **kwargs)
    return None if isinstance(result, Failed) else result


def _detail(draft: Draft) -> HttpResponse:
    return redirect("consultations:draft_detail", draft.pk)


# -- drafts ------------------------------------------------------------------------------


@login_required
@require_GET
def draft_list(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    status = request.GET.get("status") or ""
    if status not in DraftStatus.values:
        status = ""
    rows = selectors.draft_list(request.user, query=clean_query(request), status=status)
    context = {
        "page": paginate(request, rows),
        "statuses": DraftStatus.choices,
        "status": status,
        "can_manage": get_access(request.user).has(MANAGE),
    }
    return render(request, "consultations/draft_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def draft_create(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    _require(request, MANAGE)
    form = DraftForm(request.POST or None, access=access)
    if request.method == "POST" and form.is_valid():
        draft = _call(form, services.draft_create, actor=request.user, **form.cleaned_data)
        if draft:
            return _detail(draft)
    return _form_page(request, form, _("New draft law"))


@login_required
@require_GET
def drafts_template(request: HttpRequest) -> HttpResponse:
    _require(request, MANAGE)
    return _download(importing.drafts_template(), "mau-danh-sach-du-an-luat.xlsx", XLSX_TYPE)


@login_required
@require_http_methods(["GET", "POST"])
def drafts_import(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    _require(request, MANAGE)
    form = DraftsImportForm(request.POST or None, request.FILES or None, access=access)
    row_errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows, row_errors = importing.read_drafts(form.cleaned_data["file"])
        except ValidationFailed as exc:
            attach_error(form, exc)
            rows = []
        if not row_errors and not form.errors:
            if not rows:
                form.add_error(None, _("The file has no draft law."))
            else:
                created = _call(
                    form,
                    services.drafts_import,
                    actor=request.user,
                    province=form.cleaned_data["province"],
                    rows=rows,
                )
                if created:
                    messages.success(request, _("%(n)d drafts imported.") % {"n": len(created)})
                    return redirect("consultations:draft_list")
    status = 400 if (form.is_bound and (form.errors or row_errors)) else 200
    context = {
        "form": form,
        "row_errors": row_errors,
        "template_url": reverse("consultations:drafts_template"),
        "title": _("Import the list of draft laws"),
    }
    return render(request, "consultations/import.html", context, status=status)


@login_required
@require_GET
def draft_detail(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id)
    access = get_access(request.user)
    versions = selectors.versions_of(draft)
    context = {
        "draft": draft,
        "versions": versions,
        "latest": versions[-1] if versions else None,
        "recipients": selectors.recipients_of(draft),
        "conferences": selectors.conferences_of(draft),
        "dispatches": list(draft.dispatches.all()),
        "speeches": list(draft.speeches.all()),
        "pending": selectors.pending_comments(draft).count(),
        "comment_total": selectors.comments_of(draft).count(),
        "actions": [a for a in DRAFT_FLOW.available(access, draft) if a.name != "send"],
        "can_manage": can_manage(access, draft),
        "can_change": can_change_content(access, draft),
        "can_moderate": access.has(MODERATE, draft.province_id),
        "today": timezone.localdate(),
        "public_url": reverse("consultations_public:draft", args=[draft.public_key]) if draft.online else "",
        "roles": _coordination_roles(draft.province_id, timezone.localdate()),
    }
    return render(request, "consultations/draft_detail.html", context)


def _coordination_roles(province_id: int, on) -> dict[str, list[str]]:
    """Who leads (chủ trì) and who coordinates (phối hợp) law consultation under the province's
    coordination regulation in force (`coordination.roles_for`, a provided capability)."""
    from dancu.core.modules import is_provided, provided
    from dancu.directory.models import Body

    if not is_provided("coordination.roles_for"):
        return {"lead": [], "coordinate": []}
    found = provided("coordination.roles_for")(province_id, "consultation", on)
    ids = [*found.get("lead", []), *found.get("coordinate", [])]
    names = {pk: short or name for pk, short, name in Body.objects.filter(pk__in=ids).values_list("pk", "short_name", "name")}
    return {key: [names[pk] for pk in found.get(key, []) if pk in names] for key in ("lead", "coordinate")}


@login_required
@require_http_methods(["GET", "POST"])
def draft_edit(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    initial = {f: getattr(draft, f) for f in services.DRAFT_FIELDS}
    form = DraftEditForm(
        request.POST or None, initial=initial, access=get_access(request.user), province_id=draft.province_id
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _call(form, services.draft_update, actor=request.user, draft=draft, **form.cleaned_data)
    ):
        return _detail(draft)
    return _form_page(request, form, _("Edit the draft"), draft)


@login_required
@require_http_methods(["GET", "POST"])
def draft_delete(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    if request.method == "POST":
        services.draft_delete(actor=request.user, draft=draft)
        messages.success(request, _("The draft was deleted."))
        return redirect("consultations:draft_list")
    goes = [
        _("%(n)d versions") % {"n": draft.versions.count()},
        _("%(n)d comments") % {"n": draft.comments.count()},
    ]
    return render(
        request,
        "consultations/confirm_delete.html",
        {
            "title": _("Delete the draft"),
            "what": draft.name,
            "back": reverse("consultations:draft_detail", args=[draft.pk]),
            "goes": goes,
        },
    )


@login_required
@require_POST
def draft_step(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = TransitionForm(request.POST, actions=[a.name for a in DRAFT_FLOW.actions])
    if not form.is_valid():
        raise ValidationFailed(_("This step does not exist."), code="unknown_action")
    services.draft_transition(actor=request.user, draft=draft, action=form.cleaned_data["action"])
    return _detail(draft)


# -- versions ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def version_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        version = _call(form, services.version_add, actor=request.user, draft=draft, **form.params())
        if version:
            messages.success(
                request,
                _("Version %(n)d: %(a)d articles, %(k)d clauses, %(p)d points.")
                % {
                    "n": version.number,
                    "a": version.article_count,
                    "k": version.clause_count,
                    "p": version.point_count,
                },
            )
            return redirect("consultations:version_outline", draft.pk, version.number)
    return _form_page(
        request,
        form,
        _("Add a version of the draft"),
        draft,
        multipart=True,
        help_text=_("The file is read into Part / Chapter / Section / Article / Clause / Point."),
    )


def _version(request, draft_id: int, number: int, perm: str = VIEW) -> tuple[Draft, DraftVersion]:
    draft = selectors.draft_get(request.user, draft_id, perm)
    return draft, selectors.version_get(draft, number)


@login_required
@require_GET
def version_outline(request: HttpRequest, draft_id: int, number: int) -> HttpResponse:
    draft, version = _version(request, draft_id, number)
    latest = selectors.latest_version(draft)
    consulted = selectors.consulted_version(draft)
    counts = selectors.comment_counts(draft) if consulted and consulted.pk == version.pk else {}
    context = {
        "draft": draft,
        "version": version,
        "versions": selectors.versions_of(draft),
        "tree": enrich(version.outline, counts),
        "is_latest": latest is not None and latest.pk == version.pk,
        "can_manage": can_change_content(get_access(request.user), draft),
    }
    return render(request, "consultations/version_outline.html", context)


@login_required
@require_GET
def version_diff(request: HttpRequest, draft_id: int, number: int) -> HttpResponse:
    draft, version = _version(request, draft_id, number)
    previous, matches, follow = selectors.version_alignment(draft, version)
    if previous is None:
        raise NotFound(
            _("This is the first version: there is nothing to compare it with."),
            code=ConsultationError.VERSION_NOT_FOUND,
        )
    show = request.GET.get("show") or "changes"
    shown = [m for m in matches if show == "all" or m.status != "unchanged"]
    from .align import summary

    context = {
        "draft": draft,
        "version": version,
        "previous": previous,
        "matches": shown,
        "summary": summary(matches),
        "follow": follow,
        "show": show,
    }
    return render(request, "consultations/version_diff.html", context)


@login_required
@require_GET
def version_file(request: HttpRequest, draft_id: int, number: int) -> HttpResponseBase:
    _draft, version = _version(request, draft_id, number)
    if not version.file:
        raise NotFound(_("This version has no stored file."), code=ConsultationError.VERSION_NOT_FOUND)
    try:
        content = version.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise NotFound(
            _("This version has no stored file."), code=ConsultationError.VERSION_NOT_FOUND
        ) from exc
    return files.file_response(
        content, filename=version.original_name or version.file.name.rsplit("/", 1)[-1]
    )


@login_required
@require_POST
def version_delete(request: HttpRequest, draft_id: int, number: int) -> HttpResponse:
    draft, version = _version(request, draft_id, number, MANAGE)
    services.version_delete(actor=request.user, version=version)
    return _detail(draft)


# -- the plan -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def recipients_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = RecipientsForm(
        request.POST or None, province_id=draft.province_id, initial={"requested_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(
            form,
            services.recipients_add,
            actor=request.user,
            draft=draft,
            bodies=list(data["bodies"]),
            requested_on=data["requested_on"],
            due_on=data.get("due_on"),
            request_number=data.get("request_number") or "",
        ):
            return _detail(draft)
    return _form_page(request, form, _("Ask bodies for comments"), draft)


@login_required
@require_http_methods(["GET", "POST"])
def recipient_edit(request: HttpRequest, recipient_id: int) -> HttpResponse:
    recipient = selectors.recipient_get(request.user, recipient_id)
    form = RecipientEditForm(
        request.POST or None, initial={"due_on": recipient.due_on, "answered_on": recipient.answered_on}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _call(
            form, services.recipient_update, actor=request.user, recipient=recipient, **form.cleaned_data
        )
    ):
        return _detail(recipient.draft)
    return _form_page(request, form, recipient.body.name, recipient.draft)


@login_required
@require_POST
def recipient_delete(request: HttpRequest, recipient_id: int) -> HttpResponse:
    recipient = selectors.recipient_get(request.user, recipient_id)
    services.recipient_delete(actor=request.user, recipient=recipient)
    return _detail(recipient.draft)


@login_required
@require_http_methods(["GET", "POST"])
def conference_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = ConferenceForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _call(form, services.conference_add, actor=request.user, draft=draft, **form.params())
    ):
        return _detail(draft)
    return _form_page(request, form, _("Add a conference"), draft)


@login_required
@require_POST
def conference_delete(request: HttpRequest, conference_id: int) -> HttpResponse:
    conference = selectors.conference_get(request.user, conference_id)
    services.conference_delete(actor=request.user, conference=conference)
    return _detail(conference.draft)


# -- comments ---------------------------------------------------------------------------


@login_required
@require_GET
def comment_list(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id)
    access = get_access(request.user)
    status = request.GET.get("status") or ""
    rows = (
        selectors.comments_of(draft, status=status or None)
        if status in ("", "pending", "published", "rejected")
        else selectors.comments_of(draft)
    )
    page = paginate(request, rows)
    for c in page.object_list:
        c.steps = list(COMMENT_FLOW.available(access, c))  # type: ignore[attr-defined]
    context = {
        "draft": draft,
        "page": page,
        "status": status,
        "can_change": can_change_content(access, draft),
    }
    return render(request, "consultations/comment_list.html", context)


def _comment_form(draft: Draft, data=None) -> CommentForm:
    version = selectors.latest_version(draft)
    paths = article_options(version.outline) if version else []
    return CommentForm(
        data,
        paths=paths,
        recipients=selectors.recipients_of(draft),
        conferences=selectors.conferences_of(draft),
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = _comment_form(draft, request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _call(form, services.comment_record, actor=request.user, draft=draft, **form.params())
    ):
        messages.success(request, _("The comment was recorded."))
        return redirect("consultations:comment_add", draft.pk)
    return _form_page(request, form, _("Record a comment"), draft)


@login_required
@require_POST
def comment_step(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.comment_get(request.user, comment_id, MODERATE)
    form = TransitionForm(request.POST, actions=[a.name for a in COMMENT_FLOW.actions])
    if not form.is_valid():
        raise ValidationFailed(_("This step does not exist."), code="unknown_action")
    services.comment_transition(actor=request.user, comment=comment, action=form.cleaned_data["action"])
    return redirect(f"{reverse('consultations:comment_list', args=[comment.draft_id])}?status=pending")


@login_required
@require_POST
def comment_delete(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.comment_get(request.user, comment_id, MANAGE)
    services.comment_delete(actor=request.user, comment=comment)
    return redirect("consultations:comment_list", comment.draft_id)


@login_required
@require_GET
def comment_template(request: HttpRequest, draft_id: int) -> HttpResponse:
    selectors.draft_get(request.user, draft_id, MANAGE)
    return _download(importing.template(), "mau-y-kien-gop-y.xlsx", XLSX_TYPE)


@login_required
@require_http_methods(["GET", "POST"])
def comment_import(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = SpreadsheetUploadForm(request.POST or None, request.FILES or None)
    row_errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        try:
            rows, row_errors = importing.read(draft, form.cleaned_data["file"])
        except ValidationFailed as exc:
            attach_error(form, exc)
            rows = []
        if not row_errors and not form.errors:
            if not rows:
                form.add_error(None, _("The file has no comment."))
            else:
                created = _call(form, services.comments_import, actor=request.user, draft=draft, rows=rows)
                if created:
                    messages.success(request, _("%(n)d comments imported.") % {"n": len(created)})
                    return redirect("consultations:comment_list", draft.pk)
    status = 400 if (form.is_bound and (form.errors or row_errors)) else 200
    context = {
        "draft": draft,
        "form": form,
        "row_errors": row_errors,
        "template_url": reverse("consultations:comment_template", args=[draft.pk]),
        "title": _("Import comments from Excel"),
    }
    return render(request, "consultations/import.html", context, status=status)


# -- synthesis -----------------------------------------------------------------------------


@login_required
@require_GET
def synthesis(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id)
    articles = selectors.draft_synthesis(draft)
    access = get_access(request.user)
    for a in articles:
        a.form = PositionForm(  # type: ignore[attr-defined]
            initial={
                "article_key": a.article_key,
                "text": a.position.text if a.position else "",
                "proposal": a.position.proposal if a.position else "",
            },
            auto_id=f"id_{a.article_key or 'all'}_%s",
        )
    context = {
        "draft": draft,
        "articles": articles,
        "can_change": can_change_content(access, draft),
        "can_manage": can_manage(access, draft),
        "has_position": any(a.position for a in articles),
    }
    return render(request, "consultations/synthesis.html", context)


@login_required
@require_POST
def position_save(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = PositionForm(request.POST)
    if form.is_valid():
        _call(form, services.position_save, actor=request.user, draft=draft, **form.cleaned_data)
    if form.errors:
        context = {"form": form, "title": _("Position of the delegation"), "draft": draft}
        return render(request, "consultations/form.html", context, status=400)
    key = form.cleaned_data.get("article_key") or "all"
    return redirect(f"{reverse('consultations:synthesis', args=[draft.pk])}#a-{key}")


@login_required
@require_GET
def synthesis_docx(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id)
    dispatch = draft.dispatches.first()
    data = documents.synthesis_docx(
        draft,
        number=dispatch.number.split("/")[0] if dispatch else None,
        date=dispatch.sent_on if dispatch else None,
    )
    return _download(data, f"bao-cao-tong-hop-y-kien-{draft.pk}.docx", files.DOCX.content_type)


@login_required
@require_GET
def synthesis_xlsx(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id)
    return _download(documents.synthesis_xlsx(draft), f"tong-hop-y-kien-{draft.pk}.xlsx", XLSX_TYPE)


@login_required
@require_http_methods(["GET", "POST"])
def dispatch(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    recipients = "\n".join(
        ([draft.vetting_committee] if draft.vetting_committee else []) + documents.DEFAULT_RECIPIENTS
    )
    form = DispatchForm(
        request.POST or None, initial={"sent_on": timezone.localdate(), "recipients": recipients}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _call(form, services.dispatch_record, actor=request.user, draft=draft, **form.params())
    ):
        messages.success(request, _("The dispatch of the synthesis was recorded."))
        return _detail(draft)
    return _form_page(request, form, _("Send the synthesis"), draft)


@login_required
@require_http_methods(["GET", "POST"])
def speech_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = selectors.draft_get(request.user, draft_id, MANAGE)
    form = SpeechForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _call(form, services.speech_add, actor=request.user, draft=draft, **form.cleaned_data)
    ):
        return _detail(draft)
    return _form_page(request, form, _("A deputy's speech at the session"), draft)


@login_required
@require_GET
def figures(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    year_text = request.GET.get("year") or ""
    year = int(year_text) if year_text.isdigit() and 1900 <= int(year_text) <= 2100 else None
    if year_text and year is None:
        raise ValidationFailed(_("Choose a year between 1900 and 2100."), code="consultation_bad_year")
    context = {"figures": selectors.figures(request.user, year=year), "year": year}
    return render(request, "consultations/figures.html", context)


# -- recipients' own users ----------------------------------------------------------------


@login_required
@require_GET
def respond_list(request: HttpRequest) -> HttpResponse:
    _require(request, RESPOND)
    rows = selectors.responder_recipients(request.user)
    return render(
        request,
        "consultations/respond_list.html",
        {"page": paginate(request, rows), "today": timezone.localdate()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def respond_draft(request: HttpRequest, draft_id: int) -> HttpResponse:
    recipient = selectors.responder_recipient(request.user, draft_id)
    draft = recipient.draft
    form = RespondForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _call(
            form, services.comment_respond, actor=request.user, recipient=recipient, **form.cleaned_data
        )
    ):
        messages.success(request, _("Your comment was sent to the Office."))
        anchor = (form.cleaned_data.get("path") or "").split(".")[0]
        return redirect(
            f"{reverse('consultations:respond_draft', args=[draft.pk])}#{anchor}"
            if anchor
            else reverse("consultations:respond_draft", args=[draft.pk])
        )
    version = selectors.latest_version(draft)
    mine = list(recipient.comments.order_by("pk"))
    context = {
        "draft": draft,
        "recipient": recipient,
        "version": version,
        "tree": enrich(version.outline, {}) if version else [],
        "form": form,
        "mine": mine,
        "open": draft.status == DraftStatus.COLLECTING,
    }
    return render(request, "consultations/respond_draft.html", context, status=form_status(form))


def _today() -> datetime.date:
    return timezone.localdate()
