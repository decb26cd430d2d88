"""Opening fire, a place repeated in a gapped clause, talks and a meeting of the same people on one day, taking
part in a summit, and a perfect in the lead dated by its report.
Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_opening_fire_on_a_target_is_an_attack_and_without_one_a_firing() -> None:
    assert found("Bolivian troops opened fire on Peruvian positions on Tuesday.") == [
        (EventType.MILITARY_ACTION, EventStatus.OCCURRED, "2025-03-11")
    ]
    assert found("Border guards opened fire on Tuesday.") == [(EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-11")]
    assert found("The new museum opened on Tuesday.") == []


def test_a_city_repeated_in_a_gapped_clause_is_a_place_not_a_side() -> None:
    events = extract("The forum follows similar gatherings in Quito in 2023 and Lima last year.", A_FRIDAY).events
    assert [(e.date, e.location.name if e.location else None, [a.name for a in e.actors]) for e in events] == [
        ("2023", "Quito", []),
        ("2024", "Lima", []),
    ]


def test_talks_and_a_meeting_of_the_same_people_on_one_day_are_one_event() -> None:
    text = (
        "Ruiz, Quispe hold 'candid' talks on sidelines of regional meetings\n\nLIMA - Peruvian Foreign Minister "
        "Ana Ruiz met Bolivia's top diplomat Luis Quispe in Lima on Thursday, the first meeting between the two "
        "since Quispe took office."
    )
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.date) for e in events] == [(EventType.MEETING, "2025-03-13")]
    # Of different people, talks and a meeting on one day stay two events.
    text = "Peru's Ana Ruiz met Luis Quispe on Thursday. Envoys of Chile and Bolivia held talks in Quito on Thursday."
    assert sorted(e.type for e in extract(text, A_FRIDAY).events) == [EventType.MEETING, EventType.TALKS]


def test_one_who_attends_a_summit_takes_part_and_does_not_hold_it() -> None:
    (event,) = extract(
        "Peru's president is expected to attend a summit of Andean states in Quito next month.", A_FRIDAY
    ).events
    assert [(a.name, a.role.value) for a in event.actors] == [("Peru", "participant")]
    (event,) = extract("Peru will host a summit of Andean states in Lima next month.", A_FRIDAY).events
    assert [(a.name, a.role.value) for a in event.actors] == [("Peru", "initiator")]


def test_a_perfect_in_the_lead_dated_by_its_report_yields_to_the_day_told_below() -> None:
    text = (
        "Peru and Bolivia have signed a memorandum on gas supplies, state media in both countries reported on "
        "Thursday.\n\nThe memorandum was signed by the two energy ministers in Quito on Wednesday."
    )
    assert [(e.type, e.date) for e in extract(text, A_FRIDAY).events] == [(EventType.AGREEMENT, "2025-03-12")]
    # Told only in the lead, the report's day stands.
    lead = "Peru and Bolivia have signed a memorandum on gas supplies, state media reported on Thursday."
    assert [(e.type, e.date) for e in extract(lead, A_FRIDAY).events] == [(EventType.AGREEMENT, "2025-03-13")]
