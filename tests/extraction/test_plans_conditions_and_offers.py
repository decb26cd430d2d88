"""Plans told in the pluperfect of "be due", conditions put first with "had", offers taken up, agreements
kept in force longer, and what a meeting came to. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_a_trip_someone_had_been_due_to_make_is_off_and_theirs() -> None:
    text = "President Rosa Quispe had been due to visit La Paz next week. That trip is now off, an aide said."
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [
        (EventType.VISIT, EventStatus.CANCELLED, "2025-03-17/2025-03-23")
    ]
    assert [a.name for a in events[0].actors] == ["Rosa Quispe"]


def test_a_condition_put_first_with_had_did_not_hold() -> None:
    assert found("Had the two premiers met in Quito last week, they might have signed the accord.") == []
    # "If" with a real past: told as it happened elsewhere, not here; a plain past is an event.
    assert found("The two premiers met in Quito last week.") == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-03/2025-03-09")
    ]


def test_an_invitation_taken_up_is_a_plan_and_one_declined_is_none() -> None:
    assert found("The premier accepted an invitation to visit Bolivia later this year.") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025")
    ]
    assert found("The premier declined an invitation to visit Bolivia later this year.") == []


def test_an_agreement_extended_or_renewed_is_an_agreement() -> None:
    assert found("In January the truce was extended for 90 days.") == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-01")
    ]
    # An invitation or a deadline extended is none.
    assert found("Peru extended an invitation to Chile's premier on Monday.") == []


def test_sitting_down_together_is_a_meeting() -> None:
    assert found("The two sides last sat down together in 2021.") == [(EventType.MEETING, EventStatus.OCCURRED, "2021")]


def test_what_a_meeting_came_to_in_a_participle_clause_is_an_agreement_of_its_day() -> None:
    text = "The defence ministers of Peru and Bolivia met on Tuesday, agreeing to set up a hotline."
    assert found(text) == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-11"),
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-11"),
    ]
    # A participle of how, or of what resulted, is no act of its own.
    text = "Peru expelled a Bolivian diplomat on Tuesday, accusing him of spying."
    assert [kind for kind, _, _ in found(text)] == [EventType.EXPULSION]


def test_a_plan_is_titled_by_who_plans_it() -> None:
    events = extract("The two defence ministers are due to meet again in April.", A_FRIDAY).events
    assert [e.title for e in events] == ["Two defence ministers to meet"]
    events = extract("The envoys plan to visit Quito next month.", A_FRIDAY).events
    assert [e.title for e in events] == ["Envoys to visit Quito"]
