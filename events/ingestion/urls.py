"""The canonical form of an article URL, used to recognise the same article reached by different links.

``canonical_url`` lowercases the scheme and host, drops the default port, the fragment, a
trailing dot on the host and ``.``/``..`` path segments, normalises percent-escapes, strips
tracking parameters (courlan's tracker list plus a few it lacks) and sorts what is left.

courlan's ``strict=True`` mode is deliberately not used: it keeps only a short allow-list of
query parameters (``id``, ``page``, ``p``, ...), so ``article.php?sid=5`` and ``article.php?sid=6``
would become the same URL and the second article would be dropped as a duplicate. For the same
reason the query is rebuilt here instead of by courlan, whose query cleaner loses parameters
without a value (``index.php?12345``) and which HTML-unescapes a URL given as a string
(``&copy=1`` becomes ``©=1``).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, quote, urlencode, urlsplit, urlunsplit

from courlan.clean import TRACKERS_RE, normalize_url

__all__ = ["canonical_url"]

_DEFAULT_PORT = {"http": 80, "https": 443}
# Tracking parameters that courlan's TRACKERS_RE does not catch (exact names, lowercase).
_EXTRA_TRACKERS = frozenset(
    {
        "_hsenc",
        "_hsmi",
        "cmpid",
        "icid",
        "ocid",
        "smid",
        "wt.mc_id",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "at_medium",
        "at_campaign",
        "__twitter_impression",
    }
)
_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def canonical_url(url: str) -> str:
    """Return the canonical form of an http(s) ``url``.

    Raises ``ValueError`` saying why when the URL is not an absolute http or https URL with a
    host (relative, ``ftp:``, ``javascript:``, ``mailto:``, credentials, bad port).
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"{url!r} is not a valid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if not scheme:
        raise ValueError(f"{url!r} is not an absolute URL: it has no scheme")
    if scheme not in _DEFAULT_PORT:
        raise ValueError(f"{url!r} has scheme {scheme!r}; only http and https URLs are articles")
    if not parts.hostname:
        raise ValueError(f"{url!r} has no host")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{url!r} carries credentials; refusing to store them")

    host = parts.hostname.rstrip(".")
    if not host:
        raise ValueError(f"{url!r} has no host")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORT[scheme]:
        netloc = f"{netloc}:{port}"

    path = _dot_segments_remove(parts.path or "/")
    # courlan lowercases the host, decodes punycode and quotes the path; query and fragment are
    # handled here (see the module docstring).
    normalized = normalize_url(SplitResult(scheme, netloc, path, "", ""), strict=False)
    base = urlsplit(normalized)
    return urlunsplit((base.scheme, base.netloc, _escapes_normalize(base.path), _query_clean(parts.query), ""))


def _query_clean(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = sorted((key, value) for key, value in pairs if not _is_tracker(key))
    # A parameter without a value stays without one: "?12345" is an article id on some sites.
    return "&".join(urlencode([(key, value)], quote_via=quote) if value else quote(key, safe="") for key, value in kept)


def _is_tracker(key: str) -> bool:
    name = key.lower()
    return name in _EXTRA_TRACKERS or bool(TRACKERS_RE.search(name))


def _escapes_normalize(path: str) -> str:
    """Uppercase percent-escapes and decode those of unreserved characters (RFC 3986, 6.2.2)."""

    def escape(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else f"%{match.group(1).upper()}"

    return _PERCENT_ESCAPE.sub(escape, path)


def _dot_segments_remove(path: str) -> str:
    """RFC 3986 section 5.2.4: resolve ``.`` and ``..`` segments; ``..`` never climbs above the root."""
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    return result if result.startswith("/") else "/" + result
