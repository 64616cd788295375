"""The one permission-matrix harness every module's `tests/test_permissions.py` uses.

A module describes its routes as data (route name -> URL kwargs key and the roles allowed)
and builds a `World`: the actors (anonymous, a user with no role, an Office administrator of
another province, then each role of the province), the ids its URLs need, a `state()` that
counts the rows a GET must never change, and the secrets that must not leak (text -> the
actors who may see it). The checks below walk every route as every actor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

ROLES = ("office_admin", "specialist", "leader", "delegate", "agency_responder", "viewer")
# Actors every matrix has besides the roles of the province.
OUTSIDERS = ("anonymous", "no_role", "other_province")


@dataclass
class World:
    actors: dict[str, Any]  # actor name -> user (None for anonymous)
    ids: dict[str, Any]  # URL kwarg -> id (or slug)
    state: Callable[[], Any]  # what a GET must not change
    # text -> the actor names who may see it (anyone else seeing it fails the check)
    secrets: Mapping[str, Iterable[str]] = field(default_factory=dict)
    # ids keys that name an object of the province (another province gets 403/404 on them)
    object_keys: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Route:
    """One route: the kwargs keys its URL takes (in order), who may open it, and an optional
    query string. `allowed=None` means every signed-in user."""

    keys: tuple[str, ...] = ()
    allowed: frozenset[str] | None = frozenset()
    query: str = ""


def route(*keys: str, allowed: Iterable[str] | None = (), query: str = "") -> Route:
    return Route(tuple(k for k in keys if k), None if allowed is None else frozenset(allowed), query)


def login(client, user) -> None:
    client.logout()
    if user is not None:
        client.force_login(user)


def url_of(name: str, r: Route, world: World) -> str:
    return reverse(name, kwargs={k: world.ids[k] for k in r.keys}) + r.query


def role_of(actor: str) -> str:
    """Whose rights an actor is tested against: another province's actor is an Office admin."""
    return "office_admin" if actor == "other_province" else actor


def _expect_allowed(r: Route, actor: str) -> bool:
    if actor in {"anonymous"}:
        return False
    if r.allowed is None:
        return True
    return actor != "no_role" and role_of(actor) in r.allowed


def body_of(response) -> str:
    """The text of a response, streamed (a file download) or not."""
    raw = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return raw.decode(errors="replace")


def _check_secrets(world: World, body: str, name: str, actor: str) -> None:
    for text, who in world.secrets.items():
        if text in body:
            assert actor in set(who), f"{actor} saw {text!r} on {name}"


def check_page(client, world: World, name: str, r: Route) -> None:
    """GET a staff page as every actor: login redirect for anonymous, 200 for the allowed,
    403/404 for the others and for another province's objects; nothing changes; no leaks."""
    url = url_of(name, r, world)
    for actor, user in world.actors.items():
        login(client, user)
        before = world.state()
        response = client.get(url)
        assert world.state() == before, f"GET {url} as {actor} changed data"
        body = body_of(response)
        _check_secrets(world, body, name, actor)
        if actor == "anonymous":
            assert response.status_code == 302 and "dang-nhap" in response["Location"], (name, actor)
            continue
        if actor == "other_province" and set(r.keys) & world.object_keys:
            assert response.status_code in (403, 404), (name, actor, response.status_code)
        elif _expect_allowed(r, actor):
            assert response.status_code == 200, (name, actor, response.status_code)
        else:
            assert response.status_code in (403, 404), (name, actor, response.status_code)


def check_api(client, world: World, name: str, r: Route) -> None:
    """The same for a GET API operation: 401 in the one error format for anonymous."""
    url = url_of(name, r, world)
    for actor, user in world.actors.items():
        login(client, user)
        before = world.state()
        response = client.get(url)
        assert world.state() == before, f"GET {url} as {actor} changed data"
        assert response["Content-Type"].startswith("application/json"), (name, actor)
        body = body_of(response)
        _check_secrets(world, body, name, actor)
        if actor == "anonymous":
            assert response.status_code == 401 and response.json()["error"]["code"] == "not_authenticated"
            continue
        if actor == "other_province" and set(r.keys) & world.object_keys:
            assert response.status_code in (403, 404), (name, actor, response.status_code)
        elif _expect_allowed(r, actor):
            assert response.status_code == 200, (name, actor, body[:300])
        else:
            assert response.status_code in (403, 404), (name, actor, response.status_code)


def check_post_only(
    client,
    world: World,
    name: str,
    r: Route,
    *,
    data: dict[str, Any] | None = None,
    refused: Iterable[str] = (),
) -> None:
    """A POST-only route: anonymous goes to sign-in, GET is 405, and the `refused` actors get
    403/404; nothing changes."""
    url = url_of(name, r, world)
    before = world.state()
    login(client, None)
    response = client.post(url, data or {})
    assert response.status_code == 302 and "dang-nhap" in response["Location"], (name, response.status_code)
    for actor in refused:
        login(client, world.actors[actor])
        assert client.get(url).status_code == 405, (name, actor)
        response = client.post(url, data or {})
        assert response.status_code in (403, 404), (name, actor, response.status_code)
    assert world.state() == before, f"POST {url} changed data"


def check_public(client, world: World, name: str, r: Route, *, must_show: Iterable[str] = ()) -> str:
    """A public page: 200 without sign-in, nothing changes, no secret shown; returns the body."""
    url = url_of(name, r, world)
    login(client, None)
    before = world.state()
    response = client.get(url)
    assert response.status_code == 200 and world.state() == before, (name, response.status_code)
    body = body_of(response)
    for text in world.secrets:
        assert text not in body, f"{text!r} on public page {name}"
    for text in must_show:
        assert text in body, (name, text)
    return body


def route_names(routes: Iterable[Mapping[str, Any] | Iterable[str]]) -> set[str]:
    """The union of route names of several tables, for a module's ROUTES."""
    names: set[str] = set()
    for table in routes:
        names |= set(table)
    return names


def dead_port() -> int:
    """A loopback port where nothing listens (bound, then closed)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def cache_down():
    """The cache pointed at a Redis that does not answer (a real client, a dead port)."""
    from django.test import override_settings

    from .cache import ResilientRedisCache

    config = {
        "default": {
            "BACKEND": "dancu.core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{dead_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    ResilientRedisCache._down_until = 0.0
    with override_settings(CACHES=config):  # Django's test signals rebuild the cache handlers
        yield config["default"]["LOCATION"]
    ResilientRedisCache._down_until = 0.0
    ResilientRedisCache.last_error = ""


def forget_celery_connections(app) -> None:
    """Celery caches its result backend, producer pool, default queue and routes on first use;
    a test that changes the broker must drop them before and after."""
    if hasattr(app._local, "backend"):
        del app._local.backend
    app._pool = None
    app.amqp._producer_pool = None
    for cached in ("queues", "default_queue", "router", "default_exchange", "send_task_message"):
        app.amqp.__dict__.pop(cached, None)
    app.amqp._rtable = None


@contextmanager
def broker_down():
    """Tasks are really published (not eager) to a broker at a dead port."""
    from celery import current_app as app

    saved = {k: app.conf[k] for k in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=f"redis://127.0.0.1:{dead_port()}/0", task_always_eager=False)
    forget_celery_connections(app)
    try:
        yield
    finally:
        app.conf.update(saved)
        forget_celery_connections(app)
