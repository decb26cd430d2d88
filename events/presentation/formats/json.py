"""JSON: the API's own representation of an event (the OpenAPI schema describes it), and a page of them.

A list is ``{"count": n, "count_is_estimate": bool, "next": <url or null>, "results": [...]}``; a single
event is its object.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from events.presentation.formats.base import Format, RenderContext
from events.presentation.record import CitationRef, EventRecord

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def encode(value: Any) -> str:
    """JSON as DRF writes it by default (UNICODE_JSON, COMPACT_JSON, U+2028/2029 escaped for JavaScript)."""
    return _encoder.encode(value).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def iso(value: date | datetime | None) -> str | None:
    """A date, or an aware UTC datetime as DRF writes it (``Z`` for UTC)."""
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def citation_json(citation: CitationRef, event_id: int) -> dict[str, Any]:
    article = citation.article
    return {
        "id": citation.id,
        "event": event_id,
        "quote": citation.quote,
        "start": citation.start,
        "end": citation.end,
        "time_text": citation.time_text,
        "date_basis": citation.date_basis,
        "article": {
            "id": article.id,
            "url": article.url,
            "title": article.title,
            "published": iso(article.published),
            "outlet": article.outlet,
            "outlet_domain": article.outlet_domain,
        },
    }


def event_json(record: EventRecord, context: RenderContext) -> dict[str, Any]:
    """The event as the API shows it; ``citations`` is their list, or the URL listing them when the
    record was read without them (``citations=link``)."""
    pk = record.id
    category, mode = record.plover
    place = record.place
    return {
        "id": pk,
        "url": context.api_event_url(pk),
        "title": record.title,
        "summary": record.summary,
        "type": record.event_type,
        "plover_category": category,
        "plover_mode": mode,
        "status": record.status,
        "review_state": record.review_state,
        "date_edtf": record.date_edtf,
        "date_lower": record.date_lower.isoformat(),
        "date_upper": record.date_upper.isoformat(),
        "precision": record.precision,
        "date_is_week": record.date_is_week,
        "date_display": record.date_display,
        "confidence": record.confidence,
        "place": None if place is None else place._asdict(),
        "actors": [actor._asdict() for actor in record.actors],
        "topics": [topic._asdict() for topic in record.topics or ()],
        "related": [{"kind": relation.kind, "event": relation.event} for relation in record.related],
        "citations": context.api_citations_url(pk)
        if record.citations is None
        else [citation_json(citation, pk) for citation in record.citations],
        "created_at": iso(record.created_at),
        "updated_at": iso(record.updated_at),
    }


def render(records: Iterable[EventRecord], context: RenderContext) -> Iterator[str]:
    if context.single:
        for record in records:
            yield encode(event_json(record, context))
        return
    # Written as it goes, so a set of any size streams; the same bytes json.dumps gives the whole.
    counted = ""
    if context.count is not None:
        counted = f'"count":{context.count},"count_is_estimate":{encode(context.count_is_estimate)},'
    yield "{" + counted + '"next":' + encode(context.next_url) + ',"results":['
    separator = ""
    for record in records:
        yield separator + encode(event_json(record, context))
        separator = ","
    yield "]}"


FORMAT = Format(
    name="json",
    media_type="application/json",
    extension="json",
    streams=True,
    render=render,
    description="The API's JSON: `{next, results}` for a list.",
)
