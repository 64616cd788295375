"""Pages of the coordination module. A view maps its input to one service call through
`_write`: it refuses (403) who may not act at all, validates the form, calls the service
through `core.forms.submit`, and on a refusal re-renders the same page with the user's input
and the message next to the field (status 400)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dancu.core import files
from dancu.core.errors import PermissionDenied
from dancu.core.forms import Failed, form_status, submit
from dancu.core.htmx import paginate
from dancu.core.workflow import Workflow

from . import case, documents, forms, selectors, services
from .models import Area, MeetingStatus, RegulationArea, TaskStatus
from .permissions import (
    CoordinationPerm,
    access_of,
    can_manage,
    can_report_for,
    can_update_task,
    is_provincial,
    require,
)
from .workflow import MEETING_FLOW, TASK_FLOW

Page = Callable[[django_forms.Form], HttpResponse]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _write(
    request, form, service, *, allowed: bool, done: Callable[[Any], HttpResponse], page: Page, **kwargs
):
    require(allowed)
    if form.is_valid():
        result = submit(form, service, actor=request.user, **kwargs, **form.params())
        if not isinstance(result, Failed):
            return done(result)
        if isinstance(result.error, PermissionDenied):
            raise result.error
    response = page(form)
    response.status_code = form_status(form)
    return response


def _form_page(request, form, title: str, back: str = "", help_text: str = "") -> HttpResponse:
    return render(
        request,
        "coordination/form.html",
        {"form": form, "title": title, "back": back, "help": help_text},
        status=form_status(form),
    )


def _steps(flow: Workflow, access, obj) -> list[tuple[Any, str]]:
    """Each step of the record's state the user holds the right to take, with the reason it is
    not possible yet ("" when it is)."""
    return [
        (a, flow.blocked_reason(access, obj, a.name))
        for a in flow.actions
        if flow.state_of(obj) in a.sources and flow.permitted(access, obj, a.name)
    ]


def _docx(data: bytes, name: str) -> HttpResponseBase:
    return files.file_response(data, filename=name)


def _confirm_delete(request, *, what: str, back: str, service, done: str, blocked: str = "", **kwargs):
    form = django_forms.Form(_data(request))
    if request.method == "POST" and not blocked:
        result = submit(form, service, actor=request.user, **kwargs)
        if not isinstance(result, Failed):
            return redirect(done)
    context = {"form": form, "title": _("Delete"), "what": what, "back": back, "blocked": blocked}
    return render(request, "coordination/confirm_delete.html", context, status=form_status(form))


# -- the regulation ------------------------------------------------------------------------------


@login_required
def regulation_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request.user)
    access.require(CoordinationPerm.VIEW)
    regulations = selectors.regulations_visible(request.user).prefetch_related("parties")
    today = timezone.localdate()
    rows = [(r, r.valid_from <= today and (r.valid_to is None or r.valid_to >= today)) for r in regulations]
    return render(
        request,
        "coordination/regulation_list.html",
        {
            "rows": rows,
            "can_manage": can_manage(access, None) and access.has(CoordinationPerm.MANAGE),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def regulation_create(request: HttpRequest) -> HttpResponse:
    access = access_of(request.user)
    form = forms.RegulationCreateForm(_data(request), access=access)

    def page(f):
        return _form_page(
            request, f, _("New coordination regulation"), reverse("coordination:regulation_list")
        )  # noqa: E731

    require(can_manage(access, None) and access.has(CoordinationPerm.MANAGE))
    if request.method == "GET":
        return page(form)
    return _write(
        request,
        form,
        services.regulation_create,
        allowed=True,
        page=page,
        done=lambda r: redirect("coordination:regulation_detail", regulation_id=r.pk),
    )


@login_required
def regulation_detail(
    request: HttpRequest, regulation_id: int, area_form=None, review_form=None
) -> HttpResponse:
    regulation = selectors.regulation_get(request.user, regulation_id)
    access = access_of(request.user)
    manage = can_manage(access, regulation)
    areas = {row.area: row for row in selectors.areas_of(regulation)}
    context = {
        "regulation": regulation,
        "parties": regulation.parties.order_by("kind", "name"),
        "areas": [(code, label, areas.get(code)) for code, label in Area.choices],
        "reviews": selectors.reviews_visible(request.user).filter(regulation=regulation),
        "can_manage": manage,
        "area_form": area_form or (forms.AreaForm(province_id=regulation.province_id) if manage else None),
        "review_form": review_form
        or (forms.ReviewCreateForm(initial={"year": timezone.localdate().year}) if manage else None),
    }
    status = (
        400
        if (area_form is not None and area_form.errors) or (review_form is not None and review_form.errors)
        else 200
    )
    return render(request, "coordination/regulation_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def regulation_edit(request: HttpRequest, regulation_id: int) -> HttpResponse:
    regulation = selectors.regulation_get(request.user, regulation_id)
    require(can_manage(access_of(request.user), regulation))
    initial = {f: getattr(regulation, f) for f in ("number", "signed_on", "title", "valid_from", "valid_to")}
    initial["parties"] = list(regulation.parties.all())
    form = forms.RegulationForm(_data(request), initial=initial, province_id=regulation.province_id)
    back = reverse("coordination:regulation_detail", args=[regulation.pk])
    page = lambda f: _form_page(request, f, _("Edit the regulation"), back)  # noqa: E731
    if request.method == "GET":
        return page(form)
    return _write(
        request,
        form,
        services.regulation_update,
        allowed=True,
        page=page,
        regulation=regulation,
        done=lambda r: redirect(back),
    )


@login_required
@require_http_methods(["GET", "POST"])
def regulation_delete(request: HttpRequest, regulation_id: int) -> HttpResponse:
    regulation = selectors.regulation_get(request.user, regulation_id)
    require(can_manage(access_of(request.user), regulation))
    blocked = (
        _("A regulation that has been reviewed is kept; set the end of its validity instead.")
        if regulation.reviews.exists()
        else ""
    )
    return _confirm_delete(
        request,
        what=regulation.number,
        blocked=blocked,
        back=reverse("coordination:regulation_detail", args=[regulation.pk]),
        service=services.regulation_delete,
        done=reverse("coordination:regulation_list"),
        regulation=regulation,
    )


@login_required
@require_POST
def area_set(request: HttpRequest, regulation_id: int) -> HttpResponse:
    regulation = selectors.regulation_get(request.user, regulation_id)
    form = forms.AreaForm(request.POST, province_id=regulation.province_id)
    return _write(
        request,
        form,
        services.area_set,
        allowed=can_manage(access_of(request.user), regulation),
        regulation=regulation,
        done=lambda r: redirect("coordination:regulation_detail", regulation_id=regulation.pk),
        page=lambda f: regulation_detail(request, regulation.pk, area_form=f),
    )


@login_required
@require_POST
def area_delete(request: HttpRequest, area_id: int) -> HttpResponse:
    row = RegulationArea.objects.select_related("regulation").filter(pk=area_id).first()
    if row is None:
        raise Http404
    regulation = selectors.regulation_get(request.user, row.regulation_id)
    require(can_manage(access_of(request.user), regulation))
    services.area_delete(actor=request.user, row=row)
    return redirect("coordination:regulation_detail", regulation_id=regulation.pk)


# -- reviews -------------------------------------------------------------------------------------


@login_required
@require_POST
def review_create(request: HttpRequest, regulation_id: int) -> HttpResponse:
    regulation = selectors.regulation_get(request.user, regulation_id)
    form = forms.ReviewCreateForm(request.POST)
    return _write(
        request,
        form,
        services.review_create,
        allowed=can_manage(access_of(request.user), regulation),
        regulation=regulation,
        done=lambda r: redirect("coordination:review_detail", review_id=r.pk),
        page=lambda f: regulation_detail(request, regulation.pk, review_form=f),
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_detail(request: HttpRequest, review_id: int) -> HttpResponse:
    review = selectors.review_get(request.user, review_id)
    access = access_of(request.user)
    manage = can_manage(access, review)
    initial = {f: getattr(review, f) for f in ("held_on", *services.NARRATIVE)}
    form = forms.ReviewForm(_data(request), initial=initial) if manage else None

    def page(f):
        context = {
            "review": review,
            "groups": selectors.review_figures(review.province_id, review.year),
            "form": f,
            "can_manage": manage,
        }
        return render(request, "coordination/review_detail.html", context)

    if request.method == "GET":
        return page(form)
    return _write(
        request,
        form,
        services.review_update,
        allowed=manage,
        review=review,
        page=page,
        done=lambda r: redirect("coordination:review_detail", review_id=r.pk),
    )


@login_required
def review_docx(request: HttpRequest, review_id: int) -> HttpResponseBase:
    review = selectors.review_get(request.user, review_id)
    groups = selectors.review_figures(review.province_id, review.year)
    data = documents.review_docx(review, groups, selectors.standing_committee(review.province_id))
    return _docx(data, f"bao-cao-so-ket-quy-che-phoi-hop-{review.year}.docx")


@login_required
@require_http_methods(["GET", "POST"])
def review_delete(request: HttpRequest, review_id: int) -> HttpResponse:
    review = selectors.review_get(request.user, review_id)
    require(can_manage(access_of(request.user), review))
    return _confirm_delete(
        request,
        what=str(review),
        back=reverse("coordination:review_detail", args=[review.pk]),
        service=services.review_delete,
        done=reverse("coordination:regulation_detail", args=[review.regulation_id]),
        review=review,
    )


# -- giao ban meetings ---------------------------------------------------------------------------


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request.user)
    access.require(CoordinationPerm.VIEW)
    status = request.GET.get("status", "")
    status = status if status in MeetingStatus.values else ""
    query = (request.GET.get("q") or "")[:200]
    meetings = selectors.meetings_visible(request.user, query=query, status=status)
    page = paginate(request, meetings)
    return render(
        request,
        "coordination/meeting_list.html",
        {
            "page": page,
            "status": status,
            "q": query,
            "statuses": MeetingStatus.choices,
            "can_manage": access.has(CoordinationPerm.MANAGE) and is_provincial(access, None),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    access = access_of(request.user)
    require(access.has(CoordinationPerm.MANAGE) and is_provincial(access, None))
    form = forms.MeetingCreateForm(_data(request), access=access, initial=forms.default_times())
    page = lambda f: _form_page(request, f, _("New giao ban meeting"), reverse("coordination:meeting_list"))  # noqa: E731
    if request.method == "GET":
        return page(form)
    return _write(
        request,
        form,
        services.meeting_create,
        allowed=True,
        page=page,
        done=lambda m: redirect("coordination:meeting_detail", meeting_id=m.pk),
    )


def _meeting_forms(meeting, access, user) -> dict[str, Any]:
    manage = can_manage(access, meeting)
    open_ = meeting.status not in services.CLOSED
    return {
        "conclusions_form": forms.ConclusionsForm(initial={"conclusions": meeting.conclusions})
        if manage and meeting.status == MeetingStatus.HELD
        else None,
        "opinion_form": forms.OpinionForm(
            province_id=meeting.province_id, participants=meeting.participants.all()
        )
        if manage and open_
        else None,
        "task_form": forms.TaskForm(province_id=meeting.province_id)
        if manage and meeting.status in (MeetingStatus.HELD, MeetingStatus.CONCLUDED)
        else None,
    }


@login_required
def meeting_detail(
    request: HttpRequest, meeting_id: int, bound: dict[str, Any] | None = None, step_error: str = ""
) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    access = access_of(request.user)
    manage = can_manage(access, meeting)
    participants = list(meeting.participants.order_by("name"))
    reports = {r.body_id: r for r in selectors.reports_of(meeting)}
    rows = [
        (
            b,
            reports.get(b.pk),
            can_report_for(access, meeting.province_id, b.pk) and meeting.status not in services.CLOSED,
        )
        for b in participants
    ]
    tasks = list(meeting.tasks.select_related("owner_body", "owner_person").order_by("due_date", "pk"))
    today = timezone.localdate()
    context = {
        "meeting": meeting,
        "rows": rows,
        "reported": len(reports),
        "opinions": meeting.opinions.select_related("body"),
        "tasks": [
            (t, t.status in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS) and t.due_date < today) for t in tasks
        ],
        "steps": _steps(MEETING_FLOW, access, meeting),
        "step_error": step_error,
        "can_manage": manage,
        "open": meeting.status not in services.CLOSED,
        "timeline": case.timeline(meeting),
        **_meeting_forms(meeting, access, request.user),
        **(bound or {}),
    }
    status = 400 if bound or step_error else 200
    return render(request, "coordination/meeting_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    require(can_manage(access_of(request.user), meeting))
    initial = {f: getattr(meeting, f) for f in ("title", "period", "place", "reports_due", "agenda")}
    initial |= {
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "participants": list(meeting.participants.all()),
    }
    form = forms.MeetingForm(_data(request), initial=initial, province_id=meeting.province_id)
    back = reverse("coordination:meeting_detail", args=[meeting.pk])
    page = lambda f: _form_page(request, f, _("Edit the meeting"), back)  # noqa: E731
    if request.method == "GET":
        return page(form)
    return _write(
        request,
        form,
        services.meeting_update,
        allowed=True,
        page=page,
        meeting=meeting,
        done=lambda m: redirect(back),
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_delete(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    require(can_manage(access_of(request.user), meeting))
    blocked = ""
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED) or meeting.reports.exists():
        blocked = _("Only a meeting not yet invited (or cancelled) without reports can be deleted.")
    return _confirm_delete(
        request,
        what=meeting.title,
        blocked=blocked,
        back=reverse("coordination:meeting_detail", args=[meeting.pk]),
        service=services.meeting_delete,
        done=reverse("coordination:meeting_list"),
        meeting=meeting,
    )


@login_required
@require_POST
def meeting_transition(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    require(can_manage(access_of(request.user), meeting))
    form = forms.StepForm(request.POST, flow=MEETING_FLOW)
    if form.is_valid():
        result = submit(
            form,
            services.meeting_transition,
            actor=request.user,
            meeting=meeting,
            action=form.cleaned_data["action"],
        )
        if not isinstance(result, Failed):
            return redirect("coordination:meeting_detail", meeting_id=meeting.pk)
    errors = " ".join(str(e) for e in form.non_field_errors()) or " ".join(
        str(e) for e in form.errors.get("action", [])
    )
    return meeting_detail(request, meeting.pk, step_error=errors or _("This step is not possible now."))


@login_required
@require_POST
def conclusions_set(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    return _write(
        request,
        forms.ConclusionsForm(request.POST),
        services.conclusions_set,
        allowed=can_manage(access_of(request.user), meeting),
        meeting=meeting,
        done=lambda m: redirect("coordination:meeting_detail", meeting_id=meeting.pk),
        page=lambda f: meeting_detail(request, meeting.pk, bound={"conclusions_form": f}),
    )


@login_required
@require_POST
def opinion_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    form = forms.OpinionForm(
        request.POST, province_id=meeting.province_id, participants=meeting.participants.all()
    )
    return _write(
        request,
        form,
        services.opinion_add,
        allowed=can_manage(access_of(request.user), meeting),
        meeting=meeting,
        done=lambda o: redirect("coordination:meeting_detail", meeting_id=meeting.pk),
        page=lambda f: meeting_detail(request, meeting.pk, bound={"opinion_form": f}),
    )


@login_required
@require_POST
def opinion_delete(request: HttpRequest, opinion_id: int) -> HttpResponse:
    from .models import Opinion

    opinion = Opinion.objects.select_related("meeting").filter(pk=opinion_id).first()
    if opinion is None:
        raise Http404
    meeting = selectors.meeting_get(request.user, opinion.meeting_id)
    require(can_manage(access_of(request.user), meeting))
    form = django_forms.Form(request.POST)
    result = submit(form, services.opinion_delete, actor=request.user, opinion=opinion)
    if isinstance(result, Failed):
        return meeting_detail(request, meeting.pk, step_error=result.error.message)
    return redirect("coordination:meeting_detail", meeting_id=meeting.pk)


@login_required
def invitation_docx(request: HttpRequest, meeting_id: int) -> HttpResponseBase:
    meeting = selectors.meeting_get(request.user, meeting_id)
    return _docx(documents.invitation_docx(meeting), f"giay-moi-giao-ban-{meeting.pk}.docx")


@login_required
def conclusions_docx(request: HttpRequest, meeting_id: int) -> HttpResponseBase:
    meeting = selectors.meeting_get(request.user, meeting_id)
    return _docx(documents.conclusions_docx(meeting), f"thong-bao-ket-luan-giao-ban-{meeting.pk}.docx")


# -- reports of the lower councils ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def report_submit(request: HttpRequest, meeting_id: int, body_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    body = meeting.participants.filter(pk=body_id).first()
    if body is None:
        raise Http404
    access = access_of(request.user)
    require(can_report_for(access, meeting.province_id, body.pk))
    report = meeting.reports.filter(body=body).first()
    initial = {f: getattr(report, f) for f in (*report.FIGURES, "notes")} if report else {}
    form = forms.ReportForm(_data(request), request.FILES or None, initial=initial)
    back = reverse("coordination:meeting_detail", args=[meeting.pk])

    def page(f):
        context = {
            "form": f,
            "meeting": meeting,
            "body": body,
            "report": report,
            "back": back,
            "closed": meeting.status in services.CLOSED,
        }
        return render(request, "coordination/report_form.html", context, status=form_status(f))

    if request.method == "GET":
        return page(form)
    return _write(
        request,
        form,
        services.report_submit,
        allowed=True,
        page=page,
        meeting=meeting,
        body=body,
        done=lambda r: redirect(back),
    )


@login_required
@require_POST
def report_delete(request: HttpRequest, report_id: int) -> HttpResponse:
    report = selectors.report_get(request.user, report_id)
    require(can_report_for(access_of(request.user), report.meeting.province_id, report.body_id))
    result = submit(
        django_forms.Form(request.POST), services.report_delete, actor=request.user, report=report
    )
    if isinstance(result, Failed):
        return meeting_detail(request, report.meeting_id, step_error=result.error.message)
    return redirect("coordination:meeting_detail", meeting_id=report.meeting_id)


@login_required
def report_file(request: HttpRequest, report_id: int) -> HttpResponseBase:
    report = selectors.report_get(request.user, report_id)
    if not report.file:
        raise Http404
    return files.file_response(report.file.open("rb"), filename=report.file_name or "bao-cao")


# -- tasks ---------------------------------------------------------------------------------------


@login_required
@require_POST
def task_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, meeting_id)
    form = forms.TaskForm(request.POST, province_id=meeting.province_id)
    return _write(
        request,
        form,
        services.task_create,
        allowed=can_manage(access_of(request.user), meeting),
        meeting=meeting,
        done=lambda t: redirect("coordination:meeting_detail", meeting_id=meeting.pk),
        page=lambda f: meeting_detail(request, meeting.pk, bound={"task_form": f}),
    )


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    access = access_of(request.user)
    access.require(CoordinationPerm.VIEW)
    status = request.GET.get("status", "")
    status = status if status in TaskStatus.values else ""
    overdue = request.GET.get("overdue") == "1"
    today = timezone.localdate()
    tasks = selectors.tasks_visible(request.user, status=status, overdue=overdue, today=today)
    page = paginate(request, tasks)
    return render(
        request,
        "coordination/task_list.html",
        {
            "page": page,
            "status": status,
            "overdue": overdue,
            "statuses": TaskStatus.choices,
            "today": today,
        },
    )


@login_required
def task_detail(request: HttpRequest, task_id: int, step_form=None) -> HttpResponse:
    task = selectors.task_get(request.user, task_id)
    access = access_of(request.user)
    context = {
        "task": task,
        "steps": _steps(TASK_FLOW, access, task),
        "step_form": step_form,
        "can_manage": can_manage(access, task),
        "overdue": task.status in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)
        and task.due_date < timezone.localdate(),
    }
    return render(
        request, "coordination/task_detail.html", context, status=400 if step_form is not None else 200
    )


@login_required
@require_POST
def task_transition(request: HttpRequest, task_id: int) -> HttpResponse:
    task = selectors.task_get(request.user, task_id)
    access = access_of(request.user)
    require(can_update_task(access, task, getattr(access, "coordination_person_id", None)))
    form = forms.StepForm(request.POST, flow=TASK_FLOW)
    if form.is_valid():
        result = submit(
            form,
            services.task_transition,
            actor=request.user,
            task=task,
            action=form.cleaned_data["action"],
            result=form.cleaned_data["result"],
        )
        if not isinstance(result, Failed):
            return redirect("coordination:task_detail", task_id=task.pk)
    return task_detail(request, task.pk, step_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, task_id: int) -> HttpResponse:
    task = selectors.task_get(request.user, task_id)
    require(can_manage(access_of(request.user), task))
    initial = {
        "content": task.content,
        "due_date": task.due_date,
        "owner_body": task.owner_body,
        "owner_person": task.owner_person,
    }
    form = forms.TaskForm(_data(request), initial=initial, province_id=task.province_id)
    back = reverse("coordination:task_detail", args=[task.pk])
    page = lambda f: _form_page(request, f, _("Edit the task"), back)  # noqa: E731
    if request.method == "GET":
        return page(form)
    return _write(
        request, form, services.task_update, allowed=True, page=page, task=task, done=lambda t: redirect(back)
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_delete(request: HttpRequest, task_id: int) -> HttpResponse:
    task = selectors.task_get(request.user, task_id)
    require(can_manage(access_of(request.user), task))
    blocked = (
        _("A task that was done is kept; it is part of the record.") if task.status == TaskStatus.DONE else ""
    )
    return _confirm_delete(
        request,
        what=task.content[:80],
        blocked=blocked,
        back=reverse("coordination:task_detail", args=[task.pk]),
        service=services.task_delete,
        done=reverse("coordination:meeting_detail", args=[task.meeting_id]),
        task=task,
    )
