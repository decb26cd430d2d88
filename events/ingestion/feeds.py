"""Reading RSS and Atom feeds: bytes the safe fetcher brought back in, the items they list out.

feedparser is only ever given bytes, never a URL: it would otherwise fetch by itself, with none of the
fetcher's protections (address checks, deadline, byte cap). Nothing here imports Django.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

__all__ = ["FeedError", "FeedItem", "ParsedFeed", "parse_feed"]


class FeedError(Exception):
    """The document is not a feed feedparser can read (and not merely a feed with a small flaw)."""


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed. ``guid`` identifies it across polls, even when the feed gives no id."""

    guid: str
    link: str
    title: str
    published: date | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: tuple[FeedItem, ...]


def parse_feed(body: bytes, *, base_url: str) -> ParsedFeed:
    """Parse a feed document. Relative item links are resolved against ``base_url``.

    feedparser is lenient ("bozo" feeds with an undeclared entity or a wrong encoding still parse);
    only a document with no feed and no items at all is refused.
    """
    parsed: Any = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if parsed.get("bozo") and not parsed.get("entries") and not parsed.get("feed"):
        raise FeedError(f"not a feed: {parsed.get('bozo_exception')}")
    items: list[FeedItem] = []
    for entry in parsed.get("entries", []):
        link = str(entry.get("link") or "").strip()
        if link:
            link = urljoin(base_url, link)
        title = str(entry.get("title") or "").strip()
        guid = str(entry.get("id") or "").strip() or link
        if not guid:
            # No id and no link: the title and date are all that tell this item from the next.
            seed = f"{title}|{entry.get('published') or entry.get('updated') or ''}"
            guid = "sha256:" + hashlib.sha256(seed.encode("utf-8")).hexdigest()
        items.append(FeedItem(guid=guid[:2000], link=link, title=title, published=_entry_date(entry)))
    return ParsedFeed(title=str(parsed.get("feed", {}).get("title") or "").strip(), items=tuple(items))


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None
