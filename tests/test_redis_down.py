"""Redis down (REDIS_URL at a dead port): pages and writes work without the cache, an import
that cannot be queued ends failed with its file removed (no spinner, no personal data left),
and the health page says what is down. Real clients against a port where nothing listens."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dancu.core.testing import dead_port

pytestmark = pytest.mark.django_db






def test_the_cache_degrades_to_no_cache(redis_down):
    from django.core.cache import cache

    from dancu.core.paging import DataVersion

    assert cache.get("x") is None
    assert cache.set("x", 1) is None and cache.add("x", 1) is False
    version = DataVersion("letters")
    assert version.get() == 1
    version.bump()  # no error: the version simply is not kept
    assert cache.status()[0] is False


def test_pages_and_health_with_redis_down(redis_down, client, office_admin):
    client.force_login(office_admin)
    started = time.monotonic()
    for name in ("web:dashboard", "directory:person_list", "web:audit_list"):
        assert client.get(reverse(name)).status_code == 200, name
    assert time.monotonic() - started < 10  # one short time-out, not one per cache call
    health = client.get(reverse("web:health"))
    assert health.status_code == 200 and health.json()["cache"] == "down"
    assert health.json()["database"] == "ok"
    page = client.get(reverse("web:system_status")).content.decode()
    assert 'data-check="cache"' in page and "text-bg-danger" in page


@pytest.mark.redis
def test_an_import_that_cannot_be_queued_ends_failed_with_its_file_removed(client, office_admin, settings, tmp_path):
    from config.celery import app
    from dancu.core.models import ImportJob
    from dancu.directory.importing import delegate_template

    from .test_celery_redis import _forget_connections

    settings.MEDIA_ROOT = tmp_path
    saved = {k: app.conf[k] for k in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=f"redis://127.0.0.1:{dead_port()}/0", task_always_eager=False)
    _forget_connections(app)
    try:
        client.force_login(office_admin)
        started = time.monotonic()
        upload = SimpleUploadedFile("dai_bieu.xlsx", delegate_template())
        with pytest.MonkeyPatch.context() as mp:
            # run the on_commit callback inside the test transaction
            from django.db import transaction

            mp.setattr(transaction, "on_commit", lambda fn, using=None, robust=False: fn())
            response = client.post(reverse("directory:import_page"), {"file": upload})
        elapsed = time.monotonic() - started
    finally:
        app.conf.update(saved)
        _forget_connections(app)
    assert response.status_code == 302
    job = ImportJob.objects.latest("id")
    assert job.status == ImportJob.Status.FAILED
    assert "background service" in job.errors[0]["message"] or "Dịch vụ" in job.errors[0]["message"] or job.errors
    assert not job.file and not list(tmp_path.rglob("*.xlsx"))
    assert elapsed < 20, elapsed
    page = client.get(response["Location"]).content.decode()
    assert job.errors[0]["message"][:30] in page
