"""Taking part in a gathering or trip called off ("will not attend the summit", "pulled out of the talks"),
and a change told in one sentence of an event another sentence dates, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def events_of(text: str) -> list[ExtractedEvent]:
    return extract(text, PUBLISHED, CONFIG).events


def test_a_negated_plan_to_attend_is_taking_part_cancelled_on_the_gathering_s_date() -> None:
    [event] = events_of("President Olsen will not attend the Ostland summit next week.")
    assert (event.type, event.status, event.date) == (EventType.SUMMIT, EventStatus.CANCELLED, "2024-06-17/2024-06-23")
    assert event.taking_part_off
    # The title says who stays away, not that the summit is off.
    assert event.title.endswith("not attending Ostland summit")
    assert "cancelled" not in event.title


def test_staying_away_and_pulling_out_are_taking_part_cancelled() -> None:
    for sentence, who in (
        ("Zembla boycotted the talks in Port Ostra on Monday.", "Zembla"),
        ("The Ostland government pulled out of the talks on Monday.", "Ostland government"),
        ("Minister Varga will skip the summit in Port Ostra next week.", "Varga"),
    ):
        [event] = events_of(sentence)
        assert event.status is EventStatus.CANCELLED, sentence
        assert event.taking_part_off, sentence
        assert who in event.title, (sentence, event.title)


def test_a_trip_that_will_not_be_made_is_cancelled() -> None:
    [event] = events_of("Minister Varga will not travel to Zembla next week.")
    assert (event.type, event.status) == (EventType.VISIT, EventStatus.CANCELLED)


def test_taking_part_as_planned_and_a_past_absence_are_not_cancellations() -> None:
    [event] = events_of("President Olsen will attend the Ostland summit next week.")
    assert event.status is EventStatus.SCHEDULED and not event.taking_part_off
    # "did not attend" says nothing was called off: no event is proposed for it.
    assert events_of("Minister Varga did not attend the summit in Port Ostra on Monday.") == []
    # Leaving a town is not leaving a gathering.
    assert all(not e.taking_part_off for e in events_of("Troops pulled out of the town after the talks on Monday."))


def test_a_party_staying_away_leaves_the_gathering_on_its_date() -> None:
    found = events_of(
        "President Olsen will not attend the Ostland summit, his foreign minister said. "
        "The minister said the Thursday summit would open with a session on trade."
    )
    assert {(e.status, e.date, e.taking_part_off) for e in found} == {
        (EventStatus.CANCELLED, "2024-06-13", True),
        (EventStatus.SCHEDULED, "2024-06-13", False),
    }


def test_a_change_told_before_the_date_is_kept_with_the_sentence_that_states_date_and_place() -> None:
    [event] = events_of(
        "The Ostland talks have been postponed, an official said. "
        "The talks had been set to open on Thursday in Port Ostra."
    )
    assert (event.type, event.status, event.date) == (EventType.TALKS, EventStatus.POSTPONED, "2024-06-13")
    assert event.location is not None and event.location.name == "Port Ostra"
    assert event.citation.quote.startswith("The talks had been set")


def test_a_body_voting_is_its_decision_and_a_people_voting_is_a_ballot() -> None:
    [event] = events_of("Zembla's parliament will vote on the accord next month.")
    assert (event.type, event.status, event.date) == (EventType.RESOLUTION, EventStatus.SCHEDULED, "2024-07")
    [event] = events_of("Ostlanders vote on Sunday in a presidential runoff.")
    assert (event.type, event.date) == (EventType.ELECTION, "2024-06-16")


def test_a_body_approving_or_adopting_is_its_decision_and_a_block_or_veto_a_rejection() -> None:
    [event] = events_of("Chile's senate approved Peru's accession to the trade bloc on Tuesday.")
    assert (event.type, event.date) == (EventType.RESOLUTION, "2024-06-11")
    assert event.title.endswith("approves Peru's accession")
    assert event.location is None or event.location.name != "trade bloc"
    [event] = events_of("Zemblan lawmakers on Monday endorsed the trade pact with Ostland.")
    assert event.type is EventType.RESOLUTION
    [event] = events_of("Ostland blocked a joint statement on Zembla on Monday.")
    assert event.type is EventType.REJECTION and event.title.startswith("Ostland blocks joint statement")
    # A minister approving a plan is no body's decision.
    assert events_of("The minister approved the plan on Monday.") == []


def test_a_firm_s_board_approving_its_budget_is_no_body_of_states_deciding() -> None:
    assert events_of("The company's board approved the budget on Monday.") == []
    [event] = events_of("The Atlantic alliance adopted a new strategy on Monday.")
    assert event.type is EventType.RESOLUTION


def test_addressing_a_body_is_a_statement_and_addressing_an_issue_is_not() -> None:
    [event] = events_of("President Olsen is scheduled to address the General Assembly on September 24.")
    assert (event.type, event.status, event.date) == (EventType.STATEMENT, EventStatus.SCHEDULED, "2024-09-24")
    assert events_of("The minister addressed the issue on Monday.") == []
