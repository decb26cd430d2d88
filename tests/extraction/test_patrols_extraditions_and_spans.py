"""Joint patrols, people handed to another state's justice, and acts a "since" clause names. Every sentence here
was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EVENT_TYPES, EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found, placed


def test_a_joint_patrol_is_an_exercise_of_both_sides_and_a_lone_patrol_is_not_news() -> None:
    assert found("Peru and Chile held their first joint naval patrol off Arica this week.") == [
        (EventType.MILITARY_EXERCISE, EventStatus.OCCURRED, "2025-03-10/2025-03-16")
    ]
    assert found("Chilean navy ships patrolled near the border on Monday. The patrol was routine.") == []


def test_people_extradited_or_handed_over_for_trial_are_an_extradition() -> None:
    events = extract(
        "Peru extradited two suspects to Bolivia in May. Chile handed over three fugitives to Peru on Monday.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.status, e.date) for e in events] == [
        (EventType.EXTRADITION, EventStatus.OCCURRED, "2024-05"),
        (EventType.EXTRADITION, EventStatus.OCCURRED, "2025-03-10"),
    ]
    assert [e.title for e in events] == [
        "Peru extradites two suspects to Bolivia",
        "Chile hands over three fugitives to Peru",
    ]
    assert EVENT_TYPES[EventType.EXTRADITION].plover_category == "COOPERATE"


def test_an_extradition_sought_is_not_done_and_captives_of_war_handed_back_are_released() -> None:
    assert found("Bolivia sought the extradition of two suspects from Peru in May.") == []
    assert [kind for kind, _, _ in found("Ostland handed over 50 prisoners of war to Zembla on Monday.")] == [
        EventType.RELEASE
    ]


def test_an_act_a_since_clause_names_is_background_the_dateline_does_not_place() -> None:
    told = placed(
        "LIMA, Peru (Reuters) - Trade between the two states has grown since a free trade pact was signed in 2019."
    )
    assert told == [(EventType.AGREEMENT, None)]


def test_an_act_a_causing_participle_tells_shares_the_day_of_the_act_that_caused_it() -> None:
    events = extract(
        "LIMA, Peru (Reuters) - A Chilean fighter jet entered Peruvian airspace on Friday, the air force said, "
        "prompting Lima to summon Santiago's ambassador.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in events] == [
        (EventType.INCIDENT, "2025-03-14", ["Chile"]),
        (EventType.SUMMONS, "2025-03-14", ["Peru"]),
    ]


def test_a_capital_that_owns_an_envoy_stands_for_its_state() -> None:
    events = extract("Chile summoned Lima's ambassador on Monday.", A_FRIDAY).events
    assert [a.name for a in events[0].actors] == ["Chile", "Peru"]


def test_a_second_doer_in_the_paragraph_does_not_take_the_first_ones_place() -> None:
    told = placed(
        "Ruiz announced his decision to lift the tariffs at a forum in Quito on May 13. "
        "The European Union lifted its tariffs on Peru on Tuesday."
    )
    assert told[-1] == (EventType.SANCTION, None)


def test_an_attack_on_a_patrol_is_force_not_words() -> None:
    assert found("Armed men attacked a police patrol near the border on Monday.") == [
        (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2025-03-10")
    ]
