"""Middleware of the kernel: clean text input, and turn an ApplicationError that escapes a
view into a clear Vietnamese page, not a 500."""

import time

from django.db import DataError
from django.http import QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _

from .errors import ApplicationError, ValidationFailed
from .text import clean_text, has_control_characters


def _cleaned(query: QueryDict) -> QueryDict | None:
    """A copy of `query` without control characters in keys or values; None when clean."""
    if not any(
        has_control_characters(k) or any(has_control_characters(v) for v in query.getlist(k)) for k in query
    ):
        return None
    clean = QueryDict(mutable=True)
    for key in query:
        clean.setlist(clean_text(key), [clean_text(v) for v in query.getlist(key)])
    clean._mutable = False
    return clean


class CleanInputMiddleware:
    """Every text field of every page, staff and public, arrives without control characters
    (core.text.clean_text): one validator for all forms, so no module can forget it. Uploaded
    files are untouched (they are checked by content); the API's JSON is cleaned by its schemas."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        get = _cleaned(request.GET)
        if get is not None:
            request.GET = get
        if request.method == "POST" and request.content_type in {
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        }:
            post = _cleaned(request.POST)
            if post is not None:
                request.POST = post
        return self.get_response(request)


class ApplicationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError | DataError):
            # A number too large for the database (an id of 10^25 in a form): bad input.
            exception = ValidationFailed(_("A number in the request is out of range."), code="out_of_range")
        if isinstance(exception, ApplicationError):
            if request.path.startswith("/api/"):
                return None  # the API has its own handler and error format
            return render(
                request,
                "core/error.html",
                {"error": exception},
                status=exception.http_status,
            )
        return None


class ServerTimingMiddleware:
    """`Server-Timing` on every response: the total time in the app and whether a list's rows
    were rendered or served from the page cache (`core.paging.cached_rows` notes it on the
    request). Browser developer tools show it; bench/http_load.py counts the rendered share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        parts = [f"app;dur={(time.perf_counter() - started) * 1000:.1f}"]
        rows = getattr(request, "dancu_rows", "")
        if rows:
            parts.append(f'rows;desc="{rows}"')
        response["Server-Timing"] = ", ".join(parts)
        return response
