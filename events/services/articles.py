"""Writes on articles: submission by text, HTML file or URL, and publication-date corrections."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.exceptions import DomainError, DuplicateArticle
from events.models import Article, ArticleState, PublishedSource, Source
from events.models.articles import OriginalKind
from events.services.history import acting_user, attribute
from events.services.queue import article_enqueue

User = AbstractBaseUser | AnonymousUser | None
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """The form of a text that is hashed: NFC, Unix newlines, single spaces, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_hash_for(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def _refuse_duplicate(*, content_hash: str | None = None, url: str | None = None) -> None:
    existing = None
    if content_hash:
        existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
    if existing is not None:
        raise DuplicateArticle(f"this article is already stored as article {existing.pk} ({existing})", existing)


def _save_new(article: Article, user: User) -> Article:
    attribute(article, user, "submitted")
    try:
        # Uniqueness is left to the database: a check here would race with a concurrent submission
        # anyway, and the IntegrityError below is turned into the same DuplicateArticle.
        article.full_clean(
            exclude=["url", "submitted_url"] if article.url is None else None,
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        raise DomainError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from None
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # Another submission of the same text or URL won the race between our check and our insert.
        _refuse_duplicate(content_hash=article.content_hash, url=article.url)
        raise
    return article


def _queued_article(
    *, url: str | None, submitted_url: str, published: date | None, source: Source | None, user: User, **fields: Any
) -> Article:
    """A new, unsaved article in the queued state, as every way of submitting one builds it."""
    return Article(
        url=url,
        submitted_url=submitted_url,
        published=published,
        published_source=PublishedSource.EDITOR if published else PublishedSource.UNKNOWN,
        source=source,
        state=ArticleState.QUEUED,
        state_changed_at=timezone.now(),
        submitted_by=acting_user(user),
        **fields,
    )


@transaction.atomic
def article_size_check(text: str) -> None:
    """Refuse an article longer than ARTICLE_MAX_CHARS: the one limit of every entry point."""
    limit = settings.ARTICLE_MAX_CHARS
    if len(text) > limit:
        raise DomainError(
            f"the article is {len(text):,} characters; the size limit is {limit:,} characters "
            "(split it into parts, or raise ARTICLE_MAX_CHARS)"
        )


def article_submit_text(
    *,
    text: str,
    title: str = "",
    url: str | None = None,
    published: date | None = None,
    source: Source | None = None,
    byline: str = "",
    user: User = None,
) -> Article:
    """Store pasted text as a new article, queued for extraction."""
    article_size_check(text)
    clean = normalise_text(text)
    if not clean:
        raise DomainError("the text is empty")
    canonical = _canonical_or_none(url)
    content_hash = content_hash_for(clean)
    _refuse_duplicate(content_hash=content_hash, url=canonical)
    article = _queued_article(
        url=canonical,
        submitted_url=url or "",
        published=published,
        source=source,
        user=user,
        original=text,
        original_kind=OriginalKind.TEXT,
        clean_text=clean,
        content_hash=content_hash,
        title=title[:500],
        byline=byline[:300],
    )
    return _save_new(article, user)


@transaction.atomic
def article_submit_html(
    *,
    html: bytes | str,
    filename: str = "",
    url: str | None = None,
    published: date | None = None,
    source: Source | None = None,
    user: User = None,
) -> Article:
    """Store an uploaded HTML file as received; cleaning happens in the ingestion pipeline."""
    limit = settings.ARTICLE_UPLOAD_MAX_BYTES
    raw = html.encode("utf-8") if isinstance(html, str) else html
    if len(raw) > limit:
        raise DomainError(f"the file is {len(raw):,} bytes; the limit is {limit:,} bytes")
    decoded = _decode_html(raw)
    article_size_check(decoded)
    if not decoded.strip():
        raise DomainError("the file is empty")
    canonical = _canonical_or_none(url)
    _refuse_duplicate(url=canonical)
    article = _queued_article(
        url=canonical,
        submitted_url=url or "",
        published=published,
        source=source,
        user=user,
        original=decoded,
        original_kind=OriginalKind.HTML,
        original_filename=filename[:255],
    )
    return _save_new(article, user)


@transaction.atomic
def article_submit_url(*, url: str, source: Source | None = None, user: User = None) -> Article:
    """Store a URL as a queued article; the ingestion pipeline fetches it."""
    canonical = _canonical_or_none(url)
    if canonical is None:
        raise DomainError("a URL is required")
    _refuse_duplicate(url=canonical)
    article = _queued_article(
        url=canonical, submitted_url=url, published=None, source=source, user=user, original_kind=OriginalKind.URL
    )
    return _save_new(article, user)


@transaction.atomic
def article_set_published(
    *,
    article: Article,
    published: date,
    user: User = None,
    reason: str = "publication date corrected",
    extra_fields: list[str] | None = None,
) -> Article:
    """An editor corrects the publication date; every date resolved from it is resolved again.

    An article already processed is re-extracted once this commits: its proposed events move to the
    dates the new publication date gives, its published ones get them as proposals (an editor accepts
    them in one step), locked fields and absolute dates stay. A queued article needs nothing more: it
    will be resolved against the new date when it is processed.
    """
    article.published = published
    article.published_source = PublishedSource.EDITOR
    attribute(article, user, reason[:100])
    article.save(update_fields=["published", "published_source", "updated_at", *(extra_fields or [])])
    # The state as stored, not as the caller's instance remembers it: a worker may have processed the
    # article since that instance was read.
    state = Article.objects.filter(pk=article.pk).values_list("state", flat=True).first()
    if state in (ArticleState.DONE, ArticleState.FAILED):
        article_enqueue(article_id=article.pk, reprocess=True)
    return article


def _canonical_or_none(url: str | None) -> str | None:
    if not url or not url.strip():
        return None
    from events.ingestion.urls import canonical_url

    try:
        return canonical_url(url.strip())
    except ValueError as exc:
        raise DomainError(f"not a usable article URL: {exc}") from None


def _decode_html(raw: bytes) -> str:
    match = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", raw[:4096], re.IGNORECASE)
    for encoding in ([match.group(1).decode("ascii")] if match else []) + ["utf-8", "cp1252"]:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", errors="replace")
