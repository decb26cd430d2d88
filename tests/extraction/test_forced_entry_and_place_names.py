"""Entering by force "one's way into" a building, a dateline the parser split off as a sentence, and other names of
a city that are translations, not spellings. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.gazetteer import resolve_place
from tests.extraction.told import found, placed


def test_forcing_one_s_way_into_a_mission_is_a_raid_or_an_attack() -> None:
    assert found("Soldiers forced their way into a Peruvian embassy annex in Quito on Monday.") == [
        (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("A crowd smashed its way into the Chilean consulate on Monday.") == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("Fans forced their way into a stadium on Monday.") == []


def test_a_dateline_split_off_as_a_sentence_still_places_the_next_one() -> None:
    text = "ARICA, Chile (AP) -- Chile and Peru have signed a pact that is meant to settle a long fight over water."
    assert placed(text) == [(EventType.AGREEMENT, "Arica")]


def test_a_name_that_translates_a_city_s_name_is_not_that_city() -> None:
    assert resolve_place("White House").country is None  # not Casablanca, whose name it translates
    assert resolve_place("Beer Sheva").name == "Beersheba"  # a spelling of the name stays
    assert placed("Chile's president visited the White House on Monday for talks on trade.") == [
        (EventType.VISIT, None)
    ]
