"""The interactive timeline's data: every event of a topic, actor or place timeline as compact JSON.

The page itself stays a server-rendered list (the fallback without JavaScript); its script fetches this
once and draws every event, so zooming from decades to days needs no further request. The same query
string filters both (the page's EventFilterSet), so the drawing shows what the list shows.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from events.domain.edtf_dates import OPEN_END, OPEN_START
from events.filters import EventFilterSet
from events.models import Actor, Event, Place
from events.outcomes import OUTCOME_PENDING_LABEL, status_shown
from events.presentation.dates import human_date
from events.selectors import (
    events_public_for_actor,
    events_public_for_place,
    events_public_for_topic,
    events_timeline_items,
    topic_public_get,
)

_STATUS_LABELS = {"scheduled": "scheduled", "postponed": "postponed", "cancelled": "cancelled", "ongoing": "ongoing"}


def _items_response(request: HttpRequest, base: QuerySet[Event]) -> JsonResponse:
    filterset = EventFilterSet(request.GET, queryset=base, request=request)
    if not filterset.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in filterset.errors.items()}
        return JsonResponse({"errors": errors}, status=400)
    today = timezone.localdate()
    event_url = reverse("timeline:event", args=[0])[:-2]  # "/events/", the id appended by the script
    items = []
    for item in events_timeline_items(filterset.qs):
        shown = status_shown(status=item.status, date_upper=item.upper, precision=item.precision, today=today)
        label = "" if shown == "occurred" else _STATUS_LABELS.get(shown, OUTCOME_PENDING_LABEL.lower())
        # vis-timeline's range ends are exclusive: a one-day event ends at the next midnight. A range open at
        # one end ("2019/..", "../2012") is drawn, as the TimelineJS slide is filed, as a point on its known day.
        start = item.upper if item.lower == OPEN_START else item.lower
        end = start if item.lower == OPEN_START or item.upper == OPEN_END else item.upper
        items.append(
            [
                item.pk,
                item.title,
                start.isoformat(),
                (end + timedelta(days=1)).isoformat(),
                human_date(item.date_edtf, item.week),
                label,
            ]
        )
    response = JsonResponse({"event_url": event_url, "today": today.isoformat(), "items": items})
    response["Cache-Control"] = "public, max-age=300"
    return response


def topic_items(request: HttpRequest, slug: str) -> JsonResponse:
    topic = topic_public_get(slug=slug)
    if topic is None:
        raise Http404("No such topic")
    return _items_response(request, events_public_for_topic(topic=topic))


def actor_items(request: HttpRequest, pk: int) -> JsonResponse:
    actor = get_object_or_404(Actor, pk=pk)
    return _items_response(request, events_public_for_actor(actor_id=actor.pk))


def place_items(request: HttpRequest, pk: int) -> JsonResponse:
    place = get_object_or_404(Place, pk=pk)
    return _items_response(request, events_public_for_place(place_id=place.pk))
