"""Rate limits of the public pages (letters, consultations), keyed on the client's address.

Behind a reverse proxy every request comes from the proxy's address: when REMOTE_ADDR is one
of `settings.DANCU_TRUSTED_PROXIES`, the client is the last address of X-Forwarded-For that is
not a trusted proxy (each proxy appends the address it saw; anything left of that was written
by the client and is not believed). Without the setting, REMOTE_ADDR is the client.

Counters live in the cache (an hour each). With the cache down they are not kept: the pages
keep working without a limit rather than refusing everyone.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW = 3600  # seconds


def _ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    trusted = {_ip(p) for p in getattr(settings, "DANCU_TRUSTED_PROXIES", []) or []} - {None}
    if _ip(remote) not in trusted:
        return remote[:64]
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") or ""
    for part in reversed([p for p in forwarded.split(",") if p.strip()]):
        address = _ip(part)
        if address is None:
            break  # not an address: the chain cannot be trusted beyond this point
        if address not in trusted:
            return address
    return remote[:64]


def _key(scope: str, address: str) -> str:
    return f"throttle:{scope}:{address}"


def reached(scope: str, request: HttpRequest, limit: int) -> bool:
    """True when this address already used its `limit` for the hour in `scope` (e.g.
    "letters.submit"); nothing is counted."""
    try:
        return int(cache.get(_key(scope, client_address(request))) or 0) >= limit
    except Exception:  # noqa: BLE001 - the cache is down: no limit rather than no page
        return False


def count(scope: str, request: HttpRequest) -> int:
    """Count one more use by this address in the hour; 0 when the cache is down."""
    key = _key(scope, client_address(request))
    try:
        cache.add(key, 0, WINDOW)
        return int(cache.incr(key))
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, WINDOW)
        return 1
    except Exception:  # noqa: BLE001 - the cache is down: the page works without a limit
        return 0
