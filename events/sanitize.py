"""Article HTML made safe to show: nh3 (the Rust ammonia sanitiser) with our scheme checks.

The original HTML of an article is stored exactly as received (it is evidence, and a re-extraction
starts from it); whatever of it is ever rendered — in a page, the admin, an export meant for browsers —
goes through :func:`sanitize_html` first. That keeps a hostile page an editor uploaded from running
script on our origin, where the admin's session lives.

URLs: ``href`` may be ``http``, ``https`` or ``mailto``; ``src`` and ``cite`` only ``http`` or ``https``.
Relative URLs are dropped too: in an article they point at the article's own site, and on our origin
they would point at our pages (the admin included) instead.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

# ammonia's default tags, less those that only make sense with their page's own resources or forms.
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS - {"map", "area"})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items() if tag in ALLOWED_TAGS},
    "*": {"lang", "title"},
}
URL_SCHEMES: dict[str, frozenset[str]] = {
    "href": frozenset({"http", "https", "mailto"}),
    "src": frozenset({"http", "https"}),
    "cite": frozenset({"http", "https"}),
}
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so the
# check strips them before it looks.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


def url_allowed(attribute: str, value: str) -> bool:
    """True when ``value`` is an absolute URL with a scheme allowed for ``attribute``."""
    url = _IGNORED_IN_URL.sub("", value)
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES.get(attribute, frozenset()):
        return False
    return bool(parts.path) if scheme == "mailto" else bool(parts.netloc)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in URL_SCHEMES:
        return value if url_allowed(attribute, value) else None
    return value


def sanitize_html(html: str) -> str:
    """``html`` with only harmless markup left: no script, style, event handlers or unsafe URLs."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "svg", "math"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=set().union(*URL_SCHEMES.values()),
        link_rel="noopener noreferrer nofollow ugc",
        strip_comments=True,
    )
