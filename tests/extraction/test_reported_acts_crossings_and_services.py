"""An act a report says was under way, a pronoun for what was left, ways between states shut and opened, and
the states behind the services that act for them. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_an_act_a_past_report_says_was_under_way_is_dated_by_the_report() -> None:
    assert found("Peru said on Tuesday that it was expelling three Chilean diplomats.") == [
        (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-11")
    ]
    assert found("Chile said on Tuesday it was suspending its membership of the pact.") == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_an_act_a_report_says_was_done_before_it_keeps_no_report_date() -> None:
    # The pluperfect puts the expulsion before the report: Tuesday is not its day.
    assert (EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-11") not in found(
        "Peru said on Tuesday that it had expelled three Chilean diplomats in January."
    )


def test_it_after_a_binding_noun_in_its_sentence_is_that_noun() -> None:
    text = "Ecuador suspended the accord in 2009 and withdrew from it in 2016."
    assert found(text) == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2009"),
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2016"),
    ]
    # "it" after a plan names nothing that binds: no withdrawal.
    assert found("The minister praised the plan in May but withdrew from it in June.") == []


def test_a_border_shut_is_a_restriction_and_opened_again_a_restored_tie() -> None:
    assert found("Bolivia closed its border with Chile on Monday.") == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("The checkpoint was sealed in June 2021.") == [(EventType.SANCTION, EventStatus.OCCURRED, "2021-06")]
    assert found("Peru reopened its airspace to Chilean airlines on Wednesday.") == [
        (EventType.TIES_RESTORED, EventStatus.OCCURRED, "2025-03-12")
    ]


def test_a_way_between_states_that_opens_with_no_object_is_a_restored_tie_between_them() -> None:
    events = extract("The crossing between Bolivia and Peru reopened to buses on Thursday.", A_FRIDAY).events
    assert [(e.type, e.date, e.title) for e in events] == [
        (EventType.TIES_RESTORED, "2025-03-13", "Crossing between Bolivia and Peru reopens")
    ]
    assert [a.name for a in events[0].actors] == ["Bolivia", "Peru"]
    assert [
        (e.type, e.date)
        for e in extract("Direct flights between Chile and Bolivia resumed on Monday.", A_FRIDAY).events
    ] == [(EventType.TIES_RESTORED, "2025-03-10")]


def test_opening_something_that_is_no_way_between_states_is_no_event() -> None:
    # Opening fire is no way opened: a firing with no target named, as "fired shots near the river" is.
    assert found("Soldiers opened fire near the border on Monday.") == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("The museum reopened on Monday.") == []


def test_the_services_of_named_states_are_those_states() -> None:
    events = extract("The navies of Chile and Peru began joint drills off Arica on Monday.", A_FRIDAY).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [(EventType.MILITARY_EXERCISE, ["Chile", "Peru"])]


def test_a_well_known_city_before_a_spaced_dash_is_a_dateline_and_names_no_actor() -> None:
    events = extract("Santiago - The Chilean Senate on Monday ratified a trade accord with Peru.", A_FRIDAY).events
    assert [(e.type, e.date, e.location.name if e.location else None) for e in events] == [
        (EventType.AGREEMENT, "2025-03-10", "Santiago")
    ]
    assert "Santiago" not in [a.name for a in events[0].actors]
    # A person's name before a dash is no dateline.
    events = extract("Rosa Quispe - the envoy of Peru - met Chile's president on Monday.", A_FRIDAY).events
    assert all(e.location is None or e.location.name != "Rosa Quispe" for e in events)


def test_the_true_subject_joined_to_a_dateline_without_an_agency_acts() -> None:
    events = extract("Quito, Ecuador — Peru and Bolivia signed a border accord on Monday.", A_FRIDAY).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [(EventType.AGREEMENT, ["Peru", "Bolivia"])]


def test_a_past_deed_in_a_who_clause_is_not_dated_by_the_main_clause() -> None:
    # The clause says who the envoy was; Wednesday is the day of the death, not of the talks.
    assert found("Rosa Quispe, the envoy who negotiated Peru's accord with Chile, died on Wednesday.") == []
    # Its own time dates it.
    assert found("Rosa Quispe, who negotiated Peru's accord with Chile in 1999, died on Wednesday.") == [
        (EventType.TALKS, EventStatus.OCCURRED, "1999")
    ]


def test_delegations_and_officials_from_named_states_are_those_states() -> None:
    events = extract("Delegations from Chile and Bolivia arrived in Lima on Monday.", A_FRIDAY).events
    assert [[a.name for a in e.actors] for e in events] == [["Chile", "Bolivia"]]
    events = extract("Officials from Peru met Chilean envoys on Monday.", A_FRIDAY).events
    assert [a.name for a in events[0].actors][:1] == ["Peru"]


def test_a_crowd_storming_a_states_mission_is_an_incident() -> None:
    assert found("Protesters stormed the Peruvian embassy in La Paz early on Thursday.") == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-13")
    ]
    # A crowd storming a building of its own state is no act between states.
    assert found("Protesters stormed the parliament on Thursday.") == []


def test_a_way_shut_to_someone_keeps_its_own_rule() -> None:
    events = extract("Peru closed its airspace to Chilean airlines on Monday.", A_FRIDAY).events
    assert [(e.type, e.rule) for e in events] == [(EventType.SANCTION, "verb:close-to+own-date")]
