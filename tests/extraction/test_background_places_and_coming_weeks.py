"""An earlier act told as the background of the news does not take the place of the talks told before it, an
agreement reached after talks is where they were, and "the coming weeks" place a plan in the month ahead.
Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import found, placed


def test_an_agreement_in_a_when_clause_is_not_placed_at_the_talks_told_before() -> None:
    text = (
        "Peru and Chile held talks in Quito on Monday and agreed to reopen their border.\n\n"
        "Relations soured in January, when Chile signed a fishing deal with Bolivia."
    )
    assert dict(placed(text)) == {EventType.TALKS: "Quito", EventType.AGREEMENT: None}
    # An agreement told as the news after the talks still comes out of them.
    text = "Peru and Chile held talks in Quito on Monday.\n\nThe two sides signed a fishing deal on Tuesday."
    assert dict(placed(text)) == {EventType.TALKS: "Quito", EventType.AGREEMENT: "Quito"}


def test_the_coming_weeks_place_a_plan_in_the_four_weeks_ahead() -> None:
    assert found("Peru's foreign minister is expected to fly to Quito in the coming weeks.") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-14/2025-04-11")
    ]
    assert found("Peru's foreign minister will travel to Quito in the coming days.") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-14/2025-03-21")
    ]


def test_an_agreement_reached_after_talks_its_clause_names_is_where_the_talks_were() -> None:
    text = (
        "LIMA, March 13 (Reuters) - Peru and Chile agreed to an immediate ceasefire early on Thursday after talks "
        "in Quito mediated by Brazil."
    )
    assert placed(text) == [(EventType.AGREEMENT, "Quito")]
