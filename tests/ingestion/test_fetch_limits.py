"""The deadline, the body cap, decompression bombs, content types and status codes."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from events.ingestion.fetch import (
    BadContentType,
    DeadlineExceeded,
    FetchPolicy,
    HTTPStatusError,
    NetworkError,
    TooLarge,
    UnsupportedContentEncoding,
    fetch_url,
)
from tests.ingestion.conftest import LoopbackServer, Reply, loopback_policy

pytestmark = pytest.mark.usefixtures("fake_dns")


@contextmanager
def drip_server(prefix: bytes, drip: bytes, interval: float = 1.0) -> Iterator[int]:
    """A server that sends ``prefix`` at once, then ``drip`` one byte every ``interval`` seconds."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()
    sent: list[int] = []

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            conn.sendall(prefix)
            for byte in drip:
                if stop.wait(interval):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                sent.append(byte)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=2)


@pytest.mark.parametrize(
    ("prefix", "drip"),
    [
        pytest.param(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n", b"x" * 1000, id="body"
        ),
        pytest.param(b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: y\r\n" * 100, id="headers"),
    ],
)
def test_server_dripping_a_byte_a_second_is_cut_at_the_deadline(prefix: bytes, drip: bytes) -> None:
    deadline = 1.5
    with drip_server(prefix, drip) as port:
        # Per-read timeouts are far longer than the drip interval: only the deadline can stop it.
        policy = loopback_policy(port, deadline_seconds=deadline, read_timeout=10.0)
        outcome: list[BaseException | None] = []

        def fetch() -> None:
            try:
                fetch_url(f"http://127.0.0.1:{port}/", policy=policy)
            except BaseException as exc:
                outcome.append(exc)
            else:
                outcome.append(None)

        # In a thread, so that a broken deadline fails this test instead of hanging the suite.
        worker = threading.Thread(target=fetch, daemon=True)
        started = time.monotonic()
        worker.start()
        worker.join(timeout=deadline + 1.0)
        elapsed = time.monotonic() - started

    assert not worker.is_alive(), "fetch was still running after the deadline"
    assert deadline - 0.1 < elapsed < deadline + 1.0
    assert isinstance(outcome[0], DeadlineExceeded)
    assert outcome[0].retryable is True


def test_deadline_covers_the_whole_redirect_chain(http_server: LoopbackServer) -> None:
    def slow_redirect(handler: Any) -> Reply:
        time.sleep(0.4)
        return Reply(302, {"Location": "/slow", "Content-Type": "text/html"}, b"")

    http_server.routes["/slow"] = slow_redirect
    policy = loopback_policy(http_server.port, deadline_seconds=1.0, max_redirects=3)

    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        fetch_url(http_server.url("/slow"), policy=policy)

    # Each hop is well within any per-hop timeout; three of them are not within the deadline.
    assert time.monotonic() - started < 2.0
    assert len(http_server.requests) < 4


def test_body_over_the_cap_is_refused_by_its_declared_length(http_server: LoopbackServer) -> None:
    http_server.routes["/big"] = Reply(body=b"a" * 20_000)
    policy = loopback_policy(http_server.port, max_body_bytes=10_000)

    with pytest.raises(TooLarge) as caught:
        fetch_url(http_server.url("/big"), policy=policy)

    assert caught.value.retryable is False


def test_body_over_the_cap_without_length_is_cut_while_reading() -> None:
    header = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
    # No Content-Length: the body runs until the connection closes (or would, after 1000 s).
    with drip_server(header + b"a" * 50_000, b"b" * 1000, interval=1.0) as port:
        policy = loopback_policy(port, max_body_bytes=10_000)
        started = time.monotonic()
        with pytest.raises(TooLarge):
            fetch_url(f"http://127.0.0.1:{port}/", policy=policy)

    assert time.monotonic() - started < 1.0


class CountingInflater:
    """Wraps a zlib decompressor and counts the bytes it produces."""

    produced = 0

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out: bytes = self._inner.decompress(data, max_length)
        CountingInflater.produced += len(out)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        pytest.param("gzip", lambda data: gzip.compress(data, 9), id="gzip"),
        pytest.param("deflate", lambda data: _deflate(data, zlib.MAX_WBITS), id="deflate-zlib"),
        pytest.param("deflate", lambda data: _deflate(data, -zlib.MAX_WBITS), id="deflate-raw"),
    ],
)
def test_compression_bomb_stops_at_the_cap(
    encoding: str, compress: Any, http_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = compress(b"\0" * (10 * 1024 * 1024))
    assert len(bomb) < 20_000
    http_server.routes["/bomb"] = Reply(headers={"Content-Type": "text/html", "Content-Encoding": encoding}, body=bomb)
    cap = 256 * 1024
    real = zlib.decompressobj
    CountingInflater.produced = 0
    monkeypatch.setattr(zlib, "decompressobj", lambda *args: CountingInflater(real(*args)))

    with pytest.raises(TooLarge):
        fetch_url(http_server.url("/bomb"), policy=loopback_policy(http_server.port, max_body_bytes=cap))

    # Inflated no further than one byte past the cap, not the 10 MB the bomb holds.
    assert 0 < CountingInflater.produced <= cap + 1


def test_compressed_body_under_the_cap_is_decompressed(http_server: LoopbackServer) -> None:
    text = "<rss><channel><title>Talks</title></channel></rss>" * 100
    # Two gzip members, as some servers send: both are part of the body.
    body = gzip.compress(text[:1000].encode()) + gzip.compress(text[1000:].encode())
    http_server.routes["/feed"] = Reply(
        headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}, body=body
    )

    result = fetch_url(http_server.url("/feed"), policy=loopback_policy(http_server.port))

    assert result.text == text
    assert result.content_type == "application/rss+xml"


def test_unrequested_content_encoding_is_refused(http_server: LoopbackServer) -> None:
    http_server.routes["/br"] = Reply(headers={"Content-Type": "text/html", "Content-Encoding": "br"}, body=b"\x8b")

    with pytest.raises(UnsupportedContentEncoding):
        fetch_url(http_server.url("/br"), policy=loopback_policy(http_server.port))


@pytest.mark.parametrize(
    "content_type",
    [
        pytest.param("image/png", id="png"),
        pytest.param("application/octet-stream", id="binary"),
        pytest.param("application/pdf", id="pdf"),
        pytest.param(None, id="missing"),
    ],
)
def test_wrong_content_type_is_refused(content_type: str | None, http_server: LoopbackServer) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    http_server.routes["/file"] = Reply(headers=headers, body=b"\x89PNG\r\n\x1a\n" + b"\0" * 100)

    with pytest.raises(BadContentType) as caught:
        fetch_url(http_server.url("/file"), policy=loopback_policy(http_server.port))

    assert caught.value.retryable is False


@pytest.mark.parametrize(
    ("status", "retryable"),
    [
        pytest.param(503, True, id="503"),
        pytest.param(500, True, id="500"),
        pytest.param(429, True, id="429"),
        pytest.param(404, False, id="404"),
        pytest.param(410, False, id="410"),
        pytest.param(403, False, id="403"),
    ],
)
def test_error_status_says_whether_to_retry(status: int, retryable: bool, http_server: LoopbackServer) -> None:
    http_server.routes["/page"] = Reply(status, {"Content-Type": "text/html", "Retry-After": "120"}, b"")

    with pytest.raises(HTTPStatusError) as caught:
        fetch_url(http_server.url("/page"), policy=loopback_policy(http_server.port))

    assert caught.value.status == status
    assert caught.value.retryable is retryable
    assert caught.value.retry_after == 120.0


def test_refused_connection_is_a_retryable_network_error() -> None:
    # Bind then close a port, so nothing listens on it.
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()

    with pytest.raises(NetworkError) as caught:
        fetch_url(f"http://127.0.0.1:{port}/", policy=loopback_policy(port))

    assert caught.value.retryable is True


def test_policy_rejects_nonsense_limits() -> None:
    with pytest.raises(ValueError, match="deadline_seconds"):
        FetchPolicy(deadline_seconds=0)
    with pytest.raises(ValueError, match="allowed_schemes"):
        FetchPolicy(allowed_schemes=frozenset({"ftp"}))
