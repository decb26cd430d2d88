"""Event titles read like headlines, for noun events as for verb events."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def titles(text: str) -> list[str]:
    return [e.title for e in extract(text, PUBLISHED, CONFIG).events]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # The words that name the event, kept whole: a code, an entity, a hyphenated modifier.
        ("The G20 summit in New Delhi opened on Saturday.", "G20 summit in New Delhi"),
        ("The Asia-Pacific Economic Cooperation summit will be held in San Francisco in November.",
         "Asia-Pacific Economic Cooperation summit in San Francisco"),
        ("The Association of Southeast Asian Nations summit will be held in late June.",
         "Association of Southeast Asian Nations summit"),
        # Two states meeting: "A–B talks"; people: "between A and B".
        ("Japan and China held a meeting in Lima on Nov. 15.", "Japan–China meeting in Lima"),
        ("The United States and China held talks in Vienna on Monday.", "United States–China talks in Vienna"),
        ("Antony Blinken and Wang Yi held talks in Vienna on Monday.",
         "Talks between Antony Blinken and Wang Yi in Vienna"),
        # The sentence's own preposition for the place; an owner already named is not repeated.
        ("Russia's full-scale invasion of Ukraine began on Feb. 24, 2022.", "Russia's full-scale invasion of Ukraine"),
        # Words of date or status stay out of the title (the event's date and status carry them).
        # ("by" names who makes the visit: the minister's state.)
        ("A planned visit to Moscow by the Czech foreign minister was postponed on Monday.",
         "Visit by Czech Republic to Moscow postponed"),
        ("The annual meeting of foreign ministers in Tokyo was called off on Monday.",
         "Annual meeting in Tokyo cancelled"),
    ],
)  # fmt: skip
def test_noun_event_titles_name_the_event(text: str, title: str) -> None:
    assert title in titles(text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("France and Germany signed a treaty on Monday.", "France and Germany sign treaty"),
        ("Estonia expelled a Russian diplomat on Monday.", "Estonia expels Russian diplomat"),
        ("The rules bar chip exports, a provision that takes effect on Friday.", "Provision to take effect"),
        ("The sanctions will come into force on Monday.", "Sanctions to come into force"),
        ("The accord was initialed by negotiators on Tuesday.", "Accord is initialed"),
        ("Qatar said the truce is due to take effect on Sunday.", "Truce takes effect"),
    ],
)  # fmt: skip
def test_verb_event_titles_agree_and_name_what_was_acted_on(text: str, title: str) -> None:
    assert title in titles(text)


def test_a_dateline_city_is_no_actor_and_no_subject() -> None:
    text = "BRUSSELS (AP) — The European Union imposed provisional tariffs on Chinese electric cars on Friday."
    events = extract(text, PUBLISHED, CONFIG).events
    assert events
    assert all(a.name.upper() != "BRUSSELS" for e in events for a in e.actors)
    assert all(not e.title.startswith("BRUSSELS") for e in events)


def test_a_spaced_hyphen_after_the_agency_ends_the_dateline() -> None:
    # The parser hangs the agency on the subject; no word of the dateline names who acted.
    text = "PORT OSTRA, June 11 (Wire) - Nordic foreign ministers agreed on Tuesday to extend the truce."
    (event,) = extract(text, PUBLISHED, CONFIG).events
    assert event.location is not None and event.location.name == "Port Ostra"  # where it was filed
    assert "PORT OSTRA" not in event.title and "Wire" not in event.title
    text = "BRUSSELS, June 11 (Wire) - European Union foreign ministers agreed on Tuesday to extend the truce."
    assert all("Wire" not in title for title in titles(text))
    # Without an agency a spaced hyphen is no dateline's: the capitals are a name.
    assert titles("NATO - the alliance - met in Vienna on Tuesday.")[0].startswith("NATO")


def test_a_title_says_a_planned_event_is_planned_and_a_put_off_one_is_put_off() -> None:
    assert titles("The foreign minister will visit Lima on Friday.") == ["Foreign minister to visit Lima"]
    assert titles("Ruiz called off his trip to Quito on Monday.")[0].endswith("cancelled")


def test_a_bare_event_noun_names_the_sides_that_hold_it() -> None:
    assert titles("The two delegations held joint talks on Monday.") == ["Two delegations hold joint talks"]
