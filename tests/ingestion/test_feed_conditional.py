"""Feed polls are conditional GETs: validators stored from a good read, sent back, and a 304 is "nothing new"."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.ingestion.fetch import CacheValidators, HTTPStatusError, fetch_url
from events.models import Article, Feed, FeedEntry
from events.services.feeds import feed_poll
from tests.factories import make_user
from tests.ingestion.conftest import LoopbackServer, Reply, loopback_policy

pytestmark = pytest.mark.django_db

ETAG = '"rss-v1"'
LAST_MODIFIED = "Sun, 05 Feb 2023 10:00:00 GMT"
RSS_HEAD = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire: Asia</title>
<item><title>Balloon shot down</title><link>/story/1</link><guid>story-1</guid></item>
<item><title>Blinken postpones trip</title><link>/story/2</link><guid>story-2</guid></item>
"""
RSS = RSS_HEAD + b"</channel></rss>"
RSS_WITH_THIRD = (
    RSS_HEAD + b"<item><title>Talks resume</title><link>/story/3</link><guid>story-3</guid></item></channel></rss>"
)


class CachingFeed:
    """A feed route that answers 304 when the request's validators match the current version."""

    def __init__(self, body: bytes = RSS, etag: str = ETAG, last_modified: str = LAST_MODIFIED) -> None:
        self.body = body
        self.etag = etag
        self.last_modified = last_modified
        self.answers: list[int] = []

    def __call__(self, handler: BaseHTTPRequestHandler) -> Reply:
        headers = {"ETag": self.etag} if self.etag else {}
        if self.last_modified:
            headers["Last-Modified"] = self.last_modified
        matches = bool(self.etag) and handler.headers.get("If-None-Match") == self.etag
        if matches:
            self.answers.append(304)
            return Reply(304, headers, b"")
        self.answers.append(200)
        return Reply(200, {"Content-Type": "application/rss+xml", **headers}, self.body)


@pytest.fixture
def route(http_server: LoopbackServer) -> CachingFeed:
    caching = CachingFeed()
    http_server.routes["/rss"] = caching
    return caching


@pytest.fixture
def feed(http_server: LoopbackServer, loopback_fetch: None, monkeypatch: pytest.MonkeyPatch) -> Feed:
    from events import tasks

    monkeypatch.setattr(tasks.process_article, "delay", lambda article_id: None)
    return Feed.objects.create(url=http_server.url("/rss"))


def _conditional_headers(http_server: LoopbackServer) -> list[tuple[str | None, str | None]]:
    return [(headers.get("If-None-Match"), headers.get("If-Modified-Since")) for _, headers in http_server.requests]


def test_the_first_poll_is_unconditional_and_stores_the_validators(
    feed: Feed, route: CachingFeed, http_server: LoopbackServer
) -> None:
    result = feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert (result.new, result.not_modified) == (2, False)
    assert _conditional_headers(http_server) == [(None, None)]
    assert (feed.etag, feed.modified) == (ETAG, LAST_MODIFIED)


def test_an_unchanged_feed_answers_304_and_nothing_is_looked_up(
    feed: Feed, route: CachingFeed, http_server: LoopbackServer
) -> None:
    feed_poll(feed_id=feed.pk)

    with CaptureQueriesContext(connection) as queries:
        result = feed_poll(feed_id=feed.pk)

    assert (result.new, result.seen, result.not_modified, result.error) == (0, 0, True, "")
    assert route.answers == [200, 304]
    assert _conditional_headers(http_server)[1] == (ETAG, LAST_MODIFIED)
    assert not any("feedentry" in query["sql"] for query in queries.captured_queries)
    assert Article.objects.count() == 2 and FeedEntry.objects.count() == 2
    feed.refresh_from_db()
    assert (feed.etag, feed.modified) == (ETAG, LAST_MODIFIED)


def test_a_changed_feed_is_read_in_full_and_its_new_validators_replace_the_old(
    feed: Feed, route: CachingFeed, http_server: LoopbackServer
) -> None:
    feed_poll(feed_id=feed.pk)
    route.body, route.etag = RSS_WITH_THIRD, '"rss-v2"'

    result = feed_poll(feed_id=feed.pk)
    again = feed_poll(feed_id=feed.pk)

    assert (result.new, result.seen, result.not_modified) == (1, 2, False)
    assert again.not_modified
    assert route.answers == [200, 200, 304]
    assert [inm for inm, _ in _conditional_headers(http_server)] == [None, ETAG, '"rss-v2"']
    feed.refresh_from_db()
    assert feed.etag == '"rss-v2"'


def test_a_server_without_validators_is_read_in_full_every_time(
    feed: Feed, route: CachingFeed, http_server: LoopbackServer
) -> None:
    route.etag = route.last_modified = ""

    feed_poll(feed_id=feed.pk)
    result = feed_poll(feed_id=feed.pk)

    assert (result.new, result.seen, result.not_modified) == (0, 2, False)
    assert _conditional_headers(http_server) == [(None, None), (None, None)]


def test_only_last_modified_is_sent_back_when_that_is_all_the_server_gave(
    feed: Feed, route: CachingFeed, http_server: LoopbackServer
) -> None:
    route.etag = ""

    feed_poll(feed_id=feed.pk)
    feed_poll(feed_id=feed.pk)

    assert _conditional_headers(http_server)[1] == (None, LAST_MODIFIED)


def test_validators_of_an_answer_that_is_not_a_feed_are_not_stored(
    feed: Feed, route: CachingFeed, http_server: LoopbackServer
) -> None:
    route.body = b"\x00\x01 not a feed at all"

    broken = feed_poll(feed_id=feed.pk)
    route.body = RSS
    fixed = feed_poll(feed_id=feed.pk)

    assert broken.error and not broken.not_modified
    # Had the broken copy's validators been kept, the fixed feed would have been answered 304, unread.
    assert _conditional_headers(http_server)[1] == (None, None)
    assert (fixed.new, fixed.not_modified) == (2, False)


def test_a_304_to_an_unconditional_request_is_an_error(http_server: LoopbackServer) -> None:
    http_server.routes["/odd"] = Reply(304, {}, b"")

    with pytest.raises(HTTPStatusError):
        fetch_url(http_server.url("/odd"), policy=loopback_policy(http_server.port))


def test_validators_are_sent_on_every_hop_of_a_redirect(http_server: LoopbackServer) -> None:
    http_server.routes["/old"] = Reply(301, {"Location": "/rss"}, b"")
    http_server.routes["/rss"] = CachingFeed()

    result = fetch_url(
        http_server.url("/old"), policy=loopback_policy(http_server.port), validators=CacheValidators(etag=ETAG)
    )

    assert result.not_modified and result.body == b"" and result.final_url == http_server.url("/rss")
    assert [headers.get("If-None-Match") for _, headers in http_server.requests] == [ETAG, ETAG]


@pytest.mark.parametrize(
    "value",
    [
        pytest.param('"a"\r\nX-Injected: 1', id="header-injection"),
        pytest.param('"caf\u00e9"', id="non-ascii"),
        pytest.param('"' + "x" * 300 + '"', id="too-long"),
        pytest.param(" ", id="blank"),
    ],
)
def test_a_validator_that_could_not_be_sent_safely_is_dropped(value: str) -> None:
    validators = CacheValidators(etag=value, last_modified=value)

    assert not validators
    assert validators.request_headers() == {}


def test_a_weak_etag_is_kept_as_given() -> None:
    assert CacheValidators(etag='W/"v1"').request_headers() == {"If-None-Match": 'W/"v1"'}


def _admin_change(feed: Feed, **changes: Any) -> int:
    client = Client()
    client.force_login(make_user("root", superuser=True))
    data = {"url": feed.url, "title": feed.title, "source": "", "is_active": "on", "poll_minutes": feed.poll_minutes}
    data.update(changes)
    response = client.post(reverse("admin:events_feed_change", args=[feed.pk]), data)
    return int(response.status_code)


def test_an_editor_moving_a_feed_to_a_new_url_clears_its_validators() -> None:
    feed = Feed.objects.create(url="https://wire.example/rss", etag=ETAG, modified=LAST_MODIFIED)

    assert _admin_change(feed, url="https://wire.example/atom") == 302

    feed.refresh_from_db()
    assert (feed.url, feed.etag, feed.modified) == ("https://wire.example/atom", "", "")


def test_an_editor_changing_anything_else_keeps_the_validators() -> None:
    feed = Feed.objects.create(url="https://wire.example/rss", etag=ETAG, modified=LAST_MODIFIED)

    assert _admin_change(feed, title="Wire", poll_minutes=60) == 302

    feed.refresh_from_db()
    assert (feed.title, feed.etag, feed.modified) == ("Wire", ETAG, LAST_MODIFIED)


def _rss(count: int) -> bytes:
    items = "".join(f"<item><title>S{i}</title><link>/story/{i}</link><guid>g{i}</guid></item>" for i in range(count))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'.encode()


def test_a_full_read_of_items_all_seen_costs_the_same_queries_however_many_there_are(
    feed: Feed, route: CachingFeed
) -> None:
    # A server that ignores validators: every poll is a full read.
    route.etag = route.last_modified = ""
    counts = []
    for size in (3, 60):
        route.body = _rss(size)
        feed_poll(feed_id=feed.pk)  # the new ones are stored
        with CaptureQueriesContext(connection) as queries:
            result = feed_poll(feed_id=feed.pk)
        assert (result.new, result.seen) == (0, size)
        counts.append(len(queries.captured_queries))

    assert counts[0] == counts[1]
