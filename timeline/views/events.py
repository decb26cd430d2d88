"""An event's permalink: all its citations, related events and corrections history.

The permalink survives merges: the id of an event merged into another answers 301 to the survivor.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse

from events.selectors import event_public_get, event_public_history


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event, survivor = event_public_get(pk=pk)
    if survivor is not None:
        return HttpResponsePermanentRedirect(reverse("timeline:event", args=[survivor.pk]))
    if event is None:
        raise Http404("No such event")
    context = {
        "event": event,
        "history": event_public_history(event=event),
        "permalink": request.build_absolute_uri(reverse("timeline:event", args=[event.pk])),
    }
    return render(request, "timeline/event.html", context)
