"""Fetching an ICS subscription safely (SSRF): the address a user typed is fetched by the server,
so it must not reach the server's own network.

- http or https only, a host, no user name or password in the address;
- the host is resolved once and every address it resolves to is checked: loopback, private,
  link-local, shared (100.64/10), multicast, reserved and unspecified addresses are refused
  (IPv4-mapped IPv6 addresses by their IPv4 address), unless the host or the address is in
  `settings.DANCU_ICS_ALLOWED_HOSTS` (an intranet People's Committee server; the tests' loopback);
- the connection goes to the checked address (no second resolution a DNS rebinding could turn),
  with the host name for the Host header and the TLS certificate;
- redirects are followed by hand (at most 3), each new address checked the same way;
- at most `ics.MAX_ICS_BYTES`, and `TIMEOUT` seconds in all (not per read).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from dancu.core.errors import ValidationFailed

from . import ics
from .errors import SchedulingError

TIMEOUT = 15.0  # seconds, the whole fetch
MAX_REDIRECTS = 3
CHUNK = 64 * 1024
SHARED = ipaddress.ip_network("100.64.0.0/10")


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed(message, code=SchedulingError.FETCH_FAILED, details={"field": "url"})


def _allowed_hosts() -> set[str]:
    return {str(h).strip().lower() for h in getattr(settings, "DANCU_ICS_ALLOWED_HOSTS", ()) or () if h}


def check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an address that may be fetched, or ValidationFailed."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise _refuse(_("This is not a valid address.")) from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise _refuse(_("The address must start with http:// or https://."))
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _refuse(_("The address must not contain a user name or password."))
    host = (parts.hostname or "").strip().lower()
    if not host:
        raise _refuse(_("The address has no server name."))
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return scheme, host, port or (443 if scheme == "https" else 80), path


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv4Address) and ip in SHARED)
    )


def resolve(host: str, port: int, *, must_exist: bool = True) -> list[str]:
    """The address to connect to: every address of `host` must be allowed (so a name that also
    points inside cannot be used), tried in order ([] for a name not found when
    `must_exist` is false: a subscription may be entered before its server is reachable)."""
    allowed = _allowed_hosts()
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        if not must_exist:
            return []
        raise _refuse(_("The server name %(host)s cannot be found.") % {"host": host}) from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise _refuse(_("The server name %(host)s cannot be found.") % {"host": host})
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not _public(ip) and host not in allowed and str(ip) not in allowed:
            raise _refuse(
                _(
                    "The address %(host)s points to a local or private network (%(ip)s): it is refused. "
                    "An administrator can allow it in DANCU_ICS_ALLOWED_HOSTS."
                )
                % {"host": host, "ip": str(ip)}
            )
    return addresses


def _connect(ips: list[str], port: int, timeout: float | None) -> socket.socket:
    """A connection to the first of the checked addresses that answers (never a new lookup)."""
    error: OSError | None = None
    for ip in ips:
        try:
            return socket.create_connection((ip, port), timeout)
        except OSError as exc:
            error = exc
    raise error or OSError("no address")


class _HTTP(http.client.HTTPConnection):
    def __init__(self, host: str, ips: list[str], port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ips = ips

    def connect(self) -> None:
        self.sock = _connect(self._ips, self.port, self.timeout)


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, ips: list[str], port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ips = ips

    def connect(self) -> None:
        sock = _connect(self._ips, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int | None = None) -> bytes:
    """GET the ICS address with the checks above; ValidationFailed with a clear message on any
    refusal or failure."""
    limit = ics.MAX_ICS_BYTES if max_bytes is None else max_bytes
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, path = check_url(current)
        ips = resolve(host, port)
        left = deadline - time.monotonic()
        if left <= 0:
            raise _refuse(_("The server took longer than %(s)d seconds.") % {"s": int(timeout)})
        connection_class = _HTTPS if scheme == "https" else _HTTP
        conn = connection_class(host, ips, port, left)
        try:
            conn.request(
                "GET",
                path,
                headers={"User-Agent": "Dancu-calendar/1.0", "Accept": "text/calendar", "Host": host},
            )
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location") or ""
                if not location:
                    raise _refuse(_("The server answered %(status)d.") % {"status": response.status})
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise _refuse(_("The server answered %(status)d.") % {"status": response.status})
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise _refuse(_("The calendar is larger than %(mb)d MB.") % {"mb": max(1, limit // 2**20)})
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise _refuse(_("The server took longer than %(s)d seconds.") % {"s": int(timeout)})
                chunk = response.read1(CHUNK)  # what has arrived: the deadline is checked between reads
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise _refuse(_("The calendar is larger than %(mb)d MB.") % {"mb": max(1, limit // 2**20)})
                chunks.append(chunk)
            return b"".join(chunks)
        except ValidationFailed:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if isinstance(exc, TimeoutError | socket.timeout):
                raise _refuse(_("The server took longer than %(s)d seconds.") % {"s": int(timeout)}) from exc
            raise _refuse(_("The address cannot be reached: %(reason)s") % {"reason": exc}) from exc
        finally:
            conn.close()
    raise _refuse(_("The address redirects more than %(n)d times.") % {"n": MAX_REDIRECTS})
