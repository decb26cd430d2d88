"""Where an event happened when the trigger governs no place name, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)
CONFIG = ExtractionConfig()


def place_of(text: str, event_type: EventType) -> str | None:
    [event] = [e for e in extract(text, PUBLISHED, CONFIG).events if e.type is event_type]
    return event.location.name if event.location else None


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    [
        pytest.param("The premier arrived in the city of Chengdu on Monday.", EventType.VISIT, "Chengdu", id="city-of"),
        pytest.param(
            "A Russian bomber violated Norwegian airspace on Friday.", EventType.INCIDENT, "Norway", id="airspace"
        ),
        pytest.param(
            "The ministers met on Monday at the Asian Development Bank in Manila.",
            EventType.MEETING,
            "Manila",
            id="venue-in-a-city",
        ),
        pytest.param(
            "A missile fired from a drone high above Kabul on Tuesday killed two commanders.",
            EventType.MILITARY_ACTION,
            "Kabul",
            id="the-one-place-of-the-clause",
        ),
        pytest.param(
            "Japanese officials expressed anger on Monday over the export decision.",
            EventType.PROTEST,
            "Tokyo",
            id="a-government-speaks-from-its-capital",
        ),
    ],
)
def test_it_places_the_event(text: str, event_type: EventType, place: str) -> None:
    assert place_of(text, event_type) == place


def test_a_place_in_the_next_clause_is_another_events() -> None:
    text = "Latvia expelled a Belarusian diplomat on Friday, and Belarus summoned the Latvian envoy in Minsk."
    assert place_of(text, EventType.EXPULSION) == "Latvia"


def test_two_places_in_the_clause_say_nothing() -> None:
    text = "A drone flying between Kabul and Kandahar on Tuesday killed two commanders."
    assert place_of(text, EventType.MILITARY_ACTION) is None


def test_a_state_modifying_the_subject_of_a_dispute_is_no_place() -> None:
    assert place_of("Officials expressed anger on Monday over the Canadian decision.", EventType.PROTEST) != "Canada"


def test_a_states_capital_named_by_its_nationality_is_that_city() -> None:
    place = extract("The envoys met in the Austrian capital on Monday.", PUBLISHED, CONFIG).events[0].location
    assert place is not None and (place.name, place.country, place.lat is not None) == ("Vienna", "AT", True)
