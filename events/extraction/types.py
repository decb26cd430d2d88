"""Result dataclasses of the extraction engine: what an article says happened, when, where and who.

Offsets are character offsets into :attr:`ArticleExtraction.text`, the clean text the engine read, so a
citation can be highlighted without searching for the quote again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from events.domain.vocabulary import ActorKind, ActorRole, DateBasis, EventStatus, EventType, PlaceKind
from events.extraction.confidence import ConfidenceEvidence

PublishedSource = Literal["metadata", "text", "caller", "unknown"]


@dataclass(frozen=True)
class Location:
    name: str
    kind: PlaceKind
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    # The gazetteer's id (GeoNames): one place however the text spells it ("U.S.", "the United States").
    geonames_id: int | None = None


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind
    role: ActorRole


@dataclass(frozen=True)
class Citation:
    """The sentence that reports the event and the time expression that dated it."""

    quote: str
    start: int
    end: int
    time_text: str
    time_start: int
    time_end: int


@dataclass(frozen=True)
class ExtractedEvent:
    title: str
    type: EventType
    status: EventStatus
    date: str  # EDTF
    lower: dt.date | None
    upper: dt.date | None
    precision: str | None
    week: bool
    location: Location | None
    actors: tuple[Actor, ...]
    citation: Citation
    confidence: float
    rule: str
    # How sure the date is (explicit / relative to publication / carried from the narrative / inferred).
    date_basis: DateBasis = DateBasis.PUBLICATION
    # The trigger's token in the engine's Doc: two events of one sentence and one date stay apart when
    # their triggers differ ("In 2019 a drone was shot down and a tanker was attacked").
    trigger_index: int = field(default=-1, compare=False)
    # What ``confidence`` was computed from (None for events built outside the engine).
    evidence: ConfidenceEvidence | None = field(default=None, compare=False)
    # Cancelled is one party's taking part ("will not attend the summit"), not the gathering itself.
    taking_part_off: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "type": str(self.type),
            "status": str(self.status),
            "date": self.date,
            "start": self.lower.isoformat() if self.lower else None,
            "end": self.upper.isoformat() if self.upper else None,
            "precision": self.precision,
            "week": self.week,
            "location": asdict(self.location) if self.location else None,
            "actors": [asdict(actor) for actor in self.actors],
            "citation": asdict(self.citation),
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "date_basis": str(self.date_basis),
        }


@dataclass(frozen=True)
class ArticleExtraction:
    title: str
    byline: str
    published: dt.date | None
    published_source: PublishedSource
    outlet: str
    text: str
    events: list[ExtractedEvent] = field(default_factory=list)
    extractor_version: str = ""
    # Every date the sources state, with who states it ("submitter", "metadata", "text"): the date
    # check reports when they disagree. ``published`` is the one the dates were resolved against.
    stated_dates: tuple[tuple[str, dt.date], ...] = ()

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        article: dict[str, Any] = {
            "title": self.title,
            "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source,
            "outlet": self.outlet,
            "extractor_version": self.extractor_version,
            "chars": len(self.text),
        }
        if include_text:
            article["text"] = self.text
        return {"article": article, "events": [event.to_dict() for event in self.events]}
