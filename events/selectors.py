"""Reads. The same selector feeds a public page, the matching API endpoint and the admin.

Every list here costs a constant number of queries, whatever its length: relations are fetched with
select_related/prefetch_related, counts are annotations.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from events.extraction.vocabulary import ReviewState
from events.models import Article, Citation, Event, EventActor, Topic


def event_queryset_with_relations(queryset: QuerySet[Event] | None = None) -> QuerySet[Event]:
    """Events with everything a list shows: place, actors, topics, citations with their articles."""
    base = queryset if queryset is not None else Event.objects.all()
    return base.select_related("place").prefetch_related(
        Prefetch("actor_links", queryset=EventActor.objects.select_related("actor")),
        "topics",
        Prefetch("citations", queryset=Citation.objects.select_related("article", "article__source")),
    )


def events_published() -> QuerySet[Event]:
    """Events a reader may see: published, not merged into another."""
    return Event.objects.filter(review_state=ReviewState.PUBLISHED, merged_into__isnull=True)


def events_visible_to(*, user: object | None) -> QuerySet[Event]:
    """Published events for everyone; editors (with the view permission) also see proposed ones."""
    has_perm = getattr(user, "has_perm", None)
    if has_perm is not None and has_perm("events.view_event"):
        return Event.objects.filter(merged_into__isnull=True).exclude(review_state=ReviewState.REJECTED)
    return events_published()


def topics_published_with_counts() -> QuerySet[Topic]:
    published = Q(memberships__event__review_state=ReviewState.PUBLISHED, memberships__event__merged_into__isnull=True)
    return Topic.objects.filter(is_published=True).annotate(event_count=Count("memberships", filter=published))


def event_resolve_merged(event: Event) -> Event:
    """Follow ``merged_into`` to the surviving event (a merged permalink redirects there)."""
    seen = {event.pk}
    while event.merged_into_id is not None and event.merged_into_id not in seen:
        seen.add(event.merged_into_id)
        event = Event.objects.get(pk=event.merged_into_id)
    return event


@dataclass(frozen=True)
class TextSegment:
    """A run of an article's clean text; ``citation`` is set for a cited sentence."""

    text: str
    citation: Citation | None = None


def article_text_segments(article: Article, *, published_only: bool = False) -> list[TextSegment]:
    """The article's clean text cut into plain and cited runs, for highlighting (overlaps are merged)."""
    citations = Citation.objects.filter(article=article).select_related("event").order_by("start", "end")
    if published_only:
        citations = citations.filter(event__review_state=ReviewState.PUBLISHED, event__merged_into__isnull=True)
    text = article.clean_text
    segments: list[TextSegment] = []
    position = 0
    for citation in citations:
        if citation.start < position:
            continue  # a second citation of the same sentence: the first highlight stands
        if citation.start > position:
            segments.append(TextSegment(text[position : citation.start]))
        segments.append(TextSegment(text[citation.start : citation.end], citation))
        position = citation.end
    if position < len(text):
        segments.append(TextSegment(text[position:]))
    return segments


def article_find_duplicate(*, text: str | None = None, url: str | None = None) -> Article | None:
    """The stored article with the same normalised text or canonical URL, if any."""
    from events.services.articles import content_hash_for

    if text and text.strip():
        found = Article.objects.filter(content_hash=content_hash_for(text)).first()
        if found is not None:
            return found
    if url:
        return Article.objects.filter(url=url).first()
    return None


def events_search(queryset: QuerySet[Event], query: str) -> QuerySet[Event]:
    """Events whose title, summary, place, actors or quoted sentences match every word of ``query``.

    A portable fallback; on PostgreSQL the public search page ranks with full-text search instead.
    """
    words = [w for w in query.split() if w][:10]
    for word in words:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(place__name__icontains=word)
            | Q(actor_links__actor__name__icontains=word)
            | Q(citations__quote__icontains=word)
        )
    return queryset.distinct() if words else queryset
