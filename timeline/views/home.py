"""The home page: the topics with their counts and spans, the latest events and those ahead."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from events.presentation.record import event_records
from events.selectors import events_public_latest, events_public_upcoming, topics_public_overview
from timeline.render import entries_html


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    # Compact entries: no source notes, so the records are read without their citations.
    latest = event_records(events_public_latest(today=today, limit=10), with_citations=False)
    upcoming = event_records(events_public_upcoming(today=today, limit=10), with_citations=False)
    context = {
        "topics": list(topics_public_overview()),
        "latest_html": entries_html(latest, today=today, level=3, compact=True),
        "upcoming_html": entries_html(upcoming, today=today, level=3, compact=True),
        "today": today,
    }
    return render(request, "timeline/home.html", context)
