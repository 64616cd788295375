"""Fixtures of the notifications tests: a REAL SMTP server on loopback (aiosmtpd) with Django's
SMTP backend pointed at it, and test modules that publish work items through their manifests."""

from __future__ import annotations

import email
import socket
import threading
import time
from email import policy
from email.message import EmailMessage

import pytest

TOY_MODULES = ["dancu.notifications.tests.toy_work", "dancu.notifications.tests.toy_broken"]
SITE = "https://dancu.example.vn"


class Inbox:
    """What the loopback SMTP server received, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.lock = threading.Lock()
        self.refuse = False  # answer 451 to every message (a mail server in trouble)

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 Requested action aborted: local error in processing"
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.messages.append(message)  # type: ignore[arg-type]
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 20.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages at the SMTP server, got {len(self.messages)}")


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()


def html_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return part.get_content()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1 and Django's SMTP backend configured for it."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Dân cử <thongbao@dancu.example.vn>"
    settings.DANCU_SITE_URL = SITE
    inbox.port = port  # type: ignore[attr-defined]
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_down(settings):
    """Django's SMTP backend pointed at a loopback port where nothing listens."""
    from dancu.core.testing import dead_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = dead_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2
    settings.DANCU_SITE_URL = SITE
    return settings.EMAIL_PORT


@pytest.fixture
def toy_modules(settings, monkeypatch):
    """The project's modules plus two test modules with `work_items` hooks (one that fails)."""
    from dancu.accounts import roles

    from .toy_work import hooks

    monkeypatch.setattr(roles, "_merged", None)  # the role matrix is merged once per process
    modules = list(settings.DANCU_MODULES)
    settings.DANCU_MODULES = [*modules[:-1], *TOY_MODULES, modules[-1]]
    hooks.ITEMS.clear()
    hooks.CALLS.clear()
    yield hooks.ITEMS
    hooks.ITEMS.clear()
    settings.DANCU_MODULES = modules
    roles._merged = None


@pytest.fixture
def person(make_user, office):
    """A specialist of the province's Office with an e-mail address."""
    user = make_user("specialist", office)
    user.email = "chuyenvien@dancu.example.vn"
    user.full_name = "Lê Văn Tâm"
    user.save()
    return user
