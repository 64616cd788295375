"""The one rate limiter of the public pages (letters, consultations): per client address, a
budget per scope and hour, the client found behind trusted proxies, no limit when the cache is
down. Real cache (locmem in tests; a dead Redis for the down case)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from dancu.core import throttle
from dancu.core.testing import dead_port


def _request(remote: str, forwarded: str = ""):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_budget_per_address_and_scope():
    a, b = _request("198.51.100.1"), _request("198.51.100.2")
    for _ in range(3):
        throttle.count("letters.submit", a)
    assert throttle.reached("letters.submit", a, 3)
    assert not throttle.reached("letters.submit", a, 4)
    assert not throttle.reached("letters.submit", b, 3)  # another citizen keeps their budget
    assert not throttle.reached("consultations.comment", a, 1)  # another page, another budget


@override_settings(DANCU_TRUSTED_PROXIES=["10.0.0.1"])
def test_citizens_behind_the_proxy_do_not_share_one_budget():
    first = _request("10.0.0.1", "203.0.113.7")
    second = _request("10.0.0.1", "203.0.113.8")
    throttle.count("consultations.comment", first)
    assert throttle.reached("consultations.comment", first, 1)
    assert not throttle.reached("consultations.comment", second, 1)
    # a client that forges the header without a proxy is counted on its own address
    forged = _request("198.51.100.9", "203.0.113.8")
    assert throttle.client_address(forged) == "198.51.100.9"


def test_no_limit_when_the_cache_is_down():
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{dead_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=down):  # Django swaps the cache handlers on this signal
        request = _request("198.51.100.3")
        assert throttle.count("letters.submit", request) == 0
        # limit 0 would be "reached" with a working cache: False proves the down path
        assert throttle.reached("letters.submit", request, 0) is False
