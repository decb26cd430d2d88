"""Processing one article: fetch it (for a URL), clean it, extract its events, hand them to the store.

The slow parts (fetching, spaCy) run outside any transaction; the store (``articles_store``) is one
short transaction. Errors that can pass (the network, a 5xx, a locked database) put the article back in
the queue and are raised for the task to retry with backoff; any other error fails the article with its
message, keeps its original, and returns, so one bad article never holds up the others.
"""

from __future__ import annotations

import logging
import re
import time
from contextlib import ExitStack

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from events.extraction.types import ArticleExtraction
from events.ingestion.fetch import FetchError, fetch_url
from events.ingestion.fetch_messages import fetch_error_text
from events.ingestion.language import REFUSE_ABOVE, language_supported, text_language
from events.metrics import extraction_timer
from events.models import Article, ArticleState, OutcomeReason, PublishedSource
from events.models.articles import OriginalKind
from events.pubdate import DateCheck
from events.pubdate.refine import refine_with_facts
from events.selectors_facts import facts_for_date_check
from events.services import pipeline_config
from events.services.articles import normalise_text
from events.services.articles_claim import (
    Claim,
    RetryableIngestionError,
    article_claim,
    claim_advance,
    claim_fail,
)
from events.services.articles_datecheck import date_check_run
from events.services.articles_outcome import article_outcome_record, language_detail
from events.services.articles_store import article_store_extraction
from events.services.resolve import state_name
from events.services.time_limit import time_limit

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


def article_process(
    *, article_id: int, reprocess: bool = False, time_limit_s: float | None = None, in_worker: bool = False
) -> str:
    """Fetch (for a URL), clean, extract and store one article. Returns what happened, for the log.

    ``reprocess`` re-extracts a done article: dates are resolved again against its (perhaps corrected)
    publication date; events an editor has reviewed or locked keep their fields.

    ``time_limit_s`` (default ``CELERY_TASK_SOFT_TIME_LIMIT``) bounds fetching and extraction on every
    path. ``in_worker``: the caller is a Celery worker's task, whose soft time limit raises
    ``SoftTimeLimitExceeded`` inside whatever code runs at that moment; a timed-out article goes back to
    the queue for the task's retry, and fails after INGEST_MAX_ATTEMPTS. Anywhere else (``ingest --sync``,
    eager tasks) this service arms the same limit itself (``time_limit``), and a timed-out article fails at
    once with the reason: no worker will retry it, an editor can ("Retry processing").

    The engine catches errors per article ("one odd article must not stop a batch"): a limit that fired
    inside it came back as "no events". So the clock is checked too, and an extraction that outlived the
    limit is treated as timed out, never stored as done with nothing found.
    """
    if time_limit_s is None:
        time_limit_s = float(settings.CELERY_TASK_SOFT_TIME_LIMIT)
    started = time.monotonic()
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
    # Disarmed before anything is stored: the store is one short transaction an alarm must not cut.
    limit = ExitStack()
    try:
        if not in_worker:
            limit.enter_context(time_limit(time_limit_s))
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
        if len(original) > settings.ARTICLE_MAX_CHARS:
            claim_fail(
                claim,
                f"the article is {len(original):,} characters; the size limit is {settings.ARTICLE_MAX_CHARS:,}",
            )
            return "failed"
        language, probability = text_language(article.clean_text or original, is_html=bool(is_html))
        if not language_supported(language, probability):
            limit.close()
            return _store_unsupported_language(claim, article, original, is_html, language)
        with extraction_timer():
            extraction = _extract(article, original, is_html)
        limit.close()
        if time_limit_s and time.monotonic() - started >= time_limit_s:
            raise SoftTimeLimitExceeded(f"extraction ran past the {time_limit_s:.0f} s limit")
        if not extraction.text.strip():
            claim_fail(claim, "no article text found in the page")
            return "failed"
        check = _date_check(extraction)
        if check is not None and check.verdict != "doubtful":
            # A year-only meeting at a known summit's host takes the summit's month (events.pubdate.refine).
            extraction = refine_with_facts(extraction, facts_for_date_check())
        result = article_store_extraction(claim=claim, extraction=extraction, date_check=check)
        # An uncertain guess is not recorded as the article's language: it was read as English.
        recorded = language if language_supported(language, 1.0) or probability >= REFUSE_ABOVE else ""
        reason = article_outcome_record(article_id=article_id, language=recorded, text=extraction.text)
        return f"{result}; no events: {reason}" if reason else result
    except FetchError as exc:
        error = fetch_error_text(exc)
        log.warning("article %s: %s", article_id, error)
        if exc.retryable:
            return _release_or_fail(claim, article, error, exc)
        claim_fail(claim, error)
        return "failed"
    except SoftTimeLimitExceeded as exc:
        limit.close()
        error = f"time limit of {time_limit_s:.0f} s reached while extracting {len(article.original):,} characters"
        if not in_worker:
            claim_fail(claim, f"{error}; retry it from the admin (Retry processing)")
            return "failed"
        # A slow moment (a cold worker, a loaded machine) is not the article's fault: queue it again;
        # after INGEST_MAX_ATTEMPTS it fails with this reason, and an editor can retry it.
        return _release_or_fail(claim, article, error, exc)
    except OperationalError as exc:
        # A locked or unreachable database: the same write can succeed in a moment. If even the
        # release fails, the article stays in its processing state and the sweeper requeues it.
        return _release_or_fail(claim, article, f"database: {exc}", exc)
    except Exception as exc:  # one bad article must not stop the pipeline; its error is kept on the row
        limit.close()
        log.exception("article %s failed", article_id)
        claim_fail(claim, f"{type(exc).__name__}: {exc}")
        return "failed"
    finally:
        limit.close()


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


def _store_unsupported_language(
    claim: Claim, article: Article, original: str, is_html: bool | None, language: str
) -> str:
    """Keep an article in a language the engine cannot read: done, no events, and why."""
    from events.extraction.cleaning import clean_document

    text = article.clean_text
    title = article.title
    if not text:
        try:
            cleaned = clean_document(original, is_html=is_html)
            text, title = cleaned.text, title or cleaned.title
        except Exception:  # a page the cleaner cannot read: keep its words without the tags
            cleaned = None
        if not text.strip():
            text = normalise_text(re.sub(r"<[^>]+>", " ", original) if is_html else original)
    extraction = ArticleExtraction(
        title=title,
        byline="",
        published=None,
        published_source="unknown",
        outlet="",
        text=text,
        events=[],
        extractor_version=pipeline_config.extraction_config().extractor_version,
    )
    result = article_store_extraction(claim=claim, extraction=extraction)
    detail = language_detail(language)
    article_outcome_record(article_id=claim.article_id, language=language, reason=OutcomeReason.LANGUAGE, detail=detail)
    return f"{result}; {detail}"


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
