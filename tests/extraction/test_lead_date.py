"""An undated act in a report's lead, told in the present perfect (or in the simple past, while the lead has
told no time), is the news of the day: it takes the publication date (a guess, so its basis is "inferred"),
unless the article dates the same act further down (then the lead restates it). pipeline._lead_news and
pipeline._lead_past_of_the_day do it; these are further sentences of ours."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import DateBasis
from events.extraction.pipeline import extract

PUBLISHED = date(2025, 3, 8)


def test_an_undated_present_perfect_lead_takes_the_publication_date() -> None:
    text = (
        "Ankara protests over incursion\n\n"
        "The foreign ministry has summoned the neighbouring country's ambassador over a border incursion.\n\n"
        "Officials gave no further details."
    )
    events = [e for e in extract(text, PUBLISHED).events if "summon" in e.rule]
    assert [(e.date, e.date_basis) for e in events] == [("2025-03-08", DateBasis.INFERRED)]


def test_a_lead_that_restates_a_dated_act_below_adds_no_second_date() -> None:
    text = (
        "Ankara protests over incursion\n\n"
        "The foreign ministry has summoned the neighbouring country's ambassador over a border incursion.\n\n"
        "The ministry summoned the ambassador on Thursday, officials said."
    )
    events = [e for e in extract(text, PUBLISHED).events if "summon" in e.rule]
    assert [e.date for e in events] == ["2025-03-06"]


def test_an_undated_simple_past_in_a_lead_that_told_no_time_is_the_news_of_the_day() -> None:
    text = "Talks stall\n\nThe envoys met the rebels' leaders in the capital.\n\nNo date was given."
    events = [e for e in extract(text, PUBLISHED).events if "meet" in e.rule]
    assert [(e.date, e.date_basis) for e in events] == [("2025-03-08", DateBasis.INFERRED)]
    # Once the lead has named a time, it tells a story of then: the next act is not the day's news.
    story = "In 2011 the envoys met the rebels' leaders in the capital. They signed a truce."
    assert not [e for e in extract(story, PUBLISHED).events if e.date == "2025-03-08"]
