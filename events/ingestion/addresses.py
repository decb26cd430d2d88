"""Which network addresses the article fetcher may connect to, and how a URL host denotes one.

The fetcher resolves a host once and connects to the checked address, so this module only has to
answer two questions, without any I/O:

* ``parse_host_literal``: does the host name an address by itself (``10.0.0.1``, ``[::1]``,
  ``2130706433``, ``0177.0.0.1``, ``0x7f.1``), read the way the operating system's resolver reads
  it, or is it a name to look up?
* ``address_refusal``: is this address one we refuse to connect to, and why?

The standard library's ``is_global`` is the base rule. It is not enough on its own: IPv6 has
several ways of carrying an IPv4 address (IPv4-mapped, IPv4-compatible, 6to4, NAT64, Teredo)
that ``ipaddress`` on Python 3.11 reports as global even when the IPv4 address inside is
private, and a socket connected to one of them can reach that private IPv4 host.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import TypeAlias

IPAddress: TypeAlias = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
# RFC 8215 local-use NAT64 prefix: translated by a gateway of the local network, never public.
_NAT64_LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")

# The last label of a host decides whether the resolver treats the whole host as an IPv4 number
# (as browsers do, following the WHATWG URL standard): decimal, octal with a leading 0, or hex.
_NUMERIC_LABEL = re.compile(r"(?:0[xX][0-9a-fA-F]*|[0-9]+)")
_IPV4_NUMBER_CHARS = re.compile(r"[0-9a-fA-FxX.]+")


class InvalidHost(ValueError):
    """A host that looks like an IPv4 number but is not one the resolver would accept."""


def parse_host_literal(host: str) -> IPAddress | None:
    """Return the address that ``host`` denotes by itself, or None when it is a name to resolve.

    ``host`` is the hostname part of a URL, without brackets. Integer, octal and hex forms of
    IPv4 addresses are read with ``socket.inet_aton``, the same routine ``getaddrinfo`` uses, so
    ``"2130706433"``, ``"0177.0.0.1"`` and ``"0x7f.1"`` are all 127.0.0.1 here, as they would be
    to the socket. A host whose last label is numeric but which ``inet_aton`` refuses
    (``"1.2.3.4.5"``, ``"999.0.0.1"``) raises ``InvalidHost`` rather than being sent to DNS.
    """
    candidate = host[:-1] if host.endswith(".") else host
    if not candidate:
        raise InvalidHost("empty host")
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        pass
    if not _NUMERIC_LABEL.fullmatch(candidate.rsplit(".", 1)[-1]):
        return None
    # inet_aton (glibc) ignores anything after whitespace; only hand it the characters it parses.
    if not _IPV4_NUMBER_CHARS.fullmatch(candidate):
        raise InvalidHost(f"{host!r} ends in a number but is not an IPv4 address")
    try:
        packed = socket.inet_aton(candidate)
    except OSError as exc:
        raise InvalidHost(f"{host!r} ends in a number but is not an IPv4 address") from exc
    return ipaddress.IPv4Address(packed)


def address_refusal(address: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """Return why the fetcher must not connect to ``address``, or None when it may.

    ``allow_loopback`` admits 127.0.0.0/8 and ::1 (only in their plain forms) so that tests can
    fetch from servers on the loopback interface; production policies never set it.
    """
    if allow_loopback and address.is_loopback:
        return None
    if isinstance(address, ipaddress.IPv4Address):
        return _ipv4_refusal(address)
    return _ipv6_refusal(address)


def _ipv4_refusal(address: ipaddress.IPv4Address) -> str | None:
    if address.is_loopback:
        return "loopback address"
    if address.is_multicast:
        return "multicast address"
    if not address.is_global:
        return "address that is not globally routable"
    return None


def _ipv6_refusal(address: ipaddress.IPv6Address) -> str | None:
    # Forms that carry an IPv4 address come first, because ``is_global`` says True for several
    # of them whatever the IPv4 address inside is.
    if address.ipv4_mapped is not None:
        # The kernel connects ::ffff:a.b.c.d to a.b.c.d; no public DNS answer needs this form.
        return "IPv4-mapped IPv6 address"
    if address in _IPV4_COMPATIBLE and address.is_global:
        # Deprecated ::a.b.c.d form (RFC 4291), also reaches an IPv4 host on some stacks.
        return "IPv4-compatible IPv6 address"
    if address.teredo is not None:
        return "Teredo address"
    if address in _NAT64_LOCAL_USE:
        return "local-use NAT64 address"
    if address in _NAT64_WELL_KNOWN:
        # On an IPv6-only network, DNS64 answers with these for every IPv4-only site, so a
        # public IPv4 address inside is allowed; a private one is how NAT64 reaches the LAN.
        embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        inner = _ipv4_refusal(embedded)
        return None if inner is None else f"NAT64 address embedding a {inner}"
    if address.sixtofour is not None:
        inner = _ipv4_refusal(address.sixtofour)
        return None if inner is None else f"6to4 address embedding a {inner}"
    if address.is_loopback:
        return "loopback address"
    if address.is_multicast:
        return "multicast address"
    if address.is_site_local or address.is_link_local:
        return "link- or site-local address"
    if not address.is_global:
        return "address that is not globally routable"
    return None
