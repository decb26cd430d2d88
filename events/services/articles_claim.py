"""Claiming an article for processing, and moving a claimed article on.

The Article row is the record of truth for where an article is (queued, fetching, extracting, done,
failed); the broker only carries the signal "look at article N". So every step:

* claims the article with one conditional ``UPDATE ... WHERE state IN (...)`` and checks that exactly
  one row changed (as healthchecks claims its pings): two workers handed the same article (a redelivered
  message, a sweep, a double click on "retry") never both process it;
* remembers the ``state_changed_at`` its claim wrote and makes every later write conditional on it (a
  fencing token): a worker that was presumed dead and swept, but wakes up, cannot overwrite the work of
  the worker that took over.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from events.models import Article, ArticleState

log = logging.getLogger(__name__)

PROCESSING_STATES = (ArticleState.FETCHING, ArticleState.EXTRACTING)


class RetryableIngestionError(Exception):
    """A step failed in a way a later attempt can get past (network, 5xx, 429, deadline).

    The article has already been put back in the queue when this is raised; the task retries it.
    """


@dataclass
class Claim:
    """An article this worker holds; ``token`` is the ``state_changed_at`` its last write set."""

    article_id: int
    state: str
    token: datetime


def stale_before() -> datetime:
    return timezone.now() - timedelta(seconds=settings.INGEST_STUCK_AFTER_SECONDS)


def article_claim(*, article_id: int, to_state: str, reprocess: bool = False) -> Claim | None:
    """Take an article for processing, or None when another worker has it or there is nothing to do.

    A queued article can be claimed; so can one stuck in a processing state for longer than
    INGEST_STUCK_AFTER_SECONDS (its worker died, and Redis redelivered the message). A reprocess also
    claims done and failed articles.
    """
    now = timezone.now()
    claimable = Q(state=ArticleState.QUEUED) | Q(state__in=PROCESSING_STATES, state_changed_at__lt=stale_before())
    if reprocess:
        claimable |= Q(state__in=[ArticleState.DONE, ArticleState.FAILED])
    changed = Article.objects.filter(claimable, pk=article_id).update(
        state=to_state, state_changed_at=now, attempts=F("attempts") + 1, updated_at=now
    )
    return Claim(article_id, to_state, now) if changed == 1 else None


def claim_advance(claim: Claim, to_state: str, **fields: object) -> bool:
    """Move a claimed article on, only if the claim still holds (same state, same token)."""
    now = timezone.now()
    changed = Article.objects.filter(pk=claim.article_id, state=claim.state, state_changed_at=claim.token).update(
        state=to_state, state_changed_at=now, updated_at=now, **fields
    )
    if changed == 1:
        claim.state, claim.token = to_state, now
    return changed == 1


def claim_fail(claim: Claim, error: str) -> None:
    """Fail the claimed article with ``error``, and why in a word (``outcome_reason``) for coverage."""
    from events.services.articles_outcome import failure_reason

    reason = failure_reason(error)
    if not claim_advance(claim, ArticleState.FAILED, error=error[:5000], outcome_reason=reason, outcome_detail=""):
        log.warning("article %s: lost its claim before it could be marked failed (%s)", claim.article_id, error)
