"""No uploaded file is reachable under /media/, in any settings module: files are served only
through permission-checked views (dancu.core.files)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_media_is_404_here(client, settings, office_admin):
    path = Path(settings.MEDIA_ROOT) / "imports" / "so.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04 personal data")
    assert client.get("/media/imports/so.xlsx").status_code == 404
    client.force_login(office_admin)
    assert client.get("/media/imports/so.xlsx").status_code == 404


@pytest.mark.parametrize("module", ["config.settings.local", "config.settings.production", "config.settings.test"])
def test_no_settings_module_serves_media(module):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": module, "DEBUG": "1", "SECRET_KEY": "Zq8-vL2pX9_rT4mN7bW1cY6hJ3kF0sD5gA8eU2iO9wQ4xZ7",
           "DANCU_SEAL_KEY": "k" * 40, "DATABASE_URL": "sqlite:///:memory:"}
    code = (
        "import django; django.setup();"
        "from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/media/imports/x.xlsx'); print('served')\n"
        "except Resolver404:\n    print('404')"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().endswith("404"), result.stderr[-500:]
