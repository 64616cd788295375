"""A Redis cache that degrades to no cache when Redis is down.

The cache only ever speeds pages up (counts, rendered rows, data versions, rate-limit
counters): when Redis cannot be reached every call answers as a miss, writes are dropped, and
the page is computed from the database. After a failure Redis is not tried again for
`RETRY_AFTER` seconds, so a dead server costs one short time-out, not one per call.
`status()` tells the health page.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_AFTER = 10.0  # seconds
_FAILURES: tuple[type[BaseException], ...] = (ConnectionError, TimeoutError, OSError)
try:  # the redis client's own errors (they are not OSError subclasses)
    import redis.exceptions as _redis_errors

    _FAILURES = (*_FAILURES, _redis_errors.ConnectionError, _redis_errors.TimeoutError)
except ImportError:  # pragma: no cover - redis is a dependency
    pass


class ResilientRedisCache(RedisCache):
    _down_until = 0.0
    last_error = ""

    def _call(self, name: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < type(self)._down_until:
            return default
        try:
            return getattr(super(), name)(*args, **kwargs)
        except _FAILURES as exc:
            if not type(self).last_error:
                logger.warning("Cache unavailable, serving without it: %s", exc)
            type(self)._down_until = time.monotonic() + RETRY_AFTER
            type(self).last_error = str(exc)[:200]
            return default

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=..., version=None):  # type: ignore[override]
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("set", None, key, value, version=version, **kwargs)

    def add(self, key, value, timeout=..., version=None):  # type: ignore[override]
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("add", False, key, value, version=version, **kwargs)

    def touch(self, key, timeout=..., version=None):  # type: ignore[override]
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("touch", False, key, version=version, **kwargs)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        sentinel = object()
        result = self._call("incr", sentinel, key, delta, version)
        if result is sentinel:
            raise ValueError("cache unavailable")  # callers treat it as a missing key
        return result

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def set_many(self, data, timeout=..., version=None):  # type: ignore[override]
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("set_many", list(data), data, version=version, **kwargs)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    def status(self) -> tuple[bool, str]:
        """(reachable, detail), asking Redis now."""
        type(self)._down_until = 0.0
        marker = self._call("set", "down", "dancu:health", "1", timeout=5)
        if marker == "down":
            return False, type(self).last_error
        type(self).last_error = ""
        return True, ""
