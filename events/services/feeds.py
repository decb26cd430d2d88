"""Feed writes: which feeds are due, claiming one for a poll, and polling it with a conditional GET.

A feed is polled every few minutes and usually has not changed, so each poll sends back the ETag and
Last-Modified of the last copy read (If-None-Match, If-Modified-Since). A 304 answer is "nothing new":
no body is transferred or parsed and no item is looked up. The validators are stored only after a
successful read of the feed, so a broken answer is fetched in full again next time rather than
remembered as current.

The fetch goes through the safe fetcher (address checks, deadline, byte cap); feedparser, which can
also send validators, is only ever given bytes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from events.exceptions import DomainError
from events.ingestion.feeds import FeedError, parse_feed
from events.ingestion.fetch import CacheValidators, FetchError, fetch_url
from events.models import Feed, FeedEntry
from events.services import pipeline_config
from events.services.articles_submit import article_ingest_url

log = logging.getLogger(__name__)

_ETAG_MAX = Feed._meta.get_field("etag").max_length or 0
_MODIFIED_MAX = Feed._meta.get_field("modified").max_length or 0
# Below SQLite's and PostgreSQL's limits on the parameters of one query.
_GUID_BATCH = 500


@dataclass(frozen=True)
class FeedPollResult:
    """What one poll found. ``not_modified``: the server said the feed has not changed (304)."""

    new: int
    seen: int
    error: str = ""
    not_modified: bool = False


def feeds_due() -> list[int]:
    """Active feeds whose ``poll_minutes`` have passed since they were last polled."""
    now = timezone.now()
    due = []
    for pk, polled, minutes in Feed.objects.filter(is_active=True).values_list("pk", "last_polled_at", "poll_minutes"):
        if polled is None or polled + timedelta(minutes=minutes) <= now:
            due.append(pk)
    return due


def feed_claim(*, feed_id: int) -> bool:
    """Mark a feed as being polled now, unless another worker just did (conditional update)."""
    feed = Feed.objects.filter(pk=feed_id, is_active=True).values_list("last_polled_at", "poll_minutes").first()
    if feed is None:
        return False
    polled, minutes = feed
    now = timezone.now()
    if polled is not None and polled + timedelta(minutes=minutes) > now:
        return False
    return Feed.objects.filter(pk=feed_id, last_polled_at=polled).update(last_polled_at=now) == 1


def feed_poll(*, feed_id: int) -> FeedPollResult:
    """Fetch a feed (conditionally), and queue each item not seen before as a URL article.

    An item is seen once: FeedEntry(feed, guid) is unique, so an item that a feed keeps listing, or that
    two polls read at the same time, is ingested once (the one query for known items is only a shortcut;
    ``get_or_create`` on the unique pair still decides a race between two polls).
    """
    feed = Feed.objects.get(pk=feed_id)
    validators = CacheValidators(etag=feed.etag, last_modified=feed.modified)
    try:
        fetched = fetch_url(feed.url, policy=pipeline_config.fetch_policy(), validators=validators)
        if fetched.not_modified:
            # A 304 may carry fresher validators; when it carries none, the stored ones still hold.
            updates: dict[str, object] = {"last_error": "", **_validator_fields(fetched.validators or validators)}
            Feed.objects.filter(pk=feed_id).update(**updates)
            return FeedPollResult(new=0, seen=0, not_modified=True)
        parsed = parse_feed(fetched.body, base_url=fetched.final_url)
    except (FetchError, FeedError) as exc:
        Feed.objects.filter(pk=feed_id).update(last_error=str(exc)[:2000])
        return FeedPollResult(new=0, seen=0, error=str(exc))
    new = seen = 0
    known = _guids_seen(feed, [item.guid for item in parsed.items])
    for item in parsed.items:
        if item.guid in known:
            # Most items of a feed were there last time; they cost one query per poll, not three each.
            seen += 1
            continue
        with transaction.atomic():
            entry, created = FeedEntry.objects.get_or_create(
                feed=feed, guid=item.guid, defaults={"link": item.link[:2000]}
            )
            if not created:
                seen += 1
                continue
            if not item.link:
                continue
            try:
                article, _ = article_ingest_url(url=item.link, source=feed.source, feed=feed, published=item.published)
            except DomainError as exc:
                log.info("feed %s: item %s skipped: %s", feed_id, item.guid, exc)
                continue
            entry.article = article
            entry.save(update_fields=["article"])
            new += 1
    # Stored last: a poll that dies before here leaves the old validators, so the next poll reads the
    # feed in full again and finds its items already seen.
    updates = {"last_error": "", **_validator_fields(fetched.validators)}
    if not feed.title and parsed.title:
        updates["title"] = parsed.title[:300]
    Feed.objects.filter(pk=feed_id).update(**updates)
    return FeedPollResult(new=new, seen=seen)


def _guids_seen(feed: Feed, guids: list[str]) -> set[str]:
    seen: set[str] = set()
    for start in range(0, len(guids), _GUID_BATCH):
        batch = guids[start : start + _GUID_BATCH]
        seen.update(FeedEntry.objects.filter(feed=feed, guid__in=batch).values_list("guid", flat=True))
    return seen


def _validator_fields(validators: CacheValidators) -> dict[str, str]:
    # A value too long for its column is dropped, not cut: a cut ETag would never match again.
    return {
        "etag": validators.etag if len(validators.etag) <= _ETAG_MAX else "",
        "modified": validators.last_modified if len(validators.last_modified) <= _MODIFIED_MAX else "",
    }
