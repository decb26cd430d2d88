"""A month named as the one of the time told before, a weekday of last or next week, the weekend seen from a
Sunday, what a present "follows" dates, a gathering met for, one body by two names, and a ceasefire agreed
to. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, placed, told

A_SUNDAY = date(2025, 3, 16)


def test_that_month_is_the_month_in_the_year_told_before() -> None:
    text = "A round of secret talks in Quito in late 2022 led to a prisoner exchange that December."
    assert told(text, A_FRIDAY) == [
        (EventType.TALKS, EventStatus.OCCURRED, "2022"),
        (EventType.RELEASE, EventStatus.OCCURRED, "2022-12"),
    ]


def test_a_weekday_of_last_or_next_week_is_that_day_of_that_calendar_week() -> None:
    assert told("Andean foreign ministers met in Lima on Monday last week.", A_FRIDAY) == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-03")
    ]
    assert told("Andean foreign ministers will meet in Lima on Thursday of next week.", A_FRIDAY) == [
        (EventType.MEETING, EventStatus.SCHEDULED, "2025-03-20")
    ]


def test_the_weekend_seen_from_a_sunday_is_the_one_it_ends_unless_told_ahead() -> None:
    assert told("Andean leaders met in Quito at the weekend.", A_SUNDAY) == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-15/2025-03-16")
    ]
    assert told("Andean leaders will meet in Quito at the weekend.", A_SUNDAY) == [
        (EventType.MEETING, EventStatus.SCHEDULED, "2025-03-22/2025-03-23")
    ]


def test_a_time_after_what_a_present_follows_dates_what_came_before() -> None:
    found = told("The summit follows a meeting of Andean leaders in Quito at the weekend.", A_SUNDAY)
    assert (EventType.MEETING, EventStatus.OCCURRED, "2025-03-15/2025-03-16") in found


def test_leaders_meeting_for_a_summit_is_one_event_the_summit_where_they_meet() -> None:
    events = extract("Andean leaders will meet in Quito next Thursday for an emergency summit.", A_FRIDAY).events
    assert [(e.type, e.date, e.location.name if e.location else None) for e in events] == [
        (EventType.SUMMIT, "2025-03-20", "Quito")
    ]


def test_one_body_by_initials_and_by_name_is_one_side_of_one_act() -> None:
    text = (
        "EU to hold emergency summit on Thursday\n\nEuropean Union leaders will meet in Brussels on Thursday for an "
        "emergency summit on energy prices, officials said."
    )
    assert placed(text) == [(EventType.SUMMIT, "Brussels")]


def test_a_ceasefire_agreed_to_is_the_agreement_not_a_second_event() -> None:
    assert told("Peru and Chile agreed on Monday to an immediate ceasefire from midnight.", A_FRIDAY) == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-10")
    ]
