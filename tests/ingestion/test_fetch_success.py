"""A normal fetch: text and charset, the pinned address, Host header, TLS for the real hostname."""

from __future__ import annotations

import pickle
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from events.ingestion.fetch import (
    BlockedAddress,
    FetchError,
    HTTPStatusError,
    TLSVerificationError,
    fetch_url,
)
from tests.ingestion.conftest import FakeDNS, LoopbackServer, Reply, loopback_policy

pytestmark = pytest.mark.usefixtures("fake_dns")


def test_normal_fetch_returns_text_in_the_declared_charset(http_server: LoopbackServer) -> None:
    page = "<html><body><p>Переговоры в Женеве</p></body></html>"
    http_server.routes["/article"] = Reply(
        headers={"Content-Type": "text/html; charset=windows-1251"}, body=page.encode("windows-1251")
    )

    result = fetch_url(http_server.url("/article"), policy=loopback_policy(http_server.port))

    assert result.status == 200
    assert result.charset == "windows-1251"
    assert result.content_type == "text/html"
    assert result.text == page
    assert result.body == page.encode("windows-1251")
    assert result.final_url == http_server.url("/article")
    assert result.redirects == ()
    assert 0 < result.elapsed < 5


@pytest.mark.parametrize(
    ("content_type", "body", "charset"),
    [
        pytest.param(
            "text/html",
            '<html><head><meta charset="iso-8859-7"></head><body>Αθήνα</body></html>'.encode("iso-8859-7"),
            "iso-8859-7",
            id="html-meta",
        ),
        pytest.param(
            "application/xml",
            '<?xml version="1.0" encoding="koi8-r"?><rss>Москва</rss>'.encode("koi8-r"),
            "koi8-r",
            id="xml-declaration",
        ),
        pytest.param("text/plain", "déjà vu".encode(), "utf-8", id="default-utf-8"),
        pytest.param("text/html; charset=bogus-charset", "façade".encode(), "utf-8", id="unknown-label"),
        pytest.param("text/html; charset=iso-8859-1", b"\xef\xbb\xbfna\xc3\xafve", "utf-8", id="bom-wins"),
    ],
)
def test_charset_comes_from_bom_header_document_or_utf8(
    content_type: str, body: bytes, charset: str, http_server: LoopbackServer
) -> None:
    http_server.routes["/doc"] = Reply(headers={"Content-Type": content_type}, body=body)

    result = fetch_url(http_server.url("/doc"), policy=loopback_policy(http_server.port))

    assert result.charset == charset
    assert "\ufffd" not in result.text


def test_name_is_resolved_once_and_the_checked_address_is_connected(
    http_server: LoopbackServer, connection_attempts: list[Any], fake_dns: FakeDNS
) -> None:
    fake_dns.records["news.example"] = ["127.0.0.1"]
    http_server.routes["/a"] = Reply(body=b"pinned")

    result = fetch_url(f"http://news.example:{http_server.port}/a?q=1", policy=loopback_policy(http_server.port))

    assert result.text == "pinned"
    assert fake_dns.lookups == ["news.example"]
    assert connection_attempts == [("127.0.0.1", http_server.port)]
    path, headers = http_server.requests[0]
    assert path == "/a?q=1"
    assert headers["Host"] == f"news.example:{http_server.port}"


def test_fetch_errors_survive_pickling_for_celery() -> None:
    error = HTTPStatusError(503, retry_after=30.0, url="https://news.example/a")

    restored = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes, as Celery does

    assert isinstance(restored, FetchError)
    assert (restored.status, restored.retry_after, restored.retryable, restored.url) == (
        503,
        30.0,
        True,
        "https://news.example/a",
    )
    assert str(restored) == str(error)


# --- TLS to a pinned address -------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=news.example",
            "-addext",
            "subjectAltName=DNS:news.example",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[LoopbackServer, list[str | None]]]:
    cert, key = certificate
    server = LoopbackServer()
    server.routes["/secure"] = Reply(body=b"over tls")
    server_names: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: server_names.append(name)  # type: ignore[assignment,func-returns-value]
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server, server_names
    server.shutdown()
    server.server_close()
    thread.join(timeout=2)


def test_tls_uses_the_real_hostname_while_connecting_to_the_pinned_address(
    tls_server: tuple[LoopbackServer, list[str | None]],
    certificate: tuple[Path, Path],
    connection_attempts: list[Any],
    fake_dns: FakeDNS,
) -> None:
    server, server_names = tls_server
    fake_dns.records["news.example"] = ["127.0.0.1"]
    policy = loopback_policy(server.port, ca_certs=str(certificate[0]))

    result = fetch_url(f"https://news.example:{server.port}/secure", policy=policy)

    assert result.text == "over tls"
    assert server_names == ["news.example"]
    assert connection_attempts == [("127.0.0.1", server.port)]
    assert server.requests[0][1]["Host"] == f"news.example:{server.port}"


def test_tls_certificate_for_another_name_is_refused(
    tls_server: tuple[LoopbackServer, list[str | None]], certificate: tuple[Path, Path], fake_dns: FakeDNS
) -> None:
    server, _ = tls_server
    fake_dns.records["other.example"] = ["127.0.0.1"]
    policy = loopback_policy(server.port, ca_certs=str(certificate[0]))

    with pytest.raises(TLSVerificationError) as caught:
        fetch_url(f"https://other.example:{server.port}/secure", policy=policy)

    assert caught.value.retryable is False
    assert server.requests == []


def test_blocked_address_keeps_the_address_out_of_its_message(fake_dns: FakeDNS) -> None:
    fake_dns.records["intranet.example"] = ["10.9.8.7"]

    with pytest.raises(BlockedAddress) as caught:
        fetch_url("https://intranet.example/")

    assert "10.9.8.7" not in str(caught.value)
    assert str(caught.value.address) == "10.9.8.7"
