"""Production settings refuse to start without real secrets, and pass `check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = {"SECRET_KEY": "Zq8-vL2pX9_rT4mN7bW1cY6hJ3kF0sD5gA8eU2iO9wQ4xZ7vB1nM", "DANCU_SEAL_KEY": "k" * 40, "ALLOWED_HOSTS": "dancu.example.gov.vn"}


def run(args, **env):
    # The test runner's own DJANGO_ALLOW_ASYNC_UNSAFE (for Playwright) is no production setting.
    dropped = {"SECRET_KEY", "DANCU_SEAL_KEY", "DANCU_AUDIT_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"DANCU_SEAL_KEY": "k" * 40},
        {"SECRET_KEY": "s" * 50},
        {"SECRET_KEY": "s" * 50, "DANCU_SEAL_KEY": "short"},
        {"SECRET_KEY": "dev-insecure-key-change-me-in-production", "DANCU_SEAL_KEY": "k" * 40},
    ],
)
def test_refuses_to_start_without_secret_and_seal_keys(env):
    result = run(["check"], **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_starts_and_passes_the_deploy_check_with_them():
    result = run(["check", "--deploy", "--fail-level", "WARNING"], **GOOD)
    assert result.returncode == 0, result.stderr + result.stdout
