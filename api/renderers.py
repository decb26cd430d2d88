"""The API's renderers, built from the format registry, and the citations' CSV.

An event view answers with a :class:`RecordDocument` (records and a render context); the renderer of
the negotiated format writes it with that format's ``render``. Anything else (an error body, another
kind of object) is written as the API's JSON, or as the format's own error shape when it has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rest_framework import renderers

from events.presentation.formats import csv as csv_format
from events.presentation.formats.base import Format, RenderContext
from events.presentation.formats.registry import FORMATS, streaming_formats
from events.presentation.record import EventRecord


@dataclass(frozen=True)
class RecordDocument:
    """What an event view hands its renderer: the records and how to link them."""

    records: Iterable[EventRecord]
    context: RenderContext


class RecordRenderer(renderers.BaseRenderer):
    """Writes a :class:`RecordDocument` in one registry format (subclassed per format below)."""

    record_format: Format
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, RecordDocument):
            return "".join(self.record_format.render(data.records, data.context)).encode()
        if data is None:
            return b""
        error = data.get("error") if isinstance(data, Mapping) else None
        if isinstance(error, Mapping) and self.record_format.render_error is not None:
            return self.record_format.render_error(
                error.get("status", 0), str(error.get("code", "")), str(error.get("message", ""))
            ).encode()
        return renderers.JSONRenderer().render(data, accepted_media_type, renderer_context)


def renderer_for(fmt: Format) -> type[RecordRenderer]:
    """A DRF renderer class for one registry format."""
    return type(
        f"{fmt.name.title()}RecordRenderer",
        (RecordRenderer,),
        {
            "record_format": fmt,
            "media_type": fmt.media_type,
            "format": fmt.name,
            # JSON is UTF-8 by definition; DRF's JSON renderers name no charset either.
            "charset": None if fmt.media_type.endswith("json") else "utf-8",
            "__doc__": fmt.description,
        },
    )


# The event list and detail speak every format; the export every streaming one, NDJSON first (its default).
EVENT_RENDERERS: list[type[renderers.BaseRenderer]] = [renderer_for(fmt) for fmt in FORMATS.values()]
EXPORT_RENDERERS: list[type[renderers.BaseRenderer]] = [
    renderer_for(fmt) for fmt in sorted(streaming_formats(), key=lambda fmt: fmt.name != "ndjson")
]


CITATION_CSV_COLUMNS = (
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
)


def citation_csv_row(citation: Mapping[str, Any]) -> list[Any]:
    article = citation.get("article") or {}
    return [
        citation.get("id"),
        citation.get("event"),
        citation.get("quote"),
        citation.get("start"),
        citation.get("end"),
        citation.get("time_text"),
        article.get("id"),
        article.get("url"),
        article.get("title"),
        article.get("published"),
        article.get("outlet"),
        article.get("outlet_domain"),
    ]


class CitationCsvRenderer(renderers.BaseRenderer):
    """Citations flattened, through the one CSV writer (:func:`events.presentation.formats.csv.csv_lines`)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if data is None:
            return b""
        if isinstance(data, Mapping) and isinstance(data.get("error"), Mapping):
            error = data["error"]
            return csv_format.render_error(
                error.get("status", 0), error.get("code", ""), error.get("message", "")
            ).encode()
        items = data["results"] if isinstance(data, Mapping) and "results" in data else data
        if isinstance(items, Mapping):
            items = [items]
        return "".join(csv_format.csv_lines((citation_csv_row(c) for c in items), CITATION_CSV_COLUMNS)).encode()
