"""What one comes for lies at or after the coming; "later this month" lies after publication. Every sentence
here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import told

PUBLISHED = date(2025, 6, 4)  # a Wednesday


def found(text: str) -> list[tuple[EventType, EventStatus, str]]:
    return told(text, PUBLISHED)


def test_a_meeting_one_arrives_for_is_the_coming_day_not_the_last() -> None:
    text = "Prime Minister Ada Lindqvist arrived in Rome on Wednesday for talks with the Italian premier on Thursday."
    assert (EventType.TALKS, EventStatus.SCHEDULED, "2025-06-05") in found(text)


def test_later_this_month_is_ahead_and_earlier_this_month_behind() -> None:
    assert found("The alliance holds a summit in Lisbon later this month.") == [
        (EventType.SUMMIT, EventStatus.SCHEDULED, "2025-06")
    ]
    assert found("The envoys met in Lisbon earlier this month.") == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-06")
    ]
