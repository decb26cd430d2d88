"""A topic's events as files: any registry format at ``events.<extension>`` (filtered by the same
FilterSet as the pages and the API), and the three long-standing downloads, each one format over a
fixed selection: ``feed.atom`` (newest and corrected first), ``scheduled.ics`` (scheduled events still
ahead) and ``timelinejs.json`` (every event, for Knight Lab's viewer).

Only published events of a published topic reach them; each costs a constant number of queries.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from events.filters import EventFilterSet
from events.models import Event, Topic
from events.presentation.formats.base import Format, RenderContext, in_chunks
from events.presentation.formats.registry import BY_EXTENSION, FORMATS
from events.presentation.record import event_records, event_records_chunked
from events.selectors import events_public_for_topic, topic_public_get

FEED_ITEMS = 50


def _topic_or_404(slug: str) -> Topic:
    topic = topic_public_get(slug=slug)
    if topic is None:
        raise Http404("No such topic")
    return topic


def _context(request: HttpRequest, topic: Topic, title: str = "", description: str = "") -> RenderContext:
    return RenderContext(
        site=request.build_absolute_uri("/").rstrip("/"),
        title=title or topic.name,
        description=description or topic.description,
        self_url=request.build_absolute_uri(request.path),
        alternate_url=request.build_absolute_uri(reverse("timeline:topic", args=[topic.slug])),
    )


def _download(
    request: HttpRequest,
    topic: Topic,
    fmt: Format,
    events: QuerySet[Event],
    *,
    filename: str,
    content_type: str = "",
    title: str = "",
    description: str = "",
) -> HttpResponse:
    context = _context(request, topic, title, description)
    content_type = content_type or f"{fmt.media_type}; charset=utf-8"
    response: HttpResponse | StreamingHttpResponse
    if fmt.streams:
        body = in_chunks(fmt.render(event_records_chunked(events), context))
        response = StreamingHttpResponse(body, content_type=content_type)
    else:
        response = HttpResponse("".join(fmt.render(event_records(events), context)), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # Public data: a viewer or notebook on another origin may read it (Knight Lab's viewer does).
    response["Access-Control-Allow-Origin"] = "*"
    return response  # type: ignore[return-value]


def topic_events(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    """The topic's published events, filtered like its page, in the format named by the extension."""
    fmt = BY_EXTENSION.get(extension)
    if fmt is None:
        supported = ", ".join(f"events.{ext}" for ext in BY_EXTENSION)
        return HttpResponse(
            f"Unsupported format {extension[:40]!r}; use one of: {supported}\n",
            status=406,
            content_type="text/plain; charset=utf-8",
        )
    topic = _topic_or_404(slug)
    filterset = EventFilterSet(request.GET, queryset=events_public_for_topic(topic=topic))
    if not filterset.is_valid():
        errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
        return HttpResponse(f"Invalid filter. {errors}\n", status=400, content_type="text/plain; charset=utf-8")
    events = filterset.qs.order_by("date_lower", "pk")
    return _download(request, topic, fmt, events, filename=f"{topic.slug}-events.{fmt.extension}")


def topic_atom(request: HttpRequest, slug: str) -> HttpResponse:
    topic = _topic_or_404(slug)
    events = events_public_for_topic(topic=topic).order_by("-updated_at", "-pk")[:FEED_ITEMS]
    return _download(
        request,
        topic,
        FORMATS["atom"],
        events,
        filename=f"{topic.slug}.atom",
        title=f"{topic.name}: timeline updates",
        description=topic.description or f"New and corrected events in {topic.name}.",
    )


def topic_ical(request: HttpRequest, slug: str) -> HttpResponse:
    topic = _topic_or_404(slug)
    today = timezone.localdate()
    scheduled = events_public_for_topic(topic=topic).filter(status="scheduled", date_upper__gte=today)
    return _download(
        request,
        topic,
        FORMATS["ical"],
        scheduled.order_by("date_lower", "pk"),
        filename=f"{topic.slug}-scheduled.ics",
        title=f"{topic.name} — scheduled",
    )


def topic_timelinejs(request: HttpRequest, slug: str) -> HttpResponse:
    topic = _topic_or_404(slug)
    events = events_public_for_topic(topic=topic).order_by("date_lower", "pk")
    return _download(
        request,
        topic,
        FORMATS["timeline"],
        events,
        filename=f"{topic.slug}-timelinejs.json",
        content_type="application/json",
    )
