"""Faults: a Celery worker killed in the middle of an import, and PostgreSQL restarted while
writes go on. Nothing is half-written; the job ends failed with its file removed and the page
says so. Real processes: a worker started as a subprocess on the local Redis broker, a
PostgreSQL cluster of the test's own (so the shared server is not disturbed)."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
REDIS = "redis://127.0.0.1:6379/14"


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def _delegates_file(n: int) -> bytes:
    from dancu.directory.importing import delegate_columns

    columns = delegate_columns()
    wb = Workbook()
    ws = wb.active
    ws.append([str(c.header) for c in columns])
    for i in range(n):
        values = {"full_name": f"Nguyễn Văn Thử {i}", "birth_date": "12/03/1975", "body": "Hội đồng nhân dân tỉnh Hà Tĩnh"}
        ws.append([values.get(c.key) for c in columns])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_leaves_nothing_and_the_job_ends_failed(client, office_admin, office, settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("a worker process shares the test database only on PostgreSQL (SQLite runs in memory)")
    if not _redis_up():
        pytest.fail("Redis is not running on 127.0.0.1:6379")
    from config.celery import app
    from dancu.core.models import ImportJob
    from dancu.core.tasks import reap_stalled_jobs
    from dancu.directory.models import Body, Person, Term
    from dancu.directory.tasks import run_delegate_import

    settings.MEDIA_ROOT = tmp_path
    council = Body.objects.create(kind="PEOPLES_COUNCIL", name="Hội đồng nhân dân tỉnh Hà Tĩnh", province=office.province, unit=office.province)
    Term.objects.create(body=council, number=18, name="Khóa XVIII", start_date=datetime.date(2021, 6, 1))
    people = Person.objects.count()
    job = ImportJob.objects.create(
        kind="delegates", province_code=office.province.code, created_by=office_admin,
        params={"province_id": office.province_id, "language": "vi"}, original_name="ds.xlsx",
    )
    job.file.save("ds.xlsx", ContentFile(_delegates_file(4000)))
    queue = f"dancu-fault-{uuid.uuid4().hex}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "DANCU_TEST_BROKER": REDIS,
        "DANCU_TEST_MEDIA_ROOT": str(tmp_path),
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "-Q", queue, "--without-mingle",
         "--without-gossip", "-l", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    saved = {k: app.conf[k] for k in ("broker_url", "task_always_eager")}
    try:
        app.conf.update(broker_url=REDIS, task_always_eager=False)
        app._pool = None
        app.amqp._producer_pool = None
        run_delegate_import.apply_async(args=[job.pk], queue=queue)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if (job.status == ImportJob.Status.RUNNING and job.done > 0) or job.is_finished:
                break
            assert worker.poll() is None, "the worker died by itself"
            time.sleep(0.05)
        assert job.status == ImportJob.Status.RUNNING and 0 < job.done < job.total, (job.status, job.done, job.errors)
        os.killpg(worker.pid, signal.SIGKILL)  # mid-way: validating rows, nothing committed yet
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
        app.conf.update(saved)
        app._pool = None
        app.amqp._producer_pool = None
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING  # what a dead worker leaves
    assert Person.objects.count() == people  # and nothing half-written
    later = job.heartbeat_at + datetime.timedelta(minutes=11)
    assert reap_stalled_jobs(now=later) == 1
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and not job.file
    assert not list(tmp_path.rglob("*.xlsx"))
    client.force_login(office_admin)
    page = client.get(reverse("directory:import_job", args=[job.pk])).content.decode()
    assert job.errors[0]["message"][:40] in page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def own_postgres():
    """A PostgreSQL cluster of this test's own on a free port, so restarting it disturbs no one."""
    bindir = Path(f"/usr/lib/postgresql/{sorted(os.listdir('/usr/lib/postgresql'))[-1]}/bin")
    base = Path(tempfile.mkdtemp(prefix="dancu-pg-"))
    shutil.chown(base, "postgres")
    port = _free_port()
    as_pg = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_pg, bindir / "initdb", "-D", base / "data", "-A", "trust", "-U", "postgres"], check=True, capture_output=True)
    start = [*as_pg, bindir / "pg_ctl", "-D", base / "data", "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "-w", "-l", base / "log"]
    subprocess.run([*start, "start"], check=True, capture_output=True)
    try:
        subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "dancu"], check=True)
        yield {"port": port, "url": f"postgres://postgres@127.0.0.1:{port}/dancu", "restart": lambda: subprocess.run(
            [*start, "-m", "fast", "restart"], check=True, capture_output=True)}
    finally:
        subprocess.run([*as_pg, bindir / "pg_ctl", "-D", base / "data", "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


WRITER = r'''
import os, sys, time, django
django.setup()
from django.db import transaction, connection, OperationalError, InterfaceError
from dancu.core.audit import audit_record
from dancu.directory.models import AdministrativeUnit
ok = failed = 0
deadline = time.monotonic() + float(sys.argv[1])
while time.monotonic() < deadline:
    try:
        with transaction.atomic():
            unit = AdministrativeUnit.objects.create(code=f"T{ok}-{failed}", name=f"Xã Thử {ok}", level="commune", key=f"fault:{ok}:{failed}")
            audit_record(actor=None, action="directory.unit.create", target=unit, summary=unit.name)
        ok += 1
    except (OperationalError, InterfaceError):
        failed += 1
        connection.close()
        time.sleep(0.05)
print(ok, failed)
'''


@pytest.mark.postgres_only
def test_postgres_restarted_during_writes_leaves_no_half_write(own_postgres):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": own_postgres["url"], "DB_CONN_MAX_AGE": "60"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=600)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, "8"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    time.sleep(2.5)
    own_postgres["restart"]()
    out, _err = writer.communicate(timeout=120)
    ok, failed = (int(x) for x in out.split())
    assert ok > 0 and failed > 0, (ok, failed)  # the restart really cut writes, and writing resumed
    verify = subprocess.run([*manage, "audit_verify"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stderr
    check = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();"
         "from dancu.core.models import AuditEntry; from dancu.directory.models import AdministrativeUnit as U;"
         "ids = set(str(i) for i in U.objects.filter(key__startswith='fault:').values_list('pk', flat=True));"
         "audited = set(AuditEntry.objects.filter(action='directory.unit.create').values_list('target_id', flat=True));"
         "print(len(ids), len(audited), ids == audited)"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    units, audited, same = check.stdout.split()
    assert same == "True" and int(units) == ok, check.stdout  # every row has its audit entry and no entry lacks its row
