"""Re-enqueueing articles the workers lost: queued or processing for longer than the set time."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from events.models import Article, ArticleState
from events.services.articles_claim import PROCESSING_STATES, stale_before
from events.services.queue import article_enqueue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SweepResult:
    requeued: list[int]
    failed: list[int]


def articles_sweep() -> SweepResult:
    """Re-enqueue articles left queued or stuck in a processing state longer than the set time.

    The embedded SQLite broker never redelivers a message whose worker died, and Redis only after its
    visibility timeout; a message can also be lost between our commit and the broker. The sweeper makes
    the Article rows, not the broker, decide what still needs doing. Each requeue is a conditional
    update on the state and timestamp it read, so a worker that moves the article meanwhile wins.
    An article that has used up its attempts is failed instead, with the reason.
    """
    cutoff = stale_before()
    stuck = (
        Article.objects.filter(
            Q(state_changed_at__lt=cutoff) | Q(state_changed_at__isnull=True),
            state__in=[ArticleState.QUEUED, *PROCESSING_STATES],
        )
        .order_by(F("state_changed_at").asc(nulls_first=True))
        .values_list("pk", "state", "state_changed_at", "attempts")[: settings.INGEST_SWEEP_BATCH]
    )
    requeued, failed = [], []
    with transaction.atomic():
        for pk, state, changed_at, attempts in stuck:
            now = timezone.now()
            row = Article.objects.filter(pk=pk, state=state, state_changed_at=changed_at)
            if attempts >= settings.INGEST_MAX_ATTEMPTS:
                error = f"stuck in state {state} after {attempts} attempts; retry it from the admin"
                if row.update(state=ArticleState.FAILED, state_changed_at=now, updated_at=now, error=error):
                    failed.append(pk)
            # Requeued with a fresh timestamp: the next sweep leaves it alone for another full period.
            elif row.update(state=ArticleState.QUEUED, state_changed_at=now, updated_at=now):
                requeued.append(pk)
                article_enqueue(article_id=pk)
    if requeued or failed:
        log.info("sweep: requeued %s, failed %s", requeued, failed)
    return SweepResult(requeued=requeued, failed=failed)
