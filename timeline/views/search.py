"""Search over published events and the text of the articles they cite."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from events.selectors import search_public


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    events, articles = search_public(query=query) if query else ([], [])
    return render(request, "timeline/search.html", {"query": query, "events": events, "articles": articles})
