"""Processing one article: fetch it (for a URL), clean it, extract its events, hand them to the store.

The slow parts (fetching, spaCy) run outside any transaction; the store (``articles_store``) is one
short transaction. Errors that can pass (the network, a 5xx, a locked database) put the article back in
the queue and are raised for the task to retry with backoff; any other error fails the article with its
message, keeps its original, and returns, so one bad article never holds up the others.
"""

from __future__ import annotations

import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from events.extraction.types import ArticleExtraction
from events.ingestion.fetch import FetchError, fetch_url
from events.metrics import extraction_timer
from events.models import Article, ArticleState, PublishedSource
from events.models.articles import OriginalKind
from events.pubdate import DateCheck
from events.pubdate.refine import refine_with_facts
from events.selectors_facts import facts_for_date_check
from events.services import pipeline_config
from events.services.articles_claim import (
    Claim,
    RetryableIngestionError,
    article_claim,
    claim_advance,
    claim_fail,
)
from events.services.articles_datecheck import date_check_run
from events.services.articles_store import article_store_extraction
from events.services.resolve import state_name

log = logging.getLogger(__name__)


def worker_warm_up() -> None:
    """Build what a first article would otherwise build lazily, in this process.

    The spaCy pipeline, the extraction engine's cached tables (time patterns, gazetteer) and the state
    names are all loaded on first use. The worker calls this in its main process before it forks its
    pool (``timeline/celery.py``), so every pool process, and each one that replaces a lost one, starts
    warm: the first task of each is no slower than the rest, and nothing is loaded twice.
    """
    from events.extraction.pipeline import extract

    # A nationality too, so the demonym table (events.extraction.demonyms) is built here as well.
    text = "Chinese ministers met in Vienna on Monday to talk about Beijing."
    extract(text, None, pipeline_config.extraction_config(), reference=timezone.localdate())
    state_name("Washington")


def article_process(*, article_id: int, reprocess: bool = False) -> str:
    """Fetch (for a URL), clean, extract and store one article. Returns what happened, for the log.

    ``reprocess`` re-extracts a done article: dates are resolved again against its (perhaps corrected)
    publication date; events an editor has reviewed or locked keep their fields.
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "missing"
    needs_fetch = bool(article.url) and not article.original
    claim = article_claim(
        article_id=article_id,
        to_state=ArticleState.FETCHING if needs_fetch else ArticleState.EXTRACTING,
        reprocess=reprocess,
    )
    if claim is None:
        return "not claimed"
    try:
        original, is_html = article.original, _is_html(article)
        if needs_fetch:
            assert article.url is not None
            fetched = fetch_url(article.url, policy=pipeline_config.fetch_policy())
            original = fetched.text
            is_html = fetched.content_type in ("text/html", "application/xhtml+xml")
            # The page is kept before extraction: if extraction fails, it is not fetched again.
            if not claim_advance(claim, ArticleState.EXTRACTING, original=original):
                return "lost claim"
        article.refresh_from_db()
        with extraction_timer():
            extraction = _extract(article, original, is_html)
        if not extraction.text.strip():
            claim_fail(claim, "no article text found in the page")
            return "failed"
        check = _date_check(extraction)
        if check is not None and check.verdict != "doubtful":
            # A year-only meeting at a known summit's host takes the summit's month (events.pubdate.refine).
            extraction = refine_with_facts(extraction, facts_for_date_check())
        return article_store_extraction(claim=claim, extraction=extraction, date_check=check)
    except FetchError as exc:
        if exc.retryable:
            return _release_or_fail(claim, article, f"fetch: {exc}", exc)
        claim_fail(claim, f"fetch: {exc}")
        return "failed"
    except SoftTimeLimitExceeded as exc:
        # A slow moment (a cold worker, a loaded machine) is not the article's fault: queue it again.
        return _release_or_fail(claim, article, "time limit reached", exc)
    except OperationalError as exc:
        # A locked or unreachable database: the same write can succeed in a moment. If even the
        # release fails, the article stays in its processing state and the sweeper requeues it.
        return _release_or_fail(claim, article, f"database: {exc}", exc)
    except Exception as exc:  # one bad article must not stop the pipeline; its error is kept on the row
        log.exception("article %s failed", article_id)
        claim_fail(claim, f"{type(exc).__name__}: {exc}")
        return "failed"


def _date_check(extraction: ArticleExtraction) -> DateCheck | None:
    """The publication-date check of ``extraction``; None (the article shows "not checked") if it fails."""
    try:
        return date_check_run(extraction=extraction)
    except Exception:  # the check is advice: an error in it must not lose the extraction
        log.exception("publication-date check failed")
        return None


def _release_or_fail(claim: Claim, article: Article, error: str, exc: Exception) -> str:
    attempts = Article.objects.filter(pk=claim.article_id).values_list("attempts", flat=True).first() or 0
    if attempts >= settings.INGEST_MAX_ATTEMPTS:
        claim_fail(claim, f"{error} (gave up after {attempts} attempts)")
        return "failed"
    claim_advance(claim, ArticleState.QUEUED, error=error[:5000])
    raise RetryableIngestionError(error) from exc


def _is_html(article: Article) -> bool | None:
    if article.original_kind == OriginalKind.HTML:
        return True
    if article.original_kind == OriginalKind.TEXT:
        return False
    return None  # a fetched page kept earlier: let the cleaner sniff it


def _extract(article: Article, original: str, is_html: bool | None) -> ArticleExtraction:
    """Run the extraction engine. Slow (spaCy): never inside a transaction."""
    from events.extraction.pipeline import extract, extract_document

    config = pipeline_config.extraction_config()
    if article.clean_text and article.citations.exists():
        # Citations point into the stored clean text by offset: re-cleaning could move the text under
        # them, so a reprocess re-reads that text, resolving its dates against the publication date.
        return extract(article.clean_text, article.published, config, reference=timezone.localdate())
    trusted = article.published_source in (PublishedSource.EDITOR, PublishedSource.FEED)
    return extract_document(
        original,
        is_html=is_html,
        published=article.published if trusted else None,
        config=config,
        reference=timezone.localdate(),  # an undated article is dated as of its processing
    )
