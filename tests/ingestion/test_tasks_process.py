"""process_article and reprocess_article in eager mode: queued -> fetching -> extracting -> done or failed.

Pages come from a loopback HTTP server that only the tests' fetch policy (``loopback_fetch``) lets the fetcher
reach. The extraction engine is the real one (spaCy loads once per test process).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from django.db import OperationalError

from events import tasks
from events.models import Article, ArticleState, Event
from events.services import (
    article_enqueue,
    article_ingest_url,
    article_retry,
    article_set_published,
    article_submit_text,
    event_update,
)
from tests.ingestion.conftest import LoopbackServer, Reply
from timeline.celery import app

pytestmark = pytest.mark.django_db

SHOOTDOWN = (
    "WASHINGTON (Wire) — A U.S. fighter jet shot down a Chinese surveillance balloon off the coast of "
    "South Carolina on Saturday, the Pentagon said.\n\n"
    "The balloon had drifted across the country for days before it was downed over the Atlantic Ocean."
)
PAGE = f"""<!doctype html><html><head><title>U.S. shoots down Chinese balloon</title>
<meta property="article:published_time" content="2023-02-05T10:00:00Z"></head>
<body><article><h1>U.S. shoots down Chinese balloon</h1>
{"".join(f"<p>{paragraph}</p>" for paragraph in SHOOTDOWN.split(chr(10) + chr(10)))}
</article></body></html>""".encode()


@pytest.fixture
def eager(loopback_fetch: None) -> Iterator[None]:
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def run(django_capture_on_commit_callbacks: Any, eager: None) -> Callable[[Callable[[], Any]], Any]:
    """Run ``action`` and then the tasks it enqueued on commit (eagerly, with their own enqueues)."""

    def runner(action: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return runner


def test_it_takes_pasted_text_from_queued_to_done(run: Any) -> None:
    def submit() -> Article:
        article = article_submit_text(text=SHOOTDOWN, published=date(2023, 2, 5))
        article_enqueue(article_id=article.pk)
        return article

    article = run(submit)

    article.refresh_from_db()
    assert (article.state, article.error, article.attempts) == (ArticleState.DONE, "", 1)
    event = Event.objects.get(event_type="military_action")
    assert event.date_edtf == "2023-02-04"
    assert event.citations.get().article == article


def test_it_fetches_a_url_and_keeps_the_page(run: Any, http_server: LoopbackServer) -> None:
    http_server.routes["/balloon"] = Reply(body=PAGE)

    article, created = run(lambda: article_ingest_url(url=http_server.url("/balloon?utm_source=x")))

    article.refresh_from_db()
    assert created and article.state == ArticleState.DONE
    assert article.url == http_server.url("/balloon")
    assert "<article>" in article.original  # the page as received
    assert article.title == "U.S. shoots down Chinese balloon"
    assert article.source is not None and article.source.domain == "127.0.0.1"
    assert Event.objects.filter(event_type="military_action", date_edtf="2023-02-04").count() == 1


def test_it_fails_a_missing_page_at_once_and_keeps_the_error(run: Any, http_server: LoopbackServer) -> None:
    article, _ = run(lambda: article_ingest_url(url=http_server.url("/gone")))

    article.refresh_from_db()
    assert (article.state, article.attempts) == (ArticleState.FAILED, 1)
    assert "404" in article.error
    assert len(http_server.requests) == 1  # a 404 is not retried


def test_it_retries_a_server_error_then_gives_up(run: Any, http_server: LoopbackServer, settings: Any) -> None:
    http_server.routes["/busy"] = Reply(503, {"Content-Type": "text/plain"}, b"busy")

    article, _ = run(lambda: article_ingest_url(url=http_server.url("/busy")))

    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert article.attempts == settings.INGEST_MAX_ATTEMPTS == len(http_server.requests)
    assert "503" in article.error and "gave up" in article.error


def test_it_succeeds_when_the_server_error_passes(run: Any, http_server: LoopbackServer) -> None:
    answers = iter([Reply(503, {"Content-Type": "text/plain"}, b"busy"), Reply(body=PAGE)])

    def flaky(_: BaseHTTPRequestHandler) -> Reply:
        return next(answers)

    http_server.routes["/flaky"] = flaky

    article, _ = run(lambda: article_ingest_url(url=http_server.url("/flaky")))

    article.refresh_from_db()
    assert (article.state, article.attempts, article.error) == (ArticleState.DONE, 2, "")


def test_a_second_delivery_of_the_same_message_does_nothing(run: Any) -> None:
    article = article_submit_text(text=SHOOTDOWN, published=date(2023, 2, 5))
    tasks.process_article.apply(args=[article.pk])

    assert tasks.process_article.apply(args=[article.pk]).get() == "not claimed"
    article.refresh_from_db()
    assert article.attempts == 1
    assert Event.objects.get().citations.count() == 1


def test_a_locked_database_is_retried(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from events.services import articles_process

    real = articles_process.article_store_extraction
    calls: list[int] = []

    def locked_once(**kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real(**kwargs)

    monkeypatch.setattr(articles_process, "article_store_extraction", locked_once)
    article = article_submit_text(text=SHOOTDOWN, published=date(2023, 2, 5))
    run(lambda: article_enqueue(article_id=article.pk))

    article.refresh_from_db()
    assert (article.state, article.attempts, len(calls)) == (ArticleState.DONE, 2, 2)


def test_an_unexpected_error_fails_one_article_and_not_the_next(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from events.services import articles_process

    real = articles_process._extract

    def broken_on_first(article: Article, original: str, is_html: bool | None) -> Any:
        if "Pentagon" in original:
            raise ValueError("the parser choked")
        return real(article, original, is_html)

    monkeypatch.setattr(articles_process, "_extract", broken_on_first)
    bad = article_submit_text(text=SHOOTDOWN, published=date(2023, 2, 5))
    good = article_submit_text(text=SHOOTDOWN.replace("the Pentagon", "officials"), published=date(2023, 2, 5))
    run(lambda: [article_enqueue(article_id=bad.pk), article_enqueue(article_id=good.pk)])

    bad.refresh_from_db()
    good.refresh_from_db()
    assert (bad.state, bad.error) == (ArticleState.FAILED, "ValueError: the parser choked")
    assert bad.original == SHOOTDOWN
    assert good.state == ArticleState.DONE


def test_the_retry_action_processes_a_failed_article_again(run: Any, http_server: LoopbackServer) -> None:
    article, _ = run(lambda: article_ingest_url(url=http_server.url("/later")))
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    http_server.routes["/later"] = Reply(body=PAGE)

    assert run(lambda: article_retry(article_ids=[article.pk])) == [article.pk]

    article.refresh_from_db()
    assert (article.state, article.error) == (ArticleState.DONE, "")


def test_a_corrected_publication_date_redates_its_events_but_not_locked_ones(run: Any) -> None:
    visit = "Antony Blinken arrived in Beijing on Sunday for two days of talks with Chinese officials."

    def submit() -> tuple[Article, Article]:
        shot = article_submit_text(text=SHOOTDOWN, published=date(2023, 2, 5))
        trip = article_submit_text(text=visit, published=date(2023, 2, 5))
        article_enqueue(article_id=shot.pk)
        article_enqueue(article_id=trip.pk)
        return shot, trip

    shot, trip = run(submit)
    balloon = Event.objects.get(event_type="military_action")
    arrival = Event.objects.get(citations__article=trip)
    assert (balloon.date_edtf, arrival.date_edtf) == ("2023-02-04", "2023-02-05")
    event_update(event=arrival, date_edtf="2023-02-05")  # an editor confirms this one: locked

    def correct() -> None:
        for article in (shot, trip):
            # The service itself queues the re-extraction of a processed article.
            article_set_published(article=article, published=date(2023, 2, 13))

    run(correct)

    balloon.refresh_from_db()
    arrival.refresh_from_db()
    assert balloon.date_edtf == "2023-02-11"  # "Saturday" before Monday 13 February
    assert arrival.date_edtf == "2023-02-05"
    assert Event.objects.count() == 2 and balloon.citations.count() == 1
