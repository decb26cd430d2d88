"""Place rules: the dateline, the acting state, the state acted on, and which of several same-named places
is meant; on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.places import resolve_place
from events.extraction.types import ExtractedEvent
from events.extraction.vocabulary import PlaceKind

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def events_of(text: str) -> list[ExtractedEvent]:
    return extract(text, PUBLISHED, CONFIG).events


def place_of(text: str) -> str | None:
    [event] = events_of(text)
    return event.location.name if event.location else None


def test_a_small_town_does_not_beat_a_well_known_island_of_that_name() -> None:
    bali = resolve_place("Bali")
    assert (bali.kind, bali.country) == (PlaceKind.REGION, "ID")


def test_a_big_city_keeps_its_name() -> None:
    assert resolve_place("Vienna").country == "AT"


def test_a_mentioned_country_decides_between_same_named_cities() -> None:
    assert resolve_place("Valencia").country == "VE"  # the most populous Valencia
    assert resolve_place("Valencia", prefer=frozenset({"ES"})).country == "ES"


def test_the_dateline_is_the_place_of_its_own_sentence() -> None:
    assert place_of("OSLO (AP) — Norway signed the accord on Tuesday.") == "Oslo"


def test_a_dateline_does_not_place_later_sentences() -> None:
    events = events_of("OSLO (AP) — Officials spoke on Tuesday.\nNorway signed the accord on Monday.")
    assert all(e.location is None for e in events)


def test_a_summons_happens_in_the_acting_state() -> None:
    assert place_of("Estonia summoned the Russian ambassador on Monday.") == "Estonia"


def test_an_invasion_happens_in_the_invaded_state() -> None:
    assert place_of("Analysts recalled the invasion of Kuwait in August 1990.") == "Kuwait"


def test_a_place_inside_a_named_facility_phrase() -> None:
    assert place_of("Inspectors arrived at the Bushehr plant on Monday.") == "Bushehr"


def test_a_place_after_a_conjoined_partner() -> None:
    assert place_of("Kenya signed accords with Ethiopia and the United Nations in Nairobi on Monday.") == "Nairobi"
