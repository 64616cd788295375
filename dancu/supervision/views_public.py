"""Public pages (no sign-in): the published results reports and conclusions of supervisions
(Law 121 requires publication of supervision documents). No personal data: the topic, the
body, the number and date, the text and the recommendations with their agencies; never the
team's members."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from dancu.core.errors import NotFound
from dancu.core.htmx import paginate

from .errors import SupervisionError
from .models import DocumentKind, SupervisionDocument


def _published():
    return (
        SupervisionDocument.objects.filter(
            published=True, kind__in=[DocumentKind.REPORT, DocumentKind.CONCLUSIONS]
        )
        .select_related("activity", "activity__programme__body")
        .order_by("-issued_on", "-id")
    )


def document_list(request):
    return render(request, "supervision/public/document_list.html", {"page": paginate(request, _published())})


def document_detail(request, document_id: int):
    document = _published().filter(pk=document_id).first()
    if document is None:
        raise NotFound(_("Not found."), code=SupervisionError.NOT_FOUND)
    recommendations = document.activity.recommendations.select_related("lead_agency").order_by("due_on", "id")
    context = {"document": document, "recommendations": recommendations}
    return render(request, "supervision/public/document_detail.html", context)
