"""Times of the phrases an act is sequenced by, holidays with their year, bodies named by the last word of their
name or before its initials, instruments of accession, the news present of a lead, and codes that are words.
Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.gazetteer import country_code
from events.extraction.pipeline import extract
from events.extraction.timex import resolve_time_expression
from tests.extraction.told import A_FRIDAY, told

A_WEDNESDAY = date(2025, 3, 12)


def test_a_short_word_of_english_is_no_country_code() -> None:
    assert [country_code(word) for word in ("PM", "and", "it", "can", "AM")] == [None] * 5
    assert [country_code(word) for word in ("US", "U.S.", "USA", "UK", "NZ")] == [
        ("US", "United States"),
        ("US", "United States"),
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("NZ", "New Zealand"),
    ]
    events = extract("Last week, PM Ana Ruiz had accused Bolivia of arming the rebels.", A_FRIDAY).events
    assert [actor.name for event in events for actor in event.actors] == ["Bolivia"]


def test_a_year_inside_a_since_clause_dates_that_clause_not_the_act() -> None:
    text = "Ruiz left Lima on Monday for her first state visit to Chile since becoming president in 2019."
    assert told(text, A_FRIDAY) == [(EventType.VISIT, EventStatus.OCCURRED, "2025-03-10")]


def test_a_since_time_on_a_participle_starts_that_state() -> None:
    text = "Peru frees 30 Chilean fishermen in exchange for two officers held since April."
    assert [date for _, _, date in told(text, A_FRIDAY) if date.startswith("2024-04")] == []


def test_a_bare_time_after_a_phrase_of_what_comes_later_dates_that_later_event() -> None:
    text = "Sunday's ambush comes just ahead of fresh peace talks this week with the guerrillas."
    assert told(text, A_WEDNESDAY) == [(EventType.TALKS, EventStatus.SCHEDULED, "2025-03-10/2025-03-16")]
    text = "Ruiz hosts her Chilean counterpart at a dinner tomorrow evening, before official talks Friday."
    assert told(text, A_WEDNESDAY) == [
        (EventType.MEETING, EventStatus.SCHEDULED, "2025-03-13"),
        (EventType.TALKS, EventStatus.SCHEDULED, "2025-03-14"),
    ]


def test_a_holiday_with_its_year_is_that_year_s_day() -> None:
    values = [
        resolve_time_expression(text, A_FRIDAY)
        for text in ("on Christmas Day in 2013", "New Year's Eve of 2019", "Christmas 2020", "Easter, 2012")
    ]
    assert [value.edtf if value else None for value in values] == [
        "2013-12-25",
        "2019-12-31",
        "2020-12-25",
        "2012-04-08",
    ]


def test_a_body_named_by_its_last_word_or_before_its_initials_is_left() -> None:
    text = "Chile has withdrawn from the Western Island Forum (WIF) over a row about its leadership."
    assert told(text, A_FRIDAY) == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-14")]
    # The tagger reads "Pacific Island" as a place and leaves "Forum" untagged: the name's last word tells the body.
    text = "Samoa has pulled out of the Pacific Island Forum over a row about who should lead it."
    assert told(text, A_FRIDAY) == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-14")]
    assert told("Chile has withdrawn from the race for the mayor's office.", A_FRIDAY) == []


def test_depositing_an_instrument_of_ratification_is_an_accession() -> None:
    text = "Chile deposited its instrument of ratification with the United Nations on Monday."
    assert told(text, A_FRIDAY) == [(EventType.ACCESSION, EventStatus.OCCURRED, "2025-03-10")]
    assert told("Chile deposited the proceeds of the sale in a state bank on Monday.", A_FRIDAY) == []


def test_a_lead_s_present_progressive_is_the_news_of_the_day() -> None:
    text = "Chile is recalling its envoy in Lima over the border dispute, the ministry said."
    assert told(text, A_FRIDAY) == [(EventType.PROTEST, EventStatus.OCCURRED, "2025-03-14")]
    assert told("Chile is weighing whether to recall its ambassador to Peru.", A_FRIDAY) == []
