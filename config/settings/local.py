"""The embedded default: SQLite, tasks run in-process, debug off unless asked."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
