"""Every article says what became of it (issue 17, item 1): one size limit for every entry point, a
timed-out extraction fails with its reason (never "done, 0 events"), an article without events says
why (its language, no dated statement, no diplomatic event, only background), a reprocess summary
says what it re-dated, extracted events join their topics at once, and coverage counts it all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Article, ArticleState, Event, OutcomeReason
from events.services import article_enqueue, article_submit_text
from events.services.articles_outcome import no_events_reason
from tests.ingestion.test_tasks_process import SHOOTDOWN
from timeline.celery import app

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks: Any) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    """Run ``action``, then the tasks it enqueued on commit, eagerly."""

    def runner(action: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    app.conf.task_always_eager = True
    yield runner
    app.conf.task_always_eager = False


FRENCH = (
    "Le ministre des Affaires étrangères s'est rendu à Pékin lundi pour deux jours d'entretiens avec "
    "ses homologues. Les deux pays ont signé un accord commercial mardi, selon le ministère."
)
CHINESE = "外交部长周一抵达北京，与中方官员举行了为期两天的会谈。双方周二签署了一项贸易协议。"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("Trade between the two countries has grown steadily.", OutcomeReason.NO_DATES, id="no-dates"),
        pytest.param(
            "On Monday the weather in the capital was mild and markets rose.", OutcomeReason.NO_EVENTS, id="no-events"
        ),
        pytest.param(
            "Relations soured in 2019, and visits have been rare ever since, analysts say.",
            OutcomeReason.BACKGROUND,
            id="background",
        ),
    ],
)
def test_it_says_why_a_text_has_no_events(text: str, reason: str) -> None:
    assert no_events_reason(text)[0] == reason


@pytest.mark.parametrize(("text", "code", "name"), [(FRENCH, "fr", "French"), (CHINESE, "zh", "Chinese")])
def test_an_article_in_another_language_is_done_with_its_language_named(
    run: Any, text: str, code: str, name: str
) -> None:
    article = run(lambda: _queued(text))

    article.refresh_from_db()
    assert article.state == ArticleState.DONE
    assert (article.language, article.outcome_reason) == (code, OutcomeReason.LANGUAGE)
    assert f"language {name} ({code}) is not supported yet" in article.outcome_detail
    assert not Event.objects.exists()


def test_the_api_and_the_admin_show_why_an_article_has_no_events(run: Any, admin_client: Client) -> None:
    article = run(lambda: _queued(FRENCH))
    from django.contrib.auth import get_user_model
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(get_user_model().objects.get(is_superuser=True))
    body = client.get(f"/api/v1/articles/{article.pk}/").json()
    assert (body["outcome_reason"], body["language"]) == ("language", "fr")
    html = admin_client.get(reverse("admin:events_article_change", args=[article.pk])).content.decode()
    assert "Language not supported yet" in html and "French" in html


def _queued(text: str) -> Article:
    article = article_submit_text(text=text, published=date(2024, 5, 6))
    article_enqueue(article_id=article.pk)
    return article


def test_a_time_limit_swallowed_inside_the_engine_fails_the_article_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    from events.extraction.types import ArticleExtraction
    from events.services import articles_process
    from events.services.articles_claim import RetryableIngestionError

    settings.INGEST_MAX_ATTEMPTS = 1
    clock = iter([0.0, 500.0, 500.0, 500.0])
    monkeypatch.setattr(articles_process.time, "monotonic", lambda: next(clock))

    def engine_that_caught_the_limit(article: Article, original: str, is_html: bool | None) -> ArticleExtraction:
        # What extract_parsed returns when Celery's SoftTimeLimitExceeded fires inside it: no events.
        return ArticleExtraction("", "", None, "unknown", "", original, [], "test")

    monkeypatch.setattr(articles_process, "_extract", engine_that_caught_the_limit)
    article = article_submit_text(text=SHOOTDOWN, published=date(2023, 2, 5))

    result = articles_process.article_process(article_id=article.pk, time_limit_s=120, in_worker=True)

    article.refresh_from_db()
    assert result == "failed"
    assert article.state == ArticleState.FAILED
    assert article.outcome_reason == OutcomeReason.TIME_LIMIT
    assert "time limit of 120 s" in article.error
    # Below the attempt limit it goes back to the queue to be tried again instead.
    settings.INGEST_MAX_ATTEMPTS = 5
    clock = iter([0.0, 500.0, 500.0, 500.0])
    second = article_submit_text(text=SHOOTDOWN.replace("Saturday", "Sunday"), published=date(2023, 2, 5))
    with pytest.raises(RetryableIngestionError):
        articles_process.article_process(article_id=second.pk, time_limit_s=120, in_worker=True)
    second.refresh_from_db()
    assert second.state == ArticleState.QUEUED and "time limit" in second.error


def test_one_size_limit_for_paste_api_and_bulk(settings: Any, admin_client: Client) -> None:
    from events.exceptions import DomainError
    from events.services import article_submit_html

    settings.ARTICLE_MAX_CHARS = 100
    long_text = "Officials met on Monday. " * 10
    with pytest.raises(DomainError, match="size limit is 100 characters"):
        article_submit_text(text=long_text)
    with pytest.raises(DomainError, match="size limit is 100 characters"):
        article_submit_html(html=f"<p>{long_text}</p>".encode())
    response = admin_client.post(reverse("admin:events_article_add"), {"text": long_text})
    assert "the size limit is 100" in response.content.decode()
    assert not Article.objects.exists()


def test_the_form_and_the_readme_state_the_limit(admin_client: Client, settings: Any) -> None:
    from pathlib import Path

    html = admin_client.get(reverse("admin:events_article_add")).content.decode()
    assert f"At most {settings.ARTICLE_MAX_CHARS:,} characters" in html
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert "ARTICLE_MAX_CHARS" in readme and "every entry point" in readme


def test_the_coverage_counts_articles_by_outcome_per_source_and_week(run: Any) -> None:
    from rest_framework.test import APIClient

    from tests.factories import SourceFactory

    wire = SourceFactory(name="Wire")
    found = run(lambda: _queued(SHOOTDOWN))
    french = run(lambda: _queued(FRENCH))
    Article.objects.filter(pk__in=[found.pk, french.pk]).update(source=wire)
    Article.objects.filter(pk=french.pk).update(published=date(2024, 5, 8))
    failed = article_submit_text(text="Officials met in the capital.", published=date(2024, 5, 7))
    Article.objects.filter(pk=failed.pk).update(state="failed", outcome_reason="time_limit")

    body = APIClient().get("/api/v1/coverage/").json()

    assert body["totals"]["events_found"] == 1
    assert body["totals"]["no_events"] == {"language": 1}
    assert body["totals"]["failed"] == {"time_limit": 1}
    wire_row = next(row for row in body["by_source"] if row["key"] == "Wire")
    assert (wire_row["events_found"], wire_row["no_events"], wire_row["total"]) == (1, {"language": 1}, 2)
    week = next(row for row in body["by_week"] if row["key"] == "2024-05-06")
    assert week["no_events"] == {"language": 1} and week["failed"] == {"time_limit": 1}
    assert APIClient().get("/api/v1/coverage/?source=x").status_code == 400


def test_the_admin_coverage_page_lists_the_counts(run: Any, admin_client: Client) -> None:
    run(lambda: _queued(FRENCH))
    html = admin_client.get(reverse("admin:events_article_coverage")).content.decode()
    assert "Per source" in html and "1 language" in html
    assert (
        reverse("admin:events_article_coverage")
        in admin_client.get(reverse("admin:events_article_changelist")).content.decode()
    )


def test_a_reprocess_summary_says_what_it_re_dated() -> None:
    from django.utils import timezone

    from events.services.articles_claim import Claim
    from events.services.articles_store import article_store_extraction
    from tests.ingestion.test_store_extraction import extraction, proposal, store

    article = store(SHOOTDOWN, proposal(SHOOTDOWN, edtf="2023-02-04"))
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(state=ArticleState.EXTRACTING, state_changed_at=now)
    claim = Claim(article.pk, ArticleState.EXTRACTING, now)

    summary = article_store_extraction(
        claim=claim, extraction=extraction(SHOOTDOWN, proposal(SHOOTDOWN, edtf="2023-02-05"))
    )

    assert "1 re-dated" in summary and "0 skipped" in summary
    assert Event.objects.get().date_edtf == "2023-02-05"


def test_an_extracted_event_joins_the_topics_whose_rules_it_matches_at_once() -> None:
    from tests.factories import TopicFactory
    from tests.ingestion.test_store_extraction import proposal, store

    balloons = TopicFactory(slug="balloons", rule_keywords="balloon")
    elsewhere = TopicFactory(slug="trade", rule_keywords="tariff")

    store(SHOOTDOWN, proposal(SHOOTDOWN))

    event = Event.objects.get()
    assert list(event.topics.all()) == [balloons]
    assert not elsewhere.memberships.exists()


def test_a_short_english_sentence_is_not_refused_on_a_weak_guess() -> None:
    from events.ingestion.language import language_supported, text_language

    code, probability = text_language("The ministers met in Vienna on Monday.")
    assert language_supported(code, probability)
    assert not language_supported(*text_language(FRENCH))
