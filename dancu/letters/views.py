"""Pages of the letters module. A view maps the request to one selector or one service call;
forms carry the input, and a refused step re-renders the same page with the message next to
the field (status 400)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dancu.accounts.models import User
from dancu.core import throttle
from dancu.core.access import get_access
from dancu.core.errors import NotFound, PermissionDenied, ValidationFailed
from dancu.core.files import file_response
from dancu.core.forms import Failed, form_status, submit
from dancu.core.htmx import clean_int, clean_query, paginate
from dancu.core.paging import ROWS_TTL, SMALL_RESULT, CappedPaginator, KeysetCount, KeysetPage, cached_rows
from dancu.core.rows import render_filters

from . import case, documents, selectors, services
from .errors import LetterError
from .forms import (
    DeleteForm,
    DestructionForm,
    ForwardForm,
    GuideForm,
    IntakeForm,
    LetterEditForm,
    LinkForm,
    PublicSubmitForm,
    ReceptionDayForm,
    ReportPeriodForm,
    ResultForm,
    RevealForm,
    SplitForm,
    StatusForm,
    StepForm,
    VisitForm,
)
from .models import Channel, Field, Letter, LetterKind
from .paging import paginate_capped, paginate_keyset, rows_cache_key
from .permissions import (
    LetterPerm,
    can_open_register,
    can_reveal,
    is_agency_view,
    is_sealed,
    require,
)
from .register_table import register_table_rows
from .workflow import BUTTONS, Status

# The years the statistics page accepts (a year outside is bad input: 400).
YEARS = range(1900, 2101)


def _actor(request: HttpRequest) -> User:
    """The signed-in user doing the work (every staff view requires sign-in)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied(_("You do not have permission to do this."), code=LetterError.FORBIDDEN)
    return user


def _download(data: bytes, filename: str) -> HttpResponseBase:
    """A generated document or export: always a download (core.files.file_response)."""
    return file_response(data, filename=filename)


def _bad_request(request: HttpRequest, message: str, code: str) -> HttpResponse:
    return render(request, "core/error.html", {"error": ValidationFailed(message, code=code)}, status=400)


def _require_register(request: HttpRequest) -> None:
    if not can_open_register(get_access(request.user)):
        raise PermissionDenied(_("You do not have permission to do this."), code=LetterError.FORBIDDEN)


def _parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


def _register_filters(request: HttpRequest) -> dict[str, Any]:
    def choice(name: str, values: list[str]) -> str:
        value = request.GET.get(name, "")
        return value if value in values else ""

    return {
        "query": clean_query(request),
        "kind": choice("kind", LetterKind.values),
        "status": choice("status", Status.values),
        "channel": choice("channel", Channel.values),
        "field": choice("field", Field.values),
        "body_id": clean_int(request, "body"),
        "overdue": request.GET.get("overdue") == "1",
        "date_from": _parse_date(request.GET.get("from")),
        "date_to": _parse_date(request.GET.get("to")),
        "due_week": request.GET.get("due") == "week",
        "mine": request.GET.get("mine") == "1",
    }


def _filter_choices() -> dict[str, Any]:
    return {
        "kinds": LetterKind.choices,
        "statuses": Status.choices,
        "channels": Channel.choices,
        "fields": Field.choices,
    }


def _filters_html(filters: dict[str, Any]) -> str:
    """The filter form (four translated drop-downs), rendered once per language and choice."""
    return render_filters("letters/_register_filters.html", _filter_choices, **filters)


def _rows_block(request: HttpRequest, page: Any, today: datetime.date) -> str:
    context = {"page": page, "table_rows": register_table_rows(page, today)}
    return render_to_string("letters/_register_rows.html", context, request=request)


def _register_rows_html(
    request: HttpRequest, rows: QuerySet, filters: dict[str, Any], today: datetime.date
) -> str:
    def key() -> str:
        return rows_cache_key(
            rows, request.GET.urlencode(), f"{today}|{get_language()}|{CappedPaginator.cap}"
        )

    def render() -> str:
        page = (
            paginate_capped(request, rows, settings.PAGE_SIZE)
            if "page" in request.GET  # old links by page number
            # A text search counts up to 200 matches (one query with the first page).
            else paginate_keyset(
                request,
                rows,
                settings.PAGE_SIZE,
                cap=min(SMALL_RESULT, CappedPaginator.cap) if filters["query"] else CappedPaginator.cap,
            )
        )
        return _rows_block(request, page, today)

    return cached_rows(request, key, render, ROWS_TTL)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """The register. The rows (query and HTML) are cached per query, page and data version
    (`paging.rows_cache_key`): any audited write of the module invalidates them, so staff paging
    through the same register share the work; a miss costs two index scans (keyset page,
    capped count)."""
    _require_register(request)
    filters = _register_filters(request)
    rows = selectors.register_rows(selectors.letters_register(request.user, **filters))
    today = timezone.localdate()
    if rows.query.is_empty():  # nothing can match (.none()): no query at all
        page = KeysetPage(
            [], paginator=KeysetCount(count=0, capped=False), has_next=False, has_previous=False
        )
        rows_html: str = _rows_block(request, page, today)
    else:
        rows_html = _register_rows_html(request, rows, filters, today)
    if getattr(request, "htmx", False) and not request.htmx.boosted:  # type: ignore[attr-defined]
        return HttpResponse(rows_html)
    context = {
        "rows_html": mark_safe(rows_html),  # noqa: S308 - rendered by our own template
        "filters_html": mark_safe(_filters_html(filters)),  # noqa: S308 - idem
        "can_handle": get_access(request.user).has(LetterPerm.HANDLE),
    }
    return render(request, "letters/register.html", context)


@login_required
def register_export(request: HttpRequest) -> HttpResponseBase:
    _require_register(request)
    letters = selectors.letters_register(request.user, **_register_filters(request))[:50000]
    return _download(documents.register_xlsx(letters), "so-theo-doi-don-thu.xlsx")


@login_required
def letter_create(request: HttpRequest) -> HttpResponse:
    require(get_access(request.user), LetterPerm.HANDLE)
    bodies = selectors.receiving_bodies(request.user)
    days = list(selectors.reception_days_visible(request.user).order_by("-date")[:50])
    day_id = clean_int(request, "reception_day")
    initial = {}
    preset = next((x for x in days if x.pk == day_id), None)
    if preset is not None:  # "receive a letter at this reception day" in one step
        initial = {
            "reception_day": preset.pk,
            "receiving_body": preset.body_id,
            "channel": Channel.RECEPTION_DAY,
            "received_date": preset.date,
        }
    form = IntakeForm(
        request.POST or None,
        request.FILES or None,
        bodies=bodies,
        reception_days=days,
        initial=initial,
        hints_url=reverse("letters:intake_duplicates"),
    )
    if request.method == "POST" and form.is_valid():
        letter = submit(form, services.letter_create, actor=_actor(request), **form.service_kwargs())
        if not isinstance(letter, Failed):
            messages.success(request, _("Letter %(n)s registered.") % {"n": letter.number})
            return redirect("letters:letter_detail", letter.pk)
    return render(request, "letters/letter_form.html", {"form": form}, status=form_status(form))


# Sealed letters whose possible duplication was already shown (and audited) in this session's
# intake forms: each is audited once per session, not at every keystroke.
INTAKE_AUDITED_KEY = "letters_intake_sealed_hints"
HINT_FIELDS = {
    "subject": 300,
    "content": 20000,
    "target": 300,
    "name": 200,
    "address": 300,
    "id_number": 20,
    "phone": 30,
}


@login_required
@require_POST
def intake_duplicates(request: HttpRequest) -> HttpResponse:
    """While a letter is typed in: the letters it may duplicate (htmx, debounced; a POST so
    that names and numbers stay out of URLs and logs). Scoped to the provinces where the user
    handles letters; a sealed match says only "possible duplicate of a sealed letter", and
    showing one is audited (once per letter and session)."""
    require(get_access(request.user), LetterPerm.HANDLE)
    bodies = selectors.receiving_bodies(request.user)
    chosen = request.POST.get("receiving_body", "")
    body = next((b for b in bodies if str(b.pk) == chosen), bodies[0] if len(bodies) == 1 else None)
    hints: list[dict[str, Any]] = []
    if body is not None:
        values = {name: (request.POST.get(name) or "")[:limit] for name, limit in HINT_FIELDS.items()}
        hints = selectors.intake_duplicate_hints(
            request.user,
            receiving_body=body,
            subject=values["subject"],
            content=values["content"],
            target=values["target"],
            name=values["name"],
            address=values["address"],
            id_number=values["id_number"],
            phone=values["phone"],
        )
        sealed = {h["letter"].pk for h in hints if h["sealed"]}
        seen = set(request.session.get(INTAKE_AUDITED_KEY, []))
        if sealed - seen:
            services.intake_hints_sealed_record(
                actor=_actor(request), province_code=body.province.code, sealed_ids=sorted(sealed - seen)
            )
            request.session[INTAKE_AUDITED_KEY] = sorted(seen | sealed)[-500:]
    context = {"hints": hints, "sealed": any(h["sealed"] for h in hints)}
    return render(request, "letters/_intake_duplicates.html", context)


# -- one letter --------------------------------------------------------------------------------

# action -> (form, service); every service takes (actor, letter, **form.service_kwargs()).
ACTIONS: dict[str, tuple[type[StepForm], Any]] = {
    **dict.fromkeys(BUTTONS, (StepForm, services.letter_transition)),
    "forward": (ForwardForm, services.letter_forward),
    "guide": (GuideForm, services.letter_guide),
    "result": (ResultForm, services.letter_record_result),
    "link": (LinkForm, services.letter_link_duplicate),
    "split": (SplitForm, services.letter_split),
    "urge": (StepForm, services.letter_urge),
    "extend": (StepForm, services.letter_extend),
}


def _action_form(request: HttpRequest, letter: Letter, action: str, data: Any = None) -> StepForm:
    form_class = ACTIONS[action][0]
    choices: Any = None
    if form_class in (ForwardForm, GuideForm):
        choices = selectors.forward_targets(letter)
    elif form_class is LinkForm:
        choices = selectors.link_candidates(request.user, letter)
    return form_class(data, choices=choices)


def _detail(
    request: HttpRequest,
    letter: Letter,
    bound: dict[str, Any] | None = None,
    status: int = 200,
    identity: dict[str, str] | None = None,
) -> HttpResponse:
    """The letter's case page: its status and next legal step with the days left, its
    deadlines in words, one primary action and a menu of the others, its files and history.
    `bound` holds a submitted form (with its errors) to show again, by action; `identity` a
    sealed identity just revealed."""
    access = get_access(request.user)
    agency_view = is_agency_view(access, letter)
    page = selectors.letter_page_actions(request.user, letter)
    handle = page["can_handle"]
    bound = bound or {}
    proposals = selectors.duplicate_proposals(request.user, letter) if handle else []
    sealed_hints = [p["letter"].pk for p in proposals if p["sealed"]]
    if sealed_hints:  # checking a person against sealed letters is audited
        services.duplicate_hints_sealed_record(actor=_actor(request), letter=letter, sealed_ids=sealed_hints)
    forms = {
        "forward_form": bound.get("forward") or _action_form(request, letter, "forward"),
        "guide_form": bound.get("guide") or _action_form(request, letter, "guide"),
        "result_form": bound.get("result") or ResultForm(),
        "reveal_form": bound.get("reveal") or RevealForm(),
        "split_form": bound.get("split") or SplitForm(),
        "link_form": bound.get("link"),
        "bound_form": next(iter(bound.values()), None),  # its refusal shows above the steps
    }
    today = timezone.localdate()
    deadlines = case.deadlines(letter, today)
    primary = case.primary_action(letter, page, agency_view=agency_view)
    opened = next(iter(bound), "") or (primary if primary in PANELS else "")
    context = {
        "letter": letter,
        "identity": identity,
        "agency_view": agency_view,
        **page,
        **forms,
        "deadlines": deadlines,
        "next_step": case.next_step(letter, deadlines),
        "primary": primary,
        "opened": opened,
        "history": case.history(selectors.letter_history(letter)) if not agency_view else [],
        "proposals": proposals,
        "sealed": is_sealed(letter),
        "competent_body": documents.competent_body_of(letter),
        "can_guidance": handle and can_reveal(access, letter) and not letter.is_anonymous,
        "deletion_blocker": selectors.letter_deletion_blocker(letter) if handle else "",
        "group": selectors.letter_group(letter).exclude(pk=letter.pk) if not agency_view else [],
        "already_forwarded": selectors.group_already_forwarded(letter) if handle else None,
        "kinds": LetterKind.choices,
        "items": letter.items.all() if not agency_view else [],
        "attachments": selectors.attachment_list(request.user, letter)
        if not agency_view
        else {"files": [], "count": 0},
    }
    return render(request, "letters/letter_detail.html", context, status=status)


# The steps whose form opens in a panel of the page (the others are one click).
PANELS = ("forward", "guide", "result", "split")


@login_required
def letter_detail(request: HttpRequest, letter_id: int) -> HttpResponse:
    return _detail(request, selectors.letter_get(request.user, letter_id))


@login_required
@require_POST
def letter_reveal(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = selectors.letter_get(request.user, letter_id)
    form = RevealForm(request.POST)
    identity = None
    if form.is_valid():
        identity = submit(
            form,
            services.letter_reveal_identity,
            actor=_actor(request),
            letter=letter,
            **form.service_kwargs(),
        )
    htmx = getattr(request, "htmx", False)
    if isinstance(identity, dict):
        if htmx:
            return render(request, "letters/_identity.html", {"identity": identity, "letter": letter})
        return _detail(request, letter, identity=identity)
    if htmx:
        return render(
            request, "letters/_reveal_form.html", {"reveal_form": form, "letter": letter}, status=400
        )
    return _detail(request, letter, {"reveal": form}, status=400)


@login_required
@require_POST
def letter_action(request: HttpRequest, letter_id: int, action: str) -> HttpResponse:
    letter = selectors.letter_get(request.user, letter_id)
    if action not in ACTIONS:
        raise NotFound(_("Unknown action."), code=LetterError.UNKNOWN_ACTION)
    service = ACTIONS[action][1]
    form = _action_form(request, letter, action, request.POST)
    extra = {"action": action} if service is services.letter_transition else {}
    if form.is_valid():
        done = submit(form, service, actor=_actor(request), letter=letter, **extra, **form.service_kwargs())
        if not isinstance(done, Failed):
            messages.success(request, _("Done."))
            return redirect("letters:letter_detail", letter.pk)
    return _detail(request, letter, {action: form}, status=400)


@login_required
def letter_document(request: HttpRequest, letter_id: int, doc: str) -> HttpResponseBase:
    letter = selectors.letter_get(request.user, letter_id)
    require(get_access(request.user), LetterPerm.HANDLE, letter.province_id)
    if doc == "chuyen-don":
        data = documents.transfer_slip(letter)
    elif doc == "huong-dan":  # names the writer: only who may see them, audited
        data = services.letter_guidance_document(actor=_actor(request), letter=letter)
    else:
        raise NotFound(_("Unknown document."), code=LetterError.UNKNOWN_DOCUMENT)
    return _download(data, f"{doc}-{letter.pk}.docx")


@login_required
@require_GET
def letter_attachment(request: HttpRequest, letter_id: int, attachment_id: int) -> HttpResponseBase:
    """One file of a letter: only for whoever may see its writer's identity, audited, always
    a download (never shown inline in the app's origin)."""
    letter = selectors.letter_get(request.user, letter_id)
    download = services.attachment_download(actor=_actor(request), letter=letter, attachment_id=attachment_id)
    return file_response(download.content, filename=download.filename)


# -- statistics, report, destruction -----------------------------------------------------------


def _period_form(request: HttpRequest) -> ReportPeriodForm:
    return ReportPeriodForm(request.GET or None, provinces=selectors.report_provinces(request.user))


def _period_of(form: ReportPeriodForm, *, default: bool = True) -> tuple[Any, int | None]:
    """The period asked (by default the current six months; for the statistics page, none:
    every letter) and the province (the user's own when they have one; the one chosen when
    they have several, else None: all of theirs)."""
    period = form.period(timezone.localdate(), default=default)
    provinces = form.fields["province"].choices  # type: ignore[attr-defined]
    province_id = form.cleaned_data.get("province") if form.is_bound else None
    if province_id is None and len(provinces) == 1:
        province_id = provinces[0][0]
    return period, province_id


def _statistics_page(request: HttpRequest, form: ReportPeriodForm, status: int = 200) -> HttpResponse:
    valid = not form.is_bound or form.is_valid()
    period, province_id = _period_of(form, default=False) if valid else (None, None)
    stats = selectors.statistics(
        request.user,
        date_from=period.start if period else None,
        date_to=period.end if period else None,
        province_id=province_id,
    )
    labels = {
        "kind": dict(LetterKind.choices),
        "field": dict(Field.choices),
        "channel": dict(Channel.choices),
        "status": dict(Status.choices),
    }
    tables = [
        (title, [(labels.get(key, {}).get(k, k), n) for k, n in stats[key]])
        for key, title in (
            ("kind", _("By kind")),
            ("field", _("By field")),
            ("channel", _("By channel")),
            ("status", _("By status")),
            ("agency", _("By agency")),
            ("month", _("By month")),
        )
    ]
    kinds = dict(LetterKind.choices)
    reception = [(kinds.get(k, k), n, people) for k, n, people in stats["reception"]["by_kind"]]
    chart = {
        "labels": [m for m, _n in stats["month"]],
        "values": [n for _m, n in stats["month"]],
        "label": _("Letters"),
    }
    context = {
        "stats": stats,
        "tables": tables,
        "reception": reception,
        "chart": chart,
        "form": form,
        "period": period,
    }
    return render(request, "letters/statistics.html", context, status=status)


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    """The figures of a period (each matter once, duplicates apart; reception figures) and
    the form that chooses the period of the report."""
    require(get_access(request.user), LetterPerm.VIEW)
    year = clean_int(request, "year")
    if year is not None and year not in YEARS:
        return _bad_request(
            request,
            _("Choose a year between %(first)s and %(last)s.") % {"first": YEARS[0], "last": YEARS[-1]},
            LetterError.YEAR_OUT_OF_RANGE,
        )
    form = _period_form(request)
    return _statistics_page(request, form, status=form_status(form))


@login_required
def report_docx(request: HttpRequest) -> HttpResponseBase:
    """The report of the period asked (first or last six months of a year, a whole year, or
    from-to), as the Office issues it; a bad period comes back on the statistics page (400)."""
    require(get_access(request.user), LetterPerm.VIEW)
    form = _period_form(request)
    if form.is_bound and not form.is_valid():
        return _statistics_page(request, form, status=400)
    period, province_id = _period_of(form)
    province = selectors.report_province(request.user, province_id)
    if province is None:
        form.add_error("province", _("Choose the province of the report."))
        return _statistics_page(request, form, status=400)
    stats = selectors.statistics(
        request.user, date_from=period.start, date_to=period.end, province_id=province.pk
    )
    data = documents.period_report(
        province=province,
        stats=stats,
        period_label=period.label,
        start=period.start,
        end=period.end,
        bodies=selectors.receiving_body_names(province.pk),
    )
    return _download(data, f"bao-cao-don-thu-{period.slug}.docx")


@login_required
def destruction_list(request: HttpRequest) -> HttpResponse:
    require(get_access(request.user), LetterPerm.APPROVE_DESTRUCTION)
    letters = list(selectors.destruction_candidates(request.user)[:500])
    form = DestructionForm(request.POST or None, letters=letters)
    if request.method == "POST" and form.is_valid():
        n = submit(form, services.letters_approve_destruction, actor=_actor(request), **form.service_kwargs())
        if isinstance(n, int):
            messages.success(request, _("%(n)s letters destroyed.") % {"n": n})
            return redirect("letters:destruction_list")
    return render(
        request, "letters/destruction_list.html", {"letters": letters, "form": form}, status=form_status(form)
    )


# -- public pages (no sign-in) -------------------------------------------------------------------

RATE_LIMIT = 5  # letters per client address per hour (only letters actually sent count)
LOOKUP_LIMIT = 30  # look-ups per client address per hour (every attempt counts)
RECEIPT_SESSION_KEY = "letters_public_receipt"


@require_http_methods(["GET", "POST"])
def public_submit(request: HttpRequest) -> HttpResponse:
    """The citizen's letter form. A valid letter is sent once (the form's one-time token),
    then the browser is redirected to the receipt page (a reload re-posts nothing). The limit
    per address counts only letters sent: a form sent back with an error costs nothing."""
    bodies = selectors.public_receiving_bodies()
    if request.method != "POST":
        return render(request, "letters/public_submit.html", {"form": PublicSubmitForm(bodies=bodies)})
    form = PublicSubmitForm(request.POST, request.FILES, bodies=bodies)
    if throttle.reached("letters.submit", request, RATE_LIMIT):
        form.new_challenge()
        return render(request, "letters/public_submit.html", {"form": form, "limited": True}, status=429)
    if form.is_valid():
        sent = submit(form, services.letter_submit_public, **form.service_kwargs())
        if isinstance(sent, services.Submitted):
            if sent.created:
                throttle.count("letters.submit", request)
            request.session[RECEIPT_SESSION_KEY] = sent.letter.receipt_code
            return redirect("letters_public:receipt")
    form.new_challenge()
    return render(request, "letters/public_submit.html", {"form": form}, status=400)


@require_GET
def public_receipt(request: HttpRequest) -> HttpResponse:
    """After a letter is sent: its receipt code (kept in the session, never in the URL)."""
    receipt = request.session.get(RECEIPT_SESSION_KEY)
    return render(request, "letters/public_receipt.html", {"receipt": receipt})


@require_http_methods(["GET", "POST"])
def public_status(request: HttpRequest) -> HttpResponse:
    """The status look-up: the code and digits are POSTed (with CSRF), the result rendered
    in the answer: nothing of them in a URL. A GET shows the empty form, whatever it carries."""
    if request.method != "POST":
        return render(request, "letters/public_status.html", {"form": StatusForm()})
    form = StatusForm(request.POST)
    status = None
    if form.is_valid():
        if throttle.reached("letters.lookup", request, LOOKUP_LIMIT):
            return render(request, "letters/public_status.html", {"form": form, "limited": True}, status=429)
        throttle.count("letters.lookup", request)
        found = submit(form, selectors.letter_public_status, **form.service_kwargs())
        status = found if isinstance(found, str) else None
    return render(
        request, "letters/public_status.html", {"form": form, "status": status}, status=form_status(form)
    )


# -- reception days ------------------------------------------------------------------------------


@login_required
def reception_days(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    require(access, LetterPerm.VIEW)
    bodies = selectors.receiving_bodies(request.user)
    form = ReceptionDayForm(request.POST or None, bodies=bodies)
    if request.method == "POST":
        require(access, LetterPerm.HANDLE)
        if form.is_valid():
            day = submit(form, services.reception_day_create, actor=_actor(request), **form.service_kwargs())
            if not isinstance(day, Failed):
                messages.success(request, _("Reception day scheduled."))
                return redirect("letters:reception_days")
    context = {
        "page": paginate(request, selectors.reception_days_listed(request.user)),
        "bodies": bodies,
        "form": form,
    }
    return render(request, "letters/reception_days.html", context, status=form_status(form))


def _day_page(request: HttpRequest, day: Any, form: VisitForm, step: StepForm | None = None) -> HttpResponse:
    """A reception day with its visits and the visit form; `step` a refused "create the
    letter of this visit" (its message shows above the visits)."""
    context = {
        "day": day,
        "visits": selectors.visits_of_day(day),
        "can_handle": get_access(request.user).has(LetterPerm.HANDLE, day.province_id),
        "form": form,
        "step": step,
    }
    status = 400 if step is not None and step.errors else form_status(form)
    return render(request, "letters/reception_day_detail.html", context, status=status)


@login_required
def reception_day_detail(request: HttpRequest, day_id: int) -> HttpResponse:
    """A reception day with its visits; the Office records a visit here."""
    day = selectors.reception_day_get(request.user, day_id)
    if request.method == "POST":
        require(get_access(request.user), LetterPerm.HANDLE, day.province_id)
    form = VisitForm(request.POST or None, delegates=selectors.delegates_for(request.user, day))
    if request.method == "POST" and form.is_valid():
        visit = submit(
            form, services.visit_record, actor=_actor(request), reception_day=day, **form.service_kwargs()
        )
        if not isinstance(visit, Failed):
            messages.success(request, _("Visit recorded."))
            return redirect("letters:reception_day_detail", day.pk)
    return _day_page(request, day, form)


@login_required
@require_POST
def visit_letter(request: HttpRequest, visit_id: int) -> HttpResponse:
    """Create the letter of a visit in one step (prefilled from the visit and linked to it)."""
    visit = selectors.visit_get(request.user, visit_id)
    step = StepForm(request.POST)
    letter = submit(step, services.visit_create_letter, actor=_actor(request), visit=visit)
    if isinstance(letter, Failed):
        day = selectors.reception_day_get(request.user, visit.reception_day_id)
        return _day_page(request, day, VisitForm(delegates=selectors.delegates_for(request.user, day)), step)
    messages.success(request, _("Letter %(n)s registered.") % {"n": letter.number})
    return redirect("letters:letter_detail", letter.pk)


# -- corrections and deletions -------------------------------------------------------------------


@login_required
def letter_edit(request: HttpRequest, letter_id: int) -> HttpResponse:
    """Correct a registered letter (audited). The writer's details are editable only by who
    may see them, and the form never shows them (left empty, a detail is kept)."""
    letter = selectors.letter_get(request.user, letter_id)
    access = get_access(request.user)
    require(access, LetterPerm.HANDLE, letter.province_id)
    days = list(
        selectors.reception_days_visible(request.user)
        .filter(province_id=letter.province_id)
        .order_by("-date")[:50]
    )
    form = LetterEditForm(
        request.POST or None,
        reception_days=days,
        identity=can_reveal(access, letter) and not letter.is_anonymous,
        initial=LetterEditForm.initial_of(letter),
    )
    if request.method == "POST" and form.is_valid():
        done = submit(
            form, services.letter_update, actor=_actor(request), letter=letter, **form.service_kwargs()
        )
        if not isinstance(done, Failed):
            messages.success(request, _("Letter %(n)s corrected.") % {"n": letter.number})
            return redirect("letters:letter_detail", letter.pk)
    return render(
        request, "letters/letter_edit.html", {"form": form, "letter": letter}, status=form_status(form)
    )


def _delete_page(
    request: HttpRequest,
    *,
    title: str,
    blocker: str,
    service: Any,
    back: str,
    done_url: str,
    done_message: str,
    **kwargs: Any,
) -> HttpResponse:
    """A deletion: GET shows the confirmation (or why it is not allowed); POST deletes."""
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and not blocker and form.is_valid():
        done = submit(form, service, actor=_actor(request), **kwargs, **form.service_kwargs())
        if not isinstance(done, Failed):
            messages.success(request, done_message)
            return redirect(done_url)
    status = form_status(form) if not (request.method == "POST" and blocker) else 409
    context = {"form": form, "title": title, "blocker": blocker, "back": back}
    return render(request, "letters/confirm_delete.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def letter_delete(request: HttpRequest, letter_id: int) -> HttpResponse:
    """Delete a letter registered by mistake, before any step: with a reason and a
    confirmation, audited; any other letter is not deletable, and the page says why."""
    letter = selectors.letter_get(request.user, letter_id)
    require(get_access(request.user), LetterPerm.HANDLE, letter.province_id)
    return _delete_page(
        request,
        title=_("Delete letter %(n)s") % {"n": letter.number},
        blocker=selectors.letter_deletion_blocker(letter),
        service=services.letter_delete,
        back=reverse("letters:letter_detail", args=[letter.pk]),
        done_url=reverse("letters:register"),
        done_message=_("Letter %(n)s deleted.") % {"n": letter.number},
        letter=letter,
    )


@login_required
def reception_day_edit(request: HttpRequest, day_id: int) -> HttpResponse:
    day = selectors.reception_day_get(request.user, day_id)
    require(get_access(request.user), LetterPerm.HANDLE, day.province_id)
    bodies = [b for b in selectors.receiving_bodies(request.user) if b.province_id == day.province_id]
    if day.body_id not in {b.pk for b in bodies}:
        bodies.append(day.body)
    form = ReceptionDayForm(request.POST or None, bodies=bodies, initial=ReceptionDayForm.initial_of(day))
    if request.method == "POST" and form.is_valid():
        done = submit(
            form, services.reception_day_update, actor=_actor(request), day=day, **form.service_kwargs()
        )
        if not isinstance(done, Failed):
            messages.success(request, _("Reception day corrected."))
            return redirect("letters:reception_day_detail", day.pk)
    return render(
        request, "letters/reception_day_edit.html", {"form": form, "day": day}, status=form_status(form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def reception_day_delete(request: HttpRequest, day_id: int) -> HttpResponse:
    day = selectors.reception_day_get(request.user, day_id)
    require(get_access(request.user), LetterPerm.HANDLE, day.province_id)
    return _delete_page(
        request,
        title=_("Delete the reception day of %(d)s") % {"d": f"{day.date:%d/%m/%Y}"},
        blocker=selectors.reception_day_deletion_blocker(day),
        service=services.reception_day_delete,
        back=reverse("letters:reception_day_detail", args=[day.pk]),
        done_url=reverse("letters:reception_days"),
        done_message=_("Reception day deleted."),
        day=day,
    )


@login_required
def visit_edit(request: HttpRequest, visit_id: int) -> HttpResponse:
    visit = selectors.visit_get(request.user, visit_id)
    require(get_access(request.user), LetterPerm.HANDLE, visit.province_id)
    day = selectors.reception_day_get(request.user, visit.reception_day_id)
    form = VisitForm(
        request.POST or None,
        delegates=selectors.delegates_for(request.user, day),
        editing=True,
        sealed=visit.is_sealed,
        initial=VisitForm.initial_of(visit),
    )
    if request.method == "POST" and form.is_valid():
        done = submit(
            form, services.visit_update, actor=_actor(request), visit=visit, **form.service_kwargs()
        )
        if not isinstance(done, Failed):
            messages.success(request, _("Visit corrected."))
            return redirect("letters:reception_day_detail", day.pk)
    context = {"form": form, "visit": visit, "day": day}
    return render(request, "letters/visit_edit.html", context, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def visit_delete(request: HttpRequest, visit_id: int) -> HttpResponse:
    visit = selectors.visit_get(request.user, visit_id)
    require(get_access(request.user), LetterPerm.HANDLE, visit.province_id)
    day = selectors.reception_day_get(request.user, visit.reception_day_id)
    return _delete_page(
        request,
        title=_("Delete a visit of the reception day of %(d)s") % {"d": f"{day.date:%d/%m/%Y}"},
        blocker=selectors.visit_deletion_blocker(visit),
        service=services.visit_delete,
        back=reverse("letters:reception_day_detail", args=[day.pk]),
        done_url=reverse("letters:reception_day_detail", args=[day.pk]),
        done_message=_("Visit deleted."),
        visit=visit,
    )


# -- the public index ----------------------------------------------------------------------------


@require_GET
def public_index(request: HttpRequest) -> HttpResponse:
    """/cong-khai/don-thu/: what a citizen can do here (send a letter, look up its status) and
    the coming reception days with their places. No personal data."""
    return render(request, "letters/public_index.html", {"days": selectors.public_reception_days()})
