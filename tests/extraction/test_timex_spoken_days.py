"""A day of the month spoken as an ordinal word (events/extraction/timex/lexicon.py SPOKEN_DAYS and the
month_day pattern), on sentences written for these tests: "March eighth" is one day, not the month alone."""

from __future__ import annotations

import pytest

from tests.extraction.timex_sentences import found


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        pytest.param("Zembla celebrated its founding on March eighth.", "March eighth", "2025-03-08", id="eighth"),
        pytest.param(
            "The Ostland parliament met on February twenty-first.", "February twenty-first", "2025-02-21", id="hyphen"
        ),
        pytest.param("Varga returned from Port Ostra on January first.", "January first", "2025-01-01", id="first"),
    ],
)
def test_a_month_and_a_spoken_ordinal_are_one_day(nlp, sentence, text, value):
    assert found(nlp, sentence).get(text) == value


def test_an_ordinal_in_a_compound_after_a_month_is_not_a_day(nlp):
    times = found(nlp, "Zembla published the figures in March second-quarter style.")
    assert "March second" not in times
