"""What an article mentions in passing is no event of its own (issue 13, kinds 5 and 6): a saying that
describes a person, taking office as the time something else is measured from, and a time restated in
parentheses in another time zone. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def events_of(text: str) -> list[ExtractedEvent]:
    return extract(text, PUBLISHED, CONFIG).events


def test_it_reads_no_event_in_a_saying_that_describes_a_person() -> None:
    text = "The rebel commander, who last year vowed to capture the capital, lost the port on Monday."
    assert not [e for e in events_of(text) if e.type is EventType.STATEMENT]


def test_it_keeps_a_saying_in_the_main_clause() -> None:
    text = "Last year the rebel commander vowed to capture the capital."
    assert [(e.type, e.date) for e in events_of(text)] == [(EventType.STATEMENT, "2023")]


def test_it_reads_no_inauguration_in_a_when_clause() -> None:
    text = "When she took office in 2021, the prime minister criticised the treaty."
    assert not [e for e in events_of(text) if e.type is EventType.INAUGURATION]


def test_it_reads_no_inauguration_that_only_anchors_a_since() -> None:
    text = "The minister said his trip would be his first abroad since his inauguration in March."
    assert not [e for e in events_of(text) if e.type is EventType.INAUGURATION]


def test_it_keeps_an_inauguration_that_is_news() -> None:
    text = "The new president was sworn in on Sunday."
    assert [(e.type, e.date) for e in events_of(text)] == [(EventType.INAUGURATION, "2024-06-09")]


def test_it_does_not_date_an_event_by_a_time_restated_in_another_zone() -> None:
    text = "The foreign minister summoned the ambassador at around 3 a.m. (8 p.m. GMT on Tuesday) to protest."
    assert {e.date for e in events_of(text)} == {"2024-06-12"}


def test_it_does_not_date_a_measure_by_the_event_it_set_off() -> None:
    text = "Few expect relief from the sanctions which set off the riots last November."
    assert not [e for e in events_of(text) if e.type is EventType.SANCTION]


def test_it_reads_no_event_in_the_circumstances_amid_which_something_happened() -> None:
    text = (
        "The pilot was freed on Friday after his jet was shot down this week amid a sharp confrontation "
        "between the two rivals."
    )
    assert not [e for e in events_of(text) if e.type is EventType.INCIDENT]


def test_an_event_that_seeks_something_did_happen() -> None:
    """ "The talks ... sought a truce": the wish is the talks' aim; the talks themselves took place."""
    text = "The talks in Geneva last week sought a truce."
    assert [e.type for e in events_of(text)] == [EventType.TALKS]
