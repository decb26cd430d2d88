"""Fetch article pages and feeds from URLs that come from outside, without letting them reach inward.

The URLs we fetch come from feeds, users and other sites' redirects, so each of them is treated
as an attempt to make this server connect somewhere it should not (SSRF) or to tie a worker up.
``fetch_url`` therefore:

* accepts http and https on ports 80 and 443 only;
* resolves the host once, refuses the whole answer if any address in it is not globally routable
  (see ``addresses``), and connects to the checked addresses themselves, so a second DNS answer
  cannot swap in another address (DNS rebinding). When a name has several addresses they are
  tried in turn (IPv6 and IPv4 interleaved, as RFC 8305 orders them), moving on when one cannot
  be connected to, all within the one deadline. TLS still sends SNI for, and verifies the
  certificate against, the real hostname, and the Host header carries it;
* follows redirects by hand, checking every hop as it checked the first, before connecting;
* bounds the whole fetch, redirects included, by one wall-clock deadline: a watchdog thread shuts
  the socket down when it passes, because per-read timeouts never fire on a server that sends a
  byte a second;
* caps the body after decompression, inflating gzip and deflate a bounded slice at a time, so a
  small compressed bomb stops at the cap;
* refuses content types outside an allow-list before reading the body;
* makes a conditional request when given the validators (ETag, Last-Modified) of the copy the
  caller already has, and reports a 304 answer as "not modified" with an empty body.

Every failure is a ``FetchError`` whose ``retryable`` flag tells the ingestion task whether a
later attempt can succeed. Configuration is a frozen ``FetchPolicy``; nothing here reads Django
settings. No proxy environment variables are honoured: a proxy would do its own resolution.
"""

from __future__ import annotations

import codecs
import email.utils
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import certifi
import idna
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.response import BaseHTTPResponse

from events.ingestion.addresses import InvalidHost, IPAddress, address_refusal, parse_host_literal

__all__ = [
    "DEFAULT_CONTENT_TYPES",
    "BadContentType",
    "BlockedAddress",
    "BlockedPort",
    "BlockedScheme",
    "BlockedURL",
    "CacheValidators",
    "DeadlineExceeded",
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "HTTPStatusError",
    "InvalidURL",
    "NetworkError",
    "ResolutionError",
    "TLSVerificationError",
    "TooLarge",
    "TooManyRedirects",
    "UnsupportedContentEncoding",
    "fetch_url",
]

STANDARD_PORTS: frozenset[int] = frozenset({80, 443})
_DEFAULT_PORT = {"http": 80, "https": 443}
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_NOT_MODIFIED = 304
# Statuses that say "not now" rather than "not ever".
_RETRYABLE_STATUSES = frozenset({408, 425, 429})

DEFAULT_CONTENT_TYPES: frozenset[str] = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "text/plain",
    }
)

_READ_CHUNK = 64 * 1024
_DEADLINE_SLACK = 0.05  # seconds
_SNIFF_BYTES = 4096
# urllib3 reads a URL's authority differently from urlsplit when it holds a backslash, and
# control characters or spaces in a request line are header injection; refuse them outright.
_UNSAFE_URL_CHARS = re.compile(r"[\\\x00-\x20\x7f]")
_HOSTNAME = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# An ETag or HTTP date as sent back: visible ASCII and inner spaces, nothing that could split a header.
_VALIDATOR_VALUE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]{0,254}[\x21-\x7e])?")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# --- Policy and result -------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchPolicy:
    """What ``fetch_url`` may connect to and how much it may take.

    ``allow_loopback`` exists for tests that serve pages from 127.0.0.1; it is the only way to
    reach a port other than 80 or 443, and such a port is then allowed for loopback
    addresses only. ``ca_certs`` replaces the certifi bundle (tests use a throwaway CA).
    """

    allowed_schemes: frozenset[str] = frozenset({"http", "https"})
    allowed_ports: frozenset[int] = STANDARD_PORTS
    allow_loopback: bool = False
    max_redirects: int = 3
    deadline_seconds: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 15.0
    max_body_bytes: int = 5 * 1024 * 1024
    allowed_content_types: frozenset[str] = DEFAULT_CONTENT_TYPES
    user_agent: str = "diplomatic-timeline-fetcher/0.1"
    ca_certs: str | None = None

    def __post_init__(self) -> None:
        if not self.allowed_schemes or not self.allowed_schemes <= {"http", "https"}:
            raise ValueError(f"allowed_schemes must be a non-empty subset of http, https: {self.allowed_schemes}")
        extra_ports = self.allowed_ports - STANDARD_PORTS
        if extra_ports and not self.allow_loopback:
            raise ValueError(f"ports {sorted(extra_ports)} may only be allowed together with allow_loopback (tests)")
        if any(not 0 < port < 65536 for port in self.allowed_ports):
            raise ValueError(f"allowed_ports out of range: {sorted(self.allowed_ports)}")
        if self.max_redirects < 0:
            raise ValueError("max_redirects must be >= 0")
        for name in ("deadline_seconds", "connect_timeout", "read_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive")
        if self.max_body_bytes <= 0:
            raise ValueError("max_body_bytes must be positive")
        if not self.allowed_content_types:
            raise ValueError("allowed_content_types must not be empty")


DEFAULT_POLICY = FetchPolicy()


@dataclass(frozen=True)
class CacheValidators:
    """The ETag and Last-Modified a server gave for a document, sent back to ask "changed since?".

    Values that are not plain visible ASCII, or longer than 256 characters, are dropped (read as
    absent): they come from outside and would otherwise go into a request header as they are.
    """

    etag: str = ""
    last_modified: str = ""

    def __post_init__(self) -> None:
        for name in ("etag", "last_modified"):
            value = getattr(self, name)
            if value and not _VALIDATOR_VALUE.fullmatch(value):
                object.__setattr__(self, name, "")

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def request_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class FetchResult:
    """A fetched document. ``redirects`` lists every URL that answered with a redirect, in order.

    ``status`` 304 (``not_modified``) comes only from a conditional request, with an empty body: the
    caller's copy is current. ``validators`` are those the final response gave, to send next time.
    """

    final_url: str
    status: int
    content_type: str
    charset: str
    body: bytes = field(repr=False)
    text: str = field(repr=False)
    redirects: tuple[str, ...]
    elapsed: float
    validators: CacheValidators = CacheValidators()

    @property
    def not_modified(self) -> bool:
        return self.status == _NOT_MODIFIED


# --- Errors ------------------------------------------------------------------------------------


class FetchError(Exception):
    """Base of every error ``fetch_url`` raises.

    ``retryable`` is True when a later attempt at the same URL can succeed (network trouble, a
    5xx or 429 answer, a deadline), and False when it will fail the same way (a refused address,
    a 404, a wrong content type). Messages never contain the refused address itself, as they end
    up in logs and task results; it is kept on the exception.
    """

    retryable: bool = False

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url

    def __reduce__(self) -> tuple[Any, ...]:
        # Celery pickles a failed task's exception; keyword-only fields are not in ``args``.
        return (_error_rebuild, (type(self), self.args, dict(self.__dict__)))


def _error_rebuild(cls: type[FetchError], args: tuple[Any, ...], state: dict[str, Any]) -> FetchError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class InvalidURL(FetchError):
    """The URL cannot be fetched as written: no host, credentials, bad characters, bad port."""


class BlockedURL(FetchError):
    """The policy refuses the URL; nothing was connected to."""


class BlockedScheme(BlockedURL):
    def __init__(self, scheme: str, *, url: str | None = None) -> None:
        super().__init__(f"scheme {scheme!r} is not allowed (only http and https)", url=url)
        self.scheme = scheme


class BlockedPort(BlockedURL):
    def __init__(self, port: int, *, url: str | None = None) -> None:
        super().__init__(f"port {port} is not allowed (only 80 and 443)", url=url)
        self.port = port


class BlockedAddress(BlockedURL):
    def __init__(self, host: str, address: IPAddress, reason: str, *, url: str | None = None) -> None:
        super().__init__(f"{host!r} is a {reason}", url=url)
        self.host = host
        self.address = address
        self.reason = reason


class TooManyRedirects(FetchError):
    def __init__(self, limit: int, *, url: str | None = None) -> None:
        super().__init__(f"more than {limit} redirects", url=url)
        self.limit = limit


class DeadlineExceeded(FetchError):
    """The whole fetch took longer than the policy's deadline (the server may be slow today)."""

    retryable = True

    def __init__(self, seconds: float, *, url: str | None = None) -> None:
        super().__init__(f"fetch took longer than {seconds:g} s", url=url)
        self.seconds = seconds


class TooLarge(FetchError):
    def __init__(self, limit: int, *, url: str | None = None) -> None:
        super().__init__(f"body is larger than {limit} bytes", url=url)
        self.limit = limit


class BadContentType(FetchError):
    def __init__(self, content_type: str | None, *, url: str | None = None) -> None:
        super().__init__(f"content type {content_type!r} is not an article or feed", url=url)
        self.content_type = content_type


class UnsupportedContentEncoding(FetchError):
    def __init__(self, encoding: str, *, url: str | None = None) -> None:
        super().__init__(f"content encoding {encoding!r} was not asked for", url=url)
        self.encoding = encoding


class HTTPStatusError(FetchError):
    """The server answered with a status other than success or a followable redirect."""

    def __init__(self, status: int, *, retry_after: float | None = None, url: str | None = None) -> None:
        super().__init__(f"HTTP status {status}", url=url)
        self.status = status
        self.retry_after = retry_after
        self.retryable = status >= 500 or status in _RETRYABLE_STATUSES


class NetworkError(FetchError):
    """Connecting, sending or receiving failed (refused, reset, timed out, truncated)."""

    retryable = True


class ResolutionError(NetworkError):
    """The host name did not resolve (DNS can be down for a while)."""


class TLSVerificationError(FetchError):
    """The server's certificate does not verify for the hostname; retrying will not change that."""


# --- Checking a URL before connecting ----------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str  # ASCII hostname or address text, no brackets, no trailing dot
    port: int
    addresses: tuple[IPAddress, ...]  # the checked addresses we may connect to, in the order to try
    request_target: str
    host_header: str


def _target_check(url: str, policy: FetchPolicy) -> _Target:
    """Check ``url`` against ``policy``, resolving its host once; raise before any connection."""
    if _UNSAFE_URL_CHARS.search(url):
        raise InvalidURL("URL contains whitespace, control characters or a backslash", url=url)
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise InvalidURL(f"unparseable URL: {exc}", url=url) from exc
    scheme = parts.scheme.lower()
    if scheme not in policy.allowed_schemes:
        raise BlockedScheme(scheme, url=url)
    try:
        explicit_port = parts.port
    except ValueError as exc:
        raise InvalidURL("invalid port", url=url) from exc
    port = explicit_port if explicit_port is not None else _DEFAULT_PORT[scheme]
    if port not in policy.allowed_ports:
        raise BlockedPort(port, url=url)
    if parts.username is not None or parts.password is not None:
        raise InvalidURL("URL carries credentials", url=url)
    if not parts.hostname:
        raise InvalidURL("URL has no host", url=url)

    host = _ascii_host(parts.hostname, url)
    try:
        literal = parse_host_literal(host)
    except InvalidHost as exc:
        raise InvalidURL(str(exc), url=url) from exc
    if literal is not None:
        host = str(literal) if literal.version == 4 else host.rstrip(".")
        _address_check(host, literal, policy, url)
        addresses: tuple[IPAddress, ...] = (literal,)
    else:
        if not _HOSTNAME.fullmatch(host):
            raise InvalidURL(f"{host!r} is not a valid hostname", url=url)
        host = host.rstrip(".")
        addresses = _host_resolve(host, port, policy, url)

    # A non-standard port exists only for test servers on the loopback interface.
    if port not in STANDARD_PORTS and not (policy.allow_loopback and all(a.is_loopback for a in addresses)):
        raise BlockedPort(port, url=url)

    name = f"[{host}]" if ":" in host else host
    host_header = name if explicit_port in (None, _DEFAULT_PORT[scheme]) else f"{name}:{port}"
    path = _NON_ASCII.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), parts.path or "/")
    query = _NON_ASCII.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), parts.query)
    request_target = f"{path}?{query}" if query else path
    return _Target(url, scheme, host, port, addresses, request_target, host_header)


def _ascii_host(hostname: str, url: str) -> str:
    if hostname.isascii():
        return hostname.lower()
    try:
        # UTS 46 mapping, as browsers do: it also folds full-width digits, so "１２７.０.０.１"
        # becomes 127.0.0.1 and is checked as an address below.
        return str(idna.encode(hostname, uts46=True).decode("ascii"))
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidURL(f"invalid internationalised hostname: {exc}", url=url) from exc


def _address_check(host: str, address: IPAddress, policy: FetchPolicy, url: str) -> None:
    reason = address_refusal(address, allow_loopback=policy.allow_loopback)
    if reason is not None:
        raise BlockedAddress(host, address, reason, url=url)


def _host_resolve(host: str, port: int, policy: FetchPolicy, url: str) -> tuple[IPAddress, ...]:
    """Resolve ``host`` once; refuse it if any address is refused; return the addresses to try.

    One refused address refuses the name: a name that mixes public and private answers is
    either misconfigured or built to win a race. The trailing dot keeps resolv.conf search
    domains from turning a short name into an internal one.
    """
    try:
        infos = socket.getaddrinfo(f"{host}.", port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ResolutionError(f"could not resolve {host!r}: {exc}", url=url) from exc
    addresses: dict[IPAddress, None] = {}
    for family, _type, _proto, _canonname, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6):
            addresses.setdefault(ipaddress.ip_address(sockaddr[0]), None)
    if not addresses:
        raise ResolutionError(f"{host!r} has no IPv4 or IPv6 address", url=url)
    for address in addresses:
        _address_check(host, address, policy, url)
    return _families_interleave(list(addresses))


def _families_interleave(addresses: list[IPAddress]) -> tuple[IPAddress, ...]:
    """Alternate address families, starting with the resolver's first choice (RFC 8305, 4).

    getaddrinfo already sorts by RFC 6724 preference, which puts every IPv6 address first on a host
    with IPv6; when IPv6 is broken on the path, interleaving reaches an IPv4 address on the second
    attempt instead of after every IPv6 one has failed.
    """
    first = [a for a in addresses if a.version == addresses[0].version]
    other = [a for a in addresses if a.version != addresses[0].version]
    ordered: list[IPAddress] = []
    for index in range(max(len(first), len(other))):
        ordered.extend(group[index] for group in (first, other) if index < len(group))
    return tuple(ordered)


# --- The deadline watchdog ---------------------------------------------------------------------


class _Watchdog:
    """Shuts down the fetch's sockets when the deadline passes.

    Timeouts on a socket bound each read, not their sum; a reader blocked in recv() or in the TLS
    handshake returns at once when another thread shuts its socket down. The watchdog keeps a
    duplicate of each socket so that it can do so whatever object urllib3 or ssl wraps it in.
    """

    def __init__(self, deadline: float) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> socket.socket:
        """Watch ``sock``; return the duplicate kept, for ``forget`` once the socket is abandoned."""
        handle = sock.dup()
        with self._lock:
            self._sockets.append(handle)
            if self.expired:
                _socket_shutdown(handle)
        return handle

    def forget(self, handle: socket.socket) -> None:
        """Close the duplicate of a socket given up on (a failed connect), so it closes for good."""
        with self._lock:
            if handle in self._sockets:
                self._sockets.remove(handle)
        handle.close()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for handle in self._sockets:
                _socket_shutdown(handle)

    def release(self) -> None:
        """Close the duplicates of the finished hop's sockets so their connections can close."""
        with self._lock:
            for handle in self._sockets:
                handle.close()
            self._sockets.clear()

    def stop(self) -> None:
        self._timer.cancel()
        self.release()


def _socket_shutdown(handle: socket.socket) -> None:
    with suppress(OSError):
        handle.shutdown(socket.SHUT_RDWR)


# --- Connections pinned to the checked address -------------------------------------------------


def _pinned_socket_open(
    addresses: tuple[IPAddress, ...], port: int, timeout: float | None, deadline: float, watchdog: _Watchdog
) -> socket.socket:
    """Connect to the first of ``addresses`` that accepts, trying them in order.

    Only addresses checked beforehand are given here. A failure to connect (refused, unreachable,
    timed out) moves on to the next address; each attempt is bounded by ``timeout`` and by the time
    left before ``deadline``, so the attempts together never outlast the fetch's deadline. Once
    connected, nothing is retried on another address: the request may have reached the server.
    """
    last_error: OSError | None = None
    for attempt, address in enumerate(addresses):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"deadline passed after {attempt} of {len(addresses)} addresses were tried")
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        handle = None
        try:
            handle = watchdog.watch(sock)
            sock.settimeout(remaining if timeout is None else min(timeout, remaining))
            sock.connect((str(address), port))
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as exc:
            sock.close()
            if handle is not None:
                watchdog.forget(handle)
            last_error = exc
            continue
        except BaseException:
            sock.close()
            raise
        return sock
    if last_error is None:
        raise OSError("no address to connect to")
    if len(addresses) == 1:
        raise last_error
    # The addresses stay out of the message (it reaches logs and task results).
    raise OSError(
        f"none of {len(addresses)} addresses accepted a connection; the last said: {last_error}"
    ) from last_error


class _PinnedConnectionMixin:
    """Connects to the addresses checked beforehand, never resolving ``host`` again."""

    port: int
    timeout: Any

    def __init__(
        self,
        *args: Any,
        pinned_addresses: tuple[IPAddress, ...],
        deadline: float,
        watchdog: _Watchdog,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pinned_addresses = pinned_addresses
        self._deadline = deadline
        self._watchdog = watchdog

    def _new_conn(self) -> socket.socket:
        return _pinned_socket_open(self._pinned_addresses, self.port, self.timeout, self._deadline, self._watchdog)


class _PinnedHTTPConnection(_PinnedConnectionMixin, HTTPConnection):
    """A plain HTTP connection to the pinned address."""


class _PinnedHTTPSConnection(_PinnedConnectionMixin, HTTPSConnection):
    """As ``_PinnedHTTPConnection``; TLS uses ``server_hostname`` for SNI and verification."""


class _PinnedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _PinnedHTTPConnection


class _PinnedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _PinnedHTTPSConnection


def _pool_open(target: _Target, policy: FetchPolicy, deadline: float, watchdog: _Watchdog) -> HTTPConnectionPool:
    # The watchdog bounds reads by the deadline; each connect() is bounded by the time left in
    # _pinned_socket_open, as a shutdown may not interrupt a connection attempt.
    timeout = urllib3.Timeout(connect=policy.connect_timeout, read=policy.read_timeout)
    common: dict[str, Any] = {
        "port": target.port,
        "timeout": timeout,
        "maxsize": 1,
        "retries": False,
        "pinned_addresses": target.addresses,
        "deadline": deadline,
        "watchdog": watchdog,
    }
    if target.scheme == "https":
        return _PinnedHTTPSConnectionPool(
            str(target.addresses[0]),
            cert_reqs="CERT_REQUIRED",
            ca_certs=policy.ca_certs or certifi.where(),
            server_hostname=target.host,
            **common,
        )
    return _PinnedHTTPConnectionPool(str(target.addresses[0]), **common)


# --- Fetching ----------------------------------------------------------------------------------


def fetch_url(
    url: str, *, policy: FetchPolicy = DEFAULT_POLICY, validators: CacheValidators | None = None
) -> FetchResult:
    """Fetch an article page or feed at ``url`` within ``policy``; raise a ``FetchError`` otherwise.

    Each hop of a redirect chain is checked (scheme, port, resolved address) before it is
    connected to, and the policy's deadline covers the whole chain.

    With ``validators`` (from an earlier result), the request is conditional (If-None-Match,
    If-Modified-Since, on every hop, since the copy they describe was at the end of the same chain)
    and a 304 answer is a result with ``not_modified`` set and no body.
    """
    conditional = validators.request_headers() if validators else {}
    started = time.monotonic()
    deadline = started + policy.deadline_seconds
    watchdog = _Watchdog(deadline)
    redirects: list[str] = []
    current = url
    try:
        while True:
            if time.monotonic() >= deadline:
                raise DeadlineExceeded(policy.deadline_seconds, url=current)
            target = _target_check(current, policy)
            outcome = _hop(target, policy, deadline, watchdog, conditional)
            if isinstance(outcome, str):
                if len(redirects) >= policy.max_redirects:
                    raise TooManyRedirects(policy.max_redirects, url=current)
                redirects.append(current)
                current = urljoin(current, outcome)
                continue
            not_modified = outcome.status == _NOT_MODIFIED
            charset, text = ("", "") if not_modified else _text_decode(outcome.body, outcome.media_type)
            return FetchResult(
                final_url=current,
                status=outcome.status,
                content_type=outcome.media_type[0],
                charset=charset,
                body=outcome.body,
                text=text,
                redirects=tuple(redirects),
                elapsed=time.monotonic() - started,
                validators=outcome.validators,
            )
    finally:
        watchdog.stop()


_MediaType = tuple[str, str | None]  # (type/subtype, declared charset)


@dataclass(frozen=True)
class _Reply:
    status: int
    media_type: _MediaType
    body: bytes
    validators: CacheValidators


def _hop(
    target: _Target, policy: FetchPolicy, deadline: float, watchdog: _Watchdog, conditional: dict[str, str]
) -> str | _Reply:
    """Make one request; return the Location of a redirect, or the final reply."""
    pool = _pool_open(target, policy, deadline, watchdog)
    try:
        response = pool.urlopen(
            "GET",
            target.request_target,
            headers={**_request_headers(target, policy), **conditional},
            retries=False,
            redirect=False,
            assert_same_host=False,
            preload_content=False,
            decode_content=False,
        )
        try:
            return _response_read(response, target, policy, deadline, watchdog, bool(conditional))
        finally:
            response.close()
    except FetchError:
        raise
    except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
        raise _network_error(exc, target, policy, deadline, watchdog) from exc
    finally:
        pool.close()
        watchdog.release()


def _request_headers(target: _Target, policy: FetchPolicy) -> dict[str, str]:
    return {
        "Host": target.host_header,
        "User-Agent": policy.user_agent,
        "Accept": ", ".join(sorted(policy.allowed_content_types)) + ";q=0.9",
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }


def _response_read(
    response: BaseHTTPResponse,
    target: _Target,
    policy: FetchPolicy,
    deadline: float,
    watchdog: _Watchdog,
    conditional: bool,
) -> str | _Reply:
    status = response.status
    if status in _REDIRECT_STATUSES and response.headers.get("Location"):
        return str(response.headers["Location"])
    validators = CacheValidators(
        etag=str(response.headers.get("ETag", "")).strip(),
        last_modified=str(response.headers.get("Last-Modified", "")).strip(),
    )
    if status == _NOT_MODIFIED and conditional:
        # A 304 has no body; one answered to a request we did not make conditional is an error below.
        return _Reply(status, ("", None), b"", validators)
    if not 200 <= status < 300:
        raise HTTPStatusError(status, retry_after=_retry_after(response.headers.get("Retry-After")), url=target.url)

    media_type = _content_type_parse(response.headers.get("Content-Type"))
    if media_type[0] not in policy.allowed_content_types:
        raise BadContentType(response.headers.get("Content-Type"), url=target.url)

    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    decoder = _BodyDecoder(encoding, policy.max_body_bytes, target.url)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_body_bytes:
        raise TooLarge(policy.max_body_bytes, url=target.url)

    received = 0
    for chunk in _chunks(response):
        if watchdog.expired or time.monotonic() >= deadline:
            raise DeadlineExceeded(policy.deadline_seconds, url=target.url)
        received += len(chunk)
        if received > policy.max_body_bytes:
            raise TooLarge(policy.max_body_bytes, url=target.url)
        decoder.feed(chunk)
    if watchdog.expired:
        # The watchdog's shutdown reads as a clean end of stream.
        raise DeadlineExceeded(policy.deadline_seconds, url=target.url)
    return _Reply(status, media_type, decoder.finish(), validators)


def _chunks(response: BaseHTTPResponse) -> Iterator[bytes]:
    # read1 makes at most one recv per call, so a drip of bytes is seen as it arrives.
    while chunk := response.read1(_READ_CHUNK, decode_content=False):
        yield chunk


def _network_error(
    exc: BaseException, target: _Target, policy: FetchPolicy, deadline: float, watchdog: _Watchdog
) -> FetchError:
    # A connect timeout cut to the time remaining can fire a moment before the watchdog does.
    if watchdog.expired or time.monotonic() >= deadline - _DEADLINE_SLACK:
        return DeadlineExceeded(policy.deadline_seconds, url=target.url)
    if any(isinstance(cause, ssl.SSLCertVerificationError) for cause in _causes(exc)):
        return TLSVerificationError(f"certificate for {target.host!r} did not verify: {exc}", url=target.url)
    return NetworkError(f"{type(exc).__name__}: {exc}", url=target.url)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(arg for arg in current.args if isinstance(arg, BaseException))
        stack.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _content_type_parse(value: str | None) -> _MediaType:
    if not value:
        return "", None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset":
            charset = raw.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


# --- Bounded decompression ---------------------------------------------------------------------


class _BodyDecoder:
    """Collects a body, inflating gzip or deflate without ever holding more than ``limit`` bytes.

    ``zlib`` is asked for at most the bytes still allowed (plus one, to notice going over), so a
    megabyte of compressed zeros never becomes a gigabyte in memory.
    """

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        self._limit = limit
        self._url = url
        self._parts: list[bytes] = []
        self._size = 0
        self._pending = b""  # deflate: bytes held until the header decides zlib vs raw
        self._gzip = encoding in ("gzip", "x-gzip")
        self._deflate = encoding == "deflate"
        if not (self._gzip or self._deflate or encoding in ("", "identity")):
            raise UnsupportedContentEncoding(encoding, url=url)
        self._inflater: Any = None
        if self._gzip:
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes) -> None:
        if not (self._gzip or self._deflate):
            self._append(data)
            return
        if self._deflate and self._inflater is None:
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            self._pending += data
            if len(self._pending) < 2:
                return
            data, self._pending = self._pending, b""
            wrapped = (data[0] & 0x0F) == 8 and int.from_bytes(data[:2], "big") % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        self._inflate(data)

    def _inflate(self, data: bytes) -> None:
        try:
            while data:
                inflater = self._inflater
                self._append(inflater.decompress(data, self._limit - self._size + 1))
                data = inflater.unconsumed_tail
                if inflater.eof:
                    rest = inflater.unused_data
                    if self._gzip and rest.lstrip(b"\0"):
                        # Another gzip member follows, as in concatenated .gz files.
                        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                        data = rest.lstrip(b"\0")
                    else:
                        return
        except zlib.error as exc:
            raise NetworkError(f"corrupt compressed body: {exc}", url=self._url) from exc

    def _append(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise TooLarge(self._limit, url=self._url)
        if data:
            self._parts.append(data)

    def finish(self) -> bytes:
        if self._pending:
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS)
            self._inflate(self._pending)
        if self._inflater is not None:
            if not self._inflater.eof:
                raise NetworkError("compressed body ended early", url=self._url)
            self._append(self._inflater.flush())
        return b"".join(self._parts)


# --- Text --------------------------------------------------------------------------------------


def _text_decode(body: bytes, media_type: _MediaType) -> tuple[str, str]:
    """Return (charset, text): byte-order mark, then the header, then the document, then UTF-8."""
    for bom, charset in _BOMS:
        if body.startswith(bom):
            return charset, body[len(bom) :].decode(charset, errors="replace")
    head = body[:_SNIFF_BYTES]
    candidates: list[str | None] = [media_type[1]]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match:
        candidates.append(match.group(1).decode("ascii").lower())
    for label in candidates:
        if label and _codec_known(label):
            return label, body.decode(label, errors="replace")
    return "utf-8", body.decode("utf-8", errors="replace")


def _codec_known(charset: str) -> bool:
    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True
