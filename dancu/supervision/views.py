"""Pages of the supervision module.

Each write maps a form to one service call (`_write`): refuse (403) who may not act at all,
validate, call the service through `core.forms.submit`, and on a refusal re-render the same
page with the input kept and the message next to the field (status 400).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, cast

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dancu.core import files
from dancu.core.access import get_access
from dancu.core.errors import NotFound, PermissionDenied, ValidationFailed
from dancu.core.forms import Failed, form_status, submit
from dancu.core.htmx import paginate

from . import coordination, documents, forms, selectors, services
from .errors import SupervisionError
from .models import LADDER, ActivityKind, Answer, DocumentKind, EscalationLevel, Recommendation
from .permissions import SupervisionPerm, can_adopt, can_answer, can_manage, can_see_recommendation, require
from .ruleset import value_on
from .workflow import ACTIVITY_FLOW, BUTTONS, PROGRAMME_FLOW, RecommendationStatus

Page = Callable[[django_forms.Form], HttpResponse]


def _post(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _write(
    request: HttpRequest,
    form: forms.SupervisionForm,
    service: Callable[..., Any],
    *,
    allowed: bool,
    done: Callable[[Any], HttpResponse],
    page: Page,
    **kwargs: Any,
) -> HttpResponse:
    require(allowed)
    if form.is_valid():
        result = submit(form, service, actor=request.user, **kwargs, **form.params())
        if not isinstance(result, Failed):
            return done(result)
    response = page(form)
    response.status_code = form_status(form)
    return response


def _form_view(
    request: HttpRequest,
    form: forms.SupervisionForm,
    service: Callable[..., Any],
    *,
    allowed: bool,
    done: Callable[[Any], HttpResponse],
    page: Page,
    **kwargs: Any,
) -> HttpResponse:
    if request.method != "POST":
        require(allowed)
        return page(form)
    return _write(request, form, service, allowed=allowed, done=done, page=page, **kwargs)


def _form_page(
    request: HttpRequest, form: django_forms.Form, *, title: str, back: str = "", help: str = ""
) -> HttpResponse:
    return render(
        request, "supervision/form.html", {"form": form, "title": title, "back": back, "help": help}
    )


def _year(request: HttpRequest) -> int:
    value = request.GET.get("year") or ""
    if not value:
        return timezone.localdate().year
    if not value.isdigit() or not 2000 <= int(value) <= 2100:
        raise ValidationFailed(_("Enter a year between 2000 and 2100."), code=SupervisionError.OUT_OF_RANGE)
    return int(value)


def _steps(flow: Any, access: Any, obj: Any) -> list[tuple[Any, str]]:
    steps = []
    for name in BUTTONS[flow.label]:
        action = flow.action(name)
        if flow.state_of(obj) in action.sources and flow.permitted(access, obj, name):
            steps.append((action, flow.blocked_reason(access, obj, name)))
    return steps


def _days_left(day: datetime.date | None, today: datetime.date) -> int | None:
    return None if day is None else (day - today).days


def docx_response(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=files.DOCX.content_type)
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# -- programmes ---------------------------------------------------------------------------------


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(SupervisionPerm.VIEW)
    year = _year(request)
    programmes = selectors.programmes_visible(request.user, year=year)
    context = {
        "year": year,
        "programmes": programmes,
        "can_manage": access.has(SupervisionPerm.MANAGE),
        "years": [year - 1, year, year + 1],
    }
    return render(request, "supervision/programme_list.html", context)


@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    form = forms.ProgrammeForm(_post(request), access=access, initial={"year": timezone.localdate().year + 1})
    return _form_view(
        request,
        form,
        services.programme_create,
        allowed=access.has(SupervisionPerm.MANAGE),
        done=lambda p: redirect("supervision:programme_detail", programme_id=p.pk),
        page=lambda f: _form_page(request, f, title=_("New programme")),
    )


def _programme_page(request: HttpRequest, programme: Any, **bound: Any) -> HttpResponse:
    access = get_access(request.user)
    activities = selectors.activities_visible(request.user).filter(programme=programme)
    context = {
        "programme": programme,
        "activities": activities,
        "steps": _steps(PROGRAMME_FLOW, access, programme),
        "can_manage": can_manage(access, programme),
        "can_adopt": can_adopt(access, programme),
        "step_form": bound.get("step_form")
        or forms.TransitionForm(
            initial={
                "resolution_number": programme.resolution_number,
                "resolution_date": programme.resolution_date,
            }
        ),
        "proposals": programme.proposals.all(),
    }
    response = render(request, "supervision/programme_detail.html", context)
    return response


@login_required
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    return _programme_page(request, selectors.programme_get(request.user, programme_id))


@login_required
def programme_edit(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = selectors.programme_get(request.user, programme_id)
    form = forms.ProgrammeEditForm(
        _post(request), initial={"title": programme.title, "notes": programme.notes}
    )
    return _form_view(
        request,
        form,
        services.programme_update,
        allowed=can_manage(get_access(request.user), programme),
        done=lambda p: redirect("supervision:programme_detail", programme_id=p.pk),
        page=lambda f: _form_page(request, f, title=_("Edit the programme"), back=programme.title),
        programme=programme,
    )


def _confirm(
    request: HttpRequest,
    *,
    what: str,
    back: str,
    service: Callable[..., Any],
    allowed: bool,
    done: str,
    **kwargs: Any,
) -> HttpResponse:
    require(allowed)
    form = forms.SupervisionForm(_post(request))
    if request.method == "POST":
        result = submit(form, service, actor=request.user, **kwargs)
        if not isinstance(result, Failed):
            return redirect(done)
    context = {"form": form, "what": what, "back": back, "title": _("Delete")}
    return render(request, "supervision/confirm_delete.html", context, status=form_status(form))


@login_required
def programme_delete(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = selectors.programme_get(request.user, programme_id)
    from django.urls import reverse

    return _confirm(
        request,
        what=programme.title,
        back=reverse("supervision:programme_detail", args=[programme.pk]),
        service=services.programme_delete,
        allowed=can_manage(get_access(request.user), programme),
        done=reverse("supervision:programme_list"),
        programme=programme,
    )


@login_required
@require_POST
def programme_transition(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = selectors.programme_get(request.user, programme_id)
    access = get_access(request.user)
    return _write(
        request,
        forms.TransitionForm(request.POST),
        services.programme_transition,
        allowed=any(PROGRAMME_FLOW.permitted(access, programme, a.name) for a in PROGRAMME_FLOW.actions),
        done=lambda p: redirect("supervision:programme_detail", programme_id=p.pk),
        page=lambda f: _programme_page(request, programme, step_form=f),
        programme=programme,
    )


# -- proposals ----------------------------------------------------------------------------------


def _province_of(request: HttpRequest, perm: str = SupervisionPerm.MANAGE) -> Any:
    """The one province the user works in (the first where they hold `perm`)."""
    from dancu.directory.models import AdministrativeUnit

    ids = get_access(request.user).province_ids(perm)
    qs = AdministrativeUnit.objects.filter(level="province", valid_to__isnull=True)
    province = (qs if ids is None else qs.filter(pk__in=ids)).order_by("pk").first()
    if province is None:
        raise PermissionDenied(_("You do not have permission to do this."))
    return province


@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(SupervisionPerm.VIEW)
    year = _year(request)
    can = access.has(SupervisionPerm.MANAGE)
    petitions = None
    if can:
        province = _province_of(request)
        rows = services.recurring_petitions(request.user, province.pk)
        taken = set(
            selectors.proposals_visible(request.user)
            .filter(link_kind="petitions.petition")
            .values_list("link_id", flat=True)
        )
        petitions = None if rows is None else [r for r in rows if int(r.get("id", 0)) not in taken]
    context = {
        "year": year,
        "proposals": paginate(request, selectors.proposals_visible(request.user, year=year)),
        "can_manage": can,
        "petitions": petitions,
        "programmes": selectors.programmes_visible(request.user, year=year).exclude(status="adopted"),
    }
    return render(request, "supervision/proposal_list.html", context)


@login_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(SupervisionPerm.MANAGE)
    province = _province_of(request)
    form = forms.ProposalForm(
        _post(request),
        province_id=province.pk,
        initial={"year": timezone.localdate().year + 1, "received_on": timezone.localdate()},
    )
    return _form_view(
        request,
        form,
        services.proposal_create,
        allowed=True,
        done=lambda p: redirect(f"{_url('supervision:proposal_list')}?year={p.year}"),
        page=lambda f: _form_page(request, f, title=_("New proposal")),
        province=province,
    )


def _url(name: str, *args: Any) -> str:
    from django.urls import reverse

    return reverse(name, args=args)


@login_required
def proposal_edit(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = selectors.proposal_get(request.user, proposal_id)
    initial = {
        f: getattr(proposal, f)
        for f in (
            "source",
            "source_body",
            "proposer",
            "received_on",
            "topic",
            "need",
            "content",
            "scope",
            "targets",
        )
    }
    form = forms.ProposalForm(_post(request), province_id=proposal.province_id, editing=True, initial=initial)
    return _form_view(
        request,
        form,
        services.proposal_update,
        allowed=can_manage(get_access(request.user), proposal),
        done=lambda p: redirect(f"{_url('supervision:proposal_list')}?year={p.year}"),
        page=lambda f: _form_page(request, f, title=_("Edit the proposal"), back=proposal.topic),
        proposal=proposal,
    )


@login_required
def proposal_delete(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = selectors.proposal_get(request.user, proposal_id)
    return _confirm(
        request,
        what=proposal.topic,
        back=_url("supervision:proposal_list"),
        service=services.proposal_delete,
        allowed=can_manage(get_access(request.user), proposal),
        done=_url("supervision:proposal_list"),
        proposal=proposal,
    )


@login_required
@require_POST
def proposal_compile(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = selectors.proposal_get(request.user, proposal_id)
    require(can_manage(get_access(request.user), proposal))
    form = forms.CompileForm(
        request.POST,
        queryset=selectors.programmes_visible(request.user, year=proposal.year).exclude(status="adopted"),
    )
    if form.is_valid():
        result = submit(
            form, services.proposal_compile, actor=request.user, proposal=proposal, **form.params()
        )
        if not isinstance(result, Failed):
            return redirect("supervision:activity_edit", activity_id=result.pk)
    message = " ".join(str(e) for errors in form.errors.values() for e in errors)
    return render(request, "core/error.html", {"error": ValidationFailed(message)}, status=400)


@login_required
@require_POST
def proposal_from_petition(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(SupervisionPerm.MANAGE)
    province = _province_of(request)
    petition = request.POST.get("petition") or ""
    year = request.POST.get("year") or ""
    if not petition.isdigit() or not year.isdigit() or not 2000 <= int(year) <= 2100:
        raise ValidationFailed(_("Choose a petition."), code=SupervisionError.REQUIRED)
    services.proposal_from_petition(
        actor=request.user, province=province, year=int(year), petition_id=int(petition)
    )
    return redirect(f"{_url('supervision:proposal_list')}?year={year}")


# -- activities ---------------------------------------------------------------------------------


@login_required
def activity_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = selectors.programme_get(request.user, programme_id)
    y = programme.year
    form = forms.ActivityForm(
        _post(request),
        province_id=programme.province_id,
        initial={
            "kind": ActivityKind.THEMATIC,
            "planned_start": datetime.date(y, 1, 1),
            "planned_end": datetime.date(y, 1, 31),
        },
    )
    return _form_view(
        request,
        form,
        services.activity_create,
        allowed=can_manage(get_access(request.user), programme),
        done=lambda a: redirect("supervision:programme_detail", programme_id=programme.pk),
        page=lambda f: _form_page(request, f, title=_("New activity"), back=programme.title),
        programme=programme,
    )


@login_required
def activity_edit(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = selectors.activity_get(request.user, activity_id)
    initial = {
        "kind": activity.kind,
        "topic": activity.topic,
        "content": activity.content,
        "agencies": list(activity.agencies.all()),
        "places": list(activity.places.all()),
        "planned_start": activity.planned_start,
        "planned_end": activity.planned_end,
    }
    form = forms.ActivityForm(_post(request), province_id=activity.province_id, initial=initial)
    return _form_view(
        request,
        form,
        services.activity_update,
        allowed=can_manage(get_access(request.user), activity),
        done=lambda a: redirect("supervision:activity_detail", activity_id=a.pk),
        page=lambda f: _form_page(request, f, title=_("Edit the activity"), back=activity.topic),
        activity=activity,
    )


@login_required
def activity_delete(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = selectors.activity_get(request.user, activity_id)
    return _confirm(
        request,
        what=activity.topic,
        back=_url("supervision:activity_detail", activity.pk),
        service=services.activity_delete,
        allowed=can_manage(get_access(request.user), activity),
        done=_url("supervision:programme_detail", activity.programme_id),
        activity=activity,
    )


def _activity_page(request: HttpRequest, activity: Any, **bound: Any) -> HttpResponse:
    access = get_access(request.user)
    pid = activity.province_id
    today = timezone.localdate()
    team = getattr(activity, "team", None) if hasattr(activity, "team") else None
    recs = list(
        activity.recommendations.select_related("lead_agency")
        .prefetch_related("coordinating")
        .order_by("due_on", "id")
    )
    docs = {d.kind: d for d in activity.documents.all()}
    agency_reports = list(activity.agency_reports.select_related("agency"))
    deadlines = []
    decision = docs.get(DocumentKind.DECISION)
    if team and team.decision_date:
        days = value_on("plan_notice_days", team.decision_date, default=15)
        deadlines.append(
            (_("Plan and outline sent to the agencies"), team.decision_date + datetime.timedelta(days=days))
        )
    days = value_on("programme_notice_days", activity.planned_start, default=7)
    deadlines.append(
        (
            _("Programme sent before working with the agency"),
            activity.planned_start - datetime.timedelta(days=days),
        )
    )
    for r in agency_reports:
        deadlines.append((_("Report of %(agency)s due") % {"agency": r.agency.name}, r.due_on))
    days = value_on("team_report_days", activity.planned_end, default=7)
    deadlines.append((_("Team's draft report"), activity.planned_end + datetime.timedelta(days=days)))
    days = value_on("standing_review_days", activity.planned_end, default=30)
    deadlines.append(
        (_("Considered by the Standing Committee"), activity.planned_end + datetime.timedelta(days=days))
    )
    context = {
        "activity": activity,
        "team": team,
        "members": list(team.members.select_related("person", "body")) if team else [],
        "sessions": list(activity.sessions.select_related("agency")),
        "agency_reports": agency_reports,
        "documents": docs,
        "document_kinds": DocumentKind.choices,
        "decision": decision,
        "recommendations": recs,
        "deadlines": [(label, day, _days_left(day, today)) for label, day in deadlines],
        "steps": _steps(ACTIVITY_FLOW, access, activity),
        "can_manage": can_manage(access, activity),
        "merged": list(activity.merged.all()),
        "team_form": bound.get("team_form")
        or forms.TeamForm(
            initial={
                "decision_number": team.decision_number if team else "",
                "decision_date": team.decision_date if team else None,
            }
        ),
        "member_form": bound.get("member_form") or forms.MemberForm(province_id=pid),
        "session_form": bound.get("session_form") or forms.WorkSessionForm(province_id=pid),
        "report_form": bound.get("report_form")
        or forms.AgencyReportForm(province_id=pid, initial={"received_on": today}),
        "document_form": bound.get("document_form") or forms.DocumentForm(initial={"issued_on": today}),
        "recommendation_form": bound.get("recommendation_form") or forms.RecommendationForm(province_id=pid),
        "step_form": bound.get("step_form"),
        "today": today,
    }
    return render(request, "supervision/activity_detail.html", context)


@login_required
def activity_detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    return _activity_page(request, selectors.activity_get(request.user, activity_id))


def _activity_post(
    form_name: str,
    make: Callable[[HttpRequest, Any], forms.SupervisionForm],
    service: Callable[..., Any],
    done: Callable[[Any, Any], HttpResponse] | None = None,
) -> Callable[..., HttpResponse]:
    @login_required
    @require_POST
    def view(request: HttpRequest, activity_id: int) -> HttpResponse:
        activity = selectors.activity_get(request.user, activity_id)
        return _write(
            request,
            make(request, activity),
            service,
            allowed=can_manage(get_access(request.user), activity),
            done=(lambda r: done(activity, r))
            if done
            else (lambda _r: redirect("supervision:activity_detail", activity_id=activity.pk)),
            page=lambda f: _activity_page(request, activity, **{form_name: f}),
            activity=activity,
        )

    return view


activity_transition = _activity_post(
    "step_form", lambda r, a: forms.TransitionForm(r.POST), services.activity_transition
)
team_save = _activity_post("team_form", lambda r, a: forms.TeamForm(r.POST), services.team_save)
member_add = _activity_post(
    "member_form", lambda r, a: forms.MemberForm(r.POST, province_id=a.province_id), services.member_add
)
work_session_add = _activity_post(
    "session_form",
    lambda r, a: forms.WorkSessionForm(r.POST, province_id=a.province_id),
    services.work_session_add,
)
agency_report_receive = _activity_post(
    "report_form",
    lambda r, a: forms.AgencyReportForm(r.POST, province_id=a.province_id),
    services.agency_report_receive,
)
document_issue = _activity_post(
    "document_form", lambda r, a: forms.DocumentForm(r.POST), services.document_issue
)
recommendation_create = _activity_post(
    "recommendation_form",
    lambda r, a: forms.RecommendationForm(r.POST, province_id=a.province_id),
    services.recommendation_create,
)


@login_required
def document_docx(request: HttpRequest, activity_id: int, kind: str) -> HttpResponse:
    activity = selectors.activity_get(request.user, activity_id)
    if kind not in DocumentKind.values:
        raise NotFound(_("Not found."), code=SupervisionError.NOT_FOUND)
    data = documents.build(activity, kind)
    return docx_response(data, f"{kind}-{activity.pk}.docx")


@login_required
@require_POST
def document_finalize(request: HttpRequest, activity_id: int, kind: str) -> HttpResponse:
    """The draft / final toggle of a results report or conclusions (final locks the draft)."""
    activity = selectors.activity_get(request.user, activity_id)
    require(can_manage(get_access(request.user), activity))
    document = activity.documents.filter(kind=kind).first()
    if document is None:
        raise NotFound(_("Not found."), code=SupervisionError.NOT_FOUND)
    services.document_finalize(
        actor=request.user,
        document=document,
        final=request.POST.get("final") != "0",
        reason=request.POST.get("reason", ""),
    )
    return redirect("supervision:activity_detail", activity_id=activity.pk)


@login_required
@require_POST
def document_publish(request: HttpRequest, activity_id: int, kind: str) -> HttpResponse:
    activity = selectors.activity_get(request.user, activity_id)
    require(can_manage(get_access(request.user), activity))
    document = activity.documents.filter(kind=kind).first()
    if document is None:
        raise NotFound(_("Not found."), code=SupervisionError.NOT_FOUND)
    services.document_publish(
        actor=request.user, document=document, published=request.POST.get("published") != "0"
    )
    return redirect("supervision:activity_detail", activity_id=activity.pk)


# -- coordination -------------------------------------------------------------------------------


@login_required
def coordination_screen(request: HttpRequest) -> HttpResponse:
    get_access(request.user).require(SupervisionPerm.VIEW)
    return _coordination_page(request, _year(request))


def _coordination_page(request: HttpRequest, year: int, **bound: Any) -> HttpResponse:
    access = get_access(request.user)
    data = coordination.overlaps_for_year(request.user, year)
    context = {
        **data,
        "can_manage": access.has(SupervisionPerm.MANAGE),
        "resolve_form": bound.get("resolve_form"),
        "resolve_pair": bound.get("resolve_pair"),
        "activity_base": _url("supervision:activity_detail", 0)[:-2],
    }
    return render(request, "supervision/coordination.html", context, status=bound.get("status", 200))


@login_required
@require_POST
def coordination_resolve(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(SupervisionPerm.MANAGE)
    form = forms.ResolveForm(request.POST)
    if form.is_valid():
        params = form.params()
        first = selectors.activity_get(request.user, params.pop("first"))
        second = selectors.activity_get(request.user, params.pop("second"))
        result = submit(
            form, services.coordination_resolve, actor=request.user, first=first, second=second, **params
        )
        if not isinstance(result, Failed):
            return redirect(f"{_url('supervision:coordination')}?year={result.year}")
        year = first.programme.year
    else:
        year = timezone.localdate().year
    pair = (request.POST.get("first"), request.POST.get("second"))
    return _coordination_page(request, year, resolve_form=form, resolve_pair=pair, status=400)


# -- recommendations ----------------------------------------------------------------------------


@login_required
def recommendation_list(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(SupervisionPerm.RECOMMENDATIONS)
    filters = forms.RecommendationFilter(request.GET)
    cast(django_forms.ChoiceField, filters.fields["status"]).choices = [
        ("", ""),
        *RecommendationStatus.choices,
    ]
    if not filters.is_valid():
        message = " ".join(str(e) for errors in filters.errors.values() for e in errors)
        return render(request, "core/error.html", {"error": ValidationFailed(message)}, status=400)
    f = filters.cleaned_data
    qs = selectors.recommendations_visible(
        request.user,
        status=f.get("status") or "",
        agency_id=f.get("agency"),
        overdue=bool(f.get("overdue")),
        year=f.get("year"),
    )
    context = {
        "page": paginate(request, qs),
        "filters": f,
        "statuses": RecommendationStatus.choices,
        "today": timezone.localdate(),
        "staff": access.has(SupervisionPerm.VIEW),
    }
    return render(request, "supervision/recommendation_list.html", context)


def _recommendation_page(request: HttpRequest, rec: Recommendation, **bound: Any) -> HttpResponse:
    access = get_access(request.user)
    steps = list(rec.escalations.all())
    next_level = services.next_level(rec)
    context = {
        "rec": rec,
        "answers": list(rec.answers.all()),
        "escalations": steps,
        "ladder": [(value, EscalationLevel(value).label) for value in LADDER],
        "next_level": next_level,
        "next_label": EscalationLevel(next_level).label if next_level else "",
        "can_answer": rec.status == RecommendationStatus.OPEN
        and (can_answer(access, rec) or can_manage(access, rec)),
        "can_manage": can_manage(access, rec),
        "answer_form": bound.get("answer_form") or forms.AnswerForm(),
        "decide_form": bound.get("decide_form") or forms.DecideForm(),
        "escalate_form": bound.get("escalate_form") or forms.EscalateForm(initial={"level": next_level}),
        "today": timezone.localdate(),
        "hearing_provided": _provided("council.hearing_create"),
        "question_provided": _provided("council.question_create"),
    }
    return render(request, "supervision/recommendation_detail.html", context)


def _provided(name: str) -> bool:
    from dancu.core.modules import is_provided

    return is_provided(name)


@login_required
def recommendation_detail(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    rec = selectors.recommendation_get(request.user, recommendation_id)
    return _recommendation_page(request, rec)


def _rec_post(
    form_name: str,
    make: Callable[[HttpRequest], forms.SupervisionForm],
    service: Callable[..., Any],
    allowed: Callable[[Any, Recommendation], bool],
) -> Callable[..., HttpResponse]:
    @login_required
    @require_POST
    def view(request: HttpRequest, recommendation_id: int) -> HttpResponse:
        rec = selectors.recommendation_get(request.user, recommendation_id)
        return _write(
            request,
            make(request),
            service,
            allowed=allowed(get_access(request.user), rec),
            done=lambda _r: redirect("supervision:recommendation_detail", recommendation_id=rec.pk),
            page=lambda f: _recommendation_page(request, rec, **{form_name: f}),
            recommendation=rec,
        )

    return view


recommendation_answer = _rec_post(
    "answer_form",
    lambda r: forms.AnswerForm(r.POST, r.FILES),
    services.recommendation_answer,
    lambda access, rec: can_answer(access, rec) or can_manage(access, rec),
)
recommendation_decide = _rec_post(
    "decide_form", lambda r: forms.DecideForm(r.POST), services.recommendation_decide, can_manage
)
recommendation_escalate = _rec_post(
    "escalate_form", lambda r: forms.EscalateForm(r.POST), services.recommendation_escalate, can_manage
)


@login_required
def evidence_download(request: HttpRequest, answer_id: int) -> Any:
    answer = Answer.objects.select_related("recommendation").filter(pk=answer_id).first()
    if (
        answer is None
        or not answer.evidence
        or not can_see_recommendation(get_access(request.user), answer.recommendation)
    ):
        raise NotFound(_("Not found."), code=SupervisionError.NOT_FOUND)
    try:
        content = answer.evidence.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise NotFound(_("Not found."), code=SupervisionError.NOT_FOUND) from exc
    return files.file_response(content, filename=answer.evidence.name.rsplit("/", 1)[-1])


# -- figures ------------------------------------------------------------------------------------


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(SupervisionPerm.VIEW)
    year = _year(request)
    from .reports import year_figures

    context = {"year": year, **year_figures(request.user, year)}
    return render(request, "supervision/figures.html", context)


@login_required
def figures_xlsx(request: HttpRequest) -> HttpResponse:
    get_access(request.user).require(SupervisionPerm.VIEW)
    year = _year(request)
    from dancu.core.excel import XLSX_CONTENT_TYPE

    from .figures_export import figures_xlsx as build

    response = HttpResponse(build(request.user, year), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="so-lieu-giam-sat-{year}.xlsx"'
    return response


@login_required
def figures_docx(request: HttpRequest) -> HttpResponse:
    get_access(request.user).require(SupervisionPerm.VIEW)
    year = _year(request)
    from .figures_export import figures_docx as build

    return docx_response(build(request.user, year), f"bao-cao-giam-sat-{year}.docx")
