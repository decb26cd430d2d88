"""What the engine tells of a text as (kind, status, date) triples, the shape most extraction tests assert on."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract


def told(text: str, published: date) -> list[tuple[EventType, EventStatus, str]]:
    return [(e.type, e.status, e.date) for e in extract(text, published).events]


# The publication day most of these modules read their sentences against: a Friday, so that "on Monday" and
# "next Monday" fall on different sides of it.
A_FRIDAY = date(2025, 3, 14)


def placed(text: str) -> list[tuple[EventType, str | None]]:
    """Each event's kind and the name of its place (None without one), of ``text`` published on :data:`A_FRIDAY`."""
    return [(e.type, e.location.name if e.location else None) for e in extract(text, A_FRIDAY).events]


def found(text: str) -> list[tuple[EventType, EventStatus, str]]:
    """What the engine tells of ``text`` published on :data:`A_FRIDAY`."""
    return told(text, A_FRIDAY)
