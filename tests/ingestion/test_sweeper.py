"""The sweeper: articles left queued or stuck processing are sent again; worn-out ones are failed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from events.models import Article, ArticleState
from events.services.articles_claim import article_claim
from events.services.articles_sweep import articles_sweep
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def aged(state: str, seconds: int, attempts: int = 1) -> Article:
    article = ArticleFactory(state=state, attempts=attempts)
    Article.objects.filter(pk=article.pk).update(state_changed_at=timezone.now() - timedelta(seconds=seconds))
    return article


def test_it_requeues_articles_stuck_in_every_unfinished_state(
    settings: Any, sent: list[int], django_capture_on_commit_callbacks: Any
) -> None:
    late = settings.INGEST_STUCK_AFTER_SECONDS + 60
    stuck = [aged(state, late) for state in ("queued", "fetching", "extracting")]

    with django_capture_on_commit_callbacks(execute=True):
        result = articles_sweep()

    assert sorted(result.requeued) == sorted(sent) == sorted(a.pk for a in stuck)
    assert set(Article.objects.values_list("state", flat=True)) == {ArticleState.QUEUED}


def test_it_leaves_recent_and_finished_articles_alone(settings: Any, sent: list[int]) -> None:
    aged("fetching", 30)
    aged("done", settings.INGEST_STUCK_AFTER_SECONDS * 2)
    aged("failed", settings.INGEST_STUCK_AFTER_SECONDS * 2)

    assert articles_sweep().requeued == []


def test_it_fails_an_article_that_used_up_its_attempts(settings: Any, sent: list[int]) -> None:
    article = aged("extracting", settings.INGEST_STUCK_AFTER_SECONDS + 60, attempts=settings.INGEST_MAX_ATTEMPTS)

    assert articles_sweep().failed == [article.pk]
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert "stuck in state extracting" in article.error
    assert article.original  # kept, to be retried from the admin


def test_a_requeued_article_waits_a_full_period_before_the_next_sweep(settings: Any, sent: list[int]) -> None:
    aged("queued", settings.INGEST_STUCK_AFTER_SECONDS + 60)

    assert len(articles_sweep().requeued) == 1
    assert articles_sweep().requeued == []


def test_a_worker_can_claim_an_article_whose_worker_died(settings: Any) -> None:
    stuck = aged("extracting", settings.INGEST_STUCK_AFTER_SECONDS + 60)
    busy = aged("extracting", 5)

    assert article_claim(article_id=stuck.pk, to_state="extracting") is not None
    assert article_claim(article_id=busy.pk, to_state="extracting") is None


def test_two_claims_on_one_article_give_it_to_one_worker() -> None:
    article = ArticleFactory(state="queued", state_changed_at=timezone.now())

    first = article_claim(article_id=article.pk, to_state="extracting")
    second = article_claim(article_id=article.pk, to_state="extracting")

    assert first is not None and second is None
