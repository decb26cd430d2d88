"""CSV (RFC 4180): one flat row per event; also the one CSV writer every CSV of the API goes through.

Actors are written ``name (role)`` and topics as slugs, each joined by ``; ``. A text cell that a
spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) is neutralised as OWASP recommends: a ``'`` goes in front, so the cell shows as text. Numbers
are written as numbers (a negative longitude stays ``-73.9``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from events.presentation.formats.base import Format, RenderContext
from events.presentation.formats.json import iso
from events.presentation.record import EventRecord

EVENT_COLUMNS = (
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
    "actor1",
    "actor1_country_code",
    "actor2",
    "actor2_country_code",
    "topics",
    "citation_count",
    "first_source_url",
    "summary",
    "url",
    "updated_at",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A value as a CSV cell: text that starts like a formula gets a leading ``'`` (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class _Line:
    """A file object that keeps the last line written (``csv.writer`` writes one row per call)."""

    __slots__ = ("text",)

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text = text


def csv_lines(rows: Iterable[Sequence[Any]], columns: Sequence[str]) -> Iterator[str]:
    """The header, then one CSV line per row (cells in ``columns`` order), each neutralised by :func:`cell`."""
    line = _Line()
    writer = csv.writer(line, lineterminator="\r\n")
    writer.writerow(columns)
    yield line.text
    for row in rows:
        writer.writerow([cell(value) for value in row])
        yield line.text


def csv_dict_lines(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """:func:`csv_lines` for rows given as mappings (a missing key is an empty cell)."""
    return csv_lines(([row.get(column) for column in columns] for row in rows), columns)


def dyad(record: EventRecord) -> tuple[Any, Any]:
    """The event's two main actors as ACLED writes them: actor1 acts (the initiator, else the first
    actor), actor2 is acted upon (the target, else the next actor); None where there is none."""
    actors = list(record.actors)
    first = next((a for a in actors if a.role == "initiator"), actors[0] if actors else None)
    rest = [a for a in actors if a is not first]
    second = next((a for a in rest if a.role == "target"), rest[0] if rest else None)
    return first, second


def event_row(record: EventRecord, context: RenderContext) -> list[Any]:
    """One event's cells, in :data:`EVENT_COLUMNS` order."""
    category, mode = record.plover
    place = record.place
    citations = record.citations
    first_url = None
    if citations:
        first_url = citations[0].article.url
    actor1, actor2 = dyad(record)
    return [
        record.id,
        record.title,
        record.event_type,
        category,
        mode,
        record.status,
        record.review_state,
        record.date_edtf,
        record.date_lower.isoformat(),
        record.date_upper.isoformat(),
        record.precision,
        record.date_is_week,
        record.date_display,
        record.confidence,
        None if place is None else place.id,
        None if place is None else place.name,
        None if place is None else place.country_code,
        None if place is None else place.latitude,
        None if place is None else place.longitude,
        "; ".join(f"{actor.name} ({actor.role})" for actor in record.actors),
        None if actor1 is None else actor1.name,
        None if actor1 is None else actor1.country_code or None,
        None if actor2 is None else actor2.name,
        None if actor2 is None else actor2.country_code or None,
        "; ".join(topic.slug for topic in record.topics or ()),
        None if citations is None else len(citations),
        first_url,
        record.summary,
        context.api_event_url(record.id),
        iso(record.updated_at),
    ]


def render(records: Iterable[EventRecord], context: RenderContext) -> Iterator[str]:
    return csv_lines((event_row(record, context) for record in records), EVENT_COLUMNS)


def render_error(status: int, code: str, message: str) -> str:
    """An error keeps the one error shape, as a one-row CSV of status, code and message."""
    return "".join(csv_lines([[status, code, message]], ["status", "code", "message"]))


FORMAT = Format(
    name="csv",
    media_type="text/csv",
    extension="csv",
    streams=True,
    render=render,
    description="One flat row per event (actors `name (role)` and topics joined by `; `).",
    render_error=render_error,
)
