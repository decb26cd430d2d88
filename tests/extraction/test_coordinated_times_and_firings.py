"""A verb with a time of its own is not dated by the time of the verb it is coordinated with; shots fired are
a firing; an indefinite event noun brings in an event of its own. Every sentence here was written for this
test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found

PUBLISHED = A_FRIDAY


def test_a_coordinated_verb_with_its_own_time_does_not_take_the_other_verbs_time() -> None:
    text = "The envoy joined the diplomatic service in 1994 and negotiated a fisheries accord with Peru in 2011."
    assert found(text) == [(EventType.TALKS, EventStatus.OCCURRED, "2011")]


def test_two_coordinated_acts_keep_one_time_each() -> None:
    text = "The two ministers met in Quito on Monday, and the envoys signed a trade accord on Wednesday."
    assert found(text) == [
        (EventType.MEETING, EventStatus.OCCURRED, "2025-03-10"),
        (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-12"),
    ]


def test_shots_fired_are_a_firing_incident() -> None:
    assert found("Shots were fired across the river border on Tuesday.") == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-11")
    ]
    assert found("Border guards fired several rounds into the air on Tuesday.") == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-11")
    ]


def test_an_indefinite_gathering_takes_no_date_from_another_meeting_nearby() -> None:
    text = (
        "Minister Ana Ruiz and her Peruvian counterpart Luis Soto met at the margins of a meeting of the "
        "regional bloc, a statement said. Their defence ministers met in the same city on Monday."
    )
    mondays = [e for e in extract(text, PUBLISHED).events if e.date == "2025-03-10"]
    assert [e.type for e in mondays] == [EventType.MEETING]
    assert "defence ministers" in mondays[0].citation.quote


def test_an_event_told_after_or_before_a_dated_act_does_not_take_its_day() -> None:
    # "applied" is no event of ours; its day is not the invasion's, which lies before it.
    assert found("Chile and Peru applied together on May 3, 2022, after Zembla's invasion of the islands.") == []


def test_within_a_month_the_event_told_after_still_falls_in_it() -> None:
    text = "Peru suspended the talks in August after a visit to Lima by Chile's foreign minister."
    assert (EventType.VISIT, EventStatus.OCCURRED, "2024-08") in found(text)


def test_a_gathering_opened_and_closed_on_two_days_is_one_span() -> None:
    text = "The regional summit opened on Wednesday and ends on Friday."
    assert [(kind, date) for kind, _, date in found(text)] == [(EventType.SUMMIT, "2025-03-12/2025-03-14")]
    text = "The fisheries talks began in January and ended in February."
    assert [(kind, date) for kind, _, date in found(text)] == [(EventType.TALKS, "2025-01/2025-02")]


def test_a_package_of_sanctions_agreed_is_a_sanction() -> None:
    text = "Ministers of the bloc agreed a fresh package of sanctions on Wednesday."
    assert found(text) == [(EventType.SANCTION, EventStatus.OCCURRED, "2025-03-12")]


def test_sharp_words_exchanged_are_a_hostile_exchange_and_plain_words_are_not() -> None:
    text = "The two ministers exchanged sharp words on Wednesday."
    assert found(text) == [(EventType.STATEMENT, EventStatus.OCCURRED, "2025-03-12")]
    assert found("The two ministers exchanged a few words on Wednesday.") == []


def test_a_time_set_off_after_a_relative_clause_dates_the_verb_above_it() -> None:
    text = "Zembla pulled Ostland out of the pact, an accord which capped its navy, in May 2018."
    assert found(text) == [(EventType.WITHDRAWAL, EventStatus.OCCURRED, "2018-05")]
    text = "Chile met Peru's president, who took office in May, on Tuesday."
    assert (EventType.MEETING, EventStatus.OCCURRED, "2025-03-11") in found(text)
