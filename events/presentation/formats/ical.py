"""iCalendar (RFC 5545), written with the ``icalendar`` library: one all-day VEVENT per event.

A summit "in November" becomes a month-long all-day event: a calendar cannot say "some day in
November", so the description gives the date as the sources do, then the summary and the quotes.
An event open at the end ("from March 2027", or dated 9999-12-31) has no ``DTEND`` (one day, its
start); one open at the start is placed on its end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta

import icalendar

from events.presentation.formats.base import Format, RenderContext, printable
from events.presentation.record import EventRecord

PRODID = "-//Diplomatic timeline//Events//EN"


def description(record: EventRecord) -> str:
    """The date as reported, the summary, and each source's quote with its outlet, a line each."""
    lines = [f"Date as reported: {record.date_display}."]
    if record.summary:
        lines.append(record.summary)
    for citation in record.citations or ():
        article = citation.article
        lines.append(f"“{citation.quote}” — {article.outlet or 'Unknown outlet'}, {article.published or 'undated'}")
    return "\n".join(lines)


def _text(value: str) -> str:
    # A lone CR would end a content line (RFC 5545 lines end with CRLF); make every break a LF, which
    # the library escapes as \n, and drop the control characters the format does not allow.
    return printable(value.replace("\r\n", "\n").replace("\r", "\n"))


def vevent(record: EventRecord, context: RenderContext) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"event-{record.id}@{context.host.split(':', 1)[0]}")
    event.add("dtstamp", record.updated_at)
    start = record.anchor_date
    event.add("dtstart", start)
    if not record.open_end and not record.open_start and record.date_upper > start:
        event.add("dtend", record.date_upper + timedelta(days=1))  # DTEND is exclusive for all-day events
    event.add("summary", _text(record.title))
    event.add("description", _text(description(record)))
    event.add("url", context.page_url(record.id))
    event.add("status", "CONFIRMED" if record.precision in {"day", "week"} else "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    if record.place is not None:
        event.add("location", _text(record.place.name))
    return event


def render(records: Iterable[EventRecord], context: RenderContext) -> Iterator[str]:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if context.title:
        calendar.add("x-wr-calname", _text(context.title))
    for record in records:
        calendar.add_component(vevent(record, context))
    yield calendar.to_ical().decode("utf-8")


FORMAT = Format(
    name="ical",
    media_type="text/calendar",
    extension="ics",
    streams=False,
    render=render,
    description="iCalendar, one all-day event per event spanning its whole date.",
)
