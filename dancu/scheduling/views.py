"""Pages of the calendar: month, week and agenda of every module's events, the event pages
with their clashes and free slots, halls, imports, subscriptions, feeds and session planning.
Each view maps input to one selector or service call."""

from __future__ import annotations

import calendar as pycalendar
import datetime
import html
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dancu.core.access import get_access
from dancu.core.errors import ApplicationError, PermissionDenied
from dancu.core.forms import Failed, form_status, submit
from dancu.directory.models import Body, Person

from . import clashes as clash_rules
from . import excel_schedule, feeds, ics, kinds, planning, selectors, services
from .forms import (
    CancelForm,
    EventForm,
    ExcelUploadForm,
    FeedForm,
    HallForm,
    IcsUploadForm,
    PlanningForm,
    SubscriptionForm,
    bodies_for,
)
from .models import Event
from .permissions import SchedulingPerm, can_edit_event, can_manage
from .roles import with_roles

VIEWS = ("month", "week", "agenda")
AGENDA_DAYS = 31
MONTH_CELL = 6
ICS_TYPE = "text/calendar; charset=utf-8"


def _require(request: HttpRequest, perm: str) -> None:
    if not get_access(request.user).has(perm):
        raise PermissionDenied(_("You do not have permission to do this."))


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 0 < number < 10**18 else None


def _day(value: str | None) -> datetime.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.datetime.strptime(value or "", fmt).date()  # noqa: DTZ007 - a date only
        except ValueError:
            continue
        if 1900 < day.year < 2200:
            return day
    return timezone.localdate()


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=timezone.get_current_timezone())


def _period(
    view: str, day: datetime.date
) -> tuple[datetime.date, datetime.date, datetime.date, datetime.date]:
    """(first shown day, day after the last, previous anchor, next anchor)."""
    if view == "week":
        first = day - datetime.timedelta(days=day.weekday())
        return (
            first,
            first + datetime.timedelta(days=7),
            first - datetime.timedelta(days=7),
            first + datetime.timedelta(days=7),
        )
    if view == "agenda":
        return (
            day,
            day + datetime.timedelta(days=AGENDA_DAYS),
            day - datetime.timedelta(days=AGENDA_DAYS),
            day + datetime.timedelta(days=AGENDA_DAYS),
        )
    month_first = day.replace(day=1)
    last = month_first.replace(day=pycalendar.monthrange(day.year, day.month)[1])
    first = month_first - datetime.timedelta(days=month_first.weekday())
    after = last + datetime.timedelta(days=7 - last.weekday())
    previous = (month_first - datetime.timedelta(days=1)).replace(day=1)
    following = last + datetime.timedelta(days=1)
    return first, after, previous, following


class Item:
    """An event as a page shows it (its label, colour, local times, the .ics link)."""

    __slots__ = ("event", "kind_label", "colour", "local_start", "local_end", "ics_url", "_chip")

    def __init__(self, event, labels: dict[str, str] | None = None, tz=None) -> None:
        self.event = event
        self.kind_label = (labels or {}).get(event.kind) or kinds.label(event.kind)
        self.colour = kinds.COLOURS.get(event.kind, "secondary")
        # astimezone with the zone looked up once: timezone.localtime asks the thread-local
        # current zone on every call (a third of a busy month's page).
        tz = tz or timezone.get_current_timezone()
        self.local_start = event.start.astimezone(tz)
        self.local_end = event.end.astimezone(tz)
        self.ics_url = ""
        self._chip = ""

    def chip(self, cancelled_label: str) -> str:
        """The month grid's line of the event, built once (a busy month has thousands)."""
        if not self._chip:
            e = self.event
            esc = html.escape
            when = "" if e.all_day else f'<span class="dc-number">{self.local_start:%H:%M}</span> '
            cancelled = e.cancelled
            self._chip = (
                f'<a class="dc-ev border-{esc(self.colour)}{" dc-cancelled" if cancelled else ""}" '
                f'href="{esc(e.url or "#")}" title="{esc(e.title)} – {esc(self.kind_label)}'
                f'{f" ({esc(cancelled_label)})" if cancelled else ""}" data-uid="{esc(e.uid)}" '
                f'data-kind="{esc(e.kind)}">{when}{esc(e.title)}</a>'
            )
        return self._chip


def _filters(request: HttpRequest) -> dict:
    kind = request.GET.get("kind", "")
    return {
        "body_id": _int(request.GET.get("body")),
        "person_id": _int(request.GET.get("person")),
        "kinds": {kind} if kind else None,
    }


@login_required
@require_GET
def calendar_view(request: HttpRequest) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    view = request.GET.get("view", "month")
    if view not in VIEWS:
        view = "month"
    anchor = _day(request.GET.get("date"))
    first, after, previous, following = _period(view, anchor)
    filters = _filters(request)
    found = selectors.gather(
        request.user, _midnight(first), _midnight(after), brief=view != "agenda", **filters
    )
    if view == "agenda":  # the list shows who leads and coordinates each joint activity
        found.events = with_roles(found.events)
    ics_base = reverse("scheduling:event_ics")
    by_day: dict[datetime.date, list[Item]] = defaultdict(list)
    items = []
    labels = {k: str(v) for k, v in kinds.LABELS.items()}
    cancelled_label = _("cancelled")
    tz = timezone.get_current_timezone()
    tick = datetime.timedelta(microseconds=1)
    for event in found.events:
        item = Item(event, labels, tz)
        start_day = item.local_start.date()
        item.ics_url = f"{ics_base}?uid={event.uid}&on={start_day.isoformat()}"
        items.append(item)
        last = (item.local_end - tick).date()
        day = max(start_day, first)
        while day <= last and day < after:
            by_day[day].append(item)
            day += datetime.timedelta(days=1)
    today = timezone.localdate()
    weeks = []
    day = first
    # A month cell shows its first events and "+N more" (the week and agenda show them all).
    cap = MONTH_CELL if view == "month" else 10**6
    while day < after:
        week = []
        for _i in range(7):
            day_items = by_day.get(day, [])
            week.append(
                {
                    "day": day,
                    "items": day_items,
                    # format-escaped in Item.chip, joined once per day
                    "chips": mark_safe(  # noqa: S308
                        "".join(i.chip(cancelled_label) for i in day_items[:cap])
                    ),
                    "more": max(0, len(day_items) - cap),
                    "other_month": view == "month" and day.month != anchor.month,
                    "today": day == today,
                }
            )
            day += datetime.timedelta(days=1)
        weeks.append(week)
    access = get_access(request.user)
    query = request.GET.copy()
    query.pop("date", None)
    query.pop("view", None)
    context = {
        "view": view,
        "anchor": anchor,
        "first": first,
        "last": after - datetime.timedelta(days=1),
        "weeks": weeks,
        "agenda": [(d["day"], d["items"]) for w in weeks for d in w if d["items"]]
        if view == "agenda"
        else [],
        "count": len(items),
        "failed": found.failed,
        "previous": previous,
        "following": following,
        "today": today,
        "filter_query": query.urlencode(),
        "bodies": bodies_for(request.user, SchedulingPerm.VIEW),
        # The person filter's options, built once in Python (hundreds of people a province).
        "person_options": mark_safe(  # noqa: S308 - every value escaped here
            "".join(
                f'<option value="{pk}"{" selected" if filters["person_id"] == pk else ""}>'
                f"{html.escape(name)}</option>"
                for pk, name in access.scope(Person.objects.all(), SchedulingPerm.VIEW)
                .order_by("full_name")
                .values_list("pk", "full_name")[:2000]
            )
        ),
        "kind_choices": kinds.choices(),
        "selected": {
            "body": filters["body_id"],
            "person": filters["person_id"],
            "kind": request.GET.get("kind", ""),
        },
        "can_manage": access.has(SchedulingPerm.MANAGE),
        "create_url": reverse("scheduling:event_create"),
    }
    template = (
        "scheduling/_grid.html"
        if getattr(request, "htmx", None) and request.htmx.target == "calendar-body"  # type: ignore[attr-defined]
        else "scheduling/calendar.html"
    )
    return render(request, template, context)


def _event_context(request: HttpRequest, event: Event) -> dict:
    access = get_access(request.user)
    people = list(event.participants.order_by("full_name"))
    names = {p.pk: p.full_name for p in people}
    found = (
        clash_rules.check(
            request.user,
            province_id=event.province_id,
            kind=event.kind,
            start=event.start,
            end=event.end,
            person_ids=tuple(names),
            hall_id=event.hall_id,
            hall_name=event.hall.name if event.hall else "",
            exclude_pk=event.pk,
            names=names,
        )
        if not event.cancelled
        else []
    )
    slots = (
        clash_rules.free_slots(
            request.user,
            province_id=event.province_id,
            kind=event.kind,
            start=event.start,
            end=event.end,
            person_ids=tuple(names),
            hall_id=event.hall_id,
            hall_name=event.hall.name if event.hall else "",
            exclude_pk=event.pk,
        )
        if found
        else []
    )
    return {
        "event": event,
        "item": Item(with_roles([selectors_calendar_event(event, tuple(names))])[0]),
        "people": people,
        "clashes": found,
        "slots": slots,
        "can_manage": can_manage(access, event),
        "can_edit": can_edit_event(access, event),
        "cancel_form": CancelForm(),
        "ics_url": f"{reverse('scheduling:event_ics')}?uid={event.uid}&on={timezone.localtime(event.start).date().isoformat()}",
    }


def selectors_calendar_event(event: Event, person_ids: tuple[int, ...]):
    from .calendar import to_calendar_event

    return to_calendar_event(event, person_ids)


@login_required
@require_GET
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    event = selectors.event_get(request.user, event_id)
    return render(request, "scheduling/event_detail.html", _event_context(request, event))


def _slot_initial(request: HttpRequest) -> dict:
    """A proposed slot clicked on a page: ?start=<iso>&end=<iso> fill the form."""
    initial: dict[str, object] = {}
    for key in ("start", "end"):
        try:
            value = datetime.datetime.fromisoformat(request.GET.get(key, ""))
        except ValueError:
            continue
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        initial[f"{key}_date"] = value.date()
        initial[f"{key}_time"] = value.time()
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    _require(request, SchedulingPerm.MANAGE)
    initial = _slot_initial(request)
    if request.method == "GET" and "date" in request.GET:
        initial.setdefault("start_date", _day(request.GET.get("date")))
    form = EventForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = submit(form, services.event_create, actor=request.user, **form.service_kwargs())
        if not isinstance(event, Failed):
            messages.success(request, _("The event was saved."))
            return redirect("scheduling:event_detail", event.pk)
    return render(
        request,
        "scheduling/event_form.html",
        {"form": form, "title": _("Plan an event"), "check_url": reverse("scheduling:clash_check")},
        status=form_status(form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    event = selectors.event_get(request.user, event_id)
    if not can_edit_event(get_access(request.user), event):
        raise PermissionDenied(_("You do not have permission to do this."))
    initial = _slot_initial(request)
    if initial:
        form = EventForm(request.POST or None, user=request.user, event=event)
        form.initial.update(initial)
    else:
        form = EventForm(request.POST or None, user=request.user, event=event)
    if request.method == "POST" and form.is_valid():
        done = submit(form, services.event_update, actor=request.user, event=event, **form.service_kwargs())
        if done:
            messages.success(request, _("The event was saved."))
            return redirect("scheduling:event_detail", event.pk)
    return render(
        request,
        "scheduling/event_form.html",
        {
            "form": form,
            "event": event,
            "title": _("Edit the event"),
            "check_url": f"{reverse('scheduling:clash_check')}?event={event.pk}",
        },
        status=form_status(form),
    )


@login_required
@require_POST
def event_cancel(request: HttpRequest, event_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    event = selectors.event_get(request.user, event_id)
    if not can_edit_event(get_access(request.user), event):
        raise PermissionDenied(_("You do not have permission to do this."))
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.event_cancel(actor=request.user, event=event, reason=form.cleaned_data["reason"])
            messages.success(request, _("The event was cancelled; subscribed calendars show it cancelled."))
        except PermissionDenied:
            raise
        except ApplicationError as exc:
            messages.error(request, exc.message)
    return redirect("scheduling:event_detail", event.pk)


@login_required
@require_http_methods(["GET", "POST"])
def event_delete(request: HttpRequest, event_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    event = selectors.event_get(request.user, event_id)
    if not can_manage(get_access(request.user), event):
        raise PermissionDenied(_("You do not have permission to do this."))
    if request.method == "POST":
        services.event_delete(actor=request.user, event=event)
        messages.success(request, _("The event was deleted."))
        return redirect(
            f"{reverse('scheduling:calendar')}?date={timezone.localtime(event.start).date().isoformat()}"
        )
    return render(request, "scheduling/confirm_delete.html", {"event": event})


@login_required
@require_POST
def clash_check(request: HttpRequest) -> HttpResponse:
    """The planning form's clashes and free slots, as the user types (htmx), changing nothing."""
    _require(request, SchedulingPerm.MANAGE)
    event = None
    if (event_id := _int(request.GET.get("event"))) is not None:
        event = selectors.event_get(request.user, event_id)
    form = EventForm(request.POST, user=request.user)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    if not all(k in data for k in ("start", "end", "body")) or data["end"] <= data["start"]:
        return render(request, "scheduling/_clashes.html", {"incomplete": True})
    people = list(data.get("participants") or [])
    hall = data.get("hall")
    kwargs = {
        "province_id": data["body"].province_id,
        "kind": data.get("kind") or "external",
        "start": data["start"],
        "end": data["end"],
        "person_ids": tuple(p.pk for p in people),
        "hall_id": hall.pk if hall else None,
        "hall_name": hall.name if hall else "",
        "exclude_pk": event.pk if event else None,
    }
    found = clash_rules.check(request.user, names={p.pk: p.full_name for p in people}, **kwargs)
    slots = clash_rules.free_slots(request.user, **kwargs) if found else []
    return render(
        request, "scheduling/_clashes.html", {"clashes": found, "slots": slots, "event": event, "live": True}
    )


@login_required
@require_GET
def event_ics(request: HttpRequest) -> HttpResponse:
    """One event of any module as an .ics file (?uid=&on=<its start day>)."""
    _require(request, SchedulingPerm.VIEW)
    uid = request.GET.get("uid", "")[:200]
    day = _day(request.GET.get("on"))
    found = selectors.gather(
        request.user,
        _midnight(day) - datetime.timedelta(days=15),
        _midnight(day + datetime.timedelta(days=1)),
    )
    match = next((e for e in found.events if e.uid == uid), None)
    if match is None:
        raise Http404
    return _ics_response(request, [match], match.title, f"{uid}.ics", attachment=True)


def _ics_response(request, events, name: str, filename: str, *, attachment: bool) -> HttpResponse:
    data = ics.build(
        events,
        name=name,
        host=request.get_host().split(":")[0] or "dancu",
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(data, content_type=ICS_TYPE)
    response["Content-Disposition"] = content_disposition_header(attachment, filename) or ""
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=300"
    return response


# -- Halls ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def hall_list(request: HttpRequest) -> HttpResponse:
    _require(request, SchedulingPerm.MANAGE)
    access = get_access(request.user)
    form = HallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        provinces = access.province_ids(SchedulingPerm.MANAGE)
        body = bodies_for(request.user).select_related("province").first()
        province = (
            body.province
            if body is not None and (provinces is None or body.province_id in provinces)
            else None
        )
        if province is None:
            raise PermissionDenied(_("You do not have permission to do this."))
        hall = submit(form, services.hall_create, actor=request.user, province=province, **form.cleaned_data)
        if hall:
            messages.success(request, _("The hall was added."))
            return redirect("scheduling:hall_list")
    halls = selectors.halls_visible(request.user, SchedulingPerm.MANAGE)
    return render(
        request, "scheduling/hall_list.html", {"halls": halls, "form": form}, status=form_status(form)
    )


@login_required
@require_POST
def hall_delete(request: HttpRequest, hall_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.MANAGE)
    hall = selectors.hall_get(request.user, hall_id)
    try:
        services.hall_delete(actor=request.user, hall=hall)
        messages.success(request, _("The hall was deleted."))
    except PermissionDenied:
        raise
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("scheduling:hall_list")


# -- Imports and subscriptions --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    """The People's Committee's calendar comes in: an ICS file, the weekly Excel schedule, or an
    ICS address to subscribe to."""
    _require(request, SchedulingPerm.MANAGE)
    which = request.POST.get("which", "")
    ics_form = IcsUploadForm(
        request.POST if which == "ics" else None, request.FILES if which == "ics" else None, user=request.user
    )
    excel_form = ExcelUploadForm(
        request.POST if which == "excel" else None,
        request.FILES if which == "excel" else None,
        user=request.user,
    )
    sub_form = SubscriptionForm(request.POST if which == "subscribe" else None, user=request.user)
    result = None
    row_errors: list = []
    status = 200
    if which == "ics" and ics_form.is_valid():
        upload = ics_form.cleaned_data["file"]
        result = submit(
            ics_form,
            services.ics_import,
            actor=request.user,
            body=ics_form.cleaned_data["body"],
            data=upload.read(),
            name=upload.name,
        )
    elif which == "excel" and excel_form.is_valid():
        upload = excel_form.cleaned_data["file"]
        try:
            items, row_errors = excel_schedule.read(upload)
        except ApplicationError as exc:
            excel_form.add_error("file", exc.message)
            items = []
        if not row_errors and not excel_form.errors:
            result = submit(
                excel_form,
                services.rows_import,
                actor=request.user,
                body=excel_form.cleaned_data["body"],
                items=items,
                name=upload.name,
            )
    elif which == "subscribe" and sub_form.is_valid():
        sub = submit(sub_form, services.subscription_create, actor=request.user, **sub_form.cleaned_data)
        if not isinstance(sub, Failed):
            services.subscription_fetch(actor=request.user, subscription=sub)
            messages.success(request, _("The subscription was added and fetched once."))
            return redirect("scheduling:import")
    if which and (any(f.is_bound and f.errors for f in (ics_form, excel_form, sub_form)) or row_errors):
        status = 400
    context = {
        "ics_form": ics_form,
        "excel_form": excel_form,
        "sub_form": sub_form,
        "result": result or None,
        "row_errors": row_errors,
        "subscriptions": selectors.subscriptions_visible(request.user),
    }
    return render(request, "scheduling/import.html", context, status=status)


@login_required
@require_GET
def excel_template(request: HttpRequest) -> HttpResponse:
    _require(request, SchedulingPerm.MANAGE)
    from dancu.core.excel import XLSX_CONTENT_TYPE

    response = HttpResponse(excel_schedule.template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, "lich-cong-tac-tuan.xlsx") or ""
    return response


@login_required
@require_POST
def subscription_fetch(request: HttpRequest, subscription_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.MANAGE)
    sub = selectors.subscription_get(request.user, subscription_id)
    result = services.subscription_fetch(actor=request.user, subscription=sub)
    if result is None:
        sub.refresh_from_db()
        messages.error(request, _("Fetching failed: %(error)s") % {"error": sub.last_error})
    else:
        messages.success(request, result.summary())
    return redirect("scheduling:import")


@login_required
@require_POST
def subscription_delete(request: HttpRequest, subscription_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.MANAGE)
    sub = selectors.subscription_get(request.user, subscription_id)
    services.subscription_delete(actor=request.user, subscription=sub)
    messages.success(request, _("The subscription was removed; its events stay in the calendar."))
    return redirect("scheduling:import")


# -- Feeds --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def feed_list(request: HttpRequest) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    access = get_access(request.user)
    may_share = access.has(SchedulingPerm.MANAGE)
    form = FeedForm(request.POST or None, user=request.user)
    new_url = ""
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data.get("body")
        if body is not None and not may_share:
            raise PermissionDenied(_("You do not have permission to do this."))
        made = submit(
            form, services.feed_create, actor=request.user, body=body, label=form.cleaned_data["label"]
        )
        if not isinstance(made, Failed):
            _feed, token = made
            new_url = request.build_absolute_uri(reverse("scheduling:feed", args=[token]))
    if not may_share:
        form.fields.pop("body")
    return render(
        request,
        "scheduling/feed_list.html",
        {"feeds": selectors.feeds_of(request.user), "form": form, "new_url": new_url},
        status=form_status(form),
    )


@login_required
@require_POST
def feed_revoke(request: HttpRequest, feed_id: int) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    feed = selectors.feed_get(request.user, feed_id)
    services.feed_revoke(actor=request.user, feed=feed)
    messages.success(
        request, _("The feed address was revoked: calendars subscribed to it no longer receive anything.")
    )
    return redirect("scheduling:feed_list")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A secret feed address (no sign-in: the token is the key); unknown or revoked: 404."""
    found = services.feed_by_token(token)
    if found is None or not get_access(found.owner).has(SchedulingPerm.VIEW):
        raise Http404
    services.feed_touch(found)
    events = feeds.feed_events(found)
    name = found.body.name if found.body else _("Calendar of %(name)s") % {"name": found.owner}
    response = _ics_response(request, events, name, "lich.ics", attachment=False)
    response["Cache-Control"] = "private, no-cache"
    response["Referrer-Policy"] = "no-referrer"
    return response


# -- Session planning ---------------------------------------------------------------------------


@login_required
@require_GET
def planning_view(request: HttpRequest) -> HttpResponse:
    _require(request, SchedulingPerm.VIEW)
    form = PlanningForm(request.GET or None)
    opening = form.cleaned_data.get("opening") if form.is_valid() else None
    plans = planning.plans(request.user, opening=opening)
    return render(
        request,
        "scheduling/planning.html",
        {"form": form, "plans": plans, "today": timezone.localdate()},
        status=form_status(form),
    )


def body_label(body: Body) -> str:
    return body.short_name or body.name
