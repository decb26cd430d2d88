"""Atom (RFC 4287): newest and corrected events first, one entry each.

Entry ids are tag URIs (RFC 4151), stable for the life of an event; the feed has an author; the summary
is HTML whose every value is escaped, one line of plain text per ``<br>`` so its line breaks survive;
control characters (which XML 1.0 cannot hold) are dropped rather than failing the whole feed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta
from html import escape

from django.utils.feedgenerator import Atom1Feed

from events.presentation.formats.base import Format, RenderContext, printable
from events.presentation.record import EventRecord

# A save this long after publication counts as a correction (publishing itself saves the event).
CORRECTION_GRACE = timedelta(minutes=1)
FEED_AUTHOR = "Diplomatic timeline editors"


def is_corrected(record: EventRecord) -> bool:
    published = record.reviewed_at or record.created_at
    return record.updated_at - published > CORRECTION_GRACE


def entry_id(record: EventRecord, context: RenderContext) -> str:
    """``tag:host,YYYY-MM-DD:event/<id>``: an IRI that never changes, dated by the event's creation."""
    authority = context.host.split(":", 1)[0]  # a tag URI's authority is a DNS name, without a port
    return f"tag:{authority},{record.created_at:%Y-%m-%d}:event/{record.id}"


def entry_title(record: EventRecord) -> str:
    prefix = "Corrected: " if is_corrected(record) else ""
    return printable(f"{prefix}{record.date_display} — {record.title}")


def entry_summary(record: EventRecord) -> str:
    """HTML: date, type and status; the place; the summary; each quote with its outlet, a line each."""
    lines = [f"{record.date_display} · {record.type_label} · {record.status.title()}"]
    if record.place is not None:
        lines.append(f"Place: {record.place.name}")
    lines.extend(line for line in record.summary.splitlines() if line.strip())
    for citation in record.citations or ():
        article = citation.article
        lines.append(f"“{citation.quote}” — {article.outlet or 'Unknown outlet'}, {article.published or 'undated'}")
    return "<br>\n".join(escape(printable(line)) for line in lines)


def render(records: Iterable[EventRecord], context: RenderContext) -> Iterator[str]:
    feed = Atom1Feed(
        title=printable(context.title),
        link=context.alternate_url or context.site + "/",
        description="",
        subtitle=printable(context.description) or None,
        feed_url=context.self_url or None,
        author_name=FEED_AUTHOR,
        author_link=context.site + "/",
        language="en",
    )
    for record in records:
        feed.add_item(
            title=entry_title(record),
            link=context.page_url(record.id),
            description=entry_summary(record),
            unique_id=entry_id(record, context),
            pubdate=record.reviewed_at or record.created_at,
            updateddate=record.updated_at,
            categories=[record.type_label, record.status] + (["corrected"] if is_corrected(record) else []),
        )
    yield feed.writeString("utf-8")


FORMAT = Format(
    name="atom",
    media_type="application/atom+xml",
    extension="atom",
    streams=False,
    render=render,
    description="An Atom feed, one entry per event.",
)
