"""Scoring extracted events against hand-checked gold (``shared/gold/README.md``).

An extracted event matches a gold event when its citation sentence contains the gold quote and its date
is right: the same start as the gold EDTF (an interval's start must match), or, for ``week: true``, a start
day inside the gold interval. Matching is one-to-one: each gold event is claimed by at most one extracted
event, so a sentence reported twice counts once. Optional gold events are neither required (recall) nor
counted false (precision) when found.

Place is scored on every matched event. A gold event without ``location`` is one whose text says nowhere
(``shared/gold/README.md``): its place is right only when the extraction gives none, so a place guessed
for it counts as wrong. A gold event with ``location`` is right when the extraction's place is one of the
names. ``location_stated_accuracy`` keeps the older, narrower figure (gold events with a place only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from events.domain.edtf_bounds import bounds


@dataclass(frozen=True)
class GoldEvent:
    quote: str
    date: str
    status: str
    locations: tuple[str, ...] = ()
    type: str = ""
    optional: bool = False
    week: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GoldEvent:
        return cls(
            quote=str(data["quote"]),
            date=str(data["date"]),
            status=str(data.get("status", "")),
            locations=tuple(str(x) for x in data.get("location", []) or []),
            type=str(data.get("type", "")),
            optional=bool(data.get("optional", False)),
            week=bool(data.get("week", False)),
        )


@dataclass(frozen=True)
class PredictedEvent:
    """What the scorer needs of an extracted event (any extractor can produce it)."""

    sentence: str
    date: str
    status: str
    location: str | None = None
    type: str = ""


@dataclass
class FileScore:
    name: str
    predicted: int = 0
    required: int = 0
    matched_required: int = 0
    matched_optional: int = 0
    status_right: int = 0
    location_checked: int = 0  # every matched event
    location_right: int = 0
    location_stated: int = 0  # matched events whose gold names a place
    location_stated_right: int = 0
    quote_found: int = 0  # gold events whose quote is in some predicted sentence, dated right or not
    missed: list[GoldEvent] = field(default_factory=list)
    # Matched events whose place is wrong: a wrong or missing place, or a place where gold has none.
    wrong_place: list[tuple[GoldEvent, PredictedEvent]] = field(default_factory=list)
    # Matched events whose status is not gold's.
    wrong_status: list[tuple[GoldEvent, PredictedEvent]] = field(default_factory=list)
    # Gold events whose quote was extracted but never with the right date: the dates given instead.
    wrong_date: list[tuple[GoldEvent, tuple[PredictedEvent, ...]]] = field(default_factory=list)
    false: list[PredictedEvent] = field(default_factory=list)
    # Extractions that found an optional gold event: neither right nor wrong for precision.
    optional: list[PredictedEvent] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return self.matched_required + self.matched_optional

    @property
    def precision(self) -> float:
        counted = self.predicted - self.matched_optional
        return self.matched_required / counted if counted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_required / self.required if self.required else 1.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.matched if self.matched else 1.0

    @property
    def location_accuracy(self) -> float:
        return self.location_right / self.location_checked if self.location_checked else 1.0

    @property
    def location_stated_accuracy(self) -> float:
        return self.location_stated_right / self.location_stated if self.location_stated else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.matched / self.quote_found if self.quote_found else 1.0

    def add(self, other: FileScore) -> None:
        for name in ("predicted", "required", "matched_required", "matched_optional", "status_right",
                     "location_checked", "location_right", "location_stated", "location_stated_right",
                     "quote_found"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed.extend(other.missed)
        self.wrong_place.extend(other.wrong_place)
        self.wrong_status.extend(other.wrong_status)
        self.wrong_date.extend(other.wrong_date)
        self.false.extend(other.false)
        self.optional.extend(other.optional)


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def _start(value: str) -> str:
    return value.split("/", 1)[0]


def _start_day(value: str) -> date | None:
    found = bounds(_start(value))
    return found[0] if found else None


def date_right(gold: GoldEvent, predicted: str) -> bool:
    if gold.week:
        interval = bounds(gold.date)
        day = _start_day(predicted)
        return interval is not None and day is not None and interval[0] <= day <= interval[1]
    return _start(predicted) == _start(gold.date)


def _place_right(gold: GoldEvent, location: str | None) -> bool:
    if not gold.locations:
        return not location  # the text says nowhere: any place is a guess
    if not location:
        return False
    wanted = {_norm(name).removeprefix("the ") for name in gold.locations}
    return _norm(location).removeprefix("the ") in wanted


def score_file(name: str, gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent]) -> FileScore:
    score = FileScore(name=name, predicted=len(predicted), required=sum(1 for g in gold if not g.optional))
    sentences = [_norm(p.sentence) for p in predicted]
    claimed: set[int] = set()
    # Required gold first, so an optional event cannot take the extraction a required one needs.
    for g in sorted(gold, key=lambda g: g.optional):
        quote = _norm(g.quote)
        candidates = [i for i, sentence in enumerate(sentences) if quote in sentence]
        if candidates:
            score.quote_found += 1
        dated = [i for i in candidates if i not in claimed and date_right(g, predicted[i].date)]
        if candidates and not dated:
            score.wrong_date.append((g, tuple(predicted[i] for i in candidates)))
        if not dated:
            if not g.optional:
                score.missed.append(g)
            continue
        # Prefer an extraction whose status agrees, then the first in the text.
        chosen = min(dated, key=lambda i: (predicted[i].status != g.status, i))
        claimed.add(chosen)
        if g.optional:
            score.matched_optional += 1
            score.optional.append(predicted[chosen])
        else:
            score.matched_required += 1
        if predicted[chosen].status == g.status:
            score.status_right += 1
        else:
            score.wrong_status.append((g, predicted[chosen]))
        right_place = _place_right(g, predicted[chosen].location)
        score.location_checked += 1
        score.location_right += right_place
        if g.locations:
            score.location_stated += 1
            score.location_stated_right += right_place
        if not right_place:
            score.wrong_place.append((g, predicted[chosen]))
    score.false = [p for i, p in enumerate(predicted) if i not in claimed]
    return score


def load_gold(data: Mapping[str, Any]) -> dict[str, tuple[date | None, list[GoldEvent]]]:
    """The gold file as {article file: (publication date, events)}."""
    loaded: dict[str, tuple[date | None, list[GoldEvent]]] = {}
    for name, entry in data.items():
        published = date.fromisoformat(entry["published"]) if entry.get("published") else None
        loaded[name] = (published, [GoldEvent.from_json(e) for e in entry.get("events", [])])
    return loaded


def overall(scores: Iterable[FileScore]) -> FileScore:
    total = FileScore(name="overall")
    for score in scores:
        total.add(score)
    return total
