"""A text that tells a story through past years: which year a month or day without one belongs to. Every
sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.analysis import pipeline_for
from events.extraction.config import ExtractionConfig
from events.extraction.timex import find_time_expressions
from tests.extraction.told import told

PUBLISHED = date(2026, 2, 1)

STORY = (
    "The row over the river began in 2009, when Bolivia dammed a tributary. Peru objected at once.\n\n"
    "In 2013 the two sides asked a panel in Geneva to mediate. Talks opened on April 8 and stalled a week "
    "later. A second round in November went no better.\n\n"
    "By 2017 the mood had changed. The presidents met in La Paz that July.\n\n"
    "Last year the panel sat again, its first session since 2017."
)


def _values(text: str, published: date) -> dict[str, str | None]:
    doc = pipeline_for(ExtractionConfig().spacy_model)(text)
    return {t.text: t.edtf for t in find_time_expressions(doc, published)}


def test_months_and_days_without_a_year_take_the_storys_year_through_its_paragraph() -> None:
    values = _values(STORY, PUBLISHED)
    assert values["April 8"] == "2013-04-08"
    assert values["a week later"] == "2013-04-15"
    # Two sentences after the year, still in its paragraph.
    assert values["November"] == "2013-11"
    assert values["July"] == "2017-07"
    assert values["Last year"] == "2025"


def test_the_events_of_a_story_are_dated_in_its_years() -> None:
    events = told(STORY, PUBLISHED)
    assert (EventType.TALKS, EventStatus.OCCURRED, "2013-04-08") in events
    assert (EventType.MEETING, EventStatus.OCCURRED, "2017-07") in events


def test_news_that_names_one_past_year_keeps_its_own_time_for_other_months() -> None:
    # One year away is background; a bare month later in the text is the one before publication.
    text = "Peru and Bolivia first met in 2013. The ministers will meet again in Lima in March, officials said."
    assert _values(text, PUBLISHED)["March"] == "2026-03"


def test_the_following_or_previous_month_counts_from_the_month_last_named() -> None:
    text = (
        "Peru recalled its envoy on May 6, 2019 and did not send him back until the following January. "
        "In March 2018 the two sides met; the previous May they had clashed at sea."
    )
    values = _values(text, date(2019, 8, 1))
    assert values["the following January"] == "2020-01"
    assert values["the previous May"] == "2017-05"


def test_the_following_or_previous_season_counts_from_the_month_last_named() -> None:
    text = (
        "Peru recalled its envoy in June 2019 and sent him back the following spring. "
        "In March 2018 the sides met; the previous winter they had clashed at sea."
    )
    values = _values(text, date(2021, 8, 1))
    assert values["the following spring"] == "2020-21"
    assert values["the previous winter"] == "2017-24"
