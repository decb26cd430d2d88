"""NDJSON: one event per line, each exactly the API's JSON object (the bulk export's default).

On PostgreSQL the bulk export's lines are made by the database (:mod:`events.presentation.record_sql`),
byte for byte what ``render`` writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from events.presentation.formats.base import Format, RenderContext
from events.presentation.formats.json import encode, event_json
from events.presentation.record import EventRecord
from events.presentation.record_sql import event_lines


def render(records: Iterable[EventRecord], context: RenderContext) -> Iterator[str]:
    for record in records:
        yield encode(event_json(record, context)) + "\n"


FORMAT = Format(
    name="ndjson",
    media_type="application/x-ndjson",
    extension="ndjson",
    streams=True,
    render=render,
    description="One JSON event per line.",
    render_in_database=event_lines,
)
