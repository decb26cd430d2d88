"""Reports of acts, and acts counted in a series. Every sentence here was written for this test."""

from __future__ import annotations

from events.domain.vocabulary import EventStatus, EventType
from events.extraction.pipeline import extract
from tests.extraction.told import A_FRIDAY, found, placed


def test_a_saying_that_reports_a_dated_act_is_not_an_event_of_its_own() -> None:
    told = found("Peru's foreign ministry said on Wednesday that the two ministers will meet in Lima on Sunday.")
    assert told == [(EventType.MEETING, EventStatus.SCHEDULED, "2025-03-16")]


def test_a_saying_that_changes_a_plan_is_still_the_news() -> None:
    told = found(
        "Chile's foreign ministry said on Monday that it would delay the Andean leaders' meeting planned for April."
    )
    assert (EventType.STATEMENT, EventStatus.OCCURRED, "2025-03-10") in told


def test_a_participle_on_a_counted_kind_tells_no_new_act() -> None:
    told = found(
        "Peru and Chile swapped 40 detainees each on Thursday. "
        "It was the second such swap mediated by Brazil since May."
    )
    assert told == [(EventType.RELEASE, EventStatus.OCCURRED, "2025-03-13")]


def test_a_year_on_a_participle_of_a_noun_with_no_act_dates_that_noun_only() -> None:
    assert found("Zembla will sign the pact in April under a law passed in 2019.") == [
        (EventType.AGREEMENT, EventStatus.SCHEDULED, "2025-04")
    ]
    assert found("The assembly will debate the veto under rules adopted in 2022.") == []


def test_a_participle_that_says_when_its_noun_ran_still_dates_it() -> None:
    told = found("Ostland and Zembla ended the talks begun in 2023 and signed an accord on Monday.")
    assert (EventType.AGREEMENT, EventStatus.OCCURRED, "2025-03-10") in told


def test_an_indefinite_event_noun_does_not_take_the_place_of_the_one_told_before() -> None:
    told = placed(
        "Peru's first delegation will fly to Quito on May 23. Chile announced the plan in July during a visit by "
        "Peru's foreign minister."
    )
    assert told.count((EventType.VISIT, "Quito")) == 1
    assert (EventType.VISIT, None) in told


def test_a_body_that_approves_an_act_decides_it_and_the_act_is_not_yet_done() -> None:
    assert found("Peru's congress on Thursday approved the deployment of 300 soldiers to Ecuador.") == [
        (EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-13")
    ]


def test_a_dateline_the_parser_takes_for_a_subject_does_not_hide_the_deciding_body() -> None:
    assert found("LIMA, Peru (Reuters) - Peru's congress on Thursday approved a membership bid by Ecuador.") == [
        (EventType.RESOLUTION, EventStatus.OCCURRED, "2025-03-13")
    ]


def test_people_ordered_out_are_expelled() -> None:
    events = extract("Chile ordered two Peruvian consular officials out on Tuesday.", A_FRIDAY).events
    assert [(e.type, e.status, e.date) for e in events] == [(EventType.EXPULSION, EventStatus.OCCURRED, "2025-03-11")]
    assert events[0].title.startswith("Chile orders out")


def test_where_people_are_expelled_from_is_read_on_the_expelling_word_only() -> None:
    told = placed(
        "Peru expelled two Chilean envoys on Thursday in response to the expulsion of its consul "
        "from Santiago last week."
    )
    assert told == [(EventType.EXPULSION, "Peru"), (EventType.EXPULSION, "Santiago")]


def test_a_definite_attack_names_the_use_of_force_told_before_and_dates_what_it_is_measured_from() -> None:
    events = extract(
        "Peruvian drones struck a fuel depot in Tumbes on Monday.\n\n"
        "The attack came a day after Ecuador launched a drone strike on Piura.",
        A_FRIDAY,
    ).events
    assert [(e.type, e.date, e.location.name if e.location else None) for e in events] == [
        (EventType.MILITARY_ACTION, "2025-03-10", "Tumbes"),
        (EventType.MILITARY_ACTION, "2025-03-09", "Piura"),
    ]


def test_what_an_act_is_counted_as_is_no_second_act() -> None:
    told = found("The talks in Lima on Wednesday will be the first meeting of both sides since a quarrel on Feb. 28.")
    assert told == [(EventType.TALKS, EventStatus.SCHEDULED, "2025-03-19")]


def test_a_day_inside_a_since_phrase_dates_where_the_count_starts_not_the_act() -> None:
    assert found("Talks in Lima resumed, the first since a quarrel on Feb. 28.") == []
