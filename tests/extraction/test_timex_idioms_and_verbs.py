"""Words of a time expression that belong to something else (events/extraction/timex/patterns.py and
finder.py), on sentences written for these tests: "last" the verb before a stretch of time, "high noon" the
idiom, and the article before a minute or second that reads as a stretch only with "few" or "couple of"."""

from __future__ import annotations

import pytest

from tests.extraction.timex_sentences import found


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Minister Varga said the border talks in Port Ostra will last one day.", id="modal"),
        pytest.param("The Zembla ceasefire did not last two weeks before the shelling resumed.", id="negated"),
        pytest.param("Ostland wants the truce to last three months at the very least.", id="infinitive"),
    ],
)
def test_last_the_verb_stays_outside_the_stretch(nlp, sentence):
    times = found(nlp, sentence)
    assert not any(text.lower().startswith("last") for text in times)
    assert any(value.startswith("P") for value in times.values())


def test_the_last_few_weeks_still_counts_back_from_now(nlp):
    assert "the last two weeks" in found(nlp, "The Ostland envoys met every morning during the last two weeks.")


def test_high_noon_is_an_idiom_not_a_clock_time(nlp):
    times = found(nlp, "For the ruling party of Zembla, high noon has come at the ballot box.")
    assert not any(value.startswith("2025-04-08T") for value in times.values())


def test_noon_alone_is_still_twelve_oclock(nlp):
    assert found(nlp, "The Zembla hearing opens at noon.")["noon"] == "2025-04-08T12:00"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        pytest.param("Varga promised an answer in a few minutes.", "a few minutes", "PTXM", id="few-minutes"),
        pytest.param("The envoy paused a couple of seconds and left.", "a couple of seconds", "PT2S", id="couple"),
    ],
)
def test_a_few_minutes_is_a_stretch_of_time(nlp, sentence, text, value):
    assert found(nlp, sentence).get(text) == value


def test_a_minute_with_only_the_article_is_left_alone(nlp):
    assert found(nlp, "Wait a minute, the minister told the Ostland reporters.") == {}


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The Ostland co-operative went from a calendar year to a harvest year last spring.", id="harvest"),
        pytest.param("Zembla moved its accounts from a calendar year to a fiscal year ending in June.", id="fiscal"),
    ],
)
def test_a_calendar_year_swapped_for_another_kind_is_a_unit_of_account(nlp, sentence):
    assert "a calendar year" not in found(nlp, sentence)


def test_a_calendar_year_as_a_limit_is_still_a_stretch(nlp):
    assert found(nlp, "The Zembla audit must be finished within a calendar year.")["a calendar year"] == "P1Y"
