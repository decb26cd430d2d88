"""What the engine tells of a text as (kind, status, date) triples, the shape most extraction tests assert on."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract


def told(text: str, published: date) -> list[tuple[EventType, EventStatus, str]]:
    return [(e.type, e.status, e.date) for e in extract(text, published).events]
