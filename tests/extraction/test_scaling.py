"""The engine's work grows linearly with the article, measured without a clock.

Work is counted as the Python lines, calls and returns executed (spaCy's Cython code reports its calls
to the profiler too, so rebuilding ``doc.text`` or walking the whole Doc counts a few steps per token).
A step that redoes whole-article work per event or per sentence makes four times the text cost about
sixteen times the steps, far above the bound asserted here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from events.domain.vocabulary import ActorKind, ActorRole, EventStatus, EventType, PlaceKind
from events.extraction import pipeline
from events.extraction.cleaning import clean_text
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import Actor, Citation, ExtractedEvent, Location

ARTICLES = Path(__file__).parent / "devgold" / "articles"
PUBLISHED = date(2024, 6, 12)
FIRST = ["Ana", "Lee", "Omar", "Mei", "Ivan", "Sara", "Kenji"]
LAST = ["Ruiz", "Park", "Haddad", "Chen", "Petrov", "Novak", "Sato", "Moreau", "Okafor", "Lindqvist", "Costa"]
# Linear work quadruples when the text does; the slack covers per-article constants and a few more merges.
LINEAR_BOUND = 4 * 1.3


def executed_steps(run: Callable[[], object]) -> int:
    """Lines, calls and returns executed by ``run`` (Python, and Cython code built with profiling)."""
    steps = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal steps
        steps += 1
        return trace

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal steps
        steps += 1

    old_trace, old_profile = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.settrace(old_trace)
        sys.setprofile(old_profile)
    return steps


def _blocks(count: int) -> Iterator[str]:
    """Dev-set articles interleaved with a datelined meeting, an arrival and a later meeting of one
    traveller: every block adds events with new dates and people, so nothing merges the work away."""
    articles = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(ARTICLES.glob("*.txt"))]
    for index in range(count):
        day = date(2001, 1, 1) + timedelta(days=9 * index)
        name = f"{FIRST[index % len(FIRST)]} {LAST[index // len(FIRST) % len(LAST)]}"
        yield (
            f"VIENNA (AP) — Foreign Minister {name} met officials on {day:%B} {day.day}, {day.year}.\n\n"
            f"{name} arrived in Hanoi on {day + timedelta(days=1):%B} {(day + timedelta(days=1)).day}, {day.year}. "
            f"{name} held talks with the prime minister on {day + timedelta(days=2):%B} "
            f"{(day + timedelta(days=2)).day}, {day.year}.\n\n"
            # One meeting verb dated twice: each date's partners are read from their stretch of the sentence.
            f"{name} met {FIRST[(index + 1) % len(FIRST)]} Ruiz on {day + timedelta(days=3):%B} "
            f"{(day + timedelta(days=3)).day}, {day.year}, and {FIRST[(index + 2) % len(FIRST)]} Park on "
            f"{day + timedelta(days=4):%B} {(day + timedelta(days=4)).day}, {day.year}.\n\n"
            f"{articles[index % len(articles)]}\n\n"
        )


def _article(blocks: int) -> str:
    return "".join(_blocks(blocks))


def test_it_does_linear_work_on_the_parsed_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything after spaCy (time expressions, triggers, places, actors, merging) per character."""
    counted: list[tuple[int, int, int]] = []
    original = pipeline._events_in

    def counting(doc: Any, published: date, config: ExtractionConfig) -> list[ExtractedEvent]:
        found: list[ExtractedEvent] = []
        steps = executed_steps(lambda: found.extend(original(doc, published, config)))
        counted.append((len(doc), steps, len(found)))
        return found

    small, large = _article(6), _article(24)
    extract(large, PUBLISHED)  # loads the gazetteers and fills the name caches both runs then share
    monkeypatch.setattr(pipeline, "_events_in", counting)
    extract(small, PUBLISHED)
    extract(large, PUBLISHED)
    (small_tokens, small_steps, small_events), (large_tokens, large_steps, large_events) = counted
    assert large_tokens >= 3.5 * small_tokens
    assert large_events >= 2.5 * small_events  # the events did not merge away: there is work to scale
    assert large_steps / small_steps <= LINEAR_BOUND * (large_tokens / small_tokens) / 4


def test_it_parses_a_long_article_in_bounded_pieces_with_exact_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy never sees the whole article: it gets pieces of at most ``chunk_chars``, even where one
    paragraph is longer than that, and every citation still quotes the clean text at its offsets."""
    config = ExtractionConfig(chunk_chars=1_500)
    nlp = pipeline.pipeline_for(config.spacy_model)
    fed: list[int] = []
    original_pipe = nlp.pipe

    def spying_pipe(texts: Any, **kwargs: Any) -> Any:
        def counted() -> Iterator[str]:
            for text in texts:
                fed.append(len(text))
                yield text

        return original_pipe(counted(), **kwargs)

    monkeypatch.setattr(nlp, "pipe", spying_pipe)
    # One paragraph several times the piece size: the cut must fall between sentences.
    text = _article(3) + " ".join(_article(3).split("\n\n"))
    result = extract(text, PUBLISHED, config)
    assert max(fed) <= config.chunk_chars
    assert sum(fed) == len(text)
    assert len(fed) > len(text) // config.chunk_chars
    assert result.events
    for event in result.events:
        quote = event.citation.quote
        assert result.text[event.citation.start : event.citation.end] == quote
        assert quote == quote.strip() and quote[-1] in ".!?\"'”’)"  # the whole sentence, not a cut piece


def _event(index: int, when: date, *, place: bool, rule: str, person: str) -> ExtractedEvent:
    return ExtractedEvent(
        title=f"event {index}",
        type=EventType.VISIT if place else EventType.MEETING,
        status=EventStatus.OCCURRED,
        date=when.isoformat(),
        lower=when,
        upper=when,
        precision="day",
        week=False,
        location=Location("Hanoi", PlaceKind.CITY, "VN") if place else None,
        actors=(Actor(person, ActorKind.PERSON, ActorRole.INITIATOR),),
        citation=Citation(quote="x.", start=index * 10, end=index * 10 + 2, time_text="", time_start=0, time_end=0),
        confidence=0.8,
        rule=rule,
    )


def _visits(count: int) -> list[ExtractedEvent]:
    """Per traveller, an arrival somewhere and a place-less meeting the next day; all dates distinct."""
    events: list[ExtractedEvent] = []
    for index in range(count):
        day = date(2001, 1, 1) + timedelta(days=9 * index)
        person = f"Person {index}"
        events.append(_event(2 * index, day, place=True, rule="arrive+own-date", person=person))
        events.append(_event(2 * index + 1, day + timedelta(days=1), place=False, rule="meet+own-date", person=person))
    return events


@pytest.mark.parametrize(
    "step",
    [
        pytest.param(lambda events: pipeline._merge_duplicates(events), id="merge-duplicates"),
        pytest.param(lambda events: pipeline._carry_scene(events, ExtractionConfig()), id="carry-scene"),
    ],
)
def test_it_compares_events_with_their_likely_matches_not_with_all(
    step: Callable[[list[ExtractedEvent]], list[ExtractedEvent]],
) -> None:
    small, large = _visits(150), _visits(600)
    small_steps = executed_steps(lambda: step(small))
    large_steps = executed_steps(lambda: step(large))
    assert large_steps / small_steps <= LINEAR_BOUND


def test_the_indexed_steps_keep_their_meaning() -> None:
    """Each meeting takes the place of its own traveller's arrival; merging keeps every distinct event."""
    events = _visits(40)
    carried = pipeline._carry_scene(events, ExtractionConfig())
    assert all(e.location is not None and e.location.name == "Hanoi" for e in carried)
    late = replace(events[1], lower=events[1].lower + timedelta(days=30), upper=events[1].upper + timedelta(days=30))  # type: ignore[operator]
    assert pipeline._carry_scene([events[0], late], ExtractionConfig())[1].location is None
    stranger = replace(events[1], actors=(Actor("Someone Else", ActorKind.PERSON, ActorRole.INITIATOR),))
    assert pipeline._carry_scene([events[0], stranger], ExtractionConfig())[1].location is None
    assert pipeline._merge_duplicates(events) == events
    repeated = replace(events[0], citation=replace(events[0].citation, start=9_999, end=10_001))
    assert pipeline._merge_duplicates([*events, repeated]) == events
