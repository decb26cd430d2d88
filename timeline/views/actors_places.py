"""An actor's and a place's events as a timeline (only those with published events exist publicly)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from events.models import Actor, Place
from events.presentation.record import collector_paused
from events.selectors import events_public_for_actor, events_public_for_place
from timeline.views.timelines import render_timeline, timeline_build, timeline_errors_as_400


@collector_paused()
@timeline_errors_as_400
def actor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=pk)
    base = events_public_for_actor(actor_id=actor.pk)
    if not base.exists():
        raise Http404("No published events for this actor")
    timeline = timeline_build(
        request, base, items_url=reverse("timeline:actor-items", args=[actor.pk]), base_key=("actor", actor.pk)
    )
    terms = actor.terms.select_related("office").order_by("start")  # the offices held (events/facts)
    context = {"actor": actor, "timeline": timeline, "terms": terms}
    return render_timeline(request, "timeline/actor.html", context, timeline)


@collector_paused()
@timeline_errors_as_400
def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(Place, pk=pk)
    base = events_public_for_place(place_id=place.pk)
    if not base.exists():
        raise Http404("No published events at this place")
    timeline = timeline_build(
        request, base, items_url=reverse("timeline:place-items", args=[place.pk]), base_key=("place", place.pk)
    )
    return render_timeline(request, "timeline/place.html", {"place": place, "timeline": timeline}, timeline)
