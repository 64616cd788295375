"""ICS subscription URLs cannot reach the server's own network (SSRF): only http/https, no
credentials, no loopback/private/link-local/reserved address unless DANCU_ICS_ALLOWED_HOSTS
allows it, redirects checked hop by hop, size and time limits; the error and the time of the
last fetch are shown on the import page and nothing changes. Real HTTP servers on loopback."""

from __future__ import annotations

import http.server
import threading
import time

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.errors import ValidationFailed
from dancu.scheduling import fetch, services
from dancu.scheduling.models import Event, IcsSubscription
from dancu.scheduling.tests.factories import MONDAY, at, ics_bytes

pytestmark = pytest.mark.django_db
ICS = ics_bytes([{"uid": "a@ubnd", "start": at(MONDAY, 8), "end": at(MONDAY, 10)}])


class _Server:
    def __init__(self, routes):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                route = routes.get(self.path, (404, {}, b"no"))
                status, headers, body = route
                if callable(body):
                    body(self)
                    return
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def routes():
    table = {}
    server = _Server(table)
    table["/ok.ics"] = (200, {"Content-Type": "text/calendar"}, ICS)
    yield server, table
    server.close()


SCHEME = "The address must start with http:// or https://."


@pytest.mark.parametrize(
    "url, why",
    [
        ("file:///etc/passwd", SCHEME),
        ("ftp://lich.example.vn/a.ics", SCHEME),
        ("gopher://127.0.0.1:6379/_INFO", SCHEME),
        ("http://user:secret@lich.example.vn/a.ics", "The address must not contain a user name or password."),
        ("https://lich.example.vn:99999/a.ics", "This is not a valid address."),
        ("http:///a.ics", "The address has no server name."),
    ],
)
def test_bad_addresses_are_refused(url, why):
    with pytest.raises(ValidationFailed) as info:
        fetch.check_url(url)
    assert info.value.message == _(why) and info.value.code == "scheduling_fetch_failed"


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.8.9.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1",
     "0.0.0.0", "240.0.0.1", "224.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "localhost"],
)
def test_local_and_private_addresses_are_refused(settings, host):
    settings.DANCU_ICS_ALLOWED_HOSTS = []
    with pytest.raises(ValidationFailed) as info:
        fetch.resolve(host, 80)
    assert "DANCU_ICS_ALLOWED_HOSTS" in info.value.message


def test_a_public_address_passes_and_the_setting_allows_one_host(settings):
    settings.DANCU_ICS_ALLOWED_HOSTS = []
    assert fetch.resolve("93.184.215.14", 443) == ["93.184.215.14"]
    settings.DANCU_ICS_ALLOWED_HOSTS = ["10.1.2.3"]
    assert fetch.resolve("10.1.2.3", 80) == ["10.1.2.3"]


def test_loopback_is_fetched_only_when_allowed(settings, routes):
    server, _table = routes
    assert fetch.fetch(server.url + "/ok.ics") == ICS  # allowed by the tests' setting
    settings.DANCU_ICS_ALLOWED_HOSTS = []
    with pytest.raises(ValidationFailed):
        fetch.fetch(server.url + "/ok.ics")


def test_a_redirect_to_a_refused_address_is_not_followed(settings, routes):
    server, table = routes
    # Allowed: this loopback server by its name "localhost"; not allowed: 127.0.0.1 (the target).
    settings.DANCU_ICS_ALLOWED_HOSTS = ["localhost"]
    table["/moved.ics"] = (302, {"Location": f"http://127.0.0.1:{server.port}/ok.ics"}, b"")
    table["/inside.ics"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    table["/same.ics"] = (301, {"Location": "/ok.ics"}, b"")
    base = f"http://localhost:{server.port}"
    with pytest.raises(ValidationFailed):
        fetch.fetch(base + "/moved.ics")
    with pytest.raises(ValidationFailed):
        fetch.fetch(base + "/inside.ics")
    assert fetch.fetch(base + "/same.ics") == ICS  # a relative redirect on an allowed host
    table["/loop.ics"] = (302, {"Location": "/loop.ics"}, b"")
    with pytest.raises(ValidationFailed) as info:
        fetch.fetch(base + "/loop.ics")
    assert info.value.message == _("The address redirects more than %(n)d times.") % {"n": 3}


def test_size_and_time_limits(routes):
    server, table = routes
    table["/big.ics"] = (200, {}, b"x" * 2048)
    with pytest.raises(ValidationFailed):
        fetch.fetch(server.url + "/big.ics", max_bytes=1024)

    def slow(handler):  # headers at once, then a trickle: the whole fetch is timed, not each read
        handler.send_response(200)
        handler.end_headers()
        try:
            for _i in range(80):
                handler.wfile.write(b"BEGIN:VCALENDAR\r\n")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    table["/slow.ics"] = (200, {}, slow)
    started = time.monotonic()
    with pytest.raises(ValidationFailed):
        fetch.fetch(server.url + "/slow.ics", timeout=1.0)
    assert time.monotonic() - started < 6.0  # the server trickles for 8 s


def test_a_refused_subscription_changes_nothing_and_the_page_says_why(settings, world, routes, client):
    server, _table = routes
    admin, ubnd = world["admin"], world["ubnd"]
    with pytest.raises(ValidationFailed):
        services.subscription_create(actor=admin, body=ubnd, name="x", url="http://u:p@lich.example.vn/a.ics")
    settings.DANCU_ICS_ALLOWED_HOSTS = []
    with pytest.raises(ValidationFailed):
        services.subscription_create(actor=admin, body=ubnd, name="x", url=server.url + "/ok.ics")
    assert not IcsSubscription.objects.exists()
    # One entered while allowed, then the setting changes: the fetch is refused and recorded.
    settings.DANCU_ICS_ALLOWED_HOSTS = ["127.0.0.1"]
    sub = services.subscription_create(actor=admin, body=ubnd, name="Lịch UBND", url=server.url + "/ok.ics")
    settings.DANCU_ICS_ALLOWED_HOSTS = []
    assert services.subscription_fetch(actor=admin, subscription=sub) is None
    sub.refresh_from_db()
    assert sub.last_fetched_at and sub.last_ok_at is None and "127.0.0.1" in sub.last_error
    assert not Event.objects.filter(subscription=sub).exists()
    client.force_login(admin)
    page = client.get(reverse("scheduling:import")).content.decode()
    assert "127.0.0.1" in page and f"{sub.last_fetched_at.astimezone().year}" in page
