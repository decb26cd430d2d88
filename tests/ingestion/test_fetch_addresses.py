"""The address check (property tests), how host literals are read, and names with several addresses."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from events.ingestion.addresses import InvalidHost, address_refusal, parse_host_literal
from events.ingestion.fetch import BlockedAddress, DeadlineExceeded, NetworkError, fetch_url
from tests.ingestion.conftest import FakeDNS, LoopbackServer, Reply, loopback_policy

ipv4 = st.integers(0, 2**32 - 1).map(ipaddress.IPv4Address)
ipv6 = st.integers(0, 2**128 - 1).map(ipaddress.IPv6Address)
# The ranges ipaddress calls non-global, so that generated examples land in them often.
_NON_GLOBAL_NETWORKS = [
    ipaddress.ip_network(network)
    for network in [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/29", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "240.0.0.0/4", "::/128", "::1/128", "::ffff:0:0/96", "100::/64",
        "2001::/23", "2001:db8::/32", "fc00::/7", "fe80::/10",
    ]
]  # fmt: skip


@st.composite
def in_network(
    draw: st.DrawFn, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]
) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    network = draw(st.sampled_from(networks))
    return network[draw(st.integers(0, network.num_addresses - 1))]


non_global = st.one_of(in_network(_NON_GLOBAL_NETWORKS), ipv4, ipv6).filter(lambda ip: not ip.is_global)
non_global_ipv4 = in_network([n for n in _NON_GLOBAL_NETWORKS if n.version == 4]).filter(lambda ip: not ip.is_global)
public_ipv4 = st.integers(int(ipaddress.IPv4Address("1.0.0.0")), int(ipaddress.IPv4Address("223.255.255.255"))).map(
    ipaddress.IPv4Address
)


@given(non_global)
def test_any_address_that_is_not_global_is_refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    assert address_refusal(address) is not None


@given(non_global_ipv4)
def test_non_global_ipv4_is_refused_in_every_ipv6_wrapping(inner: ipaddress.IPv4Address) -> None:
    wrapped = [
        ipaddress.IPv6Address(f"::ffff:{inner}"),  # IPv4-mapped
        ipaddress.IPv6Address((0x2002 << 112) | (int(inner) << 80)),  # 6to4
        ipaddress.IPv6Address(int(ipaddress.IPv6Address("64:ff9b::")) | int(inner)),  # NAT64
        ipaddress.IPv6Address(int(ipaddress.IPv6Address("64:ff9b:1::")) | int(inner)),  # local-use NAT64
    ]

    for address in wrapped:
        assert address_refusal(address) is not None, address
        assert address_refusal(address, allow_loopback=True) is not None, address


@given(ipv4)
def test_ipv4_mapped_form_is_refused_even_for_public_addresses(inner: ipaddress.IPv4Address) -> None:
    assert address_refusal(ipaddress.IPv6Address(f"::ffff:{inner}")) is not None


@given(public_ipv4)
def test_public_unicast_ipv4_is_allowed(address: ipaddress.IPv4Address) -> None:
    assume(address.is_global and not address.is_multicast)

    assert address_refusal(address) is None


def test_loopback_allowance_admits_plain_loopback_only() -> None:
    assert address_refusal(ipaddress.ip_address("127.0.0.1"), allow_loopback=True) is None
    assert address_refusal(ipaddress.ip_address("::1"), allow_loopback=True) is None
    assert address_refusal(ipaddress.ip_address("::ffff:127.0.0.1"), allow_loopback=True) is not None
    assert address_refusal(ipaddress.ip_address("10.0.0.1"), allow_loopback=True) is not None


def test_public_nat64_and_6to4_are_allowed() -> None:
    # DNS64 answers look like this for IPv4-only sites on an IPv6-only network.
    assert address_refusal(ipaddress.ip_address("64:ff9b::808:808")) is None
    assert address_refusal(ipaddress.ip_address("2002:808:808::1")) is None


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7F000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("127.0.0.1.", "127.0.0.1"),
        ("::ffff:10.0.0.1", "::ffff:10.0.0.1"),
    ],
)
def test_numeric_hosts_are_read_as_the_os_reads_them(host: str, expected: str) -> None:
    assert parse_host_literal(host) == ipaddress.ip_address(expected)


@pytest.mark.parametrize("host", ["news.example", "cafe.de", "123.example", "abc"])
def test_names_are_not_literals(host: str) -> None:
    assert parse_host_literal(host) is None


@pytest.mark.parametrize("host", ["1.2.3.4.5", "256.1.1.1", "4294967296", "0x", "08.1"])
def test_numeric_looking_hosts_the_os_would_not_parse_are_invalid(host: str) -> None:
    with pytest.raises(InvalidHost):
        parse_host_literal(host)


@given(
    st.lists(
        st.one_of(
            st.integers(0, 2**32).map(str),
            st.integers(0, 2**32).map(oct).map(lambda s: "0" + s[2:]),
            st.integers(0, 2**32).map(hex),
        ),
        min_size=1,
        max_size=4,
    ).map(".".join)
)
def test_literal_parsing_agrees_with_inet_aton(host: str) -> None:
    try:
        expected: ipaddress.IPv4Address | None = ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        expected = None

    if expected is None:
        with pytest.raises(InvalidHost):
            parse_host_literal(host)
    else:
        assert parse_host_literal(host) == expected


# --- A name with several addresses: each is tried in turn, within the deadline ----------------


@pytest.fixture
def blackhole(http_server: LoopbackServer) -> Iterator[str]:
    """An address on the test server's port that never completes a connection (a full backlog).

    Linux drops a SYN that finds the accept queue full, so connect() waits until its timeout, as it
    does for a host that has gone away.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.3", http_server.port))
    listener.listen(0)
    filler = socket.create_connection(("127.0.0.3", http_server.port), timeout=1)
    yield "127.0.0.3"
    filler.close()
    listener.close()


def test_a_refused_connection_moves_on_to_the_next_address(
    http_server: LoopbackServer, fake_dns: FakeDNS, connection_attempts: list[Any]
) -> None:
    # Nothing listens on 127.0.0.2, so the kernel refuses that connection at once.
    fake_dns.records["news.example"] = ["127.0.0.2", "127.0.0.1"]
    http_server.routes["/a"] = Reply()

    result = fetch_url(f"http://news.example:{http_server.port}/a", policy=loopback_policy(http_server.port))

    assert result.status == 200
    assert connection_attempts == [("127.0.0.2", http_server.port), ("127.0.0.1", http_server.port)]
    assert http_server.connections == 1
    assert http_server.requests[0][1]["Host"] == f"news.example:{http_server.port}"


def test_a_connection_that_times_out_moves_on_to_the_next_address(
    http_server: LoopbackServer, blackhole: str, fake_dns: FakeDNS, connection_attempts: list[Any]
) -> None:
    fake_dns.records["news.example"] = [blackhole, "127.0.0.1"]
    http_server.routes["/a"] = Reply()
    policy = loopback_policy(http_server.port, connect_timeout=0.2, deadline_seconds=10.0)

    result = fetch_url(f"http://news.example:{http_server.port}/a", policy=policy)

    assert result.status == 200
    assert connection_attempts == [(blackhole, http_server.port), ("127.0.0.1", http_server.port)]


def test_the_deadline_covers_every_address_tried(
    http_server: LoopbackServer, blackhole: str, fake_dns: FakeDNS, connection_attempts: list[Any]
) -> None:
    # Each connect alone may take 10 s; the whole fetch may not take more than 0.3 s, so the first
    # attempt is cut short by the deadline and the address after it is never tried.
    fake_dns.records["news.example"] = [blackhole, "127.0.0.1"]
    policy = loopback_policy(http_server.port, connect_timeout=10.0, deadline_seconds=0.3)

    with pytest.raises(DeadlineExceeded) as caught:
        fetch_url(f"http://news.example:{http_server.port}/a", policy=policy)

    assert caught.value.retryable
    assert connection_attempts == [(blackhole, http_server.port)]
    assert http_server.connections == 0


def test_when_no_address_accepts_each_was_tried_once_in_order(
    http_server: LoopbackServer, fake_dns: FakeDNS, connection_attempts: list[Any]
) -> None:
    # Two IPv4 addresses and one IPv6: the families alternate, starting with the resolver's first.
    fake_dns.records["news.example"] = ["127.0.0.2", "127.0.0.4", "::1"]
    http_server.server_close()  # the port is free on every address now
    port = http_server.port

    with pytest.raises(NetworkError) as caught:
        fetch_url(f"http://news.example:{port}/a", policy=loopback_policy(port))

    assert [attempt[0] for attempt in connection_attempts] == ["127.0.0.2", "::1", "127.0.0.4"]
    assert caught.value.retryable
    assert "3 addresses" in str(caught.value)
    assert "127.0.0" not in str(caught.value)


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(["127.0.0.1", "10.0.0.1"], id="usable-then-private"),
        pytest.param(["10.0.0.1", "127.0.0.1"], id="private-then-usable"),
        pytest.param(["127.0.0.1", "::ffff:127.0.0.1"], id="usable-then-ipv4-mapped"),
        pytest.param(["127.0.0.1", "169.254.169.254"], id="usable-then-metadata"),
    ],
)
def test_a_name_with_any_refused_address_is_refused_without_connecting(
    answer: list[str], http_server: LoopbackServer, fake_dns: FakeDNS, connection_attempts: list[Any]
) -> None:
    # Mixing a usable address with a refused one is either a misconfiguration or an attempt to win a
    # race between the two; the name is refused whole, and nothing is connected to at all.
    fake_dns.records["news.example"] = answer

    with pytest.raises(BlockedAddress):
        fetch_url(f"http://news.example:{http_server.port}/a", policy=loopback_policy(http_server.port))

    assert connection_attempts == []
    assert http_server.connections == 0
