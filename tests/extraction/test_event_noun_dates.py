"""Dates that reach an event noun through its own phrase (issue 13): a relative clause with the verb the
noun takes ("the war the two states fought in 1962"), and a date before a possessive that names the event
("the May 3 foreign ministers' meeting"). Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 12)
CONFIG = ExtractionConfig()


def kinds(text: str) -> set[tuple[EventType, str]]:
    return {(e.type, e.date) for e in extract(text, PUBLISHED, CONFIG).events}


def test_it_dates_a_war_by_the_clause_that_says_it_was_fought() -> None:
    text = "Relations have been cool since a short, bitter war the two republics fought in 1971."
    assert (EventType.MILITARY_ACTION, "1971") in kinds(text)


def test_it_dates_a_meeting_named_with_a_possessive() -> None:
    text = "The envoy was at the May 3 foreign ministers' meeting in Rome."
    assert (EventType.MEETING, "2024-05-03") in kinds(text)


def test_it_dates_a_clause_opened_by_as_by_the_event_it_hangs_on() -> None:
    text = "In March, the two navies faced off in the northern strait just as the president was visiting Manila."
    assert (EventType.VISIT, "2024-03") in kinds(text)


def test_a_clause_opened_by_while_contrasts_and_takes_no_date() -> None:
    text = "The trade envoy traveled to Chile in May, while her deputy traveled to Peru."
    assert [d for k, d in kinds(text) if k is EventType.VISIT] == ["2024-05"]
