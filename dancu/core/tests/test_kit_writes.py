"""The kit's write helpers: an import job is born audited and queued after commit; a refused
service puts its message on the form instead of losing the input."""

from __future__ import annotations

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from dancu.core.errors import ValidationFailed
from dancu.core.forms import Failed, form_status, submit
from dancu.core.imports import import_job_create
from dancu.core.models import AuditEntry, ImportJob

pytestmark = pytest.mark.django_db


def test_import_job_is_audited_and_queued_after_commit(
    django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    queued = []
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            actor=None,
            kind="letters",
            province_code="42",
            upload=SimpleUploadedFile("so.xlsx", b"PK\x03\x04 data"),
            params={"province_id": 1},
            enqueue=queued.append,
        )
        assert queued == []  # not before commit: the worker must see the row
    assert queued == [job.pk]
    job = ImportJob.objects.get(pk=job.pk)
    assert job.status == ImportJob.Status.PENDING and job.original_name == "so.xlsx"
    assert job.params["province_id"] == 1 and job.params["language"]
    entry = AuditEntry.objects.latest("id")
    assert entry.action == "core.import_job.create" and entry.target_id == str(job.pk)


class NameForm(forms.Form):
    name = forms.CharField()
    note = forms.CharField(required=False)


def refuse(*, name: str, field: str | None = None):
    raise ValidationFailed("Tên đã có.", details={"field": field} if field else None)


def test_submit_attaches_the_message_to_the_field_and_keeps_input():
    form = NameForm({"name": "Nguyễn Văn A", "note": "x"})
    assert form.is_valid()
    result = submit(form, refuse, name="Nguyễn Văn A", field="name")
    assert isinstance(result, Failed) and not result
    assert form.errors["name"] == ["Tên đã có."]
    assert form["name"].value() == "Nguyễn Văn A"  # the page re-renders what was typed
    assert form_status(form) == 400


def test_submit_puts_other_refusals_above_the_form_and_returns_results():
    form = NameForm({"name": "B"})
    assert form.is_valid()
    submit(form, refuse, name="B", field="unknown_field")
    assert form.non_field_errors() == ["Tên đã có."]
    ok = NameForm({"name": "C"})
    assert ok.is_valid()
    assert submit(ok, lambda **kw: kw["name"] * 2, name="C") == "CC"
    assert form_status(ok) == 200


def test_submit_lets_a_permission_refusal_through():
    from dancu.core.errors import PermissionDenied

    def deny(**kw):
        raise PermissionDenied("Không có quyền.")

    form = NameForm({"name": "D"})
    assert form.is_valid()
    with pytest.raises(PermissionDenied):
        submit(form, deny)
    assert not form.errors


def test_the_digest_of_a_query_that_matches_nothing():
    from dancu.core.paging import sql_digest

    empty = ImportJob.objects.filter(pk__in=[])
    assert sql_digest(empty) == sql_digest(ImportJob.objects.filter(pk__in=[]))
    assert sql_digest(empty) != sql_digest(ImportJob.objects.all())
