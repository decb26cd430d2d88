"""Celery tasks of the ingestion pipeline. Thin: JSON arguments (ids), one service call each.

The Article row is the record of truth; a message only says "look at article N", so a task that runs
twice, late, or after its article was swept does no harm (the service's claim decides who works).

Delivery: ``acks_late`` with ``reject_on_worker_lost`` puts a message back when the worker process
running it dies, and the sweeper (``sweep_articles``, every minute from django-celery-beat) catches
what a broker never redelivers. Retries: only for errors that can pass — the network, a 5xx or 429, a
locked database — with exponential backoff, full jitter and a cap; everything else fails the article
at once, with its error on the row, to be retried from the admin.
"""

from __future__ import annotations

from typing import Any

from celery import Task, shared_task
from django.conf import settings
from django.db import OperationalError

from events.services import articles_process, articles_sweep, feeds, outcomes
from events.services.articles_claim import RetryableIngestionError

RETRYABLE = (RetryableIngestionError, OperationalError)
_DELIVERY: dict[str, Any] = {"acks_late": True, "reject_on_worker_lost": True}
_RETRY: dict[str, Any] = {
    "autoretry_for": RETRYABLE,
    "retry_backoff": 5,  # 5 s, 10 s, 20 s, ... (jittered down to a random share of that)
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": settings.INGEST_MAX_ATTEMPTS,
}


# A task run eagerly (CELERY_TASK_ALWAYS_EAGER, ``apply``) runs in its caller, where Celery's soft time
# limit does not fire: the service then arms the same limit itself and fails a timed-out article at once.
@shared_task(bind=True, **_DELIVERY, **_RETRY)
def process_article(self: Task, article_id: int) -> str:
    """Fetch (if a URL), clean, extract and store one article."""
    return articles_process.article_process(
        article_id=article_id,
        time_limit_s=settings.CELERY_TASK_SOFT_TIME_LIMIT,
        in_worker=not self.request.is_eager,
    )


@shared_task(bind=True, **_DELIVERY, **_RETRY)
def reprocess_article(self: Task, article_id: int) -> str:
    """Extract a done article again (extractor upgrade, corrected publication date); editors' fields stay."""
    return articles_process.article_process(
        article_id=article_id,
        reprocess=True,
        time_limit_s=settings.CELERY_TASK_SOFT_TIME_LIMIT,
        in_worker=not self.request.is_eager,
    )


@shared_task(**_DELIVERY)
def sweep_articles() -> dict[str, list[int]]:
    """Re-enqueue articles stuck queued or processing longer than INGEST_STUCK_AFTER_SECONDS."""
    result = articles_sweep.articles_sweep()
    return {"requeued": result.requeued, "failed": result.failed}


@shared_task(**_DELIVERY)
def poll_feeds() -> list[int]:
    """Send one ``poll_feed`` per active feed that is due (each feed's ``poll_minutes``)."""
    due = feeds.feeds_due()
    for feed_id in due:
        poll_feed.delay(feed_id)
    return due


@shared_task(**_DELIVERY, **{**_RETRY, "max_retries": 3})
def poll_feed(feed_id: int) -> dict[str, Any]:
    """Poll one feed; items seen before are skipped, new ones are queued as articles."""
    if not feeds.feed_claim(feed_id=feed_id):
        return {"skipped": "polled recently or inactive"}
    result = feeds.feed_poll(feed_id=feed_id)
    return {"new": result.new, "seen": result.seen, "not_modified": result.not_modified, "error": result.error}


@shared_task(**_DELIVERY)
def flag_outcomes_due() -> int:
    """Daily: put events whose date passed with no outcome reported in the editors' queue."""
    from django.utils import timezone

    return outcomes.events_flag_outcome_due(today=timezone.localdate())
