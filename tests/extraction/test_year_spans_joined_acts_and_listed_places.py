"""Two years that open and close one span, a second act joined to a first with no subject of its own, and a
place listed after its own time. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.analysis import pipeline_for
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.timex import find_time_expressions
from tests.extraction.told import told

AN_AUGUST_MONDAY = date(2024, 8, 19)


def test_two_years_after_from_between_or_in_are_one_span() -> None:
    for text in (
        "Zembla and Ostland fought a border war from 1932 to 1935.",
        "Zembla and Ostland fought a border war in 1932 to 1935.",
    ):
        assert told(text, AN_AUGUST_MONDAY) == [(EventType.MILITARY_ACTION, EventStatus.OCCURRED, "1932/1935")]
    assert told("Zembla and Ostland held talks between 2007 and 2010.", AN_AUGUST_MONDAY) == [
        (EventType.TALKS, EventStatus.OCCURRED, "2007/2010")
    ]


def test_a_span_of_years_is_still_two_dates_as_timeml_marks_them() -> None:
    doc = pipeline_for(ExtractionConfig().spacy_model)("Zembla and Ostland fought a border war from 1932 to 1935.")
    (span,) = find_time_expressions(doc, AN_AUGUST_MONDAY)
    assert [value for _, _, _, value in span.timeml()] == ["1932", "1935"]


def test_a_release_joined_to_an_arrest_has_the_arrests_subject_and_its_own_time() -> None:
    # "last year" is the release's; the arrest, undated, is not put in that year.
    text = "Maria Quispe was arrested at the airport in Lima and was freed last year."
    assert told(text, AN_AUGUST_MONDAY) == [(EventType.RELEASE, EventStatus.OCCURRED, "2023")]


def test_a_place_right_after_a_listed_time_is_that_times_place() -> None:
    for text in (
        "The leaders met on May 2 in Quito and on June 9 in Lima.",
        "The leaders met on May 2 in Quito, and June 9 in Lima.",
    ):
        events = extract(text, AN_AUGUST_MONDAY).events
        assert [(e.date, e.location.name if e.location else None) for e in events] == [
            ("2024-05-02", "Quito"),
            ("2024-06-09", "Lima"),
        ]
    # One place before both times is both meetings' place.
    events = extract("The leaders met in Quito on May 2 and again on June 9.", AN_AUGUST_MONDAY).events
    assert [e.location.name if e.location else None for e in events] == ["Quito", "Quito"]
