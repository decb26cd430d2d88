"""A timeline's entries ("Oct. 3 - The two leaders speak by phone ...") tell the past in the present tense.
Every entry here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import told

PUBLISHED = date(2024, 11, 20)

TIMELINE = (
    "How the dispute grew\n\n"
    "March 2021 - Zembla recalls its ambassador from Port Ostra.\n\n"
    "Oct. 3 - The two presidents speak by phone and agree to resume talks.\n\n"
    "Dec. 5 - The foreign ministers will meet in Oslo.\n"
)


def found(text: str) -> list[tuple[EventType, EventStatus, str]]:
    return told(text, PUBLISHED)


def test_an_entry_in_the_present_tense_is_the_nearest_such_day_gone_by() -> None:
    assert (EventType.PHONE_CALL, EventStatus.OCCURRED, "2024-10-03") in found(TIMELINE)


def test_an_entry_marked_ahead_keeps_its_plan() -> None:
    assert (EventType.MEETING, EventStatus.SCHEDULED, "2024-12-05") in found(TIMELINE)
    later = extract(TIMELINE, date(2024, 12, 10)).events
    assert [(e.status, e.date) for e in later if e.type is EventType.MEETING] == [(EventStatus.SCHEDULED, "2025-12-05")]


def test_warning_shots_the_parser_reads_as_a_verb_are_an_encounter() -> None:
    text = "Aug. 14, 2022 - Ostlandic patrol boats fire warning shots at a Zemblan trawler."
    assert found(text) == [(EventType.INCIDENT, EventStatus.OCCURRED, "2022-08-14")]
