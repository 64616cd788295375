"""The delegate import through a real Celery worker and the local Redis broker.

Eager mode is covered by the import tests; here the task crosses a real broker, is executed
by a worker thread and writes to the same test database.
"""

import socket

import pytest
from django.core.files.base import ContentFile

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

REDIS = "redis://127.0.0.1:6379/15"


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def redis_celery():
    if not _redis_up():
        pytest.fail("Redis is not running on 127.0.0.1:6379 (the test machine must provide it)")
    import uuid

    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    saved = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager", "task_default_queue")}
    # A queue of its own, so that messages left by an earlier, interrupted run are not consumed.
    app.conf.update(
        broker_url=REDIS, result_backend=REDIS, task_always_eager=False, task_default_queue=f"dancu-test-{uuid.uuid4().hex}"
    )
    _forget_connections(app)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield app
    finally:
        app.conf.update(saved)
        _forget_connections(app)


def _forget_connections(app):
    """Celery caches its result backend and producer pool on first use; earlier (eager) tests
    may have created them with the in-memory settings."""
    if hasattr(app._local, "backend"):
        del app._local.backend
    app._pool = None
    app.amqp._producer_pool = None
    # The default queue and the routes are computed once: another test that published first
    # would otherwise send this test's task to the shared default queue.
    for cached in ("queues", "default_queue", "router", "default_exchange", "send_task_message"):
        app.amqp.__dict__.pop(cached, None)
    app.amqp._rtable = None


def test_delegate_import_runs_on_a_redis_worker(redis_celery, office_admin, office):
    import datetime

    from dancu.core.models import ImportJob
    from dancu.directory.importing import delegate_template
    from dancu.directory.models import Body, Person, Term
    from dancu.directory.posts import ensure_posts
    from dancu.directory.tasks import run_delegate_import

    ensure_posts()  # an earlier transactional test's flush removes migration-seeded rows

    council = Body.objects.create(kind="PEOPLES_COUNCIL", name="Hội đồng nhân dân tỉnh Hà Tĩnh", province=office.province, unit=office.province)
    term = Term.objects.create(body=council, number=18, name="Khóa XVIII", start_date=datetime.date(2021, 6, 1))
    term.constituencies.create(number=1, name="Đơn vị bầu cử số 1")
    Body.objects.create(kind="COMMITTEE", name="Ban Pháp chế HĐND tỉnh Hà Tĩnh", parent=council, province=office.province, unit=office.province)
    job = ImportJob.objects.create(
        kind="delegates",
        province_code=office.province.code,
        created_by=office_admin,
        params={"province_id": office.province_id, "language": "vi"},
        original_name="mau.xlsx",
    )
    job.file.save("mau.xlsx", ContentFile(delegate_template()))
    result = run_delegate_import.delay(job.pk)
    assert result.get(timeout=60) is True
    # And the worker's writes are visible here: it ran against the same database.
    job.refresh_from_db()
    assert job.status == ImportJob.Status.SUCCEEDED, job.errors
    assert job.done == job.total > 0
    assert Person.objects.filter(province=office.province).count() >= 1
