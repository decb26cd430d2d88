"""NDJSON: one event per line, each exactly the API's JSON object (the bulk export's default)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from events.presentation.formats.base import Format, RenderContext
from events.presentation.formats.json import encode, event_json
from events.presentation.record import EventRecord


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
)
