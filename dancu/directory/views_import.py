"""Pages of the delegates import: upload, follow the job, download the template.

The upload only stores the file and queues the job; the job validates every row and writes
all or nothing (see importing.py). The job page polls its progress with htmx.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dancu.accounts.roles import Perm
from dancu.core.access import get_access
from dancu.core.errors import NotFound, PermissionDenied
from dancu.core.excel import MAX_UPLOAD_BYTES, XLSX_CONTENT_TYPE
from dancu.core.forms import SpreadsheetUploadForm
from dancu.core.imports import import_job_create
from dancu.core.models import ImportJob

from .errors import DirectoryError
from .importing import IMPORT_KIND, MAX_ROWS, delegate_template
from .models import AdministrativeUnit, UnitLevel
from .tasks import run_delegate_import

TEMPLATE_FILENAME = "mau_nhap_dai_bieu.xlsx"


def _import_provinces(user) -> list[AdministrativeUnit]:
    """Current provinces where the user may import, by name."""
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    return list(get_access(user).scope(qs, Perm.DIRECTORY_IMPORT, "pk").order_by("sort_key"))


def _chosen_province(request: HttpRequest, provinces: list[AdministrativeUnit]) -> AdministrativeUnit:
    if not provinces:
        raise PermissionDenied(
            _("You do not have permission to import delegates."), code=DirectoryError.IMPORT_FORBIDDEN
        )
    wanted = request.POST.get("province") or request.GET.get("province")
    if not wanted:
        return provinces[0]
    for province in provinces:
        if str(province.pk) == wanted:
            return province
    raise PermissionDenied(
        _("You do not have permission to import delegates in this province."),
        code=DirectoryError.IMPORT_FORBIDDEN,
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    provinces = _import_provinces(request.user)
    province = _chosen_province(request, provinces)
    form = SpreadsheetUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            job = _enqueue(request, province, form.cleaned_data["file"])
            return redirect("directory:import_job", job_id=job.pk)
        status = 400
    recent = ImportJob.objects.filter(kind=IMPORT_KIND, province_code=province.code).order_by("-created_at")[
        :10
    ]
    context = {
        "form": form,
        "province": province,
        "provinces": provinces,
        "recent_jobs": recent,
        "max_rows": MAX_ROWS,
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
    }
    return render(request, "directory/import.html", context, status=status)


def _enqueue(request: HttpRequest, province: AdministrativeUnit, upload) -> ImportJob:
    return import_job_create(
        actor=request.user,
        kind=IMPORT_KIND,
        province_code=province.code,
        upload=upload,
        params={"province_id": province.pk},
        enqueue=run_delegate_import.delay,
    )


def _job_province_id(job: ImportJob) -> int | None:
    """The province of a job: stored in its parameters, else found from its province code."""
    province_id = (job.params or {}).get("province_id")
    if province_id:
        return province_id
    unit = (
        AdministrativeUnit.objects.filter(
            level=UnitLevel.PROVINCE, code=job.province_code, valid_to__isnull=True
        )
        .only("pk")
        .first()
    )
    return unit.pk if unit and job.province_code else None


@login_required
@require_GET
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = ImportJob.objects.filter(pk=job_id, kind=IMPORT_KIND).select_related("created_by").first()
    province_id = _job_province_id(job) if job else None
    if (
        job is None
        or province_id is None
        or not get_access(request.user).has(Perm.DIRECTORY_IMPORT, province_id)
    ):
        # Not found rather than forbidden: do not reveal that another province's job exists.
        raise NotFound(
            _("This import does not exist or you may not see it."), code=DirectoryError.IMPORT_NOT_FOUND
        )
    context = {"job": job, "errors": job.errors[:500], "more_errors": max(0, len(job.errors) - 500)}
    template = (
        "directory/_import_progress.html" if getattr(request, "htmx", False) else "directory/import.html"
    )
    return render(request, template, context)


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    if not get_access(request.user).has(Perm.DIRECTORY_IMPORT):
        raise PermissionDenied(
            _("You do not have permission to import delegates."), code=DirectoryError.IMPORT_FORBIDDEN
        )
    response = HttpResponse(delegate_template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILENAME}"'
    return response
