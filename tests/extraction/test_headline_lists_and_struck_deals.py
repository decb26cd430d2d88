"""A headline that lists its subjects before a plain verb, a deal a relative clause says was struck, and a dateline
with no dash. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventType
from events.extraction.pipeline import extract

A_MONDAY = date(2022, 8, 29)


def test_a_headline_listing_its_subjects_before_a_plain_verb_is_the_day_s_news_of_them_all() -> None:
    text = (
        "Chile, Bolivia restore full diplomatic relations\n\n"
        "The neighbours end a rift that began with a row over water rights four years ago."
    )
    events = extract(text, A_MONDAY).events
    assert [(e.type, e.date, [a.name for a in e.actors], e.location) for e in events] == [
        (EventType.TIES_RESTORED, "2022-08-29", ["Chile", "Bolivia"], None)
    ]


def test_a_deal_a_relative_clause_says_was_struck_is_no_use_of_force() -> None:
    text = "Peru said the accord that Chile struck with five powers last month was a milestone."
    assert [e.type for e in extract(text, A_MONDAY).events] == []


def test_a_dateline_with_its_agency_and_filing_date_but_no_dash_is_no_part_of_the_title() -> None:
    text = "Singapore (Wire) Oct 2, 2016 Chile scrambled six fighter jets to meet a foreign plane, aides said Sunday."
    assert [e.title for e in extract(text, date(2016, 10, 3)).events] == ["Chile scrambles six fighter jets"]
