"""Import of an Excel letter register: upload, follow the job, download the template.

The upload is checked (`core.forms.SpreadsheetUploadForm`) and stored as an audited job
(`core.imports.import_job_create`); the job validates every row and writes all or nothing
(importing.py). The job page polls its progress with htmx.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dancu.core.access import get_access
from dancu.core.errors import PermissionDenied
from dancu.core.excel import MAX_UPLOAD_BYTES, XLSX_CONTENT_TYPE
from dancu.core.forms import SpreadsheetUploadForm, form_status
from dancu.core.imports import import_job_create
from dancu.directory.models import AdministrativeUnit

from . import selectors
from .errors import LetterError
from .importing import MAX_ROWS, letter_template
from .permissions import LetterPerm, require
from .tasks import run_letter_import


def _chosen_province(request: HttpRequest) -> AdministrativeUnit:
    """The province the upload is for: the one asked for, else the first where the user may
    import."""
    provinces = selectors.import_provinces(request.user)
    wanted = request.POST.get("province") or request.GET.get("province") or ""
    if wanted:
        province = next((p for p in provinces if str(p.pk) == wanted), None)
    else:
        province = provinces[0] if provinces else None
    if province is None:
        raise PermissionDenied(
            _("You do not have permission to import letters."), code=LetterError.IMPORT_FORBIDDEN
        )
    return province


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    province = _chosen_province(request)
    form = SpreadsheetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_job_create(
            actor=request.user,
            kind=selectors.IMPORT_KIND,
            province_code=province.code,
            upload=form.cleaned_data["file"],
            params={"province_id": province.pk},
            enqueue=run_letter_import.delay,
        )
        return redirect("letters:import_job", job_id=job.pk)
    context = {
        "form": form,
        "province": province,
        "max_rows": MAX_ROWS,
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
    }
    return render(request, "letters/import.html", context, status=form_status(form))


@login_required
@require_GET
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = selectors.import_job_get(request.user, job_id)
    context = {"job": job, "errors": job.errors[:500]}
    template = "letters/_import_progress.html" if getattr(request, "htmx", False) else "letters/import.html"
    return render(request, template, context)


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    require(get_access(request.user), LetterPerm.IMPORT, code=LetterError.IMPORT_FORBIDDEN)
    response = HttpResponse(letter_template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau_so_theo_doi_don_thu.xlsx"'
    return response
