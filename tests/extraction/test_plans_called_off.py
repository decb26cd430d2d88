"""What became of a plan the text looks back on, and the days of an event put off, called off or hoped from. Every
sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import found


def test_a_past_plan_takes_the_change_told_in_the_sentence_before_it() -> None:
    assert found(
        "Quispe postponed his trip to Lima on Thursday. He had been due to arrive on Wednesday for talks."
    ) == [
        (EventType.VISIT, EventStatus.POSTPONED, "2025-03-13"),
        (EventType.VISIT, EventStatus.POSTPONED, "2025-03-12"),
    ]
    # Told further back than the two sentences before it, a change says nothing of this plan: it was dropped.
    assert (EventType.MEETING, EventStatus.CANCELLED, "2025-03-12") in found(
        "Quispe postponed his trip to Lima on Thursday. Chile protested. Bolivia said nothing. "
        "The two leaders had planned to meet on Wednesday."
    )


def test_a_time_inside_the_phrase_of_what_is_put_off_is_its_own_nearest_day() -> None:
    # Read on Friday 14 March: the visit put off was to run from the 18th, not a year before.
    assert found("The foreign minister has postponed her March 18-20 visit to Chile.") == [
        (EventType.VISIT, EventStatus.POSTPONED, "2025-03-18/2025-03-20")
    ]
    # A time on the verb is the day of the change: last Monday.
    assert found("Peru on Monday cancelled the talks with Chile.") == [
        (EventType.TALKS, EventStatus.CANCELLED, "2025-03-10")
    ]


def test_a_plan_told_in_the_past_for_days_ahead_is_the_act_the_text_told_put_off_before() -> None:
    assert found(
        "A proposed visit by Peru's foreign minister to Chile has been postponed. "
        "Quispe was expected to visit Santiago early next week for talks."
    ) == [(EventType.VISIT, EventStatus.POSTPONED, "2025-03-17/2025-03-23")]
    # With no change told before it, the plan still holds.
    assert found("Quispe was expected to visit Santiago early next week for talks.") == [
        (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-17/2025-03-23")
    ]


def test_a_definite_event_noun_naming_one_place_does_not_take_the_date_of_a_visit_to_another() -> None:
    told = found(
        "Quispe will visit La Paz on Saturday for talks with Bolivia's foreign minister. "
        "He had hoped to go on to Santiago afterwards. "
        "His visit to Santiago has been cancelled after a row over fishing rights."
    )
    assert (EventType.VISIT, EventStatus.SCHEDULED, "2025-03-15") in told
    assert (EventType.VISIT, EventStatus.CANCELLED, "2025-03-15") not in told


def test_a_time_set_off_after_the_subject_of_a_hope_is_the_subjects_own_nearest_days() -> None:
    # Read on Friday 14 March: the visit began on Thursday; what it is expected to bring is ahead, not the visit.
    assert found("Ruiz's visit, from March 13 to March 15, is expected to ease tension over fishing rights.") == [
        (EventType.VISIT, EventStatus.ONGOING, "2025-03-13/2025-03-15")
    ]
    # "will decide" is the summit's own future: its day lies ahead.
    assert found("The summit, on March 10, will decide the budget.") == [
        (EventType.SUMMIT, EventStatus.SCHEDULED, "2026-03-10")
    ]
