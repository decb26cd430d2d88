"""What one event brings about takes its date, and a negation denies only what its verb says of an event.
Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import found


def test_an_outcome_of_a_dated_event_takes_its_date() -> None:
    text = "Negotiations in Muscat in January produced a prisoner swap."
    assert (EventType.RELEASE, EventStatus.OCCURRED, "2025-01") in found(text)
    text = "The summit on Tuesday resulted in a truce."
    assert (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-11") in found(text)


def test_an_outcome_of_an_undated_event_stays_undated() -> None:
    assert found("Such talks have sometimes produced a prisoner swap.") == []


def test_a_denied_predicate_leaves_the_event_it_is_said_of() -> None:
    text = "The consultations on Tuesday did not yield an accord."
    assert found(text) == [(EventType.TALKS, EventStatus.OCCURRED, "2025-03-11")]
    text = "The summit on Tuesday did not include Zembla."
    assert found(text) == [(EventType.SUMMIT, EventStatus.OCCURRED, "2025-03-11")]


def test_a_denied_coming_about_still_drops_or_cancels_the_event() -> None:
    assert found("The meeting on Tuesday was not held.") == []
    assert found("The visit on Tuesday did not go ahead.") == [(EventType.VISIT, EventStatus.CANCELLED, "2025-03-11")]


def test_a_when_clause_on_a_time_tells_what_happened_then() -> None:
    text = "The pact builds on a truce agreed in October, when three weeks of fighting near the pass killed 60 people."
    assert (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2024-10") in found(text)
    # The verb whose subject is the event word tells what that event did: one act, not two.
    assert [kind for kind, _, _ in found(text)].count(EventType.MILITARY_ACTION) == 1


def test_a_deadline_inside_what_was_voted_for_does_not_date_the_vote() -> None:
    text = "The assembly on Tuesday renewed the monitoring mission, voting to close it by the end of 2027."
    assert found(text) == [(EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-11")]
    # Without a time of its own, the vote keeps the one it has.
    text = "Lawmakers agreed to meet again in April."
    assert [date for _, _, date in found(text)] == ["2025-04"]


def test_a_when_clause_on_the_time_a_record_is_counted_from_still_tells_what_happened_then() -> None:
    text = "It was Zembla's first missile launch since October, when it tested a new cruise missile."
    assert (EventType.WEAPONS_TEST, EventStatus.OCCURRED, "2024-10") in found(text)
