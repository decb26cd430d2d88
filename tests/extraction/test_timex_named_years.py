"""A year introduced by a word that names it a year ("fiscal", "calendar", "the year") is a year even before a
noun that would otherwise make it a count ("fiscal 2019 sales"); sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extraction.timex_sentences import found


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
