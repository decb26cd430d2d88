"""A measure that is only talked about, how long something runs when a clause on it says so, and where an
agreement takes effect. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found


def test_a_measure_talked_or_quarrelled_about_is_no_measure_taken() -> None:
    assert found("Chile and Bolivia held talks on tariffs on Monday.") == [
        (EventType.TALKS, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("The row over export curbs flared again in February.") == []
    assert found("The two ministers discussed sanctions on Monday.") == []
    # Taken, it is one.
    assert found("Peru imposed tariffs on Chilean copper on Monday.") == [
        (EventType.SANCTION, EventStatus.OCCURRED, "2025-03-10")
    ]


def test_a_clause_on_an_event_that_says_until_when_it_runs_ends_its_span() -> None:
    assert found("The drills, which run until March 20, began on Tuesday.") == [
        (EventType.MILITARY_EXERCISE, EventStatus.ONGOING, "2025-03-11/2025-03-20")
    ]
    # Begun on the day of publication and still running: ongoing, not over.
    assert found("The naval drills, which last until March 19, began on Friday.") == [
        (EventType.MILITARY_EXERCISE, EventStatus.ONGOING, "2025-03-14/2025-03-19")
    ]


def test_an_agreement_taking_effect_takes_no_place_from_the_signing_before_it() -> None:
    text = "Chile and Peru signed the accord in Lima in January. The accord will enter into force on April 1."
    events = extract(text, A_FRIDAY).events
    assert [(e.type, e.status, e.date, e.location.name if e.location else None) for e in events] == [
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-01", "Lima"),
        (EventType.AGREEMENT, EventStatus.SCHEDULED, "2025-04-01", None),
    ]


def test_what_an_effort_or_talks_aim_at_has_not_happened() -> None:
    text = "An envoy met rebel leaders on Sunday in an effort to secure the release of a kidnapped nurse."
    assert [kind for kind, _, _ in found(text)] == [EventType.MEETING]
    assert found("The talks were aimed at securing a truce by Friday.") == []


def test_a_tried_act_is_told_as_done() -> None:
    # Unlike an aim, a try is the act itself, made: the talks were held, if without result.
    text = "In February the mediator tried to restart talks in Quito, without success."
    assert (EventType.TALKS, EventStatus.OCCURRED, "2025-02") in found(text)


def test_a_participle_on_a_captive_is_the_act_done_to_them_with_its_own_time() -> None:
    assert found("Rebels on Sunday freed two nurses abducted in December.") == [
        (EventType.RELEASE, EventStatus.OCCURRED, "2025-03-09"),
        (EventType.ABDUCTION, EventStatus.OCCURRED, "2024-12"),
    ]


def test_people_seized_are_abducted_and_by_police_arrested() -> None:
    assert found("Gunmen seized two aid workers from a clinic on Monday.") == [
        (EventType.ABDUCTION, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("Police seized two suspects on Monday.") == [(EventType.DETENTION, EventStatus.OCCURRED, "2025-03-10")]
    # A ship or a town seized stays a seizure.
    assert found("Ostland seized a Zemblan tanker on Monday.") == [
        (EventType.SEIZURE, EventStatus.OCCURRED, "2025-03-10")
    ]
