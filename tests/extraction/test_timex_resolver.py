"""resolve_time_expression: one expression at a time, against a fixed publication date.

The reference date is Sunday 2025-04-06, the date of the Beijing-trip coverage the engine is built for.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.timex import resolve_time_expression

SUNDAY = date(2025, 4, 6)
MAY_15 = date(2025, 5, 15)


def resolve(text: str, tense: str | None = None, published: date = SUNDAY):
    expression = resolve_time_expression(text, published, tense=tense)
    assert expression is not None, f"nothing found in {text!r}"
    return expression


@pytest.mark.parametrize(
    ("text", "tense", "edtf"),
    [
        pytest.param("early Sunday", "past", "2025-04-06", id="early-weekday-same-day-past"),
        pytest.param("late Tuesday", "past", "2025-04-01", id="late-weekday-past"),
        pytest.param("earlier Friday", "past", "2025-04-04", id="earlier-weekday"),
        pytest.param("on Friday", "past", "2025-04-04", id="weekday-past"),
        pytest.param("on Friday", "future", "2025-04-11", id="weekday-future"),
        pytest.param("on Monday", "future", "2025-04-07", id="weekday-future-tomorrow"),
        pytest.param("on Monday", "past", "2025-03-31", id="weekday-past-last-week"),
        pytest.param("Sunday", "future", "2025-04-06", id="weekday-future-same-day"),
        pytest.param("last Friday", None, "2025-04-04", id="last-weekday"),
        pytest.param("next Sunday", None, "2025-04-13", id="next-weekday-strictly-after"),
        pytest.param("Monday", None, "2025-04-07", id="weekday-no-tense-nearest"),
        pytest.param("Thursday", None, "2025-04-03", id="weekday-no-tense-nearest-past"),
    ],
)
def test_it_resolves_weekdays_by_tense(text, tense, edtf):
    expression = resolve(text, tense)
    assert expression.edtf == edtf
    assert expression.precision == "day"
    assert expression.timex_type == "DATE"


@pytest.mark.parametrize(
    ("text", "tense", "published", "edtf"),
    [
        pytest.param("in May", "past", SUNDAY, "2024-05", id="month-past-goes-back-a-year"),
        pytest.param("in May", "future", SUNDAY, "2025-05", id="month-future-this-year"),
        pytest.param("in September", "future", SUNDAY, "2025-09", id="month-future-september"),
        pytest.param("in November", "future", SUNDAY, "2025-11", id="month-future-november"),
        pytest.param("in February", "past", SUNDAY, "2025-02", id="month-past-this-year"),
        pytest.param("in February", "future", SUNDAY, "2026-02", id="month-future-next-year"),
        pytest.param("in May", "past", MAY_15, "2025-05", id="month-past-same-month"),
        pytest.param("in May", "future", MAY_15, "2025-05", id="month-future-same-month"),
        pytest.param("in April", "past", SUNDAY, "2025-04", id="month-past-publication-month"),
        pytest.param("in June 2023", None, SUNDAY, "2023-06", id="month-with-year"),
        pytest.param("early June 2023", "future", SUNDAY, "2023-06", id="early-month-with-year-ignores-tense"),
        pytest.param("mid-May", "past", SUNDAY, "2024-05", id="mid-month"),
        pytest.param("late last month", None, SUNDAY, "2025-03", id="late-last-month"),
        pytest.param("earlier this month", None, SUNDAY, "2025-04", id="earlier-this-month"),
        pytest.param("later this month", None, SUNDAY, "2025-04", id="later-this-month"),
        pytest.param("last month", None, date(2025, 1, 10), "2024-12", id="last-month-across-year"),
        pytest.param("next month", None, SUNDAY, "2025-05", id="next-month"),
    ],
)
def test_it_resolves_months(text, tense, published, edtf):
    expression = resolve(text, tense, published)
    assert expression.edtf == edtf
    assert expression.precision == "month"


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        pytest.param("last year", "2024", id="last-year"),
        pytest.param("this year", "2025", id="this-year"),
        pytest.param("next year", "2026", id="next-year"),
        pytest.param("early next year", "2026", id="early-next-year"),
        pytest.param("in 2012", "2012", id="bare-year"),
        pytest.param("since 2012", "2012/..", id="since-year-open-interval"),
    ],
)
def test_it_resolves_years(text, edtf):
    assert resolve(text).edtf == edtf


@pytest.mark.parametrize(
    ("text", "tense", "edtf"),
    [
        pytest.param("Aug. 18", "past", "2024-08-18", id="wire-abbreviation-past"),
        pytest.param("Aug. 18", "future", "2025-08-18", id="wire-abbreviation-future"),
        pytest.param("Feb. 15", "past", "2025-02-15", id="feb-15"),
        pytest.param("May 20", "future", "2025-05-20", id="may-20"),
        pytest.param("June 19", "past", "2024-06-19", id="june-19"),
        pytest.param("Nov. 5", "future", "2025-11-05", id="nov-5"),
        pytest.param("on April 6", "past", "2025-04-06", id="same-day-past"),
        pytest.param("on April 6", "future", "2025-04-06", id="same-day-future"),
        pytest.param("2025-04-06", None, "2025-04-06", id="iso"),
        pytest.param("March 18, 2021", "future", "2021-03-18", id="full-date-ignores-tense"),
        pytest.param("Sept. 2, 2024", None, "2024-09-02", id="sept-abbreviation"),
    ],
)
def test_it_resolves_calendar_dates(text, tense, edtf):
    expression = resolve(text, tense)
    assert expression.edtf == edtf
    assert expression.value == edtf


@pytest.mark.parametrize(
    ("text", "tense", "edtf", "duration"),
    [
        pytest.param("from Aug. 27 to 29", "future", "2025-08-27/2025-08-29", "P3D", id="month-day-range"),
        pytest.param("Aug. 27-29", "past", "2024-08-27/2024-08-29", "P3D", id="hyphen-range"),
        pytest.param("from Dec. 30 to Jan. 2", "future", "2025-12-30/2026-01-02", "P4D", id="range-across-year"),
    ],
)
def test_it_resolves_intervals(text, tense, edtf, duration):
    expression = resolve(text, tense)
    assert expression.edtf == edtf
    assert expression.duration == duration
    assert expression.signal == ("from" if text.startswith("from") else None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("two days of talks", "P2D", id="days-of-talks"),
        pytest.param("a four-day visit", "P4D", id="hyphenated-visit"),
        pytest.param("for five years", "P5Y", id="for-years"),
        pytest.param("several weeks", "PXW", id="vague-quantity"),
        pytest.param("the past decade", "P10Y", id="past-decade"),
        pytest.param("for years", "PXY", id="bare-plural"),
    ],
)
def test_it_reads_durations_without_dating_them(text, value):
    expression = resolve(text)
    assert expression.timex_type == "DURATION"
    assert expression.value == value
    assert expression.edtf is None
    assert expression.lower is None


def test_it_keeps_the_signal_out_of_the_extent():
    expression = resolve("for five years")
    assert expression.text == "five years"
    assert expression.signal == "for"


@pytest.mark.parametrize(
    ("text", "value", "edtf", "week"),
    [
        pytest.param("last week", "2025-W13", "2025-03-24/2025-03-30", True, id="last-week"),
        pytest.param("this week", "2025-W14", "2025-03-31/2025-04-06", True, id="this-week"),
        pytest.param("next week", "2025-W15", "2025-04-07/2025-04-13", True, id="next-week"),
        pytest.param("earlier in the week", "2025-W14", "2025-03-31/2025-04-06", True, id="earlier-in-the-week"),
    ],
)
def test_it_resolves_weeks_as_monday_to_sunday(text, value, edtf, week):
    expression = resolve(text)
    assert (expression.value, expression.edtf, expression.week) == (value, edtf, week)
    assert expression.precision == "week"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("in recent years", "PAST_REF", id="recent-years"),
        pytest.param("recently", "PAST_REF", id="recently"),
        pytest.param("now", "PRESENT_REF", id="now"),
        pytest.param("in the future", "FUTURE_REF", id="future"),
    ],
)
def test_it_leaves_vague_references_undated(text, value):
    expression = resolve(text)
    assert expression.value == value
    assert expression.edtf is None


@pytest.mark.parametrize(
    ("text", "value", "edtf"),
    [
        pytest.param("yesterday", "2025-04-05", "2025-04-05", id="yesterday"),
        pytest.param("tomorrow", "2025-04-07", "2025-04-07", id="tomorrow"),
        pytest.param("Sunday morning", "2025-04-06TMO", "2025-04-06", id="part-of-day"),
        pytest.param("two years ago", "2023", "2023", id="years-ago"),
        pytest.param("last summer", "2024-SU", "2024-22", id="season"),
        pytest.param("the first quarter of 2009", "2009-Q1", "2009-33", id="quarter"),
        pytest.param("the 1990s", "199", "199X", id="decade"),
        pytest.param("every year", "P1Y", None, id="set"),
    ],
)
def test_it_resolves_other_calendar_expressions(text, value, edtf):
    expression = resolve(text)
    assert (expression.value, expression.edtf) == (value, edtf)


def test_it_does_not_read_the_modal_may_as_a_month():
    assert resolve_time_expression("Officials may meet", SUNDAY) is None


def test_it_gives_bounds_and_precision_from_the_edtf():
    expression = resolve("in May", "past")
    assert (expression.lower, expression.upper) == (date(2024, 5, 1), date(2024, 5, 31))
    assert expression.direction == "past"


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        pytest.param("October of next year", "2026-10", id="month-of-next-year"),
        pytest.param("March of last year", "2024-03", id="month-of-last-year"),
    ],
)
def test_it_resolves_a_month_of_a_relative_year(text, edtf):
    assert resolve(text).edtf == edtf
