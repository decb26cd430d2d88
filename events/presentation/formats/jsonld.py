"""JSON-LD: each event a schema.org ``Event``; a list is a ``@graph``.

schema.org dates are ISO 8601 days, so ``startDate``/``endDate`` are the bounds (an open bound is left
out); the EDTF string stays alongside as ``edtf`` so no precision is lost. ``@id`` is the event's
canonical API URL, the same whatever format asked for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from events.presentation.formats.base import Format, RenderContext
from events.presentation.formats.json import encode, iso
from events.presentation.record import EventRecord

CONTEXT: dict[str, Any] = {
    "@vocab": "https://schema.org/",
    "tl": "https://example.org/timeline/terms#",
    "edtf": {"@id": "tl:edtf", "@type": "http://id.loc.gov/datatypes/edtf"},
    "precision": "tl:precision",
    "ploverCategory": "tl:ploverCategory",
    "ploverMode": "tl:ploverMode",
    "eventType": "tl:eventType",
    "role": "tl:role",
    "quote": "tl:quote",
    # schema.org gives an Event no ``citation`` and no ``dateModified`` (both are CreativeWork's): here
    # they are terms of our own vocabulary, so every schema.org property used is one an Event has.
    "citation": "tl:citation",
    "dateModified": "tl:dateModified",
    "next": {"@id": "tl:nextPage", "@type": "@id"},
}

_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
    "occurred": "https://schema.org/EventScheduled",
    "ongoing": "https://schema.org/EventScheduled",
}
_ACTOR_TYPES = {"person": "Person", "state": "Country", "organization": "Organization"}


def event_node(record: EventRecord, context: RenderContext) -> dict[str, Any]:
    """A schema.org ``Event`` node (no null values, no empty lists)."""
    category, mode = record.plover
    node: dict[str, Any] = {
        "@type": "Event",
        "@id": context.api_event_url(record.id),
        "identifier": record.id,
        "name": record.title,
        "description": record.summary or None,
        "startDate": None if record.open_start else record.date_lower.isoformat(),
        "endDate": None if record.open_end else record.date_upper.isoformat(),
        "edtf": record.date_edtf,
        "precision": record.precision,
        "eventStatus": _STATUS.get(record.status),
        "eventType": record.event_type,
        "ploverCategory": category or None,
        "ploverMode": mode or None,
        "dateModified": iso(record.updated_at),
        "about": [{"@type": "Thing", "name": t.name, "identifier": t.slug} for t in record.topics or ()],
        "actor": [
            {
                "@type": _ACTOR_TYPES.get(a.kind, "Thing"),
                "name": a.name,
                "identifier": a.id,
                "sameAs": f"https://www.wikidata.org/wiki/{a.wikidata_id}" if a.wikidata_id else None,
                "role": a.role,
            }
            for a in record.actors
        ],
    }
    place = record.place
    if place is not None:
        location: dict[str, Any] = {"@type": "Place", "name": place.name, "identifier": place.id}
        if place.country_code:
            location["address"] = {"@type": "PostalAddress", "addressCountry": place.country_code}
        if place.latitude is not None:
            location["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
        node["location"] = location
    if record.citations is None:
        node["citation"] = {"@id": context.api_citations_url(record.id)}
    else:
        node["citation"] = [
            {
                "@type": "NewsArticle",
                "url": c.article.url,
                "headline": c.article.title,
                "datePublished": iso(c.article.published),
                "publisher": {"@type": "Organization", "name": c.article.outlet},
                "quote": c.quote,
            }
            for c in record.citations
        ]
    return _without_nulls(node)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def render(records: Iterable[EventRecord], context: RenderContext) -> Iterator[str]:
    if context.single:
        for record in records:
            yield encode({"@context": CONTEXT, **event_node(record, context)})
        return
    yield '{"@context":' + encode(CONTEXT) + ',"@graph":['
    separator = ""
    for record in records:
        yield separator + encode(event_node(record, context))
        separator = ","
    yield "]" + (f',"next":{encode(context.next_url)}' if context.next_url else "") + "}"


FORMAT = Format(
    name="jsonld",
    media_type="application/ld+json",
    extension="jsonld",
    streams=True,
    render=render,
    description="schema.org `Event`s as JSON-LD, the EDTF date kept beside the day bounds.",
)
