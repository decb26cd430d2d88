"""Standing international bodies: their own acts and meetings "at" them happen at their seat, on
sentences written for these tests."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventType, PlaceKind
from events.extraction.config import ExtractionConfig
from events.extraction.gazetteer import body_seat
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)
CONFIG = ExtractionConfig()


def places_of(text: str, event_type: EventType) -> list[str | None]:
    return [
        e.location.name if e.location else None for e in extract(text, PUBLISHED, CONFIG).events if e.type is event_type
    ]


def test_every_spelling_of_a_body_is_one_venue_at_its_seat() -> None:
    spelled = [body_seat(name) for name in ("the U.N. Security Council", "United Nations", "UN General Assembly")]
    assert len(set(spelled)) == 1
    [seat] = set(spelled)
    assert seat is not None and seat.kind is PlaceKind.VENUE and seat.country == "US" and seat.lat is not None
    assert body_seat("the Lisbon summit") is None  # a gathering that moves has no seat


def test_a_bodys_own_act_happens_at_its_seat() -> None:
    assert places_of("The Security Council adopted a resolution on Chile's debt on Friday.", EventType.RESOLUTION) == [
        "United Nations"
    ]
    # Elected to a body: at the body, not in the state elected.
    text = "Peru was elected on Monday to a seat on the U.N. Human Rights Council."
    assert places_of(text, EventType.ELECTION) == ["Human Rights Council"]


def test_a_meeting_at_a_body_or_its_headquarters_is_at_its_seat() -> None:
    assert places_of("The ministers met at NATO headquarters on Tuesday.", EventType.MEETING) == ["NATO headquarters"]
    [event] = extract("The envoys met at the Arab League on Tuesday.", PUBLISHED, CONFIG).events
    assert event.location is not None and event.location.country == "EG" and event.location.lat is not None


def test_a_named_resolution_is_the_one_the_resolution_points_back_to() -> None:
    text = (
        "The envoy urged full respect for Security Council Resolution 1234 on Monday.\n\n"
        "The resolution was adopted in March, diplomats said."
    )
    assert places_of(text, EventType.RESOLUTION)[-1] == "United Nations"
