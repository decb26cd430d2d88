"""Turn an extraction result into the checker's input (both sides pure Python)."""

from __future__ import annotations

from events.extraction.types import ArticleExtraction
from events.pubdate.check import DatedMention


def mentions_of(extraction: ArticleExtraction) -> list[DatedMention]:
    """The dated events the extractor found, as the checker reads them (undated ones say nothing)."""
    return [
        DatedMention(
            quote=event.citation.quote,
            time_text=event.citation.time_text,
            lower=event.lower,
            upper=event.upper,
            precision=event.precision,
            event_type=str(event.type),
            actors=tuple(actor.name for actor in event.actors),
            place=event.location.name if event.location else "",
        )
        for event in extraction.events
        if event.lower is not None and event.upper is not None
    ]
