"""Forces that train together, a mission set on fire, verbs whose past is their plain form, crowds that act for
no state, a place name the tagger cut at its "of", and the state an envoy serves in. Every sentence here was
written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.analysis import pipeline_for
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from events.extraction.timex import find_time_expressions
from tests.extraction.told import placed, told

A_SUNDAY = date(2016, 1, 3)


def test_warships_or_navies_that_train_together_hold_an_exercise() -> None:
    text = "Chilean and Peruvian warships trained together on Friday and Saturday off the coast."
    assert told(text, A_SUNDAY) == [(EventType.MILITARY_EXERCISE, EventStatus.OCCURRED, "2016-01-01/2016-01-02")]
    assert told("Ruiz trained as a lawyer in 1990.", A_SUNDAY) == []


def test_setting_a_mission_on_fire_attacks_it_and_a_crowd_acts_for_no_state() -> None:
    events = extract("Angry Iranian students set fire to the Danish consulate on Friday.", A_SUNDAY).events
    assert [(e.type, e.status, e.date, [a.name for a in e.actors]) for e in events] == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2016-01-01", [])
    ]
    assert told("A mob torched the Danish consulate on Friday.", A_SUNDAY) == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2016-01-01")
    ]
    assert told("Farmers set fire to their fields on Friday.", A_SUNDAY) == []


def test_a_plain_form_that_is_also_a_past_takes_the_nearest_day() -> None:
    # After a plural subject the tagger reads "set" as a present; it is as often the past.
    doc = pipeline_for(ExtractionConfig().spacy_model)("Angry students set fires near the gate on Saturday.")
    assert [t.edtf for t in find_time_expressions(doc, A_SUNDAY)] == ["2016-01-02"]


def test_a_place_name_cut_at_its_of_goes_on() -> None:
    assert placed("Chile seized a Peruvian trawler on Thursday in the Bay of Biscay.") == [
        (EventType.SEIZURE, "Bay of Biscay")
    ]


def test_the_state_an_envoy_is_posted_to_summons_it_and_is_not_the_one_summoned() -> None:
    events = extract("Its foreign office summoned the top Peruvian envoy to Chile on Friday.", A_SUNDAY).events
    assert [([(a.name, a.role.value) for a in e.actors], e.title) for e in events] == [
        ([("Chile", "initiator")], "Chile summons top Peruvian envoy")
    ]
