"""Feed polling: items fetched with the safe fetcher, each ingested once however often it is listed."""

from __future__ import annotations

import pytest

from events.ingestion.feeds import parse_feed
from events.models import Article, Feed, FeedEntry
from events.services.feeds import feed_claim, feed_poll, feeds_due
from tests.ingestion.conftest import LoopbackServer, Reply

pytestmark = pytest.mark.django_db

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire: Asia</title>
<item><title>Balloon shot down</title><link>/story/1?utm_source=rss</link><guid>story-1</guid>
<pubDate>Sun, 05 Feb 2023 10:00:00 GMT</pubDate></item>
<item><title>Blinken postpones trip</title><link>/story/2</link><guid>story-2</guid>
<pubDate>Sat, 04 Feb 2023 08:00:00 GMT</pubDate></item>
</channel></rss>"""


@pytest.fixture
def feed(http_server: LoopbackServer, loopback_fetch: None, monkeypatch: pytest.MonkeyPatch) -> Feed:
    from events import tasks

    monkeypatch.setattr(tasks.process_article, "delay", lambda article_id: None)
    http_server.routes["/rss"] = Reply(headers={"Content-Type": "application/rss+xml"}, body=RSS)
    return Feed.objects.create(url=http_server.url("/rss"))


def test_it_reads_items_with_absolute_links_and_dates() -> None:
    parsed = parse_feed(RSS, base_url="https://wire.example/rss")

    assert parsed.title == "Wire: Asia"
    assert [(i.guid, i.link, str(i.published)) for i in parsed.items] == [
        ("story-1", "https://wire.example/story/1?utm_source=rss", "2023-02-05"),
        ("story-2", "https://wire.example/story/2", "2023-02-04"),
    ]


def test_it_queues_each_new_item_as_a_url_article(feed: Feed, http_server: LoopbackServer) -> None:
    result = feed_poll(feed_id=feed.pk)

    assert (result.new, result.seen) == (2, 0)
    first = Article.objects.get(url=http_server.url("/story/1"))
    assert (first.state, first.feed, str(first.published), first.published_source) == (
        "queued",
        feed,
        "2023-02-05",
        "feed",
    )
    feed.refresh_from_db()
    assert feed.title == "Wire: Asia"


def test_an_item_seen_before_is_not_ingested_again(feed: Feed) -> None:
    feed_poll(feed_id=feed.pk)
    result = feed_poll(feed_id=feed.pk)

    assert (result.new, result.seen) == (0, 2)
    assert Article.objects.count() == 2 and FeedEntry.objects.count() == 2


def test_a_broken_feed_is_recorded_on_the_feed(feed: Feed, http_server: LoopbackServer) -> None:
    http_server.routes["/rss"] = Reply(500, {"Content-Type": "text/plain"}, b"oops")

    result = feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert "500" in result.error and "500" in feed.last_error
    assert not Article.objects.exists()


def test_a_feed_is_due_after_its_poll_minutes_and_claimed_once(feed: Feed) -> None:
    assert feeds_due() == [feed.pk]

    assert feed_claim(feed_id=feed.pk) is True
    assert feed_claim(feed_id=feed.pk) is False
    assert feeds_due() == []
