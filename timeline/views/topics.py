"""A topic's timeline, and its compact embeddable form."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt

from events.models import Topic
from events.presentation.record import collector_paused
from events.selectors import events_public_for_topic, topic_public_get
from timeline.views.timelines import render_timeline, timeline_build, timeline_errors_as_400


def _topic_or_404(slug: str) -> Topic:
    topic = topic_public_get(slug=slug)
    if topic is None:
        raise Http404("No such topic")
    return topic


@collector_paused()
@timeline_errors_as_400
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = _topic_or_404(slug)
    items_url = reverse("timeline:topic-items", args=[topic.slug])
    timeline = timeline_build(
        request, events_public_for_topic(topic=topic), items_url=items_url, base_key=("topic", topic.pk)
    )
    embed_url = request.build_absolute_uri(reverse("timeline:topic-embed", args=[topic.slug]))
    context = {"topic": topic, "timeline": timeline, "embed_url": embed_url}
    return render_timeline(request, "timeline/topic.html", context, timeline)


# Framing is the point of this page, so it alone is exempt from X-Frame-Options; its links open in the
# parent window (<base target="_parent">), never inside the frame.
@xframe_options_exempt
@collector_paused()
@timeline_errors_as_400
def topic_embed(request: HttpRequest, slug: str) -> HttpResponse:
    topic = _topic_or_404(slug)
    timeline = timeline_build(
        request, events_public_for_topic(topic=topic), with_notes=False, base_key=("topic", topic.pk)
    )
    return render_timeline(request, "timeline/embed.html", {"topic": topic, "timeline": timeline}, timeline)
