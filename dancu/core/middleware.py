"""Turn an ApplicationError that escapes a view into a clear Vietnamese page, not a 500."""

from django.shortcuts import render

from .errors import ApplicationError


class ApplicationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
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
