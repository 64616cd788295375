"""Import of an Excel letter register: upload, follow the job, download the template."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dancu.core.access import get_access
from dancu.core.errors import NotFound, PermissionDenied
from dancu.core.excel import MAX_UPLOAD_BYTES, XLSX_CONTENT_TYPE, SpreadsheetRejected, check_upload
from dancu.core.models import ImportJob
from dancu.directory.models import AdministrativeUnit, UnitLevel

from .importing import IMPORT_KIND, MAX_ROWS, letter_template
from .permissions import LetterPerm
from .tasks import run_letter_import


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Excel file (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except SpreadsheetRejected as exc:
            raise forms.ValidationError(exc.message) from exc
        return upload


def _province(request: HttpRequest) -> AdministrativeUnit:
    provinces = get_access(request.user).provinces_with(LetterPerm.IMPORT)
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    if isinstance(provinces, set):
        qs = qs.filter(pk__in=provinces)
    wanted = request.POST.get("province") or request.GET.get("province") or ""
    if wanted.isdigit():
        qs = qs.filter(pk=int(wanted))
    province = qs.order_by("name").first()
    if province is None:
        raise PermissionDenied(_("You do not have permission to import letters."))
    return province


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    province = _province(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            with transaction.atomic():
                job = ImportJob.objects.create(
                    kind=IMPORT_KIND,
                    province_code=province.code,
                    params={"province_id": province.pk, "language": get_language()},
                    created_by=request.user,  # type: ignore[misc]
                    file=upload,
                    original_name=upload.name[:255],
                )
                transaction.on_commit(lambda: run_letter_import.delay(job.pk))
            return redirect("letters:import_job", job_id=job.pk)
        status = 400
    context = {
        "form": form,
        "province": province,
        "max_rows": MAX_ROWS,
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
    }
    return render(request, "letters/import.html", context, status=status)


@login_required
@require_GET
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = ImportJob.objects.filter(pk=job_id, kind=IMPORT_KIND).first()
    province_id = (job.params or {}).get("province_id") if job else None
    if job is None or province_id is None or not get_access(request.user).has(LetterPerm.IMPORT, province_id):
        raise NotFound(_("This import does not exist or you may not see it."))
    context = {"job": job, "errors": job.errors[:500]}
    template = "letters/_import_progress.html" if getattr(request, "htmx", False) else "letters/import.html"
    return render(request, template, context)


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    if not get_access(request.user).has(LetterPerm.IMPORT):
        raise PermissionDenied(_("You do not have permission to import letters."))
    response = HttpResponse(letter_template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau_so_theo_doi_don_thu.xlsx"'
    return response
