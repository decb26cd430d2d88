"""A topic's events in other formats: Atom (new and corrected events), iCalendar (scheduled events)
and TimelineJS JSON (Knight Lab's viewer).

Every builder takes events already fetched with their relations, so each feed costs a constant number
of queries; only published events of a published topic ever reach them (the views check).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from events.domain.vocabulary import EVENT_TYPES, EventType
from events.models import Event, Topic
from events.selectors import events_public_for_topic, events_public_with_relations, topic_public_get
from timeline.render import public_list
from timeline.timeline_groups import anchor_date

FEED_ITEMS = 50
# A save this long after publication counts as a correction (publishing itself saves the event).
CORRECTION_GRACE = timedelta(minutes=1)


def is_corrected(event: Event) -> bool:
    published = event.reviewed_at or event.created_at
    return event.updated_at - published > CORRECTION_GRACE


class TopicAtomFeed(Feed):
    """Atom: the topic's published events, most recently created or corrected first."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        topic = topic_public_get(slug=slug)
        if topic is None:
            raise Http404("No such topic")
        return topic

    def title(self, obj: Topic) -> str:
        return f"{obj.name}: timeline updates"

    def link(self, obj: Topic) -> str:
        return reverse("timeline:topic", args=[obj.slug])

    def subtitle(self, obj: Topic) -> str:
        return obj.description or f"New and corrected events in {obj.name}."

    def items(self, obj: Topic) -> list[Event]:
        events = events_public_for_topic(topic=obj).order_by("-updated_at", "-pk")
        return list(events_public_with_relations(events, with_topics=False)[:FEED_ITEMS])

    def item_title(self, item: Event) -> str:
        prefix = "Corrected: " if is_corrected(item) else ""
        return f"{prefix}{item.human_date} — {item.title}"

    def item_description(self, item: Event) -> str:
        # Plain text (the feed generator escapes it); the quotes are the evidence, so they come along.
        lines = [f"{item.human_date} · {_type_label(item.event_type)} · {item.get_status_display()}"]
        if item.place is not None:
            lines.append(f"Place: {item.place.name}")
        if item.summary:
            lines.append(item.summary)
        for citation in public_list(item, "citations"):
            outlet = citation.article.source.name if citation.article.source else "Unknown outlet"
            lines.append(f"“{citation.quote}” — {outlet}, {citation.article.published or 'undated'}")
        return "\n".join(lines)

    def item_link(self, item: Event) -> str:
        return reverse("timeline:event", args=[item.pk])

    def item_guid(self, item: Event) -> str:
        return f"event-{item.pk}"

    def item_pubdate(self, item: Event) -> datetime:
        return item.reviewed_at or item.created_at

    def item_updateddate(self, item: Event) -> datetime:
        return item.updated_at

    def item_categories(self, item: Event) -> list[str]:
        return [_type_label(item.event_type), item.status] + (["corrected"] if is_corrected(item) else [])


def _type_label(value: str) -> str:
    try:
        return EVENT_TYPES[EventType(value)].label
    except ValueError:
        return value


# --- iCalendar (RFC 5545), written by hand: a handful of properties does not need a dependency. ---


def _ical_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _ical_fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def ical_calendar(*, topic: Topic, events: Iterable[Event], base_url: str, host: str) -> str:
    """A VCALENDAR with one all-day VEVENT per scheduled event, spanning its whole EDTF interval.

    A summit "in November" becomes a month-long all-day event: the calendar cannot say "some day in
    November" and the description gives the date as the sources do.
    """
    now = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Diplomatic timeline//Scheduled events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ical_escape(topic.name)} — scheduled",
    ]
    for event in events:
        start = anchor_date(event)
        end = event.date_upper + timedelta(days=1)  # DTEND is exclusive for all-day events
        url = f"{base_url}{reverse('timeline:event', args=[event.pk])}"
        description = f"Date as reported: {event.human_date}. {event.summary}".strip()
        stamp = event.updated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") if event.updated_at else now
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_ical_escape(event.title)}",
            f"DESCRIPTION:{_ical_escape(description)}",
            f"URL:{url}",
            "STATUS:TENTATIVE" if event.precision not in {"day", "week"} else "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
        ]
        if event.place is not None:
            lines.append(f"LOCATION:{_ical_escape(str(event.place))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_ical_fold(line) for line in lines) + "\r\n"


# --- TimelineJS (Knight Lab) JSON -------------------------------------------------------------------


def _tljs_date(day: Any, precision: str) -> dict[str, str]:
    # Give TimelineJS only the parts we know, so "May 2024" is not shown as 1 May.
    parts = {"year": str(day.year)}
    if precision in {"day", "week", "month", "season"}:
        parts["month"] = str(day.month)
    if precision in {"day", "week"}:
        parts["day"] = str(day.day)
    return parts


def timelinejs_document(*, topic: Topic, events: Iterable[Event], base_url: str) -> dict[str, Any]:
    """The Knight Lab TimelineJS3 JSON format: a title slide and one slide per event."""
    slides: list[dict[str, Any]] = []
    for event in events:
        url = f"{base_url}{reverse('timeline:event', args=[event.pk])}"
        sources = "".join(
            f"<li>“{_html(c.quote)}” — {_html(c.article.source.name if c.article.source else 'Unknown outlet')}</li>"
            for c in public_list(event, "citations")
        )
        slide: dict[str, Any] = {
            "unique_id": f"event-{event.pk}",
            "start_date": _tljs_date(anchor_date(event), event.precision),
            "display_date": event.human_date,
            "group": _type_label(event.event_type),
            "text": {
                "headline": _html(event.title),
                "text": f'<p>{_html(event.summary)}</p><ol>{sources}</ol><p><a href="{_html(url)}">Permalink</a></p>',
            },
        }
        if "/" in event.date_edtf and event.date_upper != event.date_lower and event.date_upper.year < 9999:
            slide["end_date"] = _tljs_date(event.date_upper, event.precision)
        slides.append(slide)
    return {
        "title": {"text": {"headline": _html(topic.name), "text": f"<p>{_html(topic.description)}</p>"}},
        "events": slides,
    }


def _html(text: str) -> str:
    from django.utils.html import escape

    return str(escape(text))
