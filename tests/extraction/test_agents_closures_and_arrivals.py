"""The agents of a passive act, a mission closed by order, what a noun of an act done to something names, an
act right after the doer's arrival, what talks ended without, a gapped clause with an event of its own, and a
pronoun after a quoted spokesman. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, told


def test_the_agents_of_a_passive_act_did_it_and_what_was_done_is_no_side() -> None:
    text = (
        "The Andean Fisheries Accord was signed by Peruvian Foreign Minister Ana Ruiz and Luis Quispe in Lima on "
        "Monday."
    )
    events = extract(text, A_FRIDAY).events
    assert [(e.type, sorted(a.name for a in e.actors)) for e in events] == [
        (EventType.AGREEMENT, ["Ana Ruiz", "Luis Quispe"])
    ]
    assert "Accord signs" not in events[0].title


def test_a_mission_closed_by_order_is_a_tie_cut_titled_with_what_was_closed() -> None:
    events = extract("Peru ordered the closure of Chile's consulate in Arica on Wednesday.", A_FRIDAY).events
    assert [(e.type, e.status, e.date, e.title) for e in events] == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-12", "Closure of Chile's consulate by Peru in Arica")
    ]
    # A border closed is a way between states shut; a factory closed is no act between states.
    assert [
        e.type for e in extract("The closure of the border crossing on Monday angered truckers.", A_FRIDAY).events
    ] == [EventType.SANCTION]
    assert extract("The closure of the cement factory on Monday angered workers.", A_FRIDAY).events == []


def test_an_envoy_recalled_is_titled_with_the_envoy() -> None:
    events = extract("Chile announced the recall of its ambassador to Peru on Monday.", A_FRIDAY).events
    assert [e.title for e in events] == ["Recall of ambassador by Chile"]


def test_an_act_right_after_the_doers_arrival_is_on_the_day_of_the_arrival() -> None:
    text = (
        "QUITO, March 12 (Reuters) - Peru's foreign minister Ana Ruiz arrived in Ecuador on Wednesday for two days "
        "of talks.\n\nRuiz met President Daniel Noboa shortly after landing."
    )
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.date) for e in events] == [
        (EventType.VISIT, "2025-03-12"),
        (EventType.MEETING, "2025-03-12"),
    ]


def test_what_talks_ended_without_or_failed_to_reach_did_not_come_about() -> None:
    talks = [(EventType.TALKS, EventStatus.OCCURRED, "2024")]
    assert told("Two rounds of talks in Quito last year ended without a truce.", A_FRIDAY) == talks
    # Nor does it take the time that dates the talks.
    assert told("Earlier rounds of talks in Quito last year failed to secure a lasting truce.", A_FRIDAY) == talks


def test_a_gapped_clause_with_an_event_noun_of_its_own_dates_that_event() -> None:
    text = (
        "In Peru he will attend an Asia-Pacific Economic Cooperation meeting in Arequipa from Nov. 15 to 16, and in "
        "Brazil the Group of 20 leaders summit in Rio de Janeiro on Nov. 18-19."
    )
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.date, e.location.name if e.location else None) for e in events] == [
        (EventType.MEETING, "2025-11-15/2025-11-16", "Arequipa"),
        (EventType.SUMMIT, "2025-11-18/2025-11-19", "Rio de Janeiro"),
    ]


def test_he_in_the_next_sentence_is_the_actor_not_the_spokesman_quoted() -> None:
    text = (
        "Chile's President Ana Ruiz will visit Peru next week, the ministry said on Friday.\n\nRuiz will meet "
        "Peru's president in Lima on March 18, ministry spokesman Luis Quispe told reporters. He said she will "
        "then attend a summit in Quito on March 20."
    )
    summits = [e for e in extract(text, A_FRIDAY).events if e.type is EventType.SUMMIT]
    assert [[a.name for a in e.actors] for e in summits] == [["Ana Ruiz"]]
