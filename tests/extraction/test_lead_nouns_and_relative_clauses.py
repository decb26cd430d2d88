"""An event noun in a lead's present perfect passive is the day's news; a relative clause with its own time
tells what became of that instance; vetoes cast; a round held names no side. Every sentence here was written
for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found

PUBLISHED = A_FRIDAY


def test_an_event_noun_cancelled_in_the_lead_is_the_news_of_the_day() -> None:
    text = "A planned meeting between the Chilean and Peruvian delegations has been cancelled, an aide said."
    assert found(text) == [(EventType.MEETING, EventStatus.CANCELLED, "2025-03-14")]
    assert found("The fisheries talks have been postponed.") == [(EventType.TALKS, EventStatus.POSTPONED, "2025-03-14")]


def test_a_plan_in_the_present_perfect_has_no_day_yet() -> None:
    assert found("A regional summit has been planned.") == []


def test_a_lead_mention_of_talks_the_text_dates_further_down_is_not_dated_again() -> None:
    text = "Talks on fishing rights have been postponed. The talks had been due to open next Tuesday in Lima."
    assert [date for _, _, date in found(text)] == ["2025-03-18"]


def test_a_relative_clause_with_its_own_time_tells_what_became_of_that_instance() -> None:
    text = "The talks, which were suspended in 2021, will resume in May."
    assert found(text) == [
        (EventType.TALKS, EventStatus.POSTPONED, "2021"),
        (EventType.TALKS, EventStatus.SCHEDULED, "2025-05"),
    ]
    text = "Chile agreed on Monday to resume talks that were broken off in 2019."
    assert (EventType.TALKS, EventStatus.POSTPONED, "2019") in found(text)
    text = "Peru will skip the summit that Chile hosted in 2019."
    assert found(text) == [(EventType.SUMMIT, EventStatus.OCCURRED, "2019")]


def test_a_planned_instance_in_a_relative_clause_takes_the_fate_the_sentence_tells() -> None:
    text = "The regional summit that was scheduled for April 2 was postponed on Monday."
    assert found(text) == [(EventType.SUMMIT, EventStatus.POSTPONED, "2025-04-02")]


def test_breaking_off_talks_suspends_them() -> None:
    assert found("Peru broke off talks with Chile on Monday.") == [
        (EventType.TALKS, EventStatus.POSTPONED, "2025-03-10")
    ]


def test_a_veto_cast_is_a_rejection_by_whoever_cast_it() -> None:
    events = extract("The draft failed on Tuesday, when France cast a veto.", PUBLISHED).events
    vetoes = [e for e in events if e.type is EventType.REJECTION]
    assert [(e.date, [a.name for a in e.actors]) for e in vetoes] == [("2025-03-11", ["France"])]
    assert found("France has veto power in the council.") == []


def test_a_round_that_will_be_held_names_no_side_holding_it() -> None:
    events = extract("The first round of the fisheries dialogue will be held in Lima in May.", PUBLISHED).events
    assert [e.title for e in events] == ["Fisheries dialogue in Lima"]
