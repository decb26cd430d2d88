"""Queueing articles for the workers: a URL to ingest, failed articles to retry, done ones to redo.

Storing a submission (text, HTML, URL) is ``events.services.articles``; this module puts articles in the
queue and sends the signal (``events.services.queue``) once the transaction commits.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from events.exceptions import DomainError, DuplicateArticle
from events.models import Article, ArticleState, Feed, PublishedSource, Source
from events.models.articles import OriginalKind
from events.services.articles import article_submit_html, article_submit_text, article_submit_url
from events.services.queue import article_enqueue

User = AbstractBaseUser | AnonymousUser | None


@transaction.atomic
def article_ingest_url(
    *,
    url: str,
    source: Source | None = None,
    feed: Feed | None = None,
    published: date | None = None,
    user: User = None,
    enqueue: bool = True,
) -> tuple[Article, bool]:
    """Queue the article at ``url`` unless it is already stored; return it and whether it is new.

    ``enqueue=False`` stores it queued without sending the signal: ``ingest --sync`` processes it in
    this process, with no broker.

    Two workers giving the same URL at the same moment both get the one Article and no error: the
    database's unique constraint on the canonical URL decides the race, and the loser reads the
    winner's row (``article_submit_url`` turns its IntegrityError into DuplicateArticle).
    """
    try:
        article = article_submit_url(url=url, source=source, user=user)
    except DuplicateArticle as exc:
        return exc.existing, False
    except ValidationError:
        # article_submit_url validates constraints (a query) between its duplicate check and its insert:
        # a twin committed in that gap surfaces here instead of as DuplicateArticle.
        from events.ingestion.urls import canonical_url

        existing = Article.objects.filter(url=canonical_url(url.strip())).first()
        if existing is None:
            raise
        return existing, False
    if feed is not None or published is not None:
        article.feed = feed
        article.original_kind = OriginalKind.FEED if feed is not None else article.original_kind
        if published is not None:
            article.published = published
            article.published_source = PublishedSource.FEED
        article.save(update_fields=["feed", "original_kind", "published", "published_source", "updated_at"])
    if enqueue:
        article_enqueue(article_id=article.pk)
    return article, True


def article_retry(*, article_ids: list[int], user: User = None) -> list[int]:
    """Put failed articles back in the queue (the admin's "Retry processing"); return those requeued.

    The attempt count starts again, or the sweeper would fail a requeued article at its first delay;
    the last error stays visible until the next attempt ends.
    """
    requeued = []
    with transaction.atomic():
        for article_id in article_ids:
            # Conditional: an article another worker is processing right now is left alone.
            changed = Article.objects.filter(pk=article_id, state=ArticleState.FAILED).update(
                state=ArticleState.QUEUED, state_changed_at=timezone.now(), attempts=0, updated_at=timezone.now()
            )
            if changed:
                requeued.append(article_id)
                article_enqueue(article_id=article_id)
    return requeued


def article_reprocess_request(*, article_ids: list[int]) -> None:
    """Ask for articles to be extracted again (extractor upgrade, corrected publication date)."""
    for article_id in article_ids:
        article_enqueue(article_id=article_id, reprocess=True)


@transaction.atomic
def article_submit(
    *,
    text: str | None = None,
    html: bytes | str | None = None,
    filename: str = "",
    url: str | None = None,
    title: str = "",
    published: date | None = None,
    source: Source | None = None,
    user: User = None,
    enqueue: bool = True,
) -> Article:
    """Store one submission as a queued article and signal the workers once it commits.

    The one place that decides what was given, for the admin, the API and bulk add alike: pasted text
    (``url``, if given, is then its address), else an uploaded HTML file, else a URL to fetch.
    """
    if text is not None and text.strip():
        article = article_submit_text(text=text, title=title, url=url, published=published, source=source, user=user)
    elif html is not None:
        article = article_submit_html(
            html=html, filename=filename, url=url, published=published, source=source, user=user
        )
    elif url is not None and url.strip():
        article = article_submit_url(url=url, source=source, user=user)
    else:
        raise DomainError("nothing to submit: give the article's text, an HTML file or its URL")
    if enqueue:
        article_enqueue(article_id=article.pk)
    return article
