"""Pages of voter meetings and petitions. A view maps the request to a form, calls one service
(through `core.forms.submit`, so a refusal re-renders the same form with the user's input and
the message, status 400) or selectors, and renders."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dancu.core.access import get_access
from dancu.core.errors import NotFound, PermissionDenied, ValidationFailed
from dancu.core.files import file_response
from dancu.core.forms import Failed, form_status, submit
from dancu.core.htmx import clean_query, paginate, render_list
from dancu.core.rows import render_filters

from . import case, listing, reports, selectors, services
from .errors import PetitionError
from .fields import FIELD_CHOICES, LEVEL_CHOICES
from .forms import (
    AnswerForm,
    BatchForm,
    ClassifyForm,
    ConsolidationForm,
    MeetingForm,
    OpinionsForm,
    OpinionUploadForm,
    PetitionFilterForm,
    PublishForm,
    ReviewForm,
    RoundForm,
    ServiceForm,
)
from .importing import opinion_template
from .models import Answer, AnswerStatus, Petition, Round
from .permissions import (
    ANSWER,
    CHANGE,
    FORWARD,
    VIEW,
    can_change,
    can_download_answer_file,
    can_forward,
    can_review,
    can_see_voters,
    require,
)
from .workflow import PETITION_FLOW


def percent(confidence: float) -> int:
    """A confidence (0-1) as a whole percentage: "78%", never "0,78"."""
    return round(100 * max(0.0, min(1.0, confidence or 0.0)))


def _need(request, perm: str, province_id: int | None = None) -> None:
    require(get_access(request.user), perm, province_id)


def _save(form: ServiceForm, service, /, **kwargs: Any) -> Any:
    """Validate `form` and call `service` with its arguments and `kwargs`, through
    `core.forms.submit`: the service's result, or None when the form is not valid or the
    service refused (the form then carries the message, next to its field). A permission
    refusal is not a form error: it propagates, and the page answers 403."""
    if not form.is_valid():
        return None
    result = submit(form, service, **kwargs, **form.arguments())
    if isinstance(result, Failed):
        if hasattr(form, "mark_invalid"):
            form.mark_invalid()  # the refused field shown as such, described by its message
        return None
    return result


def _render(request, template: str, context: dict[str, Any], *forms: Any) -> HttpResponse:
    """The page; status 400 when one of its forms carries errors (a refusal shown again)."""
    status = max((form_status(f) for f in forms if f is not None), default=200)
    return render(request, template, context, status=status)


def _download(data: bytes, name: str) -> FileResponse:
    """A generated document or export: always a download (core.files.file_response: an
    attachment, nosniff, the content type of its extension)."""
    return file_response(data, filename=name)


def _answer_file(answer: Answer) -> FileResponse:
    """An answer's attachment, as a download named after the petition (never the uploader's
    name); 404 when the file is missing from the storage."""
    extension = answer.file.name.rsplit(".", 1)[-1].lower() if "." in answer.file.name else "bin"
    try:
        handle = answer.file.open("rb")
    except OSError as exc:
        raise NotFound(
            _("This file does not exist or you may not see it."), code=PetitionError.FILE_NOT_FOUND
        ) from exc
    return file_response(handle, filename=f"tra_loi_{answer.petition.code}_{answer.pk}.{extension}")


# -- Rounds and meeting planning ----------------------------------------------------------------


@login_required
@require_GET
def round_list(request):
    _need(request, VIEW)
    rounds = selectors.rounds_visible(request.user, query=clean_query(request))
    context = {"page": paginate(request, rounds), "can_change": get_access(request.user).has(CHANGE)}
    return render_list(request, "petitions/round_list.html", "petitions/_round_rows.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request):
    provinces = selectors.provinces_for(request.user, CHANGE)
    if not provinces:
        raise PermissionDenied(_("You may not plan voter meetings."), code=PetitionError.FORBIDDEN)
    form = RoundForm(request.POST or None)
    if request.method == "POST":
        obj = _save(form, services.round_create, actor=request.user, province=provinces[0])
        if obj is not None:
            return redirect("petitions:round_detail", round_id=obj.pk)
    return _render(request, "petitions/round_form.html", {"form": form}, form)


def _round_page(request, round: Round, publish_form: PublishForm | None = None):
    access = get_access(request.user)
    forwarder = can_forward(access, round)
    context = {
        "round": round,
        "plan": selectors.planning(request.user, round),
        "can_change": can_change(access, round),
        "can_forward": forwarder,
        "unassigned": selectors.unassigned_opinions(request.user, round).count(),
        "publish_form": publish_form,
        # Answers that arrived and wait for the Office's review (it tells the Office they came).
        "new_answers": list(selectors.answers_to_review(request.user, round)[:20]) if forwarder else [],
    }
    return _render(request, "petitions/round_detail.html", context, publish_form)


@login_required
@require_GET
def round_detail(request, round_id: int):
    return _round_page(request, selectors.round_get(request.user, round_id))


@login_required
@require_POST
def round_publish(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    _need(request, FORWARD, round.province_id)
    form = PublishForm(request.POST)
    if _save(form, services.round_publish, actor=request.user, round=round) is not None:
        return redirect("petitions:round_detail", round_id=round.pk)
    return _round_page(request, round, form)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    _need(request, CHANGE, round.province_id)
    form = MeetingForm(request.POST or None, round=round)
    if request.method == "POST":
        meeting = _save(form, services.meeting_create, actor=request.user, round=round)
        if meeting is not None:
            return redirect("petitions:meeting_detail", meeting_id=meeting.pk)
    context = {"round": round, "form": form}
    return _render(request, "petitions/meeting_form.html", context, form)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail(request, meeting_id: int):
    """The meeting and its opinions; quick entry of one opinion or a pasted numbered list."""
    meeting = selectors.meeting_get(request.user, meeting_id)
    access = get_access(request.user)
    form = OpinionsForm(request.POST or None)
    message = ""
    if request.method == "POST":
        _need(request, CHANGE, meeting.province_id)
        created = _save(form, services.opinions_add, actor=request.user, meeting=meeting)
        if created is not None:
            message = _("%(n)d opinions recorded.") % {"n": len(created)}
            form = OpinionsForm()
    context = {
        "meeting": meeting,
        "opinions": selectors.opinions_of_meeting(request.user, meeting),
        "can_change": can_change(access, meeting),
        "show_voters": can_see_voters(access, meeting),
        "message": message,
        "form": form,
    }
    return _render(request, "petitions/meeting_detail.html", context, form)


@login_required
@require_http_methods(["GET", "POST"])
def opinion_import(request, meeting_id: int):
    meeting = selectors.meeting_get(request.user, meeting_id)
    _need(request, CHANGE, meeting.province_id)
    form = OpinionUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        job = _save(form, services.opinion_import_start, actor=request.user, meeting=meeting)
        if job is not None:
            return redirect("petitions:opinion_import_job", job_id=job.pk)
    context = {"meeting": meeting, "form": form}
    return _render(request, "petitions/opinion_import.html", context, form)


@login_required
@require_GET
def opinion_import_job(request, job_id: int):
    job, meeting = selectors.import_job_get(request.user, job_id)
    context = {
        "job": job,
        "meeting": meeting,
        "errors": job.errors[:200],
        "more_errors": max(0, len(job.errors) - 200),
    }
    if getattr(request, "htmx", False):
        return render(request, "petitions/_import_progress.html", context)
    return render(request, "petitions/opinion_import_job.html", context)


@login_required
@require_GET
def opinion_template_download(request):
    _need(request, CHANGE)
    return _download(opinion_template(), "mau_nhap_y_kien_cu_tri.xlsx")


# -- Consolidation and classification -----------------------------------------------------------


def _consolidation_page(
    request, round: Round, form: ConsolidationForm | None = None, message: str = ""
) -> HttpResponse:
    """The consolidation screen; for htmx, only its body (messages, toolbar, cards), which the
    screen's forms swap in place (a refusal: status 400 and the message, the ticks kept)."""
    access = get_access(request.user)
    groups = list(selectors.consolidation_groups(request.user, round))
    for p in groups:
        p.moves = {a.name for a in PETITION_FLOW.available(access, p)}  # type: ignore[attr-defined]
        p.similarity = percent(p.group_confidence)  # type: ignore[attr-defined]
    posted: dict[str, Any] = {"petition": [], "opinion": [], "target": "", "edit": ""}
    if form is not None and form.is_bound:
        data: Any = form.data  # the request's QueryDict
        posted = {
            "petition": [str(v) for v in data.getlist("petition")],
            "opinion": [str(v) for v in data.getlist("opinion")],
            "target": str(form.data.get("target") or ""),
            "edit": str(form.data.get("petition") or "") if form.data.get("action") == "edit" else "",
        }
    context = {
        "round": round,
        "groups": groups,
        "unassigned": selectors.unassigned_opinions(request.user, round),
        "fields": FIELD_CHOICES,
        "levels": LEVEL_CHOICES,
        "form": form,
        "posted": posted,
        "message": message,
    }
    htmx = getattr(request, "htmx", False) and not request.htmx.boosted
    template = "petitions/_consolidation_body.html" if htmx else "petitions/consolidation.html"
    return _render(request, template, context, form)


def _done(action: str, result: Any) -> str:
    """What the consolidation screen says after an action succeeded."""
    if action == "propose":
        return _("%(n)d petitions proposed from the new opinions.") % {"n": len(result)}
    if action == "confirm_all":
        return _("%(n)d proposed petitions confirmed.") % {"n": result}
    if action == "confirm":
        return _("%(n)d petitions confirmed.") % {"n": len(result)}
    if action == "unconfirm":
        return _("%(n)d petitions returned to proposals.") % {"n": len(result)}
    if action == "merge":
        return _("Merged into %(code)s, which keeps its wording.") % {"code": result.code}
    if action == "split":
        return _("The opinions taken out now form %(code)s.") % {"code": result.code}
    if action == "edit":
        return _("Wording of %(code)s saved.") % {"code": result.code}
    return _("%(n)d petitions classified.") % {"n": len(result)}


@login_required
@require_GET
def consolidation(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    _need(request, CHANGE, round.province_id)
    return _consolidation_page(request, round)


@login_required
@require_POST
def consolidation_action(request, round_id: int):
    """Propose groups, confirm, unconfirm, merge, split, classify or reword: one service call,
    all or nothing; a refusal shows the screen again with what was ticked and typed."""
    round = selectors.round_get(request.user, round_id)
    _need(request, CHANGE, round.province_id)
    form = ConsolidationForm(request.POST)
    result = _save(form, services.consolidation_act, actor=request.user, round=round)
    if result is None:
        return _consolidation_page(request, round, form)
    action = form.cleaned_data["action"]
    if form.cleaned_data.get("back") == "petition" and len(form.cleaned_data["petition"]) == 1:
        return redirect("petitions:petition_detail", petition_id=form.cleaned_data["petition"][0])
    if getattr(request, "htmx", False):
        return _consolidation_page(request, round, message=_done(action, result))
    return redirect("petitions:consolidation", round_id=round.pk)


def _filter_choices() -> dict[str, Any]:
    return {"fields": FIELD_CHOICES, "levels": LEVEL_CHOICES, "statuses": Petition.Status.choices}


@login_required
@require_GET
def petition_list(request):
    """The list, filtered; a filter that is not valid (an id of 10^25, an unknown field) is
    bad input: 400, its message by the filters, the rows listed with the valid filters only."""
    _need(request, VIEW)
    form = PetitionFilterForm(request.GET)
    filters = form.filters()
    status = 400 if form.errors else 200
    errors = render_to_string("petitions/_filter_errors.html", {"form": form}) if form.errors else ""
    rows = listing.rows_html(request, selectors.petitions_visible(request.user, **filters))
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return HttpResponse(errors + rows, status=status)
    filters_html = render_filters(
        "petitions/_petition_filters.html",
        _filter_choices,
        q=str(request.GET.get("q") or ""),
        field=filters["field"],
        level=filters["level"],
        status=filters["status"],
        repeated=filters["repeated"],
        mine=filters["mine"],
        mine_label=str(dict(form.fields["mine"].choices).get(filters["mine"], "")),  # type: ignore[attr-defined]
    )
    context = {
        "rows_html": mark_safe(errors + rows),  # noqa: S308 - rendered by our own templates
        "filters_html": mark_safe(filters_html),  # noqa: S308 - idem
    }
    return render(request, "petitions/petition_list.html", context, status=status)


@login_required
@require_GET
def petition_export(request):
    """The list as Excel, with the same scope and filters (at most `selectors.EXPORT_MAX` rows)."""
    _need(request, VIEW)
    form = PetitionFilterForm(request.GET)
    filters = form.filters()
    if form.errors:
        message = " ".join(str(e) for errors in form.errors.values() for e in errors)
        error = ValidationFailed(message, code=PetitionError.FILTER_INVALID)
        return render(request, "core/error.html", {"error": error}, status=400)
    rows = selectors.petitions_export(request.user, **filters)
    return _download(reports.petitions_xlsx(rows), f"kien_nghi_{timezone.localdate():%Y%m%d}.xlsx")


def _petition_page(
    request,
    petition: Petition,
    *,
    classify_form: ClassifyForm | None = None,
    review_form: ReviewForm | None = None,
    reviewed_id: int | None = None,
):
    """The case page: status and next legal step (deadline, days left), the actions the user
    may take now, the timeline, the files, the wording, opinions and answers."""
    access = get_access(request.user)
    answers = list(selectors.petition_answers(petition))
    reviewable = not PETITION_FLOW.blocked_reason(access, petition, "accept")
    for a in answers:
        a.petition = petition
        a.reviewable = reviewable and can_review(access, a)  # type: ignore[attr-defined]
        a.downloadable = bool(a.file) and can_download_answer_file(access, a)  # type: ignore[attr-defined]
    batches = list(selectors.petition_batches(petition))
    primary, others = case.actions(access, petition, answers)
    petition.field_certainty = percent(petition.field_confidence)  # type: ignore[attr-defined]
    petition.level_certainty = percent(petition.level_confidence)  # type: ignore[attr-defined]
    context = {
        "petition": petition,
        "opinions": selectors.petition_opinions(request.user, petition),
        "show_voters": can_see_voters(access, petition),
        "answers": answers,
        "batches": batches,
        "step": case.next_step(petition, batches, timezone.localdate()),
        "timeline": case.timeline(petition, batches, answers),
        "primary": primary,
        "more_actions": others,
        "files": [a for a in answers if a.downloadable],  # type: ignore[attr-defined]
        "can_change": can_change(access, petition),
        "form": classify_form or ClassifyForm(petition=petition),
        "review_form": review_form,
        "reviewed_id": reviewed_id,
        "overrides": petition.overrides.all()[:10],
        "merged_from": list(petition.merged_from.values_list("code", flat=True)[:20]),
    }
    return _render(request, "petitions/petition_detail.html", context, classify_form, review_form)


@login_required
@require_http_methods(["GET", "POST"])
def petition_detail(request, petition_id: int):
    try:
        petition = selectors.petition_get(request.user, petition_id)
    except NotFound:
        # A petition merged into another: its old address leads to the one it went into.
        into = selectors.merged_into(request.user, petition_id) if request.method == "GET" else None
        if into is None:
            raise
        return redirect("petitions:petition_detail", petition_id=into.pk)
    if request.method != "POST":
        return _petition_page(request, petition)
    _need(request, CHANGE, petition.province_id)
    form = ClassifyForm(request.POST, petition=petition)
    if _save(form, services.petition_classify, actor=request.user, petition=petition) is not None:
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    return _petition_page(request, petition, classify_form=form)


@login_required
@require_GET
def petition_suggest(request):
    """htmx: existing petitions (this and earlier rounds) that ask the same as the typed text."""
    _need(request, VIEW)
    text = clean_query(request, "text", max_length=2000)
    suggestions = []
    if len(text) >= 10:
        suggestions = [(p, round(s, 2)) for p, s in selectors.suggest(request.user, text)]
    return render(request, "petitions/_suggestions.html", {"suggestions": suggestions})


# -- Forwarding and review ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def batch_list(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    access = get_access(request.user)
    form = BatchForm(request.POST or None, user=request.user, round=round)
    if request.method == "POST":
        _need(request, FORWARD, round.province_id)
        batch = _save(form, services.batch_create, actor=request.user, round=round)
        if batch is not None:
            return redirect("petitions:batch_detail", batch_id=batch.pk)
    context = {
        "round": round,
        "batches": selectors.batches_visible(request.user, round_id=round.pk),
        "ready": selectors.ready_to_forward(request.user, round),
        # A petition's case page links here with it ticked ("Forward petitions").
        "preselected": [str(v) for v in request.POST.getlist("petition")]
        if form.is_bound
        else [v for v in request.GET.getlist("petition") if v.isdigit()][:50],
        "form": form,
        "can_forward": can_forward(access, round),
        "today": timezone.localdate(),
    }
    return _render(request, "petitions/batch_list.html", context, form)


@login_required
@require_GET
def batch_detail(request, batch_id: int):
    batch = selectors.batch_get(request.user, batch_id)
    context = {
        "batch": batch,
        "petitions": selectors.agency_petitions(batch),
        # Answers' attachments: the Office roles of the province (delegates read the text only).
        "can_download": can_forward(get_access(request.user), batch),
    }
    return render(request, "petitions/batch_detail.html", context)


@login_required
@require_GET
def batch_letter(request, batch_id: int):
    batch = selectors.batch_get(request.user, batch_id)
    return _download(reports.cover_letter(batch), f"cong_van_chuyen_kien_nghi_{batch.pk}.docx")


@login_required
@require_GET
def answer_file(request, answer_id: int):
    """An answer's attachment, for the Office roles of the province and the agency that
    answered (`permissions.can_download_answer_file`); always a download."""
    return _answer_file(selectors.answer_file_get(request.user, answer_id))


@login_required
@require_POST
def answer_review(request, answer_id: int):
    answer = selectors.answer_get(request.user, answer_id)
    _need(request, FORWARD, answer.petition.province_id)
    form = ReviewForm(request.POST)
    if _save(form, services.answer_review, actor=request.user, answer=answer) is not None:
        return redirect("petitions:petition_detail", petition_id=answer.petition_id)
    petition = selectors.petition_get(request.user, answer.petition_id)
    return _petition_page(request, petition, review_form=form, reviewed_id=answer.pk)


# -- Agency responders -------------------------------------------------------------------------


@login_required
@require_GET
def agency_inbox(request):
    _need(request, ANSWER)
    context = {"batches": selectors.agency_batches(request.user), "today": timezone.localdate()}
    return render(request, "petitions/agency_inbox.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agency_batch(request, batch_id: int):
    """The agency's page: petitions forwarded to it (no opinions, no voters) and its answers."""
    _need(request, ANSWER)
    batch = selectors.agency_batch_get(request.user, batch_id)
    form = AnswerForm(request.POST or None, request.FILES or None, batch=batch)
    if (
        request.method == "POST"
        and _save(form, services.answer_submit, actor=request.user, batch=batch) is not None
    ):
        return redirect("petitions:agency_batch", batch_id=batch.pk)
    access = get_access(request.user)
    petitions = list(selectors.agency_petitions(batch))
    posted = str(form["petition"].value()) if form.is_bound else None
    for p in petitions:
        p.answerable = not PETITION_FLOW.blocked_reason(access, p, "answer")  # type: ignore[attr-defined]
        p.posted = posted == str(p.pk)  # type: ignore[attr-defined]  # the form to show again
    context = {
        "batch": batch,
        "petitions": petitions,
        "statuses": AnswerStatus.choices,
        "form": form,
        "today": timezone.localdate(),
    }
    return _render(request, "petitions/agency_batch.html", context, form)


# -- Reports and dashboard ---------------------------------------------------------------------


@login_required
@require_GET
def report_synthesis(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    groups = selectors.synthesis(request.user, round)
    if request.GET.get("format", "docx") == "xlsx":
        return _download(reports.synthesis_xlsx(round, groups), f"tong_hop_kien_nghi_{round.code}.xlsx")
    data = reports.synthesis_docx(round, groups, number=None, date=timezone.localdate())
    return _download(data, f"bao_cao_tong_hop_kien_nghi_{round.code}.docx")


@login_required
@require_GET
def report_results(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    rows = selectors.results_by_agency(request.user, round)
    if request.GET.get("format") == "xlsx":
        return _download(reports.results_xlsx(rows), f"ket_qua_tra_loi_{round.code}.xlsx")
    if request.GET.get("format") == "docx":
        data = reports.results_docx(round, rows, number=None, date=timezone.localdate())
        return _download(data, f"bao_cao_ket_qua_tra_loi_{round.code}.docx")
    return render(request, "petitions/report_results.html", {"round": round, "rows": rows})


@login_required
@require_GET
def dashboard(request):
    """Charts of the petitions the user may see, each with its table of figures; every figure
    links to the list with the filter it counts."""
    _need(request, VIEW)
    data = selectors.dashboard(request.user)
    charts = []
    for key, title, kind, width in (
        ("field", _("By field"), "bar", 6),
        ("level", _("By competent level"), "doughnut", 3),
        ("status", _("By status"), "doughnut", 3),
        ("agency", _("By agency"), "bar", 6),
        ("trend", _("Trend over rounds"), "line", 6),
    ):
        series = data["chart"][key]
        rows = [
            {"label": label, "n": n, "filter": f}
            for label, n, f in zip(series["labels"], series["data"], series["filters"], strict=True)
        ]
        charts.append({"key": key, "title": title, "type": kind, "width": width, "rows": rows})
    return render(request, "petitions/dashboard.html", {**data, "charts": charts})


# -- Public pages -------------------------------------------------------------------------------


@require_GET
def public_round_list(request):
    return render(request, "petitions/public_round_list.html", {"rounds": selectors.public_rounds()})


@require_GET
def public_round_detail(request, round_id: int):
    round = selectors.public_round_get(round_id)
    context = {
        "round": round,
        "page": paginate(request, selectors.public_petitions(round)),
        "today": timezone.localdate(),
    }
    return render(request, "petitions/public_round_detail.html", context)


@require_GET
def public_answer_file(request, answer_id: int):
    """The attachment of a published answer (the one the public pages show), as a download."""
    return _answer_file(selectors.public_answer_file_get(answer_id))


@require_GET
def public_lookup(request):
    code = clean_query(request, "code", max_length=30)
    petition, merged_code = selectors.public_petition_by_code(code) if code else (None, "")
    context = {"code": code, "petition": petition, "merged_code": merged_code, "today": timezone.localdate()}
    return render(request, "petitions/public_lookup.html", context)
