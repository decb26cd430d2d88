"""An event's permalink: all its citations, related events and corrections history.

The permalink survives merges: the id of an event merged into another answers 301 to the survivor.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse

from events.selectors import event_public_get, event_public_history
from events.selectors_facts import offices_held_at


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event, survivor = event_public_get(pk=pk)
    if survivor is not None:
        return HttpResponsePermanentRedirect(reverse("timeline:event", args=[survivor.pk]))
    if event is None:
        raise Http404("No such event")
    links = list(event.actor_links.all())
    offices = offices_held_at(
        actor_ids=[link.actor_id for link in links], lower=event.date_lower, upper=event.date_upper
    )
    for link in links:
        link.office_name = offices.get(link.actor_id, "")  # type: ignore[attr-defined]  # shown beside the name
    context = {
        "event": event,
        "history": event_public_history(event=event),
        "permalink": request.build_absolute_uri(reverse("timeline:event", args=[event.pk])),
    }
    return render(request, "timeline/event.html", context)
