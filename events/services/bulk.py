"""Many articles at once: the ``ingest`` command and the admin's bulk add.

Both hand in a list of sources (files, directories, URLs, or uploaded files) and get one outcome per
article: new, duplicate or failed, with a message. A bad source (a missing file, a URL that is not
http(s)) is a failed outcome with its reason, never an exception, so one typo in a list of 500 does not
stop the other 499.

Two ways to process what was submitted:

* queued (the default): each article is stored queued and its task is sent when its transaction
  commits; the worker does the rest, and the Article rows say how far it got;
* in-process (``ingest --sync``): nothing is sent to a broker; this process runs
  :func:`events.services.articles_process.article_process`, the very service the task calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import transaction

from events.exceptions import DomainError, DuplicateArticle
from events.models import Article, ArticleState
from events.services.articles import article_set_published
from events.services.articles_claim import RetryableIngestionError
from events.services.articles_process import article_process
from events.services.articles_submit import User, article_ingest_url, article_submit

# What a directory is searched for; a file named on the command line must have one of these too.
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
BULK_MAX_ITEMS = 500


class SourceKind(StrEnum):
    URL = "url"
    TEXT = "text"
    HTML = "html"
    INVALID = "invalid"


class Outcome(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class IngestSource:
    """One thing to ingest: a URL, or a file's content with its name; ``error`` when it is unusable."""

    label: str
    kind: SourceKind
    url: str = ""
    content: bytes = b""
    error: str = ""


@dataclass(frozen=True)
class IngestOutcome:
    source: str
    outcome: Outcome
    article_id: int | None = None
    message: str = ""


def ingest_sources_from_paths(sources: Iterable[str]) -> Iterator[IngestSource]:
    """Turn command-line sources into items: URLs, files, and the .txt/.html files under directories.

    A directory is searched recursively, in name order, for the suffixes above; anything else in it is
    skipped silently (a README next to the articles is not an error). A file named explicitly with
    another suffix, a path that does not exist, or a URL with a scheme other than http(s) is an item
    carrying its error.
    """
    for raw in sources:
        if "://" in raw:
            scheme = raw.split("://", 1)[0].lower()
            if scheme in ("http", "https"):
                yield IngestSource(label=raw, kind=SourceKind.URL, url=raw)
            else:
                yield IngestSource(raw, SourceKind.INVALID, error=f"not an http(s) URL (scheme {scheme!r})")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _kind_for(p) is not None)
            if not found:
                yield IngestSource(raw, SourceKind.INVALID, error="no .txt or .html files in this directory")
            for child in found:
                yield _file_source(child)
        elif path.is_file():
            yield _file_source(path)
        else:
            yield IngestSource(raw, SourceKind.INVALID, error="no such file or directory (nor an http(s) URL)")


def ingest_source_from_upload(name: str, content: bytes) -> IngestSource:
    """An uploaded file as an item, its kind taken from its name's suffix."""
    kind = _kind_for(Path(name))
    if kind is None:
        return IngestSource(name, SourceKind.INVALID, error="only .txt and .html files can be added")
    return IngestSource(label=name, kind=kind, content=content)


def _kind_for(path: Path) -> SourceKind | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return SourceKind.TEXT
    if suffix in HTML_SUFFIXES:
        return SourceKind.HTML
    return None


def _file_source(path: Path) -> IngestSource:
    kind = _kind_for(path)
    if kind is None:
        return IngestSource(str(path), SourceKind.INVALID, error="only .txt and .html files can be ingested")
    limit = settings.ARTICLE_UPLOAD_MAX_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            return IngestSource(str(path), SourceKind.INVALID, error=f"{size:,} bytes; the limit is {limit:,}")
        content = path.read_bytes()
    except OSError as exc:
        return IngestSource(str(path), SourceKind.INVALID, error=f"cannot read it: {exc.strerror or exc}")
    return IngestSource(label=str(path), kind=kind, content=content)


def ingest_source_submit(
    *, source: IngestSource, published: date | None = None, user: User = None, enqueue: bool = True
) -> IngestOutcome:
    """Store one source as a queued article (its task sent on commit unless ``enqueue`` is False).

    Each source has its own transaction, so a refusal rolls back that source alone.
    """
    if source.kind == SourceKind.INVALID:
        return IngestOutcome(source.label, Outcome.FAILED, message=source.error)
    try:
        with transaction.atomic():
            if source.kind == SourceKind.URL:
                article, created = article_ingest_url(url=source.url, user=user, enqueue=enqueue)
                if not created:
                    return _duplicate(source, article)
                if published is not None:
                    article_set_published(article=article, published=published, user=user)
                return IngestOutcome(source.label, Outcome.NEW, article.pk)
            if source.kind == SourceKind.TEXT:
                article = article_submit(
                    text=_decode_text(source.content), published=published, user=user, enqueue=enqueue
                )
            else:
                article = article_submit(
                    html=source.content,
                    filename=Path(source.label).name,
                    published=published,
                    user=user,
                    enqueue=enqueue,
                )
    except DuplicateArticle as exc:
        return _duplicate(source, exc.existing)
    except DomainError as exc:
        return IngestOutcome(source.label, Outcome.FAILED, message=str(exc))
    return IngestOutcome(source.label, Outcome.NEW, article.pk)


def _duplicate(source: IngestSource, existing: Article) -> IngestOutcome:
    return IngestOutcome(source.label, Outcome.DUPLICATE, existing.pk, f"already stored as article {existing.pk}")


def _decode_text(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Texts saved from a Windows editor; cp1252 decodes every byte but five, which are replaced.
        return content.decode("cp1252", errors="replace")


def ingest_outcome_process(*, outcome: IngestOutcome) -> IngestOutcome:
    """Process a newly submitted article here and now (``ingest --sync``), as the task would.

    The outcome is then what the article became: new, a duplicate of an earlier article's text (known
    only once the page is cleaned), or failed with its error. An error that could pass (the network)
    leaves the article queued for a worker or a later run; here it is reported as failed.
    """
    if outcome.outcome != Outcome.NEW or outcome.article_id is None:
        return outcome
    try:
        article_process(article_id=outcome.article_id)
    except RetryableIngestionError as exc:
        return IngestOutcome(outcome.source, Outcome.FAILED, outcome.article_id, f"{exc} (left queued)")
    article = Article.objects.only("state", "error", "duplicate_of_id").get(pk=outcome.article_id)
    if article.state == ArticleState.FAILED:
        return IngestOutcome(outcome.source, Outcome.FAILED, article.pk, article.error)
    if article.duplicate_of_id is not None:
        return IngestOutcome(outcome.source, Outcome.DUPLICATE, article.pk, article.error)
    if article.state != ArticleState.DONE:
        return IngestOutcome(outcome.source, Outcome.FAILED, article.pk, f"left {article.state}")
    return outcome


def ingest_source(*, source: IngestSource, published: date | None = None, sync: bool = False) -> IngestOutcome:
    """Submit one source; with ``sync``, process it in this process too (no broker involved)."""
    outcome = ingest_source_submit(source=source, published=published, enqueue=not sync)
    return ingest_outcome_process(outcome=outcome) if sync else outcome


def bulk_add(
    *, urls: list[str], uploads: list[tuple[str, bytes]], published: date | None = None, user: User = None
) -> list[IngestOutcome]:
    """The admin's bulk add: up to BULK_MAX_ITEMS URLs and files, each queued for the worker.

    Refuses the whole batch when it is too large (before anything is stored), so an editor is never
    left with the first 500 of 800 and no word of the rest.
    """
    if len(urls) + len(uploads) > BULK_MAX_ITEMS:
        raise DomainError(f"{len(urls) + len(uploads)} articles given; at most {BULK_MAX_ITEMS} at once")
    sources = [
        *(IngestSource(label=url, kind=SourceKind.URL, url=url) for url in urls),
        *(ingest_source_from_upload(name, content) for name, content in uploads),
    ]
    return [ingest_source_submit(source=source, published=published, user=user) for source in sources]
