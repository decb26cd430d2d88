"""A participle on an event noun tells an act of its own: an earlier instance held ("last held in 2019") or
the event's being put forward ("first proposed in March"). Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import told

PUBLISHED = date(2025, 9, 17)  # a Wednesday


def found(text: str) -> list[tuple[EventType, EventStatus, str]]:
    return told(text, PUBLISHED)


def test_an_earlier_instance_told_by_a_past_participle_took_place() -> None:
    # "could" is about the next summit; "last held in 2021" tells one that took place.
    text = "A regional summit with Zembla, last held in 2021, could follow early next year."
    assert (EventType.SUMMIT, EventStatus.OCCURRED, "2021") in found(text)
    text = "The joint drills, carried out in 2022 and 2023, may resume this winter."
    assert {(s, d) for _, s, d in found(text)} >= {(EventStatus.OCCURRED, "2022"), (EventStatus.OCCURRED, "2023")}


def test_a_plan_participle_still_tells_no_taking_place() -> None:
    # "planned for" is a plan: the visit did not take place in January.
    text = "A visit planned for January could be moved."
    assert all(status is not EventStatus.OCCURRED for _, status, _ in found(text))


def test_the_date_an_event_was_put_forward_is_not_its_date() -> None:
    assert found("The next round of consultations, first proposed in May, may be held in Vienna.") == []
    assert found("A series of meetings, proposed last year, has yet to start.") == []
    # Held on its own date, the event keeps that date, whenever it was proposed.
    text = "The border talks, first floated in April, were held in July."
    assert found(text) == [(EventType.TALKS, EventStatus.OCCURRED, "2025-07")]
