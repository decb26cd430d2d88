"""Unnamed borders and islands named by their sea, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)
CONFIG = ExtractionConfig()


def places_of(text: str, event_type: EventType) -> list[str | None]:
    events = [e for e in extract(text, PUBLISHED, CONFIG).events if e.type is event_type]
    return [e.location.name if e.location else None for e in events]


def test_a_border_between_two_named_states_is_their_border() -> None:
    text = "The two foreign ministers met on Monday at the border between Chile and Peru."
    assert places_of(text, EventType.MEETING) == ["Chile-Peru border"]
    two_words = "The two foreign ministers met on Monday at the border between North Korea and South Korea."
    assert places_of(two_words, EventType.MEETING) == ["North Korea-South Korea border"]


def test_a_border_with_one_state_lies_between_it_and_the_other_state_the_sentence_names() -> None:
    text = "The foreign minister met Chilean officials on Friday at a border post with Peru."
    assert places_of(text, EventType.MEETING) == ["Chile-Peru border"]
    owned = "Bolivia's president met the envoy on Monday at its border with Peru."
    assert places_of(owned, EventType.MEETING) == ["Bolivia-Peru border"]


def test_a_border_with_one_state_and_no_other_is_no_place() -> None:
    assert places_of("The minister met the envoy on Monday at a border post with Peru.", EventType.MEETING) == [None]


def test_a_sea_before_islands_places_them_in_the_sea() -> None:
    text = "Zemblan warships sailed near the Baltic Sea islands on Monday."
    assert places_of(text, EventType.MILITARY_ACTION) == ["Baltic Sea"]


def test_the_islands_point_back_to_their_name_not_to_the_sea_they_lie_in() -> None:
    text = (
        "Zemblan warships sailed near the rocky islands, known as the Varel Islands, on Friday. "
        "The small Baltic Sea islands have no people. "
        "On Monday Zemblan warships sailed near the rocky islands again."
    )
    assert places_of(text, EventType.MILITARY_ACTION)[-1] == "Varel Islands"
