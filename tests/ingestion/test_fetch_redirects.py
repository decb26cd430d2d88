"""Redirects are followed by hand, and every hop is checked again before it is connected to."""

from __future__ import annotations

from typing import Any

import pytest

from events.ingestion.fetch import (
    BlockedAddress,
    BlockedPort,
    BlockedScheme,
    FetchPolicy,
    TooManyRedirects,
    fetch_url,
)
from tests.ingestion.conftest import FakeDNS, LoopbackServer, Reply

pytestmark = pytest.mark.usefixtures("fake_dns")


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, {"Location": location, "Content-Type": "text/html"}, b"")


@pytest.mark.parametrize(
    "location",
    [
        pytest.param("http://10.0.0.1/admin", id="private"),
        pytest.param("http://169.254.169.254/latest/meta-data/", id="metadata"),
        pytest.param("http://[::ffff:192.168.0.1]/", id="ipv4-mapped"),
        pytest.param("http://0x0a.0.0.1/", id="hex-literal-private"),
        pytest.param("http://internal.example/", id="name-resolving-private"),
    ],
)
def test_redirect_to_refused_address_stops_before_second_connection(
    location: str,
    http_server: LoopbackServer,
    policy: FetchPolicy,
    connection_attempts: list[Any],
    fake_dns: FakeDNS,
) -> None:
    fake_dns.records["internal.example"] = ["10.20.30.40"]
    http_server.routes["/start"] = redirect(location)

    with pytest.raises(BlockedAddress):
        fetch_url(http_server.url("/start"), policy=policy)

    assert http_server.connections == 1
    assert connection_attempts == [("127.0.0.1", http_server.port)]


@pytest.mark.parametrize(
    ("location", "error"),
    [
        pytest.param("ftp://files.example/a", BlockedScheme, id="ftp"),
        pytest.param("file:///etc/passwd", BlockedScheme, id="file"),
        pytest.param("http://news.example:8080/", BlockedPort, id="port-8080"),
    ],
)
def test_redirect_to_refused_scheme_or_port_stops(
    location: str,
    error: type[Exception],
    http_server: LoopbackServer,
    policy: FetchPolicy,
    connection_attempts: list[Any],
    fake_dns: FakeDNS,
) -> None:
    fake_dns.records["news.example"] = ["93.184.216.34"]
    http_server.routes["/start"] = redirect(location, 301)

    with pytest.raises(error):
        fetch_url(http_server.url("/start"), policy=policy)

    assert connection_attempts == [("127.0.0.1", http_server.port)]


def test_more_than_three_redirects_are_refused(
    http_server: LoopbackServer, policy: FetchPolicy, connection_attempts: list[Any]
) -> None:
    for hop in range(4):
        http_server.routes[f"/r{hop}"] = redirect(f"/r{hop + 1}")
    http_server.routes["/r4"] = Reply()

    with pytest.raises(TooManyRedirects):
        fetch_url(http_server.url("/r0"), policy=policy)

    # Four answers were redirects; the fifth request was never made.
    assert [path for path, _ in http_server.requests] == ["/r0", "/r1", "/r2", "/r3"]
    assert len(connection_attempts) == 4


def test_three_redirects_are_followed(http_server: LoopbackServer, policy: FetchPolicy) -> None:
    http_server.routes["/r0"] = redirect("/r1", 301)
    http_server.routes["/r1"] = redirect(http_server.url("/r2"), 307)
    http_server.routes["/r2"] = redirect("r3?x=1", 308)
    http_server.routes["/r3"] = Reply(body=b"<p>arrived</p>")

    result = fetch_url(http_server.url("/r0"), policy=policy)

    assert result.text == "<p>arrived</p>"
    assert result.final_url == http_server.url("/r3?x=1")
    assert result.redirects == (http_server.url("/r0"), http_server.url("/r1"), http_server.url("/r2"))


def test_redirect_hop_is_resolved_and_pinned_again(
    http_server: LoopbackServer, policy: FetchPolicy, connection_attempts: list[Any], fake_dns: FakeDNS
) -> None:
    fake_dns.records["mirror.example"] = ["127.0.0.1"]
    http_server.routes["/start"] = redirect(f"http://mirror.example:{http_server.port}/final")
    http_server.routes["/final"] = Reply(body=b"mirrored")

    result = fetch_url(http_server.url("/start"), policy=policy)

    assert result.text == "mirrored"
    assert fake_dns.lookups == ["mirror.example"]
    assert connection_attempts == [("127.0.0.1", http_server.port)] * 2
    assert http_server.requests[1][1]["Host"] == f"mirror.example:{http_server.port}"
