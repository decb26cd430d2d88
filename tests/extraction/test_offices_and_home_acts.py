"""Offices named by what they head, and acts a state does at home told under another country's dateline. Every
sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found, placed


def test_an_office_named_by_what_it_heads_keeps_what_it_heads_in_the_title() -> None:
    events = extract("The head of the U.N. nuclear watchdog arrived in Lima on Tuesday.", A_FRIDAY).events
    assert [e.title for e in events] == ["Head of U.N. nuclear watchdog arrives in Lima"]


def test_a_suspension_by_a_state_is_not_placed_at_another_countrys_dateline() -> None:
    assert placed("VIENNA (AP) - Peru suspended its cooperation with the agency on Monday, officials said.") == [
        (EventType.WITHDRAWAL, None)
    ]
    assert placed("LIMA (AP) - Peru suspended its cooperation with the agency on Monday, officials said.") == [
        (EventType.WITHDRAWAL, "Lima")
    ]


def test_days_of_an_act_before_a_dated_one_run_up_to_its_day() -> None:
    assert found("Chile and Peru agreed to a truce on Friday after three days of border clashes.") == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-14"),
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-12/2025-03-14"),
    ]


def test_he_takes_up_the_person_his_sentence_names_by_a_common_noun_not_a_name_told_before() -> None:
    events = extract(
        "Foreign Minister Ana Ruiz spoke in Lima on Friday. Chile convicted a former Peruvian official of spying in "
        "July 2022; he was freed in a prisoner swap in June 2024.",
        A_FRIDAY,
    ).events
    assert [(e.title, [a.name for a in e.actors]) for e in events if e.type is EventType.RELEASE] == [
        ("Peruvian official is freed", [])
    ]


def test_a_crossing_closed_with_another_state_is_titled_with_it() -> None:
    events = extract("Peru closed a key border crossing with Chile in February 2023.", A_FRIDAY).events
    assert [e.title for e in events] == ["Peru closes key border crossing with Chile"]
