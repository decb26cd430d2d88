"""A turn in a process told in the title, the years a process ran before an act, a name the model ran into a
preposition, and a dated participle on a noun that is not placed by its clause.
Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found, placed


def test_talks_that_resume_say_so_in_the_title() -> None:
    events = extract("Peace talks between Peru and Chile resumed in Quito on Monday.", A_FRIDAY).events
    assert [e.title for e in events] == ["Peace talks between Peru and Chile resume in Quito"]
    # Under a future word the status speaks, not the title.
    events = extract("Peace talks between Peru and Chile will resume in Quito on Monday.", A_FRIDAY).events
    assert [(e.status, "resume" in e.title) for e in events] == [(EventStatus.SCHEDULED, False)]


def test_the_years_a_process_ran_before_an_act_are_no_act_of_its_date() -> None:
    assert found("Bolivia and Peru signed the border treaty in Geneva last October after nine years of talks.") == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2024-10")
    ]
    # Days of talks before an accord are the talks, ending on its day.
    assert (EventType.TALKS, EventStatus.OCCURRED, "2025-03-14") in found(
        "After two weeks of talks in Geneva, the sides agreed on a truce on Friday."
    )


def test_a_name_the_model_ran_into_a_preposition_ends_before_it() -> None:
    events = extract("Spanish Prime Minister Pedro Sanchez called Milei on Monday.", A_FRIDAY).events
    assert [(e.type, sorted(a.name for a in e.actors)) for e in events] == [
        (EventType.PHONE_CALL, ["Milei", "Pedro Sanchez"])
    ]


def test_a_dated_participle_on_a_noun_is_not_placed_by_the_nouns_clause() -> None:
    text = (
        "The engineer, a Chilean detained in 2021 while working near the border, landed at an airfield outside "
        "Lima late on Thursday."
    )
    assert dict(placed(text)) == {EventType.DETENTION: None, EventType.VISIT: "Lima"}


def test_a_war_that_breaks_out_says_so_in_the_title() -> None:
    events = extract("The war broke out in April 2023 and has displaced millions.", A_FRIDAY).events
    assert [(e.title, e.date) for e in events] == [("War breaks out", "2023-04")]


def test_a_time_marked_as_most_recent_is_past_and_its_act_took_place() -> None:
    events = extract("Peru agreed to extend the fishing accord several times, most recently in May.", A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.AGREEMENT, EventStatus.OCCURRED, "2024-05")]
    # Without the marker the infinitive still looks ahead.
    assert found("Peru agreed on Monday to extend the fishing accord in May.")[-1][1:] == (
        EventStatus.SCHEDULED,
        "2025-05",
    )
