"""Writes on citations: the sentence of an article that reports an event."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction

from events.exceptions import InvalidCitation
from events.models import Article, Citation, Event
from events.services.history import attribute


def locate_quote(article: Article, quote: str) -> tuple[int, int]:
    """Offsets of ``quote`` in the article's clean text, or InvalidCitation."""
    start = article.clean_text.find(quote)
    if start < 0 or not quote:
        raise InvalidCitation(f"the quote does not occur in article {article.pk}: {quote[:80]!r}")
    return start, start + len(quote)


@transaction.atomic
def citation_create(
    *,
    event: Event,
    article: Article,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    time_text: str = "",
    rule: str = "",
    date_basis: str = "",
    user: AbstractBaseUser | AnonymousUser | None = None,
) -> Citation:
    """Cite ``article`` for ``event`` by offsets, or by a quote found in the text.

    Idempotent: the same span for the same event returns the existing citation.
    """
    text = article.clean_text
    if start is None or end is None:
        if quote is None:
            raise InvalidCitation("give either offsets or a quote")
        start, end = locate_quote(article, quote)
    if not 0 <= start < end <= len(text):
        raise InvalidCitation(f"offsets {start}..{end} are outside the article's text (length {len(text)})")
    if quote is not None and text[start:end] != quote:
        raise InvalidCitation("the quote does not match the text at those offsets")
    existing = Citation.objects.filter(event=event, article=article, start=start, end=end).first()
    if existing is not None:
        return existing
    time_start = time_end = None
    if time_text:
        found = text.find(time_text, start, end)
        if found >= 0:
            time_start, time_end = found, found + len(time_text)
    citation = Citation(
        event=event,
        article=article,
        quote=text[start:end],
        start=start,
        end=end,
        time_text=time_text[:200],
        time_start=time_start,
        time_end=time_end,
        rule=rule[:80],
        date_basis=date_basis,
    )
    attribute(citation, user, "cited")
    citation.save()
    return citation
