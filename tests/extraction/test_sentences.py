"""Triggers, binding, status, actors and places on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.types import ExtractedEvent

PUBLISHED = date(2024, 6, 12)  # a Wednesday
CONFIG = ExtractionConfig()


def events_of(text: str, published: date = PUBLISHED) -> list[ExtractedEvent]:
    return extract(text, published, CONFIG).events


def test_it_binds_two_triggers_of_one_sentence_to_their_own_dates() -> None:
    events = events_of(
        "Leaders could meet at a regional gathering in September in Jakarta and at the economic summit in "
        "November in Lima."
    )
    dated = {(e.type, e.date, e.location.name if e.location else None) for e in events}
    assert (EventType.SUMMIT, "2024-09", "Jakarta") in dated
    assert (EventType.SUMMIT, "2024-11", "Lima") in dated
    assert all(e.status is EventStatus.SCHEDULED for e in events)


def test_it_finds_a_past_visit_with_its_place_and_traveller() -> None:
    [event] = events_of("Foreign Minister Penny Wong traveled to Tokyo on Monday for talks.")
    assert event.type is EventType.VISIT
    assert event.date == "2024-06-10"
    assert event.status is EventStatus.OCCURRED
    assert event.location is not None and event.location.name == "Tokyo" and event.location.country == "JP"
    assert [a.name for a in event.actors] == ["Penny Wong"]
    assert event.citation.time_text == "Monday"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        pytest.param("The minister will visit Canberra on Friday.", EventStatus.SCHEDULED, id="will"),
        pytest.param("The minister is scheduled to visit Canberra on Friday.", EventStatus.SCHEDULED, id="scheduled"),
        pytest.param("The minister postponed a visit to Canberra in May.", EventStatus.POSTPONED, id="postponed"),
        pytest.param("The minister visited Canberra in May.", EventStatus.OCCURRED, id="past"),
    ],
)
def test_it_reads_status_from_modality_and_change_words(sentence: str, status: EventStatus) -> None:
    [event] = events_of(sentence)
    assert event.status is status


def test_it_proposes_nothing_for_a_wish_or_a_date_of_the_saying() -> None:
    assert events_of("Officials said Tuesday that the two leaders would meet at some point.") == []
    assert events_of("The president said he was hoping to meet his counterpart.") == []


def test_it_emits_no_event_without_a_time_anchor() -> None:
    # Below a story's lead (see test_lead_date for the lead's news of the day).
    assert (
        events_of("Trade has grown fast. Both sides want more. The two sides signed an agreement to expand trade.")
        == []
    )


def test_it_dates_a_background_event_from_the_event_it_precedes() -> None:
    events = events_of("The envoy canceled a trip in March after the shootdown of a drone over the Black Sea.")
    by_type = {e.type: e for e in events}
    assert by_type[EventType.VISIT].status is EventStatus.CANCELLED
    shootdown = by_type[EventType.MILITARY_ACTION]
    assert shootdown.date == "2024-03" and shootdown.status is EventStatus.OCCURRED
    assert shootdown.location is not None and shootdown.location.name == "Black Sea"


def test_it_resolves_a_short_name_to_the_full_name_named_before() -> None:
    events = events_of(
        "Chinese diplomat Wang Yi arrived on Sunday. Adviser Jake Sullivan met with Yi in Vienna on Monday."
    )
    meeting = next(e for e in events if e.type is EventType.MEETING)
    assert {a.name for a in meeting.actors} == {"Jake Sullivan", "Wang Yi"}


def test_it_dates_an_imprisonment_from_its_start() -> None:
    [event] = events_of("The pastor, who has been imprisoned in China since 2006, appealed again.")
    assert (event.type, event.date, event.status) == (EventType.DETENTION, "2006", EventStatus.OCCURRED)
