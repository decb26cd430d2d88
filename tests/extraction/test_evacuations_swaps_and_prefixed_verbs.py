"""A mission's people taken out of a country, one named person traded for another, a state let back into a bloc,
an act a lead says has started, and verbs written with "re-". Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.analysis import pipeline_for
from events.extraction.config import ExtractionConfig
from events.extraction.pipeline import extract
from tests.extraction.told import told

A_JUNE_SATURDAY = date(2024, 6, 15)


def test_a_state_that_evacuates_its_embassy_or_its_diplomats_withdraws_them() -> None:
    assert told("Peru evacuated its embassy in Quito on Thursday.", A_JUNE_SATURDAY) == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-06-13")
    ]
    assert told("Chile evacuated diplomats from its consulate in Tacna on Thursday.", A_JUNE_SATURDAY) == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-06-13")
    ]
    # People taken out of a town after a flood are no act between states.
    assert told("Residents were evacuated from the coastal town on Thursday.", A_JUNE_SATURDAY) == []


def test_an_act_a_lead_says_has_started_is_the_news_of_the_day() -> None:
    assert told("Chile has begun evacuating staff from its embassy in Lima.", A_JUNE_SATURDAY) == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2024-06-15")
    ]


def test_one_named_person_given_for_another_is_a_prisoner_swap() -> None:
    text = "Peru and Bolivia have exchanged the jailed singer Marta Quispe for the smuggler Tomas Ruiz."
    assert told(text, A_JUNE_SATURDAY) == [(EventType.RELEASE, EventStatus.OCCURRED, "2024-06-15")]
    # Goods traded for goods, or a place for a place, are no swap of people.
    assert told("Peru traded wheat for Bolivian gas on Thursday.", A_JUNE_SATURDAY) == []


def test_a_state_let_back_into_a_bloc_accedes_to_it() -> None:
    for text in (
        "Bolivia was readmitted to the Andean Community on Thursday.",
        "Bolivia was reinstated to the Andean Community on Thursday.",
        "Bolivia was re-admitted to the Andean Community on Thursday.",
    ):
        assert told(text, A_JUNE_SATURDAY) == [(EventType.ACCESSION, EventStatus.OCCURRED, "2024-06-13")], text
    titles = [
        extract(text, A_JUNE_SATURDAY).events[0].title
        for text in (
            "Bolivia was readmitted to the Andean Community on Thursday.",
            "The bloc admitted Bolivia to the Andean Community on Thursday.",
        )
    ]
    assert titles == ["Bolivia rejoins Andean Community", "Bolivia joins Andean Community"]


def test_a_verb_written_with_re_and_a_hyphen_is_one_word_of_its_own_lemma() -> None:
    doc = pipeline_for(ExtractionConfig().spacy_model)("Peru and Chile re-established diplomatic ties on Thursday.")
    verb = next(t for t in doc if t.lower_.startswith("re-"))
    assert (verb.text, verb.lemma_) == ("re-established", "reestablish")
    assert told("Peru and Chile re-established diplomatic ties on Thursday.", A_JUNE_SATURDAY) == [
        (EventType.TIES_RESTORED, EventStatus.OCCURRED, "2024-06-13")
    ]
    assert told("Chile re-imposed sanctions on Bolivia on Thursday.", A_JUNE_SATURDAY) == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2024-06-13")
    ]
