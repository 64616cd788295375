"""Backups that restore: an online copy of the database to one file, and its restore.

- SQLite: the online backup API (a consistent copy while the app runs).
- PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` into an empty database.

What a backup holds and does not: every row (the audit chain included), the sealed
identities as ciphertext; NOT the keys (SECRET_KEY, DANCU_SEAL_KEY, DANCU_AUDIT_KEY live in the
environment), so a stolen backup neither unseals identities nor lets anyone re-sign the audit
chain. Uploaded files (MEDIA_ROOT) are copied beside the database file. docs/security.md.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connections


def _pg_env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def backup(target: Path, *, using: str = "default", media: bool = True) -> Path:
    """Write the database to `target` (and MEDIA_ROOT to `target`.media/); returns `target`."""
    connection = connections[using]
    db = connection.settings_dict
    target.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        dest = sqlite3.connect(target)
        try:
            connection.connection.backup(dest)
        finally:
            dest.close()
    elif connection.vendor == "postgresql":
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target),
                *_pg_args(db),
                str(db["NAME"]),
            ],
            check=True,
            env=_pg_env(db),
            capture_output=True,
        )
    else:  # pragma: no cover - the project runs on these two
        raise RuntimeError(f"No backup for {connection.vendor}")
    media_root = Path(settings.MEDIA_ROOT)
    if media and media_root.is_dir():
        shutil.copytree(media_root, Path(f"{target}.media"), dirs_exist_ok=True)
    return target


def restore(source: Path, *, using: str = "default") -> None:
    """Load a backup into the (empty) database of `using`."""
    connection = connections[using]
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        src = sqlite3.connect(source)
        try:
            src.backup(connection.connection)
        finally:
            src.close()
    elif connection.vendor == "postgresql":
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                str(db["NAME"]),
                *_pg_args(db),
                str(source),
            ],
            check=True,
            env=_pg_env(db),
            capture_output=True,
        )
    else:  # pragma: no cover
        raise RuntimeError(f"No restore for {connection.vendor}")
