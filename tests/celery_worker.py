"""A real Celery worker for the broker tests (tests/test_celery_redis.py, test_celery_rabbitmq.py):
the project's app pointed at a broker, on a queue of its own, with a worker thread consuming it."""

from __future__ import annotations

import contextlib
import datetime
import uuid
from collections.abc import Iterator

from django.core.files.base import ContentFile

_KEYS = (
    "broker_url",
    "result_backend",
    "task_always_eager",
    "task_default_queue",
    "broker_transport_options",
)


@contextlib.contextmanager
def real_worker(*, broker_url: str, result_backend: str) -> Iterator[tuple[object, str]]:
    """(app, queue): the project's Celery app sending to `broker_url` on a unique queue, so that
    messages left by an earlier, interrupted run (or a parallel one) are not consumed, and a
    worker thread consuming it."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app
    from config.settings.base import broker_transport_options

    queue = f"dancu-test-{uuid.uuid4().hex}"
    saved = {k: app.conf[k] for k in _KEYS}
    app.conf.update(
        broker_url=broker_url,
        result_backend=result_backend,
        task_always_eager=False,
        task_default_queue=queue,
        broker_transport_options=broker_transport_options(broker_url),
    )
    forget_connections(app)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield app, queue
    finally:
        app.conf.update(saved)
        forget_connections(app)


def forget_connections(app) -> None:
    """Celery caches its result backend, producer pool, default queue and routes on first use;
    earlier (eager) tests may have created them with the in-memory settings."""
    from dancu.core.testing import forget_celery_connections

    forget_celery_connections(app)


def delegate_import_job(office_admin, office):
    """An ImportJob of the delegate template for `office`'s province, with the council, term,
    constituency and committee it needs: what `run_delegate_import` reads."""
    from dancu.core.models import ImportJob
    from dancu.directory.importing import delegate_template
    from dancu.directory.models import Body, Term
    from dancu.directory.posts import ensure_posts

    ensure_posts()  # an earlier transactional test's flush removes migration-seeded rows
    province = office.province
    council = Body.objects.create(
        kind="PEOPLES_COUNCIL", name="Hội đồng nhân dân tỉnh Hà Tĩnh", province=province, unit=province
    )
    term = Term.objects.create(
        body=council, number=18, name="Khóa XVIII", start_date=datetime.date(2021, 6, 1)
    )
    term.constituencies.create(number=1, name="Đơn vị bầu cử số 1")
    Body.objects.create(
        kind="COMMITTEE",
        name="Ban Pháp chế HĐND tỉnh Hà Tĩnh",
        parent=council,
        province=province,
        unit=province,
    )
    job = ImportJob.objects.create(
        kind="delegates",
        province_code=province.code,
        created_by=office_admin,
        params={"province_id": office.province_id, "language": "vi"},
        original_name="mau.xlsx",
    )
    job.file.save("mau.xlsx", ContentFile(delegate_template()))
    return job
