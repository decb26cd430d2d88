"""The eve of an event, the latest of repeated acts, acts done at once inside a gathering's days, and what talks
are about. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found, placed


def test_on_the_eve_of_a_dated_event_is_the_day_before_it() -> None:
    told = found(
        "Zembla's leaders opened a summit in Lima on Thursday. On the eve of the summit, the foreign ministers of "
        "Chile and Peru met in the city."
    )
    assert (EventType.MEETING, EventStatus.OCCURRED, "2025-03-12") in told


def test_the_latest_of_repeated_acts_is_dated_by_most_recently_not_the_since_clause() -> None:
    told = found(
        "Ruiz and Quispe have spoken by phone three times since Quispe took office on January 6, "
        "most recently on Sunday."
    )
    assert (EventType.PHONE_CALL, EventStatus.OCCURRED, "2025-03-09") in told


def test_an_act_done_at_once_during_a_gathering_that_is_still_on_is_done() -> None:
    told = found(
        "Zembla opened a three-day summit in Lima on Thursday. Quispe took over the rotating chair of the bloc at "
        "the opening session."
    )
    assert told == [
        (EventType.SUMMIT, EventStatus.ONGOING, "2025-03-13/2025-03-15"),
        (EventType.HANDOVER, EventStatus.OCCURRED, "2025-03-13/2025-03-15"),
    ]


def test_what_talks_are_on_is_no_place() -> None:
    assert placed("Chile and Peru agreed on Monday to resume talks on a fishing pact in the Pacific Ocean.") == [
        (EventType.AGREEMENT, None)
    ]


def test_a_state_the_parser_set_beside_another_as_its_apposition_is_one_more_side() -> None:
    events = extract(
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt recalled their envoys from Doha in June 2017.",
        A_FRIDAY,
    ).events
    assert [(e.location, [a.name for a in e.actors]) for e in events] == [
        (None, ["Saudi Arabia", "United Arab Emirates", "Bahrain", "Egypt"])
    ]
