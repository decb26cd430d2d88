"""Loopback servers, a fake resolver and a connection counter for the fetcher's tests; the admin client
and the record of sent tasks that the ingestion tests share.

Nothing here touches the network beyond 127.0.0.1: names resolve only through ``fake_dns``, and
the fetcher can reach the servers only under a policy that allows loopback and their port.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from events.ingestion.fetch import FetchPolicy


@dataclass
class Reply:
    """What a route answers: status, headers and body (Content-Length is added)."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    body: bytes = b"<html><body>ok</body></html>"


class _Handler(BaseHTTPRequestHandler):
    server: LoopbackServer

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        route = self.server.routes.get(self.path.split("?", 1)[0])
        reply = route(self) if callable(route) else route
        if reply is None:
            reply = Reply(404, {"Content-Type": "text/plain"}, b"not found")
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        # The fetcher may hang up early on purpose (too large, wrong type).
        with contextlib.suppress(OSError):
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class LoopbackServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that counts the connections it accepts."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Reply | Callable[[BaseHTTPRequestHandler], Reply]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.connections = 0

    def get_request(self) -> tuple[socket.socket, Any]:
        request = super().get_request()
        self.connections += 1
        return request

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=2)


def loopback_policy(*ports: int, **overrides: Any) -> FetchPolicy:
    """The test-only policy: loopback allowed, plus the given ephemeral ports."""
    options: dict[str, Any] = {
        "allow_loopback": True,
        "allowed_ports": frozenset({80, 443, *ports}),
        "deadline_seconds": 5.0,
    }
    options.update(overrides)
    return FetchPolicy(**options)


@pytest.fixture
def loopback_fetch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline fetches with the tests' policy: loopback servers on any port."""
    from tests.hooks.apps import loopback_fetch_policy

    monkeypatch.setattr("events.services.pipeline_config.fetch_policy", loopback_fetch_policy)


@pytest.fixture
def policy(http_server: LoopbackServer) -> FetchPolicy:
    return loopback_policy(http_server.port)


@pytest.fixture
def connection_attempts(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every address any socket in the process tries to connect to during the test."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def connect(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        attempts.append(address)
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        attempts.append(("create_connection", address))
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


class FakeDNS:
    """A resolver that knows only the names a test gives it; anything else does not exist."""

    def __init__(self) -> None:
        self.records: dict[str, list[str]] = {}
        self.lookups: list[str] = []

    def getaddrinfo(self, host: Any, port: Any, family: int = 0, type: int = 0, *args: Any, **kwargs: Any) -> list[Any]:
        name = str(host).rstrip(".").lower()
        self.lookups.append(name)
        if name not in self.records:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        infos: list[Any] = []
        for address in self.records[name]:
            if ":" in address:
                infos.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port or 0, 0, 0)))
            else:
                infos.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0)))
        return infos


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> FakeDNS:
    dns = FakeDNS()
    monkeypatch.setattr(socket, "getaddrinfo", dns.getaddrinfo)
    return dns


@pytest.fixture
def editor(db: None) -> Any:
    """A client signed in to the admin as a superuser."""
    from django.test import Client

    from tests.factories import make_user

    client = Client()
    client.force_login(make_user("root", superuser=True))
    return client


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Article ids whose processing task was sent (to no broker)."""
    from events import tasks

    ids: list[int] = []
    monkeypatch.setattr(tasks.process_article, "delay", ids.append)
    return ids
