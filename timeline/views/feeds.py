"""Per-topic iCalendar and TimelineJS downloads (the Atom feed is timeline.feeds.TopicAtomFeed)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from events.models import Topic
from events.selectors import events_public_for_topic, events_public_with_relations, topic_public_get
from timeline.feeds import ical_calendar, timelinejs_document


def _topic_or_404(slug: str) -> Topic:
    topic = topic_public_get(slug=slug)
    if topic is None:
        raise Http404("No such topic")
    return topic


def topic_ical(request: HttpRequest, slug: str) -> HttpResponse:
    topic = _topic_or_404(slug)
    today = timezone.localdate()
    scheduled = events_public_for_topic(topic=topic).filter(status="scheduled", date_upper__gte=today)
    events = events_public_with_relations(scheduled.select_related("place"), with_topics=False).order_by("date_lower")
    body = ical_calendar(
        topic=topic, events=events, base_url=request.build_absolute_uri("/").rstrip("/"), host=request.get_host()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{topic.slug}-scheduled.ics"'
    return response


def topic_timelinejs(request: HttpRequest, slug: str) -> JsonResponse:
    topic = _topic_or_404(slug)
    events = events_public_with_relations(events_public_for_topic(topic=topic), with_topics=False).order_by(
        "date_lower", "pk"
    )
    document = timelinejs_document(topic=topic, events=events, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    # The Knight Lab viewer loads the JSON from its own origin.
    response["Access-Control-Allow-Origin"] = "*"
    return response
