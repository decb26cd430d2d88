"""A gathering called, captives pardoned, an envoy declared unwelcome, a member suspended by a body, a done act
with a time ahead in its phrase, a text issued on a weekday, and a lead whose only span of time dates nothing.
Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found

A_TUESDAY = date(2015, 11, 24)


def test_calling_a_meeting_convenes_it_and_calling_for_talks_asks_for_them() -> None:
    text = "The alliance called an emergency meeting of envoys late on Tuesday in Brussels."
    assert [(e.type, e.date) for e in extract(text, A_TUESDAY).events] == [(EventType.MEETING, "2015-11-24")]
    assert extract("Chile called for talks with Peru on Tuesday.", A_TUESDAY).events == []


def test_pardoned_captives_are_freed_and_the_day_is_the_pardon_s() -> None:
    text = "Peru's president on Monday pardoned nine Chilean fishermen seized while trawling in its waters."
    assert found(text) == [(EventType.RELEASE, EventStatus.OCCURRED, "2025-03-10")]
    assert found("The governor pardoned a local tax fraudster on Monday.") == []


def test_an_envoy_declared_unwelcome_is_no_actor_and_the_title_names_the_envoy() -> None:
    events = extract("Chile on Monday declared the Peruvian ambassador persona non grata.", A_FRIDAY).events
    assert [([a.name for a in e.actors], e.title) for e in events] == [
        (["Chile"], "Chile declares Peruvian ambassador persona non grata")
    ]
    events = extract("Chile on Tuesday expelled the U.S. envoy.", A_FRIDAY).events
    assert [e.title for e in events] == ["Chile expels U.S. envoy"]


def test_a_time_ahead_in_a_phrase_does_not_date_an_act_told_as_done() -> None:
    text = "Chile has frozen its ties with Peru, down to staying away from this summer's regional games."
    assert found(text) == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-14")]


def test_a_span_that_dates_nothing_does_not_stop_a_lead_s_news() -> None:
    text = "Chile has announced it agreed a truce with Peru after the worst border fighting in decades."
    assert found(text) == [(EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-14")]


def test_a_body_that_suspends_a_member_shuts_it_out() -> None:
    assert found("The African Union suspended Mali on Monday.") == [
        (EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-10")
    ]
    assert found("Ecowas suspended Guinea on Monday.") == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-10")]
    # In a lead, joined to another verb, with the day of what it punishes in its "as punishment for" phrase.
    text = "The bloc has sided with its neighbours and suspended Niger, as punishment for Sunday's putsch."
    assert found(text) == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2025-03-14")]
    assert found("Chile suspended Peru on Monday.") == []


def test_a_weekday_owning_an_issued_text_told_in_the_present_is_gone_by() -> None:
    events = extract("Monday's decree lifts the curbs on Peruvian fruit.", A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.SANCTION, EventStatus.OCCURRED, "2025-03-10")]
