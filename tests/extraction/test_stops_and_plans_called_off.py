"""A stop somewhere on a trip, and the day of a planned event that is called off. Every sentence here was
written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract

A_THURSDAY = date(2025, 3, 13)


def test_a_planned_stop_called_off_is_a_visit_cancelled_on_the_day_it_was_planned_for() -> None:
    text = "Peru's president cut short a tour of the region on Thursday, cancelling a planned stop in Quito on Friday."
    cancelled = [e for e in extract(text, A_THURSDAY).events if e.status is EventStatus.CANCELLED]
    assert [(e.type, e.date, e.location.name if e.location else None) for e in cancelled] == [
        (EventType.VISIT, "2025-03-14", "Quito")
    ]


def test_a_stop_that_names_no_place_is_no_visit() -> None:
    text = "The envoy called for a stop to the fighting on Thursday."
    assert [e for e in extract(text, A_THURSDAY).events if e.type is EventType.VISIT] == []
