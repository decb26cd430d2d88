"""An act told as a condition or an open question is no news; an act a past decision made took place.
Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from tests.extraction.told import told

PUBLISHED = date(2025, 7, 21)


def found(text: str) -> list[tuple[EventType, EventStatus, str]]:
    return told(text, PUBLISHED)


def test_an_act_told_as_a_condition_is_no_event() -> None:
    assert found("Ostland warned of new tariffs if no accord is signed by the end of August.") == []
    assert found("The envoys will meet in Vienna if both capitals agree on Friday.") == []
    # The main clause of a condition is still told: "the ministers will meet again in May".
    text = "If the talks fail, the ministers will meet again in May."
    assert found(text) == [(EventType.MEETING, EventStatus.SCHEDULED, "2026-05")]


def test_a_definite_event_inside_a_question_is_taken_as_given() -> None:
    text = "Reporters asked whether Zembla would reverse the 2018 decision to expel the envoy."
    assert found(text) == [(EventType.EXPULSION, EventStatus.OCCURRED, "2018")]


def test_an_act_of_a_past_decision_took_place() -> None:
    assert found("The 2019 decision to expel two attaches was criticised.") == [
        (EventType.EXPULSION, EventStatus.OCCURRED, "2019")
    ]
    # A decision dated ahead stays a plan.
    text = "The decision to send troops next month was approved on Monday."
    assert all(status is EventStatus.SCHEDULED for _, status, _ in found(text))


def test_what_another_act_would_be_is_no_event_of_its_own() -> None:
    text = "The two presidents will meet soon, their aides said on Thursday, in what would be their first summit."
    assert found(text) == []


def test_taking_office_named_only_to_count_trips_from_is_no_news() -> None:
    text = "The premier will visit Oslo later this year, her second trip abroad since taking office in 2023."
    assert [kind for kind, _, _ in found(text)] == [EventType.VISIT]
