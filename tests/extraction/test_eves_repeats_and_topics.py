"""The eve of an event, the latest of repeated acts, acts done at once inside a gathering's days, and what talks
are about. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found, placed


def test_on_the_eve_of_a_dated_event_is_the_day_before_it() -> None:
    told = found(
        "Zembla's leaders opened a summit in Lima on Thursday. On the eve of the summit, the foreign ministers of "
        "Chile and Peru met in the city."
    )
    assert (EventType.MEETING, EventStatus.OCCURRED, "2025-03-12") in told


def test_the_latest_of_repeated_acts_is_dated_by_most_recently_not_the_since_clause() -> None:
    told = found(
        "Ruiz and Quispe have spoken by phone three times since Quispe took office on January 6, "
        "most recently on Sunday."
    )
    assert (EventType.PHONE_CALL, EventStatus.OCCURRED, "2025-03-09") in told


def test_an_act_done_at_once_during_a_gathering_that_is_still_on_is_done() -> None:
    told = found(
        "Zembla opened a three-day summit in Lima on Thursday. Quispe took over the rotating chair of the bloc at "
        "the opening session."
    )
    assert told == [
        (EventType.SUMMIT, EventStatus.ONGOING, "2025-03-13/2025-03-15"),
        (EventType.HANDOVER, EventStatus.OCCURRED, "2025-03-13/2025-03-15"),
    ]


def test_what_talks_are_on_is_no_place() -> None:
    assert placed("Chile and Peru agreed on Monday to resume talks on a fishing pact in the Pacific Ocean.") == [
        (EventType.AGREEMENT, None)
    ]


def test_a_state_the_parser_set_beside_another_as_its_apposition_is_one_more_side() -> None:
    events = extract(
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt recalled their envoys from Doha in June 2017.",
        A_FRIDAY,
    ).events
    assert [(e.location, [a.name for a in e.actors]) for e in events] == [
        (None, ["Saudi Arabia", "United Arab Emirates", "Bahrain", "Egypt"])
    ]


def test_a_participle_that_says_when_an_event_of_some_days_starts_spans_them() -> None:
    assert found("Ruiz is in Peru on a three-day state visit starting on Tuesday.") == [
        (EventType.VISIT, EventStatus.OCCURRED, "2025-03-11/2025-03-13")
    ]


def test_two_verbs_of_one_kind_of_act_on_one_day_one_naming_no_side_are_one_act() -> None:
    told = extract(
        "North Korea fired two cruise missiles into the sea on Thursday, South Korea's military said.\n\n"
        "The missiles were launched from a coastal base at around 6:30 a.m. and flew about 200 kilometers, the "
        "military said.",
        date(2025, 3, 13),
    ).events
    assert [(e.type, e.date, [a.name for a in e.actors]) for e in told] == [
        (EventType.WEAPONS_TEST, "2025-03-13", ["North Korea"])
    ]


def test_states_voting_for_or_against_a_text_hold_no_ballot_of_their_own() -> None:
    assert found(
        "The assembly adopted the resolution on Friday by 120 votes to 9. Chile and Peru voted against it."
    ) == [(EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-14")]


def test_a_nationality_the_model_tagged_as_a_place_still_names_its_state() -> None:
    events = extract(
        "Ukrainian and Russian delegations met in Istanbul on Monday for a second round of talks.", A_FRIDAY
    )
    assert [[a.name for a in e.actors] for e in events.events] == [["Ukraine", "Russia"]]


def test_a_time_and_a_place_on_a_counted_kind_date_and_place_no_act() -> None:
    text = (
        "Peruvian navy boats rammed a Chilean trawler near Arica on Sunday. Chile lodged a diplomatic protest with "
        "Peru on Monday over the incident, the third such confrontation at the port this month."
    )
    assert found(text) == [
        (EventType.INCIDENT, EventStatus.OCCURRED, "2025-03-09"),
        (EventType.PROTEST, EventStatus.OCCURRED, "2025-03-10"),
    ]
    assert placed(text) == [(EventType.INCIDENT, "Arica"), (EventType.PROTEST, None)]


def test_an_agreement_in_a_year_of_its_own_did_not_come_out_of_the_talks_told_before() -> None:
    assert placed(
        "Peru and Chile held talks in Arica on Saturday.\n\n"
        "The neighbours signed a border treaty in May 2019, ending a long dispute."
    ) == [(EventType.TALKS, "Arica"), (EventType.AGREEMENT, None)]
    assert placed("Peru and Chile held talks in Arica on Saturday. They signed a border treaty, officials said.") == [
        (EventType.TALKS, "Arica"),
        (EventType.AGREEMENT, "Arica"),
    ]


def test_a_short_name_the_model_took_for_a_nationality_is_the_person_named_before() -> None:
    events = extract(
        "Prime Minister Mark Carney spoke in Ottawa on Tuesday. "
        "Carney met Chinese Premier Li Qiang in Lima in November.",
        A_FRIDAY,
    ).events
    assert [a.name for a in events[-1].actors] == ["Mark Carney", "Li Qiang"]
