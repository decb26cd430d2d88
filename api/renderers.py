"""Output formats beyond JSON: flat CSV, JSON-LD (schema.org ``Event``) and TimelineJS.

Each renderer receives what the serializers produced (a page ``{"next", "results"}`` or one object) and
only reshapes it, so every format carries exactly the same facts as the JSON.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from rest_framework import renderers

# --- CSV --------------------------------------------------------------------------------------------

EVENT_CSV_COLUMNS = [
    "id",
    "title",
    "type",
    "plover_category",
    "plover_mode",
    "status",
    "review_state",
    "date_edtf",
    "date_lower",
    "date_upper",
    "precision",
    "date_is_week",
    "date_display",
    "confidence",
    "place_id",
    "place_name",
    "place_country_code",
    "place_latitude",
    "place_longitude",
    "actors",
    "topics",
    "citation_count",
    "first_source_url",
    "summary",
    "url",
    "updated_at",
]

CITATION_CSV_COLUMNS = [
    "id",
    "event_id",
    "quote",
    "start",
    "end",
    "time_text",
    "article_id",
    "article_url",
    "article_title",
    "article_published",
    "outlet",
    "outlet_domain",
]


def event_csv_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One event flattened: actors as ``name (role)`` and topics as slugs, each joined by ``; ``."""
    place = event.get("place") or {}
    citations = event.get("citations")
    cited = citations if isinstance(citations, list) else []
    return {
        **{key: event.get(key) for key in EVENT_CSV_COLUMNS if key in event},
        "place_id": place.get("id"),
        "place_name": place.get("name"),
        "place_country_code": place.get("country_code"),
        "place_latitude": place.get("latitude"),
        "place_longitude": place.get("longitude"),
        "actors": "; ".join(f"{a['name']} ({a['role']})" for a in event.get("actors", [])),
        "topics": "; ".join(t["slug"] for t in event.get("topics", [])),
        "citation_count": len(cited) if isinstance(citations, list) else None,
        "first_source_url": (cited[0]["article"] or {}).get("url") if cited else None,
    }


def citation_csv_row(citation: Mapping[str, Any]) -> dict[str, Any]:
    article = citation.get("article") or {}
    return {
        "id": citation.get("id"),
        "event_id": citation.get("event"),
        "quote": citation.get("quote"),
        "start": citation.get("start"),
        "end": citation.get("end"),
        "time_text": citation.get("time_text"),
        "article_id": article.get("id"),
        "article_url": article.get("url"),
        "article_title": article.get("title"),
        "article_published": article.get("published"),
        "outlet": article.get("outlet"),
        "outlet_domain": article.get("outlet_domain"),
    }


def csv_lines(rows: Iterable[Mapping[str, Any]], columns: list[str], *, header: bool = True) -> Iterable[str]:
    """CSV text one line at a time (for streaming), RFC 4180 quoting."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if header and buffer.getvalue():
        yield buffer.getvalue()


def csv_text(rows: Iterable[Mapping[str, Any]], columns: list[str]) -> str:
    """Many CSV lines (no header) as one string, in the same quoting as :func:`csv_lines`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([row.get(column) for column in columns] for row in rows)
    return buffer.getvalue()


def _items(data: Any) -> list[Mapping[str, Any]]:
    if isinstance(data, Mapping) and "results" in data:
        return list(data["results"])
    if isinstance(data, Mapping):
        return [data]
    return list(data or [])


class _CsvRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    columns: list[str] = []

    def row(self, item: Mapping[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        response = (renderer_context or {}).get("response")
        if data is None:
            return b""
        if response is not None and response.status_code >= 400:
            # Errors keep the one error shape, as a one-row CSV of code and message.
            error = (data or {}).get("error", {})
            return "".join(csv_lines([error], ["status", "code", "message"])).encode()
        return "".join(csv_lines((self.row(item) for item in _items(data)), self.columns)).encode()


class EventCsvRenderer(_CsvRenderer):
    columns = EVENT_CSV_COLUMNS

    def row(self, item: Mapping[str, Any]) -> dict[str, Any]:
        return event_csv_row(item)


class CitationCsvRenderer(_CsvRenderer):
    columns = CITATION_CSV_COLUMNS

    def row(self, item: Mapping[str, Any]) -> dict[str, Any]:
        return citation_csv_row(item)


# --- JSON-LD ----------------------------------------------------------------------------------------

JSONLD_CONTEXT: dict[str, Any] = {
    "@vocab": "https://schema.org/",
    "tl": "https://example.org/timeline/terms#",
    "edtf": {"@id": "tl:edtf", "@type": "http://id.loc.gov/datatypes/edtf"},
    "precision": "tl:precision",
    "ploverCategory": "tl:ploverCategory",
    "ploverMode": "tl:ploverMode",
    "eventType": "tl:eventType",
    "role": "tl:role",
    "quote": "tl:quote",
    "next": {"@id": "tl:nextPage", "@type": "@id"},
}

_SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
    "occurred": "https://schema.org/EventScheduled",
    "ongoing": "https://schema.org/EventScheduled",
}
_SCHEMA_ACTOR_TYPES = {"person": "Person", "state": "Country", "organization": "Organization"}


def event_jsonld(event: Mapping[str, Any]) -> dict[str, Any]:
    """A schema.org ``Event``. schema.org dates are ISO 8601 days, so ``startDate``/``endDate`` are the
    bounds; the EDTF string stays alongside as ``edtf`` so no precision is lost."""
    place = event.get("place")
    node: dict[str, Any] = {
        "@type": "Event",
        "@id": event.get("url"),
        "identifier": event.get("id"),
        "name": event.get("title"),
        "description": event.get("summary") or None,
        "startDate": event.get("date_lower"),
        "endDate": event.get("date_upper"),
        "edtf": event.get("date_edtf"),
        "precision": event.get("precision"),
        "eventStatus": _SCHEMA_STATUS.get(str(event.get("status"))),
        "eventType": event.get("type"),
        "ploverCategory": event.get("plover_category") or None,
        "ploverMode": event.get("plover_mode") or None,
        "dateModified": event.get("updated_at"),
        "about": [{"@type": "Thing", "name": t["name"], "identifier": t["slug"]} for t in event.get("topics", [])],
        "actor": [
            {
                "@type": _SCHEMA_ACTOR_TYPES.get(a["kind"], "Thing"),
                "name": a["name"],
                "identifier": a["id"],
                "sameAs": f"https://www.wikidata.org/wiki/{a['wikidata_id']}" if a.get("wikidata_id") else None,
                "role": a["role"],
            }
            for a in event.get("actors", [])
        ],
    }
    if place:
        location: dict[str, Any] = {"@type": "Place", "name": place["name"], "identifier": place["id"]}
        if place.get("country_code"):
            location["address"] = {"@type": "PostalAddress", "addressCountry": place["country_code"]}
        if place.get("latitude") is not None:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": place["latitude"],
                "longitude": place["longitude"],
            }
        node["location"] = location
    citations = event.get("citations")
    if isinstance(citations, list):
        node["citation"] = [
            {
                "@type": "NewsArticle",
                "url": (c.get("article") or {}).get("url"),
                "headline": (c.get("article") or {}).get("title"),
                "datePublished": (c.get("article") or {}).get("published"),
                "publisher": {"@type": "Organization", "name": (c.get("article") or {}).get("outlet")},
                "quote": c.get("quote"),
            }
            for c in citations
        ]
    elif citations:
        node["citation"] = {"@id": citations}
    return _without_nulls(node)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


class EventJsonLdRenderer(renderers.JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        response = (renderer_context or {}).get("response")
        if data is None or (response is not None and response.status_code >= 300):
            return super().render(data, accepted_media_type, renderer_context)
        if isinstance(data, Mapping) and "results" in data:
            document: dict[str, Any] = {
                "@context": JSONLD_CONTEXT,
                "@graph": [event_jsonld(e) for e in data["results"]],
            }
            if data.get("next"):
                document["next"] = data["next"]
        else:
            document = {"@context": JSONLD_CONTEXT, **event_jsonld(data)}
        return super().render(document, accepted_media_type, renderer_context)


# --- TimelineJS -------------------------------------------------------------------------------------


def _timeline_date(iso: str | None, precision: str | None, display: str | None) -> dict[str, Any] | None:
    if not iso:
        return None
    day = date.fromisoformat(iso)
    out: dict[str, Any] = {"year": day.year}
    # TimelineJS shows the parts it is given: give no more than the date's precision.
    if precision in {"day", "week", "month", "season"}:
        out["month"] = day.month
    if precision in {"day", "week"}:
        out["day"] = day.day
    if display:
        out["display_date"] = display
    return out


def event_timeline_slide(event: Mapping[str, Any]) -> dict[str, Any]:
    """A TimelineJS slide; the dates carry only the parts the event's precision supports."""
    precision = event.get("precision")
    slide: dict[str, Any] = {
        "unique_id": f"event-{event.get('id')}",
        "start_date": _timeline_date(event.get("date_lower"), precision, event.get("date_display")),
        "text": {"headline": event.get("title"), "text": event.get("summary") or ""},
        "group": event.get("type"),
    }
    if event.get("date_upper") and event.get("date_upper") != event.get("date_lower") and precision == "day":
        slide["end_date"] = _timeline_date(event.get("date_upper"), precision, None)
    citations = event.get("citations")
    if isinstance(citations, list) and citations:
        article = citations[0].get("article") or {}
        slide["media"] = {
            "url": article.get("url"),
            "caption": citations[0].get("quote"),
            "credit": article.get("outlet"),
        }
    return slide


class TimelineJsRenderer(renderers.JSONRenderer):
    """TimelineJS's JSON (``{"events": [...]}``); load it with ``new TL.Timeline(id, url)``."""

    media_type = "application/vnd.timelinejs+json"
    format = "timeline"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        response = (renderer_context or {}).get("response")
        if data is None or (response is not None and response.status_code >= 300):
            return super().render(data, accepted_media_type, renderer_context)
        document: dict[str, Any] = {"events": [event_timeline_slide(e) for e in _items(data)]}
        if isinstance(data, Mapping) and data.get("next"):
            document["next"] = data["next"]
        return super().render(document, accepted_media_type, renderer_context)


class NdjsonRenderer(renderers.BaseRenderer):
    """Only names the format for content negotiation; the export view streams the body itself."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        import json

        return (json.dumps(data, default=str) + "\n").encode()


class CsvExportRenderer(EventCsvRenderer):
    """The export's CSV; errors are rendered like any CSV error."""
