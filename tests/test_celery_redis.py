"""The delegate import through a real Celery worker and the local Redis broker.

Eager mode is covered by the import tests; here the task crosses a real broker, is executed
by a worker thread and writes to the same test database. The same with RabbitMQ:
tests/test_celery_rabbitmq.py (the worker and the job: tests/celery_worker.py).
"""

import socket

import pytest

from .celery_worker import delegate_import_job, forget_connections, real_worker

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

REDIS = "redis://127.0.0.1:6379/15"
# Under its old name for tests/test_redis_down.py.
_forget_connections = forget_connections


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
    with real_worker(broker_url=REDIS, result_backend=REDIS) as (app, _queue):
        assert app.conf.broker_transport_options == {"socket_connect_timeout": 2}
        yield app


def test_delegate_import_runs_on_a_redis_worker(redis_celery, office_admin, office):
    from dancu.core.models import ImportJob
    from dancu.directory.models import Person
    from dancu.directory.tasks import run_delegate_import

    job = delegate_import_job(office_admin, office)
    result = run_delegate_import.delay(job.pk)
    assert result.get(timeout=60) is True
    # And the worker's writes are visible here: it ran against the same database.
    job.refresh_from_db()
    assert job.status == ImportJob.Status.SUCCEEDED, job.errors
    assert job.done == job.total > 0
    assert Person.objects.filter(province=office.province).count() >= 1
