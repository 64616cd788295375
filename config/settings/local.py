"""The embedded default: SQLite, tasks run in-process, debug off unless asked."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
# `make run` prints e-mails to the console unless an SMTP server is configured.
import os  # noqa: E402

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
