"""The delegate import through a real Celery worker and the local RabbitMQ broker.

The same task as tests/test_celery_redis.py, over AMQP (kombu's py-amqp transport): the task
crosses RabbitMQ on a queue of its own (a unique name per run, deleted afterwards, so parallel
or interrupted runs cannot take each other's messages), a worker thread executes it and writes
to the same test database, and its result comes back over RabbitMQ too (the `rpc://` backend).

The broker: `DANCU_TEST_AMQP_URL`, by default the machine's RabbitMQ (guest/guest on
127.0.0.1:5672). Skipped with the reason when nothing answers there on a developer's machine;
in CI (`CI` set, as `.ci/run` does, which also starts RabbitMQ) that is a failure instead.
"""

import os
import socket
from urllib.parse import urlsplit

import pytest

from .celery_worker import delegate_import_job, real_worker

pytestmark = [pytest.mark.rabbitmq, pytest.mark.django_db(transaction=True)]

AMQP = os.environ.get("DANCU_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//")


def _broker_answers(url: str) -> bool:
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5672), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def rabbitmq_celery():
    if not _broker_answers(AMQP):
        message = f"RabbitMQ does not answer at {urlsplit(AMQP).netloc.rsplit('@', 1)[-1]} (set DANCU_TEST_AMQP_URL)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with real_worker(broker_url=AMQP, result_backend="rpc://") as (app, queue):
        # The Redis-only transport key is not passed to py-amqp (config/settings/base.py).
        assert app.conf.broker_transport_options == {}
        try:
            yield app, queue
        finally:
            with app.connection_for_write() as conn:
                conn.default_channel.queue_delete(queue)


def test_delegate_import_runs_on_a_rabbitmq_worker(rabbitmq_celery, office_admin, office):
    from dancu.core.models import ImportJob
    from dancu.directory.models import Person
    from dancu.directory.tasks import run_delegate_import

    app, queue = rabbitmq_celery
    job = delegate_import_job(office_admin, office)
    people = Person.objects.filter(province=office.province).count()
    result = run_delegate_import.delay(job.pk)
    # It went through AMQP, on this run's queue: not eager, not the shared default queue.
    assert app.connection_for_write().transport_cls in ("amqp", "pyamqp")
    assert result.get(timeout=60) is True
    # And the worker's writes are visible here: it ran against the same database.
    job.refresh_from_db()
    assert job.status == ImportJob.Status.SUCCEEDED, job.errors
    assert job.done == job.total > 0
    assert Person.objects.filter(province=office.province).count() > people
    # The queue the message crossed exists on the broker (declared by the worker) and is empty.
    with app.connection_for_write() as conn:
        declared = conn.default_channel.queue_declare(queue=queue, passive=True)
    assert declared.message_count == 0
