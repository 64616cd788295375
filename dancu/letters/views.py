from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dancu.core.access import get_access
from dancu.core.errors import PermissionDenied, ValidationFailed
from dancu.core.excel import XLSX_CONTENT_TYPE
from dancu.core.htmx import clean_int, clean_query, paginate
from dancu.core.paging import ROWS_TTL, CappedPaginator
from dancu.directory.models import Body, Person

from . import documents, selectors, services
from .forms import IntakeForm, PublicSubmitForm, StatusForm
from .models import Channel, Field, Letter, LetterKind
from .paging import SMALL_RESULT, paginate_capped, paginate_keyset, rows_cache_key
from .permissions import LetterPerm
from .workflow import PUBLIC_STATUS, Status

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _require_any(request) -> None:
    access = get_access(request.user)
    if not (access.has(LetterPerm.VIEW) or access.has(LetterPerm.RESPOND)):
        raise PermissionDenied(_("You do not have permission to do this."))


def _parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


def _register_filters(request) -> dict:
    def choice(name, values):
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
    }


def _filters_html(filters: dict) -> str:
    """The filter form (four translated drop-downs) rendered once per language and choice."""
    key = (
        "letters:filters:"
        + hashlib.sha256(f"{get_language()}|{sorted(filters.items())}".encode()).hexdigest()
    )
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "letters/_register_filters.html",
            {
                "filters": filters,
                "kinds": LetterKind.choices,
                "statuses": Status.choices,
                "channels": Channel.choices,
                "fields": Field.choices,
            },
        )
        cache.set(key, html, 3600)
    return html


@login_required
def register(request):
    """The register. The rows (query and HTML) are cached per query, page and data version
    (`paging.rows_cache_key`): any letter written invalidates them, so staff paging through
    the same register share the work; a miss costs two index scans (keyset page, capped count)."""
    _require_any(request)
    filters = _register_filters(request)
    rows = selectors.register_rows(selectors.letters_register(request.user, **filters))
    today = timezone.localdate()
    key = rows_cache_key(rows, request.GET.urlencode(), f"{today}|{get_language()}|{CappedPaginator.cap}")
    rows_html = cache.get(key)
    if rows_html is None:
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
        rows_html = render_to_string(
            "letters/_register_rows.html", {"page": page, "today": today}, request=request
        )
        cache.set(key, rows_html, ROWS_TTL)
    if getattr(request, "htmx", False) and not request.htmx.boosted:
        return HttpResponse(rows_html)
    context = {
        "rows_html": mark_safe(rows_html),  # noqa: S308 - rendered by our own template
        "filters_html": mark_safe(_filters_html(filters)),  # noqa: S308 - idem
        "can_handle": get_access(request.user).has(LetterPerm.HANDLE),
    }
    return render(request, "letters/register.html", context)


@login_required
def register_export(request):
    _require_any(request)
    letters = selectors.letters_register(request.user, **_register_filters(request))[:50000]
    data = documents.register_xlsx(letters)
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="so-theo-doi-don-thu.xlsx"'
    return response


def _receiving_bodies(user):
    provinces = get_access(user).provinces_with(LetterPerm.HANDLE)
    qs = Body.objects.filter(kind__in=services.RECEIVING_KINDS).select_related("province")
    if isinstance(provinces, set):
        qs = qs.filter(province_id__in=provinces)
    return list(qs.order_by("province__name", "kind"))


@login_required
def letter_create(request):
    get_access(request.user).require(LetterPerm.HANDLE)
    bodies = _receiving_bodies(request.user)
    days = list(selectors.reception_days_visible(request.user)[:50])
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
        request.POST or None, request.FILES or None, bodies=bodies, reception_days=days, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        body = next(b for b in bodies if b.pk == d["receiving_body"])
        day = next((x for x in days if x.pk == d["reception_day"]), None)
        uploads = [
            services.Upload(f.name, f.read())
            for f in d["attachments"]
            if f.size <= services.MAX_ATTACHMENT_BYTES + 1
        ]
        if len(uploads) != len(d["attachments"]):
            form.add_error("attachments", _("A file is larger than the limit."))
        else:
            try:
                letter = services.letter_create(
                    actor=request.user,
                    receiving_body=body,
                    received_date=d["received_date"],
                    channel=d["channel"],
                    kind=d["kind"],
                    letter_field=d["letter_field"],
                    subject=d["subject"],
                    content=d["content"],
                    target=d["target"],
                    identity=services.Identity(d["name"], d["address"], d["id_number"], d["phone"]),
                    is_anonymous=d["is_anonymous"],
                    signer_count=d["signer_count"],
                    representative_count=d["representative_count"],
                    eligibility=services.Eligibility(
                        d["in_vietnamese"],
                        d["has_date"],
                        d["has_name_address"],
                        d["has_signature"],
                        d["has_required_content"],
                    ),
                    competence=d["competence"],
                    is_remote=d["is_remote"],
                    is_complex=d["is_complex"],
                    reception_day=day,
                    attachments=uploads,
                )
            except ValidationFailed as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Letter %(n)s registered.") % {"n": letter.number})
                return redirect("letters:letter_detail", letter.pk)
    return render(request, "letters/letter_form.html", {"form": form})


@login_required
def letter_detail(request, letter_id: int):
    letter = selectors.letter_get(request.user, letter_id)
    access = get_access(request.user)
    agency_view = selectors.is_agency_view(request.user, letter)
    can_handle = access.has(LetterPerm.HANDLE, letter.province_id)
    context = {
        "letter": letter,
        "agency_view": agency_view,
        "can_handle": can_handle,
        "can_reveal": services.can_reveal(request.user, letter)
        or services.identity_visible_without_reveal(request.user, letter),
        "can_result": can_handle or agency_view,
        "deadlines": sorted(letter.deadlines.items(), key=lambda kv: kv[1]),
        "proposals": selectors.duplicate_proposals(request.user, letter) if can_handle else [],
        "group": selectors.letter_group(letter).exclude(pk=letter.pk) if not agency_view else [],
        "already_forwarded": services.group_already_forwarded(letter) if can_handle else None,
        "agencies": Body.objects.filter(province_id=letter.province_id)
        .exclude(kind__in=services.RECEIVING_KINDS)
        .order_by("name")
        if can_handle
        else [],
        "kinds": LetterKind.choices,
        "items": letter.items.all() if not agency_view else [],
        "attachments": letter.attachments.filter(is_sealed=False).only(
            "id", "filename", "size", "content_type"
        )
        if not agency_view
        else [],
    }
    return render(request, "letters/letter_detail.html", context)


@login_required
@require_POST
def letter_reveal(request, letter_id: int):
    letter = selectors.letter_get(request.user, letter_id)
    identity = services.letter_reveal_identity(
        actor=request.user, letter=letter, reason=request.POST.get("reason", "")[:500]
    )
    return render(request, "letters/_identity.html", {"identity": identity, "letter": letter})


ACTIONS = {
    "accept": services.letter_accept,
    "guide": services.letter_guide,
    "file": services.letter_file,
    "urge": services.letter_urge,
    "inform": services.letter_inform,
    "extend": services.letter_extend,
}


@login_required
@require_POST
def letter_action(request, letter_id: int, action: str):
    letter = selectors.letter_get(request.user, letter_id)
    if action == "forward":
        body_id = request.POST.get("to_body", "")
        to_body = Body.objects.filter(
            pk=int(body_id) if body_id.isdigit() else 0, province_id=letter.province_id
        ).first()
        if to_body is None:
            raise ValidationFailed(_("Choose the body to forward to."))
        services.letter_forward(actor=request.user, letter=letter, to_body=to_body)
    elif action == "link":
        other_id = request.POST.get("other", "")
        other = (
            selectors.letters_visible(request.user)
            .filter(pk=int(other_id) if other_id.isdigit() else 0)
            .first()
        )
        if other is None:
            raise ValidationFailed(_("Choose the letter to link."))
        services.letter_link_duplicate(actor=request.user, letter=letter, other=other)
    elif action == "split":
        kinds = [k for k in request.POST.getlist("kinds") if k in LetterKind.values]
        services.letter_split(actor=request.user, letter=letter, kinds=kinds)
    elif action == "result":
        services.letter_record_result(
            actor=request.user, letter=letter, result=request.POST.get("result", "")[:5000]
        )
    elif action in ACTIONS:
        ACTIONS[action](actor=request.user, letter=letter)
    else:
        raise ValidationFailed(_("Unknown action."))
    messages.success(request, _("Done."))
    return redirect("letters:letter_detail", letter.pk)


@login_required
def letter_document(request, letter_id: int, doc: str):
    letter = selectors.letter_get(request.user, letter_id)
    get_access(request.user).require(LetterPerm.HANDLE, letter.province_id)
    if doc == "chuyen-don":
        data = documents.transfer_slip(letter)
    elif doc == "huong-dan":
        data = documents.guidance_letter(letter)
    else:
        raise ValidationFailed(_("Unknown document."))
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{doc}-{letter.pk}.docx"'
    return response


@login_required
def statistics(request):
    get_access(request.user).require(LetterPerm.VIEW)
    year = clean_int(request, "year")
    stats = selectors.statistics(request.user, year=year)
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
    chart = {
        "labels": [m for m, _n in stats["month"]],
        "values": [n for _m, n in stats["month"]],
        "label": _("Letters"),
    }
    return render(
        request, "letters/statistics.html", {"stats": stats, "tables": tables, "chart": chart, "year": year}
    )


@login_required
def report_docx(request):
    get_access(request.user).require(LetterPerm.VIEW)
    today = timezone.localdate()
    start = datetime.date(today.year, 1, 1) if today.month <= 6 else datetime.date(today.year, 7, 1)
    end = datetime.date(today.year, 6, 30) if today.month <= 6 else datetime.date(today.year, 12, 31)
    letters = selectors.letters_register(request.user, date_from=start, date_to=end)
    data = documents.six_month_report(letters, start, end)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = 'attachment; filename="bao-cao-6-thang-don-thu.docx"'
    return response


@login_required
def destruction_list(request):
    access = get_access(request.user)
    access.require(LetterPerm.APPROVE_DESTRUCTION)
    today = timezone.localdate()
    letters = selectors.letters_visible(request.user).filter(status=Status.FILED, keep_until__lte=today)
    if request.method == "POST":
        ids = [int(x) for x in request.POST.getlist("letter") if x.isdigit()]
        provinces = set(letters.filter(pk__in=ids).values_list("province_id", flat=True))
        n = sum(
            services.letters_approve_destruction(actor=request.user, province_id=p, letter_ids=ids)
            for p in provinces
        )
        messages.success(request, _("%(n)s letters destroyed.") % {"n": n})
        return redirect("letters:destruction_list")
    return render(request, "letters/destruction_list.html", {"letters": letters[:500]})


# -- Public pages (no sign-in) -----------------------------------------------------------------

RATE_LIMIT = 5  # submissions per IP address per hour
LOOKUP_LIMIT = 30


def _client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")[:64]


def _over_limit(prefix: str, request, limit: int) -> bool:
    key = f"letters:{prefix}:{_client_ip(request)}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, 3600)
        count = 1
    return count > limit


def public_submit(request):
    bodies = (
        Body.objects.filter(kind__in=services.RECEIVING_KINDS, active_to=None)
        .select_related("province")
        .order_by("province__name", "kind")
    )
    form = PublicSubmitForm(request.POST or None, bodies=bodies)
    receipt = None
    if request.method == "POST":
        if _over_limit("submit", request, RATE_LIMIT):
            return render(request, "letters/public_submit.html", {"form": form, "limited": True}, status=429)
        if form.is_valid():
            d = form.cleaned_data
            body = bodies.get(pk=d["receiving_body"])
            try:
                letter = services.letter_create(
                    actor=None,
                    public=True,
                    receiving_body=body,
                    received_date=timezone.localdate(),
                    channel=Channel.ONLINE,
                    kind=d["kind"],
                    subject=d["subject"],
                    content=d["content"],
                    target=d["target"],
                    identity=services.Identity(d["name"], d["address"], d["id_number"], d["phone"]),
                )
            except ValidationFailed as exc:
                form.add_error(None, exc.message)
            else:
                receipt = letter.receipt_code
    return render(request, "letters/public_submit.html", {"form": form, "receipt": receipt})


def public_status(request):
    form = StatusForm(request.GET or None)
    status = None
    not_found = False
    if form.is_bound and form.is_valid():
        if _over_limit("lookup", request, LOOKUP_LIMIT):
            return render(request, "letters/public_status.html", {"form": form, "limited": True}, status=429)
        code = form.cleaned_data["receipt_code"].strip().upper()
        letter = Letter.objects.filter(receipt_code=code).only("status", "lookup_hash").first()
        import hmac

        if (
            letter
            and letter.lookup_hash
            and hmac.compare_digest(
                letter.lookup_hash, services.lookup_hash(code, form.cleaned_data["second_factor"])
            )
        ):
            status = PUBLIC_STATUS.get(letter.status, "")
        else:
            not_found = True
    return render(
        request, "letters/public_status.html", {"form": form, "status": status, "not_found": not_found}
    )


@login_required
def reception_days(request):
    access = get_access(request.user)
    access.require(LetterPerm.VIEW)
    bodies = _receiving_bodies(request.user)
    error = ""
    if request.method == "POST":
        body = next((b for b in bodies if str(b.pk) == request.POST.get("body", "")), None)
        day = _parse_date(request.POST.get("date"))
        if body is None or day is None:
            error = _("Choose the body and the date.")
        else:
            services.reception_day_create(
                actor=request.user,
                body=body,
                date=day,
                place=request.POST.get("place", "")[:300],
                receiving_delegates=request.POST.get("receiving_delegates", "")[:500],
                posted_on=_parse_date(request.POST.get("posted_on")),
                deputy_notified_on=_parse_date(request.POST.get("deputy_notified_on")),
            )
            messages.success(request, _("Reception day scheduled."))
            return redirect("letters:reception_days")
    days = selectors.reception_days_visible(request.user).order_by("-date")
    context = {"page": paginate(request, days), "bodies": bodies, "error": error}
    return render(request, "letters/reception_days.html", context)


@login_required
def reception_day_detail(request, day_id: int):
    """A reception day with its visits; the Office records a visit here."""
    day = selectors.reception_day_get(request.user, day_id)
    can_handle = get_access(request.user).has(LetterPerm.HANDLE, day.province_id)
    delegates = (
        list(Person.objects.filter(province_id=day.province_id).only("id", "full_name")[:500])
        if can_handle
        else []
    )
    error = ""
    if request.method == "POST":
        if not can_handle:
            raise PermissionDenied(_("You do not have permission to do this."))
        post = request.POST
        chosen = {x for x in post.getlist("delegates") if x.isdigit()}
        count = post.get("citizen_count", "")
        try:
            services.visit_record(
                actor=request.user,
                reception_day=day,
                kind=post.get("kind", ""),
                citizens=services.Citizens(
                    names=post.get("citizens", "")[:5000].splitlines(),
                    address=post.get("address", "")[:300],
                    id_number=post.get("id_number", "")[:20],
                    phone=post.get("phone", "")[:30],
                ),
                citizen_count=int(count) if count.isdigit() and int(count) < 100000 else None,
                content=post.get("content", "")[:10000],
                delegates=[p for p in delegates if str(p.pk) in chosen],
                result=post.get("result", "")[:5000],
                follow_up=post.get("follow_up", "")[:5000],
            )
        except ValidationFailed as exc:
            error = exc.message
        else:
            messages.success(request, _("Visit recorded."))
            return redirect("letters:reception_day_detail", day.pk)
    context = {
        "day": day,
        "visits": selectors.visits_of_day(day),
        "can_handle": can_handle,
        "delegates": delegates,
        "kinds": LetterKind.choices,
        "error": error,
        "form": request.POST if error else {},
    }
    return render(request, "letters/reception_day_detail.html", context)


@login_required
@require_POST
def visit_letter(request, visit_id: int):
    """Create the letter of a visit in one step (prefilled from the visit and linked to it)."""
    visit = selectors.visit_get(request.user, visit_id)
    letter = services.visit_create_letter(actor=request.user, visit=visit)
    messages.success(request, _("Letter %(n)s registered.") % {"n": letter.number})
    return redirect("letters:letter_detail", letter.pk)
