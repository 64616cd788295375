"""Test settings: the same app, with fast hashing and tasks in-process unless a test asks for Redis."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, broker_transport_options

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
# The public development seal key is acceptable here (letters.crypto): tests seal test data.
DANCU_SEAL_ALLOW_DEV_KEY = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("DANCU_TEST_BROKER")
# A fault test runs a real worker process against Redis: it sets DANCU_TEST_BROKER for it.
CELERY_BROKER_URL = os.environ.get("DANCU_TEST_BROKER", "memory://")
CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(CELERY_BROKER_URL)
CELERY_RESULT_BACKEND = "cache+memory://"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = Path(os.environ.get("DANCU_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="dancu-media-"))
# The local disk whatever DANCU_S3_BUCKET says: a test that wants S3 starts its own server
# (tests/test_media_s3.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["TEST"] = {"NAME": None}
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA foreign_keys=ON;"}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="dancu-static-"))
