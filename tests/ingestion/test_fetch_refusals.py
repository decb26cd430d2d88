"""Every refusal happens before a single connection is attempted."""

from __future__ import annotations

from typing import Any

import pytest

from events.ingestion.fetch import (
    BlockedAddress,
    BlockedPort,
    BlockedScheme,
    FetchPolicy,
    InvalidURL,
    ResolutionError,
    fetch_url,
)
from tests.ingestion.conftest import FakeDNS, LoopbackServer, Reply

pytestmark = pytest.mark.usefixtures("fake_dns")

PRODUCTION = FetchPolicy()


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://10.0.0.1/", id="private-10"),
        pytest.param("http://192.168.1.1/", id="private-192.168"),
        pytest.param("http://172.16.0.5/", id="private-172.16"),
        pytest.param("http://169.254.169.254/latest/meta-data/", id="cloud-metadata"),
        pytest.param("http://100.64.0.1/", id="carrier-grade-nat"),
        pytest.param("http://0.0.0.0/", id="unspecified"),
        pytest.param("http://127.0.0.1/", id="loopback-v4"),
        pytest.param("http://[::1]/", id="loopback-v6"),
        pytest.param("http://[fe80::1]/", id="link-local-v6"),
        pytest.param("http://[fc00::1]/", id="unique-local-v6"),
        pytest.param("http://[::ffff:10.0.0.1]/", id="ipv4-mapped-private"),
        pytest.param("http://[::ffff:127.0.0.1]/", id="ipv4-mapped-loopback"),
        pytest.param("http://[::ffff:8.8.8.8]/", id="ipv4-mapped-public"),
        pytest.param("http://[::10.0.0.1]/", id="ipv4-compatible"),
        pytest.param("http://[2002:a00:1::1]/", id="6to4-private"),
        pytest.param("http://[2002:7f00:1::]/", id="6to4-loopback"),
        pytest.param("http://[64:ff9b::a00:1]/", id="nat64-private"),
        pytest.param("http://[64:ff9b::7f00:1]/", id="nat64-loopback"),
        pytest.param("http://[64:ff9b:1::808:808]/", id="nat64-local-use"),
        pytest.param("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", id="teredo"),
        pytest.param("http://2130706433/", id="decimal-127.0.0.1"),
        pytest.param("http://0177.0.0.1/", id="octal-127.0.0.1"),
        pytest.param("http://0x7f.1/", id="hex-127.0.0.1"),
        pytest.param("http://0x7f000001/", id="hex-integer-127.0.0.1"),
        pytest.param("http://127.1/", id="short-127.0.0.1"),
        pytest.param("http://167772161/", id="decimal-10.0.0.1"),
        pytest.param("http://127.0.0.1./", id="trailing-dot"),
        pytest.param("http://１２７.０.０.１/", id="full-width-digits"),
        pytest.param("http://[ff02::1]/", id="multicast-v6"),
        pytest.param("http://224.0.0.1/", id="multicast-v4"),
    ],
)
def test_non_global_address_is_refused_without_connecting(url: str, connection_attempts: list[Any]) -> None:
    with pytest.raises(BlockedAddress) as caught:
        fetch_url(url, policy=PRODUCTION)

    assert connection_attempts == []
    assert caught.value.retryable is False


def test_loopback_server_is_refused_under_production_policy(
    http_server: LoopbackServer, connection_attempts: list[Any]
) -> None:
    # Even with the port allowed, a policy without allow_loopback must not reach 127.0.0.1.
    http_server.routes["/"] = Reply()
    ports_policy = FetchPolicy(allow_loopback=True, allowed_ports=frozenset({80, 443, http_server.port}))
    no_loopback = FetchPolicy()

    with pytest.raises(BlockedPort):
        fetch_url(http_server.url(), policy=no_loopback)
    with pytest.raises(BlockedAddress):
        fetch_url(f"http://127.0.0.1:{80}/", policy=no_loopback)

    assert connection_attempts == []
    assert http_server.connections == 0
    # The same server is reachable once loopback is allowed, so the refusal above was the policy.
    assert fetch_url(http_server.url(), policy=ports_policy).status == 200


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("ftp://example.org/file", id="ftp"),
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("gopher://example.org/", id="gopher"),
        pytest.param("javascript:alert(1)", id="javascript"),
    ],
)
def test_other_schemes_are_refused_without_connecting(
    url: str, connection_attempts: list[Any], fake_dns: FakeDNS
) -> None:
    with pytest.raises(BlockedScheme):
        fetch_url(url, policy=PRODUCTION)

    assert connection_attempts == []
    assert fake_dns.lookups == []


def test_port_8080_is_refused_under_production_policy(connection_attempts: list[Any], fake_dns: FakeDNS) -> None:
    fake_dns.records["news.example"] = ["93.184.216.34"]

    with pytest.raises(BlockedPort) as caught:
        fetch_url("http://news.example:8080/article", policy=PRODUCTION)

    assert caught.value.port == 8080
    assert connection_attempts == []
    assert fake_dns.lookups == []


def test_extra_port_reaches_only_loopback_even_when_allowed(connection_attempts: list[Any], fake_dns: FakeDNS) -> None:
    fake_dns.records["news.example"] = ["93.184.216.34"]
    test_policy = FetchPolicy(allow_loopback=True, allowed_ports=frozenset({80, 443, 8080}))

    with pytest.raises(BlockedPort):
        fetch_url("http://news.example:8080/", policy=test_policy)

    assert connection_attempts == []


def test_policy_refuses_extra_ports_without_loopback_allowance() -> None:
    with pytest.raises(ValueError, match="allow_loopback"):
        FetchPolicy(allowed_ports=frozenset({80, 443, 8080}))


@pytest.mark.parametrize(
    "addresses",
    [
        pytest.param(["10.1.2.3"], id="private"),
        pytest.param(["127.0.0.1"], id="loopback"),
        pytest.param(["169.254.169.254"], id="metadata"),
        pytest.param(["93.184.216.34", "192.168.0.10"], id="public-then-private"),
        pytest.param(["2001:4860:4860::8888", "::ffff:10.0.0.1"], id="public-v6-then-mapped"),
    ],
)
def test_name_resolving_to_a_refused_address_is_refused(
    addresses: list[str], connection_attempts: list[Any], fake_dns: FakeDNS
) -> None:
    fake_dns.records["evil.example"] = addresses

    with pytest.raises(BlockedAddress) as caught:
        fetch_url("https://evil.example/", policy=PRODUCTION)

    assert fake_dns.lookups == ["evil.example"]
    assert connection_attempts == []
    assert caught.value.host == "evil.example"
    assert str(caught.value.address) not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://1.2.3.4.5/", id="five-part-number"),
        pytest.param("http://256.0.0.1/", id="octet-too-big"),
        pytest.param("http://user:secret@93.184.216.34/", id="credentials"),
        pytest.param("http://news.example\\@10.0.0.1/", id="backslash"),
        pytest.param("http://news.example/a b", id="space"),
        pytest.param("http:///path-only", id="no-host"),
        pytest.param("http://bad_name!.example/", id="bad-hostname"),
    ],
)
def test_malformed_urls_are_refused_without_connecting(url: str, connection_attempts: list[Any]) -> None:
    with pytest.raises(InvalidURL):
        fetch_url(url, policy=PRODUCTION)

    assert connection_attempts == []


def test_unknown_name_is_a_retryable_resolution_error(connection_attempts: list[Any]) -> None:
    with pytest.raises(ResolutionError) as caught:
        fetch_url("https://no-such-host.example/", policy=PRODUCTION)

    assert caught.value.retryable is True
    assert connection_attempts == []
