"""An act measured from an event the text names by a noun ("The swap came two days after ...") is dated from
that event's day, told in an earlier paragraph. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventType
from events.extraction.pipeline import extract

PUBLISHED = date(2024, 6, 14)  # a Friday

STORY = (
    "Ostland and Zembla swapped 30 detainees on Friday, officials said.\n\n"
    "The men were flown home on a chartered plane, the ministry said.\n\n"
    "The exchange came two days after Zemblan drones hit a fuel depot near the border."
)


def dated(text: str) -> dict[EventType, list[str]]:
    found: dict[EventType, list[str]] = {}
    for event in extract(text, PUBLISHED).events:
        found.setdefault(event.type, []).append(event.date)
    return found


def test_an_act_measured_from_a_named_exchange_takes_its_day_less_the_measure() -> None:
    assert dated(STORY) == {EventType.RELEASE: ["2024-06-14"], EventType.MILITARY_ACTION: ["2024-06-12"]}


def test_the_exchange_of_something_else_is_no_such_event() -> None:
    text = STORY.replace("swapped 30 detainees", "held talks")
    assert EventType.MILITARY_ACTION not in dated(text)
