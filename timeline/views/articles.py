"""An article's clean text with every sentence that a published event cites highlighted and linked."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from events.selectors import article_public_get, article_text_segments


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_public_get(pk=pk)
    if article is None:
        raise Http404("No such article")
    segments = article_text_segments(article, published_only=True)
    events = []
    seen: set[int] = set()
    for segment in segments:
        if segment.citation is not None and segment.citation.event_id not in seen:
            seen.add(segment.citation.event_id)
            events.append(segment.citation.event)
    return render(request, "timeline/article.html", {"article": article, "segments": segments, "events": events})
