"""Form pieces every module shares.

`submit(form, service, ...)` is how a view calls a service with a form's data: when the service
refuses (an `ApplicationError`), its Vietnamese message is put on the form, next to the field
it names (`details={"field": ...}`) or above the form, and the view re-renders the same form,
so the user never loses what they typed. Staff and public pages alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar

from django import forms
from django.utils.translation import gettext_lazy

from .errors import ApplicationError, PermissionDenied
from .excel import SpreadsheetRejected, check_upload

T = TypeVar("T")


class Failed:
    """What `submit` returns when the service refused; falsy, so `if result:` reads well."""

    def __init__(self, error: ApplicationError) -> None:
        self.error = error

    def __bool__(self) -> Literal[False]:  # lets mypy narrow `if result:` to the success type
        return False


def attach_error(form: forms.BaseForm, error: ApplicationError) -> None:
    field = error.details.get("field") if isinstance(error.details, dict) else None
    form.add_error(field if field in form.fields else None, error.message)


def submit(form: forms.BaseForm, service: Callable[..., T], /, **kwargs: Any) -> T | Failed:
    """Call `service(**kwargs)` for a valid `form`; on refusal attach the message and return a
    falsy `Failed` (the service's transaction rolled back: nothing changed). A permission
    refusal is not a form error: it propagates, and the page answers 403."""
    try:
        return service(**kwargs)
    except PermissionDenied:
        raise
    except ApplicationError as exc:
        attach_error(form, exc)
        return Failed(exc)


def form_status(form: forms.BaseForm) -> int:
    """The HTTP status of a page that shows `form`: 400 when it carries errors."""
    return 400 if form.is_bound and form.errors else 200


class SpreadsheetUploadForm(forms.Form):
    """One .xlsx upload, checked (size, type, a real workbook) before a job is created."""

    file = forms.FileField(label=gettext_lazy("Excel file (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except SpreadsheetRejected as exc:
            raise forms.ValidationError(exc.message) from exc
        return upload
