"""Public pages (no sign-in): the drafts open for online comments, the outline of each with a
comment form per article. Nothing about other comments is shown, and no personal data is asked:
a comment waits for the Office's moderation. Each address may send `RATE_LIMIT` comments an hour
(`dancu.core.throttle`: the client's address behind trusted proxies, counted in the cache;
with the cache down the page keeps working without a limit)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dancu.core import throttle
from dancu.core.forms import Failed, form_status, submit
from dancu.core.htmx import paginate

from . import selectors, services
from .forms import PublicCommentForm
from .outline_view import enrich

RATE_LIMIT = 30


@require_GET
def draft_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consultations/public/draft_list.html",
        {"page": paginate(request, selectors.public_drafts())},
    )


@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest, key: str) -> HttpResponse:
    draft = selectors.public_draft_get(key)
    form = PublicCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):
            # A robot filled the hidden field: answer as if accepted, store nothing.
            messages.success(
                request, _("Thank you. Your comment will be read by the Office before it is counted.")
            )
            return redirect(reverse("consultations_public:draft", args=[draft.public_key]))
        if throttle.reached("consultations.comment", request, RATE_LIMIT):
            form.add_error(
                None, _("Too many comments from this connection in the last hour. Please try again later.")
            )
        else:
            data = form.cleaned_data
            comment = submit(
                form,
                services.comment_public,
                draft=draft,
                path=data.get("path") or "",
                text=data["text"],
                proposal=data.get("proposal") or "",
                area=data.get("area") or "",
            )
            if not isinstance(comment, Failed):
                throttle.count("consultations.comment", request)
                messages.success(
                    request, _("Thank you. Your comment will be read by the Office before it is counted.")
                )
                anchor = comment.article_key
                return redirect(
                    reverse("consultations_public:draft", args=[draft.public_key])
                    + (f"#{anchor}" if anchor else "")
                )
    version = draft.versions.order_by("-number").first()
    context = {
        "draft": draft,
        "version": version,
        "tree": enrich(version.outline, {}) if version else [],
        "form": form,
    }
    status = 429 if form.is_bound and throttle.reached("consultations.comment", request, RATE_LIMIT) and form.errors else form_status(form)
    return render(request, "consultations/public/draft.html", context, status=status)
