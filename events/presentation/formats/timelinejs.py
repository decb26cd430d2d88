"""TimelineJS (Knight Lab, TimelineJS3's JSON): one slide per event, and a title slide for a topic.

A date carries only the parts its precision supports, so "May 2024" is not shown as 1 May; an event
open at the start ("until 2012") is filed under its end, and one open at the end has no ``end_date``.
Every text is HTML in TimelineJS, so every value is escaped; the sources go in the slide's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from html import escape
from typing import Any

from events.presentation.formats.base import Format, RenderContext
from events.presentation.formats.json import encode
from events.presentation.record import EventRecord

_MONTH_PRECISIONS = {"day", "week", "month", "season"}
_DAY_PRECISIONS = {"day", "week"}


def _date(day: date, precision: str) -> dict[str, int]:
    parts = {"year": day.year}
    if precision in _MONTH_PRECISIONS:
        parts["month"] = day.month
    if precision in _DAY_PRECISIONS:
        parts["day"] = day.day
    return parts


def event_slide(record: EventRecord, context: RenderContext) -> dict[str, Any]:
    """A TimelineJS slide: dates at the event's precision, headline, summary, sources and permalink."""
    sources = "".join(
        f"<li>“{escape(c.quote)}” — {escape(c.article.outlet or 'Unknown outlet')}</li>" for c in record.citations or ()
    )
    text = f"<p>{escape(record.summary)}</p>"
    if sources:
        text += f"<ol>{sources}</ol>"
    text += f'<p><a href="{escape(context.page_url(record.id))}">Permalink</a></p>'
    slide: dict[str, Any] = {
        "unique_id": f"event-{record.id}",
        "start_date": _date(record.anchor_date, record.precision),
        "display_date": record.date_display,
        "group": record.type_label,
        "text": {"headline": escape(record.title), "text": text},
    }
    if (
        not record.open_start
        and not record.open_end
        and record.date_upper != record.date_lower
        and "/" in record.date_edtf
    ):
        slide["end_date"] = _date(record.date_upper, record.precision)
    return slide


def render(records: Iterable[EventRecord], context: RenderContext) -> Iterator[str]:
    document: dict[str, Any] = {}
    if context.title:
        document["title"] = {
            "text": {"headline": escape(context.title), "text": f"<p>{escape(context.description)}</p>"}
        }
    document["events"] = [event_slide(record, context) for record in records]
    if context.next_url:
        document["next"] = context.next_url
    yield encode(document)


FORMAT = Format(
    name="timeline",
    media_type="application/vnd.timelinejs+json",
    extension="timelinejs.json",
    streams=False,
    render=render,
    description="TimelineJS3 JSON (load it with `new TL.Timeline(id, url)`).",
)
