"""Pages of voter meetings and petitions. Views parse input and call selectors and services."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dancu.core.access import get_access
from dancu.core.errors import NotFound, PermissionDenied, ValidationFailed
from dancu.core.excel import XLSX_CONTENT_TYPE, SpreadsheetRejected, check_upload
from dancu.core.htmx import clean_int, clean_query, paginate, render_list
from dancu.core.models import ImportJob
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Person, UnitLevel

from . import listing, reports, selectors, services
from .fields import FIELD_CHOICES, LEVEL_CHOICES
from .importing import IMPORT_KIND, opinion_template
from .models import AnswerStatus, DelegateLevel, MeetingKind, Petition
from .permissions import ANSWER, CHANGE, FORWARD, VIEW

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _need(request, perm: str, province_id: int | None = None) -> None:
    get_access(request.user).require(perm, province_id)


def _date(value: str | None) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(value or ""))
    except ValueError as exc:
        raise ValidationFailed(_("Enter a valid date.")) from exc


def _download(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _ids(request, name: str) -> list[int]:
    return [int(x) for x in request.POST.getlist(name) if str(x).isdigit()]


# -- Rounds and meeting planning ----------------------------------------------------------------


@login_required
@require_GET
def round_list(request):
    _need(request, VIEW)
    rounds = selectors.rounds_visible(request.user, query=clean_query(request))
    context = {"page": paginate(request, rounds), "can_change": get_access(request.user).has(CHANGE)}
    return render_list(request, "petitions/round_list.html", "petitions/_round_rows.html", context)


class RoundForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    code = forms.SlugField(label=gettext_lazy("Code"), max_length=40)
    start_date = forms.DateField(label=gettext_lazy("Start"), widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(
        label=gettext_lazy("End"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def _provinces_with(user, perm: str) -> list[AdministrativeUnit]:
    provinces = get_access(user).provinces_with(perm)
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    if isinstance(provinces, set):
        qs = qs.filter(pk__in=provinces)
    return list(qs.order_by("name"))


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request):
    provinces = _provinces_with(request.user, CHANGE)
    if not provinces:
        raise PermissionDenied(_("You may not plan voter meetings."))
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        obj = services.round_create(
            actor=request.user,
            province=provinces[0],
            name=d["name"],
            code=d["code"],
            start_date=d["start_date"],
            end_date=d["end_date"],
        )
        return redirect("petitions:round_detail", round_id=obj.pk)
    return render(request, "petitions/round_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_GET
def round_detail(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    context = {
        "round": round,
        "plan": selectors.planning(request.user, round),
        "can_change": get_access(request.user).has(CHANGE, round.province_id),
        "can_forward": get_access(request.user).has(FORWARD, round.province_id),
        "unassigned": selectors.unassigned_opinions(request.user, round).count(),
    }
    return render(request, "petitions/round_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    _need(request, CHANGE, round.province_id)
    # Today's communes of the province (parent or, for pre-2025 units, grandparent).
    communes = AdministrativeUnit.objects.filter(
        Q(parent_id=round.province_id) | Q(parent__parent_id=round.province_id), level=UnitLevel.COMMUNE
    ).order_by(F("valid_to").desc(nulls_first=True), "name")
    delegates = Person.objects.filter(province_id=round.province_id).order_by("full_name")
    organisers = Body.objects.filter(
        province_id=round.province_id,
        kind__in=[
            BodyKind.FATHERLAND_FRONT,
            BodyKind.NA_DELEGATION,
            BodyKind.STANDING_COMMITTEE,
            BodyKind.DELEGATE_GROUP,
        ],
    )
    errors = ""
    if request.method == "POST":
        try:
            place = communes.filter(pk=clean_int_post(request, "place") or 0).first()
            if place is None:
                raise ValidationFailed(_("Choose the commune."))
            meeting = services.meeting_create(
                actor=request.user,
                round=round,
                kind=request.POST.get("kind", ""),
                date=_date(request.POST.get("date")),
                place=place,
                levels=request.POST.getlist("levels"),
                organisers=list(organisers.filter(pk__in=_ids(request, "organisers"))),
                delegates=list(delegates.filter(pk__in=_ids(request, "delegates"))),
                voter_count=clean_int_post(request, "voter_count") or 0,
                venue=request.POST.get("venue", ""),
                sector=request.POST.get("sector", ""),
            )
            return redirect("petitions:meeting_detail", meeting_id=meeting.pk)
        except ValidationFailed as exc:
            errors = exc.message
    context = {
        "round": round,
        "communes": communes,
        "delegates": delegates,
        "organisers": organisers,
        "kinds": MeetingKind.choices,
        "levels": DelegateLevel.choices,
        "errors": errors,
    }
    return render(request, "petitions/meeting_form.html", context, status=400 if errors else 200)


def clean_int_post(request, name: str) -> int | None:
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail(request, meeting_id: int):
    """The meeting and its opinions; quick entry of one opinion or a pasted numbered list."""
    meeting = selectors.meeting_get(request.user, meeting_id)
    can_change = get_access(request.user).has(CHANGE, meeting.province_id)
    message = ""
    if request.method == "POST":
        _need(request, CHANGE, meeting.province_id)
        pasted = request.POST.get("pasted", "")
        if pasted.strip():
            rows = [
                {"text": t, "area": request.POST.get("area", "")}
                for t in services.parse_numbered_list(pasted)
            ]
        else:
            rows = [
                {
                    "text": request.POST.get("text", ""),
                    "voter_label": request.POST.get("voter_label", ""),
                    "area": request.POST.get("area", ""),
                }
            ]
        created = services.opinions_add(actor=request.user, meeting=meeting, rows=rows, source="form")
        message = _("%(n)d opinions recorded.") % {"n": len(created)}
    context = {
        "meeting": meeting,
        "opinions": selectors.opinions_of_meeting(request.user, meeting),
        "can_change": can_change,
        "show_voters": selectors.can_see_voters(request.user, meeting.province_id),
        "message": message,
    }
    return render(request, "petitions/meeting_detail.html", context)


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Excel file (.xlsx) or CSV"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            try:
                check_upload(upload)
            except SpreadsheetRejected as exc:
                raise forms.ValidationError(exc.message) from exc
        elif upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


@login_required
@require_http_methods(["GET", "POST"])
def opinion_import(request, meeting_id: int):
    meeting = selectors.meeting_get(request.user, meeting_id)
    _need(request, CHANGE, meeting.province_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob(
            kind=IMPORT_KIND,
            province_code=meeting.province.code,
            params={"meeting_id": meeting.pk, "language": get_language()},
            created_by=request.user,
            original_name=upload.name[:255],
        )
        job.file.save(upload.name, upload, save=False)
        job.save()
        from .tasks import run_opinion_import

        transaction.on_commit(lambda: run_opinion_import.delay(job.pk))
        return redirect("petitions:opinion_import_job", job_id=job.pk)
    return render(
        request,
        "petitions/opinion_import.html",
        {"meeting": meeting, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def opinion_import_job(request, job_id: int):
    job = ImportJob.objects.filter(pk=job_id, kind=IMPORT_KIND).first()
    if job is None:
        raise NotFound("")
    meeting = selectors.meeting_get(request.user, int(job.params.get("meeting_id") or 0))
    _need(request, CHANGE, meeting.province_id)
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
    return _download(opinion_template(), "mau_nhap_y_kien_cu_tri.xlsx", XLSX_CONTENT_TYPE)


# -- Consolidation and classification -----------------------------------------------------------


@login_required
@require_GET
def consolidation(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    _need(request, CHANGE, round.province_id)
    context = {
        "round": round,
        "groups": selectors.consolidation_groups(request.user, round),
        "unassigned": selectors.unassigned_opinions(request.user, round),
        "fields": FIELD_CHOICES,
    }
    return render(request, "petitions/consolidation.html", context)


@login_required
@require_POST
def consolidation_action(request, round_id: int):
    """Propose groups, confirm, merge, split or reword (one form per action, keyboard-friendly)."""
    round = selectors.round_get(request.user, round_id)
    _need(request, CHANGE, round.province_id)
    action = request.POST.get("action", "")
    if action == "propose":
        services.consolidate_round(actor=request.user, round=round)
    elif action == "confirm_all":
        services.round_confirm_all(actor=request.user, round=round)
    else:
        petitions = selectors.petitions_visible(request.user, round_id=round.pk)
        chosen = list(petitions.filter(pk__in=_ids(request, "petition")))
        if not chosen:
            raise ValidationFailed(_("Choose a petition."))
        if action == "confirm":
            for p in chosen:
                services.petition_transition(actor=request.user, petition=p, action="confirm")
        elif action == "merge":
            if len(chosen) < 2:
                raise ValidationFailed(_("Choose at least two petitions to merge."))
            services.petition_merge(actor=request.user, target=chosen[0], sources=chosen[1:])
        elif action == "split":
            services.petition_split(
                actor=request.user, petition=chosen[0], opinion_ids=_ids(request, "opinion")
            )
        elif action == "edit":
            services.petition_edit(actor=request.user, petition=chosen[0], text=request.POST.get("text", ""))
        else:
            raise ValidationFailed(_("Unknown action."))
    return redirect("petitions:consolidation", round_id=round.pk)


@login_required
@require_GET
def petition_list(request):
    _need(request, VIEW)
    field = request.GET.get("field", "")
    level = request.GET.get("level", "")
    status = request.GET.get("status", "")
    query = clean_query(request)
    qs = selectors.petitions_visible(
        request.user,
        query=query,
        round_id=clean_int(request, "round"),
        field=field if field in dict(FIELD_CHOICES) else "",
        level=level if level in dict(LEVEL_CHOICES) else "",
        status=status if status in Petition.Status.values else "",
    )
    if request.GET.get("repeated") == "1":
        qs = selectors.repeated_unresolved(request.user).filter(pk__in=qs.values("pk"))
    rows = listing.rows_html(request, qs)
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return HttpResponse(rows)
    context = {
        "rows_html": mark_safe(rows),  # noqa: S308 - rendered by our own template
        "fields": FIELD_CHOICES,
        "levels": LEVEL_CHOICES,
        "statuses": Petition.Status.choices,
        "field": field,
        "level": level,
        "status": status,
        "repeated": request.GET.get("repeated") == "1",
    }
    return render(request, "petitions/petition_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def petition_detail(request, petition_id: int):
    petition = selectors.petition_get(request.user, petition_id)
    access = get_access(request.user)
    can_change = access.has(CHANGE, petition.province_id)
    if request.method == "POST":
        _need(request, CHANGE, petition.province_id)
        bodies = Body.objects.filter(province_id=petition.province_id)
        agency = bodies.filter(pk=clean_int_post(request, "agency") or 0).first()
        committee = bodies.filter(pk=clean_int_post(request, "committee") or 0).first()
        services.petition_classify(
            actor=request.user,
            petition=petition,
            field=request.POST.get("field", ""),
            level=request.POST.get("level", ""),
            agency=agency,
            committee=committee,
        )
        return redirect("petitions:petition_detail", petition_id=petition.pk)
    context = {
        "petition": petition,
        "opinions": selectors.petition_opinions(request.user, petition),
        "show_voters": selectors.can_see_voters(request.user, petition.province_id),
        "answers": petition.answers.select_related("batch__agency").order_by("-created_at"),
        "can_change": can_change,
        "can_forward": access.has(FORWARD, petition.province_id),
        "fields": FIELD_CHOICES,
        "levels": LEVEL_CHOICES,
        "agencies": Body.objects.filter(
            province_id=petition.province_id, kind__in=[BodyKind.AGENCY, BodyKind.PEOPLES_COMMITTEE]
        ).order_by("name"),
        "committees": Body.objects.filter(province_id=petition.province_id, kind=BodyKind.COMMITTEE).order_by(
            "name"
        ),
        "overrides": petition.overrides.all()[:10],
    }
    return render(request, "petitions/petition_detail.html", context)


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
    can_forward = access.has(FORWARD, round.province_id)
    if request.method == "POST":
        _need(request, FORWARD, round.province_id)
        agency = Body.objects.filter(
            province_id=round.province_id, pk=clean_int_post(request, "agency") or 0
        ).first()
        if agency is None:
            raise ValidationFailed(_("Choose the agency."))
        petitions = list(
            selectors.petitions_visible(request.user, round_id=round.pk).filter(
                pk__in=_ids(request, "petition")
            )
        )
        batch = services.batch_create(
            actor=request.user,
            round=round,
            agency=agency,
            petitions=petitions,
            dispatch_number=request.POST.get("dispatch_number", ""),
            dispatch_date=_date(request.POST.get("dispatch_date")),
        )
        return redirect("petitions:batch_detail", batch_id=batch.pk)
    ready = selectors.petitions_visible(request.user, round_id=round.pk).filter(
        status__in=[Petition.Status.CONFIRMED, Petition.Status.REOPENED]
    )
    context = {
        "round": round,
        "batches": selectors.batches_visible(request.user, round_id=round.pk),
        "ready": ready,
        "agencies": Body.objects.filter(
            province_id=round.province_id, kind__in=[BodyKind.AGENCY, BodyKind.PEOPLES_COMMITTEE]
        ).order_by("name"),
        "can_forward": can_forward,
        "today": timezone.localdate(),
    }
    return render(request, "petitions/batch_list.html", context)


@login_required
@require_GET
def batch_detail(request, batch_id: int):
    batch = selectors.batch_get(request.user, batch_id)
    context = {
        "batch": batch,
        "petitions": selectors.agency_petitions(batch),
        "can_forward": get_access(request.user).has(FORWARD, batch.province_id),
    }
    return render(request, "petitions/batch_detail.html", context)


@login_required
@require_GET
def batch_letter(request, batch_id: int):
    batch = selectors.batch_get(request.user, batch_id)
    return _download(reports.cover_letter(batch), f"cong_van_chuyen_kien_nghi_{batch.pk}.docx", DOCX)


@login_required
@require_POST
def answer_review(request, answer_id: int):
    from .models import Answer

    answer = Answer.objects.select_related("petition", "batch").filter(pk=answer_id).first()
    if answer is None:
        raise NotFound("")
    selectors.petition_get(request.user, answer.petition_id)  # scope check
    services.answer_review(
        actor=request.user,
        answer=answer,
        accepted=request.POST.get("accepted") == "1",
        reason=request.POST.get("reason", ""),
    )
    return redirect("petitions:petition_detail", petition_id=answer.petition_id)


@login_required
@require_POST
def round_publish(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    services.round_publish(actor=request.user, round=round, public=request.POST.get("public") == "1")
    return redirect("petitions:round_detail", round_id=round.pk)


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
    if request.method == "POST":
        petition = batch.petitions.filter(pk=clean_int_post(request, "petition") or 0).first()
        if petition is None:
            raise NotFound("")
        services.answer_submit(
            actor=request.user,
            batch=batch,
            petition=petition,
            text=request.POST.get("text", ""),
            status=request.POST.get("status", ""),
            file=request.FILES.get("file"),
        )
        return redirect("petitions:agency_batch", batch_id=batch.pk)
    context = {
        "batch": batch,
        "petitions": selectors.agency_petitions(batch),
        "statuses": AnswerStatus.choices,
    }
    return render(request, "petitions/agency_batch.html", context)


# -- Reports and dashboard ---------------------------------------------------------------------


@login_required
@require_GET
def report_synthesis(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    groups = selectors.synthesis(request.user, round)
    fmt = request.GET.get("format", "docx")
    if fmt == "xlsx":
        return _download(
            reports.synthesis_xlsx(round, groups), f"tong_hop_kien_nghi_{round.code}.xlsx", XLSX_CONTENT_TYPE
        )
    data = reports.synthesis_docx(round, groups, number=None, date=timezone.localdate())
    return _download(data, f"bao_cao_tong_hop_kien_nghi_{round.code}.docx", DOCX)


@login_required
@require_GET
def report_results(request, round_id: int):
    round = selectors.round_get(request.user, round_id)
    rows = selectors.results_by_agency(request.user, round)
    if request.GET.get("format") == "xlsx":
        return _download(reports.results_xlsx(rows), f"ket_qua_tra_loi_{round.code}.xlsx", XLSX_CONTENT_TYPE)
    if request.GET.get("format") == "docx":
        data = reports.results_docx(round, rows, number=None, date=timezone.localdate())
        return _download(data, f"bao_cao_ket_qua_tra_loi_{round.code}.docx", DOCX)
    return render(request, "petitions/report_results.html", {"round": round, "rows": rows})


@login_required
@require_GET
def dashboard(request):
    _need(request, VIEW)
    return render(request, "petitions/dashboard.html", selectors.dashboard(request.user))


# -- Public pages -------------------------------------------------------------------------------


@require_GET
def public_round_list(request):
    return render(request, "petitions/public_round_list.html", {"rounds": selectors.public_rounds()})


@require_GET
def public_round_detail(request, round_id: int):
    round = selectors.public_round_get(round_id)
    context = {"round": round, "page": paginate(request, selectors.public_petitions(round))}
    return render(request, "petitions/public_round_detail.html", context)


@require_GET
def public_lookup(request):
    code = clean_query(request, "code", max_length=30)
    petition = selectors.public_petition_by_code(code) if code else None
    return render(request, "petitions/public_lookup.html", {"code": code, "petition": petition})
