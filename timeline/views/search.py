"""Search over published events and the text of the articles they cite."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from events.selectors import SearchQueryError, search_public


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    try:
        events, articles = search_public(query=query) if query else ([], [])
    except SearchQueryError as exc:
        # Over the word or length limit: said on the page (a 400), not searched in part.
        context = {"query": query, "error": str(exc), "events": [], "articles": []}
        return render(request, "timeline/search.html", context, status=400)
    return render(request, "timeline/search.html", {"query": query, "events": events, "articles": articles})
