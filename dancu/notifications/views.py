"""Pages of notifications: the list (mark one or all as read), the bell fragment, the
preferences and "Việc của tôi". Every page is the signed-in user's own."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dancu.core.forms import Failed, form_status, submit

from . import selectors, services, worklist
from .forms import NotificationFilterForm, PreferencesForm, WorklistFilterForm

PER_PAGE = 30


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    form = NotificationFilterForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    unread_only = valid and form.is_bound and form.cleaned_data.get("show") == "unread"
    rows = selectors.notifications_of(request.user, unread_only=unread_only) if valid else None
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page")) if rows is not None else None
    context = {
        "form": form,
        "page": page,
        "unread": selectors.unread_count(request.user),
        "unread_only": unread_only,
    }
    return render(request, "notifications/notification_list.html", context, status=form_status(form))


@login_required
@require_GET
def bell(request: HttpRequest) -> HttpResponse:
    """The bell alone (the top bar refreshes it with htmx)."""
    return render(request, "notifications/_bell.html", {"unread": selectors.unread_count(request.user), "poll": True})


def _safe_next(request: HttpRequest, url: str) -> str:
    return (
        url if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()) else ""
    )


@login_required
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one of my notifications as read; with `open`, go on to its page."""
    notification = services.notification_mark_read(actor=request.user, notification_id=notification_id)
    if request.POST.get("open"):
        target = _safe_next(request, notification.url)
        if target:
            return redirect(target)
    return redirect(_safe_next(request, request.POST.get("next", "")) or "notifications:list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(actor=request.user)
    if count:
        messages.success(request, _("Marked %(n)d notifications as read.") % {"n": count})
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial_values=selectors.preferences_of(request.user),
    )
    if request.method == "POST" and form.is_valid():
        result = submit(form, services.preferences_save, actor=request.user, enabled=form.choices())
        if not isinstance(result, Failed):
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form}, status=form_status(form))


@login_required
@require_GET
def my_work(request: HttpRequest) -> HttpResponse:
    modules = [(name, worklist.module_label(name)) for name in worklist.work_item_modules()]
    form = WorklistFilterForm(request.GET or None, modules=modules)
    if form.is_bound and not form.is_valid():
        return render(request, "notifications/my_work.html", {"form": form, "work": None}, status=400)
    filters = form.cleaned_data if form.is_bound else {}
    work = worklist.build(
        request.user,
        module=filters.get("module", ""),
        kind=filters.get("kind", ""),
        today=timezone.localdate(),
    )
    context = {
        "form": form,
        "work": work,
        "module": filters.get("module", ""),
        "kind": filters.get("kind", ""),
    }
    return render(request, "notifications/my_work.html", context)
