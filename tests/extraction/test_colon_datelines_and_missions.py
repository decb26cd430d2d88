"""A dateline whose filing date ends with a colon, and a mission that reopens or shuts itself named as the text
names it. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.extraction.pipeline import extract

A_SUNDAY = date(2015, 8, 23)


def test_a_city_and_filing_date_closed_by_a_colon_is_a_dateline() -> None:
    text = "Lima, August 23: Norway reopened its embassy in the Peruvian capital on Sunday, after years of talks."
    events = extract(text, A_SUNDAY).events
    assert [[a.name for a in e.actors] for e in events] == [["Norway"]]


def test_a_mission_that_reopens_itself_is_named_in_the_title() -> None:
    events = extract("Peru's consulate in Oslo reopened on Sunday after a year.", A_SUNDAY).events
    assert [e.title for e in events] == ["Peru's consulate reopens in Oslo"]
