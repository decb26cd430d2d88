"""The home page: the topics with their counts and spans, the latest events and those ahead."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from events.selectors import events_public_latest, events_public_upcoming, topics_public_overview


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "topics": list(topics_public_overview()),
        "latest": events_public_latest(today=today, limit=10),
        "upcoming": events_public_upcoming(today=today, limit=10),
        "today": today,
    }
    return render(request, "timeline/home.html", context)
